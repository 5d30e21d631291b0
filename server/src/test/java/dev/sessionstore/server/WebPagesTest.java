package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.SessionToken;
import dev.sessionstore.server.web.LoginThrottle;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pages over plain HTTP: cookies, CSRF, throttling, a new session at login. */
class WebPagesTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static final SharedMemoryServer server = new SharedMemoryServer();

    /** A browser's state: its cookies. */
    private static final class Browser {
        String loginCsrf = "";
        String sid = "";

        String cookies() {
            return "__Host-csrf=" + loginCsrf + (sid.isEmpty() ? "" : "; __Host-sid=" + sid);
        }

        void take(HttpResponse<String> res) {
            for (String c : res.headers().allValues("Set-Cookie")) {
                String value = c.substring(c.indexOf('=') + 1, c.indexOf(';'));
                if (c.startsWith("__Host-csrf=")) {
                    loginCsrf = value;
                } else if (c.startsWith("__Host-sid=")) {
                    sid = value;
                }
            }
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(b.isEmpty() ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static HttpResponse<String> get(Browser b, String path) {
        HttpResponse<String> res = server.send(
                server.request(path).header("Cookie", b.cookies()).GET().build());
        b.take(res);
        return res;
    }

    private static HttpResponse<String> post(Browser b, String path, String body) {
        HttpResponse<String> res = server.send(server.request(path)
                .header("Cookie", b.cookies())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")
                .POST(BodyPublishers.ofString(body))
                .build());
        b.take(res);
        return res;
    }

    private static HttpResponse<String> login(Browser b, String user, String password) {
        String csrf = csrf(get(b, "/login").body());
        return post(b, "/login", form("csrf", csrf, "username", user, "password", password));
    }

    @Test
    void root_sendsASignedInBrowserToItsSessions_andAStaleCookieOnToTheLogin() {
        Browser anonymous = new Browser();
        assertThat(get(anonymous, "/").headers().firstValue("Location")).contains("/login");

        Browser carol = new Browser();
        login(carol, "carol", "carol-demo-pass");
        assertThat(get(carol, "/").headers().firstValue("Location")).contains("/sessions");
        assertThat(get(carol, "/sessions").statusCode()).isEqualTo(200);

        Browser stale = new Browser();
        stale.sid = SessionToken.generateAnonymous().reveal();
        assertThat(get(stale, "/").headers().firstValue("Location")).contains("/sessions");
        assertThat(get(stale, "/sessions").headers().firstValue("Location")).contains("/login");
    }

    @Test
    void login_setsAHostPrefixedSecureHttpOnlyLaxCookie_andShowsTheSessionsPage() {
        Browser b = new Browser();
        HttpResponse<String> res = login(b, "bob", "bob-demo-pass");
        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).hasValue("/sessions");
        Optional<String> cookie = res.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-sid="))
                .findFirst();
        assertThat(cookie)
                .hasValueSatisfying(c -> assertThat(c)
                        .contains("; Path=/")
                        .contains("; Secure")
                        .contains("; HttpOnly")
                        .contains("; SameSite=Lax")
                        .doesNotContain("Domain"));
        HttpResponse<String> page = get(b, "/sessions");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Your sessions")
                .contains("Firefox on Linux")
                .contains("This device");
    }

    @Test
    void login_givesANewSessionEachTime_andRevokesTheOldOne() {
        Browser b = new Browser();
        login(b, "carol", "carol-demo-pass");
        String first = b.sid;
        b.sid = "";
        String csrf = csrf(get(b, "/login").body());
        b.sid = first; // a planted or old session cookie is present at the next login
        post(b, "/login", form("csrf", csrf, "username", "carol", "password", "carol-demo-pass"));
        assertThat(b.sid).isNotEqualTo(first).isNotEmpty();
        Browser stale = new Browser();
        stale.sid = first;
        assertThat(get(stale, "/sessions").headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void formsWithoutTheirCsrfToken_areRefused() {
        Browser b = new Browser();
        get(b, "/login");
        assertThat(post(b, "/login", form("csrf", "forged", "username", "bob", "password", "bob-demo-pass"))
                        .statusCode())
                .isEqualTo(403);
        login(b, "bob", "bob-demo-pass");
        assertThat(post(b, "/sessions/revoke-others", form("csrf", "forged")).statusCode())
                .isEqualTo(403);
        assertThat(post(b, "/logout", "").statusCode()).isEqualTo(403);
        assertThat(get(b, "/sessions").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswords_areThrottledPerUserAndAddress() {
        Browser b = new Browser();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(login(b, "alice", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login(b, "alice", "alice-demo-pass");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many failed attempts");
    }

    @Test
    void logout_revokesTheSession_andSignOutOne_revokesOnlyThatOne() {
        Browser laptop = new Browser();
        Browser phone = new Browser();
        login(laptop, "dora-not-a-user", "x");
        assertThat(laptop.sid).isEmpty();
        login(laptop, "bob", "bob-demo-pass");
        login(phone, "bob", "bob-demo-pass");
        assertLive(phone.sid);
        String page = get(laptop, "/sessions").body();
        List<String> ids = Pattern.compile("name=\"id\" value=\"([^\"]+)\"")
                .matcher(page)
                .results()
                .map(r -> r.group(1))
                .toList();
        assertThat(ids).isNotEmpty().contains(idOf(phone.sid)).doesNotContain(idOf(laptop.sid));
        HttpResponse<String> revoked =
                post(laptop, "/sessions/revoke", form("csrf", csrf(page), "id", idOf(phone.sid)));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/sessions");
        assertDead(phone.sid);
        HttpResponse<String> after = get(laptop, "/sessions");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(idOf(phone.sid));
        assertLive(laptop.sid);

        String csrf = csrf(get(laptop, "/sessions").body());
        String signedOut = laptop.sid;
        HttpResponse<String> out = post(laptop, "/logout", form("csrf", csrf));
        assertThat(out.headers().firstValue("Location")).hasValue("/login");
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("__Host-sid=;"));
        assertDead(signedOut);
    }

    private static String idOf(String sid) {
        return SessionToken.tryParse(sid).orElseThrow().id().value();
    }

    /** The store still finds the session behind this cookie. */
    private static void assertLive(String sid) {
        assertThat(readThroughTheApi(sid).statusCode())
                .as("the session is live")
                .isEqualTo(200);
    }

    /** The session behind this cookie is gone from the store, and a browser still holding it must sign in again. */
    private static void assertDead(String sid) {
        assertThat(readThroughTheApi(sid).statusCode())
                .as("the store no longer finds the session")
                .isEqualTo(404);
        Browser kept = new Browser();
        kept.sid = sid;
        assertThat(get(kept, "/sessions").headers().firstValue("Location")).hasValue("/login");
    }

    private static HttpResponse<String> readThroughTheApi(String sid) {
        return server.send(server.api("/v1/session?touch=false")
                .header("Session-Token", sid)
                .GET()
                .build());
    }
}

package dev.sessionstore.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.embedded.RedisServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample over plain HTTP (no browser needed): sign in with the CSRF token, "Your sessions", sign out one,
 * another user's session refused, logout; and what Redis holds afterwards: no token, no Java serialization.
 */
class PagesIT {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern REVOKE = Pattern.compile("action=\"/sessions/([^\"/]+)/revoke\"");
    private static final byte[] JAVA_SERIALIZATION = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05};

    private static RedisServerProcess redis;
    private static RunningApp app;
    /** Every session cookie any client of this class was given, before and after login. */
    private static final List<String> cookiesSeen = new ArrayList<>();

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.startEphemeral();
        app = RunningApp.start(RedisServerProcess.freePort(), redis.uri());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** One browser: its session cookie, redirects not followed. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private Optional<String> session = Optional.empty();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            session.ifPresent(value -> request.header("Cookie", "SESSION=" + value));
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(10))
                            .header("User-Agent", "PagesIT")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(header -> header.startsWith("SESSION="))
                    .findFirst()
                    .ifPresent(header -> {
                        String value = header.substring("SESSION=".length(), header.indexOf(';'));
                        session = value.isEmpty() ? Optional.empty() : Optional.of(value);
                        if (!value.isEmpty()) {
                            cookiesSeen.add(value);
                        }
                    });
            return response;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(app.url(path))));
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Posts a form of the page at {@code from}, with that page's CSRF token. */
        HttpResponse<String> submit(String from, String action, Map<String, String> fields)
                throws IOException, InterruptedException {
            HttpResponse<String> page = get(from);
            assertThat(page.statusCode()).as("GET " + from).isEqualTo(200);
            Map<String, String> form = new java.util.HashMap<>(fields);
            form.put("_csrf", csrf(page.body()));
            return post(action, form);
        }

        void signIn(String user) throws IOException, InterruptedException {
            HttpResponse<String> login =
                    submit("/login", "/login", Map.of("username", user, "password", user + "-demo-pass"));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).hasValue(app.url("/"));
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private static List<String> revokeIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = REVOKE.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
        HttpResponse<String> home = new Client().get("/sessions");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue(app.url("/login"));
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        Client client = new Client();
        HttpResponse<String> login =
                client.submit("/login", "/login", Map.of("username", "alice", "password", "not-alices-password"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue(app.url("/login?error"));
        assertThat(client.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void yourSessions_listsEachDevice_marksThisOne_andSignsOutAnother() throws Exception {
        Client laptop = new Client();
        laptop.signIn("alice");
        Client phone = new Client();
        phone.signIn("alice");

        assertThat(laptop.get("/").body()).contains("Signed in as <span id=\"user\">alice</span>");
        String page = laptop.get("/sessions").body();
        assertThat(page.split("class=\"session").length - 1).isEqualTo(2);
        assertThat(page.split("\\(this device\\)").length - 1).isEqualTo(1);
        List<String> others = revokeIds(page);
        assertThat(others).hasSize(1); // this device has no sign-out button, only Sign out
        assertThat(others.getFirst()).doesNotContain(laptop.session.orElseThrow());

        HttpResponse<String> revoked =
                laptop.submit("/sessions", "/sessions/" + others.getFirst() + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(phone.get("/sessions").statusCode()).isEqualTo(302); // the phone is signed out
        assertThat(revokeIds(laptop.get("/sessions").body())).isEmpty();
    }

    @Test
    void anotherUsersSessionCannotBeSignedOut() throws Exception {
        Client bob = new Client();
        bob.signIn("bob");
        Client bobsOther = new Client();
        bobsOther.signIn("bob");
        String bobsOtherId = revokeIds(bob.get("/sessions").body()).getFirst();

        Client carol = new Client();
        carol.signIn("carol");
        HttpResponse<String> refused = carol.submit("/", "/sessions/" + bobsOtherId + "/revoke", Map.of());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(bobsOther.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> noCsrf = carol.post("/sessions/revoke-others", Map.of());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }

    @Test
    void aSpringSessionDataRedisCookieFromBeforeTheMigrationIsNoSession() throws Exception {
        Client migrated = new Client();
        migrated.session = Optional.of(Base64.getEncoder()
                .encodeToString("8e0f7c2a-4b1d-4e0a-9d3c-2f6b5a1e7c90".getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> home = migrated.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue(app.url("/login"));
        migrated.signIn("alice");
        assertThat(migrated.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionInTheStore() throws Exception {
        Client client = new Client();
        client.signIn("carol");
        String cookie = client.session.orElseThrow();

        HttpResponse<String> logout = client.submit("/", "/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(app.url("/login?logout"));

        Client replay = new Client();
        replay.session = Optional.of(cookie); // the old cookie, replayed
        assertThat(replay.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void redisHoldsNoTokenAndNoJavaSerializedValue() throws Exception {
        Client client = new Client();
        client.signIn("bob");
        assertThat(client.get("/sessions").statusCode()).isEqualTo(200);

        List<RedisScan.Entry> entries = RedisScan.all(redis.uri());
        assertThat(entries).isNotEmpty();
        assertThat(entries)
                .anySatisfy(entry -> assertThat(new String(entry.content(), StandardCharsets.UTF_8))
                        .contains("SPRING_SECURITY_CONTEXT"));
        assertThat(cookiesSeen).hasSizeGreaterThanOrEqualTo(2);
        for (String cookie : cookiesSeen) {
            String token = new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
            assertThat(token).startsWith("sst_");
            for (RedisScan.Entry entry : entries) {
                assertThat(entry.contains(token.getBytes(StandardCharsets.US_ASCII)))
                        .as("token of cookie %s under key %s", cookie, entry.key())
                        .isFalse();
                assertThat(entry.contains(token.substring(4).getBytes(StandardCharsets.US_ASCII)))
                        .as("token body under key %s", entry.key())
                        .isFalse();
                assertThat(entry.contains(cookie.getBytes(StandardCharsets.US_ASCII)))
                        .as(
                                "cookie %s under key %s: %s",
                                cookie, entry.key(), new String(entry.content(), StandardCharsets.UTF_8))
                        .isFalse();
            }
        }
        assertThat(entries)
                .noneSatisfy(entry -> assertThat(entry.contains(JAVA_SERIALIZATION))
                        .as("Java serialization under " + entry.key())
                        .isTrue());
    }
}

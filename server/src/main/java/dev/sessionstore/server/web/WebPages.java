package dev.sessionstore.server.web;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.server.http.HttpSupport;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The pages for people: sign in, "Your sessions", sign out, and their stylesheet. A signed-in browser holds its
 * session token in the {@code __Host-sid} cookie; the session keeps a synchronizer CSRF token, the User-Agent and the
 * address as attributes. The login form is protected by a double-submit cookie, since there is no session yet.
 */
public final class WebPages implements HttpService {
    static final String ATTR_CSRF = "csrf";
    static final String ATTR_USER_AGENT = "userAgent";

    /** The session attribute holding the client address at sign-in. */
    public static final String ATTR_ADDRESS = "address";

    private static final int MAX_USER_AGENT = 300;

    /** A signed-in browser: its token and session. */
    record SignedIn(SessionToken token, Session session, String user, String csrf) {}

    private final SessionStore store;
    private final UserDirectory users;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final byte[] css = HttpSupport.resource("/static/app.css");

    public WebPages(SessionStore store, UserDirectory users, Clock clock) {
        this.store = store;
        this.users = users;
        this.throttle = new LoginThrottle(clock);
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/static/app.css", this::stylesheet);
        page(rules, Method.GET, "/", this::start);
        page(rules, Method.GET, "/login", this::loginForm);
        page(rules, Method.POST, "/login", this::login);
        page(rules, Method.GET, "/sessions", this::sessions);
        page(rules, Method.POST, "/sessions/revoke", this::revokeOne);
        page(rules, Method.POST, "/sessions/revoke-others", this::revokeOthers);
        page(rules, Method.POST, "/logout", this::logout);
    }

    private static void page(HttpRules rules, Method method, String path, Handler handler) {
        rules.route(method, path, WebSupport.page(handler));
    }

    private void stylesheet(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/css; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
        res.send(css);
    }

    /** To the sessions page with a session cookie, else to the login; no store call (the next page checks it). */
    private void start(ServerRequest req, ServerResponse res) {
        boolean cookie = WebSupport.cookie(req, WebSupport.SESSION_COOKIE)
                .flatMap(SessionToken::tryParse)
                .isPresent();
        WebSupport.redirect(res, cookie ? "/sessions" : "/login");
    }

    /** The signed-in browser, if its cookie opens a live session (the touch slides its expiry). */
    Optional<SignedIn> signedIn(ServerRequest req) {
        return WebSupport.cookie(req, WebSupport.SESSION_COOKIE)
                .flatMap(SessionToken::tryParse)
                .flatMap(token -> store.touch(token)
                        .flatMap(s -> s.userId()
                                .map(user -> new SignedIn(
                                        token,
                                        s,
                                        user,
                                        s.attribute(ATTR_CSRF)
                                                .flatMap(JsonValue::asString)
                                                .orElse("")))));
    }

    private void loginForm(ServerRequest req, ServerResponse res) {
        if (signedIn(req).isPresent()) {
            WebSupport.redirect(res, "/sessions");
            return;
        }
        showLogin(res, Status.OK_200, "", Optional.empty());
    }

    private void showLogin(ServerResponse res, Status status, String user, Optional<String> error) {
        String csrf = WebSupport.randomToken();
        WebSupport.setCookie(res, WebSupport.LOGIN_CSRF_COOKIE, csrf);
        WebSupport.html(res, status, Views.login(csrf, user, error));
    }

    private void login(ServerRequest req, ServerResponse res) {
        Map<String, String> form = WebSupport.form(req);
        WebSupport.requireLoginCsrf(req, form);
        String user = form.getOrDefault("username", "").trim();
        String password = form.getOrDefault("password", "");
        String address = WebSupport.clientAddress(req);
        if (user.isEmpty() || user.length() > 128 || password.length() > 256) {
            showLogin(res, Status.BAD_REQUEST_400, "", Optional.of("Enter a user name and a password."));
            return;
        }
        Optional<Duration> wait = throttle.retryAfter(user, address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            res.header(HeaderNames.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
            showLogin(
                    res,
                    Status.TOO_MANY_REQUESTS_429,
                    user,
                    Optional.of("Too many failed attempts. Try again in " + minutes + " min."));
            return;
        }
        if (!users.authenticate(user, password)) {
            throttle.failed(user, address);
            showLogin(res, Status.UNAUTHORIZED_401, user, Optional.of("Wrong user name or password."));
            return;
        }
        throttle.succeeded(user, address);
        startSession(req, res, user, address);
    }

    /** A new session at every login; the old one, if any, is revoked. */
    private void startSession(ServerRequest req, ServerResponse res, String user, String address) {
        WebSupport.cookie(req, WebSupport.SESSION_COOKIE)
                .flatMap(SessionToken::tryParse)
                .ifPresent(store::revoke);
        String ua = req.headers().first(HeaderNames.USER_AGENT).orElse("");
        CreatedSession created = store.create(NewSession.builder()
                .userId(user)
                .attribute(ATTR_CSRF, JsonValue.of(WebSupport.randomToken()))
                .attribute(
                        ATTR_USER_AGENT,
                        JsonValue.of(ua.length() > MAX_USER_AGENT ? ua.substring(0, MAX_USER_AGENT) : ua))
                .attribute(ATTR_ADDRESS, JsonValue.of(address))
                .index("via", "web")
                .build());
        WebSupport.clearCookie(res, WebSupport.LOGIN_CSRF_COOKIE);
        WebSupport.setCookie(res, WebSupport.SESSION_COOKIE, created.token().reveal());
        WebSupport.redirect(res, "/sessions");
    }

    private void sessions(ServerRequest req, ServerResponse res) {
        Optional<SignedIn> me = signedIn(req);
        if (me.isEmpty()) {
            WebSupport.redirect(res, "/login");
            return;
        }
        SignedIn s = me.get();
        WebSupport.html(
                res,
                Status.OK_200,
                Views.sessions(s.user(), store.listByUser(s.user()), s.session().id(), s.csrf(), clock.instant()));
    }

    private void revokeOne(ServerRequest req, ServerResponse res) {
        withForm(req, res, (me, form) -> {
            Optional<SessionId> id = SessionId.tryParse(form.getOrDefault("id", ""));
            boolean own = id.isPresent() && store.listByUser(me.user()).stream().anyMatch(s -> s.id().equals(id.get()));
            if (own) {
                store.revoke(id.get());
            }
            WebSupport.redirect(res, id.equals(Optional.of(me.session().id())) ? "/login" : "/sessions");
        });
    }

    private void revokeOthers(ServerRequest req, ServerResponse res) {
        withForm(req, res, (me, form) -> {
            store.revokeByUser(me.user(), Optional.of(me.session().id()));
            WebSupport.redirect(res, "/sessions");
        });
    }

    private void logout(ServerRequest req, ServerResponse res) {
        withForm(req, res, (me, form) -> {
            store.revoke(me.token());
            WebSupport.clearCookie(res, WebSupport.SESSION_COOKIE);
            WebSupport.redirect(res, "/login");
        });
    }

    private interface FormAction {
        void run(SignedIn me, Map<String, String> form);
    }

    /** Runs a POST for a signed-in browser whose form carries its session's CSRF token. */
    private void withForm(ServerRequest req, ServerResponse res, FormAction action) {
        Optional<SignedIn> me = signedIn(req);
        if (me.isEmpty()) {
            WebSupport.redirect(res, "/login");
            return;
        }
        Map<String, String> form = WebSupport.form(req);
        WebSupport.requireCsrf(me.get().csrf(), form);
        action.run(me.get(), form);
    }
}

package dev.sessionstore.server.admin;

import dev.sessionstore.Session;
import dev.sessionstore.SessionStore;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.CoordinationException;
import dev.sessionstore.server.http.ApiException;
import dev.sessionstore.server.http.ApiKey;
import dev.sessionstore.server.http.Problem;
import dev.sessionstore.server.jobs.ServerCoordination;
import dev.sessionstore.server.web.Html;
import dev.sessionstore.server.web.WebSupport;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin page, behind the API key: sent as {@code Authorization: Bearer}, or typed once into the page's form,
 * which sets {@code __Host-admin} = expiry + HMAC-SHA256(api key, expiry) for {@link #VALIDITY}.
 */
public final class AdminPage implements HttpService {
    static final Duration VALIDITY = Duration.ofHours(8);

    private final StoreFacts facts;
    private final SessionStore store;
    private final ApiKey apiKey;
    private final ServerCoordination coordination;
    private final Clock clock;

    public AdminPage(
            StoreFacts facts, SessionStore store, ApiKey apiKey, ServerCoordination coordination, Clock clock) {
        this.facts = facts;
        this.store = store;
        this.apiKey = apiKey;
        this.coordination = coordination;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        page(rules, Method.GET, "/admin", this::show);
        page(rules, Method.POST, "/admin/login", this::login);
        page(rules, Method.POST, "/admin/logout", this::logout);
        page(rules, Method.POST, "/admin/breakers", this::forceBreaker);
    }

    private static void page(HttpRules rules, Method method, String path, Handler handler) {
        rules.route(method, path, WebSupport.page(handler));
    }

    private void show(ServerRequest req, ServerResponse res) {
        if (!authorized(req)) {
            showLogin(res, Status.OK_200, Optional.empty());
            return;
        }
        Optional<String> user =
                req.query().first("user").asOptional().map(String::trim).filter(u -> !u.isEmpty());
        List<Session> sessions = user.map(store::listByUser).orElse(List.of());
        String csrf = csrfOf(req);
        WebSupport.html(
                res,
                Status.OK_200,
                AdminViews.page(
                        facts,
                        coordination.stats().latest(),
                        user,
                        sessions,
                        csrf,
                        CoordinationSection.html(coordination, Html.hidden("csrf", csrf), "/admin/breakers"),
                        clock.instant()));
    }

    /**
     * Forces a breaker open or closed for every instance, or clears the override. A browser signed in with the
     * admin cookie must send the form's CSRF token; a client sending the API key as {@code Authorization: Bearer}
     * needs none (a browser never attaches that header to a cross-site form).
     */
    private void forceBreaker(ServerRequest req, ServerResponse res) {
        Map<String, String> form = WebSupport.form(req);
        if (!apiKey.matchesAuthorization(req.headers().first(HeaderNames.AUTHORIZATION))) {
            checkCsrf(req, form);
        }
        BreakerForce force = switch (form.getOrDefault("force", "")) {
            case "open" -> BreakerForce.FORCE_OPEN;
            case "closed" -> BreakerForce.FORCE_CLOSED;
            case "clear" -> BreakerForce.NONE;
            default ->
                throw new ApiException(
                        Problem.of(400, "bad-force", "Bad request", "force must be open, closed or clear"));
        };
        try {
            coordination.force(form.getOrDefault("breaker", ""), force);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Problem.of(
                    404,
                    "no-breaker",
                    "No such breaker",
                    Objects.requireNonNullElse(e.getMessage(), "no such breaker")));
        } catch (CoordinationException e) {
            throw new ApiException(Problem.of(
                    503,
                    "coordination-unavailable",
                    "Try again",
                    Objects.requireNonNullElse(e.getMessage(), "coordination did not answer")));
        }
        WebSupport.redirect(res, "/admin#breakers");
    }

    private void login(ServerRequest req, ServerResponse res) {
        Map<String, String> form = WebSupport.form(req);
        WebSupport.requireLoginCsrf(req, form);
        if (!apiKey.matches(form.getOrDefault("apiKey", "").trim())) {
            showLogin(res, Status.UNAUTHORIZED_401, Optional.of("That is not the API key."));
            return;
        }
        long expires = clock.instant().plus(VALIDITY).getEpochSecond();
        WebSupport.clearCookie(res, WebSupport.LOGIN_CSRF_COOKIE);
        WebSupport.setCookie(res, WebSupport.ADMIN_COOKIE, expires + "." + sign("admin|" + expires));
        WebSupport.redirect(res, "/admin");
    }

    private void logout(ServerRequest req, ServerResponse res) {
        checkCsrf(req, WebSupport.form(req));
        WebSupport.clearCookie(res, WebSupport.ADMIN_COOKIE);
        WebSupport.redirect(res, "/admin");
    }

    /** The admin forms' CSRF token: bound to the admin cookie, so only a signed-in admin has one. */
    private String csrfOf(ServerRequest req) {
        return cookieExpiry(req).map(exp -> sign("csrf|" + exp)).orElse("");
    }

    private void checkCsrf(ServerRequest req, Map<String, String> form) {
        WebSupport.requireCsrf(csrfOf(req), form);
    }

    private void showLogin(ServerResponse res, Status status, Optional<String> error) {
        String csrf = WebSupport.randomToken();
        WebSupport.setCookie(res, WebSupport.LOGIN_CSRF_COOKIE, csrf);
        WebSupport.html(res, status, AdminViews.login(csrf, error));
    }

    private boolean authorized(ServerRequest req) {
        if (apiKey.matchesAuthorization(req.headers().first(HeaderNames.AUTHORIZATION))) {
            return true;
        }
        return cookieExpiry(req).isPresent();
    }

    /** The expiry of a valid, unexpired admin cookie. */
    private Optional<Long> cookieExpiry(ServerRequest req) {
        return WebSupport.cookie(req, WebSupport.ADMIN_COOKIE).flatMap(value -> {
            int dot = value.indexOf('.');
            if (dot < 1 || dot > 12 || !value.substring(0, dot).chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            long expires = Long.parseLong(value.substring(0, dot));
            boolean signed = WebSupport.constantTimeEquals(sign("admin|" + expires), value.substring(dot + 1));
            return signed && clock.instant().getEpochSecond() < expires ? Optional.of(expires) : Optional.empty();
        });
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.secretBytes(), "HmacSHA256"));
            byte[] sig = mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}

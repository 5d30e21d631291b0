package dev.sessionstore.server;

import dev.sessionstore.Session;
import dev.sessionstore.SessionStore;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin page, behind the API key: sent as {@code Authorization: Bearer}, or typed once into the page's form,
 * which sets {@code __Host-admin} = expiry + HMAC-SHA256(api key, expiry) for {@link #VALIDITY}.
 */
final class AdminPage {
    static final Duration VALIDITY = Duration.ofHours(8);

    private final Backend backend;
    private final SessionStore store;
    private final ApiKey apiKey;
    private final Clock clock;

    AdminPage(Backend backend, SessionStore store, ApiKey apiKey, Clock clock) {
        this.backend = backend;
        this.store = store;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    void show(ServerRequest req, ServerResponse res) {
        if (!authorized(req)) {
            showLogin(res, Status.OK_200, Optional.empty());
            return;
        }
        Optional<String> user =
                req.query().first("user").asOptional().map(String::trim).filter(u -> !u.isEmpty());
        List<Session> sessions = user.map(store::listByUser).orElse(List.of());
        OptionalLong live = backend.live();
        Optional<RedisAdmin.Persistence> persistence = backend.redis().map(RedisAdmin::persistence);
        OptionalLong dataset = backend.redis().map(RedisAdmin::datasetBytes).orElse(OptionalLong.empty());
        OptionalLong perSession =
                backend.redis().map(r -> r.bytesPerSession(Backends.KEY_PREFIX)).orElse(OptionalLong.empty());
        String csrf = cookieExpiry(req).map(exp -> sign("csrf|" + exp)).orElse("");
        WebSupport.html(
                res,
                Status.OK_200,
                AdminViews.page(
                        new AdminViews.Facts(
                                backend.description(), live, persistence, dataset, perSession, backend.warnings()),
                        user,
                        sessions,
                        csrf,
                        clock.instant()));
    }

    void login(ServerRequest req, ServerResponse res) {
        Map<String, String> form = WebSupport.form(req);
        String cookie = WebSupport.cookie(req, WebSupport.LOGIN_CSRF_COOKIE).orElse("");
        if (cookie.isEmpty() || !WebSupport.constantTimeEquals(cookie, form.getOrDefault("csrf", ""))) {
            throw new ApiException(Problem.of(403, "csrf", "Form expired", "reload the page and try again"));
        }
        if (!apiKey.matches(form.getOrDefault("apiKey", "").trim())) {
            showLogin(res, Status.UNAUTHORIZED_401, Optional.of("That is not the API key."));
            return;
        }
        long expires = clock.instant().plus(VALIDITY).getEpochSecond();
        WebSupport.clearCookie(res, WebSupport.LOGIN_CSRF_COOKIE);
        WebSupport.setCookie(res, WebSupport.ADMIN_COOKIE, expires + "." + sign("admin|" + expires));
        WebSupport.redirect(res, "/admin");
    }

    void logout(ServerRequest req, ServerResponse res) {
        Map<String, String> form = WebSupport.form(req);
        String csrf = cookieExpiry(req).map(exp -> sign("csrf|" + exp)).orElse("");
        if (csrf.isEmpty() || !WebSupport.constantTimeEquals(csrf, form.getOrDefault("csrf", ""))) {
            throw new ApiException(Problem.of(403, "csrf", "Form expired", "reload the page and try again"));
        }
        WebSupport.clearCookie(res, WebSupport.ADMIN_COOKIE);
        WebSupport.redirect(res, "/admin");
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

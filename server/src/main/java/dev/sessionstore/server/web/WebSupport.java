package dev.sessionstore.server.web;

import dev.sessionstore.server.http.ApiException;
import dev.sessionstore.server.http.ErrorMapping;
import dev.sessionstore.server.http.HttpSupport;
import dev.sessionstore.server.http.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Cookies, forms, redirects and HTML responses for the pages (these and the admin page). */
public final class WebSupport {
    static final String SESSION_COOKIE = "__Host-sid";
    public static final String LOGIN_CSRF_COOKIE = "__Host-csrf";
    public static final String ADMIN_COOKIE = "__Host-admin";
    private static final String ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Lax";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_FIELDS = 16;

    private WebSupport() {}

    /** {@code handler} as a page: a failure is shown as an HTML error page with the problem's status and headers. */
    public static Handler page(Handler handler) {
        return (req, res) -> {
            try {
                handler.handle(req, res);
            } catch (Exception e) {
                Problem p = ErrorMapping.toProblem(e);
                p.headers().forEach(res::header);
                html(res, Status.create(p.status()), Views.error(p));
            }
        };
    }

    public static Optional<String> cookie(ServerRequest req, String name) {
        return req.headers().cookies().first(name).asOptional();
    }

    public static void setCookie(ServerResponse res, String name, String value) {
        res.headers().add(HeaderNames.SET_COOKIE, name + "=" + value + ATTRIBUTES);
    }

    public static void clearCookie(ServerResponse res, String name) {
        res.headers().add(HeaderNames.SET_COOKIE, name + "=; Max-Age=0" + ATTRIBUTES);
    }

    /** A random 256-bit value in base64url, for CSRF tokens. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Refuses a form (403 "Form expired") whose {@code csrf} field is not {@code expected}, or when there is
     * no expected token (no cookie, not signed in).
     */
    public static void requireCsrf(String expected, Map<String, String> form) {
        if (expected.isEmpty() || !constantTimeEquals(expected, form.getOrDefault("csrf", ""))) {
            throw new ApiException(Problem.of(403, "csrf", "Form expired", "reload the page and try again"));
        }
    }

    /** {@link #requireCsrf} against the login form's double-submit cookie. */
    public static void requireLoginCsrf(ServerRequest req, Map<String, String> form) {
        requireCsrf(cookie(req, LOGIN_CSRF_COOKIE).orElse(""), form);
    }

    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** An {@code application/x-www-form-urlencoded} body; 415 for another type, 400 when malformed. */
    public static Map<String, String> form(ServerRequest req) {
        boolean isForm = req.headers()
                .contentType()
                .map(t -> t.mediaType().text().equalsIgnoreCase("application/x-www-form-urlencoded"))
                .orElse(false);
        if (!isForm) {
            throw new ApiException(Problem.of(415, "unsupported-media-type", "Unsupported media type", "send a form"));
        }
        String body = new String(HttpSupport.body(req), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (fields.size() >= MAX_FIELDS) {
                throw ApiException.badRequest("too many form fields");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            fields.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return fields;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed form encoding");
        }
    }

    static String clientAddress(ServerRequest req) {
        return req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress()
                : "unknown";
    }

    public static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, location);
        res.send();
    }

    public static void html(ServerResponse res, Status status, String html) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(
                HeaderNames.create("Content-Security-Policy"),
                "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.send(html.getBytes(StandardCharsets.UTF_8));
    }
}

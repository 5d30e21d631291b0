package dev.sessionstore.servlet;

import dev.sessionstore.SessionToken;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Reads and writes the session cookie: {@code HttpOnly}, {@code Secure} (unless in insecure development mode),
 * {@code SameSite=Lax}, {@code Path=/}, no {@code Domain}, no {@code Max-Age} (the store enforces expiry).
 */
final class SessionCookies {
    private final String name;
    private final boolean secure;

    SessionCookies(SessionFilterOptions options) {
        this.name = options.effectiveCookieName();
        this.secure = !options.insecureDevelopmentCookie();
    }

    /**
     * The token of the first session cookie whose value has the token format; no store call. A malformed or
     * oversized value is ignored ({@link SessionToken#tryParse} checks the length first).
     */
    Optional<SessionToken> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                Optional<SessionToken> token = SessionToken.tryParse(c.getValue());
                if (token.isPresent()) {
                    return token;
                }
            }
        }
        return Optional.empty();
    }

    void write(SessionResponse response, SessionToken token) {
        response.sessionCookie(cookie(token.reveal(), -1));
    }

    void expire(SessionResponse response) {
        response.sessionCookie(cookie("", 0));
    }

    private Cookie cookie(String value, int maxAge) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setSecure(secure);
        c.setAttribute("SameSite", "Lax");
        c.setMaxAge(maxAge);
        return c;
    }
}

package dev.sessionstore.servlet;

import dev.sessionstore.SessionStore;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A servlet filter whose {@code HttpSession} lives in a {@link SessionStore}. Register it before anything that uses
 * the session; it wraps the request and the response:
 *
 * <ul>
 *   <li>The session is looked up lazily: a request that never calls {@code getSession} costs no store call and gets
 *       no cookie. The first call costs one {@code touch}; a session started by the request is created in the
 *       store when it is first saved, with its attributes, in one call.
 *   <li>Attribute values are encoded to JSON when set; the changes of a request are saved as one delta update at the
 *       end of the request, or earlier, just before the response is committed (the cookie must go out with it). A
 *       request that changed nothing writes nothing.
 *   <li>{@code HttpServletRequest.changeSessionId()} is {@code store.rotate}; {@code invalidate()} revokes;
 *       {@code getId()} is the session's public id, never the token.
 * </ul>
 *
 * <p>Thread-safe: one instance serves every request. The token is never logged. See {@code docs/servlet.md}.
 */
public final class SessionFilter implements Filter {
    private final FilterContext ctx;

    /**
     * @param store where sessions live; the filter does not close it
     * @param options cookie and timeout settings
     */
    public SessionFilter(SessionStore store, SessionFilterOptions options) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(options, "options");
        this.ctx = new FilterContext(store, options);
        if (options.insecureDevelopmentCookie()) {
            ctx.warnOnce(
                    "insecure",
                    "SessionFilter: insecureDevelopmentCookie is on: the session cookie '"
                            + options.effectiveCookieName() + "' is sent without Secure; never use this in production");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http)
                || !(response instanceof HttpServletResponse httpResponse)
                || request instanceof SessionRequest) {
            chain.doFilter(request, response);
            return;
        }
        SaveHook hook = new SaveHook();
        SessionResponse wrappedResponse = new SessionResponse(httpResponse, hook);
        SessionRequest wrappedRequest = new SessionRequest(http, wrappedResponse, ctx);
        hook.request = wrappedRequest;
        try {
            chain.doFilter(wrappedRequest, wrappedResponse);
        } finally {
            wrappedRequest.save();
        }
    }

    /** The response's before-commit hook: saves the request's session (set once the request is wrapped). */
    private static final class SaveHook implements Runnable {
        private volatile @Nullable SessionRequest request;

        @Override
        public void run() {
            SessionRequest r = request;
            if (r != null) {
                r.save();
            }
        }
    }
}

package dev.sessionstore.spring.session;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Keeps a request that reads its session at one store call. Spring Session's {@code SessionRepositoryFilter} saves the
 * session when the response is committed and again when the filter chain returns, and that second save looks the
 * requested session up once more: with a repository that reads the store on {@code findById}, a second round trip
 * per request (Spring Session Data Redis pays it too). Registered in front of the {@code SessionRepositoryFilter}
 * (for example at {@code SessionRepositoryFilter.DEFAULT_ORDER - 1}; the starter does it), this filter lets the
 * repository answer a token's second lookup within the request from the session it found first. A forward, include
 * or error dispatch stays in the outer request's scope; an async continuation on another thread looks up afresh.
 */
public final class OneTouchPerRequestFilter implements Filter {
    /** Spring Session's filter order minus one: just in front of it. */
    public static final int ORDER = org.springframework.session.web.http.SessionRepositoryFilter.DEFAULT_ORDER - 1;

    private final SessionStoreRepository repository;

    public OneTouchPerRequestFilter(SessionStoreRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean opened = repository.beginRequest();
        try {
            chain.doFilter(request, response);
        } finally {
            if (opened) {
                repository.endRequest();
            }
        }
    }
}

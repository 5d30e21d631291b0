package dev.sessionstore.spring.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Session's {@link SessionRepositoryFilter} over a {@link SessionStoreRepository}, keeping a request that reads
 * its session at one store call. Spring Session's filter saves the session when the response is committed and again
 * when the filter chain returns, and that second save looks the requested session up once more: with a repository
 * that reads the store on {@code findById}, a second round trip per request (Spring Session Data Redis pays it too).
 * This filter lets the repository answer a token's second lookup within the request from the session it found first.
 * A forward, include or error dispatch stays in the outer request's scope; an async continuation on another thread
 * looks up afresh. Use it wherever a {@code SessionRepositoryFilter} would go (the starter registers it).
 */
public class SessionStoreRepositoryFilter extends SessionRepositoryFilter<SessionStoreSession> {
    private final SessionStoreRepository repository;

    public SessionStoreRepositoryFilter(SessionStoreRepository repository) {
        super(repository);
        this.repository = repository;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean opened = repository.beginRequest();
        try {
            super.doFilterInternal(request, response, chain);
        } finally {
            if (opened) {
                repository.endRequest();
            }
        }
    }
}

package dev.sessionstore.spring.boot;

import dev.sessionstore.spring.session.SessionStoreSession;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A Spring Security {@link SessionRegistry} over a {@link FindByIndexNameSessionRepository}, for concurrent session
 * control, that costs no store call of its own on an ordinary request: Spring Security's {@code
 * ConcurrentSessionFilter} asks {@link #getSessionInformation} for the current session on every request, and this
 * registry answers from the session the {@code SessionRepositoryFilter} already loaded for the request (its request
 * attribute {@value #CURRENT_SESSION_ATTRIBUTE}); only another session's id goes to the repository. {@link
 * #getAllSessions} lists through {@link FindByIndexNameSessionRepository#findByPrincipalName}; {@code expireNow()}
 * marks the session expired in the repository, and its next request is logged out by the filter.
 */
final class SessionStoreSessionRegistry<S extends Session> implements SessionRegistry {
    /** Where {@code SessionRepositoryFilter} keeps the request's {@code HttpSession} (its private constant). */
    static final String CURRENT_SESSION_ATTRIBUTE = SessionRepository.class.getName() + ".CURRENT_SESSION";

    /** The attribute that marks a session expired, the one Spring Session's own registry uses. */
    static final String EXPIRED_ATTRIBUTE = SessionStoreSession.EXPIRED;

    private final FindByIndexNameSessionRepository<S> repository;

    SessionStoreSessionRegistry(FindByIndexNameSessionRepository<S> repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public List<Object> getAllPrincipals() {
        throw new UnsupportedOperationException("SessionStoreSessionRegistry does not list principals");
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return repository.findByPrincipalName(name(principal)).values().stream()
                .filter(session -> includeExpiredSessions || !isExpired(session))
                .map(session -> (SessionInformation) new Information(principal, session))
                .collect(Collectors.toCollection(ArrayList::new)); // mutable: concurrency control sorts it
    }

    @Override
    public @Nullable SessionInformation getSessionInformation(String sessionId) {
        HttpSession current = currentSession();
        if (current != null && sessionId.equals(current.getId())) {
            Object principalName = current.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
            SessionInformation info = new SessionInformation(
                    principalName == null ? "" : principalName, sessionId, new Date(current.getLastAccessedTime()));
            if (Boolean.TRUE.equals(current.getAttribute(EXPIRED_ATTRIBUTE))) {
                info.expireNow();
            }
            return info;
        }
        S session = repository.findById(sessionId);
        if (session == null) {
            return null;
        }
        Object principal = session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
        return new Information(principal == null ? "" : principal, session);
    }

    private static @Nullable HttpSession currentSession() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        return attributes.getAttribute(CURRENT_SESSION_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                        instanceof HttpSession session
                ? session
                : null;
    }

    @Override
    public void refreshLastRequest(String sessionId) {
        // the repository keeps the last access time
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        // the repository indexes sessions by principal name
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        // the repository forgets sessions itself
    }

    private static boolean isExpired(Session session) {
        return Boolean.TRUE.equals(session.getAttribute(EXPIRED_ATTRIBUTE));
    }

    private static String name(Object principal) {
        if (principal instanceof UserDetails user) {
            return user.getUsername();
        }
        if (principal instanceof AuthenticatedPrincipal authenticated) {
            return authenticated.getName();
        }
        if (principal instanceof Principal named) {
            return named.getName();
        }
        return principal.toString();
    }

    /** One session as the registry reports it; {@code expireNow()} marks it expired in the repository. */
    private final class Information extends SessionInformation {
        private static final long serialVersionUID = 1L;

        Information(Object principal, S session) {
            super(principal, session.getId(), Date.from(lastAccess(session)));
            if (SessionStoreSessionRegistry.isExpired(session)) {
                super.expireNow();
            }
        }

        private static Instant lastAccess(Session session) {
            return session.getLastAccessedTime();
        }

        @Override
        public void expireNow() {
            super.expireNow();
            S session = repository.findById(getSessionId());
            if (session != null) {
                session.setAttribute(EXPIRED_ATTRIBUTE, Boolean.TRUE);
                repository.save(session);
            }
        }
    }
}

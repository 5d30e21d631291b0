package dev.sessionstore.spring.session;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionTimeouts;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * Saves a {@link SessionStoreSession} with the fewest store calls: none when nothing changed; one {@code create} for a
 * new session (its attributes and principal included); one {@code update} carrying every changed attribute for a
 * stored one; {@code revoke} of the old token + {@code create} when the principal or the idle timeout changed (the
 * store fixes both at creation); one {@code revoke} when the session was marked expired.
 */
final class SessionWriter {
    private static final Logger LOG = System.getLogger(SessionStoreRepository.class.getName());

    private SessionWriter() {}

    static void save(SessionStoreSession session) {
        synchronized (session) {
            if (session.isGone()) {
                return;
            }
            if (session.expireRequested()) {
                expire(session);
                return;
            }
            if (session.isListed()) {
                if (!session.attributes().delta().changes().isEmpty()) {
                    throw new IllegalStateException("a session found through a listing cannot be saved: it has no"
                            + " token; open it by its token (findById) to change it");
                }
                return;
            }
            Session stored = session.stored();
            SessionToken token = session.token();
            if (stored == null || token == null) {
                session.created(create(session, Principals.of(session.attributes()), Optional.empty()));
            } else {
                saveStored(session, stored, token);
            }
        }
    }

    private static void saveStored(SessionStoreSession session, Session stored, SessionToken token) {
        Optional<String> principal =
                Principals.mayChange(session.attributes()) ? Principals.of(session.attributes()) : stored.userId();
        if (!principal.equals(stored.userId())
                || !session.getMaxInactiveInterval().equals(stored.idleTimeout())) {
            recreate(session, stored, token, principal);
            return;
        }
        SessionUpdate delta = session.attributes().delta();
        if (delta.changes().isEmpty()) {
            return;
        }
        try {
            session.updated(session.context().store().update(token, delta));
        } catch (SessionNotFoundException e) {
            LOG.log(Level.DEBUG, "session {0} is gone; its changes were dropped", stored.id());
            session.markGone();
        }
    }

    /**
     * The old store session revoked, then a new one created with every attribute. Revoking first means a session that
     * another request revoked meanwhile (logout, {@code expireNow}) is not brought back. A new principal starts a new
     * absolute lifetime (it is a new login); a new idle timeout keeps the old session's absolute deadline.
     */
    private static void recreate(
            SessionStoreSession session, Session stored, SessionToken token, Optional<String> principal) {
        if (session.context().store().revoke(token).isEmpty()) {
            LOG.log(Level.DEBUG, "session {0} is gone; its changes were dropped", stored.id());
            session.markGone();
            return;
        }
        Optional<Duration> absolute = Optional.empty();
        if (principal.equals(stored.userId())) {
            Duration left = Duration.between(session.context().clock().instant(), stored.absoluteExpiresAt());
            absolute = Optional.of(left.compareTo(SessionTimeouts.MIN) < 0 ? SessionTimeouts.MIN : left);
        }
        session.created(create(session, principal, absolute));
    }

    private static CreatedSession create(
            SessionStoreSession session, Optional<String> principal, Optional<Duration> absolute) {
        Context ctx = session.context();
        NewSession.Builder spec = NewSession.builder()
                .attributes(session.attributes().all())
                .idleTimeout(session.getMaxInactiveInterval());
        principal.ifPresent(spec::userId);
        absolute.or(() -> ctx.options().absoluteTimeout()).ifPresent(spec::absoluteTimeout);
        return ctx.store().create(spec.build());
    }

    /** {@code expireNow()} of Spring Session's registry: the store session is revoked, by token or by public id. */
    private static void expire(SessionStoreSession session) {
        SessionStore store = session.context().store();
        SessionToken token = session.token();
        Session stored = session.stored();
        if (token != null) {
            store.revoke(token);
        } else if (stored != null) {
            store.revoke(stored.id());
        }
        session.markGone();
    }
}

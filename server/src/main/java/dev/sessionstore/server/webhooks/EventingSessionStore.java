package dev.sessionstore.server.webhooks;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.ForwardingSessionStore;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.server.webhooks.SessionEvent.Type;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Publishes {@code created}, {@code rotated} and {@code revoked} events for the changes made through it; the
 * sink must not block. Each event comes from what the store reports it changed in that same atomic step (the
 * revoked session, the revoked ids), so it costs no extra read and no session is missed or named twice.
 * {@code expired} events come from the expiry scan, a maintenance job, not from here.
 */
public final class EventingSessionStore extends ForwardingSessionStore {
    private final SessionEventSink sink;
    private final Clock clock;

    public EventingSessionStore(SessionStore delegate, SessionEventSink sink, Clock clock) {
        super(delegate);
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public CreatedSession create(NewSession spec) {
        CreatedSession created = super.create(spec);
        emit(Type.CREATED, created.session().id(), created.session().userId());
        return created;
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        CreatedSession rotated = super.rotate(token);
        Session s = rotated.session();
        sink.publish(new SessionEvent(Type.ROTATED, s.id(), Optional.of(token.id()), s.userId(), clock.instant()));
        return rotated;
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        return emitRevoked(super.revoke(token));
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        return emitRevoked(super.revoke(id));
    }

    private Optional<Session> emitRevoked(Optional<Session> revoked) {
        revoked.ifPresent(s -> emit(Type.REVOKED, s.id(), s.userId()));
        return revoked;
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        List<SessionId> revoked = super.revokeByUser(userId, keep);
        revoked.forEach(id -> emit(Type.REVOKED, id, Optional.of(userId)));
        return revoked;
    }

    private void emit(Type type, SessionId id, Optional<String> user) {
        sink.publish(SessionEvent.of(type, id, user, clock.instant()));
    }
}

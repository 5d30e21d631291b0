package dev.sessionstore.server.webhooks;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.server.webhooks.SessionEvent.Type;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Publishes {@code created}, {@code rotated} and {@code revoked} events for the changes made through it; the
 * sink must not block. Each event comes from what the store reports it changed in that same atomic step (the
 * revoked session, the revoked ids), so it costs no extra read and no session is missed or named twice.
 * {@code expired} events come from {@link ExpiryScan}, not from here.
 */
public final class EventingSessionStore implements SessionStore {
    private final SessionStore delegate;
    private final SessionEventSink sink;
    private final Clock clock;

    public EventingSessionStore(SessionStore delegate, SessionEventSink sink, Clock clock) {
        this.delegate = delegate;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public CreatedSession create(NewSession spec) {
        CreatedSession created = delegate.create(spec);
        emit(Type.CREATED, created.session().id(), created.session().userId());
        return created;
    }

    @Override
    public Optional<Session> touch(SessionToken token) {
        return delegate.touch(token);
    }

    @Override
    public Optional<Session> peek(SessionToken token) {
        return delegate.peek(token);
    }

    @Override
    public Session update(SessionToken token, SessionUpdate update) {
        return delegate.update(token, update);
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        CreatedSession rotated = delegate.rotate(token);
        Session s = rotated.session();
        sink.publish(new SessionEvent(Type.ROTATED, s.id(), Optional.of(token.id()), s.userId(), clock.instant()));
        return rotated;
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        return emitRevoked(delegate.revoke(token));
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        return emitRevoked(delegate.revoke(id));
    }

    private Optional<Session> emitRevoked(Optional<Session> revoked) {
        revoked.ifPresent(s -> emit(Type.REVOKED, s.id(), s.userId()));
        return revoked;
    }

    @Override
    public List<Session> listByUser(String userId) {
        return delegate.listByUser(userId);
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        List<SessionId> revoked = delegate.revokeByUser(userId, keep);
        revoked.forEach(id -> emit(Type.REVOKED, id, Optional.of(userId)));
        return revoked;
    }

    @Override
    public List<Session> listByIndex(String name, String value) {
        return delegate.listByIndex(name, value);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private void emit(Type type, SessionId id, Optional<String> user) {
        sink.publish(SessionEvent.of(type, id, user, clock.instant()));
    }
}

package dev.sessionstore.server.webhooks;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.ForwardingSessionStore;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionEvent;
import dev.sessionstore.SessionEvent.Type;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes {@code created}, {@code rotated}, {@code updated} and {@code revoked} events for the changes made through
 * it, for the stores without an outbox (in memory): the sink must not block, and an event not yet delivered when the
 * process dies is lost. The Redis store writes its events itself, durably ({@code RedisSessionEvents}). Each event
 * comes from what the store reports it changed in that same atomic step (the revoked session, the revoked ids), so it
 * costs no extra read and no session is missed or named twice; its id is a random UUID.
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
        emit(
                Type.CREATED,
                created.session().id(),
                Optional.empty(),
                created.session().userId(),
                List.of());
        return created;
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        CreatedSession rotated = super.rotate(token);
        Session s = rotated.session();
        emit(Type.ROTATED, s.id(), Optional.of(token.id()), s.userId(), List.of());
        return rotated;
    }

    @Override
    public Session update(SessionToken token, SessionUpdate update) {
        Session s = super.update(token, update);
        emit(
                Type.UPDATED,
                s.id(),
                Optional.empty(),
                s.userId(),
                List.copyOf(update.changes().keySet()));
        return s;
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
        revoked.ifPresent(s -> emit(Type.REVOKED, s.id(), Optional.empty(), s.userId(), List.of()));
        return revoked;
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        List<SessionId> revoked = super.revokeByUser(userId, keep);
        revoked.forEach(id -> emit(Type.REVOKED, id, Optional.empty(), Optional.of(userId), List.of()));
        return revoked;
    }

    private void emit(
            Type type, SessionId id, Optional<SessionId> previous, Optional<String> user, List<String> attributes) {
        sink.publish(
                new SessionEvent(UUID.randomUUID().toString(), type, id, previous, user, clock.instant(), attributes));
    }
}

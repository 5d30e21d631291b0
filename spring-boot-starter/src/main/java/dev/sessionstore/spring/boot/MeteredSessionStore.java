package dev.sessionstore.spring.boot;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.ForwardingSessionStore;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times every store operation as {@code sessionstore.store.operation} with tags {@code op} (create, touch, peek,
 * update, rotate, revoke, listByUser, revokeByUser, listByIndex) and {@code outcome} ({@code success} or {@code
 * error}), the names the sessionstore server uses plus the outcome.
 */
final class MeteredSessionStore extends ForwardingSessionStore {
    static final String TIMER = "sessionstore.store.operation";

    private final MeterRegistry registry;

    MeteredSessionStore(SessionStore delegate, MeterRegistry registry) {
        super(delegate);
        this.registry = registry;
    }

    private <T> T timed(String op, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } finally {
            sample.stop(
                    Timer.builder(TIMER).tag("op", op).tag("outcome", outcome).register(registry));
        }
    }

    @Override
    public CreatedSession create(NewSession spec) {
        return timed("create", () -> super.create(spec));
    }

    @Override
    public Optional<Session> touch(SessionToken token) {
        return timed("touch", () -> super.touch(token));
    }

    @Override
    public Optional<Session> peek(SessionToken token) {
        return timed("peek", () -> super.peek(token));
    }

    @Override
    public Session update(SessionToken token, SessionUpdate update) {
        return timed("update", () -> super.update(token, update));
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        return timed("rotate", () -> super.rotate(token));
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        return timed("revoke", () -> super.revoke(token));
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        return timed("revoke", () -> super.revoke(id));
    }

    @Override
    public List<Session> listByUser(String userId) {
        return timed("listByUser", () -> super.listByUser(userId));
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        return timed("revokeByUser", () -> super.revokeByUser(userId, keep));
    }

    @Override
    public List<Session> listByIndex(String name, String value) {
        return timed("listByIndex", () -> super.listByIndex(name, value));
    }
}

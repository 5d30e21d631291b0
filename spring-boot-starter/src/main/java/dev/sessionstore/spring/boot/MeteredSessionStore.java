package dev.sessionstore.spring.boot;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.ForwardingSessionStore;
import dev.sessionstore.NewSession;
import dev.sessionstore.PageRequest;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionPage;
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
    private final Op create;
    private final Op touch;
    private final Op peek;
    private final Op update;
    private final Op rotate;
    private final Op revoke;
    private final Op listByUser;
    private final Op revokeByUser;
    private final Op listByIndex;

    MeteredSessionStore(SessionStore delegate, MeterRegistry registry) {
        super(delegate);
        this.registry = registry;
        this.create = new Op("create");
        this.touch = new Op("touch");
        this.peek = new Op("peek");
        this.update = new Op("update");
        this.rotate = new Op("rotate");
        this.revoke = new Op("revoke");
        this.listByUser = new Op("listByUser");
        this.revokeByUser = new Op("revokeByUser");
        this.listByIndex = new Op("listByIndex");
    }

    /** One operation's two timers, registered once: a call only records, it looks nothing up. */
    private final class Op {
        private final Timer success;
        private final Timer error;

        Op(String op) {
            this.success = timer(op, "success");
            this.error = timer(op, "error");
        }

        private Timer timer(String op, String outcome) {
            return Timer.builder(TIMER).tag("op", op).tag("outcome", outcome).register(registry);
        }

        <T> T timed(Supplier<T> call) {
            Timer.Sample sample = Timer.start(registry);
            Timer outcome = error;
            try {
                T result = call.get();
                outcome = success;
                return result;
            } finally {
                sample.stop(outcome);
            }
        }
    }

    @Override
    public CreatedSession create(NewSession spec) {
        return create.timed(() -> super.create(spec));
    }

    @Override
    public Optional<Session> touch(SessionToken token) {
        return touch.timed(() -> super.touch(token));
    }

    @Override
    public Optional<Session> peek(SessionToken token) {
        return peek.timed(() -> super.peek(token));
    }

    @Override
    public Session update(SessionToken token, SessionUpdate change) {
        return update.timed(() -> super.update(token, change));
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        return rotate.timed(() -> super.rotate(token));
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        return revoke.timed(() -> super.revoke(token));
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        return revoke.timed(() -> super.revoke(id));
    }

    @Override
    public List<Session> listByUser(String userId) {
        return listByUser.timed(() -> super.listByUser(userId));
    }

    @Override
    public SessionPage listByUser(String userId, PageRequest page) {
        return listByUser.timed(() -> super.listByUser(userId, page));
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        return revokeByUser.timed(() -> super.revokeByUser(userId, keep));
    }

    @Override
    public List<Session> listByIndex(String name, String value) {
        return listByIndex.timed(() -> super.listByIndex(name, value));
    }

    @Override
    public SessionPage listByIndex(String name, String value, PageRequest page) {
        return listByIndex.timed(() -> super.listByIndex(name, value, page));
    }
}

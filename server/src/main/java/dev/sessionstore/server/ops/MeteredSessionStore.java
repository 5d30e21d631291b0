package dev.sessionstore.server.ops;

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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times every store operation ({@code sessionstore_store_operation_seconds{op}}) and counts sessions created and
 * revoked ({@code sessionstore_session_creations_total}, {@code _revocations_total}) and touches that found no
 * session ({@code sessionstore_session_touch_misses_total}): a well-formed token whose session expired, was revoked
 * elsewhere, or never existed; the store does not say which.
 */
public final class MeteredSessionStore extends ForwardingSessionStore {
    private final Timer create;
    private final Timer touch;
    private final Timer peek;
    private final Timer update;
    private final Timer rotate;
    private final Timer revoke;
    private final Timer listByUser;
    private final Timer revokeByUser;
    private final Timer listByIndex;
    private final Counter created;
    private final Counter revoked;
    private final Counter touchMisses;

    public MeteredSessionStore(SessionStore delegate, MeterRegistry registry) {
        super(delegate);
        this.create = timer(registry, "create");
        this.touch = timer(registry, "touch");
        this.peek = timer(registry, "peek");
        this.update = timer(registry, "update");
        this.rotate = timer(registry, "rotate");
        this.revoke = timer(registry, "revoke");
        this.listByUser = timer(registry, "listByUser");
        this.revokeByUser = timer(registry, "revokeByUser");
        this.listByIndex = timer(registry, "listByIndex");
        this.created = Counter.builder("sessionstore.session.creations").register(registry);
        this.revoked = Counter.builder("sessionstore.session.revocations").register(registry);
        this.touchMisses = Counter.builder("sessionstore.session.touch_misses")
                .description("touches of a well-formed token that found no live session")
                .register(registry);
    }

    private static Timer timer(MeterRegistry registry, String op) {
        return Timer.builder("sessionstore.store.operation")
                .tag("op", op)
                .serviceLevelObjectives(RequestMetrics.BUCKETS)
                .register(registry);
    }

    private static <T> T timed(Timer timer, Supplier<T> call) {
        return timer.record(call); // also records a call that throws
    }

    @Override
    public CreatedSession create(NewSession spec) {
        CreatedSession result = timed(create, () -> super.create(spec));
        created.increment();
        return result;
    }

    @Override
    public Optional<Session> touch(SessionToken token) {
        Optional<Session> result = timed(touch, () -> super.touch(token));
        if (result.isEmpty()) {
            touchMisses.increment();
        }
        return result;
    }

    @Override
    public Optional<Session> peek(SessionToken token) {
        return timed(peek, () -> super.peek(token));
    }

    @Override
    public Session update(SessionToken token, SessionUpdate change) {
        return timed(update, () -> super.update(token, change));
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        return timed(rotate, () -> super.rotate(token));
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        return countRevoked(timed(revoke, () -> super.revoke(token)));
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        return countRevoked(timed(revoke, () -> super.revoke(id)));
    }

    private Optional<Session> countRevoked(Optional<Session> revokedSession) {
        if (revokedSession.isPresent()) {
            revoked.increment();
        }
        return revokedSession;
    }

    @Override
    public List<Session> listByUser(String userId) {
        return timed(listByUser, () -> super.listByUser(userId));
    }

    @Override
    public SessionPage listByUser(String userId, PageRequest page) {
        return timed(listByUser, () -> super.listByUser(userId, page));
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        List<SessionId> ids = timed(revokeByUser, () -> super.revokeByUser(userId, keep));
        revoked.increment(ids.size());
        return ids;
    }

    @Override
    public List<Session> listByIndex(String name, String value) {
        return timed(listByIndex, () -> super.listByIndex(name, value));
    }

    @Override
    public SessionPage listByIndex(String name, String value, PageRequest page) {
        return timed(listByIndex, () -> super.listByIndex(name, value, page));
    }
}

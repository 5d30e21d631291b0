package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.FencedLocks;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.coordination.Names;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** {@link FencedLocks} over any {@link LeaseBackend}; owners are {@code instanceId/uuid}. Not API. */
public final class Leases implements FencedLocks {
    private final LeaseBackend backend;
    private final String instanceId;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final AtomicLong lost = new AtomicLong();

    public Leases(LeaseBackend backend, String instanceId, Clock clock, ScheduledExecutorService timer) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.instanceId = Names.check("instanceId", instanceId);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    @Override
    public Optional<FencedLease> tryAcquire(String name, LockOptions options) {
        Names.check("lock name", name);
        Objects.requireNonNull(options, "options");
        String owner = instanceId + "/" + UUID.randomUUID();
        var requested = clock.instant();
        OptionalLong fence = backend.acquire(name, owner, options.lease().toMillis());
        if (fence.isEmpty()) {
            return Optional.empty();
        }
        var lease = new WatchedLease(
                name, fence.getAsLong(), owner, options, backend, clock, requested, lost::incrementAndGet);
        if (options.watchdog()) {
            lease.startWatchdog(timer);
        }
        return Optional.of(lease);
    }

    @Override
    public long currentFence(String name) {
        return backend.currentFence(Names.check("lock name", name));
    }

    @Override
    public long lostLeaseCount() {
        return lost.get();
    }
}

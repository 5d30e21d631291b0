package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.CoordinationException;
import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.LockOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A held lease. Locally it is presumed lost once {@code lease} has passed since the last successful
 * request (measured from when the request was sent, so never later than the backend's expiry).
 */
final class WatchedLease implements FencedLease {
    private static final Logger LOG = LoggerFactory.getLogger(WatchedLease.class);

    private final String name;
    private final long fence;
    private final String owner;
    private final LockOptions options;
    private final LeaseBackend backend;
    private final Clock clock;
    private final Runnable lostCounter;
    private final Thread holder = Thread.currentThread();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Consumer<FencedLease>> callbacks = new CopyOnWriteArrayList<>();
    private volatile Instant deadline;
    private volatile @Nullable ScheduledFuture<?> watchdog;

    WatchedLease(
            String name,
            long fence,
            String owner,
            LockOptions options,
            LeaseBackend backend,
            Clock clock,
            Instant requested,
            Runnable lostCounter) {
        this.name = name;
        this.fence = fence;
        this.owner = owner;
        this.options = options;
        this.backend = backend;
        this.clock = clock;
        this.lostCounter = lostCounter;
        this.deadline = requested.plus(options.lease());
    }

    void startWatchdog(ScheduledExecutorService timer) {
        long period = Math.max(10, options.lease().toMillis() / 3);
        watchdog = timer.scheduleAtFixedRate(this::watch, period, period, TimeUnit.MILLISECONDS);
    }

    private void watch() {
        if (isLost() || closed.get()) {
            return;
        }
        try {
            renew();
        } catch (CoordinationException | IllegalStateException e) {
            LOG.warn("lease renewal of lock '{}' (fence {}) failed: {}", name, fence, e.toString());
            isLost();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long fence() {
        return fence;
    }

    @Override
    public boolean isLost() {
        if (!lost.get() && !closed.get() && !clock.instant().isBefore(deadline)) {
            markLost("lease ran out without a successful renewal");
        }
        return lost.get();
    }

    @Override
    public boolean renew() {
        if (isLost()) {
            return false;
        }
        Instant sent = clock.instant();
        if (backend.renew(name, owner, options.lease().toMillis())) {
            deadline = sent.plus(options.lease());
            return true;
        }
        markLost("the backend says another owner holds it or it expired");
        return false;
    }

    private void markLost(String why) {
        if (!lost.compareAndSet(false, true)) {
            return;
        }
        lostCounter.run();
        cancelWatchdog();
        LOG.warn("lease on lock '{}' (fence {}) lost: {}", name, fence, why);
        callbacks.forEach(c -> Thread.ofVirtual().start(() -> c.accept(this)));
        if (options.interruptOnLoss()) {
            holder.interrupt();
        }
    }

    @Override
    public void onLost(Consumer<FencedLease> callback) {
        callbacks.add(callback);
        if (lost.get() && callbacks.remove(callback)) {
            Thread.ofVirtual().start(() -> callback.accept(this));
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        cancelWatchdog();
        if (lost.get()) {
            return;
        }
        try {
            backend.release(name, owner);
        } catch (RuntimeException e) {
            LOG.warn(
                    "release of lock '{}' (fence {}) failed; it expires with its lease: {}", name, fence, e.toString());
        }
    }

    private void cancelWatchdog() {
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "FencedLease[" + name + ", fence=" + fence + ", lost=" + lost.get() + "]";
    }
}

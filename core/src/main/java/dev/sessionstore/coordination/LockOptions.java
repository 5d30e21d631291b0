package dev.sessionstore.coordination;

import java.time.Duration;
import java.util.Objects;

/**
 * How a lock is held.
 *
 * @param lease how long the lock is held without renewal; the lease is kept on the backend's clock
 *     (Redis server time), so it ends even if the holder is paused or dead
 * @param watchdog renew the lease every {@code lease / 3} until released
 * @param interruptOnLoss interrupt the thread that acquired the lock when the lease is lost
 */
public record LockOptions(Duration lease, boolean watchdog, boolean interruptOnLoss) {
    public static final Duration MIN_LEASE = Duration.ofMillis(30);
    public static final Duration MAX_LEASE = Duration.ofDays(1);

    public LockOptions {
        Objects.requireNonNull(lease, "lease");
        if (lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0) {
            throw new IllegalArgumentException("lease must be in [30ms, 1d]: " + lease);
        }
    }

    /** A lease without watchdog or interruption. */
    public static LockOptions lease(Duration lease) {
        return new LockOptions(lease, false, false);
    }

    public LockOptions withWatchdog() {
        return new LockOptions(lease, true, interruptOnLoss);
    }

    public LockOptions withInterruptOnLoss() {
        return new LockOptions(lease, watchdog, true);
    }
}

package dev.sessionstore.coordination;

import java.util.Optional;

/**
 * Fenced, leased, owner-checked locks. Thread-safe. Acquisition never waits: it returns empty if the
 * lock is held by someone else, and throws {@link CoordinationUnavailableException} if the backend
 * cannot be reached.
 */
public interface FencedLocks {
    /**
     * Tries to take lock {@code name} (validated by {@link Names#check}).
     *
     * @return the lease, or empty if another owner holds a live lease
     */
    Optional<FencedLease> tryAcquire(String name, LockOptions options);

    /** The highest fence handed out for {@code name} so far, 0 if none. */
    long currentFence(String name);

    /** How many leases acquired through this instance were lost while held (not released). */
    long lostLeaseCount();
}

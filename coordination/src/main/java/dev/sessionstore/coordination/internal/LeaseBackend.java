package dev.sessionstore.coordination.internal;

import java.util.OptionalLong;

/**
 * Storage of leased locks, implemented once per backend. Every operation is atomic and owner-checked
 * on the backend. Not API.
 */
public interface LeaseBackend {
    /** Takes {@code name} for {@code owner} if free; returns the new fence, or empty if held. */
    OptionalLong acquire(String name, String owner, long leaseMillis);

    /** Extends the lease if {@code owner} still holds it. */
    boolean renew(String name, String owner, long leaseMillis);

    /** Frees the lock if {@code owner} still holds it. */
    boolean release(String name, String owner);

    /** The highest fence handed out for {@code name}, 0 if none. */
    long currentFence(String name);
}

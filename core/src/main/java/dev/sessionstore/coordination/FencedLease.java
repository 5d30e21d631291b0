package dev.sessionstore.coordination;

import java.util.function.Consumer;

/**
 * A held lock. The {@link #fence()} is strictly greater than the fence of every earlier acquisition of
 * the same lock name; pass it to every write the lock protects so a stale holder's writes are refused
 * (see {@code RedisFencedWrites} and {@code JdbcFencedWrites}). Thread-safe.
 *
 * <p>Once lost (the backend says another owner holds the lock or the lease ended, or a renewal failed
 * and the lease ran out on this side), a lease stays lost: {@link #isLost()} is true, the {@link
 * #onLost} callbacks have run once and, if asked for, the acquiring thread was interrupted.
 */
public interface FencedLease extends AutoCloseable {
    String name();

    long fence();

    /** True once this holder knows, or must assume, that it no longer holds the lock. */
    boolean isLost();

    /** Throws {@link LeaseLostException} if {@link #isLost()}. */
    default void check() {
        if (isLost()) {
            throw new LeaseLostException("lease on '" + name() + "' (fence " + fence() + ") was lost");
        }
    }

    /**
     * Extends the lease by its full length, owner-checked. Returns false (and marks the lease lost) if
     * this holder no longer owns the lock.
     *
     * @throws CoordinationUnavailableException if the backend cannot be reached (the lease is not
     *     marked lost until it runs out)
     */
    boolean renew();

    /** Registers a callback run once, on a background thread, when the lease is lost. */
    void onLost(Consumer<FencedLease> callback);

    /** Releases the lock if still owned; never throws. Idempotent. */
    @Override
    void close();
}

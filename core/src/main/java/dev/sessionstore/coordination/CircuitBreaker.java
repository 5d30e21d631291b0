package dev.sessionstore.coordination;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A circuit breaker shared by every instance of the cluster. The per-call decision ({@link
 * #tryAcquirePermission()}) reads local state only; outcomes are published to the backend in batches
 * every {@link BreakerConfig#publishInterval()}, and the cluster-wide state is read back at the same
 * pace. Thread-safe.
 */
public interface CircuitBreaker {
    String name();

    BreakerState state();

    /** True while the backend is unreachable and this instance decides from its own calls only. */
    boolean isLocalFallback();

    /** Whether a call may proceed now; a true answer in half-open consumes one cluster-wide probe. */
    boolean tryAcquirePermission();

    /**
     * Records the outcome of a permitted call. A call slower than the configured threshold counts as a
     * failure even if it succeeded.
     */
    void onResult(Duration elapsed, boolean success);

    /**
     * Runs {@code call} if permitted, timing it with the injected clock and recording its outcome.
     *
     * @throws CallNotPermittedException if the breaker refuses the call
     * @throws Exception whatever {@code call} throws
     */
    <T> T execute(Callable<T> call) throws Exception;

    void addListener(BreakerListener listener);
}

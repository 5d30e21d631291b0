package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;

/** Where breaker instances share outcomes and state, implemented once per backend. Not API. */
public interface BreakerBackend {
    /** The cluster-wide mode of a breaker. */
    enum Mode {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    /**
     * What one instance publishes each interval.
     *
     * @param wantsProbe the instance is half-open and has no probe permit left
     */
    record Batch(long calls, long failures, long probeSuccesses, long probeFailures, boolean wantsProbe) {}

    /** The cluster state after a sync; {@code grantedProbes} permits were handed to the caller. */
    record View(Mode mode, int grantedProbes, BreakerForce force) {}

    /**
     * In one atomic step: adds the batch to the current time bucket, applies the cluster transitions
     * (open on the failure rate over the window, half-open after the open duration, close or reopen on
     * probe outcomes), hands out a probe permit if wanted and available, and returns the state.
     *
     * @throws dev.sessionstore.coordination.CoordinationUnavailableException if unreachable
     */
    View sync(String breaker, String instance, Batch batch, BreakerConfig config);

    void force(String breaker, BreakerForce force);
}

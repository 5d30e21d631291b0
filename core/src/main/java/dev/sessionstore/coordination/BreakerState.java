package dev.sessionstore.coordination;

/**
 * The state of a circuit breaker as one instance sees it. Closed and half-open admit calls (half-open
 * only a cluster-wide limited number of probes); open refuses them. Forced states are set by an operator
 * for every instance and override the computed ones. A state carries no data: what a breaker knows
 * beyond its state is in {@link BreakerTransition} and the breaker itself.
 */
public enum BreakerState {
    CLOSED,
    OPEN,
    HALF_OPEN,
    FORCED_OPEN,
    FORCED_CLOSED
}

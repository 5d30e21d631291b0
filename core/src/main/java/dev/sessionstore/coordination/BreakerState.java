package dev.sessionstore.coordination;

/**
 * The state of a circuit breaker as one instance sees it. Closed and half-open admit calls (half-open
 * only a cluster-wide limited number of probes); open refuses them. Forced states are set by an operator
 * for every instance and override the computed ones.
 */
public sealed interface BreakerState
        permits BreakerState.Closed,
                BreakerState.Open,
                BreakerState.HalfOpen,
                BreakerState.ForcedOpen,
                BreakerState.ForcedClosed {
    Closed CLOSED = new Closed();
    Open OPEN = new Open();
    HalfOpen HALF_OPEN = new HalfOpen();
    ForcedOpen FORCED_OPEN = new ForcedOpen();
    ForcedClosed FORCED_CLOSED = new ForcedClosed();

    record Closed() implements BreakerState {}

    record Open() implements BreakerState {}

    record HalfOpen() implements BreakerState {}

    record ForcedOpen() implements BreakerState {}

    record ForcedClosed() implements BreakerState {}
}

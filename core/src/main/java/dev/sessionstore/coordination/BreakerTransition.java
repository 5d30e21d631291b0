package dev.sessionstore.coordination;

import java.time.Instant;

/**
 * A change of a breaker's state as seen by one instance.
 *
 * @param localFallback true if the instance decided this from its own calls only (backend unreachable)
 * @param at when this instance observed it, on its clock
 */
public record BreakerTransition(
        String breaker, String instance, BreakerState from, BreakerState to, boolean localFallback, Instant at) {}

package dev.sessionstore.coordination;

/** An operator's override of a breaker, applied to every instance. */
public enum BreakerForce {
    /** No override: the breaker follows the cluster's failure rate. */
    NONE,
    /** Refuse every call on every instance. */
    FORCE_OPEN,
    /** Admit every call on every instance. */
    FORCE_CLOSED
}

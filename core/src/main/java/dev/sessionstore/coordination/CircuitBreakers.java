package dev.sessionstore.coordination;

/** The breakers of one instance. Thread-safe. */
public interface CircuitBreakers {
    /**
     * The breaker {@code name} of this instance, created with {@code config} on first use. Every
     * instance should use the same config for the same name.
     *
     * @throws IllegalArgumentException if it exists with a different config
     */
    CircuitBreaker breaker(String name, BreakerConfig config);

    /**
     * Sets an operator override for every instance; they apply it at their next publication.
     *
     * @throws CoordinationUnavailableException if the backend cannot be reached
     */
    void force(String name, BreakerForce force);

    /** How many times a breaker of this instance switched to its local fallback. */
    long localFallbackCount();
}

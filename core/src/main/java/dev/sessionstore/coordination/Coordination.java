package dev.sessionstore.coordination;

/**
 * One instance's view of the coordination services: fenced locks, cluster-wide scheduled jobs and
 * shared circuit breakers. Built by a backend ({@code InMemoryCoordination} or {@code
 * RedisCoordination}); instances built against the same backend coordinate with each other.
 * Thread-safe. {@link #close()} stops the scheduler, the breakers' publishers and the lock watchdog.
 */
public interface Coordination extends AutoCloseable {
    /** The id of this instance, as recorded in job runs and breaker publications. */
    String instanceId();

    FencedLocks locks();

    Scheduler scheduler();

    CircuitBreakers breakers();

    @Override
    void close();
}

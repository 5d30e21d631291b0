package dev.sessionstore.coordination.memory;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.coordination.internal.CoordinationInstance;
import java.time.Clock;
import java.util.Objects;

/**
 * Coordination inside one JVM: the instances made by one hub share its locks, slot claims, run
 * histories and breaker states, as instances sharing one Redis would. Lease and breaker timings use the
 * hub's clock. Thread-safe.
 *
 * <pre>{@code
 * var hub = InMemoryCoordination.create(Clock.systemUTC());
 * try (Coordination c = hub.instance("app-1")) { ... }
 * }</pre>
 */
public final class InMemoryCoordination {
    private final Clock clock;
    private final MemoryLeases leases;
    private final MemoryJobs jobs;
    private final MemoryBreakers breakers;

    private InMemoryCoordination(Clock clock) {
        this.clock = clock;
        this.leases = new MemoryLeases(clock);
        this.jobs = new MemoryJobs(clock);
        this.breakers = new MemoryBreakers(clock);
    }

    /** A hub whose shared state (lease expiry, breaker buckets) runs on {@code clock}. */
    public static InMemoryCoordination create(Clock clock) {
        return new InMemoryCoordination(Objects.requireNonNull(clock, "clock"));
    }

    /** An instance using the hub's clock and default scheduler options. */
    public Coordination instance(String instanceId) {
        return instance(instanceId, clock, SchedulerOptions.defaults());
    }

    /**
     * An instance with its own clock (for example a skewed one: it drives the instance's schedule, lease
     * bookkeeping and breaker windows) and scheduler options.
     */
    public Coordination instance(String instanceId, Clock instanceClock, SchedulerOptions options) {
        Objects.requireNonNull(instanceClock, "instanceClock");
        Objects.requireNonNull(options, "options");
        return new CoordinationInstance(instanceId, instanceClock, options, leases, jobs, breakers, () -> {});
    }
}

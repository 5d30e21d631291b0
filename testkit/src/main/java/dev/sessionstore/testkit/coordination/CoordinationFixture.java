package dev.sessionstore.testkit.coordination;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import java.time.Clock;

/**
 * What every coordination contract group needs from the backend under test. {@link
 * CoordinationContract} implements it; implement it directly only to run a single group.
 */
public interface CoordinationFixture {

    /**
     * A new instance sharing the backend of every other instance opened in the same test, closed after
     * the test. {@code clock} drives the instance (its schedule, lease bookkeeping and breaker windows);
     * the backend keeps its own, real time, as a Redis server does, so leases end in real time.
     */
    Coordination openInstance(String instanceId, Clock clock, SchedulerOptions options);

    /** An instance on the system clock with default scheduler options. */
    default Coordination openInstance(String instanceId) {
        return openInstance(instanceId, Clock.systemUTC(), SchedulerOptions.defaults());
    }
}

package dev.sessionstore.coordination.memory;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.coordination.CoordinationContract;
import java.time.Clock;

/** The in-memory hub passes the whole coordination contract; one hub per test, on real time as Redis. */
class InMemoryCoordinationTest extends CoordinationContract {
    private final InMemoryCoordination hub = InMemoryCoordination.create(Clock.systemUTC());

    @Override
    protected Coordination newInstance(String instanceId, Clock clock, SchedulerOptions options) {
        return hub.instance(instanceId, clock, options);
    }
}

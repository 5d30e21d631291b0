package dev.sessionstore.coordination.memory;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.coordination.FencedLockContract;
import java.time.Clock;

class InMemoryFencedLockTest extends FencedLockContract {
    private final InMemoryCoordination hub = InMemoryCoordination.create(Clock.systemUTC());

    @Override
    protected Coordination newInstance(String instanceId, Clock clock) {
        return hub.instance(instanceId, clock, SchedulerOptions.defaults());
    }
}

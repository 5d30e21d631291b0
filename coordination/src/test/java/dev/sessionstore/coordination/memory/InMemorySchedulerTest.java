package dev.sessionstore.coordination.memory;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.coordination.SchedulerContract;
import java.time.Clock;

class InMemorySchedulerTest extends SchedulerContract {
    private final InMemoryCoordination hub = InMemoryCoordination.create(clock);

    @Override
    protected Coordination newInstance(String instanceId, Clock instanceClock, SchedulerOptions options) {
        return hub.instance(instanceId, instanceClock, options);
    }
}

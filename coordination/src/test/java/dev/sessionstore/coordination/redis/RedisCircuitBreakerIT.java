package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.RedisServerExtension;
import dev.sessionstore.testkit.coordination.CircuitBreakerContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisCircuitBreakerIT extends CircuitBreakerContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    protected Coordination newInstance(String instanceId, Clock clock) {
        return RedisFixture.instance(redis.server(), instanceId, clock, SchedulerOptions.defaults());
    }
}

package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.RedisServerExtension;
import dev.sessionstore.testkit.coordination.CoordinationContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis backend passes the whole coordination contract on a private redis-server. */
class RedisCoordinationIT extends CoordinationContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    protected Coordination newInstance(String instanceId, Clock clock, SchedulerOptions options) {
        return RedisFixture.instance(redis.server(), instanceId, clock, options);
    }
}

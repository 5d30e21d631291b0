package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.RedisServerExtension;
import dev.sessionstore.testkit.coordination.SchedulerContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSchedulerIT extends SchedulerContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    protected Coordination newInstance(String instanceId, Clock instanceClock, SchedulerOptions options) {
        return RedisFixture.instance(redis.server(), instanceId, instanceClock, options);
    }
}

package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.RedisServerExtension;
import dev.sessionstore.testkit.coordination.FencedLockContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisFencedLockIT extends FencedLockContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    protected Coordination newInstance(String instanceId, Clock clock) {
        return RedisFixture.instance(redis.server(), instanceId, clock, SchedulerOptions.defaults());
    }
}

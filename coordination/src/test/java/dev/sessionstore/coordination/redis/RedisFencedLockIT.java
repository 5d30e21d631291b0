package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.testkit.coordination.FencedLockContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisFencedLockIT extends FencedLockContract {
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.startEphemeral();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected Coordination newInstance(String instanceId, Clock clock) {
        return RedisFixture.instance(redis, instanceId, clock, SchedulerOptions.defaults());
    }
}

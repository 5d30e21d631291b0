package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Clock;
import java.time.Duration;

/** One private redis-server per test class. */
final class RedisFixture {
    private RedisFixture() {}

    static Coordination instance(RedisServerProcess redis, String id, Clock clock, SchedulerOptions options) {
        return RedisCoordination.builder(redis.uri())
                .instanceId(id)
                .clock(clock)
                .schedulerOptions(options)
                .commandTimeout(Duration.ofMillis(500))
                .build();
    }

    /** An instance on a Redis Cluster, given its node {@code seed}. */
    static Coordination clusterInstance(String seed, String id, Clock clock, SchedulerOptions options) {
        return RedisCoordination.builder(seed)
                .cluster(true)
                .instanceId(id)
                .clock(clock)
                .schedulerOptions(options)
                .commandTimeout(Duration.ofMillis(500))
                .build();
    }
}

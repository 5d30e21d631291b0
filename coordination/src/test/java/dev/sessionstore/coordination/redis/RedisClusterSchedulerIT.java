package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.RedisClusterExtension;
import dev.sessionstore.testkit.coordination.SchedulerContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scheduler in cluster mode passes the scheduler contract on a real three-master Redis Cluster. */
class RedisClusterSchedulerIT extends SchedulerContract {
    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    @Override
    protected Coordination newInstance(String instanceId, Clock instanceClock, SchedulerOptions options) {
        return RedisFixture.clusterInstance(cluster.uri(1), instanceId, instanceClock, options);
    }
}

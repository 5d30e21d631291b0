package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.RedisClusterExtension;
import dev.sessionstore.testkit.coordination.FencedLockContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fenced locks in cluster mode pass the lock contract on a real three-master Redis Cluster: a lock's
 * keys share the hash tag of its name, so each script runs on the one node owning it.
 */
class RedisClusterFencedLockIT extends FencedLockContract {
    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    @Override
    protected Coordination newInstance(String instanceId, Clock clock) {
        return RedisFixture.clusterInstance(cluster.uri(0), instanceId, clock, SchedulerOptions.defaults());
    }
}

package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.RedisClusterExtension;
import dev.sessionstore.testkit.coordination.CoordinationContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis backend in cluster mode passes the whole coordination contract on a real three-master Redis
 * Cluster: a lock's, job's or breaker's keys share the hash tag of its name, so each script runs on the
 * one node owning it. Instances are seeded with different nodes, as the instances of a service would be.
 */
class RedisClusterCoordinationIT extends CoordinationContract {
    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    private int seeded;

    @Override
    protected Coordination newInstance(String instanceId, Clock clock, SchedulerOptions options) {
        return RedisFixture.clusterInstance(
                cluster.uri(seeded++ % RedisClusterExtension.NODES), instanceId, clock, options);
    }
}

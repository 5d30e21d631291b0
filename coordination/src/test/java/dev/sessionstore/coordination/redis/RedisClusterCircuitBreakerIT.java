package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.RedisClusterExtension;
import dev.sessionstore.testkit.coordination.CircuitBreakerContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared breaker in cluster mode passes the breaker contract on a real three-master Redis Cluster. */
class RedisClusterCircuitBreakerIT extends CircuitBreakerContract {
    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    @Override
    protected Coordination newInstance(String instanceId, Clock clock) {
        return RedisFixture.clusterInstance(cluster.uri(2), instanceId, clock, SchedulerOptions.defaults());
    }
}

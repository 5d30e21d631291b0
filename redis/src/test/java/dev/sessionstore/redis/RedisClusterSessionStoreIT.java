package dev.sessionstore.redis;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.testkit.RedisClusterExtension;
import dev.sessionstore.testkit.SessionStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis store in cluster mode passes the whole store contract against a real three-master Redis
 * Cluster: each script goes to the node owning its keys' slot, and the per-tag keys (sessions, user
 * index buckets, value indexes) live on whichever node owns that tag.
 */
class RedisClusterSessionStoreIT extends SessionStoreContract {
    private static final AtomicInteger STORES = new AtomicInteger();

    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    /** Each store gets its own key prefix, so it starts empty; it is given one node to find the others. */
    @Override
    protected SessionStore newStore(SessionPolicy policy) {
        return RedisSessionStore.builder()
                .redisUri(cluster.uri(STORES.get() % RedisClusterExtension.NODES))
                .cluster(true)
                .commandTimeout(Duration.ofSeconds(2))
                .policy(policy)
                .keyPrefix("k" + STORES.incrementAndGet())
                .build();
    }

    /** Real time: Redis reads the wall clock of this machine, and the contract waits for it to pass. */
    @Override
    public Clock storeClock() {
        return Clock.systemUTC();
    }
}

package dev.sessionstore.redis;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.testkit.RedisServerExtension;
import dev.sessionstore.testkit.SessionStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis store passes the whole store contract, on real time, against a real redis-server. */
class RedisSessionStoreIT extends SessionStoreContract {
    private static final AtomicInteger STORES = new AtomicInteger();

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    /** Each store gets its own key prefix, so it starts empty. */
    @Override
    protected SessionStore newStore(SessionPolicy policy) {
        return configure(RedisSessionStore.builder()
                        .redisUri(redis.uri())
                        .commandTimeout(Duration.ofSeconds(2))
                        .policy(policy)
                        .keyPrefix("c" + STORES.incrementAndGet()))
                .build();
    }

    /** The settings a subclass adds to run the same contract on another configuration of the store. */
    protected RedisSessionStoreBuilder configure(RedisSessionStoreBuilder builder) {
        return builder;
    }

    /** Real time: Redis reads the wall clock of this machine, and the contract waits for it to pass. */
    @Override
    public Clock storeClock() {
        return Clock.systemUTC();
    }
}

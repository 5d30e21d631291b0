package dev.sessionstore.redis;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.testkit.RedisServerExtension;
import dev.sessionstore.testkit.SessionStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With events on, the Redis store still passes the whole store contract: the outbox and the timers change nothing a
 * caller sees.
 */
class EventsOnContractIT extends SessionStoreContract {
    private static final AtomicInteger STORES = new AtomicInteger();

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    protected SessionStore newStore(SessionPolicy policy) {
        return RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(Duration.ofSeconds(2))
                .policy(policy)
                .keyPrefix("e" + STORES.incrementAndGet())
                .events(true)
                .build();
    }

    @Override
    public Clock storeClock() {
        return Clock.systemUTC();
    }
}

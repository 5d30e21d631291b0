package dev.sessionstore.bench;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.jdbc.JdbcSessionStore;
import dev.sessionstore.memory.InMemorySessionStore;
import dev.sessionstore.redis.RedisSessionStore;
import java.time.Clock;
import java.time.Duration;

/** Builds the sessionstore stores under test, each with the default policy. */
final class Stores {
    /** Longer than the store's default: the box is shared and a timeout would count as an error. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private Stores() {}

    static Target redis(String uri) {
        RedisSessionStore store = RedisSessionStore.builder()
                .redisUri(uri)
                .policy(SessionPolicy.defaults())
                .commandTimeout(COMMAND_TIMEOUT)
                .keyPrefix("ss")
                .build();
        return new StoreTarget("redis-store", Backing.REDIS, store, () -> {});
    }

    static Target memory() {
        return new StoreTarget(
                "memory-store",
                Backing.HEAP,
                new InMemorySessionStore(SessionPolicy.defaults(), Clock.systemUTC()),
                () -> {});
    }

    static Target jdbc(Postgres pg) {
        JdbcSessionStore store = JdbcSessionStore.builder()
                .dataSource(pg.dataSource())
                .policy(SessionPolicy.defaults())
                .clock(Clock.systemUTC())
                .build();
        return new StoreTarget("jdbc-store", Backing.POSTGRES, store, () -> {});
    }
}

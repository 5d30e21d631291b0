package dev.sessionstore.spring.session;

import dev.sessionstore.SessionStore;
import dev.sessionstore.redis.RedisSessionStore;
import dev.sessionstore.testkit.RedisServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The repository's contract on the Redis store, on a private redis-server. */
class SessionStoreRepositoryRedisIT extends SessionStoreRepositoryContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    SessionStore newStore() {
        return RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(Duration.ofSeconds(2))
                .build();
    }
}

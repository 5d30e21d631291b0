package dev.sessionstore.redis;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per test: a private redis-server, a {@link RedisSessionStore} on it (2 s command timeout) and a {@link
 * RedisProbe} to read it with plain commands. Register as an instance field with {@code @RegisterExtension}.
 */
final class PrivateRedisStore implements BeforeEachCallback, AfterEachCallback {
    private final SessionPolicy policy;
    private RedisServerProcess redis;
    private RedisProbe probe;
    private RedisSessionStore store;

    PrivateRedisStore() {
        this(SessionPolicy.defaults());
    }

    PrivateRedisStore(SessionPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        redis = RedisServerProcess.startEphemeral();
        probe = new RedisProbe(redis.uri());
        store = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(Duration.ofSeconds(2))
                .policy(policy)
                .build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        store.close();
        probe.close();
        redis.close();
    }

    RedisSessionStore store() {
        return store;
    }

    RedisProbe probe() {
        return probe;
    }

    int port() {
        return redis.port();
    }

    String uri() {
        return redis.uri();
    }
}

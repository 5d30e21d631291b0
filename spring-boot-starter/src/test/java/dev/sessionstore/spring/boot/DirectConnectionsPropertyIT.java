package dev.sessionstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.NewSession;
import dev.sessionstore.SessionStore;
import dev.sessionstore.testkit.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code sessionstore.direct-connections} reaches the store. One create on this (platform) thread, as a servlet
 * container's request thread is, and one on a virtual thread, which always goes by Lettuce's multiplexed connection:
 * by default the first goes by a direct connection of its own, so the store has two connections open in {@code CLIENT
 * LIST}; with the property at 0 both go by the multiplexed one. Counted on a private redis-server (any version: the
 * store opens each connection on first use).
 */
class DirectConnectionsPropertyIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SessionStoreAutoConfiguration.class));

    @Test
    void byDefault_aPlatformThreadsCallGoesByADirectConnection() throws Exception {
        assertThat(storeConnectionsAfterTwoCreates()).isEqualTo(2);
    }

    @Test
    void atZero_everyCallGoesByTheMultiplexedConnection() throws Exception {
        assertThat(storeConnectionsAfterTwoCreates("sessionstore.direct-connections=0"))
                .isEqualTo(1);
    }

    private long storeConnectionsAfterTwoCreates(String... properties) throws Exception {
        long[] count = {-1};
        runner.withPropertyValues("sessionstore.redis-url=" + redis.uri() + "?clientName=starter-it")
                .withPropertyValues(properties)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SessionStore store = context.getBean(SessionStore.class);
                    store.create(NewSession.forUser("alice"));
                    try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
                        virtual.submit(() -> store.create(NewSession.forUser("bob")))
                                .get();
                    }
                    RedisClient client = RedisClient.create(redis.uri());
                    try (StatefulRedisConnection<String, String> admin = client.connect()) {
                        count[0] = admin.sync()
                                .clientList()
                                .lines()
                                .filter(l -> l.contains(" name=starter-it "))
                                .count();
                    } finally {
                        client.shutdown();
                    }
                });
        return count[0];
    }
}

package dev.sessionstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.NewSession;
import dev.sessionstore.SessionStore;
import dev.sessionstore.testkit.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code sessionstore.direct-connections} reaches the store: a call on a platform thread (as a servlet container's
 * request thread is) goes by a direct connection by default and by Lettuce's multiplexed connection with the property
 * at 0. Told apart with {@code CLIENT LIST} on a private redis-server: a direct connection speaks RESP2, Lettuce RESP3
 * (the store opens its multiplexed connection on first use, so a store whose calls all went direct has none).
 */
class DirectConnectionsPropertyIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SessionStoreAutoConfiguration.class));

    @Test
    void byDefault_aPlatformThreadsCallGoesByADirectConnection() {
        assertThat(storeConnectionsAfterACreate()).containsExactly("resp=2");
    }

    @Test
    void atZero_everyCallGoesByTheMultiplexedConnection() {
        assertThat(storeConnectionsAfterACreate("sessionstore.direct-connections=0"))
                .containsExactly("resp=3");
    }

    /** The protocol of each connection the store has open after one create on this (platform) thread. */
    private List<String> storeConnectionsAfterACreate(String... properties) {
        List<String> protocols = new ArrayList<>();
        runner.withPropertyValues("sessionstore.redis-url=" + redis.uri() + "?clientName=starter-it")
                .withPropertyValues(properties)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(SessionStore.class).create(NewSession.forUser("alice"));
                    RedisClient client = RedisClient.create(redis.uri());
                    try (StatefulRedisConnection<String, String> admin = client.connect()) {
                        admin.sync()
                                .clientList()
                                .lines()
                                .filter(l -> l.contains(" name=starter-it "))
                                .forEach(l -> protocols.add(l.replaceAll(".* (resp=\\d+).*", "$1")));
                    } finally {
                        client.shutdown();
                    }
                });
        return protocols;
    }
}

package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.NewSession;
import dev.sessionstore.SessionToken;
import dev.sessionstore.StoreUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Redis busy running another client's long script answers BUSY: the store reports it as unavailable. */
class BusyRedisIT {
    @RegisterExtension
    final PrivateRedisStore redis = new PrivateRedisStore();

    @Test
    void busyRedis_isUnavailable_forScriptsAndScans_thenServesAgain() throws IOException {
        RedisSessionStore store = redis.store();
        SessionToken token = store.create(NewSession.forUser("bo")).token();
        redis.probe().redis().configSet("lua-time-limit", "10");
        try (Socket spinner = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
            spinner.getOutputStream().write("EVAL \"while true do end\" 0\r\n".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThatThrownBy(() -> store.touch(token))
                            .isInstanceOf(StoreUnavailableException.class)
                            .hasMessageContaining("BUSY"));
            assertThatThrownBy(() -> store.create(NewSession.forUser("bo")))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(store::liveSessions).isInstanceOf(StoreUnavailableException.class);
            assertThat(redis.probe().redis().scriptKill()).isEqualTo("OK");
        }
        await().atMost(Duration.ofSeconds(5))
                .ignoreException(StoreUnavailableException.class)
                .untilAsserted(() -> assertThat(store.touch(token)).isPresent());
    }
}

package dev.sessionstore.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.NewSession;
import dev.sessionstore.SessionToken;
import dev.sessionstore.StoreUnavailableException;
import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.CoordinationUnavailableException;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.redis.RedisSessionStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One Redis kept BUSY by another client's endless script: the store and coordination both report it as
 * unavailable (before the shared classification, coordination called BUSY a refusal), and both work again once
 * the script is killed.
 */
class BusyRedisIT {
    @Test
    void busyRedis_isUnavailable_toTheStoreAndToCoordinationAlike() throws IOException {
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral("--lua-time-limit", "10");
                Coordination coordination =
                        RedisFixture.instance(redis, "a", Clock.systemUTC(), SchedulerOptions.defaults());
                RedisSessionStore store = RedisSessionStore.builder()
                        .redisUri(redis.uri())
                        .commandTimeout(Duration.ofMillis(500))
                        .build()) {
            SessionToken token = store.create(NewSession.forUser("bo")).token();
            LockOptions lease = LockOptions.lease(Duration.ofSeconds(30));
            try (Socket spinner = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
                spinner.getOutputStream().write("EVAL \"while true do end\" 0\r\n".getBytes(StandardCharsets.US_ASCII));
                await().atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThatThrownBy(() -> store.touch(token))
                                .isInstanceOf(StoreUnavailableException.class)
                                .hasMessageContaining("BUSY"));
                // a busy Redis answers between slices of the script: on a loaded machine one answer may come
                // after the command timeout (then it times out, also unavailable), so the BUSY answer is awaited
                await().atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThatThrownBy(
                                        () -> coordination.locks().tryAcquire("job", lease))
                                .isInstanceOf(CoordinationUnavailableException.class)
                                .hasMessageContaining("BUSY"));
                assertThatThrownBy(() -> coordination.locks().currentFence("job"))
                        .isInstanceOf(CoordinationUnavailableException.class);
                assertThatThrownBy(() -> coordination.scheduler().history("job", 10))
                        .isInstanceOf(CoordinationUnavailableException.class);
                assertThat(redis.sendQuietly("SCRIPT KILL")).isEqualTo("+OK");
            }
            await().atMost(Duration.ofSeconds(5))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(store.touch(token)).isPresent());
            assertThat(coordination.locks().tryAcquire("job", lease)).isPresent();
        }
    }
}

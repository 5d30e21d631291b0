package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionToken;
import dev.sessionstore.StoreUnavailableException;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.testkit.PosixSignals;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A Redis that is down or hangs surfaces fast as {@link StoreUnavailableException}; the store recovers. */
class UnavailableIT {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final Duration BOUND = TIMEOUT.plusSeconds(1);

    private RedisServerProcess redis;
    private RedisSessionStore store;

    @BeforeEach
    void start() {
        redis = RedisServerProcess.startEphemeral();
        store = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(TIMEOUT)
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        signal("CONT");
        store.close();
        redis.close();
    }

    @Test
    void killedServer_failsFast_thenWorksAfterRestart() {
        CreatedSession s = store.create(NewSession.forUser("fay"));
        redis.kill();

        assertUnavailableWithin(() -> store.touch(s.token()));
        assertUnavailableWithin(() -> store.create(NewSession.forUser("fay")));
        assertUnavailableWithin(() -> store.listByIndex("tenant", "x"));
        assertUnavailableWithin(store::liveSessions);

        redis.start();
        await().atMost(Duration.ofSeconds(15))
                .ignoreException(StoreUnavailableException.class)
                .untilAsserted(() -> assertThat(store.create(NewSession.forUser("fay"))
                                .session()
                                .userId())
                        .contains("fay"));
    }

    @Test
    void hangingServer_timesOut_withinTheCommandTimeout() throws Exception {
        SessionToken token = store.create(NewSession.anonymous()).token();
        signal("STOP");
        assertUnavailableWithin(() -> store.touch(token));
        signal("CONT");
        await().atMost(Duration.ofSeconds(10))
                .ignoreException(StoreUnavailableException.class)
                .untilAsserted(() -> assertThat(store.peek(token)).isPresent());
    }

    @Test
    void storeBuiltWhileRedisIsDown_connectsOnceRedisIsUp() {
        redis.stop();
        RedisSessionStore late = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(TIMEOUT)
                .build();
        try (late) {
            assertUnavailableWithin(() -> late.peek(SessionToken.generateAnonymous()));
            redis.start();
            assertThat(late.peek(SessionToken.generateAnonymous())).isEmpty();
        }
    }

    private static void assertUnavailableWithin(Executable action) {
        long start = System.nanoTime();
        assertThatThrownBy(action::execute).isInstanceOf(StoreUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    private void signal(String signal) {
        if (redis.isRunning()) {
            PosixSignals.send(redis.pid(), signal);
        }
    }
}

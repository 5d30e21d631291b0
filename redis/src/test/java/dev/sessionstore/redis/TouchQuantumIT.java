package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Index scores are a quantized upper bound of the expiry, so touches within one quantum skip the indexes. */
class TouchQuantumIT {
    private static final Duration IDLE = Duration.ofHours(16);
    private static final long QUANTUM = IDLE.toMillis() / 16;

    private RedisServerProcess redis;
    private RedisProbe probe;
    private RedisSessionStore store;

    @BeforeEach
    void start() {
        redis = RedisServerProcess.startEphemeral();
        probe = new RedisProbe(redis.uri());
        store = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterEach
    void stop() {
        store.close();
        probe.close();
        redis.close();
    }

    @Test
    void secondTouch_withinTheSameQuantum_sendsNoZadd() {
        CreatedSession s = create();
        store.touch(s.token());
        long zaddsBefore = probe.commandCalls().getOrDefault("zadd", 0L);
        long hsetsBefore = probe.commandCalls().getOrDefault("hset", 0L);

        assertThat(store.touch(s.token())).isPresent();

        assertThat(probe.commandCalls().getOrDefault("hset", 0L)).isEqualTo(hsetsBefore + 1);
        assertThat(probe.commandCalls().getOrDefault("zadd", 0L)).isEqualTo(zaddsBefore);
    }

    @Test
    void indexScores_afterTouches_areAtLeastTheSessionExpiry() {
        CreatedSession s = create();
        String id = s.session().id().value();
        String tag = id.substring(0, 2);
        for (int i = 0; i < 3; i++) {
            store.touch(s.token());
        }

        long before = System.currentTimeMillis();
        long sessionTtl = probe.redis().pttl("ss:{" + tag + "}:s:" + id);
        long after = System.currentTimeMillis();
        for (String index : new String[] {"u:vera", "x:tenant:acme"}) {
            double score = probe.redis().zscore("ss:{" + tag + "}:" + index, id);
            assertThat(score).isBetween((double) (before + sessionTtl), (double) (after + sessionTtl + QUANTUM));
            assertThat(probe.redis().pttl("ss:{" + tag + "}:" + index)).isGreaterThanOrEqualTo(sessionTtl);
        }
    }

    private CreatedSession create() {
        return store.create(NewSession.builder()
                .userId("vera")
                .index("tenant", "acme")
                .idleTimeout(IDLE)
                .absoluteTimeout(IDLE.multipliedBy(3))
                .build());
    }
}

package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Index scores are a quantized upper bound of the expiry, so touches within one quantum skip the indexes. */
class TouchQuantumIT {
    private static final Duration IDLE = Duration.ofHours(16);
    private static final long QUANTUM = IDLE.toMillis() / 16;

    @RegisterExtension
    final PrivateRedisStore redis = new PrivateRedisStore();

    @Test
    void secondTouch_withinTheSameQuantum_sendsNoZadd() {
        CreatedSession s = create();
        redis.store().touch(s.token());
        long zaddsBefore = redis.probe().commandCalls().getOrDefault("zadd", 0L);
        long hsetsBefore = redis.probe().commandCalls().getOrDefault("hset", 0L);

        assertThat(redis.store().touch(s.token())).isPresent();

        assertThat(redis.probe().commandCalls().getOrDefault("hset", 0L)).isEqualTo(hsetsBefore + 1);
        assertThat(redis.probe().commandCalls().getOrDefault("zadd", 0L)).isEqualTo(zaddsBefore);
    }

    @Test
    void indexScores_afterTouches_areAtLeastTheSessionExpiry() {
        CreatedSession s = create();
        String id = s.session().id().value();
        String tag = id.substring(0, 2);
        for (int i = 0; i < 3; i++) {
            redis.store().touch(s.token());
        }

        long before = System.currentTimeMillis();
        long sessionTtl = redis.probe().redis().pttl("ss:{" + tag + "}:s:" + id);
        long after = System.currentTimeMillis();
        for (String index : new String[] {"u:vera", "x:tenant:acme"}) {
            double score = redis.probe().redis().zscore("ss:{" + tag + "}:" + index, id);
            assertThat(score).isBetween((double) (before + sessionTtl), (double) (after + sessionTtl + QUANTUM));
            assertThat(redis.probe().redis().pttl("ss:{" + tag + "}:" + index)).isGreaterThanOrEqualTo(sessionTtl);
        }
    }

    private CreatedSession create() {
        return redis.store()
                .create(NewSession.builder()
                        .userId("vera")
                        .index("tenant", "acme")
                        .idleTimeout(IDLE)
                        .absoluteTimeout(IDLE.multipliedBy(3))
                        .build());
    }
}

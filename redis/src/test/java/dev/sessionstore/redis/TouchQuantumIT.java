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
        String sid = id.substring(2);
        long sessionTtl = redis.probe().redis().pttl("ss:{" + tag + "}:" + sid);
        long after = System.currentTimeMillis();
        // one user in the tag: the user index has one bucket, u:0, whose member is digest + sid
        String userMember =
                redis.probe().redis().zrange("ss:{" + tag + "}:u:0", 0, -1).getFirst();
        assertThat(userMember).endsWith(sid);
        String[][] indexes = {{"u:0", userMember}, {"x:tenant:acme", sid}};
        for (String[] index : indexes) {
            double score = redis.probe().redis().zscore("ss:{" + tag + "}:" + index[0], index[1]);
            assertThat(score).isBetween((double) (before + sessionTtl), (double) (after + sessionTtl + QUANTUM));
            assertThat(redis.probe().redis().pttl("ss:{" + tag + "}:" + index[0]))
                    .isGreaterThanOrEqualTo(sessionTtl);
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

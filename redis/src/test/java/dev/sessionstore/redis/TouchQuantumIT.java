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

    /**
     * A session with a 2 s idle timeout (quantum 1 s), touched every 400 ms for 4 s, lives far past the
     * index score it was created with: each touch that crosses a quantum must move its score in the user
     * and value indexes, or the listings (which drop entries whose score has passed) would lose it.
     */
    @Test
    void touchesAcrossQuanta_moveTheIndexScores_soListingsKeepALiveSession() throws InterruptedException {
        Duration idle = Duration.ofSeconds(2);
        CreatedSession s = redis.store()
                .create(NewSession.builder()
                        .userId("walt")
                        .index("tenant", "moving")
                        .idleTimeout(idle)
                        .absoluteTimeout(Duration.ofMinutes(5))
                        .build());
        long createdScore = Math.ceilDiv(s.session().createdAt().toEpochMilli() + idle.toMillis(), 1000) * 1000;
        while (System.currentTimeMillis() < createdScore + 2000) {
            assertThat(redis.store().touch(s.token())).isPresent();
            Thread.sleep(400);
        }
        assertThat(redis.store().listByUser("walt"))
                .extracting(x -> x.id())
                .containsExactly(s.session().id());
        assertThat(redis.store().listByIndex("tenant", "moving"))
                .extracting(x -> x.id())
                .containsExactly(s.session().id());
        String sid = s.session().id().value().substring(2);
        String tag = s.session().id().tag();
        double score = redis.probe().redis().zscore("ss:{" + tag + "}:x:tenant:moving", sid);
        assertThat(score).isGreaterThan((double) createdScore);
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

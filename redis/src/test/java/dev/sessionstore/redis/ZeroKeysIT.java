package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Indexes cannot leak: once every session has expired or been revoked, Redis holds no key at all. */
class ZeroKeysIT {
    @RegisterExtension
    final PrivateRedisStore redis = new PrivateRedisStore(SessionPolicy.defaults()
            .withLimits(SessionLimits.defaults().withMaxSessionsPerUser(4))
            .withCapPolicy(CapPolicy.EVICT_OLDEST));

    @Test
    void afterEveryOperationKind_expiredAndRevokedSessions_leaveZeroKeys() {
        List<CreatedSession> sessions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sessions.add(create(i));
        }
        assertThat(redis.probe().redis().dbsize()).isGreaterThan(300);
        for (int i = 0; i < sessions.size(); i++) {
            try {
                apply(i, sessions.get(i));
            } catch (SessionNotFoundException evictedOrExpired) {
                // the per-user cap (4) evicted it, or its second has passed
            }
        }
        redis.store().revokeByUser("user-7", Optional.empty());
        redis.store().listByUser("user-8");
        redis.store().listByIndex("tenant", "t1");

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(redis.probe().redis().dbsize()).isZero());
    }

    @Test
    void listings_neverShowExpiredOrRevokedSessions() {
        CreatedSession kept = redis.store()
                .create(NewSession.builder()
                        .userId("dora")
                        .index("tenant", "t9")
                        .idleTimeout(Duration.ofMinutes(5))
                        .build());
        CreatedSession shortLived = create("dora", 1);
        CreatedSession revoked = create("dora", 2);
        redis.store().revoke(revoked.token());

        // two sessions made in the same millisecond are listed by id, so the order is not the creation order
        assertThat(ids(redis.store().listByUser("dora")))
                .containsExactlyInAnyOrder(
                        kept.session().id().value(), shortLived.session().id().value());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ids(redis.store().listByUser("dora")))
                    .containsExactly(kept.session().id().value());
            assertThat(ids(redis.store().listByIndex("tenant", "t9")))
                    .containsExactly(kept.session().id().value());
        });
        Instant now = Instant.now();
        assertThat(redis.store().listByUser("dora")).allMatch(s -> s.expiresAt().isAfter(now.minusSeconds(1)));
    }

    private void apply(int i, CreatedSession s) {
        switch (i % 6) {
            case 0 -> redis.store().revoke(s.token());
            case 1 -> redis.store().touch(s.token());
            case 2 -> redis.store().rotate(s.token());
            case 3 ->
                redis.store()
                        .update(
                                s.token(),
                                SessionUpdate.builder()
                                        .set("n", JsonValue.of(i))
                                        .build());
            case 4 -> redis.store().revoke(s.session().id());
            default -> redis.store().peek(s.token());
        }
    }

    private CreatedSession create(int i) {
        return create("user-" + (i % 40), i);
    }

    private CreatedSession create(String user, int i) {
        return redis.store()
                .create(NewSession.builder()
                        .userId(user)
                        .attribute("name", JsonValue.of("session " + i))
                        .index("tenant", "t" + (i % 3))
                        .index("device", "d" + (i % 7))
                        .idleTimeout(Duration.ofSeconds(1))
                        .absoluteTimeout(Duration.ofSeconds(1 + i % 3))
                        .build());
    }

    private static List<String> ids(List<Session> sessions) {
        return sessions.stream().map(s -> s.id().value()).toList();
    }
}

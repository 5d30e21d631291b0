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
import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Indexes cannot leak: once every session has expired or been revoked, Redis holds no key at all. */
class ZeroKeysIT {
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
                .policy(SessionPolicy.defaults()
                        .withLimits(SessionLimits.defaults().withMaxSessionsPerUser(4))
                        .withCapPolicy(CapPolicy.EVICT_OLDEST))
                .build();
    }

    @AfterEach
    void stop() {
        store.close();
        probe.close();
        redis.close();
    }

    @Test
    void afterEveryOperationKind_expiredAndRevokedSessions_leaveZeroKeys() {
        List<CreatedSession> sessions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sessions.add(create(i));
        }
        assertThat(probe.redis().dbsize()).isGreaterThan(300);
        for (int i = 0; i < sessions.size(); i++) {
            try {
                apply(i, sessions.get(i));
            } catch (SessionNotFoundException evictedOrExpired) {
                // the per-user cap (4) evicted it, or its second has passed
            }
        }
        store.revokeByUser("user-7", Optional.empty());
        store.listByUser("user-8");
        store.listByIndex("tenant", "t1");

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(probe.redis().dbsize()).isZero());
    }

    @Test
    void listings_neverShowExpiredOrRevokedSessions() {
        CreatedSession kept = store.create(NewSession.builder()
                .userId("dora")
                .index("tenant", "t9")
                .idleTimeout(Duration.ofMinutes(5))
                .build());
        CreatedSession shortLived = create("dora", 1);
        CreatedSession revoked = create("dora", 2);
        store.revoke(revoked.token());

        assertThat(ids(store.listByUser("dora")))
                .containsExactly(
                        kept.session().id().value(), shortLived.session().id().value());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ids(store.listByUser("dora")))
                    .containsExactly(kept.session().id().value());
            assertThat(ids(store.listByIndex("tenant", "t9")))
                    .containsExactly(kept.session().id().value());
        });
        Instant now = Instant.now();
        assertThat(store.listByUser("dora")).allMatch(s -> s.expiresAt().isAfter(now.minusSeconds(1)));
    }

    private void apply(int i, CreatedSession s) {
        switch (i % 6) {
            case 0 -> store.revoke(s.token());
            case 1 -> store.touch(s.token());
            case 2 -> store.rotate(s.token());
            case 3 ->
                store.update(
                        s.token(),
                        SessionUpdate.builder().set("n", JsonValue.of(i)).build());
            case 4 -> store.revoke(s.session().id());
            default -> store.peek(s.token());
        }
    }

    private CreatedSession create(int i) {
        return create("user-" + (i % 40), i);
    }

    private CreatedSession create(String user, int i) {
        return store.create(NewSession.builder()
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

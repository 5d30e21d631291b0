package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionTimeouts;
import dev.sessionstore.testkit.RedisClusterExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store's keyspace walks: what the server's admin page and expiry scan read instead of parsing keys. */
class StoreInspectionIT {
    private static final Duration IDLE = Duration.ofMinutes(10);

    @RegisterExtension
    final PrivateRedisStore redis = new PrivateRedisStore(
            SessionPolicy.defaults().withTimeouts(SessionTimeouts.defaults().withDefaults(IDLE, Duration.ofHours(8))));

    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    @Test
    void sessions_listEverySessionHash_withItsUserAndRedisExpiry_andNoOtherKey() {
        RedisSessionStore store = redis.store();
        CreatedSession alice = store.create(
                NewSession.builder().userId("alice").index("tenant", "a").build());
        CreatedSession anonymous = store.create(NewSession.anonymous());
        redis.probe().redis().set("ss:{00}:" + "x".repeat(22), "a string, not a session hash");

        Map<SessionId, SessionExpiry> found =
                store.inspection().sessions(100).stream().collect(Collectors.toMap(SessionExpiry::id, e -> e));

        assertThat(found)
                .containsOnlyKeys(alice.session().id(), anonymous.session().id());
        assertThat(found.get(alice.session().id()).userId()).contains("alice");
        assertThat(found.get(anonymous.session().id()).userId()).isEmpty();
        Instant expected = alice.session().lastAccessedAt().plus(IDLE);
        assertThat(found.get(alice.session().id()).expiresAt())
                .isBetween(expected.minusSeconds(2), expected.plusMillis(1));
        assertThat(store.inspection().liveSessions()).isEqualTo(2).isEqualTo(store.liveSessions());
    }

    @Test
    void sessions_stopsAtTheLimit() {
        RedisSessionStore store = redis.store();
        for (int i = 0; i < 30; i++) {
            store.create(NewSession.forUser("u" + i));
        }
        assertThat(store.inspection().sessions(7)).hasSize(7);
        assertThat(store.inspection().sessions(1000)).hasSize(30);
        assertThatThrownBy(() -> store.inspection().sessions(0)).hasMessageContaining("limit");
    }

    @Test
    void bytesPerSession_isEmptyWithoutSessions_andCountsIndexesToo() {
        RedisSessionStore store = redis.store();
        assertThat(store.inspection().bytesPerSession(5_000)).isEmpty();
        for (int i = 0; i < 20; i++) {
            store.create(NewSession.forUser("u" + i));
        }
        long plain = store.inspection().bytesPerSession(5_000).orElseThrow();
        long hash = redis.probe()
                .redis()
                .memoryUsage(redis.probe().redis().keys("ss:*").stream()
                        .filter(k -> new RedisKeys("ss").sessionId(k).isPresent())
                        .findFirst()
                        .orElseThrow());
        assertThat(plain).isGreaterThan(hash);
        assertThatThrownBy(() -> store.inspection().bytesPerSession(0)).hasMessageContaining("sampleKeys");
    }

    @Test
    void onACluster_theWalksCoverEveryMaster() {
        try (RedisSessionStore store = RedisSessionStore.builder()
                .redisUri(cluster.uri(0))
                .cluster(true)
                .keyPrefix("walk")
                .build()) {
            Set<SessionId> created = new HashSet<>();
            for (int i = 0; i < 120; i++) {
                created.add(
                        store.create(NewSession.forUser("user-" + i)).session().id());
            }
            List<SessionExpiry> sessions = store.inspection().sessions(1000);
            assertThat(sessions).extracting(SessionExpiry::id).containsExactlyInAnyOrderElementsOf(created);
            assertThat(sessions).allSatisfy(s -> assertThat(s.userId()).isPresent());
            assertThat(store.inspection().bytesPerSession(5_000)).isPresent();
            assertThat(store.inspection().sessions(10)).hasSize(10);
        }
    }
}

package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionEvent;
import dev.sessionstore.SessionId;
import dev.sessionstore.StoreUnavailableException;
import dev.sessionstore.testkit.RedisClusterExtension;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store on a real three-master Redis Cluster: data on every node, admin walks over all, a node lost. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterIT {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    private static RedisSessionStore store(String prefix) {
        return RedisSessionStore.builder()
                .redisUri(cluster.uri(1))
                .cluster(true)
                .commandTimeout(TIMEOUT)
                .keyPrefix(prefix)
                .build();
    }

    @Test
    @Order(0)
    void events_onEveryNode_areReadByAConsumerGroup_andExpireOnce() throws InterruptedException {
        try (RedisSessionStore store = RedisSessionStore.builder()
                .redisUri(cluster.uri(1))
                .cluster(true)
                .commandTimeout(Duration.ofSeconds(2))
                .keyPrefix("events")
                .events(true)
                .build()) {
            SessionEventConsumer consumer = store.events().consumer("g", "c", Duration.ofSeconds(30));
            List<SessionId> ids = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ids.add(store.create(NewSession.builder()
                                .userId("user-" + i)
                                .idleTimeout(Duration.ofSeconds(1))
                                .build())
                        .session()
                        .id());
            }
            List<SessionEvent> created = drain(consumer);
            assertThat(created).extracting(SessionEvent::sessionId).containsExactlyInAnyOrderElementsOf(ids);
            Thread.sleep(1_200);
            int expired = 0;
            for (int round = 0; round < 20 && expired < ids.size(); round++) {
                expired += store.events().expireDue();
                Thread.sleep(100);
            }
            assertThat(expired).isEqualTo(ids.size());
            assertThat(drain(consumer))
                    .allMatch(e -> e.type() == SessionEvent.Type.EXPIRED)
                    .extracting(SessionEvent::sessionId)
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(store.events().backlog("g")).isZero();
        }
    }

    private static List<SessionEvent> drain(SessionEventConsumer consumer) {
        List<SessionEvent> all = new ArrayList<>();
        for (List<SessionEvent> batch = consumer.poll(100); !batch.isEmpty(); batch = consumer.poll(100)) {
            consumer.ack(batch);
            all.addAll(batch);
        }
        return all;
    }

    @Test
    @Order(1)
    void sessionsSpreadOverEveryNode_andTheAdminOperationsReachThemAll() {
        try (RedisSessionStore store = store("spread")) {
            for (int i = 0; i < 300; i++) {
                store.create(NewSession.builder()
                        .userId("user-" + i)
                        .index("tenant", "acme")
                        .build());
            }
            for (int i = 0; i < RedisClusterExtension.NODES; i++) {
                try (RedisProbe node = new RedisProbe(cluster.uri(i))) {
                    assertThat(node.redis().keys("spread:*"))
                            .as("keys on node " + i)
                            .isNotEmpty();
                }
            }
            assertThat(store.liveSessions()).isEqualTo(300);
            assertThat(store.listByIndex("tenant", "acme")).hasSize(300);

            for (int i = 0; i < 300; i++) {
                assertThat(store.revokeByUser("user-" + i, Optional.empty())).hasSize(1);
            }
            for (int i = 0; i < RedisClusterExtension.NODES; i++) {
                try (RedisProbe node = new RedisProbe(cluster.uri(i))) {
                    assertThat(node.redis().keys("spread:*"))
                            .as("keys on node " + i)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    @Order(2)
    void aNodeThatIsDown_failsOnlyTheSessionsOfItsSlots_asUnavailable_withinTheTimeout() {
        try (RedisSessionStore store = store("down")) {
            RedisKeys keys = new RedisKeys("down");
            List<CreatedSession> onLostNode = new ArrayList<>();
            List<CreatedSession> elsewhere = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                CreatedSession s = store.create(NewSession.forUser("user-" + i));
                int node = RedisClusterExtension.owner(SlotHash.getSlot(keys.session(s.token())));
                (node == 2 ? onLostNode : elsewhere).add(s);
            }
            assertThat(onLostNode).isNotEmpty();
            assertThat(elsewhere).isNotEmpty();

            cluster.nodes().get(2).kill();

            for (CreatedSession s : elsewhere) {
                assertThat(store.touch(s.token()))
                        .as("a session on a live node")
                        .isPresent();
            }
            for (CreatedSession s : onLostNode.subList(0, Math.min(3, onLostNode.size()))) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> store.touch(s.token())).isInstanceOf(StoreUnavailableException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(1));
            }
        }
    }
}

package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.StoreUnavailableException;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.testkit.PosixSignals;
import dev.sessionstore.testkit.RedisClusterExtension;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code replicaAcknowledgement}: a write returns once a replica acknowledged it ({@code WAIT} on the connection that
 * carried it) and is refused as unavailable when none does in time, here a replica paused with SIGSTOP (connected,
 * but acknowledging nothing). On a Redis Cluster the WAIT goes to the master of the write's slot: a paused replica
 * of one master refuses the writes to that master's slots only. A WAIT sent on any other connection would answer at
 * once (that connection wrote nothing), so these tests fail if the WAIT goes astray.
 */
class ReplicaAcknowledgementIT {
    private static final Duration WAIT = Duration.ofMillis(300);

    @Test
    void standalone_writesWaitForTheReplica_andAreRefusedWhenItDoesNotAcknowledge() {
        try (RedisServerProcess master = RedisServerProcess.startEphemeral();
                RedisServerProcess replica =
                        RedisServerProcess.startEphemeral("--replicaof", "127.0.0.1", Integer.toString(master.port()));
                RedisSessionStore store = RedisSessionStore.builder()
                        .redisUri(master.uri())
                        .replicaAcknowledgement(1, WAIT)
                        .build()) {
            // the first write is acknowledged once the replica has synchronized
            CreatedSession created = await().atMost(Duration.ofSeconds(20))
                    .until(() -> tryCreate(store, "ada"), Optional::isPresent)
                    .orElseThrow();
            assertThat(store.peek(created.token())).isPresent();

            PosixSignals.send(replica.pid(), "STOP");
            try {
                assertThatThrownBy(() -> store.create(NewSession.forUser("bob")))
                        .isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("only 0 of 1 required replicas acknowledged it within 300 ms");
                assertThatThrownBy(() -> store.update(
                                created.token(),
                                SessionUpdate.builder()
                                        .set("cart", JsonValue.TRUE)
                                        .build()))
                        .isInstanceOf(StoreUnavailableException.class);
                // reads and touches do not wait
                assertThat(store.touch(created.token())).isPresent();
            } finally {
                PosixSignals.send(replica.pid(), "CONT");
            }
            assertThat(store.revoke(created.token())).isPresent();
        }
    }

    @Test
    void cluster_theWaitGoesToTheMasterOfTheWritesSlot() {
        try (RedisClusterExtension cluster =
                        RedisClusterExtension.withReplicas(1).start();
                RedisSessionStore store = RedisSessionStore.builder()
                        .redisUri(cluster.uri(1))
                        .cluster(true)
                        .commandTimeout(Duration.ofSeconds(2))
                        .replicaAcknowledgement(1, WAIT)
                        .build()) {
            String onNode0 = userOn(node -> node == 0);
            String onNode1 = userOn(node -> node == 1);
            for (String user : List.of(onNode0, onNode1)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> tryCreate(store, user), Optional::isPresent);
            }

            long replicaOfNode0 = cluster.replicas(0).get(0).pid();
            PosixSignals.send(replicaOfNode0, "STOP");
            try {
                assertThatThrownBy(() -> store.create(NewSession.forUser(onNode0)))
                        .isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("required replicas acknowledged");
                assertThat(store.create(NewSession.forUser(onNode1)).session().userId())
                        .contains(onNode1);
            } finally {
                PosixSignals.send(replicaOfNode0, "CONT");
            }
        }
    }

    private static Optional<CreatedSession> tryCreate(RedisSessionStore store, String user) {
        try {
            return Optional.of(store.create(NewSession.forUser(user)));
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
    }

    /** A user whose sessions' slot belongs to a node that {@code node} accepts. */
    private static String userOn(IntPredicate node) {
        return IntStream.range(0, 10_000)
                .mapToObj(i -> "user-" + i)
                .filter(u ->
                        node.test(RedisClusterExtension.owner(SlotHash.getSlot("{" + SessionToken.tagFor(u) + "}"))))
                .findFirst()
                .orElseThrow();
    }
}

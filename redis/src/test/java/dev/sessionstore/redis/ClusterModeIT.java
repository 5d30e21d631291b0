package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every script runs on a Redis Cluster node (which rejects declared keys of two slots with CROSSSLOT),
 * and {@code MONITOR} shows that every key each script touches, declared or derived, carries one hash
 * tag, hence one slot: with the event outbox on, so its stream and timer writes are checked too.
 */
class ClusterModeIT {
    private static final Pattern TAG = Pattern.compile("\"ss:\\{([0-9a-f]{2})}:");

    private RedisServerProcess redis;
    private RedisSessionStore store;
    private MonitorTap monitor;

    @BeforeEach
    void startSingleNodeCluster() {
        redis = RedisServerProcess.startEphemeral("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf");
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            probe.redis().clusterAddSlots(IntStream.range(0, 16384).toArray());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> probe.redis().clusterInfo().contains("cluster_state:ok"));
        }
        monitor = new MonitorTap(redis.port());
        store = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(Duration.ofSeconds(2))
                .policy(SessionPolicy.defaults()
                        .withLimits(SessionLimits.defaults().withMaxSessionsPerUser(2)))
                .events(true)
                .build();
    }

    @AfterEach
    void stop() {
        monitor.close();
        store.close();
        redis.close();
    }

    @Test
    void everyOperation_runsOnAClusterNode() {
        for (int i = 0; i < 40; i++) {
            String user = "user-" + (i % 7) + "{x}";
            CreatedSession s = store.create(NewSession.builder()
                    .userId(user)
                    .attribute("n", JsonValue.of(i))
                    .index("tenant", "t{" + (i % 3) + "}")
                    .build());
            store.touch(s.token());
            store.peek(s.token());
            store.update(
                    s.token(), SessionUpdate.builder().set("m", JsonValue.TRUE).build());
            CreatedSession rotated = store.rotate(s.token());
            if (i % 5 == 0) {
                store.revoke(rotated.token());
            }
            if (i % 9 == 0) {
                store.revoke(rotated.session().id());
            }
            store.listByUser(user);
        }
        assertThat(store.listByUser("user-2{x}")).hasSize(2);
        assertThat(store.listByIndex("tenant", "t{1}")).isNotEmpty();
        assertThat(store.revokeByUser("user-2{x}", Optional.empty())).hasSize(2);
        assertThat(store.create(NewSession.anonymous()).session().version()).isEqualTo(1);
        store.events().expireDue();
        assertEveryScriptTouchedOneTag(monitor.linesSince());
    }

    /** The commands a script runs are contiguous {@code lua} lines; all their keys must carry one tag. */
    private static void assertEveryScriptTouchedOneTag(List<String> lines) {
        Set<String> tags = new HashSet<>();
        int scripts = 0;
        for (String line : lines) {
            if (!line.contains(" lua] ")) {
                scripts += tags.isEmpty() ? 0 : 1;
                tags.clear();
                continue;
            }
            Matcher m = TAG.matcher(line);
            while (m.find()) {
                tags.add(m.group(1));
            }
            assertThat(tags).as(line).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(scripts).isGreaterThan(200);
    }
}

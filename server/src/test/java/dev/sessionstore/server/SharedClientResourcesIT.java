package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.NewSession;
import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server on Redis opens four Lettuce clients (admin, store, coordination, the jobs' own connection) and builds
 * them all on one {@code ClientResources}: every Lettuce thread it starts belongs to one pool per kind (each
 * {@code ClientResources} starts pools of its own), and the pools stop when the server closes.
 */
class SharedClientResourcesIT {
    /** Lettuce's thread names: {@code lettuce-<kind>-<pool>-<thread>}. */
    private static final Pattern LETTUCE_THREAD = Pattern.compile("lettuce-([A-Za-z]+)-(\\d+)-\\d+");

    @Test
    void everyRedisClientOfTheServer_runsOnOneClientResources_stoppedWhenTheServerCloses() {
        Set<String> before = lettucePools();
        Set<String> started;
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral()) {
            TestServer server = TestServer.redis(redis.uri());
            try {
                server.server.backend().store().create(NewSession.forUser("rita"));
                started = new TreeSet<>(lettucePools());
                started.removeAll(before);
                Map<String, Set<String>> poolsByKind = new TreeMap<>();
                for (String pool : started) {
                    String kind = pool.substring(0, pool.indexOf('-'));
                    poolsByKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(pool);
                }
                assertThat(poolsByKind)
                        .as("Lettuce thread pools the server started")
                        .isNotEmpty();
                assertThat(poolsByKind.values())
                        .allSatisfy(pools -> assertThat(pools)
                                .as("pools of one kind: " + poolsByKind)
                                .hasSize(1));
            } finally {
                server.close();
            }
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(lettucePools())
                        .as("the server's Lettuce threads after close")
                        .doesNotContainAnyElementsOf(started));
    }

    /** {@code <kind>-<pool>} of every live Lettuce thread. */
    private static Set<String> lettucePools() {
        Set<String> pools = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            Matcher m = LETTUCE_THREAD.matcher(t.getName());
            if (t.isAlive() && m.matches()) {
                pools.add(m.group(1) + "-" + m.group(2));
            }
        }
        return pools;
    }
}

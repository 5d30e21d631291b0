package dev.sessionstore.redis;

import static org.awaitility.Awaitility.await;

import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private Redis Cluster of three masters (three redis-server processes on free ports, 16384 slots split
 * in three: node {@code i} owns {@link #owner} of a slot) per test class; a node that is down leaves the
 * others serving their slots ({@code cluster-require-full-coverage no}). Register as {@code @RegisterExtension static final RedisClusterExtension
 * cluster = new RedisClusterExtension();}.
 */
final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {
    static final int NODES = 3;

    private final List<RedisServerProcess> nodes = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        for (int i = 0; i < NODES; i++) {
            nodes.add(RedisServerProcess.startEphemeral(
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    "nodes.conf",
                    "--cluster-node-timeout",
                    "2000"));
        }
        int per = 16384 / NODES;
        for (int i = 0; i < NODES; i++) {
            int from = i * per;
            int to = i == NODES - 1 ? 16384 : from + per;
            try (RedisProbe probe = new RedisProbe(nodes.get(i).uri())) {
                probe.redis().clusterAddSlots(IntStream.range(from, to).toArray());
                for (RedisServerProcess other : nodes) {
                    if (other != nodes.get(i)) {
                        probe.redis().clusterMeet("127.0.0.1", other.port());
                    }
                }
            }
        }
        for (RedisServerProcess node : nodes) {
            try (RedisProbe probe = new RedisProbe(node.uri())) {
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> probe.redis().clusterInfo().contains("cluster_state:ok")
                                && probe.redis().clusterInfo().contains("cluster_known_nodes:" + NODES));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        nodes.forEach(RedisServerProcess::close);
        nodes.clear();
    }

    /** The index of the node that owns {@code slot}. */
    static int owner(int slot) {
        return Math.min(slot / (16384 / NODES), NODES - 1);
    }

    /** The URI of node {@code i}. */
    String uri(int i) {
        return nodes.get(i).uri();
    }

    List<RedisServerProcess> nodes() {
        return List.copyOf(nodes);
    }
}

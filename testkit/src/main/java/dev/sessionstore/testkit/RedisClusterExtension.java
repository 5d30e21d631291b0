package dev.sessionstore.testkit;

import static org.awaitility.Awaitility.await;

import dev.sessionstore.embedded.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
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
public final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {
    public static final int NODES = 3;

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
            try (Node node = new Node(nodes.get(i).uri())) {
                node.redis().clusterAddSlots(IntStream.range(from, to).toArray());
                for (RedisServerProcess other : nodes) {
                    if (other != nodes.get(i)) {
                        node.redis().clusterMeet("127.0.0.1", other.port());
                    }
                }
            }
        }
        for (RedisServerProcess process : nodes) {
            try (Node node = new Node(process.uri())) {
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> node.redis().clusterInfo().contains("cluster_state:ok")
                                && node.redis().clusterInfo().contains("cluster_known_nodes:" + NODES));
            }
        }
    }

    /** A plain connection to one node, for the setup. */
    private static final class Node implements AutoCloseable {
        private final RedisClient client;
        private final StatefulRedisConnection<String, String> connection;

        Node(String uri) {
            client = RedisClient.create(uri);
            connection = client.connect();
        }

        RedisCommands<String, String> redis() {
            return connection.sync();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        nodes.forEach(RedisServerProcess::close);
        nodes.clear();
    }

    /** The index of the node that owns {@code slot}. */
    public static int owner(int slot) {
        return Math.min(slot / (16384 / NODES), NODES - 1);
    }

    /** The URI of node {@code i}. */
    public String uri(int i) {
        return nodes.get(i).uri();
    }

    public List<RedisServerProcess> nodes() {
        return List.copyOf(nodes);
    }
}

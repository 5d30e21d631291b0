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
 * cluster = new RedisClusterExtension();}. {@link #withReplicas} adds replicas to each master, which fail over
 * for it ({@code cluster-node-timeout} 1 s); it can also be used without JUnit: {@link #start()}, {@link #close()}.
 */
public final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    public static final int NODES = 3;

    private final List<RedisServerProcess> nodes = new ArrayList<>();
    private final List<List<RedisServerProcess>> replicas = new ArrayList<>();
    private final int replicasPerMaster;
    private final int nodeTimeoutMillis;

    /** Three masters, no replicas. */
    public RedisClusterExtension() {
        this(0, 2000);
    }

    private RedisClusterExtension(int replicasPerMaster, int nodeTimeoutMillis) {
        this.replicasPerMaster = replicasPerMaster;
        this.nodeTimeoutMillis = nodeTimeoutMillis;
    }

    /** Three masters with {@code replicasPerMaster} replicas each; a master not heard of for 1 s is failed over. */
    public static RedisClusterExtension withReplicas(int replicasPerMaster) {
        return new RedisClusterExtension(replicasPerMaster, 1000);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Starts the cluster and waits until every node sees it whole; a failure stops what was started. */
    public RedisClusterExtension start() {
        try {
            startNodes();
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * A cluster node on a free port. Its cluster bus listens on the port + 10000, which may be taken (or above 65535):
     * such a node exits at once and another free port is tried, up to 5 times.
     */
    private RedisServerProcess startNode() {
        for (int attempt = 1; ; attempt++) {
            try {
                return startNodeOnce();
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private RedisServerProcess startNodeOnce() {
        return RedisServerProcess.startEphemeral(
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                "nodes.conf",
                "--cluster-node-timeout",
                Integer.toString(nodeTimeoutMillis),
                // a replica fails over however long it was cut off from its master
                "--cluster-replica-validity-factor",
                "0",
                // a replica's first synchronization starts at once (Redis 7 waits 5 s for more replicas)
                "--repl-diskless-sync-delay",
                "0");
    }

    private void startNodes() {
        for (int i = 0; i < NODES; i++) {
            nodes.add(startNode());
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
        for (int i = 0; i < NODES; i++) {
            List<RedisServerProcess> own = new ArrayList<>();
            replicas.add(own);
            String masterId;
            try (Node master = new Node(nodes.get(i).uri())) {
                masterId = master.redis().clusterMyId();
            }
            for (int r = 0; r < replicasPerMaster; r++) {
                RedisServerProcess replica = startNode();
                own.add(replica);
                try (Node node = new Node(replica.uri())) {
                    node.redis().clusterMeet("127.0.0.1", nodes.get(i).port());
                    await().atMost(Duration.ofSeconds(20))
                            .pollInterval(Duration.ofMillis(50))
                            .until(() -> node.redis().clusterNodes().contains(masterId));
                    node.redis().clusterReplicate(masterId);
                }
            }
        }
        int total = NODES * (1 + replicasPerMaster);
        for (RedisServerProcess process : all()) {
            try (Node node = new Node(process.uri())) {
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> node.redis().clusterInfo().contains("cluster_state:ok")
                                && node.redis().clusterInfo().contains("cluster_known_nodes:" + total));
            }
        }
        for (RedisServerProcess master : nodes) {
            try (Node node = new Node(master.uri())) {
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() ->
                                node.redis().info("replication").contains("connected_slaves:" + replicasPerMaster));
            }
        }
    }

    private List<RedisServerProcess> all() {
        List<RedisServerProcess> all = new ArrayList<>(nodes);
        replicas.forEach(all::addAll);
        return all;
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
        close();
    }

    /** Stops every node. */
    @Override
    public void close() {
        all().forEach(RedisServerProcess::close);
        nodes.clear();
        replicas.clear();
    }

    /** The index of the node that owns {@code slot}. */
    public static int owner(int slot) {
        return Math.min(slot / (16384 / NODES), NODES - 1);
    }

    /** The URI of node {@code i}. */
    public String uri(int i) {
        return nodes.get(i).uri();
    }

    /** The masters the cluster started with, node {@code i} at index {@code i}. */
    public List<RedisServerProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** The replicas the cluster started with for master {@code i}. */
    public List<RedisServerProcess> replicas(int i) {
        return List.copyOf(replicas.get(i));
    }
}

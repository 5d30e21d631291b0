package dev.sessionstore.testkit;

import static org.awaitility.Awaitility.await;

import dev.sessionstore.embedded.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A private Sentinel-managed Redis on 127.0.0.1: a master, {@code replicas} replicas of it and three Sentinels
 * ({@code redis-server --sentinel}) monitoring it as {@value #MASTER_NAME} with quorum 2, declaring it down after
 * 1 s without an answer and failing over within 5 s; a replica's full synchronization starts at once ({@code
 * repl-diskless-sync-delay 0}). Every process is on a free port and is stopped by {@link
 * #close()} (or, if never closed, when the JVM exits). Not thread-safe.
 */
public final class RedisSentinelGroup implements AutoCloseable {
    public static final String MASTER_NAME = "sessionstore-test";
    public static final int SENTINELS = 3;

    private static final String[] NO_SYNC_DELAY = {"--repl-diskless-sync-delay", "0"};

    private final List<RedisServerProcess> servers = new ArrayList<>();
    private final List<RedisServerProcess> sentinels = new ArrayList<>();
    private final RedisClient client = RedisClient.create();

    private RedisSentinelGroup() {}

    /** Starts the group and waits until every Sentinel sees the master, its replicas and the other Sentinels. */
    public static RedisSentinelGroup start(int replicas) {
        RedisSentinelGroup group = new RedisSentinelGroup();
        try {
            group.startProcesses(replicas);
            return group;
        } catch (RuntimeException | Error e) {
            group.close();
            throw e;
        }
    }

    private void startProcesses(int replicas) {
        // a replica's full synchronization starts at once (Redis 7 waits 5 s for more replicas)
        RedisServerProcess master = RedisServerProcess.startEphemeral(NO_SYNC_DELAY);
        servers.add(master);
        for (int i = 0; i < replicas; i++) {
            servers.add(RedisServerProcess.startEphemeral(
                    NO_SYNC_DELAY[0], NO_SYNC_DELAY[1], "--replicaof", "127.0.0.1", Integer.toString(master.port())));
        }
        for (RedisServerProcess replica : servers.subList(1, servers.size())) {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> replication(replica).contains("master_link_status:up"));
        }
        for (int i = 0; i < SENTINELS; i++) {
            sentinels.add(RedisServerProcess.startSentinel(List.of(
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                    "sentinel failover-timeout " + MASTER_NAME + " 5000",
                    "sentinel parallel-syncs " + MASTER_NAME + " " + Math.max(1, replicas))));
        }
        for (RedisServerProcess sentinel : sentinels) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Map<String, String> state = sentinelMaster(sentinel);
                        return String.valueOf(replicas).equals(state.get("num-slaves"))
                                && String.valueOf(SENTINELS - 1).equals(state.get("num-other-sentinels"));
                    });
        }
    }

    /**
     * {@code redis-sentinel://127.0.0.1:<p1>,127.0.0.1:<p2>,127.0.0.1:<p3>#}{@value #MASTER_NAME}, as Lettuce reads
     * it.
     */
    public String uri() {
        return "redis-sentinel://"
                + sentinels.stream().map(s -> "127.0.0.1:" + s.port()).collect(Collectors.joining(","))
                + "#" + MASTER_NAME;
    }

    /** The master the group started with. */
    public RedisServerProcess initialMaster() {
        return servers.get(0);
    }

    /** The master's and the replicas' processes, the initial master first. */
    public List<RedisServerProcess> servers() {
        return List.copyOf(servers);
    }

    /** The port of the master the first Sentinel names now. */
    public int currentMasterPort() {
        try (StatefulRedisSentinelConnection<String, String> c = client.connectSentinel(uri(sentinels.get(0)))) {
            return ((InetSocketAddress) c.sync().getMasterAddrByName(MASTER_NAME)).getPort();
        }
    }

    /** INFO replication of {@code server}. */
    public String replication(RedisServerProcess server) {
        try (StatefulRedisConnection<String, String> c = client.connect(uri(server))) {
            return c.sync().info("replication");
        }
    }

    private Map<String, String> sentinelMaster(RedisServerProcess sentinel) {
        try (StatefulRedisSentinelConnection<String, String> c = client.connectSentinel(uri(sentinel))) {
            return c.sync().master(MASTER_NAME);
        }
    }

    private static RedisURI uri(RedisServerProcess process) {
        return RedisURI.create(process.uri());
    }

    /** The process serving {@code port}. */
    public RedisServerProcess server(int port) {
        return servers.stream()
                .filter(s -> s.port() == port)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server of the group on port " + port));
    }

    @Override
    public void close() {
        sentinels.forEach(RedisServerProcess::close);
        servers.forEach(RedisServerProcess::close);
        sentinels.clear();
        servers.clear();
        client.shutdown();
    }
}

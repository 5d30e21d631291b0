package dev.sessionstore.server;

import dev.sessionstore.redis.RedisSessionStore;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A small Lettuce connection for what the store API does not offer: PING for readiness, the persistence
 * settings (CONFIG GET, tolerated when CONFIG is disabled) and INFO memory. On a Redis Cluster the memory figures
 * are summed over every master, since the store's keys are spread over all of them. Thread-safe.
 */
final class RedisAdmin implements AutoCloseable {
    static final int MEMORY_SAMPLE_KEYS = 5_000;

    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> any;
    private final Supplier<List<RedisCommands<String, String>>> masters;

    private RedisAdmin(
            AbstractRedisClient client,
            StatefulConnection<String, String> connection,
            RedisClusterCommands<String, String> any,
            Supplier<List<RedisCommands<String, String>>> masters) {
        this.client = client;
        this.connection = connection;
        this.any = any;
        this.masters = masters;
    }

    /** A connection to the server at {@code uri}, or, with {@code cluster}, to the cluster it is a node of. */
    static RedisAdmin connect(String uri, Duration timeout, boolean cluster) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(timeout);
        return cluster ? cluster(RedisClusterClient.create(redisUri)) : standalone(RedisClient.create(redisUri));
    }

    private static RedisAdmin standalone(RedisClient client) {
        try {
            StatefulRedisConnection<String, String> conn = client.connect();
            return new RedisAdmin(client, conn, conn.sync(), () -> List.of(conn.sync()));
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    private static RedisAdmin cluster(RedisClusterClient client) {
        try {
            StatefulRedisClusterConnection<String, String> conn = client.connect();
            return new RedisAdmin(
                    client,
                    conn,
                    conn.sync(),
                    () -> conn.getPartitions().stream()
                            .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
                            .map(node -> conn.getConnection(node.getNodeId()).sync())
                            .toList());
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    private RedisClusterCommands<String, String> sync() {
        return any;
    }

    boolean ping() {
        try {
            return "PONG".equals(sync().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What the server says of its persistence. */
    Persistence persistence() {
        Map<String, String> config = new LinkedHashMap<>();
        try {
            config.putAll(sync().configGet("appendonly", "appendfsync", "save"));
        } catch (RuntimeException e) {
            return new Persistence(Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new Persistence(
                Optional.ofNullable(config.get("appendonly")),
                Optional.ofNullable(config.get("appendfsync")),
                Optional.ofNullable(config.get("save")));
    }

    /** {@code used_memory_dataset} from INFO memory: bytes held by data, without the server's overhead. */
    OptionalLong datasetBytes() {
        try {
            long sum = 0;
            for (RedisCommands<String, String> master : masters.get()) {
                sum += datasetBytes(master);
            }
            return OptionalLong.of(sum);
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static long datasetBytes(RedisCommands<String, String> master) {
        for (String line : master.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory_dataset:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IllegalStateException("no used_memory_dataset in INFO memory");
    }

    /**
     * Bytes per session measured with MEMORY USAGE over the store's keys ({@code <prefix>:*}): session hashes plus
     * their share of the user and index sorted sets. Scans at most {@link #MEMORY_SAMPLE_KEYS} keys; beyond that the
     * sample stands for the whole. Empty when there is no session or MEMORY is disabled.
     */
    OptionalLong bytesPerSession(String prefix) {
        try {
            long[] bytesAndSessions = new long[2];
            List<RedisCommands<String, String>> all = masters.get();
            for (RedisCommands<String, String> master : all) {
                sample(master, prefix, MEMORY_SAMPLE_KEYS / all.size(), bytesAndSessions);
            }
            long sessions = bytesAndSessions[1];
            return sessions == 0 ? OptionalLong.empty() : OptionalLong.of(bytesAndSessions[0] / sessions);
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Adds the MEMORY USAGE of up to {@code limit} of one server's store keys, and the sessions among them. */
    private static void sample(RedisCommands<String, String> redis, String prefix, int limit, long[] bytesAndSessions) {
        int seen = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs args = ScanArgs.Builder.matches(prefix + ":*").limit(500);
        do {
            KeyScanCursor<String> page = redis.scan(cursor, args);
            for (String key : page.getKeys()) {
                Long usage = redis.memoryUsage(key);
                bytesAndSessions[0] += usage == null ? 0 : usage;
                bytesAndSessions[1] +=
                        RedisSessionStore.sessionIdOfKey(prefix, key).isPresent() ? 1 : 0;
                seen++;
            }
            cursor = page;
        } while (!cursor.isFinished() && seen < limit);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /**
     * Persistence settings; each empty when CONFIG is disabled.
     *
     * @param appendonly "yes" or "no"
     * @param appendfsync "always", "everysec" or "no"
     * @param save the RDB snapshot schedule, "" for none
     */
    record Persistence(Optional<String> appendonly, Optional<String> appendfsync, Optional<String> save) {
        boolean known() {
            return appendonly.isPresent();
        }

        /** Whether acknowledged sessions survive a Redis restart (AOF on, or RDB snapshots scheduled). */
        boolean survivesRestart() {
            return appendonly.filter("yes"::equals).isPresent()
                    || save.filter(s -> !s.isBlank()).isPresent();
        }

        String describe() {
            if (!known()) {
                return "unknown (CONFIG is disabled on this server)";
            }
            if (appendonly.get().equals("yes")) {
                return "AOF, appendfsync " + appendfsync.orElse("?")
                        + save.filter(s -> !s.isBlank())
                                .map(s -> "; RDB save " + s)
                                .orElse("");
            }
            return save.filter(s -> !s.isBlank())
                    .map(s -> "RDB snapshots only (save " + s + ")")
                    .orElse("none");
        }
    }
}

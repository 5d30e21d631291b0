package dev.sessionstore.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Looks at a Redis server from the side: memory in use, key count, and a flush. Its own commands go
 * over its own connection.
 */
final class RedisProbe implements AutoCloseable {
    private final String uri;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisProbe(String uri) {
        this.uri = uri;
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(Duration.ofSeconds(60));
        this.client = RedisClient.create(redisUri);
        this.connection = client.connect();
    }

    RedisCommands<String, String> sync() {
        return connection.sync();
    }

    String uri() {
        return uri;
    }

    /** {@code used_memory} after the server settles. */
    long usedMemory() {
        sleep(300);
        return RedisInfo.number(sync().info("memory"), "used_memory");
    }

    long keys() {
        return sync().dbsize();
    }

    /**
     * The mean {@code MEMORY USAGE} (key, value and their overhead, as Redis estimates it) of up to
     * {@code sample} keys, by key type, e.g. {@code "hash 280 B, zset 120 B"}.
     */
    String memoryUsageByType(int sample) {
        var scan = sync().scan(ScanArgs.Builder.limit(sample));
        Map<String, long[]> byType = new TreeMap<>();
        for (String key :
                scan.getKeys().subList(0, Math.min(sample, scan.getKeys().size()))) {
            Long bytes = sync().memoryUsage(key);
            if (bytes != null) {
                long[] sum = byType.computeIfAbsent(sync().type(key), t -> new long[2]);
                sum[0] += bytes;
                sum[1]++;
            }
        }
        StringJoiner out = new StringJoiner(", ");
        byType.forEach((type, sum) -> out.add("%s %,d B".formatted(type, sum[0] / sum[1])));
        return out.toString();
    }

    void flushAll() {
        sync().flushall();
    }

    /** The server's version, for the report. */
    String version() {
        return RedisInfo.parse(sync().info("server")).getOrDefault("redis_version", "?");
    }

    /** The persistence settings, for the report. */
    String persistence() {
        Map<String, String> c =
                new HashMap<>(sync().configGet("appendonly")); // one name per call: several need Redis 7
        c.putAll(sync().configGet("save"));
        String save = c.getOrDefault("save", "");
        return "appendonly " + c.getOrDefault("appendonly", "?") + ", save '" + save + "'";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}

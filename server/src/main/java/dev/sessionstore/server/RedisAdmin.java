package dev.sessionstore.server;

import dev.sessionstore.redis.RedisSessionStore;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A small Lettuce connection for what the store API does not offer: PING for readiness, the persistence
 * settings (CONFIG GET, tolerated when CONFIG is disabled) and INFO memory. Thread-safe.
 */
final class RedisAdmin implements AutoCloseable {
    static final int MEMORY_SAMPLE_KEYS = 5_000;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisAdmin(RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.client = client;
        this.connection = connection;
    }

    static RedisAdmin connect(String uri, Duration timeout) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(timeout);
        RedisClient client = RedisClient.create(redisUri);
        try {
            return new RedisAdmin(client, client.connect());
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    private RedisCommands<String, String> sync() {
        return connection.sync();
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
            for (String name : List.of("appendonly", "appendfsync", "save")) {
                config.putAll(sync().configGet(name)); // one name per call: several need Redis 7
            }
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
            for (String line : sync().info("memory").split("\r?\n")) {
                if (line.startsWith("used_memory_dataset:")) {
                    return OptionalLong.of(
                            Long.parseLong(line.substring(line.indexOf(':') + 1).trim()));
                }
            }
        } catch (RuntimeException e) {
            // fall through: unknown
        }
        return OptionalLong.empty();
    }

    /**
     * Bytes per session measured with MEMORY USAGE over the store's keys ({@code <prefix>:*}): session hashes plus
     * their share of the user and index sorted sets. Scans at most {@link #MEMORY_SAMPLE_KEYS} keys; beyond that the
     * sample stands for the whole. Empty when there is no session or MEMORY is disabled.
     */
    OptionalLong bytesPerSession(String prefix) {
        try {
            long bytes = 0;
            long sessions = 0;
            int seen = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            ScanArgs args = ScanArgs.Builder.matches(prefix + ":*").limit(500);
            do {
                KeyScanCursor<String> page = sync().scan(cursor, args);
                for (String key : page.getKeys()) {
                    Long usage = sync().memoryUsage(key);
                    bytes += usage == null ? 0 : usage;
                    sessions += RedisSessionStore.sessionIdOfKey(prefix, key).isPresent() ? 1 : 0;
                    seen++;
                }
                cursor = page;
            } while (!cursor.isFinished() && seen < MEMORY_SAMPLE_KEYS);
            return sessions == 0 ? OptionalLong.empty() : OptionalLong.of(bytes / sessions);
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
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

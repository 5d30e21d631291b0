package dev.sessionstore.server;

import dev.sessionstore.redis.support.RedisClientSettings;
import dev.sessionstore.redis.support.RedisExceptions;
import dev.sessionstore.redis.support.RedisLink;
import dev.sessionstore.redis.support.TrustedCertificates;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A small Lettuce connection for what the store API does not offer: PING for readiness, the persistence
 * settings (CONFIG GET, tolerated when CONFIG is disabled) and INFO memory, of the one node it is given (a
 * Redis Cluster's seed node too). It knows nothing of the store's keys. Thread-safe.
 */
final class RedisAdmin implements AutoCloseable {
    /** How many keys the statistics job samples with {@code MEMORY USAGE} for the bytes per session. */
    static final int MEMORY_SAMPLE_KEYS = 5_000;

    private final RedisLink link;

    private RedisAdmin(RedisLink link) {
        this.link = link;
    }

    /**
     * Connects to the node at {@code uri} on the process's client resources, trusting {@code trust} for TLS.
     *
     * @throws io.lettuce.core.RedisConnectionException if it cannot be reached
     */
    static RedisAdmin connect(
            String uri, Optional<TrustedCertificates> trust, Duration timeout, ClientResources resources) {
        RedisClientSettings settings = RedisClientSettings.of(
                        RedisClientSettings.parseUri(uri, "--redis-url"), false, timeout)
                .withTrust(trust);
        RedisLink link = RedisLink.open(settings, Optional.of(resources), RedisExceptions.lettuce());
        try {
            link.connect();
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        return new RedisAdmin(link);
    }

    private RedisClusterCommands<String, String> sync() {
        return link.sync();
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
                config.putAll(sync().configGet(name)); // one name per call: Redis before 7 takes only one
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

    @Override
    public void close() {
        link.close();
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
            return durability().filter(d -> d != ServerConfig.Durability.NONE).isPresent();
        }

        /**
         * The durability these settings give, empty when unknown: AOF with {@code appendfsync always} or {@code
         * everysec} as named; AOF with {@code appendfsync no} (the OS flushes when it likes) and RDB snapshots count
         * as {@code RDB}; neither as {@code NONE}.
         */
        Optional<ServerConfig.Durability> durability() {
            if (!known()) {
                return Optional.empty();
            }
            if (appendonly.get().equals("yes")) {
                return Optional.of(
                        switch (appendfsync.orElse("")) {
                            case "always" -> ServerConfig.Durability.ALWAYS;
                            case "everysec" -> ServerConfig.Durability.EVERYSEC;
                            default -> ServerConfig.Durability.RDB;
                        });
            }
            return Optional.of(
                    save.filter(s -> !s.isBlank()).isPresent()
                            ? ServerConfig.Durability.RDB
                            : ServerConfig.Durability.NONE);
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

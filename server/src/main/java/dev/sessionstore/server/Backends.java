package dev.sessionstore.server;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.memory.InMemoryCoordination;
import dev.sessionstore.coordination.redis.RedisCoordination;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.memory.InMemorySessionStore;
import dev.sessionstore.redis.RedisSessionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opens the configured store: the one place the server chooses a backend. */
final class Backends {
    static final String KEY_PREFIX = "ss";

    private Backends() {}

    static Backend open(ServerConfig config, SessionPolicy policy, Clock clock) {
        return switch (config.store()) {
            case MEMORY -> memory(policy, clock);
            case REDIS ->
                config.redisUrl().map(url -> external(config, policy, url)).orElseGet(() -> embedded(config, policy));
        };
    }

    private static Backend memory(SessionPolicy policy, Clock clock) {
        InMemorySessionStore store = new InMemorySessionStore(policy, clock);
        return new Backend(
                store,
                "in-memory store (sessions are lost when the server stops)",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                List.of("--store memory: sessions live in this process and are lost when it stops"),
                () -> {});
    }

    private static Backend embedded(ServerConfig config, SessionPolicy policy) {
        RedisServerProcess.Persistence persistence = switch (config.durability()) {
            case NONE -> RedisServerProcess.Persistence.NONE;
            case EVERYSEC -> RedisServerProcess.Persistence.AOF_EVERYSEC;
            case ALWAYS -> RedisServerProcess.Persistence.AOF_ALWAYS;
        };
        RedisServerProcess redis =
                RedisServerProcess.create(config.dataDir().resolve("redis"), persistence, 0, List.of());
        redis.start();
        try {
            String what = "embedded Redis " + redis.uri() + " (pid " + redis.pid() + ", data in "
                    + redis.dataDir().toAbsolutePath() + ")";
            return connect(config, policy, redis.uri(), what, Optional.of(launchedWith(persistence)), redis::stop);
        } catch (RuntimeException e) {
            redis.stop();
            throw e;
        }
    }

    private static Backend external(ServerConfig config, SessionPolicy policy, String url) {
        String what = (config.redisCluster() ? "Redis Cluster via " : "Redis ") + redacted(url);
        return connect(config, policy, url, what, Optional.empty(), () -> {});
    }

    /** The settings this server passed to the Redis it started: it needs not ask them, nor warn it cannot. */
    private static RedisAdmin.Persistence launchedWith(RedisServerProcess.Persistence persistence) {
        return switch (persistence) {
            case NONE -> new RedisAdmin.Persistence(Optional.of("no"), Optional.empty(), Optional.of(""));
            case AOF_EVERYSEC ->
                new RedisAdmin.Persistence(Optional.of("yes"), Optional.of("everysec"), Optional.of(""));
            case AOF_ALWAYS -> new RedisAdmin.Persistence(Optional.of("yes"), Optional.of("always"), Optional.of(""));
        };
    }

    /**
     * @param launched the persistence this server started the Redis with; empty for an external Redis, whose
     *     settings are asked (and an operator warned when they cannot be read)
     */
    private static Backend connect(
            ServerConfig config,
            SessionPolicy policy,
            String url,
            String what,
            Optional<RedisAdmin.Persistence> launched,
            Runnable afterClose) {
        RedisAdmin admin = RedisAdmin.connect(url, config.commandTimeout().plusSeconds(1));
        RedisSessionStore store;
        try {
            store = RedisSessionStore.builder()
                    .redisUri(url)
                    .cluster(config.redisCluster())
                    .policy(policy)
                    .commandTimeout(config.commandTimeout())
                    .keyPrefix(KEY_PREFIX)
                    .build();
        } catch (RuntimeException e) {
            admin.close();
            throw e;
        }
        RedisAdmin.Persistence persistence = launched.orElseGet(admin::persistence);
        List<String> warnings = new ArrayList<>();
        if (!persistence.known()) {
            warnings.add("cannot read the Redis persistence settings (CONFIG is disabled); make sure AOF is on");
        } else if (!persistence.survivesRestart()) {
            warnings.add(
                    "Redis persistence is " + persistence.describe() + ": sessions will NOT survive a Redis restart");
        }
        return new Backend(
                store,
                what + ", persistence: " + persistence.describe(),
                Optional.of(admin),
                launched,
                Optional.of(url),
                config.redisCluster(),
                Optional.of(store::liveSessions),
                warnings,
                () -> {
                    admin.close();
                    afterClose.run();
                });
    }

    /**
     * This instance's coordination: through the store's Redis, so every server sharing it coordinates jobs and
     * breakers; in memory (this process alone) for the in-memory store.
     */
    static Coordination coordination(ServerConfig config, Backend backend, Clock clock) {
        return backend.redisUri()
                .map(url -> RedisCoordination.builder(url)
                        .clock(clock)
                        .commandTimeout(clamp(config.commandTimeout()))
                        .instanceId(config.instanceId())
                        .cluster(backend.redisCluster())
                        .build())
                .orElseGet(() -> InMemoryCoordination.create(clock).instance(config.instanceId()));
    }

    private static java.time.Duration clamp(java.time.Duration d) {
        java.time.Duration min = java.time.Duration.ofMillis(10);
        java.time.Duration max = java.time.Duration.ofMinutes(1);
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    /** The URL without its password, for printing. */
    static String redacted(String url) {
        return url.replaceFirst("//([^@/]*)@", "//***@");
    }
}

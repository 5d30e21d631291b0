package dev.sessionstore.server;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.memory.InMemoryCoordination;
import dev.sessionstore.coordination.redis.RedisCoordination;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.memory.InMemorySessionStore;
import dev.sessionstore.redis.RedisSessionStore;
import dev.sessionstore.redis.RedisSessionStoreBuilder;
import dev.sessionstore.redis.support.RedisClients;
import dev.sessionstore.server.jobs.SharedRedis;
import io.lettuce.core.resource.ClientResources;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens the configured store: the one place the server chooses a backend. On Redis it makes the process's one
 * Lettuce {@link ClientResources} and builds every client on it: the admin connection, the store, the coordination
 * instance and the jobs' own connection; the backend's closer shuts it down after all of them.
 */
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
                List.of("--store memory: sessions live in this process and are lost when it stops"),
                () -> {});
    }

    private static Backend embedded(ServerConfig config, SessionPolicy policy) {
        RedisServerProcess.Persistence persistence = switch (config.durability()) {
            case NONE -> RedisServerProcess.Persistence.NONE;
            case RDB -> RedisServerProcess.Persistence.RDB;
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
            case RDB ->
                new RedisAdmin.Persistence(
                        Optional.of("no"), Optional.empty(), Optional.of(RedisServerProcess.RDB_SAVE_POINTS));
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
        ClientResources resources = RedisClients.newResources();
        Runnable shutdown = () -> resources.shutdown(0, 2, TimeUnit.SECONDS);
        RedisAdmin admin;
        RedisSessionStore store;
        try {
            admin = RedisAdmin.connect(
                    url, config.redisLink().trust(), config.commandTimeout().plusSeconds(1), resources);
        } catch (RuntimeException e) {
            shutdown.run();
            throw e;
        }
        // before the store connects: a Redis that persists less than required is refused without further ado
        RedisAdmin.Persistence persistence = launched.orElseGet(admin::persistence);
        try {
            config.requiredDurability().ifPresent(required -> requireDurability(required, persistence, what));
            RedisSessionStoreBuilder builder = RedisSessionStore.builder()
                    .redisUri(url)
                    .cluster(config.redisCluster())
                    .policy(policy)
                    .commandTimeout(config.commandTimeout())
                    .keyPrefix(KEY_PREFIX)
                    .clientResources(resources)
                    .events(config.webhook().isPresent())
                    .indexListingRate(config.redisLink().indexListingRate())
                    .replicaAcknowledgement(
                            config.redisLink().waitReplicas(),
                            config.redisLink().waitTimeout());
            config.redisLink().caFile().ifPresent(builder::trustedCertificates);
            store = builder.build();
        } catch (RuntimeException e) {
            admin.close();
            shutdown.run();
            throw e;
        }
        return new Backend(
                store,
                what + ", persistence: " + persistence.describe(),
                Optional.of(admin),
                Optional.of(new SharedRedis(
                        url,
                        config.redisCluster(),
                        config.redisLink().trust(),
                        resources,
                        store.inspection(),
                        config.webhook().isPresent() ? Optional.of(store.events()) : Optional.empty())),
                launched,
                warnings(persistence),
                () -> {
                    admin.close();
                    shutdown.run();
                    afterClose.run();
                });
    }

    /** Refuses (the command line's exit code 2) a Redis that persists less than {@code --require-durability}. */
    private static void requireDurability(
            ServerConfig.Durability required, RedisAdmin.Persistence persistence, String what) {
        Optional<ServerConfig.Durability> has = persistence.durability();
        if (has.isEmpty()) {
            throw new IllegalArgumentException("--require-durability " + required.option() + ": cannot check " + what
                    + ": its persistence settings cannot be read (CONFIG is disabled)");
        }
        if (has.get().compareTo(required) < 0) {
            throw new IllegalArgumentException(
                    "--require-durability " + required.option() + ": " + what + " persists less: "
                            + persistence.describe() + " (" + has.get().option() + ")");
        }
    }

    private static List<String> warnings(RedisAdmin.Persistence persistence) {
        List<String> warnings = new ArrayList<>();
        if (!persistence.known()) {
            warnings.add("cannot read the Redis persistence settings (CONFIG is disabled); make sure AOF is on");
        } else if (!persistence.survivesRestart()) {
            warnings.add(
                    "Redis persistence is " + persistence.describe() + ": sessions will NOT survive a Redis restart");
        }
        return warnings;
    }

    /**
     * This instance's coordination: through the store's Redis, so every server sharing it coordinates jobs and
     * breakers; in memory (this process alone) for the in-memory store.
     */
    static Coordination coordination(ServerConfig config, Backend backend, Clock clock) {
        return backend.redis()
                .map(redis -> {
                    RedisCoordination.Builder builder = RedisCoordination.builder(redis.uri())
                            .clock(clock)
                            .commandTimeout(clamp(config.commandTimeout()))
                            .instanceId(config.instanceId())
                            .cluster(redis.cluster())
                            .clientResources(redis.resources());
                    config.redisLink().caFile().ifPresent(builder::trustedCertificates);
                    return builder.build();
                })
                .orElseGet(() -> InMemoryCoordination.create(clock).instance(config.instanceId()));
    }

    private static Duration clamp(Duration d) {
        Duration min = Duration.ofMillis(10);
        Duration max = Duration.ofMinutes(1);
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    /** The URL without its password, for printing. */
    static String redacted(String url) {
        return url.replaceFirst("//([^@/]*)@", "//***@");
    }
}

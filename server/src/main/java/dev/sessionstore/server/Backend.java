package dev.sessionstore.server;

import dev.sessionstore.SessionStore;
import dev.sessionstore.server.jobs.SharedRedis;
import dev.sessionstore.server.jobs.StoreStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * An opened session store and what the server reports about it.
 *
 * @param store the store
 * @param description one line for the start banner and the admin page, e.g. "embedded Redis 127.0.0.1:6379"
 * @param admin an admin connection to the Redis behind the store, if there is one
 * @param redis that Redis as the coordination module and the maintenance jobs use it: its URI, the process's
 *     shared client resources and the store's inspection API
 * @param launchedWith the persistence settings of the Redis this server started itself; empty for another Redis
 * @param warnings things an operator should know, e.g. that sessions will not survive a restart
 * @param closer stops what was started, in order, after the store is closed (the client resources last but the
 *     embedded Redis)
 */
record Backend(
        SessionStore store,
        String description,
        Optional<RedisAdmin> admin,
        Optional<SharedRedis> redis,
        Optional<RedisAdmin.Persistence> launchedWith,
        List<String> warnings,
        Runnable closer) {

    Backend {
        warnings = List.copyOf(warnings);
    }

    /** Whether the store answers: PING for Redis, always for memory. */
    BooleanSupplier readiness() {
        return admin.<BooleanSupplier>map(r -> r::ping).orElse(() -> true);
    }

    /**
     * The store's persistence for people: as this server started its Redis, else as the Redis reports it now;
     * "none (in-memory)" without a Redis.
     */
    String persistence() {
        return launchedWith
                .or(() -> admin.map(RedisAdmin::persistence))
                .map(RedisAdmin.Persistence::describe)
                .orElse("none (in-memory)");
    }

    /**
     * The statistics job's measurement: live sessions and {@code MEMORY USAGE} per session (the store's inspection
     * API), INFO memory dataset (the admin connection); each empty when it cannot be read.
     */
    StoreStats measure(Instant at, String instance, long fence) {
        return new StoreStats(
                live(),
                admin.map(RedisAdmin::datasetBytes).orElse(OptionalLong.empty()),
                bytesPerSession(),
                at,
                instance,
                fence);
    }

    OptionalLong live() {
        try {
            return redis.map(r -> OptionalLong.of(r.store().liveSessions())).orElse(OptionalLong.empty());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private OptionalLong bytesPerSession() {
        try {
            return redis.map(r -> r.store().bytesPerSession(RedisAdmin.MEMORY_SAMPLE_KEYS))
                    .orElse(OptionalLong.empty());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}

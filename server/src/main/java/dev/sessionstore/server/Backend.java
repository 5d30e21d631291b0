package dev.sessionstore.server;

import dev.sessionstore.SessionStore;
import dev.sessionstore.server.jobs.StoreStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * An opened session store and what the server reports about it.
 *
 * @param store the store
 * @param description one line for the start banner and the admin page, e.g. "embedded Redis 127.0.0.1:6379"
 * @param redis an admin connection to the Redis behind the store, if there is one
 * @param launchedWith the persistence settings of the Redis this server started itself; empty for another Redis
 * @param redisUri the URI of that Redis (for the coordination module and the maintenance jobs)
 * @param redisCluster whether that URI is one node of a Redis Cluster
 * @param liveCount the number of live sessions, if the store can count them
 * @param warnings things an operator should know, e.g. that sessions will not survive a restart
 * @param closer stops what was started, in order, after the store is closed
 */
record Backend(
        SessionStore store,
        String description,
        Optional<RedisAdmin> redis,
        Optional<RedisAdmin.Persistence> launchedWith,
        Optional<String> redisUri,
        boolean redisCluster,
        Optional<LongSupplier> liveCount,
        List<String> warnings,
        Runnable closer) {

    Backend {
        warnings = List.copyOf(warnings);
    }

    /** Whether the store answers: PING for Redis, always for memory. */
    BooleanSupplier readiness() {
        return redis.<BooleanSupplier>map(r -> r::ping).orElse(() -> true);
    }

    /**
     * The store's persistence for people: as this server started its Redis, else as the Redis reports it now;
     * "none (in-memory)" without a Redis.
     */
    String persistence() {
        return launchedWith
                .or(() -> redis.map(RedisAdmin::persistence))
                .map(RedisAdmin.Persistence::describe)
                .orElse("none (in-memory)");
    }

    /** The statistics job's measurement: live sessions, INFO memory dataset, MEMORY USAGE per session. */
    StoreStats measure(Instant at, String instance, long fence) {
        return new StoreStats(
                live(),
                redis.map(RedisAdmin::datasetBytes).orElse(OptionalLong.empty()),
                redis.map(r -> r.bytesPerSession(Backends.KEY_PREFIX)).orElse(OptionalLong.empty()),
                at,
                instance,
                fence);
    }

    OptionalLong live() {
        try {
            return liveCount.map(c -> OptionalLong.of(c.getAsLong())).orElse(OptionalLong.empty());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}

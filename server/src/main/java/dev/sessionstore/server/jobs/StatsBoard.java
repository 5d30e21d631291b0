package dev.sessionstore.server.jobs;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the statistics job leaves its latest figures for every instance's admin page: the Redis hash
 * {@code <own prefix>:stats} when the server has a Redis (every field written at once by one HSET: {@code live}, {@code dataset}, {@code perSession},
 * {@code at}, {@code instance}, {@code fence}), else this process's memory. Thread-safe.
 */
public final class StatsBoard {
    private final Optional<OwnRedis> redis;
    private final String key;
    private final AtomicReference<StoreStats> local = new AtomicReference<>();

    private StatsBoard(Optional<OwnRedis> redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    public static StatsBoard redis(OwnRedis connection, String ownPrefix) {
        return new StatsBoard(Optional.of(connection), ownPrefix + ":stats");
    }

    public static StatsBoard inMemory() {
        return new StatsBoard(Optional.empty(), "");
    }

    void put(StoreStats stats) {
        if (redis.isPresent()) {
            redis.get().sync().hset(key, stats.toFields());
        } else {
            local.set(stats);
        }
    }

    /** The latest figures, empty before the first run or when Redis cannot be read. */
    public Optional<StoreStats> latest() {
        if (redis.isEmpty()) {
            return Optional.ofNullable(local.get());
        }
        try {
            return StoreStats.fromFields(redis.get().sync().hgetall(key));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

package dev.sessionstore.bench.coordination;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.memory.InMemoryCoordination;
import dev.sessionstore.coordination.redis.RedisCoordination;
import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Clock;
import java.util.Optional;

/** A coordination instance for a benchmark: the in-memory hub or a private redis-server. */
final class CoordinationBackend implements AutoCloseable {
    private final Optional<RedisServerProcess> redis;
    private final Coordination coordination;

    private CoordinationBackend(Optional<RedisServerProcess> redis, Coordination coordination) {
        this.redis = redis;
        this.coordination = coordination;
    }

    /** {@code memory} or {@code redis}. */
    static CoordinationBackend start(String kind) {
        return switch (kind) {
            case "memory" ->
                new CoordinationBackend(
                        Optional.empty(),
                        InMemoryCoordination.create(Clock.systemUTC()).instance("bench"));
            case "redis" -> {
                RedisServerProcess server = RedisServerProcess.startEphemeral();
                yield new CoordinationBackend(
                        Optional.of(server),
                        RedisCoordination.builder(server.uri())
                                .instanceId("bench")
                                .build());
            }
            default -> throw new IllegalArgumentException("backend must be memory or redis: " + kind);
        };
    }

    Coordination coordination() {
        return coordination;
    }

    @Override
    public void close() {
        coordination.close();
        redis.ifPresent(RedisServerProcess::close);
    }
}

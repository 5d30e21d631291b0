package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.CoordinationUnavailableException;
import dev.sessionstore.coordination.Names;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes guarded by a fencing token: a value is stored in the hash {@code <key>} (fields {@code value}
 * and {@code fence}) only if the fence given is greater than the fence stored, so a holder whose lease
 * was taken over cannot overwrite the newer holder's data. Thread-safe if the commands are.
 *
 * <pre>{@code
 * var writes = new RedisFencedWrites(connection.sync());
 * boolean written = writes.write("report:daily", json, lease.fence());
 * }</pre>
 */
public final class RedisFencedWrites {
    private static final RedisCalls.Script WRITE = RedisCalls.Script.of("""
            local stored = tonumber(redis.call('HGET', KEYS[1], 'fence') or '0')
            if stored >= tonumber(ARGV[2]) then return 0 end
            redis.call('HSET', KEYS[1], 'value', ARGV[1], 'fence', ARGV[2])
            return 1
            """);

    private final RedisCalls redis;

    public RedisFencedWrites(RedisClusterCommands<String, String> commands) {
        this.redis = new RedisCalls(Objects.requireNonNull(commands, "commands"));
    }

    /**
     * Stores {@code value} under {@code key} if {@code fence} is greater than the stored fence.
     *
     * @return true if written, false if refused (a newer holder wrote already)
     * @throws CoordinationUnavailableException if Redis cannot be reached
     */
    public boolean write(String key, String value, long fence) {
        Names.check("key", key);
        Objects.requireNonNull(value, "value");
        if (fence < 1) {
            throw new IllegalArgumentException("fence must be positive: " + fence);
        }
        Long ok = redis.eval(WRITE, ScriptOutputType.INTEGER, new String[] {key}, value, Long.toString(fence));
        return ok == 1;
    }

    /** The value last written under {@code key}. */
    public Optional<String> read(String key) {
        Names.check("key", key);
        return Optional.ofNullable(redis.call(() -> redis.commands().hget(key, "value")));
    }
}

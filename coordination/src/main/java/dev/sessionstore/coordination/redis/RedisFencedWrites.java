package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.CoordinationUnavailableException;
import dev.sessionstore.coordination.Names;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.RedisCalls;
import dev.sessionstore.redis.support.ScriptCall;
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
    /** KEYS: the hash. ARGV: value, fence. Replies 1 if written, 0 if the stored fence is not lower. */
    record Write(String key, String value, long fence) implements ScriptCall<Long> {
        static final LuaScript<Long> SCRIPT = LuaScript.integer("FENCED_WRITE", """
                local stored = tonumber(redis.call('HGET', KEYS[1], 'fence') or '0')
                if stored >= tonumber(ARGV[2]) then return 0 end
                redis.call('HSET', KEYS[1], 'value', ARGV[1], 'fence', ARGV[2])
                return 1
                """);

        @Override
        public LuaScript<Long> script() {
            return SCRIPT;
        }

        @Override
        public String[] keys() {
            return new String[] {key};
        }

        @Override
        public String[] args() {
            return new String[] {value, Long.toString(fence)};
        }
    }

    private final RedisClusterCommands<String, String> commands;

    /** Writes through {@code commands}, a caller's connection (its timeout applies). */
    public RedisFencedWrites(RedisClusterCommands<String, String> commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    /**
     * Stores {@code value} under {@code key} if {@code fence} is greater than the stored fence.
     *
     * @return true if written, false if refused (a newer holder wrote already)
     * @throws CoordinationUnavailableException if Redis cannot be reached or cannot answer now (for example
     *     {@code LOADING} or {@code BUSY}: {@link dev.sessionstore.redis.support.RedisFailure})
     */
    public boolean write(String key, String value, long fence) {
        Names.check("key", key);
        Objects.requireNonNull(value, "value");
        if (fence < 1) {
            throw new IllegalArgumentException("fence must be positive: " + fence);
        }
        return RedisCalls.run(commands, new Write(key, value, fence), CoordinationExceptions.INSTANCE) == 1;
    }

    /** The value last written under {@code key}. */
    public Optional<String> read(String key) {
        Names.check("key", key);
        return Optional.ofNullable(RedisCalls.call(() -> commands.hget(key, "value"), CoordinationExceptions.INSTANCE));
    }
}

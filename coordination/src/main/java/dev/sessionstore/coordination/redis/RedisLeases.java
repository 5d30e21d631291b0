package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.internal.LeaseBackend;
import dev.sessionstore.coordination.redis.RedisCalls.Script;
import io.lettuce.core.ScriptOutputType;
import java.util.OptionalLong;

/**
 * Locks in Redis. {@code <p>:lock:{<name>}} holds the owner string with a PX TTL (Redis server time);
 * {@code <p>:lock:{<name>}:fence} is an INCR counter with no TTL, incremented in the same script as the
 * SET NX, so fences are strictly increasing per name as long as Redis keeps its data.
 */
final class RedisLeases implements LeaseBackend {
    private static final Script ACQUIRE = Script.of("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return redis.call('INCR', KEYS[2])
            end
            return 0
            """);
    private static final Script RENEW = Script.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """);
    private static final Script RELEASE = Script.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private final RedisCalls redis;
    private final String prefix;

    RedisLeases(RedisCalls redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    private String key(String name) {
        return prefix + ":lock:{" + name + "}";
    }

    @Override
    public OptionalLong acquire(String name, String owner, long leaseMillis) {
        Long fence = redis.eval(
                ACQUIRE,
                ScriptOutputType.INTEGER,
                new String[] {key(name), key(name) + ":fence"},
                owner,
                Long.toString(leaseMillis));
        return fence == 0 ? OptionalLong.empty() : OptionalLong.of(fence);
    }

    @Override
    public boolean renew(String name, String owner, long leaseMillis) {
        Long ok = redis.eval(
                RENEW, ScriptOutputType.INTEGER, new String[] {key(name)}, owner, Long.toString(leaseMillis));
        return ok == 1;
    }

    @Override
    public boolean release(String name, String owner) {
        Long ok = redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key(name)}, owner);
        return ok == 1;
    }

    @Override
    public long currentFence(String name) {
        String v = redis.call(() -> redis.commands().get(key(name) + ":fence"));
        return v == null ? 0 : Long.parseLong(v);
    }
}

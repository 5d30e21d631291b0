package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.internal.LeaseBackend;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.RedisCalls;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.OptionalLong;

/**
 * Locks in Redis. {@code <p>:lock:{<name>}} holds the owner string with a PX TTL (Redis server time);
 * {@code <p>:lock:{<name>}:fence} is an INCR counter with no TTL, incremented in the same script as the
 * SET NX, so fences are strictly increasing per name as long as Redis keeps its data.
 */
final class RedisLeases implements LeaseBackend {
    /** KEYS: the lock, its fence counter. ARGV: owner, lease ms. Replies the new fence, or 0 if held. */
    record Acquire(String lock, String fence, String owner, long leaseMillis) implements ScriptCall<Long> {
        static final LuaScript<Long> SCRIPT = LuaScript.integer("ACQUIRE", """
                if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
                  return redis.call('INCR', KEYS[2])
                end
                return 0
                """);

        @Override
        public LuaScript<Long> script() {
            return SCRIPT;
        }

        @Override
        public String[] keys() {
            return new String[] {lock, fence};
        }

        @Override
        public String[] args() {
            return new String[] {owner, Long.toString(leaseMillis)};
        }
    }

    /** KEYS: the lock. ARGV: owner, lease ms. Replies 1 if the owner still held it (now for the lease), else 0. */
    record Renew(String lock, String owner, long leaseMillis) implements ScriptCall<Long> {
        static final LuaScript<Long> SCRIPT = LuaScript.integer("RENEW", """
                if redis.call('GET', KEYS[1]) == ARGV[1] then
                  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
                end
                return 0
                """);

        @Override
        public LuaScript<Long> script() {
            return SCRIPT;
        }

        @Override
        public String[] keys() {
            return new String[] {lock};
        }

        @Override
        public String[] args() {
            return new String[] {owner, Long.toString(leaseMillis)};
        }
    }

    /** KEYS: the lock. ARGV: owner. Replies 1 if the owner held it and it is now free, else 0. */
    record Release(String lock, String owner) implements ScriptCall<Long> {
        static final LuaScript<Long> SCRIPT = LuaScript.integer("RELEASE", """
                if redis.call('GET', KEYS[1]) == ARGV[1] then
                  return redis.call('DEL', KEYS[1])
                end
                return 0
                """);

        @Override
        public LuaScript<Long> script() {
            return SCRIPT;
        }

        @Override
        public String[] keys() {
            return new String[] {lock};
        }

        @Override
        public String[] args() {
            return new String[] {owner};
        }
    }

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
        long fence = redis.run(new Acquire(key(name), key(name) + ":fence", owner, leaseMillis));
        return fence == 0 ? OptionalLong.empty() : OptionalLong.of(fence);
    }

    @Override
    public boolean renew(String name, String owner, long leaseMillis) {
        return redis.run(new Renew(key(name), owner, leaseMillis)) == 1;
    }

    @Override
    public boolean release(String name, String owner) {
        return redis.run(new Release(key(name), owner)) == 1;
    }

    @Override
    public long currentFence(String name) {
        String v = redis.call(c -> c.get(key(name) + ":fence"));
        return v == null ? 0 : Long.parseLong(v);
    }
}

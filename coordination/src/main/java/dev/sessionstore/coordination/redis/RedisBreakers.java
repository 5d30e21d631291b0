package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.internal.BreakerBackend;
import dev.sessionstore.redis.support.LuaConstants;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.RedisCalls;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;
import java.util.Locale;

/**
 * Breakers in Redis, all keys of a breaker in one hash slot ({@code {<name>}}):
 * <ul>
 *   <li>{@code <p>:cb:{<name>}:b:<bucket>}: hash per time bucket (window / 10, Redis server time) with
 *       fields {@code c:<instance>} (calls) and {@code f:<instance>} (failures), expiring after the window;
 *   <li>{@code <p>:cb:{<name>}:state}: hash {@code mode} (closed | open | half_open), {@code until},
 *       {@code closedSince}, {@code halfSince} (server ms), {@code issued} and {@code ok} (probe permits
 *       handed out and probe successes in this half-open round);
 *   <li>{@code <p>:cb:{<name>}:force}: {@code FORCE_OPEN} or {@code FORCE_CLOSED}, set by an operator.
 * </ul>
 * The sync script is the Lua twin of {@code ClusterBreakerRules}.
 */
final class RedisBreakers implements BreakerBackend {
    /**
     * KEYS: the breaker's state hash, its force key. ARGV: the bucket key prefix, instance, the batch (calls,
     * failures, probe successes, probe failures, '1' if it wants a probe), then the config (failure rate
     * threshold, minimum calls, window ms, open ms, half-open probes). Replies {mode, probes granted, force or
     * nil}; modes are {@code MODE_*}, declared from {@link Mode}.
     */
    record Sync(String state, String force, String buckets, String instance, Batch batch, BreakerConfig config)
            implements ScriptCall<List<Object>> {
        static final LuaScript<List<Object>> SCRIPT =
                LuaScript.array("SYNC", LuaConstants.declare("MODE", Mode.class, RedisBreakers::lua) + BODY);

        @Override
        public LuaScript<List<Object>> script() {
            return SCRIPT;
        }

        @Override
        public String[] keys() {
            return new String[] {state, force};
        }

        @Override
        public String[] args() {
            return new String[] {
                buckets,
                instance,
                Long.toString(batch.calls()),
                Long.toString(batch.failures()),
                Long.toString(batch.probeSuccesses()),
                Long.toString(batch.probeFailures()),
                batch.wantsProbe() ? "1" : "0",
                Double.toString(config.failureRateThreshold()),
                Integer.toString(config.minimumCalls()),
                Long.toString(config.window().toMillis()),
                Long.toString(config.openDuration().toMillis()),
                Integer.toString(config.halfOpenProbes())
            };
        }
    }

    /** The sync script without its constants; the mode names are {@link #lua(Mode)}. */
    static final String BODY = """
                local t = redis.call('TIME')
                local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
                local windowMs = tonumber(ARGV[10])
                local bucketMs = math.floor(windowMs / 10)
                local bucket = math.floor(now / bucketMs)
                if tonumber(ARGV[3]) > 0 then
                  local bk = ARGV[1] .. string.format('%d', bucket)
                  redis.call('HINCRBY', bk, 'c:' .. ARGV[2], ARGV[3])
                  redis.call('HINCRBY', bk, 'f:' .. ARGV[2], ARGV[4])
                  redis.call('PEXPIRE', bk, windowMs + 2 * bucketMs)
                end
                local s = redis.call('HMGET', KEYS[1], 'mode', 'until', 'closedSince', 'halfSince', 'issued', 'ok')
                local mode = s[1] or MODE_CLOSED
                local untilT = tonumber(s[2] or '0')
                local closedSince = tonumber(s[3] or '0')
                local halfSince = tonumber(s[4] or '0')
                local issued = tonumber(s[5] or '0')
                local ok = tonumber(s[6] or '0')
                local openMs = tonumber(ARGV[11])
                local probes = tonumber(ARGV[12])
                if mode == MODE_OPEN and now >= untilT then
                  mode = MODE_HALF_OPEN; halfSince = now; issued = 0; ok = 0
                end
                if mode == MODE_HALF_OPEN then
                  if tonumber(ARGV[6]) > 0 then
                    mode = MODE_OPEN; untilT = now + openMs
                  else
                    ok = ok + tonumber(ARGV[5])
                    if ok >= probes then
                      mode = MODE_CLOSED; closedSince = now
                    elseif now - halfSince >= openMs then
                      halfSince = now; issued = 0; ok = 0
                    end
                  end
                end
                if mode == MODE_CLOSED then
                  local first = math.max(bucket - 9, math.floor(closedSince / bucketMs) + 1)
                  local c, f = 0, 0
                  for b = first, bucket do
                    local h = redis.call('HGETALL', ARGV[1] .. string.format('%d', b))
                    for i = 1, #h, 2 do
                      if string.sub(h[i], 1, 2) == 'c:' then c = c + tonumber(h[i + 1])
                      else f = f + tonumber(h[i + 1]) end
                    end
                  end
                  if c >= tonumber(ARGV[9]) and f >= tonumber(ARGV[8]) * c then
                    mode = MODE_OPEN; untilT = now + openMs
                  end
                end
                local granted = 0
                if mode == MODE_HALF_OPEN and ARGV[7] == '1' and issued < probes then
                  issued = issued + 1; granted = 1
                end
                redis.call('HSET', KEYS[1], 'mode', mode, 'until', string.format('%d', untilT),
                  'closedSince', string.format('%d', closedSince), 'halfSince', string.format('%d', halfSince),
                  'issued', issued, 'ok', ok)
                redis.call('PEXPIRE', KEYS[1], 86400000)
                return {mode, granted, redis.call('GET', KEYS[2])}
            """;

    private final RedisCalls redis;
    private final String prefix;

    RedisBreakers(RedisCalls redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    private String key(String breaker) {
        return prefix + ":cb:{" + breaker + "}";
    }

    @Override
    public View sync(String breaker, String instance, Batch b, BreakerConfig config) {
        List<Object> r = redis.run(
                new Sync(key(breaker) + ":state", key(breaker) + ":force", key(breaker) + ":b:", instance, b, config));
        Object force = r.get(2);
        return new View(
                mode((String) r.get(0)),
                ((Long) r.get(1)).intValue(),
                force == null ? BreakerForce.NONE : BreakerForce.valueOf((String) force));
    }

    @Override
    public void force(String breaker, BreakerForce force) {
        String key = key(breaker) + ":force";
        if (force == BreakerForce.NONE) {
            redis.call(c -> c.del(key));
        } else {
            redis.call(c -> c.set(key, force.name()));
        }
    }

    /** The name a mode has in Redis: {@code closed}, {@code open}, {@code half_open}. */
    static String lua(Mode mode) {
        return LuaConstants.quoted(mode.name().toLowerCase(Locale.ROOT));
    }

    private static Mode mode(String stored) {
        return Mode.valueOf(stored.toUpperCase(Locale.ROOT));
    }
}

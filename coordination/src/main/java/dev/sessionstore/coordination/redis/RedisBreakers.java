package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.internal.BreakerBackend;
import dev.sessionstore.coordination.redis.RedisCalls.Script;
import io.lettuce.core.ScriptOutputType;
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
    private static final Script SYNC = Script.of("""
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
            local mode = s[1] or 'closed'
            local untilT = tonumber(s[2] or '0')
            local closedSince = tonumber(s[3] or '0')
            local halfSince = tonumber(s[4] or '0')
            local issued = tonumber(s[5] or '0')
            local ok = tonumber(s[6] or '0')
            local openMs = tonumber(ARGV[11])
            local probes = tonumber(ARGV[12])
            if mode == 'open' and now >= untilT then
              mode = 'half_open'; halfSince = now; issued = 0; ok = 0
            end
            if mode == 'half_open' then
              if tonumber(ARGV[6]) > 0 then
                mode = 'open'; untilT = now + openMs
              else
                ok = ok + tonumber(ARGV[5])
                if ok >= probes then
                  mode = 'closed'; closedSince = now
                elseif now - halfSince >= openMs then
                  halfSince = now; issued = 0; ok = 0
                end
              end
            end
            if mode == 'closed' then
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
                mode = 'open'; untilT = now + openMs
              end
            end
            local granted = 0
            if mode == 'half_open' and ARGV[7] == '1' and issued < probes then
              issued = issued + 1; granted = 1
            end
            redis.call('HSET', KEYS[1], 'mode', mode, 'until', string.format('%d', untilT),
              'closedSince', string.format('%d', closedSince), 'halfSince', string.format('%d', halfSince),
              'issued', issued, 'ok', ok)
            redis.call('PEXPIRE', KEYS[1], 86400000)
            return {mode, granted, redis.call('GET', KEYS[2]) or 'NONE'}
            """);

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
        List<Object> r = redis.eval(
                SYNC,
                ScriptOutputType.MULTI,
                new String[] {key(breaker) + ":state", key(breaker) + ":force"},
                key(breaker) + ":b:",
                instance,
                Long.toString(b.calls()),
                Long.toString(b.failures()),
                Long.toString(b.probeSuccesses()),
                Long.toString(b.probeFailures()),
                b.wantsProbe() ? "1" : "0",
                Double.toString(config.failureRateThreshold()),
                Integer.toString(config.minimumCalls()),
                Long.toString(config.window().toMillis()),
                Long.toString(config.openDuration().toMillis()),
                Integer.toString(config.halfOpenProbes()));
        Mode mode = Mode.valueOf(((String) r.get(0)).toUpperCase(Locale.ROOT));
        return new View(mode, ((Long) r.get(1)).intValue(), BreakerForce.valueOf((String) r.get(2)));
    }

    @Override
    public void force(String breaker, BreakerForce force) {
        String key = key(breaker) + ":force";
        redis.call(() -> force == BreakerForce.NONE
                ? redis.commands().del(key)
                : redis.commands().set(key, force.name()));
    }
}

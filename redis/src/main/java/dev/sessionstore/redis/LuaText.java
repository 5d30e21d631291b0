package dev.sessionstore.redis;

/**
 * The Lua source of the {@link Script}s. Lua 5.1 as embedded in Redis 6.2 and 7.x; no Redis functions,
 * no {@code PEXPIRE ... GT}. A session hash holds {@code u c a i d v}, {@code x.<index>} and {@code
 * @<attribute>} fields; its key expires at {@code min(a + i, d)}; index zsets score each session id by
 * {@code score(h) = min(ceil(expiry / Q) * Q, d)} with {@code Q = max(1000, floor(i / 16))} ms, an upper
 * bound of that expiry quantized so that a touch within the same quantum needs no index write; index
 * zsets expire with their highest score.
 */
final class LuaText {
    private LuaText() {}

    /** Helpers prepended to every script. */
    static final String COMMON = """
            local function now_ms()
              local t = redis.call('TIME')
              return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            end

            local function expiry(h)
              return math.min(tonumber(h.a) + tonumber(h.i), tonumber(h.d))
            end

            -- Index score: the expiry rounded up to a quantum Q = max(1 s, i / 16), capped by d; always >= expiry.
            local function score(h)
              local q = math.max(1000, math.floor(tonumber(h.i) / 16))
              return math.min(math.ceil(expiry(h) / q) * q, tonumber(h.d))
            end

            -- The session hash as a table, or nil if it is missing or its expiry has come.
            local function load_live(key, now)
              local flat = redis.call('HGETALL', key)
              if #flat == 0 then return nil end
              local h = {}
              for j = 1, #flat, 2 do h[flat[j]] = flat[j + 1] end
              if expiry(h) <= now then return nil end
              return h
            end

            local function flatten(status, h)
              local out = {status}
              for f, v in pairs(h) do
                out[#out + 1] = f
                out[#out + 1] = v
              end
              return out
            end

            -- An index zset lives exactly as long as its longest-lived entry.
            local function settle(zk)
              local top = redis.call('ZRANGE', zk, -1, -1, 'WITHSCORES')
              if top[2] then redis.call('PEXPIREAT', zk, top[2]) end
            end

            -- The user index and value index keys of a session.
            local function index_keys(base, h)
              local keys = {}
              if h.u then keys[#keys + 1] = base .. 'u:' .. h.u end
              for f, v in pairs(h) do
                if string.sub(f, 1, 2) == 'x.' then
                  keys[#keys + 1] = base .. 'x:' .. string.sub(f, 3) .. ':' .. v
                end
              end
              return keys
            end

            local function put_index(zk, id, sc, now)
              redis.call('ZREMRANGEBYSCORE', zk, '-inf', now)
              redis.call('ZADD', zk, sc, id)
              settle(zk)
            end

            local function destroy(base, id, h, now)
              redis.call('DEL', base .. 's:' .. id)
              for _, zk in ipairs(index_keys(base, h)) do
                redis.call('ZREM', zk, id)
                redis.call('ZREMRANGEBYSCORE', zk, '-inf', now)
                settle(zk)
              end
            end

            -- The live sessions of an index, as {id, hash} pairs; drops dead and dangling entries.
            local function live_sessions(base, zk, now)
              redis.call('ZREMRANGEBYSCORE', zk, '-inf', now)
              local out = {}
              for _, sid in ipairs(redis.call('ZRANGE', zk, 0, -1)) do
                local h = load_live(base .. 's:' .. sid, now)
                if h then out[#out + 1] = {sid, h} else redis.call('ZREM', zk, sid) end
              end
              settle(zk)
              return out
            end

            local function older(p, q)
              local cp, cq = tonumber(p[2].c), tonumber(q[2].c)
              if cp ~= cq then return cp < cq end
              return p[1] < q[1]
            end

            """;

    static final String CREATE = """
            local base, id, user = ARGV[1], ARGV[2], ARGV[3]
            local idle, life, cap = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
            local now = now_ms()
            local exp = math.min(now + idle, now + life)
            local uk = base .. 'u:' .. user
            if user ~= '' then
              redis.call('ZREMRANGEBYSCORE', uk, '-inf', now)
              if redis.call('ZCARD', uk) >= cap then
                local live = live_sessions(base, uk, now)
                if #live >= cap then
                  if ARGV[7] == 'refuse' then return {3, 'maxSessionsPerUser', cap, #live + 1} end
                  table.sort(live, older)
                  for j = 1, #live - cap + 1 do destroy(base, live[j][1], live[j][2], now) end
                end
              end
            end
            local key = base .. 's:' .. id
            local fields = {'c', now, 'a', now, 'i', idle, 'd', now + life, 'v', 1}
            if user ~= '' then
              fields[#fields + 1] = 'u'
              fields[#fields + 1] = user
            end
            local n = tonumber(ARGV[8])
            for j = 9, 8 + 2 * n, 2 do
              fields[#fields + 1] = 'x.' .. ARGV[j]
              fields[#fields + 1] = ARGV[j + 1]
            end
            for j = 9 + 2 * n, #ARGV, 2 do
              fields[#fields + 1] = ARGV[j]
              fields[#fields + 1] = ARGV[j + 1]
            end
            redis.call('HSET', key, unpack(fields))
            redis.call('PEXPIREAT', key, exp)
            local sc = score({a = now, i = idle, d = now + life})
            if user ~= '' then put_index(uk, id, sc, now) end
            for j = 9, 8 + 2 * n, 2 do
              put_index(base .. 'x:' .. ARGV[j] .. ':' .. ARGV[j + 1], id, sc, now)
            end
            return {1, now}
            """;

    static final String READ = """
            local now = now_ms()
            local h = load_live(KEYS[1], now)
            if not h then return {0} end
            if ARGV[3] == '1' then
              local old = score(h)
              h.a = now
              redis.call('HSET', KEYS[1], 'a', now)
              redis.call('PEXPIREAT', KEYS[1], expiry(h))
              local sc = score(h)
              if sc ~= old then
                for _, zk in ipairs(index_keys(ARGV[1], h)) do
                  redis.call('ZADD', zk, sc, ARGV[2])
                  settle(zk)
                end
              end
            end
            return flatten(1, h)
            """;

    static final String UPDATE = """
            local now = now_ms()
            local h = load_live(KEYS[1], now)
            if not h then return {0} end
            if ARGV[3] ~= '' and tonumber(ARGV[3]) ~= tonumber(h.v) then return {2, tonumber(h.v)} end
            local count, bytes = 0, 0
            for f, v in pairs(h) do
              if string.sub(f, 1, 1) == '@' then
                count = count + 1
                bytes = bytes + #f - 1 + #v
              end
            end
            local sets, dels = {}, {}
            for j = 6, #ARGV, 2 do
              local f, v = ARGV[j], ARGV[j + 1]
              if h[f] then
                count = count - 1
                bytes = bytes - (#f - 1 + #h[f])
              end
              if v == '' then
                h[f] = nil
                dels[#dels + 1] = f
              else
                count = count + 1
                bytes = bytes + #f - 1 + #v
                h[f] = v
                sets[#sets + 1] = f
                sets[#sets + 1] = v
              end
            end
            if count > tonumber(ARGV[4]) then return {3, 'maxAttributes', tonumber(ARGV[4]), count} end
            if bytes > tonumber(ARGV[5]) then return {3, 'maxSessionBytes', tonumber(ARGV[5]), bytes} end
            h.v = tonumber(h.v) + 1
            sets[#sets + 1] = 'v'
            sets[#sets + 1] = h.v
            if #dels > 0 then redis.call('HDEL', KEYS[1], unpack(dels)) end
            redis.call('HSET', KEYS[1], unpack(sets))
            return flatten(1, h)
            """;

    static final String ROTATE = """
            local now = now_ms()
            local h = load_live(KEYS[1], now)
            if not h then return {0} end
            local sc = score(h)
            redis.call('RENAME', KEYS[1], KEYS[2])
            h.v = tonumber(h.v) + 1
            redis.call('HSET', KEYS[2], 'v', h.v)
            for _, zk in ipairs(index_keys(ARGV[1], h)) do
              redis.call('ZREM', zk, ARGV[2])
              redis.call('ZADD', zk, sc, ARGV[3])
              settle(zk)
            end
            return flatten(1, h)
            """;

    static final String REVOKE = """
            local now = now_ms()
            local h = load_live(KEYS[1], now)
            if not h then return {0} end
            destroy(ARGV[1], ARGV[2], h, now)
            return {1}
            """;

    static final String LIST = """
            local out = {}
            for _, s in ipairs(live_sessions(ARGV[1], KEYS[1], now_ms())) do
              local row = flatten(s[1], s[2])
              out[#out + 1] = row
            end
            return out
            """;

    static final String REVOKE_ALL = """
            local now = now_ms()
            local n = 0
            for _, s in ipairs(live_sessions(ARGV[1], KEYS[1], now)) do
              if s[1] ~= ARGV[2] then
                destroy(ARGV[1], s[1], s[2], now)
                n = n + 1
              end
            end
            return {1, n}
            """;
}

package dev.sessionstore.redis;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.redis.support.LuaConstants;

/**
 * The Lua source of the {@link Script}s. Lua 5.1 as embedded in Redis 6.2 and 7.x; no Redis functions,
 * no {@code PEXPIRE ... GT}. See {@code docs/redis-layout.md} for the layout these scripts keep: a
 * session hash {@code <base><sid>} with a packed meta field {@code m} ({@code c a i d v}), {@code u},
 * {@code x.<index>} and {@code @<attribute>} fields, expiring at {@code min(a + i, d)}; per tag, a user
 * index made of bucket zsets {@code <base>u:<n>} (a linear hash on the user digest, state in {@code
 * <base>u}) and value index zsets {@code <base>x:<name>:<value>}, all scored by {@code score(s) =
 * min(ceil(expiry / Q) * Q, d)} with {@code Q = max(1000, floor(i / 16))} ms and expiring with their
 * highest score.
 */
final class LuaText {
    private LuaText() {}

    /**
     * The names shared with Java, declared first in every script: {@code STATUS_*} the reply statuses ({@link
     * ReplyStatus}), {@code LIMIT_*} the limits a script checks ({@link ScriptLimit}), {@code CAP_*} the cap
     * policies ({@link CapPolicy}, passed by name). Scripts use these names, never the literals.
     */
    static final String CONSTANTS = LuaConstants.declare("STATUS", ReplyStatus.class, s -> Integer.toString(s.code()))
            + LuaConstants.declare("LIMIT", ScriptLimit.class, l -> LuaConstants.quoted(l.setting()))
            + LuaConstants.declare("CAP", CapPolicy.class, c -> LuaConstants.quoted(c.name()));

    /**
     * The shared helpers: the {@code local} values, prepended to every script, and the functions, which a script
     * declares only when it uses them ({@link Script.Helpers}).
     */
    static final String COMMON = """
            local META = '>I6I6I5I6I4'
            local SPLIT_AT = 32
            -- The event outbox: EV > 0 (set by the script from its ARGV) is the approximate length each tag's
            -- stream <base>e is trimmed to; 0 turns events off. With events on, the tag's timer zset <base>t holds
            -- each session's exact expiry (member: sid .. userId), read by the EXPIRE script.
            local EV = 0

            local function now_ms()
              local t = redis.call('TIME')
              return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            end

            -- When a session last accessed at a, with idle timeout i and absolute deadline d, expires.
            local function expiry_at(a, i, d)
              return math.min(a + i, d)
            end

            local function expiry(s)
              return expiry_at(s.a, s.i, s.d)
            end

            -- Index score of a session expiring at e: e rounded up to a quantum Q = max(1 s, i / 16), capped by d;
            -- always >= e.
            local function score_at(e, i, d)
              local q = math.max(1000, math.floor(i / 16))
              return math.min(math.ceil(e / q) * q, d)
            end

            local function score(s)
              return score_at(expiry(s), s.i, s.d)
            end

            -- A session: its meta (c a i d v) and its other fields (s.f), or nil if missing.
            local function load(key)
              local flat = redis.call('HGETALL', key)
              if #flat == 0 then return nil end
              local f = {}
              for j = 1, #flat, 2 do f[flat[j]] = flat[j + 1] end
              local s = {f = f}
              s.c, s.a, s.i, s.d, s.v = struct.unpack(META, f.m)
              f.m = nil
              return s
            end

            -- A live session, or nil if missing or expired.
            local function load_live(key, now)
              local s = load(key)
              if s and expiry(s) <= now then return nil end
              return s
            end

            -- Appends one event to the tag's stream (with events on): type, the session's full id, its user if
            -- any, when (ms), and one more field if k is given.
            local function emit(base, kind, sid, user, at, k, v)
              if EV <= 0 then return end
              local f = {'type', kind, 'session', string.sub(base, -4, -3) .. sid, 'time', at}
              if user then
                f[#f + 1] = 'user'
                f[#f + 1] = user
              end
              if k then
                f[#f + 1] = k
                f[#f + 1] = v
              end
              redis.call('XADD', base .. 'e', 'MAXLEN', '~', EV, '*', unpack(f))
            end

            -- The session's entry in the timer zset (with events on), scored by its exact expiry.
            local function timer_set(base, sid, s)
              if EV > 0 then redis.call('ZADD', base .. 't', expiry(s), sid .. (s.f.u or '')) end
            end

            local function timer_del(base, sid, s)
              if EV > 0 then redis.call('ZREM', base .. 't', sid .. (s.f.u or '')) end
            end

            local function meta(s)
              return struct.pack(META, s.c, s.a, s.i, s.d, s.v)
            end

            -- {head, c, a, i, d, v, field, value, ...}
            local function reply(head, s)
              local out = {head, s.c, s.a, s.i, s.d, s.v}
              for k, v in pairs(s.f) do
                out[#out + 1] = k
                out[#out + 1] = v
              end
              return out
            end

            -- A zset lives exactly as long as its longest-lived entry; returns that score.
            local function settle(zk)
              local top = redis.call('ZRANGE', zk, -1, -1, 'WITHSCORES')
              if top[2] then
                redis.call('PEXPIREAT', zk, top[2])
                return tonumber(top[2])
              end
              return 0
            end

            local function clean(zk, now)
              return redis.call('ZREMRANGEBYSCORE', zk, '-inf', now)
            end

            -- The value index keys of a session.
            local function value_keys(base, s)
              local keys = {}
              for k, v in pairs(s.f) do
                if string.sub(k, 1, 2) == 'x.' then
                  keys[#keys + 1] = base .. 'x:' .. string.sub(k, 3) .. ':' .. v
                end
              end
              return keys
            end

            local function older(p, q)
              if p[2].c ~= q[2].c then return p[2].c < q[2].c end
              return p[1] < q[1]
            end

            local function rows(list)
              local out = {}
              for _, e in ipairs(list) do out[#out + 1] = reply(e[1], e[2]) end
              return out
            end

            """;

    /**
     * The user index helpers, built only by the scripts that call them (a Lua closure per helper costs
     * time on every call): {@code local U = user_index()}.
     */
    static final String USER_INDEX = """
            local function user_index()
              -- User index state of a tag: level l and split pointer p of the linear hash, entry count n
              -- (never below the true count), e the highest score ever written (the state key's expiry, and
              -- at least the top score of every bucket of the tag). fresh: there was no state key.
              local function ustate(base)
                local r = redis.call('HMGET', base .. 'u', 'l', 'p', 'n', 'e')
                local e = tonumber(r[4])
                return {l = tonumber(r[1]) or 0, p = tonumber(r[2]) or 0, n = tonumber(r[3]) or 0,
                        e = e or 0, e0 = e, fresh = not e, dirty = false}
              end

              -- Every save sets the key's expiry to e, so it is re-set only when e moved or the key is new.
              local function ustate_save(base, st)
                if not st or not st.dirty then return end
                if st.n <= 0 then
                  redis.call('DEL', base .. 'u')
                else
                  redis.call('HSET', base .. 'u', 'l', st.l, 'p', st.p, 'n', st.n, 'e', st.e)
                  if st.e ~= st.e0 then redis.call('PEXPIREAT', base .. 'u', st.e) end
                end
              end

              -- The user digest: the first 8 hex digits of SHA-1(userId).
              local function digest(user)
                return string.sub(redis.sha1hex(user), 1, 8)
              end

              local function bucket(base, st, dg)
                local h, m = tonumber(dg, 16), 2 ^ st.l
                local b = h % m
                if b < st.p then b = h % (2 * m) end
                return base .. 'u:' .. b
              end

              -- The state is written back only if one of these changed it.
              local function count(st, delta)
                if delta ~= 0 then
                  st.n = st.n + delta
                  st.dirty = true
                end
              end

              local function usettle(st, bk)
                local top = settle(bk)
                if top > st.e then
                  st.e = top
                  st.dirty = true
                end
              end

              local function zadd_all(zk, pairs_)
                for j = 1, #pairs_, 1000 do
                  redis.call('ZADD', zk, unpack(pairs_, j, math.min(j + 999, #pairs_)))
                end
              end

              -- One step of the linear hash: bucket p's entries are split between p and p + 2^l.
              local function split(base, st, now)
                local half = 2 ^ st.l
                local src, dst = base .. 'u:' .. st.p, base .. 'u:' .. (st.p + half)
                count(st, -clean(src, now))
                local all = redis.call('ZRANGE', src, 0, -1, 'WITHSCORES')
                redis.call('DEL', src)
                local keep, move = {}, {}
                for j = 1, #all, 2 do
                  local h = tonumber(string.sub(all[j], 1, 8), 16)
                  if h then -- anything else is not an index member (never counted in n): dropped
                    local t = keep
                    if h % (2 * half) ~= st.p then t = move end
                    t[#t + 1] = all[j + 1]
                    t[#t + 1] = all[j]
                  end
                end
                zadd_all(src, keep)
                zadd_all(dst, move)
                usettle(st, src)
                usettle(st, dst)
                st.p = st.p + 1
                st.dirty = true
                if st.p == half then
                  st.l = st.l + 1
                  st.p = 0
                end
              end

              -- Adds or re-scores the member; expired entries were dropped by the caller's U.members (CREATE) or
              -- U.rem (ROTATE), and a touch that re-scores leaves them to the next of those. A score >= e (of a
              -- state that exists) is the bucket's top score after the ZADD, since e bounds every bucket's scores,
              -- so the bucket is settled to it without reading it back. With own (CREATE: the user's members in
              -- the bucket, this one included), splits one bucket when the bucket holds more than SPLIT_AT entries
              -- of other users (n bounds the bucket's size, so ZCARD is asked only when n allows a split): one
              -- user's entries share a digest and never split apart.
              local function uadd(base, st, user, sid, sc, now, own)
                local dg = digest(user)
                local bk = bucket(base, st, dg)
                local added = redis.call('ZADD', bk, sc, dg .. sid)
                count(st, added)
                if not st.fresh and sc >= st.e then
                  redis.call('PEXPIREAT', bk, sc)
                  if sc > st.e then
                    st.e = sc
                    st.dirty = true
                  end
                else
                  usettle(st, bk)
                end
                if own and added == 1 and st.n - own > SPLIT_AT and redis.call('ZCARD', bk) - own > SPLIT_AT then
                  split(base, st, now)
                end
              end

              local function urem(base, st, user, sid, now)
                local dg = digest(user)
                local bk = bucket(base, st, dg)
                count(st, -redis.call('ZREM', bk, dg .. sid) - clean(bk, now))
                usettle(st, bk)
              end

              -- The user's index members (digest .. sid) after dropping expired entries.
              local function umembers(base, st, user, now)
                local dg = digest(user)
                local bk = bucket(base, st, dg)
                count(st, -clean(bk, now))
                local out, seen, cursor = {}, {}, '0'
                repeat
                  local r = redis.call('ZSCAN', bk, cursor, 'MATCH', dg .. '*', 'COUNT', 1000)
                  cursor = r[1]
                  for j = 1, #r[2], 2 do
                    if not seen[r[2][j]] then
                      seen[r[2][j]] = true
                      out[#out + 1] = r[2][j]
                    end
                  end
                until cursor == '0'
                return out, bk
              end

              -- The user's live sessions as {sid, s}; drops entries whose session is gone.
              local function usessions(base, st, user, now, members, bk)
                local out, removed = {}, 0
                for _, m in ipairs(members) do
                  local sid = string.sub(m, 9)
                  local s = load_live(base .. sid, now)
                  if not s then
                    removed = removed + redis.call('ZREM', bk, m)
                  elseif s.f.u == user then
                    out[#out + 1] = {sid, s}
                  end
                end
                if removed > 0 then
                  count(st, -removed)
                  usettle(st, bk)
                end
                return out
              end

              local function destroy(base, st, sid, s, now)
                redis.call('DEL', base .. sid)
                timer_del(base, sid, s)
                if s.f.u then urem(base, st, s.f.u, sid, now) end
                for _, zk in ipairs(value_keys(base, s)) do
                  redis.call('ZREM', zk, sid)
                  clean(zk, now)
                  settle(zk)
                end
              end

              -- The user's digest and bucket key.
              local function locate(base, st, user)
                local dg = digest(user)
                return dg, bucket(base, st, dg)
              end

              -- Accounts for k entries the caller removed from bucket bk.
              local function forget(st, bk, k)
                if k > 0 then
                  count(st, -k)
                  usettle(st, bk)
                end
              end

              return {state = ustate, save = ustate_save, add = uadd, rem = urem, members = umembers,
                      sessions = usessions, destroy = destroy, locate = locate, forget = forget}
            end

            """;

    /**
     * Appended to the helpers in the store's function library only: the library runs its top-level code once, when
     * it loads, so the user index helpers are built then and every function's {@code local U = user_index()} gets
     * that one table (a script run by its text builds them on each call, about a dozen closures).
     */
    static final String LIBRARY_USER_INDEX = """
            local built_user_index = user_index()
            local function user_index() return built_user_index end

            """;

    static final String CREATE = """
            local U = user_index()
            local base, sid, user = ARGV[1], ARGV[2], ARGV[3]
            local idle, life, cap = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
            EV = tonumber(ARGV[8])
            local now = now_ms()
            local st, own
            if user ~= '' then
              st = U.state(base)
              local members, bk = U.members(base, st, user, now)
              own = #members + 1
              if #members >= cap then
                local live = U.sessions(base, st, user, now, members, bk)
                own = #live + 1
                if #live >= cap then
                  if ARGV[7] == CAP_REFUSE then
                    U.save(base, st)
                    return {STATUS_LIMIT_EXCEEDED, LIMIT_MAX_SESSIONS_PER_USER, cap, #live + 1}
                  end
                  table.sort(live, older)
                  for j = 1, #live - cap + 1 do
                    U.destroy(base, st, live[j][1], live[j][2], now)
                    emit(base, 'evicted', live[j][1], user, now)
                  end
                  own = cap
                end
              end
            end
            local key = base .. sid
            local s = {c = now, a = now, i = idle, d = now + life, v = 1}
            local fields = {'m', meta(s)}
            if user ~= '' then
              fields[#fields + 1] = 'u'
              fields[#fields + 1] = user
            end
            local n = tonumber(ARGV[9])
            for j = 10, 9 + 2 * n, 2 do
              fields[#fields + 1] = 'x.' .. ARGV[j]
              fields[#fields + 1] = ARGV[j + 1]
            end
            for j = 10 + 2 * n, #ARGV, 2 do
              fields[#fields + 1] = ARGV[j]
              fields[#fields + 1] = ARGV[j + 1]
            end
            redis.call('HSET', key, unpack(fields))
            redis.call('PEXPIREAT', key, expiry(s))
            local sc = score(s)
            local owner = nil
            if user ~= '' then
              owner = user
              U.add(base, st, user, sid, sc, now, own)
              U.save(base, st)
            end
            s.f = {u = owner}
            timer_set(base, sid, s)
            emit(base, 'created', sid, owner, now)
            for j = 10, 9 + 2 * n, 2 do
              local zk = base .. 'x:' .. ARGV[j] .. ':' .. ARGV[j + 1]
              clean(zk, now)
              redis.call('ZADD', zk, sc, sid)
              settle(zk)
            end
            return {STATUS_OK, now}
            """;

    /**
     * Touch and peek: the hot path, so it hands Redis's {@code HGETALL} reply back as the reply's fields (a
     * nested array, the meta pair taken out by moving the last pair into its place) instead of copying it into a
     * table: {STATUS_OK, c, a, i, d, v, {field, value, ...}}.
     */
    static final String READ = """
            local now = now_ms()
            local flat = redis.call('HGETALL', KEYS[1])
            local n = #flat
            if n == 0 then return {STATUS_NOT_FOUND} end
            local mj, user = 0, ''
            for j = 1, n, 2 do
              local k = flat[j]
              if k == 'm' then mj = j elseif k == 'u' then user = flat[j + 1] end
            end
            -- The meta as locals, not a session table: this runs on every request (docs/benchmarks.md, "The floors").
            local c, a, i, d, v = struct.unpack(META, flat[mj + 1])
            local e = expiry_at(a, i, d)
            if e <= now then return {STATUS_NOT_FOUND} end
            flat[mj], flat[mj + 1] = flat[n - 1], flat[n]
            flat[n - 1], flat[n] = nil, nil
            if ARGV[3] == '1' then
              local old = score_at(e, i, d)
              a, e = now, expiry_at(now, i, d)
              redis.call('HSET', KEYS[1], 'm', struct.pack(META, c, a, i, d, v))
              redis.call('PEXPIREAT', KEYS[1], e)
              if tonumber(ARGV[4]) > 0 then redis.call('ZADD', ARGV[1] .. 't', e, ARGV[2] .. user) end
              local sc = score_at(e, i, d)
              if sc ~= old then
                local s = {f = {}}
                for j = 1, n - 2, 2 do s.f[flat[j]] = flat[j + 1] end
                if s.f.u then
                  local U = user_index()
                  local st = U.state(ARGV[1])
                  U.add(ARGV[1], st, s.f.u, ARGV[2], sc, now)
                  U.save(ARGV[1], st)
                end
                for _, zk in ipairs(value_keys(ARGV[1], s)) do
                  redis.call('ZADD', zk, sc, ARGV[2])
                  settle(zk)
                end
              end
            end
            return {STATUS_OK, c, a, i, d, v, flat}
            """;

    static final String UPDATE = """
            EV = tonumber(ARGV[6])
            local now = now_ms()
            local s = load_live(KEYS[1], now)
            if not s then return {STATUS_NOT_FOUND} end
            if ARGV[3] ~= '' and tonumber(ARGV[3]) ~= s.v then return {STATUS_VERSION_CONFLICT, s.v} end
            local h = s.f
            local count, bytes = 0, 0
            for f, v in pairs(h) do
              if string.sub(f, 1, 1) == '@' then
                count = count + 1
                bytes = bytes + #f - 1 + #v
              end
            end
            local sets, dels, names = {}, {}, {}
            for j = 7, #ARGV, 2 do
              local f, v = ARGV[j], ARGV[j + 1]
              names[#names + 1] = string.sub(f, 2)
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
            if count > tonumber(ARGV[4]) then
              return {STATUS_LIMIT_EXCEEDED, LIMIT_MAX_ATTRIBUTES, tonumber(ARGV[4]), count}
            end
            if bytes > tonumber(ARGV[5]) then
              return {STATUS_LIMIT_EXCEEDED, LIMIT_MAX_SESSION_BYTES, tonumber(ARGV[5]), bytes}
            end
            s.v = s.v + 1
            sets[#sets + 1] = 'm'
            sets[#sets + 1] = meta(s)
            if #dels > 0 then redis.call('HDEL', KEYS[1], unpack(dels)) end
            redis.call('HSET', KEYS[1], unpack(sets))
            -- attribute names hold no control characters, so a newline separates them
            emit(ARGV[1], 'updated', ARGV[2], s.f.u, now, 'attributes', table.concat(names, '\\n'))
            return reply(STATUS_OK, s)
            """;

    static final String ROTATE = """
            local U = user_index()
            local base, old, new = ARGV[1], ARGV[2], ARGV[3]
            EV = tonumber(ARGV[4])
            local now = now_ms()
            local s = load_live(KEYS[1], now)
            if not s then return {STATUS_NOT_FOUND} end
            local sc = score(s)
            redis.call('RENAME', KEYS[1], KEYS[2])
            s.v = s.v + 1
            redis.call('HSET', KEYS[2], 'm', meta(s))
            timer_del(base, old, s)
            timer_set(base, new, s)
            emit(base, 'rotated', new, s.f.u, now, 'previous', string.sub(base, -4, -3) .. old)
            if s.f.u then
              local st = U.state(base)
              U.rem(base, st, s.f.u, old, now)
              U.add(base, st, s.f.u, new, sc, now)
              U.save(base, st)
            end
            for _, zk in ipairs(value_keys(base, s)) do
              redis.call('ZREM', zk, old)
              redis.call('ZADD', zk, sc, new)
              settle(zk)
            end
            return reply(STATUS_OK, s)
            """;

    static final String REVOKE = """
            local U = user_index()
            EV = tonumber(ARGV[3])
            local now = now_ms()
            local s = load_live(KEYS[1], now)
            if not s then return {STATUS_NOT_FOUND} end
            local st
            if s.f.u then st = U.state(ARGV[1]) end
            U.destroy(ARGV[1], st, ARGV[2], s, now)
            U.save(ARGV[1], st)
            emit(ARGV[1], 'revoked', ARGV[2], s.f.u, now)
            return reply(STATUS_OK, s)
            """;

    static final String LIST_USER = """
            local U = user_index()
            local base, user = ARGV[1], ARGV[2]
            local now = now_ms()
            local st = U.state(base)
            local members, bk = U.members(base, st, user, now)
            local live = U.sessions(base, st, user, now, members, bk)
            U.save(base, st)
            return rows(live)
            """;

    /**
     * The paging helpers, in the bodies of the paged listings only. A walk reads a zset in Redis's order (score, then
     * member bytes) from a position (score, member) exclusive, or from its start when the member is empty; it
     * skips entries scored at or before now (their sessions have expired) without reading them.
     */
    static final String PAGING = """
            -- p sorts before q byte by byte, as Redis sorts members (Lua's < on strings follows the locale).
            local function before(p, q)
              for j = 1, math.min(#p, #q) do
                local x, y = string.byte(p, j), string.byte(q, j)
                if x ~= y then return x < y end
              end
              return #p < #q
            end

            -- Drops at most n entries scored at or before now; returns how many.
            local function clean_some(zk, now, n)
              local dead = redis.call('ZRANGEBYSCORE', zk, '-inf', now, 'LIMIT', 0, n)
              if #dead > 0 then redis.call('ZREM', zk, unpack(dead)) end
              return #dead
            end

            -- The rank of the first live entry after (sc, m): two ZCOUNTs, then a binary search among the
            -- entries of score sc (ties are common: scores are quantized), one ZRANGE by rank per step.
            local function rank_after(zk, sc, m, now)
              if m == '' or tonumber(sc) <= now then return redis.call('ZCOUNT', zk, '-inf', now) end
              local lo = redis.call('ZCOUNT', zk, '-inf', '(' .. sc)
              local hi = lo + redis.call('ZCOUNT', zk, sc, sc)
              while lo < hi do
                local mid = math.floor((lo + hi) / 2)
                local x = redis.call('ZRANGE', zk, mid, mid)[1]
                if before(m, x) then hi = mid else lo = mid + 1 end
              end
              return lo
            end

            -- At most n + 1 entries after (sc, m), as a flat list member, score, ...
            local function walk(zk, sc, m, now, n)
              local r = rank_after(zk, sc, m, now)
              return redis.call('ZRANGE', zk, r, r + n, 'WITHSCORES')
            end

            -- The head of a page reply: {more, end score, end member}; the walk read n entries and found one more.
            local function page_head(got, n)
              local more, sc, m = 0, '0', ''
              if #got > 2 * n then more = 1 end
              local last = math.min(#got, 2 * n)
              if last > 0 then sc, m = got[last], got[last - 1] end
              return {more, sc, m}
            end

            -- A page row: {sid, score, c, a, i, d, v, field, value, ...}.
            local function page_row(sid, sc, s)
              local row = reply(sid, s)
              table.insert(row, 2, sc)
              return row
            end

            """;

    /**
     * One page of a value index of one tag. KEYS: the value index. ARGV: base, position score, position member (''
     * for the start), n. Reads at most n + 1 entries and loads at most n sessions; drops at most n expired entries
     * and the entries read whose session is gone. Replies {more, end score, end member, row...}.
     */
    static final String LIST_INDEX_PAGE = PAGING + """
            local base, zk, n = ARGV[1], KEYS[1], tonumber(ARGV[4])
            local now = now_ms()
            local removed = clean_some(zk, now, n)
            local got = walk(zk, ARGV[2], ARGV[3], now, n)
            local out = page_head(got, n)
            for j = 1, math.min(#got, 2 * n), 2 do
              local sid = got[j]
              local s = load_live(base .. sid, now)
              if s then
                out[#out + 1] = page_row(sid, got[j + 1], s)
              else
                removed = removed + redis.call('ZREM', zk, sid)
              end
            end
            if removed > 0 then settle(zk) end
            return out
            """;

    /**
     * One page of a user's sessions: a walk of the user's bucket (shared with other users of the tag, whose entries
     * it steps over). KEYS: the user index state. ARGV: base, userId, position score, position member ('' for the
     * start), n. Bounds and reply as {@link #LIST_INDEX_PAGE}.
     */
    static final String LIST_USER_PAGE = PAGING + """
            local U = user_index()
            local base, user, n = ARGV[1], ARGV[2], tonumber(ARGV[5])
            local now = now_ms()
            local st = U.state(base)
            local dg, bk = U.locate(base, st, user)
            local removed = clean_some(bk, now, n)
            local got = walk(bk, ARGV[3], ARGV[4], now, n)
            local out = page_head(got, n)
            for j = 1, math.min(#got, 2 * n), 2 do
              local m = got[j]
              if string.sub(m, 1, 8) == dg then
                local sid = string.sub(m, 9)
                local s = load_live(base .. sid, now)
                if not s then
                  removed = removed + redis.call('ZREM', bk, m)
                elseif s.f.u == user then
                  out[#out + 1] = page_row(sid, got[j + 1], s)
                end
              end
            end
            U.forget(st, bk, removed)
            U.save(base, st)
            return out
            """;

    static final String REVOKE_ALL = """
            local U = user_index()
            local base, user = ARGV[1], ARGV[2]
            EV = tonumber(ARGV[4])
            local now = now_ms()
            local st = U.state(base)
            local members, bk = U.members(base, st, user, now)
            local out = {STATUS_OK}
            for _, e in ipairs(U.sessions(base, st, user, now, members, bk)) do
              if e[1] ~= ARGV[3] then
                U.destroy(base, st, e[1], e[2], now)
                emit(base, 'revoked', e[1], user, now)
                out[#out + 1] = e[1]
              end
            end
            U.save(base, st)
            return out
            """;

    /**
     * The {@code expired} events of one tag: the timer entries due by now (at most ARGV[2]), each session removed
     * (if Redis has not expired its hash yet) with its index entries, and its event written with its exact expiry
     * as the time. A session whose timer fell behind (touched while events were off) gets its timer moved instead.
     */
    static final String EXPIRE = """
            local U = user_index()
            local base, max = ARGV[1], tonumber(ARGV[2])
            EV = tonumber(ARGV[3])
            local now = now_ms()
            local due = redis.call('ZRANGEBYSCORE', base .. 't', '-inf', now, 'WITHSCORES', 'LIMIT', 0, max)
            local st, n = nil, 0
            for j = 1, #due, 2 do
              local m, at = due[j], tonumber(due[j + 1])
              local sid, user = string.sub(m, 1, 22), string.sub(m, 23)
              if user == '' then user = nil end
              local s = load(base .. sid)
              if s and expiry(s) > now then
                redis.call('ZREM', base .. 't', m)
                timer_set(base, sid, s)
              else
                if (s and s.f.u or user) and not st then st = U.state(base) end
                if s then
                  at = expiry(s)
                  U.destroy(base, st, sid, s, now)
                elseif user then
                  U.rem(base, st, user, sid, now) -- its value index entries go with their zsets' cleaning
                end
                redis.call('ZREM', base .. 't', m)
                emit(base, 'expired', sid, user, at)
                n = n + 1
              end
            end
            U.save(base, st)
            return {STATUS_OK, n, #due / 2}
            """;
}

#!lua name=create_sketch
-- A sizing sketch for issue 12's decision, NOT the store's layout: a create whose user index is one zset per user
-- (<base>u:<user>, scored like the store's indexes, expiring with its highest score) instead of the store's linear
-- hash of shared buckets. Run it beside the store's CREATE with bench/load/create-cost.sh (same ARGV). It keeps the
-- session hash, its exact expiry and the per-user cap, but evicts the entry that expires first rather than the oldest
-- session, keeps no value indexes and emits no events; a per-user key costs memory the shared buckets save (the
-- script's bytes per session column shows how much).
local function create(KEYS, ARGV)
  local base, sid, user = ARGV[1], ARGV[2], ARGV[3]
  local idle, life, cap = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local d = now + life
  local e = math.min(now + idle, d)
  local q = math.max(1000, math.floor(idle / 16))
  local sc = math.min(math.ceil(e / q) * q, d)
  local uk = base .. 'u:' .. user
  redis.call('ZREMRANGEBYSCORE', uk, '-inf', now)
  local own = redis.call('ZCARD', uk)
  if own >= cap then
    local old = redis.call('ZPOPMIN', uk, own - cap + 1)
    for j = 1, #old, 2 do redis.call('DEL', base .. old[j]) end
  end
  local fields = {'m', struct.pack('>I6I6I5I6I4', now, now, idle, d, 1), 'u', user}
  local n = tonumber(ARGV[9])
  for j = 10 + 2 * n, #ARGV, 2 do
    fields[#fields + 1] = ARGV[j]
    fields[#fields + 1] = ARGV[j + 1]
  end
  redis.call('HSET', base .. sid, unpack(fields))
  redis.call('PEXPIREAT', base .. sid, e)
  redis.call('ZADD', uk, sc, sid)
  -- A new zset has no expiry yet (GT would treat it as infinite); an existing one always has one.
  if own == 0 then redis.call('PEXPIREAT', uk, sc) else redis.call('PEXPIREAT', uk, sc, 'GT') end
  return {1, now}
end
redis.register_function('ss_5ce7c4_create', create)

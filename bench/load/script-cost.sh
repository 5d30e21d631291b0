#!/usr/bin/env bash
# Redis time per call of the touch script (and of calibration scripts), by INFO commandstats.
#
#   bench/load/script-cost.sh [OTHER.lua | OTHER.lib ...]
#
# Starts a private redis-server on CPU_REDIS holding one session (three attributes, a user id, idle 1 h), then for
# ROUNDS rounds runs, for each script in turn, CALLS calls of EVALSHA with the touch's KEYS and ARGV from
# redis-benchmark (-c 2, on CPU_CLIENT), with CONFIG RESETSTAT before and INFO commandstats after; prints the
# median and the range of usec_per_call per script. The scripts: calibration (an empty script, one and
# four TIME calls, HGETALL with its reply dropped and returned), the store's READ script as the server jar in
# SERVER_DIR runs it (bench/load/ScriptText.java), any OTHER.lua given (e.g. an older READ, printed with
# ScriptText.java from an older build), and, on Redis 7 or later, READ as the store runs it there: FCALL of its
# function in the store's own library (all ten scripts, helpers built once at load; ScriptText --store-library;
# commandstats' fcall), likewise the read function of any OTHER.lib given (an older build's library, printed with
# ScriptText.java READ --store-library), and two floors, FCALL of a one-purpose library (floor.lib): floor-3 sends
# the three commands a touch cannot do without (TIME for Redis's clock, HGETALL, PEXPIREAT at min(now + idle,
# deadline)) with no other Lua, floor-4 adds the HSET of the packed meta that keeps lastAccessedAt. No touch that
# reads a session and slides its expiry by Redis's clock in one call costs less than floor-3. Alternating the scripts
# within each round makes a busy moment of the machine hit them alike; compare medians of one run, not runs.
#
# Settings (environment): ROUNDS=6 CALLS=30000 CPU_REDIS=1 CPU_CLIENT=0 SERVER_DIR=server/target
# JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
ROUNDS=${ROUNDS:-6}
CALLS=${CALLS:-30000}
CPU_REDIS=${CPU_REDIS:-1}
CPU_CLIENT=${CPU_CLIENT:-0}
SERVER_DIR=${SERVER_DIR:-$ROOT/server/target}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
require_whole_numbers ROUNDS CALLS
require_cpu_lists CPU_REDIS CPU_CLIENT
require_tools redis-server redis-cli redis-benchmark taskset awk "$JAVA"
for f in "$@"; do
  [[ -f $f ]] || { echo "no such script file: $f" >&2; exit 2; }
  [[ $f != *.lib ]] || grep -q "register_function('ss_[0-9a-f]*_read'" "$f" ||
    { echo "$f: no ss_<hash>_read function" >&2; exit 2; }
done
require_server_jar

start_work script-cost

"$JAVA" -cp "$SERVER_DIR/libs/*" "$HERE/ScriptText.java" READ >"$WORK/READ.lua"
echo 'return 1' >"$WORK/empty.lua"
printf "redis.call('TIME')\nreturn 1\n" >"$WORK/time-x1.lua"
printf "redis.call('TIME')\nredis.call('TIME')\nredis.call('TIME')\nredis.call('TIME')\nreturn 1\n" >"$WORK/time-x4.lua"
printf "local f = redis.call('HGETALL', KEYS[1])\nreturn 1\n" >"$WORK/hgetall-dropped.lua"
printf "return redis.call('HGETALL', KEYS[1])\n" >"$WORK/hgetall-returned.lua"
"$JAVA" -cp "$SERVER_DIR/libs/*" "$HERE/ScriptText.java" READ --store-library >"$WORK/READ-store.lib"
SCRIPTS=("$WORK/empty.lua" "$WORK/time-x1.lua" "$WORK/time-x4.lua" "$WORK/hgetall-dropped.lua"
  "$WORK/hgetall-returned.lua" "$WORK/READ.lua")
LIBRARIES=()
for f in "$@"; do
  if [[ $f == *.lib ]]; then LIBRARIES+=("$f"); else SCRIPTS+=("$f"); fi
done

start_redis "$CPU_REDIS" "$WORK/redis"
cli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }
# The session, in the store's layout (docs/redis-layout.md): meta c a i d v, user, three attributes.
BASE='ss:{63}:' SID=BENCHsid0000000000000
KEY=$BASE$SID
cli eval "local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000
  redis.call('HSET', KEYS[1], 'm', struct.pack('>I6I6I5I6I4', now, now, 3600000, now + 864000000, 1), 'u', 'user-0',
    '@locale', '\"en-GB\"', '@cart', '[101,202,303]', '@theme', '\"dark\"')
  redis.call('PEXPIREAT', KEYS[1], now + 3600000)" 1 "$KEY" >/dev/null
if [[ $(cli info server | tr -d '\r' | sed -n 's/^redis_version:\([0-9]*\).*/\1/p') -ge 7 ]]; then
  for f in "$WORK/READ-store.lib" "${LIBRARIES[@]}"; do cli function load replace "$(cat "$f")" >/dev/null; done
  cat >"$WORK/floor.lib" <<'LUA'
#!lua name=script_cost_floor
local function touch_floor(keys, hset)
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local flat = redis.call('HGETALL', keys[1])
  local c, a, i, d, v = struct.unpack('>I6I6I5I6I4', flat[2]) -- m: the bench session's first field
  if hset then redis.call('HSET', keys[1], 'm', struct.pack('>I6I6I5I6I4', c, now, i, d, v)) end
  redis.call('PEXPIREAT', keys[1], math.min(now + i, d))
  return {1, flat}
end
redis.register_function('floor_3', function(keys) return touch_floor(keys, false) end)
redis.register_function('floor_4', function(keys) return touch_floor(keys, true) end)
LUA
  cli function load replace "$(cat "$WORK/floor.lib")" >/dev/null
  SCRIPTS+=("$WORK/READ-store.lib" "${LIBRARIES[@]}" "$WORK/floor-3.fn" "$WORK/floor-4.fn")
elif ((${#LIBRARIES[@]} > 0)); then
  echo "OTHER.lib needs Redis 7 or later (functions)" >&2
  exit 2
fi
log "redis-server pid $REDIS_PID on CPU $CPU_REDIS; $ROUNDS rounds of $CALLS calls per script; load $(cut -d' ' -f1-3 /proc/loadavg)"

: >"$WORK/results"
for r in $(seq 1 "$ROUNDS"); do
  for f in "${SCRIPTS[@]}"; do
    if [[ $f == *.lib ]]; then
      call=(FCALL "$(sed -n "s/.*register_function('\(ss_[0-9a-f]*_read\)'.*/\1/p" "$f")") stat=fcall
    elif [[ $f == *.fn ]]; then
      call=(FCALL "$(basename "$f" .fn | tr - _)") stat=fcall
    else
      call=(EVALSHA "$(cli -x script load <"$f")") stat=evalsha
    fi
    cli config resetstat >/dev/null
    taskset -c "$CPU_CLIENT" redis-benchmark -h 127.0.0.1 -p "$REDIS_PORT" -c 2 -n "$CALLS" -q \
      "${call[@]}" 1 "$KEY" "$BASE" "$SID" 1 0 >/dev/null 2>&1
    us=$(cli info commandstats | tr -d '\r' | sed -n "s/^cmdstat_$stat:.*usec_per_call=\([0-9.]*\).*/\1/p")
    [[ -n $us ]] || { echo "no $stat in commandstats after $(basename "$f")" >&2; exit 1; }
    echo "$(basename "$f") $us" >>"$WORK/results"
  done
  [[ $(cli exists "$KEY") == 1 ]] || { echo "the session is gone: a script under test broke it" >&2; exit 1; }
  log "round $r/$ROUNDS done"
done
echo "script: median µs per call (min-max over $ROUNDS rounds of $CALLS calls), $(date -u +%FT%TZ)"
for f in "${SCRIPTS[@]}"; do
  name=$(basename "$f")
  awk -v n="$name" '$1 == n {print $2}' "$WORK/results" | sort -g |
    awk -v n="$name" '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
      printf "%-22s %6.2f (%s-%s)\n", n, m, v[1], v[NR]}'
done

#!/usr/bin/env bash
# Redis time per create (the CREATE function of the store's library), by INFO commandstats.
#
#   bench/load/create-cost.sh [OTHER-LIBRARY.lua ...]
#
# Starts a private redis-server on CPU_REDIS; then for ROUNDS rounds, for each library in turn: FLUSHALL, FUNCTION
# FLUSH, FUNCTION LOAD of the library, CONFIG RESETSTAT, then CREATES creates of fresh users (random user ids and
# session ids, three 20-character attributes, idle 30 min, life 24 h, cap 50) in one shard tag by redis-benchmark
# (-c CLIENTS, on CPU_CLIENT) calling the library's create function; prints per library the median and the range of
# commandstats' fcall usec_per_call, the ZSCAN and ZADD times inside it (0 when the library sends none), the Redis
# process's CPU time per create (user + system from /proc, which also counts reading the calls and writing the
# replies) and used_memory per session. One tag holds all CREATES sessions, so its user index goes through many bucket
# splits: what a tag of a large deployment sees (bucket sizes depend on the split threshold, not on the number of
# sessions). The libraries: the store's own, as the server jar in SERVER_DIR loads it (bench/load/ScriptText.java
# CREATE --store-library), and any OTHER-LIBRARY.lua given (e.g. an older build's, printed the same way, or
# bench/load/create-sketch.lua, a sizing sketch of another user index layout). Alternating within each round makes a
# busy moment of the machine hit them alike; compare medians of one run, not runs. Needs Redis 7 (functions).
#
# Settings (environment): ROUNDS=6 CREATES=60000 CLIENTS=16 CPU_REDIS=1 CPU_CLIENT=0 SERVER_DIR=server/target
# JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
ROUNDS=${ROUNDS:-6}
CREATES=${CREATES:-60000}
CLIENTS=${CLIENTS:-16}
CPU_REDIS=${CPU_REDIS:-1}
CPU_CLIENT=${CPU_CLIENT:-0}
SERVER_DIR=${SERVER_DIR:-$ROOT/server/target}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
require_whole_numbers ROUNDS CREATES CLIENTS
((ROUNDS > 0 && CREATES > 0 && CLIENTS > 0)) || { echo "ROUNDS, CREATES and CLIENTS must be above 0" >&2; exit 2; }
require_cpu_lists CPU_REDIS CPU_CLIENT
require_tools redis-server redis-cli redis-benchmark taskset awk "$JAVA"
for f in "$@"; do
  [[ -f $f ]] || { echo "no such library file: $f" >&2; exit 2; }
  grep -q "register_function('ss_[0-9a-f]*_create'" "$f" || { echo "$f: no ss_<hash>_create function" >&2; exit 2; }
done
require_server_jar

start_work create-cost
"$JAVA" -cp "$SERVER_DIR/libs/*" "$HERE/ScriptText.java" CREATE --store-library >"$WORK/store.lua"
LIBRARIES=("$WORK/store.lua" "$@")

start_redis "$CPU_REDIS" "$WORK/redis"
cli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }
[[ $(cli info server | tr -d '\r' | sed -n 's/^redis_version:\([0-9]*\).*/\1/p') -ge 7 ]] ||
  { echo "needs Redis 7 or later (functions)" >&2; exit 2; }
log "redis-server pid $REDIS_PID on CPU $CPU_REDIS; $ROUNDS rounds of $CREATES creates per library; load $(cut -d' ' -f1-3 /proc/loadavg)"

: >"$WORK/results"
for r in $(seq 1 "$ROUNDS"); do
  for f in "${LIBRARIES[@]}"; do
    fn=$(sed -n "s/.*register_function('\(ss_[0-9a-f]*_create\)'.*/\1/p" "$f")
    cli flushall >/dev/null
    cli function flush >/dev/null
    cli function load "$(cat "$f")" >/dev/null
    before=$(cli info memory | tr -d '\r' | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
    cli config resetstat >/dev/null
    cpu0=$(cpu_ticks "$REDIS_PID")
    # ARGV: base, sid, user, idle ms, life ms, cap, cap policy, events (0 = off), index values (0), attributes.
    taskset -c "$CPU_CLIENT" redis-benchmark -h 127.0.0.1 -p "$REDIS_PORT" -c "$CLIENTS" -n "$CREATES" -r 1000000000 -q \
      FCALL "$fn" 2 'ss:{63}:S__rand_int__' 'ss:{63}:u' 'ss:{63}:' 'S__rand_int__' 'user-__rand_int__' \
      1800000 86400000 50 EVICT_OLDEST 0 0 '@a' '"aaaaaaaaaaaaaaaaaaaa"' '@b' '"bbbbbbbbbbbbbbbbbbbb"' \
      '@c' '"cccccccccccccccccccc"' >/dev/null 2>&1
    cpu1=$(cpu_ticks "$REDIS_PID")
    stats=$(cli info commandstats | tr -d '\r')
    # 0 for a command the library does not send
    us() { sed -n "s/^cmdstat_$1:.*usec_per_call=\([0-9.]*\).*/\1/p" <<<"$stats" | grep . || echo 0; }
    calls=$(sed -n 's/^cmdstat_fcall:calls=\([0-9]*\),.*/\1/p' <<<"$stats")
    failed=$(sed -n 's/^cmdstat_fcall:.*failed_calls=\([0-9]*\).*/\1/p' <<<"$stats")
    [[ $calls == "$CREATES" && $failed == 0 ]] ||
      { echo "$(basename "$f"): $calls calls, $failed failed (expected $CREATES, 0)" >&2; exit 1; }
    after=$(cli info memory | tr -d '\r' | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
    sessions=$(($(cli dbsize) - $(cli --scan --pattern 'ss:{63}:u*' | wc -l)))
    cpu=$(awk -v t="$((cpu1 - cpu0))" -v n="$CREATES" -v hz="$(getconf CLK_TCK)" \
      'BEGIN {printf "%.2f", t * 1e6 / hz / n}')
    echo "$(basename "$f") $(us fcall) $(us zscan) $(us zadd) $cpu $(((after - before) / sessions))" >>"$WORK/results"
  done
  log "round $r/$ROUNDS done"
done
median() { sort -g | awk -v f="$1" '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf f " (%s-%s)", m, v[1], v[NR]}'; }
echo "library: median (min-max over $ROUNDS rounds of $CREATES creates), $(date -u +%FT%TZ)"
echo "library | create µs (fcall) | ZSCAN µs | ZADD µs | Redis process CPU µs per create | bytes per session"
for f in "${LIBRARIES[@]}"; do
  n=$(basename "$f")
  col() { awk -v n="$n" -v c="$1" '$1 == n {print $c}' "$WORK/results" | median "$2"; }
  echo "$n | $(col 2 %.2f) | $(col 3 %.2f) | $(col 4 %.2f) | $(col 5 %.2f) | $(col 6 %d)"
done

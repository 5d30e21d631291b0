#!/usr/bin/env bash
# Latency at low load (issue 12, requirement 3): one connection, one thread.
#
#   bench/load/latency.sh                  # writes docs/latency-benchmark.md
#
# Starts a private redis-server and the server jar (as run.sh does: the server alone on CPU_APP, Redis and the
# load generators on CPU_LOAD), creates $SESSIONS sessions, captures with MONITOR the exact FCALL (EVALSHA before Redis 7) the server
# sends for one GET /v1/session (the touch script), then interleaves for $ROUNDS rounds:
#   HTTP GET /health/live   (wrk, 1 connection)  the server's floor: HTTP without the store
#   HTTP GET /v1/session    (wrk, 1 connection)  one touch through the service
#   redis-benchmark         (1 connection)       the captured touch FCALL/EVALSHA, replayed: Redis's floor
#   store touch             (1 platform thread)  RedisSessionStore.touch in its own JVM on CPU_APP, for each
#                                                 client path in TRANSPORTS: direct (the caller's thread does the
#                                                 round trip on a direct connection, the default), nopoll (the
#                                                 same without polling for the reply), or only Lettuce's
#                                                 multiplexed connection on epoll or on NIO
# and writes medians (min-max) of the p50 latencies and the target ratio to $OUT:
#   p50(GET /v1/session) <= 2 x (p50(/health/live) + p50(redis-benchmark touch)).
#
# Settings (environment): ROUNDS=5 DURATION=10 (s per measurement) WARMUP=10 (s) SESSIONS=1000
# RB_REQUESTS=100000 (redis-benchmark requests per round) TRANSPORTS="direct nopoll epoll nio" SERVER_DIR=server/target
# JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 JAVA_OPTS="-Xms1g -Xmx1g -XX:+UseG1GC" CPU_APP=0 CPU_LOAD=1
# OUT=docs/latency-benchmark.md
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
SESSIONS=${SESSIONS:-1000}
RB_REQUESTS=${RB_REQUESTS:-100000}
TRANSPORTS=${TRANSPORTS:-direct nopoll epoll nio}
SERVER_DIR=${SERVER_DIR:-$ROOT/server/target}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC}
CPU_APP=${CPU_APP:-0}
CPU_LOAD=${CPU_LOAD:-1}
OUT=${OUT:-$ROOT/docs/latency-benchmark.md}
JAVA=$JAVA_HOME/bin/java
COMMAND="$0${*:+ $*}"
require_whole_numbers ROUNDS DURATION WARMUP SESSIONS RB_REQUESTS
require_cpu_lists CPU_APP CPU_LOAD
((ROUNDS >= 1 && ROUNDS <= 20 && DURATION >= 1 && DURATION <= 300 && SESSIONS >= 1 && SESSIONS <= 100000 &&
  RB_REQUESTS >= 1000 && RB_REQUESTS <= 10000000)) ||
  { echo "ROUNDS 1..20, DURATION 1..300, SESSIONS 1..100000, RB_REQUESTS 1000..10000000" >&2; exit 2; }
for t in $TRANSPORTS; do
  [[ $t == direct || $t == nopoll || $t == epoll || $t == nio ]] ||
    { echo "TRANSPORTS: some of direct, nopoll, epoll and nio, got '$t'" >&2; exit 2; }
done
require_tools wrk redis-server redis-cli redis-benchmark taskset curl awk "$JAVA"

start_work latency-run

require_server_jar
LOAD_AVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
start_redis "$CPU_LOAD" "$WORK/redis"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
API_KEY="latency-bench-key-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
start_service "$CPU_APP" "$REDIS_URL" "$API_KEY" "$WORK/server.log"
log "redis-server pid $REDIS_PID (CPU $CPU_LOAD), server pid $SERVER_PID on $BASE (CPU $CPU_APP)"
DRIVER=("$JAVA" -Dlogback.configurationFile="$HERE/logback.xml" -cp "$SERVER_DIR/libs/*" "$HERE/LoadDriver.java")
taskset -c "$CPU_LOAD" "${DRIVER[@]}" create "$BASE" "$API_KEY" "$SESSIONS" "$WORK/tokens" >"$WORK/create.log"
[[ $(wc -l <"$WORK/tokens") -eq $SESSIONS ]] || { echo "session creation failed" >&2; exit 1; }
export LOAD_TOKENS=$WORK/tokens LOAD_API_KEY=$API_KEY

# --- the touch command, as the server sends it ----------------------------------------------------------
timeout 5 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" monitor >"$WORK/monitor.log" &
MONITOR=$!
sleep 0.5
curl -fsS -o /dev/null -H "Authorization: Bearer $API_KEY" -H "Session-Token: $(head -1 "$WORK/tokens")" \
  "$BASE/v1/session"
sleep 0.5
kill "$MONITOR" 2>/dev/null || true
wait "$MONITOR" 2>/dev/null || true
# MONITOR quotes each argument; session keys and ids are base64url and hex, without quotes or spaces
# (the store's scripts: FCALL of its library's functions on Redis 7 and later, EVALSHA before)
mapfile -t TOUCH_COMMAND < <(grep -i -m1 -E '\] "(fcall|evalsha)"' "$WORK/monitor.log" | grep -o '"[^"]*"' | tr -d '"')
((${#TOUCH_COMMAND[@]} >= 4)) || { echo "no FCALL or EVALSHA seen for GET /v1/session:" >&2; cat "$WORK/monitor.log" >&2; exit 1; }
log "touch command: ${TOUCH_COMMAND[*]:0:4} ..."

# $1 = lua script, $2 = seconds, $3 = connections; prints wrk's WRK_RESULT line
run_wrk() {
  taskset -c "$CPU_LOAD" wrk -t1 -c"$3" -d"$2s" --timeout 5s --latency -s "$HERE/$1" "$BASE" >"$WORK/wrk.log" 2>&1
  grep '^WRK_RESULT' "$WORK/wrk.log" || { cat "$WORK/wrk.log" >&2; return 1; }
}
# Voluntary context switches (a thread blocking, to be woken again) of each of the server's threads, summed by thread
# name (the kernel's 15-character comm): "name count" lines.
server_switches() {
  local t
  for t in /proc/"$SERVER_PID"/task/*; do
    printf '%s %s\n' "$(tr ' ' '_' <"$t/comm")" "$(awk '/^voluntary_ctxt_switches/ {print $2}' "$t/status")"
  done 2>/dev/null | awk '{c[$1] += $2} END {for (k in c) print k, c[k]}' | sort
}
# GET /v1/session at one connection; prints the WRK_RESULT line and "switches=name:per-request,..." for the threads
# that blocked at least once per 20 requests
run_get() {
  local before after line n
  before=$(server_switches)
  line=$(run_wrk get.lua "$DURATION" 1)
  after=$(server_switches)
  n=$(field requests "$line")
  echo "$line switches=$(join <(echo "$before") <(echo "$after") |
    awk -v n="$n" '{d = $3 - $2; if (n > 0 && d > n / 20) printf "%s%s:%.2f", (k++ ? "," : ""), $1, d / n}')"
}
# prints "RB p50_us=.. rps=.."
run_redis_benchmark() {
  local out
  out=$(taskset -c "$CPU_LOAD" redis-benchmark -h 127.0.0.1 -p "$REDIS_PORT" -c 1 -n "$RB_REQUESTS" -q \
    "${TOUCH_COMMAND[@]}" 2>&1 | tr '\r' '\n' | grep 'requests per second' | tail -1)
  [[ -n $out ]] || { echo "redis-benchmark printed no result" >&2; return 1; }
  awk '{ for (i = 1; i <= NF; i++) { if ($i == "requests") rps = $(i - 1); if ($i ~ /^p50=/) p = substr($i, 5) }
    printf "RB rps=%s p50_us=%.0f\n", rps, p * 1000 }' <<<"$out"
}
# $1 = client path (direct, epoll or nio); prints the driver's STORE_TOUCH line
run_touch() {
  local opts=()
  case $1 in
    nopoll) opts=(-Dsessionstore.redis.spinMicros=0) ;;
    epoll) opts=(-Dsessionstore.redis.direct=0) ;;
    nio) opts=(-Dsessionstore.redis.direct=0 -Dio.lettuce.core.epoll=false) ;;
  esac
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  taskset -c "$CPU_APP" "$JAVA" $JAVA_OPTS "${opts[@]}" -Dlogback.configurationFile="$HERE/logback.xml" \
    -cp "$SERVER_DIR/libs/*" "$HERE/LoadDriver.java" touch "$REDIS_URL" "$WORK/tokens" 1 "$WARMUP" "$DURATION" \
    >"$WORK/touch.log" 2>&1
  grep '^STORE_TOUCH' "$WORK/touch.log" || { cat "$WORK/touch.log" >&2; return 1; }
}

log "warm-up: GET at 64 connections ${WARMUP}s, then at 1 connection ${WARMUP}s (discarded)"
run_wrk get.lua "$WARMUP" 64 >/dev/null
run_wrk get.lua "$WARMUP" 1 >/dev/null
run_wrk live.lua "$WARMUP" 1 >/dev/null

: >"$WORK/results"
for r in $(seq 1 "$ROUNDS"); do
  log "round $r/$ROUNDS"
  echo "round=$r kind=live $(run_wrk live.lua "$DURATION" 1)" >>"$WORK/results"
  echo "round=$r kind=get $(run_get)" >>"$WORK/results"
  echo "round=$r kind=rb $(run_redis_benchmark)" >>"$WORK/results"
  for t in $TRANSPORTS; do
    echo "round=$r kind=touch-$t $(run_touch "$t")" >>"$WORK/results"
  done
  tail -n $((3 + $(wc -w <<<"$TRANSPORTS"))) "$WORK/results" | cut -c1-160 >&2
done

values() { grep " kind=$1 " "$WORK/results" | while read -r l; do field "$2" "$l"; done; }
stat() { sort -g | awk '{v[NR] = $1} END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  if ("'"$1"'" == "med") print m; else if ("'"$1"'" == "min") print v[1]; else print v[NR] }'; }
med() { values "$1" "$2" | stat med; }
cell() { printf '%.0f (%.0f–%.0f)' "$(med "$1" "$2")" "$(values "$1" "$2" | stat min)" "$(values "$1" "$2" | stat max)"; }

LIVE=$(med live p50_us) GET=$(med get p50_us) RB=$(med rb p50_us)
RATIO=$(awk -v g="$GET" -v l="$LIVE" -v r="$RB" 'BEGIN {printf "%.2f", g / (l + r)}')
MET=$(awk -v x="$RATIO" 'BEGIN {print (x <= 2) ? "met" : "NOT met"}')
RATIOS=$(paste <(values get p50_us) <(values live p50_us) <(values rb p50_us) |
  awk '{printf "%s%.2f", (NR > 1 ? ", " : ""), $1 / ($2 + $3)}')
BAD=0
for k in live get; do for f in non2xx connect read write timeout; do
  BAD=$((BAD + $(values "$k" "$f" | awk '{s += $1} END {print s + 0}')))
done; done
for t in $TRANSPORTS; do
  BAD=$((BAD + $(values "touch-$t" misses | awk '{s += $1} END {print s + 0}')
    + $(values "touch-$t" errors | awk '{s += $1} END {print s + 0}')))
done
if ((BAD == 0)); then VALID="every answer was 2xx and every store touch found its session"
else VALID="**THIS RUN HAD $BAD ERRORS** (non-2xx, socket errors, store misses): the figures are not valid"; fi

# the store driver's CPU time per touch (user + system over the measured window / touches): median (min-max)
client_cpu() {
  local per
  per=$(grep " kind=touch-$1 " "$WORK/results" | while read -r l; do
    awk -v c="$(field cpu_s "$l")" -v o="$(field ops "$l")" 'BEGIN {if (o > 0) printf "%.1f\n", c * 1000000 / o}'
  done)
  echo "$(stat med <<<"$per" | awk '{printf "%.1f", $1}') ($(stat min <<<"$per")–$(stat max <<<"$per"))"
}
TOUCH_ROWS=""
for t in $TRANSPORTS; do
  path="Lettuce $t only"
  [[ $t == direct ]] && path="direct connection"
  [[ $t == nopoll ]] && path="direct connection without polling"
  TOUCH_ROWS+="| store \`touch\`, 1 platform thread, $path: ops/s | $(cell "touch-$t" ops_per_s) |
| store \`touch\`, 1 platform thread, $path: p50 µs | $(cell "touch-$t" p50_us) |
| store \`touch\`, 1 platform thread, $path: client CPU µs per touch | $(client_cpu "$t") |
"
done
if [[ $TRANSPORTS == *direct* && $TRANSPORTS == *nopoll* ]]; then
  POLL_RATIO=$(awk -v d="$(med touch-direct ops_per_s)" -v n="$(med touch-nopoll ops_per_s)" 'BEGIN {printf "%.2f", d / n}')
  TOUCH_ROWS+="| **store \`touch\` ops/s, direct / direct without polling** | **$POLL_RATIO** |
"
fi
if [[ $TRANSPORTS == *direct* && $TRANSPORTS == *nio* ]]; then
  DIRECT_RATIO=$(awk -v d="$(med touch-direct ops_per_s)" -v n="$(med touch-nio ops_per_s)" 'BEGIN {printf "%.2f", d / n}')
  TOUCH_ROWS+="| **store \`touch\` ops/s, direct / Lettuce NIO** (the client path before issue 12) | **$DIRECT_RATIO** |
"
fi
if [[ $TRANSPORTS == *epoll* && $TRANSPORTS == *nio* ]]; then
  TRANSPORT_RATIO=$(awk -v e="$(med touch-epoll ops_per_s)" -v n="$(med touch-nio ops_per_s)" 'BEGIN {printf "%.2f", e / n}')
  TOUCH_ROWS+="| store \`touch\` ops/s, epoll / NIO | $TRANSPORT_RATIO |
"
fi

# per thread name, the median over the rounds of the server's thread blockings per GET
SWITCH_ROWS=$(values get switches | tr ',' '\n' | awk -F: 'NF == 2 {print $1, $2}' | sort -k1,1 -k2,2g |
  awk '{v[$1] = v[$1] " " $2; c[$1]++} END {for (k in v) {n = split(substr(v[k], 2), a, " ");
    printf "| %s | %s | %d of %d |\n", k, a[int((n + 1) / 2)], c[k], '"$ROUNDS"'}}' | sort)
CPU_MODEL=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
mkdir -p "$(dirname "$OUT")"
cat >"$OUT" <<MD
# Latency at low load (issue 12, requirement 3)

Generated by \`bench/load/latency.sh\` — do not edit by hand; run the script again instead.

- Command: \`$COMMAND\` (ROUNDS=$ROUNDS DURATION=${DURATION}s WARMUP=${WARMUP}s SESSIONS=$SESSIONS RB_REQUESTS=$RB_REQUESTS
  TRANSPORTS="$TRANSPORTS")
- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); tree at \`$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)\`
- Machine: **$(nproc) cores** ($CPU_MODEL), $(uname -sr); load average at start $LOAD_AVG_START (shared machine)
- JDK: $("$JAVA" -version 2>&1 | head -1), \`$JAVA_OPTS\`; Redis: $(redis-server --version | sed 's/ sha=.*//')
- Pinning: the server (and the store driver) alone on CPU $CPU_APP; Redis, wrk and redis-benchmark on CPU $CPU_LOAD.

## Results

Medians of $ROUNDS interleaved rounds (min–max). Validity: $VALID.

| measurement | value |
|---|---|
| HTTP \`GET /health/live\`, 1 connection: p50 µs | $(cell live p50_us) |
| HTTP \`GET /v1/session\`, 1 connection: p50 µs | $(cell get p50_us) |
| HTTP \`GET /v1/session\`, 1 connection: requests/s | $(cell get rps) |
| redis-benchmark, the touch script (\`${TOUCH_COMMAND[0]}\` as the server sends it), 1 connection: p50 µs | $(cell rb p50_us) |
$TOUCH_ROWS| **p50 GET / (p50 live + p50 redis-benchmark)** (target ≤ 2) | **$RATIO — target $MET** (per round: $RATIOS) |

## Thread wake-ups per request

Voluntary context switches (a thread blocking, later woken) of the server's threads during the \`GET /v1/session\`
phases, per request, by thread name (the kernel's 15-character name; the median of the rounds in which the thread
blocked at least once per 20 requests). Each is a hand-off between threads; on one pinned core each costs a
context switch.

| thread | blockings per GET | rounds |
|---|---:|---:|
$SWITCH_ROWS

## Method

- wrk \`-t1 -c1\` (closed loop: one request at a time) with \`live.lua\` and \`get.lua\` (the GET rotates through
  the $SESSIONS tokens; non-2xx answers are counted); p50 is wrk's.
- redis-benchmark \`-c 1 -n $RB_REQUESTS\` replays the FCALL (or EVALSHA) captured with MONITOR while the server answered one
  \`GET /v1/session\`: the same script, keys and arguments. Its p50 has 1 µs resolution.
- The store touch runs in its own JVM (\`bench/load/LoadDriver.java\`, the server's libraries), pinned like the
  server, ${WARMUP}s of warm-up then ${DURATION}s; the p50 is of each \`touch\` call's duration. \`direct\` runs
  it as shipped: the calling thread writes the script call and reads its reply on a direct connection to Redis,
  polling for it for up to 50 µs before it sleeps; \`nopoll\` the same without polling
  (\`-Dsessionstore.redis.spinMicros=0\`). Client CPU per touch is the driver JVM's user + system time over the
  measured window divided by its touches. \`epoll\` and \`nio\` turn those off (\`-Dsessionstore.redis.direct=0\`), so every call goes through Lettuce's
  multiplexed connection, on Netty's native epoll transport or (\`-Dio.lettuce.core.epoll=false\`) on Java NIO, the
  client path before this issue.
MD
log "wrote $OUT"
echo "p50 live $LIVE µs, GET $GET µs, redis-benchmark touch $RB µs: ratio $RATIO ($MET)"

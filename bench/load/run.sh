#!/usr/bin/env bash
# One-command HTTP load benchmark of the sessionstore server (issue #3, requirement 8).
#
#   bench/load/run.sh                      # writes docs/load-benchmark.md
#
# Starts a private redis-server (no persistence, 127.0.0.1, free port) and the server jar against it,
# creates $SESSIONS sessions over HTTP, then interleaves for $ROUNDS rounds:
#   store touch ($STORE_THREADS threads, RedisSessionStore.touch, same Redis, same sessions)
#   HTTP GET /v1/session   (wrk, $CONNS connections)
#   HTTP POST /v1/sessions (wrk, $CONNS connections)
# and writes medians (min-max) to $OUT. Every wrk answer is checked to be 2xx; a run with errors says so.
#
# Settings (environment): ROUNDS=5 DURATION=20 (s per measurement) WARMUP=10 (s) CONNS=64 WRK_THREADS=2
# STORE_THREADS=16 STORE_WARMUP=5 SESSIONS=1000 SERVER_DIR=server/target (sessionstore-server.jar + libs/;
# built with mvn when missing) JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 JAVA_OPTS="-Xms1g -Xmx1g -XX:+UseG1GC"
# CPU_APP=0 (server JVM / store driver JVM) CPU_LOAD=1 (Redis, wrk, session creation) OUT=docs/load-benchmark.md
# PROFILE=0: with PROFILE=1, after the measured rounds, one more GET and one more POST phase run with async-profiler
# attached to the server (jcmd JVMTI.agent_load; CPU samples), and their flame graphs (SVG, bench/load/flame.py), the
# collapsed stacks and the top frames go to PROFILE_DIR=docs/profile. The profiled phases are not in the figures.
# ASYNC_PROFILER=path to libasyncProfiler.so (default: from the Maven artifact tools.profiler:async-profiler:4.2).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
CONNS=${CONNS:-64}
WRK_THREADS=${WRK_THREADS:-2}
STORE_THREADS=${STORE_THREADS:-16}
STORE_WARMUP=${STORE_WARMUP:-5}
SESSIONS=${SESSIONS:-1000}
SERVER_DIR=${SERVER_DIR:-$ROOT/server/target}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC}
CPU_APP=${CPU_APP:-0}
CPU_LOAD=${CPU_LOAD:-1}
OUT=${OUT:-$ROOT/docs/load-benchmark.md}
PROFILE=${PROFILE:-0}
PROFILE_DIR=${PROFILE_DIR:-$ROOT/docs/profile}
JAVA=$JAVA_HOME/bin/java
COMMAND="$0${*:+ $*}"
require_whole_numbers ROUNDS DURATION WARMUP CONNS WRK_THREADS STORE_THREADS STORE_WARMUP SESSIONS
require_cpu_lists CPU_APP CPU_LOAD # taskset CPU lists
((ROUNDS >= 1 && ROUNDS <= 20 && DURATION >= 1 && DURATION <= 300 && SESSIONS >= 1 && SESSIONS <= 100000)) ||
  { echo "ROUNDS 1..20, DURATION 1..300, SESSIONS 1..100000" >&2; exit 2; }
require_tools wrk redis-server redis-cli taskset curl awk "$JAVA"


start_work load-run

busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; } # whole machine, all CPUs
now_ms() { date +%s%3N; }

# --- the jar -----------------------------------------------------------------------------------------
require_server_jar
LOAD_AVG_START=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Redis -------------------------------------------------------------------------------------------
start_redis "$CPU_LOAD" "$WORK/redis"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
log "redis-server pid $REDIS_PID on $REDIS_URL (no persistence, CPU $CPU_LOAD)"

# --- the server --------------------------------------------------------------------------------------
API_KEY="load-bench-key-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
start_service "$CPU_APP" "$REDIS_URL" "$API_KEY" "$WORK/server.log"
log "server pid $SERVER_PID on $BASE (CPU $CPU_APP)"

# --- sessions ----------------------------------------------------------------------------------------
DRIVER=(taskset -c "$CPU_LOAD" "$JAVA" -Dlogback.configurationFile="$HERE/logback.xml" -cp "$SERVER_DIR/libs/*"
  "$HERE/LoadDriver.java")
"${DRIVER[@]}" create "$BASE" "$API_KEY" "$SESSIONS" "$WORK/tokens" >"$WORK/create.log"
[[ $(wc -l <"$WORK/tokens") -eq $SESSIONS ]] || { echo "session creation failed" >&2; exit 1; }
log "created $SESSIONS sessions over HTTP"

export LOAD_TOKENS=$WORK/tokens LOAD_API_KEY=$API_KEY

# Runs wrk pinned to CPU_LOAD; prints its WRK_RESULT line plus the CPU share of server and Redis.
# $1 = lua script, $2 = seconds, $3 = log name
run_wrk() {
  local s0 r0 t0 b0 s1 r1 t1 b1
  s0=$(cpu_ticks "$SERVER_PID") r0=$(cpu_ticks "$REDIS_PID") t0=$(now_ms) b0=$(busy_ticks)
  taskset -c "$CPU_LOAD" /usr/bin/time -f 'WRK_CPU %U %S' wrk -t"$WRK_THREADS" -c"$CONNS" -d"$2s" --timeout 5s \
    --latency -s "$HERE/$1" "$BASE" >"$WORK/$3.log" 2>&1
  s1=$(cpu_ticks "$SERVER_PID") r1=$(cpu_ticks "$REDIS_PID") t1=$(now_ms) b1=$(busy_ticks)
  local line
  line=$(grep '^WRK_RESULT' "$WORK/$3.log") || { cat "$WORK/$3.log" >&2; return 1; }
  # other_cpu: the rest of the machine (other users' processes), % of one core
  awk -v s="$((s1 - s0))" -v r="$((r1 - r0))" -v b="$((b1 - b0))" -v ms="$((t1 - t0))" '/^WRK_CPU/ {
      w = ($2 + $3) * 100; o = b - s - r - w; if (o < 0) o = 0
      printf "server_cpu=%.0f redis_cpu=%.0f wrk_cpu=%.0f other_cpu=%.0f\n", s / ms * 1000, r / ms * 1000,
        w / ms * 1000, o / ms * 1000 }' \
    "$WORK/$3.log" | { read -r cpu; echo "$line $cpu $(per_request "$line $cpu")"; }
}
# CPU microseconds per request of the server and of Redis, from their shares of a core and the request rate.
per_request() {
  awk -v rps="$(field rps "$1")" -v s="$(field server_cpu "$1")" -v r="$(field redis_cpu "$1")" 'BEGIN {
    if (rps > 0) printf "server_us=%.1f redis_us=%.1f", s * 10000 / rps, r * 10000 / rps
    else printf "server_us=0 redis_us=0" }'
}
# Runs the store-level touch driver pinned to CPU_APP; prints its STORE_TOUCH line (with its own and Redis's
# CPU share over the measured window).
run_touch() {
  local line
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  taskset -c "$CPU_APP" "$JAVA" $JAVA_OPTS -Dlogback.configurationFile="$HERE/logback.xml" \
    -cp "$SERVER_DIR/libs/*" "$HERE/LoadDriver.java" \
    touch "$REDIS_URL" "$WORK/tokens" "$STORE_THREADS" "$STORE_WARMUP" "$DURATION" >"$WORK/touch-$1.log" 2>&1
  line=$(grep '^STORE_TOUCH' "$WORK/touch-$1.log") || { cat "$WORK/touch-$1.log" >&2; return 1; }
  echo "$line"
}

# --- warm-up (discarded) -----------------------------------------------------------------------------
log "warm-up: GET ${WARMUP}s, POST $((WARMUP / 2 + 1))s"
WARM_GET=$(LOAD_ROUND=w run_wrk get.lua "$WARMUP" warm-get)
WARM_POST=$(LOAD_ROUND=w run_wrk post.lua "$((WARMUP / 2 + 1))" warm-post)

# --- interleaved rounds ------------------------------------------------------------------------------
: >"$WORK/results"
for r in $(seq 1 "$ROUNDS"); do
  log "round $r/$ROUNDS: store touch (${STORE_THREADS} threads, ${STORE_WARMUP}s warm-up + ${DURATION}s)"
  line=$(run_touch "$r")
  echo "round=$r kind=touch $line" | tee -a "$WORK/results" >&2
  log "round $r/$ROUNDS: HTTP GET /v1/session (${CONNS} connections, ${DURATION}s)"
  line=$(LOAD_ROUND=$r run_wrk get.lua "$DURATION" "get-$r")
  echo "round=$r kind=get $line" | tee -a "$WORK/results" >&2
  log "round $r/$ROUNDS: HTTP POST /v1/sessions (${CONNS} connections, ${DURATION}s)"
  line=$(LOAD_ROUND=$r run_wrk post.lua "$DURATION" "post-$r")
  echo "round=$r kind=post $line" | tee -a "$WORK/results" >&2
done

# --- profile (optional, after the measured rounds) ---------------------------------------------------------
if [[ $PROFILE == 1 ]]; then
  AP=${ASYNC_PROFILER:-}
  if [[ -z $AP ]]; then
    JAR=$HOME/.m2/repository/tools/profiler/async-profiler/4.2/async-profiler-4.2.jar
    [[ -f $JAR ]] || (cd "$ROOT" && mvn -q dependency:get -Dartifact=tools.profiler:async-profiler:4.2)
    (cd "$WORK" && unzip -o -q "$JAR" linux-x64/libasyncProfiler.so)
    AP=$WORK/linux-x64/libasyncProfiler.so
  fi
  mkdir -p "$PROFILE_DIR"
  for kind in get post; do
    log "profile: HTTP $kind for ${DURATION}s with async-profiler attached (not counted)"
    # jcmd reads key=value as its own options: the agent's option string goes in quotes of its own
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JVMTI.agent_load "$AP" '"start,event=cpu,interval=1ms"' >"$WORK/ap-$kind.log"
    line=$(LOAD_ROUND=p run_wrk "$kind.lua" "$DURATION" "profile-$kind")
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JVMTI.agent_load "$AP" "\"dump,file=$WORK/$kind.collapsed,collapsed\"" \
      >>"$WORK/ap-$kind.log"
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JVMTI.agent_load "$AP" "\"stop,file=$WORK/$kind.html\"" \
      >>"$WORK/ap-$kind.log"
    [[ -s $WORK/$kind.collapsed ]] || { echo "async-profiler wrote no profile:" >&2; cat "$WORK/ap-$kind.log" >&2; exit 1; }
    python3 "$HERE/flame.py" "sessionstore service, HTTP $kind under wrk -c$CONNS ($(field rps "$line") req/s)" \
      <"$WORK/$kind.collapsed" >"$PROFILE_DIR/$kind.svg" 2>"$PROFILE_DIR/$kind-top.txt"
    echo "profiled phase: $line" >>"$PROFILE_DIR/$kind-top.txt"
    gzip -9 -c "$WORK/$kind.collapsed" >"$PROFILE_DIR/$kind.collapsed.gz" # to draw again: zcat | flame.py
    log "profile: $PROFILE_DIR/$kind.svg ($(wc -l <"$WORK/$kind.collapsed") stacks)"
  done
fi

# --- statistics --------------------------------------------------------------------------------------
# values KIND FIELD -> one number per round
values() { grep " kind=$1 " "$WORK/results" | while read -r l; do field "$2" "$l"; done; }
# median / min / max of numbers on stdin
stat() { sort -g | awk '{v[NR] = $1} END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  if ("'"$1"'" == "med") print m; else if ("'"$1"'" == "min") print v[1]; else print v[NR] }'; }
med() { values "$1" "$2" | stat med; }
range() { echo "$(values "$1" "$2" | stat min | fmt_n "$3")–$(values "$1" "$2" | stat max | fmt_n "$3")"; }
fmt_n() { awk -v d="$1" '{ if (d == "ms") printf "%.2f", $1 / 1000; else printf "%.0f", $1 }'; }

sum_field() { values "$1" "$2" | awk '{s += $1} END {print s + 0}'; }
HTTP_BAD=$(($(sum_field get non2xx) + $(sum_field post non2xx)))
SOCK_BAD=0
for k in get post; do for f in connect read write timeout; do SOCK_BAD=$((SOCK_BAD + $(sum_field $k $f))); done; done
WARM_BAD=$(for l in "$WARM_GET" "$WARM_POST"; do
  echo $(($(field non2xx "$l") + $(field connect "$l") + $(field read "$l") + $(field write "$l") + $(field timeout "$l")))
done | awk '{s += $1} END {print s + 0}')
STORE_BAD=$(($(sum_field touch misses) + $(sum_field touch errors)))

GET_RPS=$(med get rps)
TOUCH_OPS=$(med touch ops_per_s)
# The ratio is the median of the rounds' own ratios: each round's touch and GET phases run back to back, so the
# machine's speed swings between rounds (up to 1.6x on these shared VMs) cancel in a round and not across rounds.
RATIOS=$(paste <(values get rps) <(values touch ops_per_s) | awk '{printf "%s%.2f", (NR > 1 ? ", " : ""), $1 / $2}')
RATIO=$(paste <(values get rps) <(values touch ops_per_s) | awk '{print $1 / $2}' | stat med | awk '{printf "%.2f", $1}')
RATIO_OF_MEDIANS=$(awk -v g="$GET_RPS" -v t="$TOUCH_OPS" 'BEGIN {printf "%.2f", g / t}')
MET=$(awk -v r="$RATIO" 'BEGIN {print (r >= 0.5) ? "met" : "NOT met"}')
MET_12=$(awk -v r="$RATIO" 'BEGIN {print (r >= 0.9) ? "met" : "NOT met"}')
# issue 12, requirement 2: service CPU per request
verdict_us() { awk -v v="$(med "$1" server_us)" -v lim="$2" 'BEGIN {print (v <= lim) ? "met" : "NOT met"}'; }
GET_US_MET=$(verdict_us get 45)
POST_US_MET=$(verdict_us post 60)
if ((HTTP_BAD + SOCK_BAD + STORE_BAD + WARM_BAD == 0)); then
  VALID="every HTTP answer was 2xx (non-2xx: 0, socket errors: 0) and every store touch found its session"
else
  VALID="**THIS RUN HAD ERRORS**: non-2xx HTTP answers $HTTP_BAD, socket errors $SOCK_BAD (measured rounds),
$WARM_BAD in the warm-up, store touch misses/errors $STORE_BAD. The figures below are not valid measurements"
fi

# --- report ------------------------------------------------------------------------------------------
CPU_MODEL=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
RAM=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
JDK=$("$JAVA" -version 2>&1 | head -1)
REDIS_V=$(redis-server --version | sed 's/ sha=.*//')
WRK_V=$({ wrk -v 2>&1 || true; } | head -1 | sed 's/ Copyright.*//')
JAR_DATE=$(date -u -r "$SERVER_DIR/sessionstore-server.jar" '+%Y-%m-%d %H:%M UTC')
GIT_REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
row() { # label kind field unit
  echo "$(med "$2" "$3" | fmt_n "$4") ($(range "$2" "$3" "$4"))"
}
row1() { # kind field, one decimal
  local f='{printf "%.1f", $1}'
  echo "$(med "$1" "$2" | awk "$f") ($(values "$1" "$2" | stat min | awk "$f")–$(values "$1" "$2" | stat max | awk "$f"))"
}
per_round() {
  for r in $(seq 1 "$ROUNDS"); do
    local t g p
    t=$(grep "^round=$r kind=touch " "$WORK/results") g=$(grep "^round=$r kind=get " "$WORK/results")
    p=$(grep "^round=$r kind=post " "$WORK/results")
    printf '| %s | %.0f | %s%% | %.0f | %.2f | %.2f | %s / %s / %s / %s%% | %.0f | %.2f | %s |\n' "$r" \
      "$(field ops_per_s "$t")" "$(field driver_cpu "$t") / $(field redis_cpu "$t")" "$(field rps "$g")" \
      "$(awk -v v="$(field p50_us "$g")" 'BEGIN {print v / 1000}')" \
      "$(awk -v v="$(field p99_us "$g")" 'BEGIN {print v / 1000}')" \
      "$(field server_cpu "$g")" "$(field redis_cpu "$g")" "$(field wrk_cpu "$g")" "$(field other_cpu "$g")" \
      "$(field rps "$p")" "$(awk -v v="$(field p99_us "$p")" 'BEGIN {print v / 1000}')" \
      "$(($(field non2xx "$g") + $(field non2xx "$p")))"
  done
}
GET_SERVER_CPU=$(med get server_cpu | fmt_n 0)
GET_REDIS_CPU=$(med get redis_cpu | fmt_n 0)
GET_WRK_CPU=$(med get wrk_cpu | fmt_n 0)
TOUCH_REDIS_CPU=$(med touch redis_cpu | fmt_n 0)
TOUCH_DRIVER_CPU=$(med touch driver_cpu | fmt_n 0)
CPU_SENTENCE="CPU shares (medians, % of one core): during HTTP GET the server JVM used ${GET_SERVER_CPU}% of CPU $CPU_APP,
Redis ${GET_REDIS_CPU}% and wrk ${GET_WRK_CPU}% of CPU $CPU_LOAD; during the store touch the driver JVM used
${TOUCH_DRIVER_CPU}% of CPU $CPU_APP and Redis ${TOUCH_REDIS_CPU}% of CPU $CPU_LOAD. Other users' processes used
$(med get other_cpu | fmt_n 0)% of a core (median over the GET phases; $(range get other_cpu 0)%)."
if [[ $VALID == "**THIS RUN"* ]]; then
  READING="No conclusion: the run had errors (see Validity), so the ratio is not a valid measurement. $CPU_SENTENCE"
elif [[ $MET == met ]]; then
  READING="**Target met**: \`GET /v1/session\` at $CONNS connections serves $RATIO × (the median of the rounds' ratios) the store-level touch rate at
$STORE_THREADS threads (target ≥ 0.5). $CPU_SENTENCE"
else
  READING="**Target missed** ($RATIO < 0.5). $CPU_SENTENCE
Hypothesis: a server JVM near 100% of its core means each HTTP request costs the JVM more than twice the CPU of
a bare store touch (HTTP parsing, API-key check, JSON encoding of the session, per-route metrics, virtual-thread
scheduling on one carrier); CPU $CPU_LOAD near 100% would instead mean wrk and Redis together limit the
measurement, not the server."
fi

mkdir -p "$(dirname "$OUT")"
cat >"$OUT" <<MD
# HTTP load benchmark (issue #3, requirement 8)

Generated by \`bench/load/run.sh\` — do not edit by hand; run the script again instead.

- Command: \`$COMMAND\` (ROUNDS=$ROUNDS DURATION=${DURATION}s WARMUP=${WARMUP}s CONNS=$CONNS WRK_THREADS=$WRK_THREADS
  STORE_THREADS=$STORE_THREADS SESSIONS=$SESSIONS)
- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); tree at \`$GIT_REV\` (plus uncommitted work); server jar built $JAR_DATE
- Machine: **$(nproc) cores** ($CPU_MODEL), $RAM RAM, $(uname -sr); load average at start $LOAD_AVG_START
  (other engineers share this machine)
- JDK: $JDK, JVM options \`$JAVA_OPTS\` for both the server and the store driver
- Redis: $REDIS_V, private instance on 127.0.0.1, no persistence (\`--save '' --appendonly no\`)
- Load generator: $WRK_V, \`wrk -t$WRK_THREADS -c$CONNS -d${DURATION}s --latency\` with Lua scripts
  (\`bench/load/get.lua\`, \`post.lua\`) that set the headers, rotate through $SESSIONS session tokens and count non-2xx answers

## Results

Medians of $ROUNDS interleaved rounds (min–max in brackets). Validity: $VALID.

| measurement | value |
|---|---|
| HTTP \`GET /v1/session\`, $CONNS connections: requests/s | $(row x get rps 0) |
| HTTP \`GET /v1/session\`: p50 latency (ms) | $(row x get p50_us ms) |
| HTTP \`GET /v1/session\`: p99 latency (ms) | $(row x get p99_us ms) |
| HTTP \`POST /v1/sessions\`, $CONNS connections: requests/s | $(row x post rps 0) |
| HTTP \`POST /v1/sessions\`: p99 latency (ms) | $(row x post p99_us ms) |
| service CPU per \`GET /v1/session\` (µs, from /proc; issue 12's target ≤ 45: **$GET_US_MET**) | $(row1 get server_us) |
| service CPU per \`POST /v1/sessions\` (µs, from /proc; issue 12's target ≤ 60: **$POST_US_MET**) | $(row1 post server_us) |
| Redis CPU per \`GET /v1/session\` (µs, from /proc) | $(row1 get redis_us) |
| Redis CPU per \`POST /v1/sessions\` (µs, from /proc) | $(row1 post redis_us) |
| store-level \`RedisSessionStore.touch\`, $STORE_THREADS threads: ops/s | $(row x touch ops_per_s 0) |
| **ratio HTTP GET / store touch**, the median of the rounds' ratios (issue 3's target ≥ 0.5; issue 12's ≥ 0.9) | **$RATIO — ≥ 0.5 $MET, ≥ 0.9 $MET_12** (per round: $RATIOS; the ratio of the medians above: $RATIO_OF_MEDIANS) |

$READING

### Per round

Order within a round: store touch, HTTP GET, HTTP POST. CPU columns are % of one core over the phase
(server JVM / Redis / wrk / everything else on the machine for the GET phase; store driver JVM / Redis for the
touch phase's measured window).

| round | touch ops/s | CPU driver / Redis | GET rps | GET p50 ms | GET p99 ms | CPU server / Redis / wrk / others | POST rps | POST p99 ms | non-2xx |
|---|---|---|---|---|---|---|---|---|---|
$(per_round)

## Method

- **Pinning (2 cores).** The JVM that calls the store — the server for HTTP, the store driver for the touch
  reference — runs alone on CPU $CPU_APP (\`taskset -c $CPU_APP\`; it therefore sees 1 processor: one virtual-thread
  carrier, one core for GC and JIT). Redis, wrk and the session-creating client run on CPU $CPU_LOAD. Both measurements
  thus give the Java side the same single core and Redis the same other core; the HTTP run additionally
  shares Redis's core with wrk, which the touch run does not need (its load is generated inside the measured JVM).
- **Sessions.** $SESSIONS sessions are created with \`POST /v1/sessions\` (distinct userIds, three attributes);
  their tokens are the ones wrk sends in \`Session-Token\` and the ones the store driver touches.
- **Store touch.** \`bench/load/LoadDriver.java\` (a single-file program run with \`java -cp server/target/libs/*\`)
  builds \`RedisSessionStore\` exactly as the server does (key prefix \`ss\`, \`SessionPolicy.defaults()\`, 500 ms
  command timeout) and calls \`touch\` from $STORE_THREADS platform threads for ${STORE_WARMUP}s (discarded) then
  ${DURATION}s; a touch that finds no session or throws counts as an error.
- **HTTP.** The server runs \`--redis-url redis://127.0.0.1:<port> --api-key <fixed> --durability none\` (the same
  store code, wrapped in its Micrometer metrics), warmed up with ${WARMUP}s of GET and $((WARMUP / 2 + 1))s of POST
  before the rounds. Each POST body has its own userId, so no per-user cap evicts anything.
  POST rounds add sessions to the same Redis (rps × duration each); the GET sessions are untouched by them.
- Latencies are wrk's (coordinated omission not corrected; wrk is closed-loop).
MD
log "wrote $OUT"
echo "GET rps $(med get rps | fmt_n 0) p99 $(med get p99_us | fmt_n ms) ms | POST rps $(med post rps | fmt_n 0) p99 $(med post p99_us | fmt_n ms) ms | touch ops/s $(med touch ops_per_s | fmt_n 0) | ratio $RATIO | service CPU µs GET $(med get server_us) ($GET_US_MET) POST $(med post server_us) ($POST_US_MET)"

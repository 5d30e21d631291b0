#!/usr/bin/env bash
# One-command side-by-side benchmark of a Spring Boot app's session layer (issue 10, requirement 5).
#
#   bench/load/spring-app.sh               # writes docs/spring-benchmark.md
#
# The app is bench-spring (Spring Boot 4.0.7, Spring Security form login, one authenticated page GET /page that
# reads a session attribute), run with each of these session layers (bench.layer):
#   sessionstore            Spring Session over sessionstore's SessionStoreRepository and the starter's Redis store
#   spring-session          Spring Session Data Redis, default repository (RedisSessionRepository)
#   spring-session-indexed  Spring Session Data Redis, indexed repository (RedisIndexedSessionRepository)
#   spring-session-map      Spring Session's in-memory MapSessionRepository (CEILING=1, the default): no Redis, no
#                           serialization, so the app at the cost of a session layer that costs next to nothing; it
#                           bounds what any session layer can gain over another in this app, and app CPU per request
#                           above it is what each layer itself costs
# For each of $ROUNDS rounds, interleaved (the layers' order rotates by one each round), each layer gets a fresh
# private redis-server (no persistence, 127.0.0.1, free port) and a fresh app JVM; $SESSIONS users log in (one
# session each, curl form login), wrk warms up for $WARMUP s, then measures $DURATION s of GET /page with one session
# cookie per request (rotating). Recorded per run: requests/s, p50/p99, Redis commands executed per request (INFO
# commandstats, commands inside Lua scripts included) and Redis CPU per request (INFO cpu), the app's CPU per request
# (/proc/<pid>/stat), commands the app sends per request (MONITOR over $PROBE sequential requests, commands run inside
# scripts excluded), bytes per session in Redis (MEMORY USAGE of every key after the logins / sessions). Medians
# (min-max) go to $OUT. Every wrk answer is checked to be 2xx; a run with errors says so.
#
# Settings (environment): ROUNDS=3 DURATION=20 (s per measurement) WARMUP=20 (s) CONNS=64 WRK_THREADS=2
# SESSIONS=500 PROBE=50 CEILING=1 (0 leaves out the in-memory layer) MUX=0 (1 adds a layer (a0): (a) with the
# starter's sessionstore.direct-connections=0, every store call on the one multiplexed connection)
# JAR=bench-spring/target/sessionstore-bench-spring-*-exec.jar (built with mvn when missing)
# JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 JAVA_OPTS="-Xms1g -Xmx1g -XX:+UseG1GC"
# CPU_APP=0 (the app JVM) CPU_LOAD=1 (Redis, wrk, curl) OUT=docs/spring-benchmark.md
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
CONNS=${CONNS:-64}
WRK_THREADS=${WRK_THREADS:-2}
SESSIONS=${SESSIONS:-500}
PROBE=${PROBE:-50}
CEILING=${CEILING:-1}
MUX=${MUX:-0}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC}
CPU_APP=${CPU_APP:-0}
CPU_LOAD=${CPU_LOAD:-1}
OUT=${OUT:-$ROOT/docs/spring-benchmark.md}
JAVA=$JAVA_HOME/bin/java
SETTLE=2 # s after each wrk run, for the requests still in flight
LAYERS=(sessionstore spring-session spring-session-indexed)
declare -A LABEL=([sessionstore]="(a) sessionstore" [spring-session]="(b) spring-session"
  [spring-session-indexed]="(c) spring-session-indexed" [spring-session-map]="(d) spring-session-map: the ceiling"
  [sessionstore-mux]="(a0) sessionstore, direct connections off")
COMMAND="$0${*:+ $*}"
require_whole_numbers ROUNDS DURATION WARMUP CONNS WRK_THREADS SESSIONS PROBE CEILING MUX
((CEILING <= 1 && MUX <= 1)) || { echo "CEILING and MUX are 0 or 1, got $CEILING and $MUX" >&2; exit 2; }
((CEILING == 0)) || LAYERS+=(spring-session-map)
((MUX == 0)) || LAYERS+=(sessionstore-mux)
require_cpu_lists CPU_APP CPU_LOAD # taskset CPU lists
((ROUNDS >= 1 && ROUNDS <= 20 && DURATION >= 1 && DURATION <= 300 && SESSIONS >= 1 && SESSIONS <= 100000 &&
  PROBE >= 1 && PROBE <= 1000)) ||
  { echo "ROUNDS 1..20, DURATION 1..300, SESSIONS 1..100000, PROBE 1..1000" >&2; exit 2; }
require_tools wrk redis-server redis-cli taskset curl awk "$JAVA"


WORK=$(mktemp -d /tmp/ss-spring-run.XXXXXX)
chmod 700 "$WORK"
REDIS_PID="" APP_PID="" MONITOR_PID=""
# both stop gracefully on TERM; their exit status (143) is not an error here
stop_app() {
  if [[ -n $APP_PID ]]; then kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; fi
  APP_PID=""
}
stop_redis() {
  if [[ -n $REDIS_PID ]]; then kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true; fi
  REDIS_PID=""
}
cleanup() {
  local rc=$?
  set +e
  [[ -n $MONITOR_PID ]] && kill "$MONITOR_PID" 2>/dev/null
  stop_app
  stop_redis
  if ((rc != 0)); then
    echo "failed (exit $rc); last app log lines:" >&2
    tail -n 20 "$WORK/app.log" 2>/dev/null >&2 || true
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CLK_TCK=$(getconf CLK_TCK)
rcli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }
# INFO commandstats: calls of every command, the INFO calls of this script excluded
redis_calls() { rcli info commandstats | awk -F'[=,:]' '/^cmdstat_/ && $1 != "cmdstat_info" {s += $3} END {print s + 0}'; }
redis_cpu() { rcli info cpu | awk -F: '/^used_cpu_(sys|user):/ {s += $2} END {printf "%.6f", s}'; }
redis_used_memory() { rcli info memory | awk -F: '/^used_memory:/ {print $2 + 0}'; }
field() { sed -n "s/\(^\|.*[[:space:]]\)$1=\([^[:space:]]*\).*/\2/p" <<<"$2"; }

# --- the jar -----------------------------------------------------------------------------------------
JAR=${JAR:-$(ls "$ROOT"/bench-spring/target/sessionstore-bench-spring-*-exec.jar 2>/dev/null | head -1 || true)}
if [[ -z $JAR || ! -f $JAR ]]; then
  log "building the bench-spring jar"
  (cd "$ROOT" && JAVA_HOME=$JAVA_HOME PATH=$JAVA_HOME/bin:$PATH \
    mvn -B -q -pl bench-spring -am package -DskipTests -Dspotless.check.skip)
  JAR=$(ls "$ROOT"/bench-spring/target/sessionstore-bench-spring-*-exec.jar | head -1)
fi
[[ -f $JAR ]] || { echo "no bench-spring jar: $JAR" >&2; exit 2; }
LOAD_AVG_START=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the app -----------------------------------------------------------------------------------------
# Starts the bench app with the layer $1 against the Redis on $REDIS_PORT; sets APP_PID and APP_BASE once GET /login
# answers. An app that exits before it answers (its port taken between the check and the bind, say) or that does not
# answer within 90 s is logged with its last log lines (and, when still running, a thread dump of where it waits) and
# started again on a new port, three times in all.
start_app() {
  local layer=$1 port attempt args=(--bench.layer="$1")
  [[ $layer != sessionstore-mux ]] || args=(--bench.layer=sessionstore --sessionstore.direct-connections=0)
  for attempt in 1 2 3; do
    port=$(free_port)
    APP_BASE="http://127.0.0.1:$port"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    taskset -c "$CPU_APP" "$JAVA" $JAVA_OPTS -jar "$JAR" "${args[@]}" --bench.port="$port" \
      --bench.redis-url="redis://127.0.0.1:$REDIS_PORT" --bench.users="$SESSIONS" >"$WORK/app.log" 2>&1 &
    APP_PID=$!
    if await 90 bash -c "curl -fsS '$APP_BASE/login' || ! kill -0 $APP_PID" && kill -0 "$APP_PID" 2>/dev/null; then
      return 0
    fi
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "$layer: the app (pid $APP_PID, port $port) did not answer GET /login within 90 s (attempt $attempt)"
      "$JAVA_HOME/bin/jcmd" "$APP_PID" Thread.print >"$WORK/app-threads.txt" 2>&1 || true
      log "its main thread: $(grep -A8 '^"main"' "$WORK/app-threads.txt" | tr -s ' \n' ' ' | cut -c1-600)"
    else
      log "$layer: the app (port $port) exited before it answered (attempt $attempt)"
    fi
    log "its last log lines: $(tail -n 5 "$WORK/app.log" | tr '\n' ' ' | cut -c1-600)"
    stop_app
  done
  echo "the $layer app did not start" >&2
  return 1
}

# --- one measured run of one layer -------------------------------------------------------------------
# $1 = layer, $2 = round; prints one result line
run_layer() {
  local layer=$1 r=$2 base i code cookie
  start_redis "$CPU_LOAD" "$WORK/redis" || return 1

  start_app "$layer" || return 1
  base=$APP_BASE
  log "round $r, $layer: app pid $APP_PID on $base (CPU $CPU_APP), redis-server pid $REDIS_PID on port $REDIS_PORT (CPU $CPU_LOAD)"

  # logins: one session per user; the cookie the app sets is the one wrk sends
  local mem0 mem1
  mem0=$(redis_used_memory)
  : >"$WORK/cookies"
  for i in $(seq 1 "$SESSIONS"); do
    code=$(taskset -c "$CPU_LOAD" curl -sS -o /dev/null -D "$WORK/login-headers" -w '%{http_code}' \
      --data-urlencode "username=bench-$i" --data-urlencode "password=bench-pass" "$base/login")
    [[ $code == 204 ]] || { echo "login of bench-$i answered $code" >&2; return 1; }
    cookie=$(tr -d '\r' <"$WORK/login-headers" | sed -n 's/^[Ss]et-[Cc]ookie: \(SESSION=[^;]*\).*/\1/p' | tail -1)
    [[ -n $cookie ]] || { echo "login of bench-$i set no SESSION cookie" >&2; return 1; }
    echo "$cookie" >>"$WORK/cookies"
  done
  code=$(curl -sS -o "$WORK/page" -w '%{http_code}' -H "Cookie: $(head -1 "$WORK/cookies")" "$base/page")
  [[ $code == 200 ]] && grep -q 'Hello bench-1' "$WORK/page" || { echo "GET /page answered $code" >&2; return 1; }
  mem1=$(redis_used_memory)
  # bytes per session: MEMORY USAGE (exact, SAMPLES 0) of every key in Redis, summed, over the sessions
  local keys key_bytes
  rcli --scan >"$WORK/keys"
  keys=$(wc -l <"$WORK/keys")
  key_bytes=$(awk '{printf "MEMORY USAGE \"%s\" SAMPLES 0\n", $0}' "$WORK/keys" | rcli | awk '{s += $1} END {print s + 0}')
  log "round $r, $layer: $SESSIONS logins, $keys keys, $key_bytes bytes (MEMORY USAGE), used_memory +$((mem1 - mem0))"

  export SPRING_COOKIES=$WORK/cookies
  taskset -c "$CPU_LOAD" wrk -t"$WRK_THREADS" -c"$CONNS" -d"${WARMUP}s" --timeout 5s --latency \
    -s "$HERE/spring.lua" "$base" >"$WORK/warm.log" 2>&1
  local warm
  warm=$(grep '^WRK_RESULT' "$WORK/warm.log") || { cat "$WORK/warm.log" >&2; return 1; }

  # the app still serves the requests in flight when wrk stops: let it finish them before each snapshot
  local a0 a1 c0 c1 u0 u1 line
  sleep "$SETTLE"
  a0=$(cpu_ticks "$APP_PID") c0=$(redis_calls) u0=$(redis_cpu)
  taskset -c "$CPU_LOAD" wrk -t"$WRK_THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 5s --latency \
    -s "$HERE/spring.lua" "$base" >"$WORK/wrk.log" 2>&1
  sleep "$SETTLE"
  a1=$(cpu_ticks "$APP_PID") c1=$(redis_calls) u1=$(redis_cpu)
  line=$(grep '^WRK_RESULT' "$WORK/wrk.log") || { cat "$WORK/wrk.log" >&2; return 1; }
  # how many connections the app holds (direct connections are opened under load and kept)
  log "round $r, $layer: the app's Redis connections after the run: $(rcli client list | grep -vc 'cmd=client')"

  # commands the app sends per request: MONITOR while $PROBE requests run one after the other; a command run
  # inside a Lua script shows as "[<db> lua]" and is not one the app sent
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" monitor >"$WORK/monitor" &
  MONITOR_PID=$!
  sleep 0.5
  for i in $(seq 1 "$PROBE"); do
    curl -fsS -o /dev/null -H "Cookie: $(sed -n "$((i % SESSIONS + 1))p" "$WORK/cookies")" "$base/page"
  done
  sleep 0.5
  kill "$MONITOR_PID" 2>/dev/null; wait "$MONITOR_PID" 2>/dev/null || true
  MONITOR_PID=""
  local sent inner
  sent=$(grep -c '^[0-9.]* \[[0-9]* [0-9.]*:[0-9]*\]' "$WORK/monitor" || true)
  inner=$(grep -c '^[0-9.]* \[[0-9]* lua\]' "$WORK/monitor" || true)
  cp "$WORK/monitor" "$WORK/monitor-$layer-$r"

  stop_app
  stop_redis
  local requests warm_non2xx warm_sock app_errors
  requests=$(field requests "$line")
  warm_non2xx=$(field non2xx "$warm")
  warm_sock=$(($(field connect "$warm") + $(field read "$warm") + $(field write "$warm") + $(field timeout "$warm")))
  app_errors=$(grep -c ' ERROR ' "$WORK/app.log" || true)
  if ((app_errors > 0)); then
    log "round $r, $layer: the app logged $app_errors errors; the first:"
    grep -m 3 -A 2 ' ERROR ' "$WORK/app.log" >&2 || true
  fi
  awk -v req="$requests" -v a="$((a1 - a0))" -v hz="$CLK_TCK" -v c="$((c1 - c0))" -v u0="$u0" -v u1="$u1" \
    -v sent="$sent" -v inner="$inner" -v probe="$PROBE" -v kb="$key_bytes" -v keys="$keys" -v n="$SESSIONS" \
    -v md="$((mem1 - mem0))" -v wn="$warm_non2xx" -v ws="$warm_sock" -v ae="$app_errors" 'BEGIN {
      printf "app_cpu_us=%.1f redis_cmds=%.2f redis_cpu_us=%.2f sent_per_req=%.2f inner_per_req=%.2f", \
        a * 1e6 / hz / req, c / req, (u1 - u0) * 1e6 / req, sent / probe, inner / probe
      printf " bytes_per_session=%.0f keys_per_session=%.2f used_memory_per_session=%.0f", kb / n, keys / n, md / n
      printf " warm_non2xx=%d warm_sock=%d app_errors=%d\n", wn, ws, ae }' | { read -r extra; echo "round=$r layer=$layer $line $extra"; }
}

# --- interleaved rounds ------------------------------------------------------------------------------
: >"$WORK/results"
for r in $(seq 1 "$ROUNDS"); do
  for k in "${!LAYERS[@]}"; do
    layer=${LAYERS[$(((r - 1 + k) % ${#LAYERS[@]}))]}
    run_layer "$layer" "$r" >>"$WORK/results" # not in a subshell: the cleanup trap sees its pids
    tail -n 1 "$WORK/results" >&2
  done
done

# --- statistics --------------------------------------------------------------------------------------
values() { grep " layer=$1 " "$WORK/results" | while read -r l; do field "$2" "$l"; done; }
# median / min / max of numbers on stdin
stat() { sort -g | awk -v what="$1" '{v[NR] = $1} END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  if (what == "med") print m; else if (what == "min") print v[1]; else print v[NR] }'; }
med() { values "$1" "$2" | stat med; }
# $1 = number, $2 = format: 0 (integer), 1, 2 (decimals) or ms (microseconds to ms)
fmt_n() { awk -v d="$1" '{ if (d == "ms") printf "%.2f", $1 / 1000; else printf "%." d "f", $1 }'; }
cell() { # layer field format -> "median (min–max)"
  echo "$(med "$1" "$2" | fmt_n "$3") ($(values "$1" "$2" | stat min | fmt_n "$3")–$(values "$1" "$2" | stat max | fmt_n "$3"))"
}
row() { # label field format
  local line="| $1 |" layer
  for layer in "${LAYERS[@]}"; do line+=" $(cell "$layer" "$2" "$3") |"; done
  echo "$line"
}
header() { # the results table's first two lines
  local line="| measurement |" rule="|---|" layer
  for layer in "${LAYERS[@]}"; do line+=" ${LABEL[$layer]} |" rule+="---|"; done
  printf '%s\n%s\n' "$line" "$rule"
}
ratio() { awk -v a="$(med "$1" "$3")" -v b="$(med "$2" "$3")" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }

# sums of result fields matching a regular expression
sum_fields() { awk -v re="^($1)=" '{for (i = 1; i <= NF; i++) if ($i ~ re) {split($i, kv, "="); s += kv[2]}}
  END {print s + 0}' "$WORK/results"; }
BAD=$(sum_fields 'non2xx|connect|read|write|timeout')
WARM_NON2XX=$(sum_fields warm_non2xx) WARM_SOCK=$(sum_fields warm_sock) APP_ERRORS=$(sum_fields app_errors)
if ((BAD == 0)); then
  VALID="every answer of the measured runs was 2xx (non-2xx: 0, socket errors: 0)"
else
  VALID="**THIS RUN HAD ERRORS**: $BAD non-2xx answers or socket errors in the measured runs. The figures below are
not valid measurements"
fi
VALID="$VALID; in the discarded warm-ups $WARM_NON2XX non-2xx answers and $WARM_SOCK socket errors; $APP_ERRORS errors
in the app logs"
RPS_AB=$(ratio sessionstore spring-session rps)
RPS_AC=$(ratio sessionstore spring-session-indexed rps)
BYTES_AB=$(ratio sessionstore spring-session bytes_per_session)
SENT_A=$(med sessionstore sent_per_req | fmt_n 2)
# the ceiling: what the in-memory layer gives over (b) and (c), and each layer's app CPU per request above it
CEILING_ROWS=""
if ((CEILING)); then
  CEIL_B=$(ratio spring-session-map spring-session rps)
  CEIL_C=$(ratio spring-session-map spring-session-indexed rps)
  above() { awk -v a="$(med "$1" app_cpu_us)" -v m="$(med spring-session-map app_cpu_us)" 'BEGIN {printf "%.0f", a - m}'; }
  CEILING_ROWS="| (d) the ceiling: in-memory layer over (b), requests/s | $CEIL_B × | the most any session layer could give this app over (b) on this machine; the 1.3× target $(awk -v c="$CEIL_B" 'BEGIN {print (c >= 1.3) ? "is within it" : "is beyond it"}') |
| (d) the ceiling over (c), requests/s | $CEIL_C × | the 2× target $(awk -v c="$CEIL_C" 'BEGIN {print (c >= 2) ? "is within it" : "is beyond it"}') |
| app CPU per request above the ceiling (µs): what each layer itself costs the app | (a) $(above sessionstore), (b) $(above spring-session), (c) $(above spring-session-indexed) | medians' differences |"
fi
# MUX: (a) with direct connections off against (a) as shipped, by the medians and round by round
MUX_ROWS=""
if ((MUX)); then
  at() { field "$3" "$(grep "^round=$1 layer=$2 " "$WORK/results")"; } # round layer field
  per_round_ratio() { for r in $(seq 1 "$ROUNDS"); do
    awk -v a="$(at "$r" "$1" "$3")" -v b="$(at "$r" "$2" "$3")" 'BEGIN {printf "%.2f ", (b > 0) ? a / b : 0}'; done; }
  mux_row() { # label field
    echo "| $1 | $(ratio sessionstore-mux sessionstore "$2") × | per round: $(per_round_ratio sessionstore-mux sessionstore "$2")|"
  }
  MUX_ROWS="$(mux_row "(a0) direct connections off over (a), requests/s" rps)
$(mux_row "(a0) over (a), app CPU per request" app_cpu_us)"
fi
verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN {ok = (dir == "ge") ? v >= t : v <= t; print ok ? "met" : "**not met**"}'; }

CPU_MODEL=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
RAM=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
JDK=$("$JAVA" -version 2>&1 | head -1)
REDIS_V=$(redis-server --version | sed 's/ sha=.*//')
WRK_V=$({ wrk -v 2>&1 || true; } | head -1 | sed 's/ Copyright.*//')
JAR_DATE=$(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')
GIT_REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
per_round() {
  while read -r l; do
    printf '| %s | %s | %.0f | %.2f | %.2f | %s | %s | %s | %s | %s |\n' "$(field round "$l")" "$(field layer "$l")" \
      "$(field rps "$l")" "$(awk -v v="$(field p50_us "$l")" 'BEGIN {print v / 1000}')" \
      "$(awk -v v="$(field p99_us "$l")" 'BEGIN {print v / 1000}')" "$(field app_cpu_us "$l")" \
      "$(field redis_cmds "$l")" "$(field sent_per_req "$l")" "$(field bytes_per_session "$l")" \
      "$(field non2xx "$l") / $(field warm_non2xx "$l") / $(field warm_sock "$l")"
  done <"$WORK/results"
}

mkdir -p "$(dirname "$OUT")"
cat >"$OUT" <<MD
# Spring Boot app: sessionstore vs Spring Session Data Redis (issue 10, requirement 5)

Generated by \`bench/load/spring-app.sh\` — do not edit by hand; run the script again instead.

- Command: \`$COMMAND\` (ROUNDS=$ROUNDS DURATION=${DURATION}s WARMUP=${WARMUP}s CONNS=$CONNS WRK_THREADS=$WRK_THREADS
  SESSIONS=$SESSIONS PROBE=$PROBE)
- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); tree at \`$GIT_REV\` (plus uncommitted work); app jar built $JAR_DATE
- Machine: **$(nproc) cores** ($CPU_MODEL), $RAM RAM, $(uname -sr); load average at start $LOAD_AVG_START
  (other engineers share this machine)
- JDK: $JDK, JVM options \`$JAVA_OPTS\`
- Redis: $REDIS_V, a private instance per run on 127.0.0.1, no persistence (\`--save '' --appendonly no\`)
- Load generator: $WRK_V, \`wrk -t$WRK_THREADS -c$CONNS -d${DURATION}s --latency -s bench/load/spring.lua\`, a
  session cookie per request rotating through the $SESSIONS logged-in sessions; non-2xx answers counted
- App: \`bench-spring\` (Spring Boot 4.0.7, Spring Security form login, \`GET /page\` reads one session attribute;
  Lettuce at the project's version for all three layers), one layer per run (\`--bench.layer=\`):
  (a) \`sessionstore\`: Spring Session's filter over \`SessionStoreRepository\` and the starter's \`RedisSessionStore\`;
  (b) \`spring-session\`: \`@EnableRedisHttpSession\` (\`RedisSessionRepository\`, JDK serialization);
  (c) \`spring-session-indexed\`: \`@EnableRedisIndexedHttpSession\` (\`RedisIndexedSessionRepository\`, JDK serialization)$(
  ((CEILING)) && printf '%s' ";
  (d) \`spring-session-map\`: \`@EnableSpringHttpSession\` over Spring Session's in-memory \`MapSessionRepository\` (no Redis,
  no serialization; not deployable): the app with a session layer that costs next to nothing, the ceiling")

## Results

Medians of $ROUNDS interleaved rounds (min–max in brackets). Validity: $VALID.

$(header)
$(row "requests/s, $CONNS connections" rps 0)
$(row "p50 latency (ms)" p50_us ms)
$(row "p99 latency (ms)" p99_us ms)
$(row "app CPU per request (µs)" app_cpu_us 0)
$(row "Redis commands executed per request (INFO commandstats, inside Lua scripts included)" redis_cmds 2)
$(row "commands the app sends per request (MONITOR, $PROBE sequential requests)" sent_per_req 2)
$(row "Redis CPU per request (µs)" redis_cpu_us 1)
$(row "bytes per session in Redis (MEMORY USAGE of all keys / sessions)" bytes_per_session 0)
$(row "keys per session" keys_per_session 2)
$(row "used_memory growth per session (bytes)" used_memory_per_session 0)

| target (issue 10) | measured | verdict |
|---|---|---|
| (a) ≥ 1.3 × (b) requests/s | $RPS_AB × | $(verdict "$RPS_AB" 1.3 ge) |
| (a) ≥ 2 × (c) requests/s | $RPS_AC × | $(verdict "$RPS_AC" 2 ge) |
| (a) 1 Redis round trip per request | $SENT_A commands sent per request | $(verdict "$SENT_A" 1 le) |
| (a) bytes per session ≤ 0.5 × (b) | $BYTES_AB × | $(verdict "$BYTES_AB" 0.5 le) |
$(printf '%s\n' "$CEILING_ROWS" "$MUX_ROWS" | sed '/^$/d')

### Per round

| round | layer | rps | p50 ms | p99 ms | app CPU µs/req | Redis cmds/req | sent/req | bytes/session | non-2xx / warm-up non-2xx / warm-up socket errors |
|---|---|---|---|---|---|---|---|---|---|
$(per_round)

## Method

- **Pinning (2 cores).** The app JVM runs alone on CPU $CPU_APP (\`taskset -c $CPU_APP\`; it sees 1 processor). Redis,
  wrk and curl run on CPU $CPU_LOAD. As in \`bench/load/run.sh\`.
- **Fresh per run.** Each layer of each round gets a new redis-server and a new app JVM, so no layer inherits another's
  keys, JIT or heap. The order of the layers rotates by one each round.
- **Sessions.** Users \`bench-1\` to \`bench-$SESSIONS\` log in once each (\`POST /login\`, CSRF off, BCrypt cost 4);
  the success handler sets one attribute (\`greeting\`) besides Spring Security's context. One session per user: the
  sessionstore default caps a user at 50 live sessions, and the indexed repository keeps one index per user.
- **Bytes per session** are measured right after the logins: \`MEMORY USAGE <key> SAMPLES 0\` of every key, summed,
  divided by the sessions (index and expiry keys included); \`used_memory\` growth is shown for comparison.
- **Per-request counts and CPU** are deltas over the measured ${DURATION}s divided by wrk's request count: Redis
  \`INFO commandstats\` calls (a command that a Lua script runs counts too), \`INFO cpu\` used_cpu_sys + used_cpu_user,
  the app's utime + stime from \`/proc/<pid>/stat\`; each snapshot is taken ${SETTLE}s after the preceding wrk run
  ended, so that the requests still in flight then are finished (at most $CONNS of them, counted in the deltas but not
  by wrk). Commands the app *sends* are counted apart with \`MONITOR\` over
  $PROBE sequential requests after the measurement (lines from a client, not from \`lua\`); without pipelining each is
  one round trip.
- Latencies are wrk's (coordinated omission not corrected; wrk is closed-loop).
MD
log "wrote $OUT"
echo "requests/s (a) $(med sessionstore rps | fmt_n 0) (b) $(med spring-session rps | fmt_n 0) (c) $(med spring-session-indexed rps | fmt_n 0)$(
  ((CEILING)) && echo " (d) $(med spring-session-map rps | fmt_n 0)") | a/b $RPS_AB a/c $RPS_AC$(
  ((CEILING)) && echo " d/b $CEIL_B d/c $CEIL_C") | sent/req (a) $SENT_A | bytes a/b $BYTES_AB"

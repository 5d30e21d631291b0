# Shell helpers shared by the load benchmarks (run.sh, spring-app.sh, latency.sh, script-cost.sh); sourced, not run.

# Fails (exit 2) unless each named variable holds a whole number.
require_whole_numbers() {
  local v
  for v in "$@"; do
    [[ ${!v} =~ ^[0-9]+$ ]] || { echo "$v must be a whole number, got '${!v}'" >&2; exit 2; }
  done
}
# Fails (exit 2) unless each named variable holds a taskset CPU list, e.g. 0 or 0-1 or 2,3.
require_cpu_lists() {
  local v
  for v in "$@"; do
    [[ ${!v} =~ ^[0-9][0-9,-]*$ ]] || { echo "$v must be a CPU list like 0 or 2,3, got '${!v}'" >&2; exit 2; }
  done
}
# Fails (exit 2) naming the first program that is not on the PATH.
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (wrk: apt-get install -y wrk)" >&2; exit 2; }
  done
}
# Makes the private work directory $WORK (named after $1, removed on exit) and traps the exit: stops $SERVER_PID and
# $REDIS_PID when set (the server stops gracefully on TERM: in-flight requests finish, then the store closes) and, on
# a failure, shows the last lines of $WORK/server.log.
start_work() {
  WORK=$(mktemp -d "/tmp/ss-$1.XXXXXX")
  chmod 700 "$WORK"
  REDIS_PID="" SERVER_PID=""
  trap stop_work EXIT
  trap 'exit 130' INT TERM
}
stop_work() {
  local rc=$?
  set +e
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n $REDIS_PID ]] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  if ((rc != 0)) && [[ -f $WORK/server.log ]]; then
    echo "failed (exit $rc); last server log lines:" >&2
    tail -n 20 "$WORK/server.log" >&2
  fi
  rm -rf "$WORK"
  exit "$rc"
}
# The value of the key=value field named $1 in the line $2.
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<" $2"; }
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# A free loopback port, refused by a connect attempt (bounded tries): random below the kernel's ephemeral range
# (net.ipv4.ip_local_port_range, from which client sockets take their ports, so a port chosen there may be taken by a
# connection before the server binds it), in 10000 up to that range's start (32768 on Linux by default).
free_port() {
  local port i low=10000 high
  high=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  ((high > low + 1000)) || high=$((low + 20000)) # a range starting very low: take 10000-29999 and rely on the retries
  for i in $(seq 1 50); do
    port=$((low + RANDOM % (high - low)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}
# Polls a command until it succeeds, at most $1 seconds.
await() {
  local limit=$1; shift
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { echo "timed out after ${limit}s: $*" >&2; return 1; }
    sleep 0.2
  done
}
# CPU ticks (user + system) a process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# Starts a private redis-server (127.0.0.1, a free port, no persistence) pinned to the CPU list $1, with its
# files in the directory $2; sets REDIS_PID and REDIS_PORT. Another process may take the port between the check
# and the bind: then it tries a new port, three times in all.
start_redis() {
  local cpus=$1 dir=$2 attempt
  for attempt in 1 2 3; do
    REDIS_PORT=$(free_port)
    rm -rf "$dir" && mkdir -p "$dir"
    taskset -c "$cpus" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
      --dir "$dir" --protected-mode yes --daemonize no --logfile "$dir/redis.log" &
    REDIS_PID=$!
    if await 10 bash -c "[[ \$(redis-cli -h 127.0.0.1 -p $REDIS_PORT ping) == PONG ]]"; then
      return 0
    fi
    log "redis-server did not answer on port $REDIS_PORT (attempt $attempt): $(tail -2 "$dir/redis.log" 2>/dev/null)"
    kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=""
  done
  echo "redis-server did not start" >&2
  return 1
}
# Starts the sessionstore server jar ($SERVER_DIR/sessionstore-server.jar) pinned to the CPU list $1 against the
# Redis at $2, with the API key $3, its log in $4; JVM options: $JAVA_OPTS then $5 (optional). Sets SERVER_PID and
# BASE once /health/ready answers. Another process may take the port between the check and the bind: then it
# tries a new port, three times in all.
start_service() {
  local cpus=$1 redis_url=$2 key=$3 logfile=$4 extra=${5:-} port attempt
  for attempt in 1 2 3; do
    port=$(free_port)
    BASE="http://127.0.0.1:$port"
    # shellcheck disable=SC2086 # JAVA_OPTS and the extra options are lists of options
    taskset -c "$cpus" "$JAVA" $JAVA_OPTS $extra -jar "$SERVER_DIR/sessionstore-server.jar" \
      --host 127.0.0.1 --port "$port" --redis-url "$redis_url" --api-key "$key" \
      --durability none --data-dir "$(dirname "$logfile")/data-$port" >"$logfile" 2>&1 &
    SERVER_PID=$!
    await 60 bash -c "curl -fsS '$BASE/health/ready' || ! kill -0 $SERVER_PID" && kill -0 "$SERVER_PID" 2>/dev/null && return 0
    grep -q 'did not start on' "$logfile" || return 1
    log "the server could not bind port $port (attempt $attempt)"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  done
  return 1
}
# The server jar and its libs/ in $SERVER_DIR, built with Maven when missing (only for the repository's own
# server/target).
require_server_jar() {
  if [[ ! -f $SERVER_DIR/sessionstore-server.jar && $SERVER_DIR == "$ROOT/server/target" ]]; then
    log "building the server jar"
    (cd "$ROOT" && JAVA_HOME=$JAVA_HOME mvn -q -o -pl server package -DskipTests -Dspotless.check.skip)
  fi
  [[ -f $SERVER_DIR/sessionstore-server.jar && -d $SERVER_DIR/libs ]] ||
    { echo "$SERVER_DIR must hold sessionstore-server.jar and libs/" >&2; exit 2; }
}

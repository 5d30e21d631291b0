# Shell helpers shared by the load benchmarks (run.sh, spring-app.sh); sourced, not run.

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
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# A free loopback port: random in 20000-59999, refused by a connect attempt (bounded tries).
free_port() {
  local port i
  for i in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
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

#!/usr/bin/env bash
# Start-up time and idle resident memory of the whole platform as `npm start` runs it.
#   tools/measure-platform.sh [runs=3] [idle-seconds=30]
# Each run: `npm start` in its own session (PRAXIS_PORT_BASE, default 12000; PRAXIS_DB_PREFIX, default measure),
# time from spawn to the launcher's "ready" line, then after the idle wait the sum of VmRSS over every process
# of the tree (npm, the launcher, the broker, every service) and the CPU time the tree spent during the wait
# (user + system, from /proc: what an idle platform costs a busy machine); then Ctrl-C. Prints each run and the
# medians. Variables the launcher passes on (e.g. KAFKA_MAX_WAIT_MS) compare settings.
set -u
runs=${1:-3}
idle=${2:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
export PRAXIS_PORT_BASE=${PRAXIS_PORT_BASE:-12000} PRAXIS_DB_PREFIX=${PRAXIS_DB_PREFIX:-measure}
descendants() { echo "$1"; for child in $(pgrep -P "$1"); do descendants "$child"; done; }
# CPU clock ticks (user + system) used so far by the tree under $1
tree_ticks() {
  local sum=0 p value
  for p in $(descendants "$1"); do
    value=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) && [ -n "$value" ] && sum=$((sum + value))
  done
  echo "$sum"
}
tick_ms=$((1000 / $(getconf CLK_TCK)))
starts=() rss=() cpu=()
for run in $(seq 1 "$runs"); do
  log=$(mktemp)
  t0=$(date +%s%N)
  (cd "$root" && exec setsid npm start >"$log" 2>&1) &
  pid=$!
  until grep -q '\[praxis\] ready in' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "run $run: npm start exited"; tail -20 "$log"; exit 1; fi
    sleep 0.05
  done
  ms=$((($(date +%s%N) - t0) / 1000000))
  # the tree's CPU over the idle wait (a process that exits meanwhile would only lower it)
  ticks=$(tree_ticks "$pid")
  sleep "$idle"
  idle_cpu=$((($(tree_ticks "$pid") - ticks) * tick_ms / idle))
  kb=0 count=0
  for p in $(descendants "$pid"); do
    value=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null) && [ -n "$value" ] && kb=$((kb + value)) count=$((count + 1))
  done
  echo "run $run: ready after ${ms} ms; idle RSS $((kb / 1024)) MB over $count processes; idle CPU ${idle_cpu} ms/s"
  starts+=("$ms") rss+=("$((kb / 1024))") cpu+=("$idle_cpu")
  kill -INT -- "-$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -TERM -- "-$pid"
  rm -f "$log"
  sleep 2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "median of $runs: ready after $(median "${starts[@]}") ms; idle RSS $(median "${rss[@]}") MB; idle CPU $(median "${cpu[@]}") ms/s"

#!/usr/bin/env bash
# half-load-loggen.sh RATE [MEASURE_SECONDS] [WARMUP_SECONDS]
#   The latency goal as `compare` loads Sluice: loggen, TCP, 4 connections, 200-byte BSD messages, but at RATE
#   events/s in total (half of compare's Sluice median for the goal), after WARMUP (default 30 s) at that rate.
#   Prints stored/sent, the server's CPU per event by thread, and the receive -> journal percentiles of its last
#   minute (measure at least 60 s, the default, so that start-up and warm-up are out of that window).
#   SERVER_CPU / CLIENT_CPU (taskset lists) pin the two apart. Needs the jar and loggen (bench/peers/install.sh).
set -euo pipefail
rate=${1:?usage: half-load-loggen.sh RATE [MEASURE_SECONDS] [WARMUP_SECONDS]}
secs=${2:-60} warm=${3:-30} conns=4
root=$(cd "$(dirname "$0")/../.." && pwd)
bash "$root/bench/peers/install.sh" >&2
sng=${SLUICE_PEERS_ROOT:-/tmp/sng}/root
work=$(mktemp -d /tmp/sluice-half-load.XXXX)
export SLUICE_JAVA_OPTS=${SLUICE_JAVA_OPTS:--Xmx1g}
. "$root/bench/probes/sluice-server.sh"
start_sluice "$work"
# drained: the stored count once it has not changed for 2 s. With a 0.5 s check, one run of five (session 7)
# counted 255 events fewer stored than sent, and the server was gone before that could be looked into.
drained() {
  local last=-1 v same=0
  while [ "$same" -lt 4 ]; do sleep 0.5; v=$(stored); if [ "$v" = "$last" ]; then same=$((same + 1)); else same=0; fi; last=$v; done
  echo "$v"
}
threads() { # thread name (digits dropped) and its utime + stime ticks
  for t in /proc/$pid/task/*; do echo "$(tr ' ' _ <"$t/comm") $(awk '{print $14 + $15}' "$t/stat")"; done |
    awk '{gsub(/[0-9]+$/, "", $1); a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}
loggen() {
  ${CLIENT_CPU:+taskset -c "$CLIENT_CPU"} env "LD_LIBRARY_PATH=$sng/usr/lib/syslog-ng:$sng/usr/lib/x86_64-linux-gnu:$sng/lib/x86_64-linux-gnu" \
    "SYSLOGNG_PREFIX=$sng/usr" "$sng/usr/bin/loggen" --inet --stream --rate $((rate / conns)) --interval "$1" \
    --active-connections $conns --size 200 127.0.0.1 "$tcp" >"$2" 2>&1 || true
}
[ "$warm" -gt 0 ] && loggen "$warm" "$work/warm.log"
base=$(drained); threads >"$work/t0"
loggen "$secs" "$work/loggen.log"
total=$(drained); threads >"$work/t1"
n=$((total - base)); sent=$(grep -o 'count=[0-9]*' "$work/loggen.log" | tail -1 | cut -d= -f2)
echo "target $rate events/s for ${secs}s after ${warm}s: sent $sent, stored $n ($((n / secs)) events/s)"
tck=$(getconf CLK_TCK)
join -a2 "$work/t0" "$work/t1" | awk -v n="$n" -v tck="$tck" '{d = NF == 3 ? $3 - $2 : $2; tot += d
  if (d > 0) printf "  %-24s %6.3f us CPU per event\n", $1, d * 1e6 / tck / n}
  END {printf "  %-24s %6.3f us CPU per event\n", "server total", tot * 1e6 / tck / n}' | sort -k2,2 -gr
curl -s "http://127.0.0.1:$http/metrics" | grep '^sluice_pipeline_latency_seconds{.*stage="journal"' |
  sed 's/sluice_pipeline_latency_seconds/  receive -> journal, last minute, seconds:/'

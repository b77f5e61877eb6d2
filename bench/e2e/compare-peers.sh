#!/usr/bin/env bash
# compare-peers.sh [SECONDS] [REPS] [CONNS] [SIZE]
#   Side by side on this machine, interleaved: Sluice (the real jar, fresh data dir, parsing + counting + journal on),
#   tuned rsyslog (imptcp -> omfile) and tuned syslog-ng (network -> file), each driven by syslog-ng's loggen with the
#   same settings (TCP, BSD framing, CONNS connections, SIZE-byte messages, SECONDS per run). Prints one markdown row
#   per run:
#   | system | run | sent msgs/s | sent | stored | stored/sent | stored events/s | drain s | server CPU s | events per CPU-s | RSS MiB |
#   "stored events/s" = stored / (loggen seconds + drain seconds): what the server kept up with, not what was sent.
#   Needs ../shared/tools/peers (run its setup.sh once) and the jar (mvn -B -DskipTests package).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
peers=${SLUICE_PEERS:-$root/../shared/tools/peers}
secs=${1:-20} reps=${2:-3} conns=${3:-4} size=${4:-200}
jar=$root/server/target/sluice.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
[ -x /tmp/sng/root/usr/bin/loggen ] || bash "$peers/setup.sh" >&2
tck=$(getconf CLK_TCK)
port=15517 http=15518

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_kib() { awk '/VmHWM/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
stored() { curl -s "http://127.0.0.1:$http/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totals"]["stored"])'; }

run_sluice() {
  local rep=$1 data; data=$(mktemp -d /tmp/sluice-bench.XXXX)
  java --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
       --add-opens=java.base/java.lang.reflect=ALL-UNNAMED -Dchronicle.analytics.disable=true \
       -Dchronicle.announcer.disable=true ${SLUICE_JAVA_OPTS:--Xmx1g} -jar "$jar" run --data-dir "$data" \
       --bind 127.0.0.1 --syslog-tcp-port $port --http-port $http >"$data.log" 2>&1 &
  local pid=$!
  for _ in $(seq 200); do grep -q '^listening' "$data.log" && break; sleep 0.1; done
  sleep 2 # JIT warm-up of the idle server is negligible; let the listeners settle
  local c0 t0 res t1 last n tl
  c0=$(cpu_ticks $pid); t0=$(date +%s.%N)
  res=$("$peers/bench-endpoint.sh" 127.0.0.1 $port "$secs" "$conns" "$size" bsd tcp)
  t1=$(date +%s.%N); tl=$t1; last=-1
  for _ in $(seq 240); do # drain: until the stored count is unchanged for 1 s
    n=$(stored); if [ "$n" = "$last" ]; then break; fi; last=$n; tl=$(date +%s.%N); sleep 1; done
  local c1; c1=$(cpu_ticks $pid); local rss; rss=$(rss_kib $pid)
  kill -TERM $pid; wait $pid || true
  eval "$(tr ' ' '\n' <<<"$res" | grep -E '^(msgs_per_s|sent|secs)=' | sed 's/^/r_/')"
  awk -v rep="$rep" -v r="$r_msgs_per_s" -v s="$r_sent" -v st="$last" -v secs="$r_secs" -v t1="$t1" -v tl="$tl" \
      -v c0="$c0" -v c1="$c1" -v tck="$tck" -v rss="$rss" 'BEGIN { d = tl - t1 - 1; if (d < 0) d = 0; cpu = (c1 - c0) / tck
      printf "| sluice | %d | %d | %d | %d | %.4f | %d | %.1f | %.1f | %d | %d |\n", rep, r, s, st, st / s, st / (secs + d), d, cpu, st / cpu, rss / 1024 }'
  rm -rf "$data" "$data.log"
}

run_peer() { # rsyslog-tuned | syslog-ng-tuned: reuse the shared harness, reshape its row
  local kind=$1 rep=$2 row
  row=$(NOTES= "$peers/bench-peers.sh" "$secs" "$kind:bsd:tcp:$conns" "$size" | tail -1)
  # | kind | transport | proto | conns | size | sent msgs/s | sent | persisted | persisted/sent | drain s | server CPU% | loggen CPU% |
  awk -F'|' -v rep="$rep" -v secs="$secs" '{ gsub(/ /, ""); r=$7; s=$8; st=$9; d=$11; cpu=$12; sub(/%/, "", cpu)
      cpus = cpu / 100 * secs
      printf "| %s | %d | %d | %d | %d | %.4f | %d | %.1f | %.1f | %d | - |\n", $2, rep, r, s, st, st / s, st / (secs + d), d, cpus, st / cpus }' <<<"$row"
}

echo "| system | run | sent msgs/s | sent | stored | stored/sent | stored events/s | drain s | server CPU s | events per CPU-s | RSS MiB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for rep in $(seq "$reps"); do
  run_sluice "$rep"
  run_peer rsyslog-tuned "$rep"
  run_peer syslog-ng-tuned "$rep"
done

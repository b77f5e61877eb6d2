#!/usr/bin/env bash
# udp-overload.sh RING_SIZE [SECONDS]
#   How much of a UDP flood Sluice keeps with a given ring size: starts the jar with --ring-size RING_SIZE, floods it
#   with Sluice's Java UDP generator (4 sockets, 100-byte RFC 3164 lines from the loghub corpus, as fast as it can)
#   for 5 s unmeasured, then for SECONDS (default 8), and prints what was sent and what the server stored of the
#   measured flood. What it did not store it dropped and counted (sluice_events_dropped_total{transport="udp"}) or the
#   kernel dropped at a full socket buffer. Run it for two sizes in alternation: the VM's speed drifts.
#   Needs the jars (mvn -B -DskipTests package).
set -euo pipefail
ring=${1:?usage: udp-overload.sh RING_SIZE [SECONDS]}
secs=${2:-8}
root=$(cd "$(dirname "$0")/../.." && pwd)
bench_jar=$root/bench/target/sluice-bench.jar
work=$(mktemp -d /tmp/sluice-udp-overload.XXXX)
export SLUICE_JAVA_OPTS=${SLUICE_JAVA_OPTS:--Xmx1g}
. "$root/bench/probes/sluice-server.sh"
start_sluice "$work" --ring-size "$ring"
flood() { java -cp "$bench_jar" io.sluice.bench.load.UdpSyslogLoad 127.0.0.1 "$udp" "$1" 4 100; }
flood 5 >/dev/null
sleep 1
before=$(stored)
result=$(flood "$secs")
sleep 2
after=$(stored)
sent=$(grep -o 'sent=[0-9]*' <<<"$result" | cut -d= -f2)
echo "ring=$ring $result stored=$((after - before)) kept=$(awk -v s="$((after - before))" -v n="$sent" \
  'BEGIN { printf "%.0f%%", n > 0 ? 100 * s / n : 0 }')"

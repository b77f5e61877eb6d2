#!/usr/bin/env bash
# http-fsync.sh [SECONDS] [REPS] [CONCURRENCY] [BATCH] [SIZE]
#   The cost of journal.fsync, end to end: Sluice (the real jar, fresh data dir) takes NDJSON batches over HTTP from
#   HttpNdjsonLoad (bench module) with fsync off and on, interleaved, REPS times. Every 200 is a durable ack, so the
#   latency is the time until the batch is in the journal (and, with fsync, on disk). One line per run.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-15} reps=${2:-3} conc=${3:-8} batch=${4:-500} size=${5:-200}
jar=$root/server/target/sluice.jar bench=$root/bench/target/sluice-bench.jar
[ -f "$jar" ] && [ -f "$bench" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
http=15519
flags=(--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
       --add-opens=java.base/java.lang.reflect=ALL-UNNAMED -Dchronicle.analytics.disable=true
       -Dchronicle.announcer.disable=true)
for rep in $(seq "$reps"); do
  for fsync in false true; do
    data=$(mktemp -d /tmp/sluice-fsync.XXXX)
    printf 'journal: {fsync: %s}\n' "$fsync" >"$data.yaml"
    java "${flags[@]}" -Xmx1g -jar "$jar" run --config "$data.yaml" --data-dir "$data" --bind 127.0.0.1 \
      --syslog-tcp-port 0 --syslog-udp-port 0 --http-port $http >"$data.log" 2>&1 &
    pid=$!
    for _ in $(seq 200); do grep -q '^listening' "$data.log" && break; sleep 0.1; done
    java -cp "$bench" io.sluice.bench.load.HttpNdjsonLoad "http://127.0.0.1:$http/api/ingest" 3 "$conc" "$batch" \
      "$size" >/dev/null # warm-up
    echo "fsync=$fsync run=$rep $(java -cp "$bench" io.sluice.bench.load.HttpNdjsonLoad \
      "http://127.0.0.1:$http/api/ingest" "$secs" "$conc" "$batch" "$size")"
    kill -TERM $pid; wait $pid || true
    rm -rf "$data" "$data.yaml" "$data.log"
  done
done

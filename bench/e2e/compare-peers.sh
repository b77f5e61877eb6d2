#!/usr/bin/env bash
# compare-peers.sh [--duration 20s] [--warmup 20s] [--reps 3] [--connections 4] [--size 200] [--server-cores K]
#                   [--results DIR]
#   (`./sluice bench compare ...` runs this; the old positional form SECONDS REPS CONNS SIZE still works.)
#   Side by side on this machine: Sluice (the real jar, fresh data dir, everything on), tuned rsyslog (imptcp ->
#   omfile) and tuned syslog-ng (network -> file) with the configs in bench/peers/ (installed by
#   bench/peers/install.sh when missing). Each repetition runs Sluice, rsyslog, syslog-ng one after the other
#   (interleaved, so a noisy minute hits all three), each on free ports, each driven by the same loggen settings:
#   TCP, newline-framed BSD messages of SIZE bytes over CONNECTIONS connections, as fast as it can, for DURATION.
#   Every server first gets WARMUP of the same load, unmeasured, and is drained before the measured load starts: what
#   is measured is a server in steady state, as a long-running one is (on 2 cores the JVM's C2 compiler was still
#   busy 3 s out of 5 right after a 10 s warm-up, JFR; C servers have nothing to warm). --warmup 0s measures from a
#   cold start. The warm-up is two loggen runs of half of WARMUP each, so the measured load's connections are not
#   the first the server has seen since start: code that runs when a connection opens or closes then is compiled
#   already, as in a server that has been up a while (on the JVM, the first reconnect after C2 compiled the read path
#   deoptimized it: ~7 % of the measured CPU in 2 pairs). The same two runs for every system.
#   Measured the same way for every system:
#     stored       Sluice: /api/stats totals.stored; peers: lines in their output file. Never what was sent.
#                  The measured load's: the count at its end minus the count after the warm-up drained.
#     lost         everything sent (warm-up too) minus everything stored.
#     drain s      after loggen ends, until the stored count (peers: the output file's size) is unchanged for 1 s.
#     server CPU s utime+stime of the server process (all threads) from measured load start to drain end.
#     stored ev/s  stored / (loggen seconds + drain seconds): what the server kept up with.
#     RSS          the server's peak resident set (VmHWM), read at drain end.
#   With more than 2 cores the servers are pinned to cores 0..K-1 and loggen to the rest (taskset; K defaults to
#   half the cores), so the client does not take the server's CPU; on 2 cores they share, and the output says so.
#   Prints one markdown row per run, then medians per system and Sluice's ratio to each peer; writes the same as
#   JSON to DIR/compare-<yyyyMMdd'T'HHmmss>.json (DIR defaults to bench-results/). Deletes every data dir it made.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=20 warm=20 reps=3 conns=4 size=200 server_cores='' results=$root/bench-results
command=${SLUICE_BENCH_COMMAND:-"$0${*:+ $*}"}
if [[ ${1:-} =~ ^[0-9]+$ ]]; then secs=$1 reps=${2:-3} conns=${3:-4} size=${4:-200}; set --; fi
while [ $# -gt 0 ]; do
  case $1 in
    --duration) secs=${2%s}; shift 2 ;;
    --warmup) warm=${2%s}; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --server-cores) server_cores=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    *) sed -n '2,4p' "$0" >&2; exit 2 ;;
  esac
done
[[ $secs =~ ^[0-9]+$ && $warm =~ ^[0-9]+$ && $reps =~ ^[0-9]+$ && $conns =~ ^[0-9]+$ && $size =~ ^[0-9]+$ ]] ||
  { echo "compare: --duration and --warmup (whole seconds), --reps, --connections and --size take numbers" >&2; exit 2; }
[ -f "$root/server/target/sluice.jar" ] || { echo "compare: build the jar first (mvn -B -DskipTests package)" >&2; exit 2; }

bash "$root/bench/peers/install.sh" >&2
sng=${SLUICE_PEERS_ROOT:-/tmp/sng}/root
sng_env=(env "LD_LIBRARY_PATH=$sng/usr/lib/syslog-ng:$sng/usr/lib/x86_64-linux-gnu:$sng/lib/x86_64-linux-gnu"
         "SYSLOGNG_PREFIX=$sng/usr")
export SLUICE_JAVA_OPTS=${SLUICE_JAVA_OPTS:--Xmx1g}
tck=$(getconf CLK_TCK)
cores=$(nproc)
server_pin=() client_pin=()
if [ "$cores" -gt 2 ]; then
  k=${server_cores:-$((cores / 2))}
  server_pin=(taskset -c "0-$((k - 1))") client_pin=(taskset -c "$k-$((cores - 1))")
  pinning="servers on cores 0-$((k - 1)), loggen on cores $k-$((cores - 1)) (taskset)"
else
  pinning="none: $cores cores, loggen and the server share them"
fi
echo "pinning: $pinning" >&2

work=$(mktemp -d /tmp/sluice-compare.XXXX)
runs=$work/runs.tsv
server_pid=''
cleanup() { [ -z "$server_pid" ] || stop_server; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_bytes() { awk '/^VmHWM/ {printf "%.0f\n", $2 * 1024}' "/proc/$1/status"; }
fsize() { stat -c %s "$1" 2>/dev/null || echo 0; }
listening() { ss -Hltn "sport = :$1" | grep -q .; }
free_port() { # a port nobody uses now; the server binds it a moment later
  local p
  for _ in $(seq 50); do p=$((20000 + RANDOM % 40000)); ss -Htan "sport = :$p" | grep -q . || { echo "$p"; return; }; done
  echo "compare: no free port found" >&2; return 1
}
wait_for() { # wait_for SECONDS CMD...: until CMD succeeds while the server lives
  local deadline; deadline=$(($(date +%s) + $1)); shift
  until "$@"; do
    kill -0 "$server_pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}
stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$server_pid" 2>/dev/null; then echo "compare: $server_pid ignored TERM, killing" >&2; kill -9 "$server_pid"; fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=''
}

# loggen_for SECONDS PORT LOG: the load every system gets, as fast as it can.
loggen_for() {
  "${client_pin[@]}" "${sng_env[@]}" "$sng/usr/bin/loggen" --inet --stream --rate 100000000 --interval "$1" \
    --active-connections "$conns" --size "$size" 127.0.0.1 "$2" >"$3" 2>&1 || true
}

# drain COUNT_CMD...: waits until the count is unchanged for 1 s (at most 5 minutes); sets d_last (the count) and
# d_tlast (when it last changed).
drain() {
  local t1 value; t1=$(now); d_tlast=$t1; d_last=$("$@")
  while :; do
    sleep 0.2; value=$("$@")
    if [ "$value" != "$d_last" ]; then d_last=$value d_tlast=$(now)
    elif awk -v a="$(now)" -v b="$d_tlast" -v s="$t1" 'BEGIN { exit !(a - b >= 1 || a - s > 300) }'; then break; fi
  done
}

# loggen_summary LOG: "RATE SENT SECONDS" from loggen's summary line ("average rate = 399017.73 msg/sec,
# count=1995518, time=5.00108, (average) msg size=200, ..."), or "0 0 0".
loggen_summary() {
  awk '/average rate/ { for (i = 1; i <= NF; i++) {
      if ($i == "=" && $(i-1) == "rate") r = $(i+1)
      if ($i ~ /^count=/) { c = $i; gsub(/[^0-9]/, "", c) }
      if ($i ~ /^time=/) { t = $i; sub(/time=/, "", t); sub(/,/, "", t) } } }
    END { if (r == "") print 0, 0, 0; else print r, c, t }' "$1"
}

# measure SYSTEM REP PORT STORED_CMD -- DRAIN_CMD...: warm the server on PORT up, then load it with loggen, wait for
# the drain, record CPU and RSS. STORED_CMD (one word) counts stored events; DRAIN_CMD... is what the drain watches.
# Sets m_rate m_sent m_secs m_drain m_cpu m_rss m_count (DRAIN_CMD's last value), m_warm_sent and m_base (stored
# after the warm-up).
measure() {
  local system=$1 rep=$2 port=$3 stored_cmd=$4; shift 5
  local c0 t1 log=$work/loggen.log
  sleep 2 # let the listeners settle; the same pause for every system
  m_warm_sent=0 m_base=0
  if [ "$warm" -gt 0 ]; then
    local half=$((warm / 2)) part sent
    for part in $((warm - half)) "$half"; do # two loggen runs: the second connects anew (see the header)
      [ "$part" -gt 0 ] || continue
      loggen_for "$part" "$port" "$log"
      read -r _ sent _ < <(loggen_summary "$log")
      m_warm_sent=$((m_warm_sent + sent))
    done
    drain "$@"
    m_base=$("$stored_cmd")
  fi
  c0=$(cpu_ticks "$server_pid")
  loggen_for "$secs" "$port" "$log"
  t1=$(now)
  drain "$@"
  m_cpu=$(awk -v c0="$c0" -v c1="$(cpu_ticks "$server_pid")" -v t="$tck" 'BEGIN { printf "%.2f", (c1 - c0) / t }')
  m_rss=$(rss_bytes "$server_pid") m_count=$d_last
  m_drain=$(awk -v a="$d_tlast" -v b="$t1" 'BEGIN { d = a - b; printf "%.2f", (d < 0 ? 0 : d) }')
  read -r m_rate m_sent m_secs < <(loggen_summary "$log")
  [ "$m_sent" != 0 ] || { echo "compare: loggen sent nothing to $system:"; cat "$log"; } >&2
}

# record SYSTEM REP STORED: one row in the TSV and on stdout; STORED is the server's total (warm-up included).
record() {
  awk -v sys="$1" -v rep="$2" -v total="$3" -v base="$m_base" -v warm_sent="$m_warm_sent" -v r="$m_rate" \
      -v s="$m_sent" -v secs="$m_secs" -v d="$m_drain" -v cpu="$m_cpu" -v rss="$m_rss" -v tsv="$runs" 'BEGIN {
    st = total - base; lost = s + warm_sent - total; if (lost < 0) lost = 0
    per = secs + d > 0 ? st / (secs + d) : 0; eff = cpu > 0 ? st / cpu : 0
    printf "%s\t%d\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.2f\t%.2f\t%.0f\t%.0f\n", sys, rep, r, s, st, lost, per, d, cpu, eff, rss >> tsv
    printf "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.4f | %.0f | %.1f | %.1f | %.0f | %.0f |\n",
      sys, rep, r, s, st, lost, (s > 0 ? st / s : 0), per, d, cpu, eff, rss / 1048576 }'
}

peer_lines() { wc -l <"$peer_out" 2>/dev/null || echo 0; }

sluice_stored() {
  curl -s --max-time 2 "http://127.0.0.1:$http_port/api/stats" | grep -o '"stored":[0-9]*' | head -1 | cut -d: -f2 || true
}

run_sluice() {
  local rep=$1 data=$work/sluice-data log=$work/sluice.log line
  # Ports 0: Sluice binds free ports itself and names them in its "listening" line.
  "${server_pin[@]}" bash "$root/sluice" run --data-dir "$data" --bind 127.0.0.1 --syslog-tcp-port 0 \
    --syslog-udp-port 0 --http-port 0 >"$log" 2>&1 &
  server_pid=$!
  wait_for 60 grep -q '^listening' "$log" || { echo "compare: Sluice did not start:" >&2; cat "$log" >&2; exit 1; }
  line=$(grep -m1 '^listening' "$log")
  local tcp_port; tcp_port=$(grep -o 'syslog-tcp=[^ ]*' <<<"$line" | sed 's/.*://')
  http_port=$(grep -o 'http=[^ ]*' <<<"$line" | sed 's/.*://')
  measure sluice "$rep" "$tcp_port" sluice_stored -- sluice_stored
  stop_server
  record sluice "$rep" "${m_count:-0}"
  rm -rf "$data" "$log"
}

run_peer() { # rsyslog-tuned | syslog-ng-tuned
  local kind=$1 rep=$2 port dir=$work/$1 maxconn=$(($3 > 10 ? $3 : 10))
  port=$(free_port); mkdir -p "$dir"
  sed -e "s|@PORT@|$port|g" -e "s|@OUT@|$dir/out.log|g" -e "s|@WORKDIR@|$dir|g" -e "s|@MAX_CONNECTIONS@|$maxconn|g" \
    "$root/bench/peers/$kind.conf" >"$dir/server.conf"
  case $kind in
    rsyslog-tuned) "${server_pin[@]}" rsyslogd -n -f "$dir/server.conf" -i "$dir/pid" </dev/null >"$dir/server.log" 2>&1 & ;;
    syslog-ng-tuned) "${server_pin[@]}" "${sng_env[@]}" "$sng/usr/sbin/syslog-ng" -F -f "$dir/server.conf" \
        -R "$dir/persist" -p "$dir/pid" -c "$dir/ctl" </dev/null >"$dir/server.log" 2>&1 & ;;
  esac
  server_pid=$!
  wait_for 20 listening "$port" || { echo "compare: $kind did not listen on $port:" >&2; cat "$dir/server.log" >&2; exit 1; }
  peer_out=$dir/out.log
  measure "$kind" "$rep" "$port" peer_lines -- fsize "$peer_out"
  stop_server
  record "$kind" "$rep" "$(peer_lines)"
  rm -rf "$dir"
}

started=$(date -u +%Y-%m-%dT%H:%M:%SZ) stamp=$(date +%Y%m%dT%H%M%S)
echo "Sluice vs rsyslog-tuned vs syslog-ng-tuned: ${secs}s (after ${warm}s warm-up) x $reps reps, loggen TCP $conns connections, $size-byte messages"
echo
echo "| system | rep | sent msgs/s | sent | stored | lost | stored/sent | stored events/s | drain s | server CPU s | events per CPU-s | RSS peak MiB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for rep in $(seq "$reps"); do
  run_sluice "$rep"
  run_peer rsyslog-tuned "$rep" "$conns"
  run_peer syslog-ng-tuned "$rep" "$conns"
done

# Medians per system, Sluice's ratios, and the JSON file.
java=${JAVA:-java}
jdk=$("$java" -XshowSettings:properties -version 2>&1 |
  awk -F' = ' '/java.runtime.name/ {n = $2} /java.runtime.version/ {v = $2} END {print n " " v}')
os="$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ {printf "%.0f", $2 * 1024}' /proc/meminfo)
mkdir -p "$results"
json=$results/compare-$stamp.json
esc() { sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' <<<"$1"; }
echo
# Strings go through the environment: awk -v would undo the JSON escapes.
J_CMD=$(esc "$command") J_MODEL=$(esc "$cpu_model") J_JDK=$(esc "$jdk") J_OS=$(esc "$os") J_PIN=$(esc "$pinning") \
awk -F'\t' -v json="$json" -v started="$started" -v cores="$cores" -v mem="$mem" -v secs="$secs" -v warm="$warm" \
    -v conns="$conns" -v size="$size" -v reps="$reps" '
  function median(sys, col,    n, i, j, v, t) {
    n = 0; for (i = 1; i <= rows; i++) if (name[i] == sys) v[++n] = cell[i, col]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return n == 0 ? 0 : (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2)
  }
  { rows++; name[rows] = $1; for (c = 2; c <= NF; c++) cell[rows, c] = $c + 0 }
  END {
    cmd = ENVIRON["J_CMD"]; model = ENVIRON["J_MODEL"]; jdk = ENVIRON["J_JDK"]; os = ENVIRON["J_OS"]; pinning = ENVIRON["J_PIN"]
    split("sluice rsyslog-tuned syslog-ng-tuned", systems, " ")
    split("sentPerSecond sent stored lost storedPerSecond drainSeconds serverCpuSeconds eventsPerCpuSecond rssPeakBytes", keys, " ")
    for (s = 1; s <= 3; s++) for (k = 1; k <= 9; k++) med[s, k] = median(systems[s], k + 2)
    print "Medians of " reps " run(s) per system (" secs " s each after " warm " s of warm-up; pinning: " pinning "):"
    print ""
    print "| system | stored events/s | server CPU s | events per server CPU-s | RSS peak MiB | lost | Sluice / this: throughput | Sluice / this: efficiency |"
    print "|---|---|---|---|---|---|---|---|"
    for (s = 1; s <= 3; s++) {
      tr = med[s, 5] > 0 ? med[1, 5] / med[s, 5] : 0; ef = med[s, 8] > 0 ? med[1, 8] / med[s, 8] : 0
      ratio[s, 1] = tr; ratio[s, 2] = ef
      printf "| %s | %.0f | %.1f | %.0f | %.0f | %.0f | %s | %s |\n", systems[s], med[s, 5], med[s, 7], med[s, 8],
        med[s, 9] / 1048576, med[s, 4], (s == 1 ? "-" : sprintf("%.2fx", tr)), (s == 1 ? "-" : sprintf("%.2fx", ef))
    }
    printf "{\"kind\":\"compare\",\"startedAt\":\"%s\",\"command\":\"%s\",", started, cmd > json
    printf "\"machine\":{\"cores\":%d,\"cpuModel\":\"%s\",\"memoryBytes\":%s,\"jdk\":\"%s\",\"os\":\"%s\"},", cores, model, mem, jdk, os > json
    printf "\"settings\":{\"durationSeconds\":%d,\"warmupSeconds\":%d,\"connections\":%d,\"messageBytes\":%d,\"reps\":%d,\"pinning\":\"%s\"},", secs, warm, conns, size, reps, pinning > json
    printf "\"runs\":[" > json
    for (i = 1; i <= rows; i++) {
      printf "%s{\"system\":\"%s\",\"rep\":%d", (i > 1 ? "," : ""), name[i], cell[i, 2] > json
      for (k = 1; k <= 9; k++) printf ",\"%s\":%s", keys[k], cell[i, k + 2] > json
      printf "}" > json
    }
    printf "],\"medians\":{" > json
    for (s = 1; s <= 3; s++) {
      printf "%s\"%s\":{", (s > 1 ? "," : ""), systems[s] > json
      for (k = 1; k <= 9; k++) printf "%s\"%s\":%.2f", (k > 1 ? "," : ""), keys[k], med[s, k] > json
      printf "}" > json
    }
    printf "},\"ratios\":{" > json
    for (s = 2; s <= 3; s++)
      printf "%s\"%s\":{\"throughput\":%.3f,\"efficiency\":%.3f}", (s > 2 ? "," : ""), systems[s], ratio[s, 1], ratio[s, 2] > json
    printf "}}\n" > json
  }' "$runs"
echo
echo "results: $json"

# sluice-server.sh: sourced by the probes in this folder. start_sluice WORK [RUN ARGS...] starts the jar with a fresh
# data dir under WORK on free ports (SERVER_CPU: a taskset list to pin it), stops it and deletes WORK on exit, and
# sets pid, tcp, udp and http; stored prints the server's stored-events total.
start_sluice() {
  local work=$1 line; shift
  ${SERVER_CPU:+taskset -c "$SERVER_CPU"} bash "$root/sluice" run --data-dir "$work/data" --bind 127.0.0.1 \
    --syslog-tcp-port 0 --syslog-udp-port 0 --http-port 0 "$@" >"$work/server.log" 2>&1 &
  pid=$!
  # shellcheck disable=SC2064 # expand now: the trap must stop this server and delete this WORK
  trap "kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf '$work'" EXIT
  for _ in $(seq 300); do grep -q '^listening' "$work/server.log" && break; sleep 0.1; done
  line=$(grep -m1 '^listening' "$work/server.log") || { echo "sluice did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
  tcp=$(grep -o 'syslog-tcp=[^ ]*' <<<"$line" | sed 's/.*://')
  udp=$(grep -o 'syslog-udp=[^ ]*' <<<"$line" | sed 's/.*://')
  http=$(grep -o 'http=[^ ]*' <<<"$line" | sed 's/.*://')
}

stored() { curl -s "http://127.0.0.1:$http/api/stats" | grep -o '"stored":[0-9]*' | head -1 | cut -d: -f2; }

#!/bin/bash
# Hand-run load figure of `xxgk serve` (docs/serve.md, "Load"): wrk against POST /v1/validate with
# the 苍南 report on 127.0.0.1, and in the same run the in-process decode + validate throughput of
# the same report (bench/profile.cpp's decode_validate loop), so that the HTTP overhead is a ratio
# measured on one machine at one time. Never part of the test run.
#
#   bench/serve_load.sh [BUILD_DIR]        (default build/; builds xxgk and xxgk_profile there if missing)
#   DURATION=10 WRK_THREADS=2 CONNECTIONS=32 SERVER_THREADS=2 bench/serve_load.sh
#
# Needs wrk (Debian package wrk; scripts/bootstrap installs it).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
duration=${DURATION:-10}
wrk_threads=${WRK_THREADS:-2}
connections=${CONNECTIONS:-32}
server_threads=${SERVER_THREADS:-2}
report=$src/examples/data/cangnan-2020.json

if [ ! -x "$build/xxgk" ] || [ ! -x "$build/bench/xxgk_profile" ]; then
    cmake -S "$src" -B "$build" -DXXGK_BUILD_BENCH=ON >/dev/null
    ninja -C "$build" -j2 xxgk_cli xxgk_profile
fi
command -v wrk >/dev/null || { echo "serve_load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

# The server, on a free port it prints on its first line.
coproc server { exec "$build/xxgk" serve --listen 127.0.0.1:0 --threads "$server_threads"; }
server_pid=$server_PID
trap 'kill -TERM "$server_pid" 2>/dev/null || true' EXIT
read -r first_line <&"${server[0]}"
url=${first_line##*listening on }

lua=$(mktemp --suffix=.lua)
trap 'kill -TERM "$server_pid" 2>/dev/null || true; rm -f "$lua"' EXIT
cat >"$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$report", "rb")
wrk.body = f:read("*a")
f:close()
done = function(summary, latency, requests)
  io.write(string.format("serve_load: errors %d (non-2xx %d)\n", summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA
curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$report" "$url/v1/validate"

out=$(wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --latency -s "$lua" "$url/v1/validate")
echo "$out"
rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$out")

# In-process: decode + validate of the same report, one thread, in the same run.
n=20000
t0=$(date +%s%N)
"$build/bench/xxgk_profile" decode_validate "$report" "$n" >/dev/null
t1=$(date +%s%N)
inproc=$(awk -v n="$n" -v ns="$((t1 - t0))" 'BEGIN {printf "%.0f", n / (ns / 1e9)}')

echo
echo "serve_load: $(nproc) cores; server --threads $server_threads; wrk -t$wrk_threads -c$connections -d${duration}s"
echo "serve_load: HTTP POST /v1/validate: $rps requests/s, p99 $p99"
echo "serve_load: in-process load_json + validate (1 thread): $inproc per second"
awk -v h="$rps" -v i="$inproc" -v t="$server_threads" 'BEGIN {
    printf "serve_load: HTTP / in-process (1 thread) = %.2f; HTTP per server thread / in-process = %.2f\n", h / i, h / t / i }'

#!/usr/bin/env bash
# Load on `dala serve` over loopback, one command:
#   bench/load-bench.sh            (CLIENTS=500 SECONDS_EACH=60 by default; PARTS=http,ndt7 or one of them)
# Builds a national store from ../shared/data (the 7,098 OSM settlements and 20 regions, with the SYNTHETIC scenario)
# in $BENCH_DIR (default /tmp/load-bench), starts `dala serve` on it on a free port, and runs CLIENTS concurrent
# clients for SECONDS_EACH on /api/progress, /api/regions and the national GeoJSON, then 100 concurrent ndt7 downloads
# while 64 idle WebSockets are held open. Each ndt7 client and each idle socket connects from its own loopback address
# (127.0.N.1, its own /24; Linux answers all of 127.0.0.0/8), as 164 real clients would: the server's per-address limit
# (--ndt7-per-address, 4) then limits each of them, not the whole bench. The server runs with --ndt7-capacity 200
# (SERVE_ARGS overrides): the default, 64 tests at once, turns the 65th test away with 503 + Retry-After by design.
# Prints (see bench/Dala.Benchmarks/LoadBench.cs):
#   load-progress: clients=500 ... p50_ms=... p99_ms=... errors=... server_rss_mb=... load1=...
#   load-regions: ...
#   load-geojson: ...
#   ndt7-load: tests=100 completed=... failed=... turned_away=... idle_held=64 server_rss_mb=... load1=...
set -euo pipefail
dir="${BENCH_DIR:-/tmp/load-bench}"
mkdir -p "$dir"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

db="$dir/kz.db"
rm -f "$db" "$db-wal" "$db-shm"
registry "$db"

url="http://127.0.0.1:$(free_port)"
# shellcheck disable=SC2086 # (not the dala function: $! must be the server process itself)
dotnet "$root/artifacts/cli/dala.dll" serve --store "$db" --urls "$url" ${SERVE_ARGS:---ndt7-capacity 200} >"$dir/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$url/api/regions" >/dev/null 2>&1 && break
  sleep 0.5
done
# The server runs as `dotnet dala.dll`: $server is that process.
bench load "$url" "$server" "${CLIENTS:-500}" "${SECONDS_EACH:-60}" "${PARTS:-http,ndt7}"

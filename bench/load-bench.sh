#!/usr/bin/env bash
# Load on `dala serve` over loopback, one command:
#   bench/load-bench.sh            (CLIENTS=500 SECONDS=60 by default)
# Builds a national store from ../shared/data (the 7,098 OSM settlements and 20 regions, with the SYNTHETIC scenario)
# in $BENCH_DIR (default /tmp/load-bench), starts `dala serve` on it on a free port, and runs CLIENTS concurrent
# clients for SECONDS on /api/progress, /api/regions and the national GeoJSON, then 100 concurrent ndt7 downloads
# while 64 idle WebSockets are held open. Prints (see bench/Dala.Benchmarks/LoadBench.cs):
#   load-progress: clients=500 ... p50_ms=... p99_ms=... errors=... server_rss_mb=...
#   load-regions: ...
#   load-geojson: ...
#   ndt7-load: tests=100 completed=... failed=... turned_away=... idle_held=64 server_rss_mb=...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/load-bench}"
shared="${DALA_SHARED_DATA:-$root/../shared/data}"
[ -d "$shared/kz" ] || shared=/work/shared/data
mkdir -p "$dir"
"$root/dala" --help >/dev/null
dala() { dotnet "$root/artifacts/cli/dala.dll" "$@"; }
bench_out="$root/artifacts/bench"
dotnet build "$root/bench/Dala.Benchmarks/Dala.Benchmarks.csproj" -c Release -o "$bench_out" -nologo -v q -clp:ErrorsOnly >/dev/null

db="$dir/kz.db"
rm -f "$db" "$db-wal" "$db-shm"
dala import regions "$shared/kz/regions-osm.geojson" --store "$db" >/dev/null
dala import settlements "$shared/kz/hotosm_kaz_populated_places_points.geojson" --store "$db" >/dev/null
dala scenario seed --store "$db" >/dev/null

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
dotnet "$root/artifacts/cli/dala.dll" serve --store "$db" --urls "$url" ${SERVE_ARGS:-} >"$dir/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$url/api/regions" >/dev/null 2>&1 && break
  sleep 0.5
done
# The server runs as `dotnet dala.dll`: $server is that process.
dotnet "$bench_out/Dala.Benchmarks.dll" load "$url" "$server" "${CLIENTS:-500}" "${SECONDS_EACH:-60}"

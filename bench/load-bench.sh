#!/usr/bin/env bash
# HTTP load against a real `dala serve`, one command:
#   bench/load-bench.sh              (CLIENTS=16 DURATION=10 seconds per endpoint by default)
# Starts `dala serve` on a fresh SQLite store (seeded from the registry packages, with the SYNTHETIC scenario) on a free
# loopback port, runs CLIENTS concurrent clients for DURATION seconds against /api/progress, /api/regions and the national
# settlements GeoJSON (gzip accepted, as browsers do), and prints
#   progress: p50=…ms p99=…ms errors=… limited=… rps=…
#   regions: …
#   settlements-geojson: …
#   server peak RSS: … kB
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clients="${CLIENTS:-16}"
seconds="${DURATION:-10}"
dir="$(mktemp -d /tmp/load-bench.XXXXXX)"
"$root/dala" --help >/dev/null
bench_out="$root/artifacts/bench"
dotnet build "$root/bench/Dala.Benchmarks/Dala.Benchmarks.csproj" -c Release -o "$bench_out" -nologo -v q -clp:ErrorsOnly >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
dotnet "$root/artifacts/cli/dala.dll" serve --store "$dir/load.db" --urls "http://127.0.0.1:$port" >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
dotnet "$bench_out/Dala.Benchmarks.dll" load "http://127.0.0.1:$port" "$clients" "$seconds" "$pid"

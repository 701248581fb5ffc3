#!/usr/bin/env bash
# Both stores side by side (BenchmarkDotNet): the 9,899-point OSM import and one million connectivity records.
# Starts a throwaway PostgreSQL like ./test does, runs bench/Dala.Benchmarks --filter '*StoreBenchmarks*', stops it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pgbin=/usr/lib/postgresql/15/bin
pgdir="$(mktemp -d /tmp/dala-pgbench.XXXXXX)"
pgrun=""
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; pgrun="runuser -u postgres --"; fi
trap '$pgrun "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"' EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
$pgrun "$pgbin/initdb" -D "$pgdir/data" -U dala -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# A durable server (fsync on): the figures are what a real deployment would see on this disk.
$pgrun "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null
export DALA_BENCH_PG="postgres://dala@127.0.0.1:$port/postgres"
cd "$root/bench/Dala.Benchmarks"
dotnet run -c Release -- --filter '*StoreBenchmarks*' "$@"

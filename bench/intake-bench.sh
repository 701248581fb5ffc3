#!/usr/bin/env bash
# Measurement intake and aggregates at scale, one command:
#   bench/intake-bench.sh            (COUNT=10000000 by default; COUNT=1000000 for a quick run)
# Generates COUNT SYNTHETIC tests once (kept in $BENCH_DIR, default /tmp/intake-bench, and reused), imports them into
# a fresh SQLite store and into PostgreSQL ($DALA_BENCH_PG, else a throwaway cluster started here), then times the
# exact p10/median/p90 by region x operator x month on our store against PostgreSQL's percentile_cont and DuckDB's
# quantile_cont on the same rows. Prints:
#   intake-sqlite: lines/s=... peak_mb=... stored=... quarantined=... read=...
#   intake-postgres: lines/s=... ...
#   aggregate-vs-postgres: ours=...s peer=...s ratio=...
#   aggregate-vs-duckdb: ours=...s peer=...s ratio=...
set -euo pipefail
count="${COUNT:-10000000}"
dir="${BENCH_DIR:-/tmp/intake-bench}"
mkdir -p "$dir"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

file="$(synthetic_tests "$dir" "$count")"
echo "input: $file ($(du -m "$file" | cut -f1) MB, $count tests)"

db="$dir/bench.db"
rm -f "$db" "$db-wal" "$db-shm"
registry "$db"
bench intake "$db" "$file" sqlite

pgdir=""
stop_pg() {
  if [ -n "$pgdir" ]; then
    $pgrun "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
trap stop_pg EXIT
pg="${DALA_BENCH_PG:-}"
if [ -z "$pg" ]; then
  pgbin=/usr/lib/postgresql/15/bin
  pgdir="$(mktemp -d /tmp/dala-bench-pg.XXXXXX)"
  pgrun=""
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; pgrun="runuser -u postgres --"; fi
  port="$(free_port)"
  $pgrun "$pgbin/initdb" -D "$pgdir/data" -U dala -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pgdir/initdb.log" 2>&1
  $pgrun "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
    -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c max_wal_size=8GB -c shared_buffers=512MB -c work_mem=256MB" start >/dev/null
  pg="postgres://dala@127.0.0.1:$port/postgres"
else
  psql "$pg" -q -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1 || true
fi
registry "$pg"
bench intake "$pg" "$file" postgres
psql "$pg" -q -c "VACUUM ANALYZE measurements" >/dev/null 2>&1 || true

bench aggregate "$db" "$pg" "${RUNS:-3}"

#!/usr/bin/env bash
# Measurement intake at scale on the embedded store: generate N SYNTHETIC tests (default 10,000,000) as CSV,
# import them (parse, place, rule, insert: one transaction), then the exact-median aggregate by operator x region x month.
# Prints one line per step with the wall time and the rate.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${COUNT:-10000000}"
shared="${DALA_SHARED_DATA:-$root/../shared/data}"
[ -d "$shared/kz" ] || shared=/work/shared/data
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
"$root/dala" --help >/dev/null
dala() { dotnet "$root/artifacts/cli/dala.dll" "$@" --store "$work/bench.db"; }
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
dala import regions "$shared/kz/regions-osm.geojson" >/dev/null
dala import settlements "$shared/kz/hotosm_kaz_populated_places_points.geojson" >/dev/null
dala scenario seed >/dev/null
gen=$(secs dala scenario measurements --count "$count" --out "$work/tests.csv")
size=$(du -m "$work/tests.csv" | cut -f1)
ingest=$(secs dala import measurements "$work/tests.csv")
agg=$(secs dala quality aggregate --by region,operator,month --format csv)
groups=$(dala quality aggregate --by region,operator,month --format csv | tail -n +2 | wc -l)
printf 'generate %d synthetic tests (%d MB CSV): %.1f s\n' "$count" "$size" "$gen"
printf 'ingest into SQLite (one transaction): %.1f s = %.0f tests/s\n' "$ingest" "$(echo "$count / $ingest" | bc -l)"
printf 'aggregate operator x region x month (exact p10/median/p90 of down/up/latency, %d groups): %.1f s\n' "$groups" "$agg"
printf 'store size: %d MB\n' "$(du -m "$work/bench.db" | cut -f1)"

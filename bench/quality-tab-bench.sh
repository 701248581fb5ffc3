#!/usr/bin/env bash
# How long the Quality tab waits for its first figures with COUNT stored measurements (issue 14: under 1 s at 1 M).
#   bench/quality-tab-bench.sh          (COUNT=1000000 by default)
# Generates COUNT SYNTHETIC tests once (kept in $BENCH_DIR, default /tmp/intake-bench, shared with intake-bench.sh),
# imports them into a fresh SQLite store, starts `dala serve` on it, and times the requests the Quality tab sends
# when it opens (the same URLs as web/src/quality.js: summary, aggregates by region, by region x operator, by month,
# the histogram, the operators and regions lists), all at once as the browser does. The first round is the first
# visit after the server started (nothing cached in the process); the next rounds are later visits. Prints:
#   quality-tab-first: seconds=... requests=7 measurements=...
#   quality-tab-later: median_seconds=... max_seconds=... rounds=...
set -euo pipefail
count="${COUNT:-1000000}"
rounds="${ROUNDS:-5}"
dir="${BENCH_DIR:-/tmp/intake-bench}"
mkdir -p "$dir"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

file="$(synthetic_tests "$dir" "$count")"
db="$dir/quality-tab.db"
rm -f "$db" "$db-wal" "$db-shm"
registry "$db"
dala import measurements "$file" --store "$db" >/dev/null

port="$(free_port)"
base="http://127.0.0.1:$port"
dala serve --store "$db" --urls "$base" >"$dir/quality-tab-serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -fsS "$base/api/operators" >/dev/null 2>&1 && break; sleep 0.5; done

urls=(
  "/api/quality/summary"
  "/api/quality/aggregates?by=region"
  "/api/quality/aggregates?by=region,operator"
  "/api/quality/aggregates?by=month"
  "/api/quality/histogram"
  "/api/operators"
  "/api/regions"
)
# One visit: every request at once; prints the wall seconds until the last answer arrived (all must answer 200).
visit() {
  local start end pids=() code rc=0
  start=$(date +%s.%N)
  for u in "${urls[@]}"; do
    curl -sS -o /dev/null -w '%{http_code}\n' "$base$u" >"$dir/qt-$(echo "$u" | md5sum | cut -c1-8)" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  end=$(date +%s.%N)
  for u in "${urls[@]}"; do
    code=$(cat "$dir/qt-$(echo "$u" | md5sum | cut -c1-8)")
    [ "$code" = "200" ] || { echo "quality-tab: $u answered $code" >&2; rc=1; }
  done
  [ $rc -eq 0 ] || exit 1
  echo "$end - $start" | bc -l
}
first=$(visit)
stored=$(curl -fsS "$base/api/quality/summary" | python3 -c 'import json,sys; print(json.load(sys.stdin)["measurements"])')
later=()
for _ in $(seq 1 "$rounds"); do later+=("$(visit)"); done
printf 'quality-tab-first: seconds=%.3f requests=%d measurements=%s load=%s\n' "$first" "${#urls[@]}" "$stored" "$(cut -d' ' -f1 /proc/loadavg)"
printf '%s\n' "${later[@]}" | sort -n | awk -v n="$rounds" '{a[NR]=$1} END {printf "quality-tab-later: median_seconds=%.3f max_seconds=%.3f rounds=%d\n", a[int((NR+1)/2)], a[NR], n}'

#!/usr/bin/env bash
# UNICEF Giga's open cost model reference case (../shared/data/reference/giga), six scenarios: Dala's optimum against
# Giga's own choice (reproduced exactly by `dala plan giga --choice giga`; s1 is checked against Giga's output).
# Prints one line per scenario: `giga-sN-total: ours=… peer=… ratio=…` (lower is better) and the proven gap and time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DALA_SHARED_DATA:-$root/../shared/data}/reference/giga"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for config in "$data"/configs/s*.json; do
  name="$(basename "$config" .json)"; short="${name%%_*}"
  peer="$("$root/dala" plan giga --inputs "$data/inputs" --config "$config" --choice giga --out "$out/$short-giga.csv" | awk '/^total:/ {print $2}')"
  start=$(date +%s.%N)
  run="$("$root/dala" plan giga --inputs "$data/inputs" --config "$config" --choice optimal --out "$out/$short-optimal.csv")"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  ours="$(echo "$run" | awk '/^total:/ {print $2}')"
  bound="$(echo "$run" | awk '/^lower_bound:/ {print $2}')"
  awk -v n="$short" -v o="$ours" -v p="$peer" -v b="$bound" -v s="$seconds" \
    'BEGIN { printf "giga-%s-total: ours=%.2f peer=%.2f ratio=%.4f (lower_bound=%.2f gap=%.4f%%, %.1f s)\n", n, o, p, o / p, b, (o - b) / o * 100, s }'
done

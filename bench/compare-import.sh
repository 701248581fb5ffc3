#!/usr/bin/env bash
# Import of the 9,899-point HOT/OSM export clipped to the 20 region polygons, as whole commands:
#   ours:  dala import settlements (into a SQLite store that already holds the regions; assigns each point its region)
#   peer:  GDAL ogr2ogr -clipsrc (into a SQLite file, clipping to the same polygons; no region assignment)
# Prints: name: ours=… peer=… ratio=…  (median wall seconds of N runs; ratio < 1 means ours is faster)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${DALA_SHARED_DATA:-$root/../shared/data}"
[ -d "$shared/kz" ] || shared=/work/shared/data
data="$shared/kz"
runs="${RUNS:-7}"
if ! command -v ogr2ogr >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq gdal-bin >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq gdal-bin >/dev/null; }
fi
"$root/dala" --help >/dev/null   # build once, outside the timing
dll="$root/artifacts/cli/dala.dll"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_it() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

ours=(); peer=()
for i in $(seq "$runs"); do
  rm -f "$tmp"/o.db* "$tmp"/p.db
  dotnet "$dll" import regions "$data/regions-osm.geojson" --store "$tmp/o.db" >/dev/null
  ours+=("$(time_it dotnet "$dll" import settlements "$data/hotosm_kaz_populated_places_points.geojson" --store "$tmp/o.db")")
  peer+=("$(time_it ogr2ogr -f SQLite "$tmp/p.db" "$data/hotosm_kaz_populated_places_points.geojson" -clipsrc "$data/regions-osm.geojson" \
           -where "name IS NOT NULL AND place IN ('city','town','village','hamlet')" -nln places)")
done
o=$(printf '%s\n' "${ours[@]}" | median); p=$(printf '%s\n' "${peer[@]}" | median)
kept=$(ogrinfo -q -sql "SELECT COUNT(*) FROM places" "$tmp/p.db" 2>/dev/null | awk -F'= ' '/COUNT/{print $2}')
printf 'import-hotosm-9899-clipped (s, median of %d; ours keeps 7098, peer kept %s): ours=%.3f peer=%.3f ratio=%.2f\n' \
  "$runs" "${kept:-?}" "$o" "$p" "$(echo "$o / $p" | bc -l)"

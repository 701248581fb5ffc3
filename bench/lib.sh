# Sourced by the bench scripts (bench/load-bench.sh, bench/intake-bench.sh): after it, $root is the checkout, $shared
# the shared data folder (../shared/data or /work/shared/data; DALA_SHARED_DATA overrides), the CLI and
# bench/Dala.Benchmarks are built, and these are defined:
#   dala ARGS...      the built CLI
#   bench ARGS...     the built benchmark program (bench/Dala.Benchmarks/Program.cs)
#   registry STORE    imports the 20 regions and the 7,098 OSM settlements into STORE and seeds the SYNTHETIC scenario
#   free_port         a free TCP port on 127.0.0.1
#   synthetic_tests DIR COUNT   prints DIR/tests-COUNT.csv, COUNT SYNTHETIC tests generated once and reused
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${DALA_SHARED_DATA:-$root/../shared/data}"
[ -d "$shared/kz" ] || shared=/work/shared/data
"$root/dala" --help >/dev/null
# As ./dala runs it: with its young-generation size for the garbage collector (see ./dala).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x8000000}"
dala() { dotnet "$root/artifacts/cli/dala.dll" "$@"; }
bench_out="$root/artifacts/bench"
dotnet build "$root/bench/Dala.Benchmarks/Dala.Benchmarks.csproj" -c Release -o "$bench_out" -nologo -v q -clp:ErrorsOnly >/dev/null
bench() { dotnet "$bench_out/Dala.Benchmarks.dll" "$@"; }
registry() {
  dala import regions "$shared/kz/regions-osm.geojson" --store "$1" >/dev/null
  dala import settlements "$shared/kz/hotosm_kaz_populated_places_points.geojson" --store "$1" >/dev/null
  dala scenario seed --store "$1" >/dev/null
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
synthetic_tests() {
  local dir="$1" count="$2" file="$1/tests-$2.csv"
  if [ ! -s "$file" ]; then
    rm -f "$dir/gen.db"*
    registry "$dir/gen.db"
    dala scenario measurements --count "$count" --out "$file.partial" --store "$dir/gen.db" >/dev/null
    mv "$file.partial" "$file"
  fi
  echo "$file"
}

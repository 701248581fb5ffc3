#!/usr/bin/env bash
# ITM point-to-point calls per CPU-second, ours vs NTIA's reference C++ (g++ -O2), the same generated profiles,
# one process each: prints itm-p2p-500 and itm-p2p-2000 lines.
#   bench/itm-bench.sh [seconds]
# The peer: NTIA's ITM sources (public domain, github.com/NTIA/itm; keep its LICENSE.md) in bench/peer/itm
# (src/*.cpp, include/), e.g. git clone --depth 1 https://github.com/NTIA/itm bench/peer/itm, or without internet
# the copy in /work/peer-itm (commit 065bf5d7, see its SOURCE.txt and bench/README.md). They are not committed here
# (bench/peer/.gitignore); without them the peer column reads n/a. Before timing, each length prints a check line:
# the peer's answer for every case against ours (bit-identical count, max |diff|); a mismatch makes the run exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}
peer=()
if [ -d bench/peer/itm/src ]; then
  out=bench/peer/itm-peer
  g++ -O2 -std=c++17 '-D__declspec(x)=' -Ibench/peer/itm/include -o "$out" bench/peer/main.cpp bench/peer/itm/src/*.cpp
  peer=("$PWD/$out")
fi
dotnet build bench/Dala.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
dotnet bench/Dala.Benchmarks/bin/Release/net10.0/Dala.Benchmarks.dll itm "$seconds" "${peer[@]}"

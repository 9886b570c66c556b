#!/usr/bin/env bash
# Runs the benchmarks on a generated ~1.9 MB retrieve body (10,000 segments).
# Needs `bash scripts/setup.sh` first (library built, binding installed).
# Numbers only: compare the ratios printed within one run (shared machines are noisy).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build/bench
mkdir -p "$out"
python3 "$root/bench/make_retrieve_body.py" "$out/retrieve-10k.json" "${SEGMENTS:-10000}"
cc -O2 -std=c99 -I"$root/include" "$root/bench/bench_json.c" -o "$out/bench_json" \
  -L"$root/build/lib" -lanalyze -ljansson -Wl,-rpath,"$root/build/lib"
"$out/bench_json" "$out/retrieve-10k.json" "${RUNS:-15}"
python3 "$root/bench/bench_python.py" "$out/retrieve-10k.json" "${RUNS:-15}"

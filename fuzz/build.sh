#!/usr/bin/env bash
# Builds the libFuzzer binary fuzz/build/fuzz-analyze: the core, the C ABI layer
# and the simdjson shim compiled with -sanitize=fuzzer,address (coverage-guided).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/fuzz/build
mkdir -p "$out"
clang++ -std=c++17 -O1 -g -fsanitize=fuzzer-no-link,address -fPIC \
  -I"$root/Sources/CSimdJSON/include" -c "$root/Sources/CSimdJSON/csimdjson.cpp" -o "$out/csimdjson.o"
extra=()
[ -d "$root/Sources/COpenSSL" ] && extra+=(-I "$root/Sources/COpenSSL")
flags=(-swift-version 6 -O -g -sanitize=fuzzer,address -parse-as-library -I "$root/Sources/CSimdJSON/include"
       -I "$root/Sources/CAnalyze" "${extra[@]}")
# The core as its own module (as in the real build), then the ABI layer and the entry point.
swiftc "${flags[@]}" -module-name AnalyzeCore -wmo -emit-module -emit-module-path "$out/AnalyzeCore.swiftmodule" \
  -c $(find "$root/Sources/AnalyzeCore" -name '*.swift' | sort) -o "$out/AnalyzeCore.o"
swiftc "${flags[@]}" -module-name AnalyzeFuzz -I "$out" \
  $(find "$root/Sources/analyze" -name '*.swift' | sort) "$root/fuzz/FuzzEntry.swift" "$root/fuzz/FuzzTargets.swift" \
  "$out/AnalyzeCore.o" "$out/csimdjson.o" -lsimdjson -lcrypto -lstdc++ -o "$out/fuzz-analyze" 2> >(grep -v "Cannot export local symbol" >&2)
echo "built $out/fuzz-analyze"

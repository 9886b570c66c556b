#!/usr/bin/env bash
# Builds one libFuzzer binary per C entry point, fuzz/build/fuzz-<target> for
# each fuzz/targets/<target>.c: the core, the C ABI layer and the simdjson shim
# are compiled once with coverage and AddressSanitizer (-sanitize=fuzzer,address),
# each target's C file is linked against them. It compiles Swift: on a shared
# machine run it under the build lock, as scripts/test.sh is.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/fuzz/build
mkdir -p "$out"
# Every C++ file of the shim (as CMake's CSimdJSON library has them).
shim_objects=()
for source in "$root"/Sources/CSimdJSON/*.cpp; do
  object=$out/shim-$(basename "$source" .cpp).o
  clang++ -std=c++17 -O1 -g -fsanitize=fuzzer-no-link,address -fPIC \
    -I"$root/Sources/CSimdJSON/include" -c "$source" -o "$object"
  shim_objects+=("$object")
done
flags=(-swift-version 6 -O -g -sanitize=fuzzer,address -parse-as-library -I "$root/Sources/CSimdJSON/include"
       -I "$root/Sources/CAnalyze" -I "$root/Sources/COpenSSL")
# The core as its own module (as in the real build), then the ABI layer.
swiftc "${flags[@]}" -module-name AnalyzeCore -wmo -emit-module -emit-module-path "$out/AnalyzeCore.swiftmodule" \
  -c $(find "$root/Sources/AnalyzeCore" -name '*.swift' | sort) -o "$out/AnalyzeCore.o"
swiftc "${flags[@]}" -module-name analyze -wmo -I "$out" \
  -c $(find "$root/Sources/analyze" -name '*.swift' | sort) -o "$out/analyze.o"
for source in "$root"/fuzz/targets/*.c; do
  target=$(basename "$source" .c)
  clang -std=c99 -O1 -g -Wall -Wextra -Werror -fsanitize=fuzzer-no-link,address -I "$root/include" \
    -c "$source" -o "$out/$target.o"
  swiftc -sanitize=fuzzer,address "$out/$target.o" "$out/analyze.o" "$out/AnalyzeCore.o" "${shim_objects[@]}" \
    -lsimdjson -lcrypto -lstdc++ -o "$out/fuzz-$target" 2> >(grep -v "Cannot export local symbol" >&2)
done
echo "built $(ls "$root"/fuzz/targets/*.c | wc -l) fuzz targets in $out"

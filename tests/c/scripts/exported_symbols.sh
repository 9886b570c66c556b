#!/bin/sh
# The .so exports exactly the functions listed in exported_symbols.txt (the ABI), nothing more or less.
set -eu
lib=$1 expected=$2
actual=$(nm -D --defined-only "$lib" | awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' | sort)
if [ "$actual" != "$(sort "$expected")" ]; then
  echo "exported symbols differ from $expected:"
  printf '%s\n' "$actual" | diff "$expected" - || true
  exit 1
fi
# Every exported symbol is declared in a public header.
for symbol in $actual; do
  grep -q "$symbol(" "$(dirname "$expected")/../../include/analyze.h" || { echo "$symbol is not declared in analyze.h"; exit 1; }
done
echo "exported symbols: $(printf '%s\n' "$actual" | wc -l) as listed"

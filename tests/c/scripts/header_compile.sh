#!/bin/sh
# The public headers compile warning-free as strict C99 and as C++17.
set -eu
include=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#include <analyze.h>\n#include <analyze_jansson.h>\nint main(void) { return analyze_abi_version() == ANALYZE_ABI_VERSION ? 0 : 1; }\n' > "$tmp/c.c"
cp "$tmp/c.c" "$tmp/cxx.cpp"
gcc -std=c99 -Wall -Wextra -Werror -pedantic -I"$include" -c "$tmp/c.c" -o "$tmp/c.o"
g++ -std=c++17 -Wall -Wextra -Werror -pedantic -I"$include" -c "$tmp/cxx.cpp" -o "$tmp/cxx.o"
if command -v clang >/dev/null 2>&1; then
  clang -std=c99 -Wall -Wextra -Werror -pedantic -I"$include" -c "$tmp/c.c" -o "$tmp/clang.o"
fi
echo "headers compile as C99 and C++17"

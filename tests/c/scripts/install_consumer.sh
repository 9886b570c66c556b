#!/bin/sh
# Installs into a scratch prefix and builds a tiny consumer two ways: pkg-config
# and CMake find_package(analyze) + analyze::analyze, each also for an
# analyze_jansson.h user (analyze-jansson / analyze::jansson). All must run.
set -eu
build=$1 consumer=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
libdir=$(ls -d "$tmp/prefix"/lib*/pkgconfig | head -n1 | xargs dirname)
test -f "$tmp/prefix/include/analyze.h" && test -f "$tmp/prefix/include/analyze_jansson.h"
test -L "$libdir/libanalyze.so" && test -L "$libdir/libanalyze.so.1"

# pkg-config
PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --exists analyze
cc -std=c99 -Wall -Werror "$consumer/consumer.c" -o "$tmp/by-pkg-config" \
  $(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs analyze) -Wl,-rpath,"$libdir"
"$tmp/by-pkg-config" | grep -q '^consumer ok {"a":1}$'
# analyze_jansson.h users: the analyze-jansson module adds jansson.
cc -std=c99 -Wall -Werror "$consumer/consumer_jansson.c" -o "$tmp/by-pkg-config-jansson" \
  $(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs analyze-jansson) -Wl,-rpath,"$libdir"
"$tmp/by-pkg-config-jansson" | grep -q '^consumer ok {"a":1}$'
# Without an rpath the loader needs the library's directory (README: LD_LIBRARY_PATH).
cc -std=c99 "$consumer/consumer.c" -o "$tmp/no-rpath" $(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs analyze)
LD_LIBRARY_PATH="$libdir" "$tmp/no-rpath" | grep -q '^consumer ok {"a":1}$'

# CMake package
cmake -S "$consumer" -B "$tmp/cmake-build" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/cmake-build" >/dev/null
"$tmp/cmake-build/consumer" | grep -q '^consumer ok {"a":1}$'
"$tmp/cmake-build/consumer_jansson" | grep -q '^consumer ok {"a":1}$'
echo "installed package consumed through pkg-config and find_package"

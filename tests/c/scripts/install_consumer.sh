#!/bin/sh
# Installs into a scratch prefix and builds a tiny consumer two ways: pkg-config
# and CMake find_package(analyze) + analyze::analyze. Both must run.
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

# CMake package
cmake -S "$consumer" -B "$tmp/cmake-build" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/cmake-build" >/dev/null
"$tmp/cmake-build/consumer" | grep -q '^consumer ok {"a":1}$'
echo "installed package consumed through pkg-config and find_package"

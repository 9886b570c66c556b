#!/usr/bin/env bash
# Every place that states the release version agrees with VERSION (see scripts/set_version.sh).
# Usage: version_consistency.sh REPO LIBRARY_FILE
set -euo pipefail
repo=$1 library=$2
version=$(tr -d '[:space:]' < "$repo/VERSION")
IFS=. read -r major minor patch <<< "$version"
fail() { echo "version_consistency: $*" >&2; exit 1; }
grep -q "^#define ANALYZE_VERSION_STRING \"$version\"$" "$repo/include/analyze.h" || fail "analyze.h ANALYZE_VERSION_STRING is not $version"
grep -q "^#define ANALYZE_VERSION_MAJOR $major$" "$repo/include/analyze.h" || fail "analyze.h MAJOR is not $major"
grep -q "^#define ANALYZE_VERSION_MINOR $minor$" "$repo/include/analyze.h" || fail "analyze.h MINOR is not $minor"
grep -q "^#define ANALYZE_VERSION_PATCH $patch$" "$repo/include/analyze.h" || fail "analyze.h PATCH is not $patch"
grep -q "static let string: StaticString = \"$version\"" "$repo/Sources/AnalyzeCore/Version.swift" || fail "Version.swift is not $version"
grep -q "^## \[$version\]" "$repo/CHANGELOG.md" || fail "CHANGELOG.md has no [$version] entry"
abi=$(sed -n 's/^#define ANALYZE_ABI_VERSION \([0-9]*\)$/\1/p' "$repo/include/analyze.h")
# The real file name starts with the SONAME: libanalyze.so.ABI.MINOR.PATCH.
[ "$(basename "$(readlink -f "$library")")" = "libanalyze.so.$abi.$minor.$patch" ] ||
  fail "library file is $(basename "$(readlink -f "$library")"), expected libanalyze.so.$abi.$minor.$patch"
echo "version $version agrees everywhere (library file libanalyze.so.$abi.$minor.$patch)"

#!/usr/bin/env bash
# Sets the release version everywhere from the one source, the VERSION file:
#   bash scripts/set_version.sh 0.3.0
# CMake and the Python package read VERSION directly; the hand-written header
# and the Swift constants are rewritten here, and ctest `version_consistency`
# fails when any of them disagrees with VERSION.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: set_version.sh MAJOR.MINOR.PATCH}
[[ $version =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || { echo "set_version.sh: not MAJOR.MINOR.PATCH: $version" >&2; exit 2; }
major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} patch=${BASH_REMATCH[3]}
echo "$version" > VERSION
sed -i -E "s/^(#define ANALYZE_VERSION_MAJOR) [0-9]+/\1 $major/; s/^(#define ANALYZE_VERSION_MINOR) [0-9]+/\1 $minor/; \
  s/^(#define ANALYZE_VERSION_PATCH) [0-9]+/\1 $patch/; s/^(#define ANALYZE_VERSION_STRING) \"[^\"]*\"/\1 \"$version\"/" include/analyze.h
sed -i -E "s/(static let major =) [0-9]+/\1 $major/; s/(static let minor =) [0-9]+/\1 $minor/; \
  s/(static let patch =) [0-9]+/\1 $patch/; s/(static let string: StaticString =) \"[^\"]*\"/\1 \"$version\"/" Sources/AnalyzeCore/Version.swift
echo "version $version: VERSION, include/analyze.h, Sources/AnalyzeCore/Version.swift (add its CHANGELOG.md entry)"

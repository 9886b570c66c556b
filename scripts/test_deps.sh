#!/usr/bin/env bash
# Installs what the simulator and client tests need from PyPI: httpx (the clients'
# one runtime dependency) and the official twelvelabs SDK, pinned, which the tests
# point at the simulator. The SDK is a test-only dependency: nothing in the package
# imports it. Safe to run again.
set -euo pipefail

pip_install() {
  python3 -m pip install -q --disable-pip-version-check "$@" 2>/dev/null ||
    python3 -m pip install -q --disable-pip-version-check --break-system-packages "$@"
}
python3 -c 'import httpx' 2>/dev/null || pip_install 'httpx>=0.24'
python3 -c 'import importlib.metadata as m, sys; sys.exit(m.version("twelvelabs") != "1.3.6")' 2>/dev/null ||
  pip_install 'twelvelabs==1.3.6'

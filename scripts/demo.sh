#!/usr/bin/env bash
# The main job: set up and build, then run the analyze tool on the examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
set -x
build/bin/analyze version
build/bin/analyze normalize examples/task-ready.json
python3 -m analyze version

#!/usr/bin/env bash
# Sets up (see setup.sh), then runs every test layer: Swift tests of the core,
# the C tests through the real libanalyze.so (ctest), and the Python tests
# through the installed binding (pytest). Fails when any layer fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Test-only Python packages (the official twelvelabs SDK the simulator tests drive).
bash scripts/test_deps.sh

echo "== swift test (core)"
swift test 2>&1 | tee /tmp/analyze-swift-test.log | grep -E "^(✔|✘|􀟈|.*error:)|Test run with|tests? (passed|failed)" | tail -n 40
grep -q "Test run with .* passed" /tmp/analyze-swift-test.log

echo "== ctest (C ABI, CLI, packaging)"
ctest --test-dir build --output-on-failure

# Benchmarks in quick mode (tiny inputs, one sample): proves analyze-bench and
# bench/python_vs_sdk.py still run; asserts nothing about speed (docs/benchmarks.md).
echo "== benchmarks, quick mode"
build/bin/analyze-bench --quick --json
python3 bench/python_vs_sdk.py --quick --json

# ---- Reliability (docs/reliability.md): the embedding, thread, fork, RSS and
# hostile-input tests above run in ctest (tests/reliability). Here: valgrind
# memcheck + helgrind of the C suite against the release .so (~2 min on 2 cores),
# the sanitizer build of the library (Swift ASan, UBSan on the C++ shim) with
# the C suite and the hostile driver against it (~3.5 min), and one libFuzzer
# target per entry point (~3 min to build, then 45 s in all). valgrind comes
# from Debian's valgrind package (scripts/setup.sh).
echo "== valgrind (memcheck + helgrind, release libanalyze.so)"
bash tests/reliability/valgrind.sh build
echo "== sanitizer build (ASan + UBSan) and the C suite + hostile inputs against it"
bash tests/reliability/sanitize.sh build-asan
echo "== fuzz smoke (one libFuzzer + AddressSanitizer target per C entry point, ${ANALYZE_FUZZ_SECONDS:-45} s in all)"
bash fuzz/run.sh "${ANALYZE_FUZZ_SECONDS:-45}"
# ---- end of the reliability block

echo "== pytest (Python binding, installed package)"
# Run from the tests folder against the installed package, not the source tree.
status=0
(cd bindings/python/tests && python3 -m pytest -q -p no:cacheprovider --import-mode=importlib .) || status=$?
if [ $status -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi
exit $status

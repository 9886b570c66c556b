#!/usr/bin/env bash
# Sanitizer build of libanalyze (the same sources, -DANALYZE_SANITIZE=ON: Swift
# AddressSanitizer, UBSan on the C++ shim) in BUILD_DIR (default build-asan),
# then the C suite and the reliability drivers against it, hostile inputs
# included. Any sanitizer report fails (ASan aborts, UBSan does not recover,
# LeakSanitizer checks every test's exit). Not run: the RSS tests (ASan's
# quarantine is in the RSS). It compiles Swift: on a shared machine run it
# under the build lock (flock /tmp/libanalyze-build.lock ...), as scripts/test.sh is.
# Usage: tests/reliability/sanitize.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath -m "${1:-$root/build-asan}")
targets=(analyze test_json test_request test_response test_webhook test_polling test_threads
         test_signal_state test_dlclose test_threads_all test_fork test_hostile test_hostile_cpu)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DANALYZE_SANITIZE=ON >/dev/null
cmake --build "$build" --target "${targets[@]}" > "$build/sanitize-build.log" 2>&1 ||
  { tail -n 40 "$build/sanitize-build.log"; exit 1; }

# The host programs are not instrumented, so the ASan runtime the library was
# linked against is preloaded (it must come first in the process).
swiftc=$(readlink -f "$(command -v swiftc)")
asan=$(ls "$(dirname "$swiftc")"/../lib/clang/*/lib/linux/libclang_rt.asan-x86_64.so | head -n 1)
lib=$build/lib/libanalyze.so.1
fixtures=$root/tests/fixtures
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
failed=0
run() {
  local name
  name=$(basename "$1")
  if (cd "$root/tests/c" && LD_PRELOAD=$asan "$@") > "$build/sanitize-$name.log" 2>&1; then
    echo "  asan+ubsan $name: clean ($(tail -n 1 "$build/sanitize-$name.log"))"
  else
    echo "  asan+ubsan $name: FAILED (see $build/sanitize-$name.log)"; tail -n 40 "$build/sanitize-$name.log"; failed=1
  fi
}
run "$build/bin/test_json" "$root/tests/c/corpus"
run "$build/bin/test_request" "$fixtures/requests"
run "$build/bin/test_response" "$fixtures/responses"
run "$build/bin/test_webhook" "$fixtures/webhook"
run "$build/bin/test_polling"
run "$build/bin/test_threads"
run "$build/bin/test_signal_state" "$lib" "$fixtures"
run "$build/bin/test_threads_all" "$lib" "$fixtures"
run "$build/bin/test_fork" "$lib" "$fixtures"
run "$build/bin/test_hostile" "$lib" "$fixtures"
run "$build/bin/test_hostile_cpu" "$lib" "$fixtures"
exit $failed

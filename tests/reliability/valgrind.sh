#!/usr/bin/env bash
# valgrind over the release libanalyze.so (docs/reliability.md):
#  - memcheck: the C suite (tests/c) plus the 16-thread and signal-state tests;
#    zero errors and zero definitely/indirectly lost bytes, with no suppression
#    file (the Swift runtime's one-time metadata caches stay reachable, so they
#    are neither "definitely" nor "indirectly" lost);
#  - helgrind: the 16-thread test, with helgrind.supp (the runtime's lock-free
#    metadata and witness-table caches, explained there). That test answers every case once on
#    one thread first (its expected answers), so the process's one-time
#    initializations (swift_once globals, simdjson's choice of implementation)
#    happen before the threads start: helgrind cannot see the acquire/release
#    atomics that order them, and reports each as a race. What it checks is
#    everything after them: libanalyze's per-call state under 16 threads.
# Not run under valgrind, by design: test_fork (children _exit with other
# threads' allocations in flight, which memcheck reports as lost), the RSS tests
# (valgrind's own memory is in the RSS), the hostile driver (run against the
# sanitizer build instead: under memcheck it takes many minutes).
# Usage: tests/reliability/valgrind.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed" >&2; exit 1; }
lib=$build/lib/libanalyze.so.1
fixtures=$root/tests/fixtures
failed=0

run() {
  local tool=$1; shift
  local name
  name=$(basename "$1")
  local log=$build/valgrind-$tool-$name.log
  local flags=(-q --error-exitcode=99)
  if [ "$tool" = memcheck ]; then
    flags+=(--leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect)
  else
    flags+=(--tool=helgrind --suppressions="$root/tests/reliability/helgrind.supp")
  fi
  if (cd "$root/tests/c" && valgrind "${flags[@]}" "$@") > "$log" 2>&1; then
    echo "  $tool $name: clean"
  else
    echo "  $tool $name: FAILED (see $log)"; tail -n 30 "$log"; failed=1
  fi
}

run memcheck "$build/bin/test_json" "$root/tests/c/corpus"
run memcheck "$build/bin/test_request" "$fixtures/requests"
run memcheck "$build/bin/test_response" "$fixtures/responses"
run memcheck "$build/bin/test_webhook" "$fixtures/webhook"
run memcheck "$build/bin/test_polling"
run memcheck "$build/bin/test_threads"
run memcheck "$build/bin/test_threads_all" "$lib" "$fixtures" 2
run memcheck "$build/bin/test_signal_state" "$lib" "$fixtures"
run helgrind "$build/bin/test_threads_all" "$lib" "$fixtures" 2
exit $failed

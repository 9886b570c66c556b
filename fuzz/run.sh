#!/usr/bin/env bash
# Builds the fuzzer and runs it for SECONDS (default 60) over the seed corpus.
# Any crash, Swift trap or sanitizer report stops it with a non-zero exit and
# leaves the reproducer in fuzz/build/ (crash-*). Usage: fuzz/run.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
bash "$root/fuzz/build.sh"
mkdir -p "$root/fuzz/build/work"
cd "$root/fuzz/build"
status=0
./fuzz-analyze -dict="$root/fuzz/fuzz.dict" -max_total_time="$seconds" -max_len=16384 \
  -print_final_stats=1 work "$root"/fuzz/corpus/* > fuzz.log 2>&1 || status=$?
grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|SUMMARY|Test unit written|Fatal error" fuzz.log || true
if [ $status -ne 0 ]; then echo "fuzz: FAILED (exit $status); see fuzz/build/fuzz.log"; tail -n 40 fuzz.log; fi
exit $status

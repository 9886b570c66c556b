#!/usr/bin/env bash
# Builds the fuzz targets (build.sh) and runs each one: first over its
# regression inputs (fuzz/regressions/<target>/, every crash ever found: each
# must now pass), then fuzzing from its seeds for its share of the time.
# Any crash, Swift trap, sanitizer report, leak, or input slower than 10 s
# stops it with a non-zero exit and leaves the reproducer in fuzz/build/
# (crash-*, leak-*, timeout-*): copy it to fuzz/regressions/<target>/ once fixed.
#
# Usage: fuzz/run.sh [SECONDS]        smoke: SECONDS (default 45) shared by all targets
#        fuzz/run.sh --long [HOURS]   every target for HOURS (default 1) each, with
#                                     a persistent corpus in fuzz/build/work-<target>
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fixtures=$root/tests/fixtures
long=0
if [ "${1:-}" = "--long" ]; then long=1; hours=${2:-1}; else seconds=${1:-45}; fi

# Seeds: the target's own corpus (inputs that are not fixtures) and the fixtures
# it reads, used in place (no copies).
seeds() {
  local dirs=()
  [ -d "$root/fuzz/corpus/$1" ] && dirs+=("$root/fuzz/corpus/$1")
  case $1 in
    json_normalize) dirs+=("$root/tests/c/corpus" "$fixtures/responses" "$fixtures/webhook") ;;
    request_validate|request_build) dirs+=("$root/fuzz/corpus/request_validate" "$root/fuzz/regressions/request_validate"
                                           "$fixtures/requests") ;;
    response_parse|task_parse|segments_export|segments_hls) dirs+=("$fixtures/responses") ;;
    webhook_parse) dirs+=("$fixtures/webhook" "$fixtures/responses") ;;
    request_build_delete|request_build_cancel|request_build_batch_id) dirs+=("$root/fuzz/corpus/request_build_retrieve") ;;
    batch_validate|request_build_batch_create|batch_from_jsonl) dirs+=("$fixtures/requests") ;;
    batch_results_parse) dirs+=("$fixtures/responses/revision-2026-10") ;;
    webhook_verify|webhook_sign) dirs+=("$root/fuzz/corpus/webhook_verify") ;;
  esac
  [ ${#dirs[@]} -eq 0 ] || printf '%s\n' "${dirs[@]}" | sort -u
}

bash "$root/fuzz/build.sh"
cd "$root/fuzz/build"
targets=$(cd "$root/fuzz/targets" && ls *.c | sed 's/\.c$//')
count=$(echo "$targets" | wc -l)
status=0
for target in $targets; do
  regressions=$root/fuzz/regressions/$target
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    ./fuzz-$target -runs=0 "$regressions"/* > "regressions-$target.log" 2>&1 ||
      { echo "fuzz $target: a regression input fails again (see fuzz/build/regressions-$target.log)"; status=1; }
  fi
  if [ $long -eq 1 ]; then
    work=work-$target; time_limit=$((hours * 3600))
  else
    work=$(mktemp -d "smoke-$target.XXXX"); time_limit=$(( seconds / count > 1 ? seconds / count : 1 ))
  fi
  mkdir -p "$work"
  mapfile -t seed_dirs < <(seeds "$target")
  if ./fuzz-$target -dict="$root/fuzz/fuzz.dict" -max_total_time="$time_limit" -max_len=16384 -timeout=10 \
       -rss_limit_mb=4096 -print_final_stats=1 "$work" "${seed_dirs[@]}" > "fuzz-$target.log" 2>&1; then
    echo "fuzz $target: $(grep -E '^stat::number_of_executed_units' "fuzz-$target.log" | awk '{print $2}') runs, no failure"
  else
    echo "fuzz $target: FAILED; see fuzz/build/fuzz-$target.log"
    grep -E "ERROR|SUMMARY|Test unit written|Fatal error" "fuzz-$target.log" | head -n 20 || true
    status=1
  fi
  [ $long -eq 1 ] || rm -rf "$work"
done
exit $status

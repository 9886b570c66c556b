#!/usr/bin/env bash
# The main job: set up and build, then run one real story against the
# simulator (a faithful local Analyze API) on 127.0.0.1:
#   1. a sports-match segmentation task (goals and fouls, typed fields) sent by the C tool;
#   2. a general task and a json_schema task from Python (libanalyze.Client), waited with progress;
#   3. the webhook for the task of step 1, received and verified by a local receiver;
#   4. that task's segments as a table and as WebVTT;
#   5. its timeline picture (build/demo/timeline.svg) and HLS rendition (build/demo/hls/).
# The same task id runs from the request to the result. Everything it writes is in build/demo/
# (or in $ANALYZE_DEMO_OUT; the folder is emptied first).
#
# Usage: bash scripts/demo.sh [--no-build] [--live]
#   --no-build  skip scripts/setup.sh (the build and the Python binding must be there already)
#   --live      target the hosted API instead of the simulator: needs TWELVELABS_API_KEY, uses
#               TWELVELABS_BASE_URL or https://api.twelvelabs.io/v1.3, and skips step 3 (the hosted API
#               sends webhooks to the URL registered for your account, not to this machine).
# $PYTHON picks the interpreter (default python3); $DEMO_SIMULATOR_FLAGS adds simulator flags (e.g.
# "--rate-limit-every 3" or "--fail-rate 1", docs/simulator.md). Exits non-zero when any step fails;
# the simulator and the receiver are stopped on every way out.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1 live=0
for argument in "$@"; do
  case $argument in
    --no-build) build=0 ;;
    --live) live=1 ;;
    -h | --help) sed -n '2,/^set -euo/{/^set/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "demo: unknown argument '$argument' (try --help)" >&2; exit 2 ;;
  esac
done
python=${PYTHON:-python3}
analyze=build/bin/analyze
out=${ANALYZE_DEMO_OUT:-build/demo}   # where everything is written (the tests point it elsewhere)
step() { printf '\n== %s\n' "$*"; }
fail() { echo "demo: $*" >&2; exit 1; }
started=$SECONDS
[ $live = 0 ] || [ -n "${TWELVELABS_API_KEY:-}" ] || fail "--live needs TWELVELABS_API_KEY"

if [ $build = 1 ]; then
  echo "== setting up: packages, build, Python binding (progress below; quiet when already done)"
  # Setup's own progress lines stay; the build's per-file lines are folded into a count.
  bash scripts/setup.sh | awk '/^\[[0-9]+\/[0-9]+\]/ { n++; if (n % 10 == 1) print "  building... " $1; next } { print }'
  started=$SECONDS
fi
[ -x $analyze ] || fail "$analyze is missing: run without --no-build"

# Every process started here is stopped on every way out (a failed step, Ctrl-C, SIGTERM).
children=()
stop_children() {
  local pid
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${children[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_children EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# first_line FILE LOG PID NAME: waits (at most 10 s) for the first line that background process PID
# writes to FILE and prints it; fails with LOG (its stderr) when the process ends first.
first_line() {
  local file=$1 log=$2 pid=$3 tries=0
  until [ -s "$file" ]; do
    kill -0 "$pid" 2>/dev/null || fail "$4 exited before it was ready: $(cat "$log")"
    tries=$((tries + 1))
    [ $tries -le 100 ] || fail "$4 did not start within 10 s"
    sleep 0.1
  done
  head -n 1 "$file"
}

# The value of a top-level string member of a compact JSON object ("task_id", ...).
member() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -n 1; }

rm -rf "$out"
mkdir -p "$out"
# How long a task may take: the simulator's take a second; a real video minutes.
wait_s=60
if [ $live = 1 ]; then
  wait_s=3600
  export TWELVELABS_BASE_URL=${TWELVELABS_BASE_URL:-https://api.twelvelabs.io/v1.3}
  step "the hosted API: $TWELVELABS_BASE_URL"
else
  step "starting a webhook receiver and the simulator on 127.0.0.1"
  secret="whsec_demo_$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  $python examples/webhook_receiver.py --serve --port 0 --secret "$secret" > "$out/webhooks.log" 2> "$out/receiver.log" &
  children+=($!)
  receiver=$(first_line "$out/webhooks.log" "$out/receiver.log" $! "the webhook receiver")
  # shellcheck disable=SC2086 # the extra flags are words
  $python -m libanalyze.simulator --port 0 --webhook-url "$receiver" --webhook-secret "$secret" \
    ${DEMO_SIMULATOR_FLAGS:-} > "$out/simulator.url" 2> "$out/simulator.log" &
  children+=($!)
  TWELVELABS_BASE_URL=$(first_line "$out/simulator.url" "$out/simulator.log" $! "the simulator")
  export TWELVELABS_BASE_URL
  export TWELVELABS_API_KEY=demo-key  # the simulator takes any key
  echo "receiver:  $receiver (examples/webhook_receiver.py --serve; its log: $out/webhooks.log)"
  echo "simulator: $TWELVELABS_BASE_URL (python3 -m libanalyze.simulator; request log: $out/simulator.log)"
fi

step "1. a sports-match segmentation task from the C tool: goals and fouls (team enum, minute integer, player string, a timestamp)"
$analyze validate examples/request-match.json
echo "\$ analyze submit examples/request-match.json"
$analyze submit examples/request-match.json | tee "$out/match-created.json"
task_id=$(member task_id < "$out/match-created.json")
[ -n "$task_id" ] || fail "the create answer names no task"
echo "created task $task_id; waiting for it"
echo "\$ analyze wait $task_id   (one progress line per poll on stderr)"
$analyze wait --timeout $wait_s "$task_id" > "$out/match-task.json"
[ "$(member task_id < $out/match-task.json)" = "$task_id" ] || fail "the waited task is not $task_id"
echo "task $task_id: $(member status < $out/match-task.json)"

step "2. a general task and a json_schema task from Python (libanalyze.Client.analyze, with progress)"
$python examples/demo.py analyze --timeout $wait_s examples/request-general.json examples/request-schema.json

step "3. the webhook for task $task_id, verified by the receiver (libanalyze.verify_webhook on the raw body)"
if [ $live = 1 ]; then
  echo "skipped with --live: point the webhook URL of your account at examples/webhook_receiver.py --serve"
else
  tries=0
  until grep -q "for task $task_id\$" "$out/webhooks.log"; do
    tries=$((tries + 1))
    [ $tries -le 100 ] || fail "no verified webhook for task $task_id within 10 s: $(cat $out/webhooks.log)"
    sleep 0.1
  done
  grep "for task $task_id\$" "$out/webhooks.log"
fi

step "4. the segments of task $task_id: a table, and WebVTT (to serve beside the video)"
$python examples/demo.py table "$out/match-task.json"
$analyze segments --format vtt "$out/match-task.json" | tee "$out/segments.vtt"

step "5. the timeline picture and the HLS rendition of task $task_id"
$analyze segments --format svg "$out/match-task.json" > "$out/timeline.svg"
grep -q "task $task_id" "$out/timeline.svg" || fail "the timeline is not of task $task_id"
echo "$out/timeline.svg: one lane per definition on the video's time axis ($(wc -c < $out/timeline.svg) bytes; open it in a browser)"
$python examples/demo.py hls "$out/match-task.json" "$out/hls"

step "done in $((SECONDS - started)) s after the build: task $task_id from request to webhook, table, WebVTT, SVG and HLS"

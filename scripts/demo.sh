#!/usr/bin/env bash
# The main job: set up and build, then walk one analysis task end to end with
# the `analyze` tool and the Python binding — validate a request, build its HTTP
# request, parse the API's answers, decide when to poll again, turn the result
# into WebVTT, and verify a webhook. No network: the API's answers are the
# recorded responses in examples/ (libanalyze is sans-IO; a real host sends the
# HTTP requests it builds and hands it what comes back).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== setting up: packages, build, Python binding (progress below; quiet when already done)"
# Setup's own progress lines stay; the build's per-file lines are folded into a count.
bash scripts/setup.sh | awk '/^\[[0-9]+\/[0-9]+\]/ { n++; if (n % 10 == 1) print "  building... " $1; next } { print }'
analyze=build/bin/analyze
step() { printf '\n== %s\n' "$*"; }

step "library"
$analyze version

step "1. validate a segmentation request (pegasus1.5, time_based_metadata)"
$analyze validate examples/request-segments.json

step "2. a request with mistakes: every issue at once, with its path (exit 1)"
$analyze validate examples/request-invalid.json || echo "(exit $?)"

step "3. build the HTTP request for POST /analyze/tasks (sans-IO: data, not a socket)"
$analyze build-request --api-key demo-key --idempotency-key 7d7f3c2e-5a0b-4c1e-9d1a-2b6f0e8c4a11 \
  examples/request-segments.json

step "4. parse the 202 answer"
$analyze parse-response --kind create --status 202 examples/response-create-202.json

step "5. poll: the task is still processing, so wait (attempt 2, 25% jitter)"
$analyze poll-next --attempt 2 --option jitter=0.25 examples/task-processing.json

step "6. a 429 with Retry-After: an API error, retryable, never sooner than asked (exit 1)"
$analyze parse-response --kind retrieve --status 429 --header 'Retry-After: 7' examples/error-429.json || echo "(exit $?)"

step "7. the task is ready: normalized, times in seconds, checked against its definitions"
$analyze parse-task examples/task-ready-segments.json

step "8. its segments as WebVTT, to serve beside HLS"
$analyze segments --format vtt examples/task-ready-segments.json

step "9. a webhook: sign it as the platform would, verify it as a receiver"
now=$(date +%s)
signature=$($analyze sign-webhook --secret whsec_demo --timestamp "$now" examples/webhook-ready.json)
echo "TL-Signature: $signature"
$analyze verify-webhook --secret whsec_demo --signature "$signature" examples/webhook-ready.json
$analyze verify-webhook --secret wrong-secret --signature "$signature" examples/webhook-ready.json || echo "(exit $?)"

step "10. the same journey from Python"
python3 examples/demo.py

#!/bin/sh
# The batch commands of the analyze CLI (validate-batch, batch-build,
# build-batch-request), api-revisions, and parse-response for cancel and every
# batch operation: output bytes, stderr and exit codes.
set -u
cli=$1 requests=$2 responses=$3
unset ANALYZE_API_REVISION # the revision default would reach every validate below
. "$(dirname "$0")/expect.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

usage_validate='usage: analyze validate-batch [--json] [--video-duration SECONDS]
                              [--api-revision REV] [--validate strict|warn|off]
                              FILE|-'
usage_jsonl='usage: analyze batch-build [--model-name M] [--analysis-mode A]
                           [--defaults FILE] FILE|-'
usage_build='usage: analyze build-batch-request --api-key KEY [--idempotency-key K]
                                   [--base-url URL] [--user-agent UA]
                                   [--video-duration SECONDS]
                                   [--api-revision REV]
                                   [--validate strict|warn|off] FILE|-'

# ---- api-revisions ----------------------------------------------------------
out=$("$cli" api-revisions); code=$?
[ $code -eq 0 ] || { echo "FAIL: api-revisions exit $code"; fail=1; }
case "$out" in '{"default":"2026-05","revisions":[{"name":"2026-05","default":true,"default_model":"pegasus1.2",'*) ;;
  *) echo "FAIL: api-revisions prints '$out'"; fail=1 ;; esac
case "$out" in *'{"name":"2026-10","default":false,"default_model":"pegasus1.5",'*) ;;
  *) echo "FAIL: api-revisions lacks 2026-10: '$out'"; fail=1 ;; esac
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || { echo "FAIL: api-revisions is not one line"; fail=1; }
expect_all 2 '' "analyze: unexpected argument 'x': api-revisions takes no input
usage: analyze api-revisions" -- "$cli" api-revisions x

# ---- batch-build --------------------------------------------------------------
items='{"custom_id":"match-1","video":{"type":"asset_id","asset_id":"a1"}},{"custom_id":"match-2","video":{"type":"asset_id","asset_id":"a2"},"max_tokens":2048},{"custom_id":"match-3","video":{"type":"asset_id","asset_id":"a3"},"prompt":{"input_text":"List the goals."}}'
# Blank lines are skipped, CRLF accepted, items kept in order and compact.
expect_all 0 "{\"model_name\":\"pegasus1.5\",\"analysis_mode\":\"general\",\"requests\":[$items]}" '' -- \
  "$cli" batch-build "$requests/batch_items.jsonl"
expect_all 0 "{\"model_name\":\"pegasus1.5\",\"analysis_mode\":\"time_based_metadata\",\"requests\":[$items]}" '' -- \
  sh -c "'$cli' batch-build --analysis-mode time_based_metadata - < '$requests/batch_items.jsonl'"
# The committed valid batch is exactly what batch-build makes of the items and the defaults.
expect_all 0 "$(cat "$requests/batch_valid.json")" '' -- \
  "$cli" batch-build --model-name pegasus1.5 --defaults "$requests/batch_defaults.json" "$requests/batch_items.jsonl"
expect_all 0 '{"model_name":"pegasus1.5","analysis_mode":"general","requests":[]}' '' -- sh -c "printf '' | '$cli' batch-build -"
printf '{"custom_id":"a"}\n[1]\n' > "$tmp/array_line.jsonl"
expect_all 2 '' "analyze: $tmp/array_line.jsonl: line 2: an item must be a JSON object, not an array" -- \
  "$cli" batch-build "$tmp/array_line.jsonl"
printf '{}\n{}\n{"a":' > "$tmp/truncated.jsonl"
err=$("$cli" batch-build "$tmp/truncated.jsonl" 2>&1 >/dev/null); code=$?
case "$code:$err" in "2:analyze: $tmp/truncated.jsonl: line 3: "*) ;; *) echo "FAIL: truncated line: exit $code, '$err'"; fail=1 ;; esac
echo '[]' > "$tmp/array.json"
expect_all 2 '' "analyze: --defaults: option defaults must be an object, not an array
$usage_jsonl" -- "$cli" batch-build --defaults "$tmp/array.json" "$requests/batch_items.jsonl"
printf '{"a":' > "$tmp/broken.json"
expect 2 '' -- "$cli" batch-build --defaults "$tmp/broken.json" "$requests/batch_items.jsonl"
expect 2 '' -- "$cli" batch-build --defaults "$tmp/missing.json" "$requests/batch_items.jsonl"
expect 2 '' -- "$cli" batch-build "$tmp/missing.jsonl"
expect_all 2 '' "analyze: missing the items (JSON Lines): give a FILE, or - for standard input
$usage_jsonl" -- "$cli" batch-build --model-name pegasus1.5
expect_all 2 '' "analyze: batch-build: unknown option '--model' (allowed: --model-name, --analysis-mode, --defaults, --help)
$usage_jsonl" -- "$cli" batch-build --model pegasus1.5 "$requests/batch_items.jsonl"

# ---- validate-batch -----------------------------------------------------------
invalid='error parameter_invalid requests[1].custom_id: duplicate custom_id "x": requests[0] has it already; custom_ids must be unique within a batch
error parameter_invalid requests[1].max_tokens: must be between 512 and 98,304 for pegasus1.5 with analysis_mode general (default 4,096); got 100
error parameter_invalid requests[2].video.type: must be asset_id in a batch (batches analyze uploaded assets); got "url"
error parameter_invalid requests[3].max_tokens: must be an integer in a batch ("unlimited" is for single tasks)
error parameter_not_provided requests[3].video: required: {"type": "asset_id", "asset_id": ...} (batches analyze uploaded assets)
invalid: 5 errors, 0 warnings'
expect_all 0 'valid: 0 errors, 0 warnings' '' -- "$cli" validate-batch "$requests/batch_valid.json"
expect_all 0 'valid: 0 errors, 0 warnings' '' -- "$cli" validate-batch --api-revision 2026-10 "$requests/batch_valid.json"
expect_all 0 '{"valid":true,"issues":[]}' '' -- "$cli" validate-batch --json "$requests/batch_valid.json"
expect_all 1 "$invalid" '' -- "$cli" validate-batch "$requests/batch_invalid.json"
expect_all 1 "$invalid" '' -- sh -c "'$cli' validate-batch - < '$requests/batch_invalid.json'"
expect_all 1 '{"valid":false,"issues":[{"severity":"error","code":"parameter_invalid","path":"requests[1].custom_id","message":"duplicate custom_id \"x\": requests[0] has it already; custom_ids must be unique within a batch"},{"severity":"error","code":"parameter_invalid","path":"requests[1].max_tokens","message":"must be between 512 and 98,304 for pegasus1.5 with analysis_mode general (default 4,096); got 100"},{"severity":"error","code":"parameter_invalid","path":"requests[2].video.type","message":"must be asset_id in a batch (batches analyze uploaded assets); got \"url\""},{"severity":"error","code":"parameter_invalid","path":"requests[3].max_tokens","message":"must be an integer in a batch (\"unlimited\" is for single tasks)"},{"severity":"error","code":"parameter_not_provided","path":"requests[3].video","message":"required: {\"type\": \"asset_id\", \"asset_id\": ...} (batches analyze uploaded assets)"}]}' '' -- \
  "$cli" validate-batch --json "$requests/batch_invalid.json"
expect_all 1 'error parameter_invalid (document): the batch must be a JSON object, not an array
invalid: 1 error, 0 warnings' '' -- "$cli" validate-batch "$tmp/array.json"
expect_all 2 '' "analyze: $tmp/broken.json: unexpected end of input: a value is missing at line 1, column 6 (byte 5)" -- \
  "$cli" validate-batch "$tmp/broken.json"
expect 2 '' -- "$cli" validate-batch "$tmp/missing.json"
# The revision comes from --api-revision, else $ANALYZE_API_REVISION; an unknown one is blamed on its source.
expect_all 2 '' "analyze: --api-revision: option api_revision \"1999-01\" is not a revision this library knows; known: 2026-05, 2026-10
$usage_validate" -- "$cli" validate-batch --api-revision 1999-01 "$requests/batch_valid.json"
expect_all 2 '' "analyze: --api-revision (from \$ANALYZE_API_REVISION): option api_revision \"1999-01\" is not a revision this library knows; known: 2026-05, 2026-10
$usage_validate" -- env ANALYZE_API_REVISION=1999-01 "$cli" validate-batch "$requests/batch_valid.json"
expect_all 0 'valid: 0 errors, 0 warnings' '' -- env ANALYZE_API_REVISION=2026-10 "$cli" validate-batch "$requests/batch_valid.json"
expect_all 2 '' "analyze: --video-duration: option video_duration must be a positive number of seconds
$usage_validate" -- "$cli" validate-batch --video-duration 0 "$requests/batch_valid.json"
expect_all 2 '' "analyze: missing the create-batch body: give a FILE, or - for standard input
$usage_validate" -- "$cli" validate-batch --json

# ---- build-batch-request ------------------------------------------------------
body=$(sed 's/\\/\\\\/g; s/"/\\"/g' "$requests/batch_valid.json")
expect_all 0 "{\"method\":\"POST\",\"url\":\"https://api.twelvelabs.io/v1.3/analyze/batches\",\"headers\":{\"x-api-key\":\"tlk_SECRET\",\"Content-Type\":\"application/json\",\"Idempotency-Key\":\"batch-1\",\"User-Agent\":\"demo/1.0\"},\"body\":\"$body\\n\"}" '' -- \
  "$cli" build-batch-request --api-key tlk_SECRET --idempotency-key batch-1 --user-agent demo/1.0 "$requests/batch_valid.json"
expect_all 0 "{\"method\":\"POST\",\"url\":\"http://127.0.0.1:8080/analyze/batches\",\"headers\":{\"x-api-key\":\"k\",\"Content-Type\":\"application/json\"},\"body\":\"$body\"}" '' -- \
  sh -c "tr -d '\n' < '$requests/batch_valid.json' | '$cli' build-batch-request --api-key k --base-url http://127.0.0.1:8080/ -"
# A batch that breaks a rule: every issue on stderr, as validate-batch prints them, exit 1.
expect_all 1 '' "$invalid" -- "$cli" build-batch-request --api-key tlk_SECRET "$requests/batch_invalid.json"
# --validate warn builds it anyway, the report in "validation"; off checks only the JSON.
out=$("$cli" build-batch-request --api-key k --validate warn "$requests/batch_invalid.json" 2>/dev/null); code=$?
case "$code:$out" in '0:{"method":"POST","url":"https://api.twelvelabs.io/v1.3/analyze/batches",'*'"validation":{"valid":false,"issues":[{"severity":"error","code":"parameter_invalid","path":"requests[1].custom_id",'*) ;;
  *) echo "FAIL: --validate warn: exit $code, '$out'"; fail=1 ;; esac
out=$("$cli" build-batch-request --api-key k --validate off "$requests/batch_invalid.json" 2>/dev/null); code=$?
case "$code:$out" in '0:{"method":"POST",'*'"validation"'*) echo "FAIL: --validate off reports"; fail=1 ;; '0:{"method":"POST",'*) ;;
  *) echo "FAIL: --validate off: exit $code, '$out'"; fail=1 ;; esac
expect_all 2 '' "analyze: --api-key KEY is required
$usage_build" -- "$cli" build-batch-request "$requests/batch_valid.json"
err=$("$cli" build-batch-request --api-key "tlk SECRET" "$requests/batch_valid.json" 2>&1 >/dev/null); code=$?
case "$code:$err" in *SECRET*) echo "FAIL: the API key is echoed: $err"; fail=1 ;; "2:analyze: --api-key: option api_key"*) ;;
  *) echo "FAIL: bad key: exit $code, '$err'"; fail=1 ;; esac
expect 2 '' -- "$cli" build-batch-request --api-key k "$tmp/broken.json"

# ---- parse-response: cancel and the batch operations --------------------------
dir=$responses/revision-2026-10
batch='"batch_id":"b-77","model_name":"pegasus1.5","analysis_mode":"general","status":"canceling","terminal":false,"known":true,"total_items":3,"items":{"queued":0,"processing":1,"ready":1,"failed":0,"canceled":1},"created_at":"2026-11-30T10:00:00Z","created_at_ms":1796032800000,"expires_at":"2026-12-01T10:00:00Z","expires_at_ms":1796119200000,"completed_at":null,"completed_at_ms":null,"canceled_at":null,"canceled_at_ms":null,"expired_at":null,"expired_at_ms":null,"webhooks":[]'
expect_all 0 '{"task_id":"6745a1b2c3d4e5f678901001","status":"canceled"}' '' -- \
  "$cli" parse-response --kind cancel --status 200 "$dir/cancel_200.json"
expect_all 0 '{"batch_id":"b-77","model_name":null,"analysis_mode":null,"status":"pending","terminal":false,"known":true,"total_items":2,"items":{"queued":null,"processing":null,"ready":null,"failed":null,"canceled":null},"created_at":"2026-11-30T10:00:00Z","created_at_ms":1796032800000,"expires_at":"2026-12-01T10:00:00Z","expires_at_ms":1796119200000,"completed_at":null,"completed_at_ms":null,"canceled_at":null,"canceled_at_ms":null,"expired_at":null,"expired_at_ms":null,"webhooks":[],"tasks":[{"task_id":"t-1","custom_id":"a"},{"task_id":"t-2","custom_id":null}]}' '' -- \
  "$cli" parse-response --kind batch-create --status 201 "$dir/batch_create_201.json"
expect_all 0 "{$batch}" '' -- "$cli" parse-response --kind batch-retrieve --status 200 "$dir/batch_status.json"
expect_all 0 "{$batch}" '' -- "$cli" parse-response --kind batch-cancel --status 202 "$dir/batch_status.json"
tr -d '\n' < "$dir/batch_status.json" > "$tmp/batch.json"
printf '{"data":[%s],"page_info":{"limit_per_page":10,"page":1,"total_page":1,"total_results":1}}' "$(cat "$tmp/batch.json")" > "$tmp/list.json"
expect_all 0 "{\"data\":[{$batch}],\"page_info\":{\"limit_per_page\":10,\"page\":1,\"total_page\":1,\"total_results\":1}}" '' -- \
  "$cli" parse-response --kind batch-list --status 200 "$tmp/list.json"
expect_all 0 '{"deleted":true}' '' -- "$cli" parse-response --kind batch-delete --status 200 /dev/null
expect_all 0 '{"results":[{"line":1,"task_id":"t-1","custom_id":"a","status":"ready","terminal":true,"known":true,"result":{"generation_id":"g","data":"Two goals.","finish_reason":"stop","usage":{"output_tokens":3,"input_tokens":null},"truncated":false,"issues":[]},"error":null},{"line":2,"task_id":"t-2","custom_id":null,"status":"failed","terminal":true,"known":true,"result":null,"error":{"message":"The window is over 2 hours.","code":"video_duration_too_long"}},{"line":3,"task_id":"t-3","custom_id":"c","status":"canceled","terminal":true,"known":true,"result":null,"error":{"message":"The batch expired.","code":"batch_expired"}}],"errors":[]}' '' -- \
  "$cli" parse-response --kind batch-results --status 200 "$dir/batch_results.jsonl"
# A malformed results line is reported with its number, never dropped, and the command still succeeds.
{ head -n 1 "$dir/batch_results.jsonl"; echo '{"task_id": '; } > "$tmp/results.jsonl"
out=$("$cli" parse-response --kind batch-results --status 200 "$tmp/results.jsonl"); code=$?
case "$code:$out" in '0:{"results":[{"line":1,"task_id":"t-1",'*'"errors":[{"line":2,"message":'*) ;;
  *) echo "FAIL: malformed results line: exit $code, '$out'"; fail=1 ;; esac
# 409s are API errors: the error object on stdout, the summary on stderr, exit 1.
expect_all 1 '{"http_status":409,"code":"batch_not_terminal","message":"the batch is still running","details":null,"retryable":false,"retry_after_ms":null,"raw":null}' \
  'analyze: -: HTTP 409 batch_not_terminal: the batch is still running' -- \
  sh -c "echo '{\"error\":{\"code\":\"batch_not_terminal\",\"message\":\"the batch is still running\"}}' | '$cli' parse-response --kind batch-delete --status 409 -"
expect_all 1 '{"http_status":409,"code":"task_not_cancelable","message":"the task is ready","details":null,"retryable":false,"retry_after_ms":null,"raw":null}' \
  'analyze: -: HTTP 409 task_not_cancelable: the task is ready' -- \
  sh -c "echo '{\"error\":{\"code\":\"task_not_cancelable\",\"message\":\"the task is ready\"}}' | '$cli' parse-response --kind cancel --status 409 -"
# A body of the wrong shape is unusable input.
expect 2 '' -- "$cli" parse-response --kind batch-retrieve --status 200 "$dir/cancel_200.json"
expect 2 '' -- "$cli" parse-response --kind batch-create --status 201 "$tmp/broken.json"

[ $fail -eq 0 ] && echo "cli batch ok"
exit $fail

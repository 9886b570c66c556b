#!/bin/sh
# The response commands of the analyze CLI against the shared expected files
# (the same bytes the C tests and pytest compare): output and exit codes.
set -u
cli=$1 dir=$2
. "$(dirname "$0")/expect.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# same CODE EXPECTED_FILE [NEWLINE] -- command...: stdout must be the file's bytes (plus a newline when NEWLINE=nl).
same() {
  want_code=$1 expected=$2 newline=$3; shift 4
  "$@" > "$tmp/out" 2>/dev/null; code=$?
  cp "$dir/$expected" "$tmp/want"
  [ "$newline" = nl ] && printf '\n' >> "$tmp/want"
  if [ "$code" != "$want_code" ] || ! cmp -s "$tmp/out" "$tmp/want"; then
    echo "FAIL: $* -> exit $code (expected $want_code), output differs from $expected"; fail=1
  fi
}
# exits CODE -- command...: only the exit code matters.
exits() {
  want_code=$1; shift 2
  "$@" > /dev/null 2>&1; code=$?
  [ "$code" = "$want_code" ] || { echo "FAIL: $* -> exit $code (expected $want_code)"; fail=1; }
}

for name in task_queued task_pending task_processing task_failed task_ready_text task_ready_text_truncated \
            task_ready_segments_seconds task_ready_segments_clock task_ready_segments_clock_ms \
            task_ready_segments_issues task_ready_segments_truncated task_ready_segments_no_echo \
            task_ready_json task_ready_json_issues task_ready_json_truncated task_ready_json_without_schema; do
  body=$name.json
  same 0 expected/$name.json nl -- "$cli" parse-task --json "$dir/$body"
done
same 0 expected/task_ready_segments_no_echo_with_request.json nl -- "$cli" parse-task --json --request "$dir/request_segments.json" "$dir/task_ready_segments_no_echo.json"
same 0 expected/task_ready_json_with_callers_schema.json nl -- "$cli" parse-task --schema "$dir/schema_match_report.json" --json "$dir/task_ready_json_without_schema.json"
same 0 expected/task_queued.json nl -- sh -c "'$cli' parse-task --json - < '$dir/task_queued.json'"

same 0 expected/response_create_202.json nl -- "$cli" parse-response --kind create --status 202 "$dir/create_202.json"
same 0 expected/response_retrieve_200.json nl -- "$cli" parse-response --kind retrieve --status 200 --header 'Content-Type: application/json' "$dir/task_ready_segments_clock_ms.json"
same 0 expected/response_list_200.json nl -- "$cli" parse-response --kind list --status 200 "$dir/list_200.json"
same 0 expected/response_delete_200.json nl -- "$cli" parse-response --kind delete --status 200 /dev/null
same 1 expected/response_retrieve_429.json nl -- "$cli" parse-response --kind retrieve --status 429 --header 'Retry-After:   2 ' "$dir/error_429_too_many_requests.json"
same 1 expected/response_delete_409_empty.json nl -- "$cli" parse-response --kind delete --status 409 /dev/null
same 1 expected/response_retrieve_502_html.json nl -- "$cli" parse-response --kind retrieve --status 502 --header 'content-type: text/html' "$dir/error_502_proxy.html"
same 1 expected/response_list_503_date.json nl -- "$cli" parse-response --kind list --status 503 --header 'retry-after: Mon, 30 Nov 2026 10:00:30 GMT' --now 1796032800 "$dir/error_503_service_unavailable.json"
same 1 expected/response_retrieve_504_latin1.json nl -- "$cli" parse-response --kind retrieve --status 504 "$dir/error_504_latin1.txt"

same 0 expected/segments_clock_ms_vtt.vtt no -- "$cli" segments --format vtt "$dir/task_ready_segments_clock_ms.json"
same 0 expected/segments_clock_ms_csv.csv no -- "$cli" segments --format csv "$dir/task_ready_segments_clock_ms.json"
same 0 expected/segments_clock_ms_json.json nl -- "$cli" segments --format json "$dir/task_ready_segments_clock_ms.json"
same 0 expected/segments_issues_vtt.vtt no -- "$cli" segments --format vtt "$dir/task_ready_segments_issues.json"
same 0 expected/segments_no_echo_vtt.vtt no -- "$cli" segments --request "$dir/request_segments.json" --format vtt "$dir/task_ready_segments_no_echo.json"

for name in webhook_ready webhook_ready_minimal webhook_failed webhook_unknown; do
  same 0 expected/$name.json nl -- "$cli" parse-webhook "$dir/$name.json"
done

# The human summary.
"$cli" parse-task "$dir/task_ready_json_truncated.json" > "$tmp/summary"
cat > "$tmp/want" <<'TEXT'
task_id: "6745a1b2c3d4e5f678900022"
custom_id: null
status: "ready" (terminal)
created_at: "2026-11-30T10:00:00Z"
completed_at: "2026-11-30T10:01:00Z"
error: "output truncated: combined input and output tokens reached the model's context limit. The partial output is returned; consider reducing input size (shorter prompt, smaller video clip, fewer media bindings) or lowering max_tokens."
result: finish_reason "length", output_tokens 160, truncated true
json: null
issues: 1
  "output_truncated" at "result.data": "output truncated at max_tokens: data is not complete JSON (finish_reason is length; truncation_message says whether max_tokens or the context window was reached), not a server bug"
TEXT
cmp -s "$tmp/summary" "$tmp/want" || { echo "FAIL: parse-task summary"; diff "$tmp/want" "$tmp/summary"; fail=1; }
"$cli" parse-task "$dir/task_ready_segments_clock_ms.json" | grep -qx 'segments: "goal" 2, "card" 1' || { echo "FAIL: segments summary"; fail=1; }

# Failures: not a task, not JSON, missing file, usage errors.
printf '{"task_id":"t"}' > "$tmp/not_task.json"
printf '{"task_id":' > "$tmp/broken.json"
exits 2 -- "$cli" parse-task "$tmp/not_task.json"
exits 2 -- "$cli" parse-task --json "$tmp/broken.json"
exits 2 -- "$cli" parse-task "$tmp/missing.json"
exits 2 -- "$cli" parse-task
exits 2 -- "$cli" parse-task --frobnicate "$dir/task_queued.json"
exits 2 -- "$cli" parse-task "$dir/task_queued.json" "$dir/task_queued.json"
exits 2 -- "$cli" parse-task --request "$tmp/broken.json" "$dir/task_queued.json"
exits 2 -- "$cli" parse-response --kind fetch --status 200 "$dir/create_202.json"
exits 2 -- "$cli" parse-response --kind create --status 2000 "$dir/create_202.json"
exits 2 -- "$cli" parse-response --kind create "$dir/create_202.json"
exits 2 -- "$cli" parse-response --kind create --status 202 --header 'no colon' "$dir/create_202.json"
# Repeated fields are combined ("7, 8"), which is no delay for the singleton Retry-After.
exits 1 -- "$cli" parse-response --kind retrieve --status 503 --header 'A: 1' --header 'a: 2' "$dir/create_202.json"
"$cli" parse-response --kind retrieve --status 503 --header 'Retry-After: 7' --header 'Retry-After: 8' "$dir/create_202.json" 2>/dev/null | grep -q '"retry_after_ms":null' ||
  { echo "FAIL: a repeated Retry-After must read as no delay" >&2; exit 1; }
"$cli" parse-response --kind retrieve --status 503 --header 'Set-Cookie: a=1' --header 'Retry-After: 7' --header 'Set-Cookie: b=2' "$dir/create_202.json" 2>/dev/null | grep -q '"retry_after_ms":7000' ||
  { echo "FAIL: Set-Cookie kept apart, Retry-After read" >&2; exit 1; }
exits 2 -- "$cli" parse-response --kind retrieve --status 503 --now soon "$dir/create_202.json"
usage_response="usage: analyze parse-response --kind KIND --status N [--header 'Name: value']...
                              [--now UNIX] [--request FILE] [--schema FILE]
                              FILE|-"
for now in nan inf +5 -5 0x10 1e9 1. .5 '' ' 5' '5 ' ٥; do
  expect_all 2 '' "analyze: --now: '$now' is not Unix seconds as a plain decimal number (digits, optionally '.' and more digits)
$usage_response" -- "$cli" parse-response --kind retrieve --status 503 --now "$now" "$dir/create_202.json"
done
# Every usage error names the argument, the value and what is allowed.
for status in abc 700 99 2000 -200 +200 ' 200' 2e2 ''; do
  expect_all 2 '' "analyze: --status: '$status' is not an HTTP status code (an integer 100-599)
$usage_response" -- "$cli" parse-response --kind create --status "$status" "$dir/create_202.json"
done
expect_all 2 '' "analyze: --kind: 'fetch' is not one of create, retrieve, list, delete, cancel, batch-create, batch-retrieve, batch-list, batch-cancel, batch-delete, batch-results
$usage_response" -- "$cli" parse-response --kind fetch --status 200 "$dir/create_202.json"
expect_all 2 '' "analyze: --kind: 'Create' is not one of create, retrieve, list, delete, cancel, batch-create, batch-retrieve, batch-list, batch-cancel, batch-delete, batch-results
$usage_response" -- "$cli" parse-response --kind Create --status 200 "$dir/create_202.json"
expect_all 2 '' "analyze: --header: 'Retry-After 5' is not 'Name: value'
$usage_response" -- "$cli" parse-response --kind retrieve --status 503 --header 'Retry-After 5' "$dir/create_202.json"
expect_all 2 '' "analyze: --header: ': 5' is not 'Name: value'
$usage_response" -- "$cli" parse-response --kind retrieve --status 503 --header ': 5' "$dir/create_202.json"
# A header the library refuses is blamed on --header, not on the body file.
expect_all 2 '' "analyze: --header: headers_json: invalid UTF-8 byte at line 1, column 8 (byte 7)
$usage_response" -- "$cli" parse-response --kind retrieve --status 503 --header "$(printf 'A: \377')" "$dir/create_202.json"
expect_all 2 '' "analyze: --kind KIND is required
$usage_response" -- "$cli" parse-response --status 200 "$dir/create_202.json"
expect_all 2 '' "analyze: --status N is required
$usage_response" -- "$cli" parse-response --kind create "$dir/create_202.json"
expect_all 2 '' "analyze: --status: given twice; give it once
$usage_response" -- "$cli" parse-response --kind create --status 202 --status 202 "$dir/create_202.json"
expect_all 2 '' "analyze: missing the response body (/dev/null for none): give a FILE, or - for standard input
$usage_response" -- "$cli" parse-response --kind create --status 202
expect_all 2 '' "analyze: --request $tmp/broken.json: unexpected end of input: a value is missing at line 1, column 12 (byte 11)" -- \
  "$cli" parse-task --request "$tmp/broken.json" "$dir/task_queued.json"
expect_all 2 '' "analyze: --format: 'srt' is not one of vtt, csv, json, svg
usage: analyze segments --format vtt|csv|json|svg [--request FILE] FILE|-" -- "$cli" segments --format srt "$dir/task_ready_segments_clock_ms.json"
expect_all 2 '' "analyze: --format vtt|csv|json|svg is required
usage: analyze segments --format vtt|csv|json|svg [--request FILE] FILE|-" -- "$cli" segments "$dir/task_ready_segments_clock_ms.json"
expect_all 2 '' "analyze: parse-task: unknown option '--frobnicate' (allowed: --json, --request, --schema, --help)
usage: analyze parse-task [--json] [--request FILE] [--schema FILE] FILE|-" -- "$cli" parse-task --frobnicate "$dir/task_queued.json"
expect_all 2 '' "analyze: unexpected argument '$dir/task_queued.json': parse-webhook takes one input FILE|-
usage: analyze parse-webhook [--request FILE] [--schema FILE] FILE|-" -- "$cli" parse-webhook "$dir/task_queued.json" "$dir/task_queued.json"
expect_all 2 '' "analyze: --schema: missing value; expected a file name
usage: analyze parse-webhook [--request FILE] [--schema FILE] FILE|-" -- "$cli" parse-webhook "$dir/webhook_ready.json" --schema
same 1 expected/response_list_503_date.json nl -- "$cli" parse-response --kind list --status 503 --header 'retry-after: Mon, 30 Nov 2026 10:00:30 GMT' --now 1796032800.0 "$dir/error_503_service_unavailable.json"
exits 2 -- "$cli" parse-response --kind create --status 202 "$tmp/not_task.json"
exits 2 -- "$cli" segments --format srt "$dir/task_ready_segments_clock_ms.json"
exits 2 -- "$cli" segments "$dir/task_ready_segments_clock_ms.json"
exits 2 -- "$cli" segments --format vtt "$dir/task_ready_text.json"
exits 2 -- "$cli" segments --format vtt "$dir/task_ready_segments_truncated.json"
exits 2 -- "$cli" parse-webhook "$dir/task_queued.json"
err=$("$cli" segments --format vtt "$dir/task_ready_segments_truncated.json" 2>&1 >/dev/null)
case "$err" in *"output truncated at max_tokens"*"(at result.data)"*) ;; *) echo "FAIL: stderr '$err'"; fail=1 ;; esac
err=$("$cli" parse-response --kind retrieve --status 404 "$dir/error_404_not_found.json" 2>&1 >/dev/null)
[ "$err" = "analyze: $dir/error_404_not_found.json: HTTP 404 not_found: Task 6745a1b2c3d4e5f678909999 not found." ] || { echo "FAIL: stderr '$err'"; fail=1; }

[ $fail -eq 0 ] && echo "cli response ok"
exit $fail

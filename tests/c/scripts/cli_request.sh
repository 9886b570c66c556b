#!/bin/sh
# analyze validate / build-request: output bytes, stderr, and exit codes.
set -u
cli=$1 fixtures=$2
unset ANALYZE_API_REVISION # the revision default would reach every validate below
. "$(dirname "$0")/expect.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

expect 0 'valid: 0 errors, 0 warnings' -- "$cli" validate "$fixtures/valid_pegasus12.json"
expect 0 'warning parameter_invalid prompt_v2.media_sources[0].name: media source "ball" is never referenced: input_text has no <@ball> placeholder
valid: 0 errors, 1 warning' -- "$cli" validate "$fixtures/warning_unused_image.json"
expect 0 '{"valid":true,"issues":[{"severity":"warning","code":"parameter_invalid","path":"prompt_v2.media_sources[0].name","message":"media source \"ball\" is never referenced: input_text has no <@ball> placeholder"}]}' -- "$cli" validate --json "$fixtures/warning_unused_image.json"
expect 1 'error parameter_invalid prompt: not supported when analysis_mode is time_based_metadata; describe the segments in response_format.segment_definitions
error parameter_invalid max_tokens: must be between 2,048 and 98,304 for pegasus1.5 with analysis_mode time_based_metadata (default 32,768); got 1024
error parameter_invalid response_format.segment_definitions[0].fields[1].format: format is required when type is timestamp; allowed: seconds, hh:mm:ss, hh:mm:ss.fff
error parameter_invalid response_format.segment_definitions[0].time_ranges: cannot be combined with the top-level start_time and end_time; use one or the other
error parameter_invalid response_format.segment_definitions[0].time_ranges[1]: overlaps response_format.segment_definitions[0].time_ranges[0]; time ranges of a definition may touch but not overlap
invalid: 5 errors, 0 warnings' -- "$cli" validate "$fixtures/invalid_segments.json"
expect 1 '{"valid":false,"issues":[{"severity":"error","code":"parameter_invalid","path":"","message":"the request must be a JSON object, not an array"}]}' -- sh -c "echo '[]' | '$cli' validate --json -"
expect 1 'error parameter_invalid (document): the request must be a JSON object, not an array
invalid: 1 error, 0 warnings' -- sh -c "echo '[]' | '$cli' validate -"

# The video duration option.
window='{"model_name":"pegasus1.5","video":{"type":"asset_id","asset_id":"a1"},"prompt":"p","start_time":10,"end_time":400}'
expect 1 'error parameter_invalid end_time: must not exceed the video duration (300 s); got 400
invalid: 1 error, 0 warnings' -- sh -c "echo '$window' | '$cli' validate --video-duration 300 -"
expect 0 'valid: 0 errors, 0 warnings' -- sh -c "echo '$window' | '$cli' validate --video-duration 4e2 -"
expect 2 '' -- sh -c "echo '$window' | '$cli' validate --video-duration abc -"
expect 2 '' -- sh -c "echo '$window' | '$cli' validate --video-duration 0 -"
expect 2 '' -- sh -c "echo '$window' | '$cli' validate --video-duration"

# Unusable input and usage errors.
printf '{"prompt": ' > "$tmp/truncated.json"
expect 2 '' -- "$cli" validate "$tmp/truncated.json"
expect 2 '' -- "$cli" validate "$tmp/missing.json"
expect 2 '' -- "$cli" validate
expect 2 '' -- "$cli" validate --frobnicate "$fixtures/valid_pegasus12.json"
expect 2 '' -- "$cli" validate "$fixtures/valid_pegasus12.json" "$fixtures/valid_pegasus12.json"
err=$("$cli" validate "$tmp/truncated.json" 2>&1 >/dev/null)
case "$err" in *"unexpected end of input"*"line 1, column 12"*) ;; *) echo "FAIL: stderr '$err'"; fail=1 ;; esac

# build-request.
expect 0 '{"method":"POST","url":"https://api.twelvelabs.io/v1.3/analyze/tasks","headers":{"x-api-key":"tlk_SECRET","Content-Type":"application/json","Idempotency-Key":"3f0e9c2a-4b1d-4c8e-9a7f-1d2e3f4a5b6c","User-Agent":"demo/1.0"},"body":"{\"video_id\":\"6650a3c1e1b2c3d4e5f60718\",\"custom_id\":\"seo-keywords-42\",\"prompt\":\"List the five main topics of this video as SEO keywords.\",\"temperature\":0.2}"}' -- \
  "$cli" build-request --api-key tlk_SECRET --idempotency-key 3f0e9c2a-4b1d-4c8e-9a7f-1d2e3f4a5b6c --user-agent demo/1.0 "$fixtures/valid_pegasus12.json"
expect 0 '{"method":"POST","url":"http://localhost:8080/analyze/tasks","headers":{"x-api-key":"k\"1","Content-Type":"application/json"},"body":"{\"video_id\":\"v\",\"prompt\":\"p\"}"}' -- \
  sh -c "echo '{\"video_id\":\"v\",\"prompt\":\"p\"}' | '$cli' build-request --base-url http://localhost:8080/ --api-key 'k\"1' -"
expect 1 '' -- "$cli" build-request --api-key tlk_SECRET "$fixtures/invalid_segments.json"
err=$("$cli" build-request --api-key tlk_SECRET "$fixtures/invalid_segments.json" 2>&1 >/dev/null)
[ "$err" = "$("$cli" validate "$fixtures/invalid_segments.json")" ] || { echo "FAIL: build-request stderr '$err'"; fail=1; }
expect 1 '' -- sh -c "echo '$window' | '$cli' build-request --api-key k --video-duration 300 -"
err=$(echo "$window" | "$cli" build-request --api-key k --video-duration 300 - 2>&1 >/dev/null)
case "$err" in "error parameter_invalid end_time: must not exceed the video duration (300 s); got 400"*) ;; *) echo "FAIL: stderr '$err'"; fail=1 ;; esac
expect 2 '' -- "$cli" build-request "$fixtures/valid_pegasus12.json"
expect 2 '' -- "$cli" build-request --api-key "tlk SECRET" "$fixtures/valid_pegasus12.json"
err=$("$cli" build-request --api-key "tlk SECRET" "$fixtures/valid_pegasus12.json" 2>&1 >/dev/null)
case "$err" in *SECRET*) echo "FAIL: the API key is echoed: $err"; fail=1 ;; *"option api_key"*) ;; *) echo "FAIL: stderr '$err'"; fail=1 ;; esac
expect 2 '' -- "$cli" build-request --api-key k "$tmp/truncated.json"
# Usage errors name the argument, the value and what is allowed; library option errors name the option.
usage_validate='usage: analyze validate [--json] [--video-duration SECONDS] [--api-revision REV]
                        [--validate strict|warn|off] FILE|-'
usage_build='usage: analyze build-request --api-key KEY [--idempotency-key K]
                             [--base-url URL] [--user-agent UA]
                             [--video-duration SECONDS] [--api-revision REV]
                             [--validate strict|warn|off] FILE|-'
for duration in abc 1e999 0x10 '' ' 5' +5 .5 NaN; do
  expect_all 2 '' "analyze: --video-duration: '$duration' is not a number of seconds (a JSON number)
$usage_validate" -- "$cli" validate --video-duration "$duration" "$fixtures/valid_pegasus12.json"
done
expect_all 2 '' "analyze: --video-duration: option video_duration must be a positive number of seconds
$usage_validate" -- "$cli" validate --video-duration 0 "$fixtures/valid_pegasus12.json"
expect_all 2 '' "analyze: --video-duration: missing value; expected a number of seconds (a JSON number)
$usage_validate" -- "$cli" validate --video-duration
expect_all 2 '' "analyze: validate: unknown option '--frobnicate' (allowed: --json, --video-duration, --api-revision, --validate, --help)
$usage_validate" -- "$cli" validate --frobnicate "$fixtures/valid_pegasus12.json"
expect_all 2 '' "analyze: validate: unknown option '--json=1' (allowed: --json, --video-duration, --api-revision, --validate, --help)
$usage_validate" -- "$cli" validate --json=1 "$fixtures/valid_pegasus12.json"
expect_all 2 '' "analyze: missing the create-task request: give a FILE, or - for standard input
$usage_validate" -- "$cli" validate --json
expect_all 2 '' "analyze: --api-key KEY is required
$usage_build" -- "$cli" build-request "$fixtures/valid_pegasus12.json"
expect_all 2 '' "analyze: --api-key: option api_key may hold only visible ASCII characters (no spaces or line breaks)
$usage_build" -- "$cli" build-request --api-key "tlk SECRET" "$fixtures/valid_pegasus12.json"
expect_all 2 '' "analyze: --base-url: option base_url must be an absolute http or https URL (starting with http:// or https://)
$usage_build" -- "$cli" build-request --api-key k --base-url ftp://x "$fixtures/valid_pegasus12.json"
expect_all 2 '' "analyze: --video-duration: option video_duration must be a positive number of seconds
$usage_build" -- "$cli" build-request --api-key k --video-duration -1 "$fixtures/valid_pegasus12.json"
# The library options of revision 2026-10 (--api-revision, default $ANALYZE_API_REVISION, and
# --validate) reach the library as "api_revision" and "validate"; whatever the library answers
# about them (an unknown key today, a bad value once it knows the revision) is passed through
# verbatim, blamed on the option, with the usage line and exit 2.
passed_through() { # passed_through LABEL KEY USAGE -- command...: exit 2, "analyze: LABEL: <library text naming KEY>", usage
  label=$1 key=$2 usage=$3; shift 4
  "$@" > "$tmp/out" 2> "$tmp/err"; code=$?
  first=$(head -n 1 "$tmp/err"); rest=$(tail -n +2 "$tmp/err")
  named=no
  case "$first" in "analyze: $label: "*"$key"*) named=yes ;; esac
  if [ $code -ne 2 ] || [ -s "$tmp/out" ] || [ $named = no ] || [ "$rest" != "$usage" ]; then
    echo "FAIL: $* -> exit $code, stderr '$(cat "$tmp/err")'"; fail=1
  fi
}
passed_through --api-revision api_revision "$usage_validate" -- "$cli" validate --api-revision 1999-01 "$fixtures/valid_pegasus12.json"
passed_through --api-revision api_revision "$usage_build" -- "$cli" build-request --api-key k --api-revision 1999-01 "$fixtures/valid_pegasus12.json"
passed_through '--api-revision (from $ANALYZE_API_REVISION)' api_revision "$usage_validate" -- \
  env ANALYZE_API_REVISION=1999-01 "$cli" validate "$fixtures/valid_pegasus12.json"
expect 0 'valid: 0 errors, 0 warnings' -- env ANALYZE_API_REVISION= "$cli" validate "$fixtures/valid_pegasus12.json"
expect_all 2 '' "analyze: --validate: 'loose' is not one of strict, warn, off
$usage_validate" -- "$cli" validate --validate loose "$fixtures/valid_pegasus12.json"
expect_all 2 '' "analyze: --validate: 'loose' is not one of strict, warn, off
$usage_build" -- "$cli" build-request --api-key k --validate loose "$fixtures/valid_pegasus12.json"
"$cli" --help | grep -q "^  validate             check a create-task request; print every issue$" || { echo "FAIL: --help lists validate"; fail=1; }
[ $fail -eq 0 ] && echo "cli_request ok"
exit $fail

#!/bin/sh
# The analyze CLI's verify-webhook, sign-webhook and poll-next: output, stderr and exit codes.
set -u
cli=$1 fixtures=$2
case "$cli" in /*) cli_path=$cli ;; *) cli_path=$PWD/$cli ;; esac
. "$(dirname "$0")/expect.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
body=$fixtures/event-ready.json
sig=$(cat "$fixtures/event-ready.signature")
t=1700000000
printf 'whsec_test\n' > "$tmp/secret"
printf '%s ' "$(cat "$body")" > "$tmp/tampered.json"
# The usage lines derived from the option tables (wrapped at 80 columns).
usage_verify='usage: analyze verify-webhook (--secret S | --secret-file FILE)
                              --signature HEADER [--now UNIX]
                              [--tolerance SECONDS] FILE|-'
usage_sign='usage: analyze sign-webhook (--secret S | --secret-file FILE) [--timestamp UNIX]
                            FILE|-'
usage_poll='usage: analyze poll-next --attempt N [--option KEY=VALUE]... FILE|-'

# verify-webhook
expect_all 0 verified '' -- "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $t "$body"
expect_all 0 verified '' -- sh -c "cat '$body' | '$cli' verify-webhook --now $((t + 300)) --signature '$sig' --secret-file '$tmp/secret' -"
expect_all 0 verified '' -- "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $((t + 3600)) --tolerance 3600 "$body"
expect_all 1 '' 'analyze: rejected: the signature timestamp is 301 seconds in the past, beyond the tolerance of 300 seconds' -- \
  "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $((t + 301)) "$body"
expect_all 1 '' 'analyze: rejected: the signature timestamp is 1 seconds in the future, beyond the tolerance of 0 seconds' -- \
  "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $((t - 1)) --tolerance 0 "$body"
expect_all 1 '' 'analyze: rejected: the v1 signature does not match the body and the secret' -- \
  "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $t "$tmp/tampered.json"
expect_all 1 '' 'analyze: rejected: the v1 signature does not match the body and the secret' -- \
  "$cli" verify-webhook --secret wrong --signature "$sig" --now $t "$body"
expect_all 1 '' 'analyze: rejected: the signature header is missing or empty' -- \
  "$cli" verify-webhook --secret whsec_test --signature '' --now $t "$body"
expect_all 1 '' 'analyze: rejected: the timestamp t is not a non-negative decimal integer' -- \
  "$cli" verify-webhook --secret whsec_test --signature 't=x,v1=00' --now $t "$body"
# Without --now the CLI uses the clock: the 2023 fixture is stale today.
expect_all 1 '' '' -- sh -c "'$cli' verify-webhook --secret whsec_test --signature '$sig' '$body' 2>/dev/null"
expect_all 2 '' "analyze: $body: the webhook secret is empty" -- \
  "$cli" verify-webhook --secret '' --signature "$sig" --now $t "$body"
expect_all 2 '' "analyze: --now: '12x' is not Unix seconds (an integer from -9223372036854775808 to 9223372036854775807)
$usage_verify" -- "$cli" verify-webhook --secret s --signature "$sig" --now 12x "$body"
expect_all 2 '' "analyze: --tolerance: '-1' is not a number of seconds (an integer 0-9223372036854775807)
$usage_verify" -- "$cli" verify-webhook --secret s --signature "$sig" --tolerance -1 "$body"
expect_all 2 '' "analyze: --signature HEADER is required
$usage_verify" -- "$cli" verify-webhook --secret s "$body"
expect_all 2 '' "analyze: give exactly one of --secret and --secret-file
$usage_verify" -- "$cli" verify-webhook --signature "$sig" "$body"
expect_all 2 '' "analyze: --now: given twice; give it once
$usage_verify" -- "$cli" verify-webhook --secret s --signature "$sig" --now 1 --now 2 "$body"
expect_all 2 '' "analyze: verify-webhook: unknown option '--bogus' (allowed: --secret, --secret-file, --signature, --now, --tolerance, --help)
$usage_verify" -- "$cli" verify-webhook --bogus "$body"
expect_all 2 '' "analyze: --secret: missing value; expected the webhook secret
$usage_verify" -- "$cli" verify-webhook "$body" --secret
expect_all 2 '' "analyze: missing the raw request body: give a FILE, or - for standard input
$usage_verify" -- "$cli" verify-webhook --secret s --signature "$sig"
expect_all 2 '' "analyze: cannot open $tmp/none.json: No such file or directory" -- \
  "$cli" verify-webhook --secret s --signature "$sig" "$tmp/none.json"

# sign-webhook
expect_all 0 "$sig" '' -- "$cli" sign-webhook --secret whsec_test --timestamp $t "$body"
expect_all 0 "$sig" '' -- "$cli" sign-webhook --secret-file "$tmp/secret" --timestamp $t - < "$body"
"$cli" sign-webhook --secret whsec_test "$body" | grep -qE '^t=[0-9]{10,},v1=[0-9a-f]{64}$' || { echo "FAIL: sign-webhook without --timestamp"; fail=1; }
expect_all 2 '' "analyze: $body: the webhook secret is empty" -- "$cli" sign-webhook --secret '' --timestamp $t "$body"
expect_all 2 '' "analyze: --timestamp: '-5' is not Unix seconds (an integer 0-9223372036854775807)
$usage_sign" -- \
  "$cli" sign-webhook --secret s --timestamp -5 "$body"

# poll-next
printf '{"task_id":"t1","custom_id":null,"status":"processing","terminal":false}' > "$tmp/running.json"
printf '{"http_status":429,"code":"too_many_requests","message":null,"details":null,"retryable":true,"retry_after_ms":45000,"raw":null}' > "$tmp/429.json"
expect_all 0 '{"done":false,"delay_ms":4500,"reason":"backoff","message":"task status \"processing\" is not terminal; poll again in 4500 ms"}' '' -- \
  "$cli" poll-next --attempt 2 "$tmp/running.json"
expect_all 0 '{"done":false,"delay_ms":3375,"reason":"backoff","message":"task status \"processing\" is not terminal; poll again in 3375 ms"}' '' -- \
  "$cli" poll-next --attempt 2 --option jitter=0.5 - < "$tmp/running.json"
expect_all 0 '{"done":false,"delay_ms":45000,"reason":"retry","message":"HTTP 429 (too_many_requests) is retryable; retry in 45000 ms (the server asked for at least 45000 ms)"}' '' -- \
  "$cli" poll-next --attempt 9 "$tmp/429.json"
expect_all 0 '{"done":true,"delay_ms":null,"reason":"deadline","message":"giving up: the next poll would come at 105000 ms, past the deadline of 100000 ms"}' '' -- \
  "$cli" poll-next --attempt 0 --option elapsed_ms=60000 --option deadline_ms=100000 "$tmp/429.json"
expect_all 0 '{"done":true,"delay_ms":null,"reason":"terminal","message":"task status \"ready\" is terminal"}' '' -- \
  "$cli" poll-next --attempt 4294967295 "$fixtures/../../../examples/task-ready-segments.json"
expect_all 2 '' "analyze: poll-next --option: unknown option \"retries\" (known: initial_delay_ms, factor, max_delay_ms, jitter, elapsed_ms, deadline_ms) (at retries)
$usage_poll" -- \
  "$cli" poll-next --attempt 0 --option retries=3 "$tmp/running.json"
expect_all 2 '' "analyze: poll-next --option: options: duplicate key \"jitter\" in object (at jitter)
$usage_poll" -- \
  "$cli" poll-next --attempt 0 --option jitter=0.1 --option jitter=0.2 "$tmp/running.json"
expect_all 2 '' "analyze: poll-next --option: option jitter must be a number from 0 to 1 (at jitter)
$usage_poll" -- \
  "$cli" poll-next --attempt 0 --option 'jitter="x"' "$tmp/running.json"
expect_all 2 '' "analyze: $body: the state has neither \"status\" (a task) nor \"http_status\" (an API error)" -- \
  "$cli" poll-next --attempt 0 "$body"
expect_all 2 '' "analyze: --attempt: '4294967296' is not a number of polls (an integer 0-4294967295)
$usage_poll" -- "$cli" poll-next --attempt 4294967296 "$tmp/running.json"
expect_all 2 '' "analyze: --attempt: '-1' is not a number of polls (an integer 0-4294967295)
$usage_poll" -- "$cli" poll-next --attempt -1 "$tmp/running.json"
expect_all 2 '' "analyze: --option: 'jitter' is not KEY=VALUE (VALUE a JSON value)
$usage_poll" -- "$cli" poll-next --attempt 0 --option jitter "$tmp/running.json"
# Any KEY reaches the library JSON-quoted; the library names the unknown key.
expect_all 2 '' "analyze: poll-next --option: unknown option \"a\"b\" (known: initial_delay_ms, factor, max_delay_ms, jitter, elapsed_ms, deadline_ms) (at [\"a\\\"b\"])
$usage_poll" -- "$cli" poll-next --attempt 0 --option 'a"b=1' "$tmp/running.json"
# An unknown KEY is blamed on --option, not on the input file.
expect_all 2 '' "analyze: poll-next --option: unknown option \"jiter\" (known: initial_delay_ms, factor, max_delay_ms, jitter, elapsed_ms, deadline_ms) (at jiter)
$usage_poll" -- "$cli" poll-next --attempt 0 --option jiter=1 "$tmp/running.json"
expect_all 2 '' "analyze: --option: 'jitter=': VALUE is not JSON: empty input: no JSON value at line 1, column 1 (byte 0)
$usage_poll" -- "$cli" poll-next --attempt 0 --option jitter= "$tmp/running.json"
expect_all 2 '' "analyze: --option: 'jitter=0.5,\"factor\":2': VALUE is not JSON: unexpected content after the JSON value at line 1, column 4 (byte 3)
$usage_poll" -- "$cli" poll-next --attempt 0 --option 'jitter=0.5,"factor":2' "$tmp/running.json"
# Names match exactly: one argument "--attempt --option" is not --attempt (a strstr match accepted it).
expect_all 2 '' "analyze: poll-next: unknown option '--attempt --option' (allowed: --attempt, --option, --help)
$usage_poll" -- "$cli" poll-next "--attempt --option" 3 "$tmp/running.json"
expect_all 2 '' "analyze: --attempt: '--option' is not a number of polls (an integer 0-4294967295)
$usage_poll" -- "$cli" poll-next --attempt --option 3 "$tmp/running.json"
# Integers are read exactly: no sign, space, hex or exponent, no digit limit below the range.
for attempt in +1 ' 1' '1 ' 0x10 1e3 '' 1.0 ٣; do
  expect_all 2 '' "analyze: --attempt: '$attempt' is not a number of polls (an integer 0-4294967295)
$usage_poll" -- "$cli" poll-next --attempt "$attempt" "$tmp/running.json"
done
expect_all 0 '{"done":false,"delay_ms":3000,"reason":"backoff","message":"task status \"processing\" is not terminal; poll again in 3000 ms"}' '' -- \
  "$cli" poll-next --attempt 000000000000000000000000000001 "$tmp/running.json"
expect_all 0 verified '' -- "$cli" verify-webhook --secret whsec_test --signature "$sig" --now 9223372036854775807 --tolerance 9223372036854775807 "$body"
expect_all 1 '' 'analyze: rejected: the signature timestamp is 9223372038554775808 seconds in the future, beyond the tolerance of 9223372036854775807 seconds' -- \
  "$cli" verify-webhook --secret whsec_test --signature "$sig" --now -9223372036854775808 --tolerance 9223372036854775807 "$body"
expect_all 2 '' "analyze: --now: '-9223372036854775809' is not Unix seconds (an integer from -9223372036854775808 to 9223372036854775807)
$usage_verify" -- "$cli" verify-webhook --secret s --signature "$sig" --now -9223372036854775809 "$body"
expect_all 2 '' "analyze: --timestamp: '9223372036854775808' is not Unix seconds (an integer 0-9223372036854775807)
$usage_sign" -- "$cli" sign-webhook --secret s --timestamp 9223372036854775808 "$body"
expect_all 2 '' "analyze: give only one of --secret and --secret-file
$usage_sign" -- "$cli" sign-webhook --secret s --secret-file "$tmp/secret" "$body"
expect_all 2 '' "analyze: unexpected argument '$body': sign-webhook takes one input FILE|-
$usage_sign" -- "$cli" sign-webhook --secret s "$body" "$body"
# -- ends the options: a file named like an option.
cp "$body" "$tmp/--now"
expect_all 0 "$sig" '' -- sh -c "cd '$tmp' && '$cli_path' sign-webhook --secret whsec_test --timestamp $t -- --now"
expect_all 2 '' "analyze: --attempt N is required
$usage_poll" -- "$cli" poll-next "$tmp/running.json"
[ $fail -eq 0 ] && echo "cli webhook ok"
exit $fail

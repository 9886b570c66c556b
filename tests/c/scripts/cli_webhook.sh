#!/bin/sh
# The analyze CLI's verify-webhook, sign-webhook and poll-next: output, stderr and exit codes.
set -u
cli=$1 fixtures=$2
fail=0
expect() { # expect CODE STDOUT STDERR -- command...
  want_code=$1 want_out=$2 want_err=$3; shift 4
  out=$("$@" 2>"$tmp/stderr"); code=$?
  err=$(cat "$tmp/stderr")
  if [ "$code" != "$want_code" ] || [ "$out" != "$want_out" ] || [ "$err" != "$want_err" ]; then
    echo "FAIL: $*"
    echo "  got exit $code, stdout '$out', stderr '$err'"
    echo "  want exit $want_code, stdout '$want_out', stderr '$want_err'"
    fail=1
  fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
body=$fixtures/event-ready.json
sig=$(cat "$fixtures/event-ready.signature")
t=1700000000
printf 'whsec_test\n' > "$tmp/secret"
printf '%s ' "$(cat "$body")" > "$tmp/tampered.json"
usage_verify='usage: analyze verify-webhook (--secret S | --secret-file FILE) --signature HEADER [--now UNIX] [--tolerance SECONDS] FILE|-'
usage_poll='usage: analyze poll-next --attempt N [--option KEY=VALUE]... FILE|-'

# verify-webhook
expect 0 verified '' -- "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $t "$body"
expect 0 verified '' -- sh -c "cat '$body' | '$cli' verify-webhook --now $((t + 300)) --signature '$sig' --secret-file '$tmp/secret' -"
expect 0 verified '' -- "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $((t + 3600)) --tolerance 3600 "$body"
expect 1 '' 'analyze: rejected: the signature timestamp is 301 seconds in the past, beyond the tolerance of 300 seconds' -- \
  "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $((t + 301)) "$body"
expect 1 '' 'analyze: rejected: the signature timestamp is 1 seconds in the future, beyond the tolerance of 0 seconds' -- \
  "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $((t - 1)) --tolerance 0 "$body"
expect 1 '' 'analyze: rejected: the v1 signature does not match the body and the secret' -- \
  "$cli" verify-webhook --secret whsec_test --signature "$sig" --now $t "$tmp/tampered.json"
expect 1 '' 'analyze: rejected: the v1 signature does not match the body and the secret' -- \
  "$cli" verify-webhook --secret wrong --signature "$sig" --now $t "$body"
expect 1 '' 'analyze: rejected: the signature header is missing or empty' -- \
  "$cli" verify-webhook --secret whsec_test --signature '' --now $t "$body"
expect 1 '' 'analyze: rejected: the timestamp t is not a non-negative decimal integer' -- \
  "$cli" verify-webhook --secret whsec_test --signature 't=x,v1=00' --now $t "$body"
# Without --now the CLI uses the clock: the 2023 fixture is stale today.
expect 1 '' '' -- sh -c "'$cli' verify-webhook --secret whsec_test --signature '$sig' '$body' 2>/dev/null"
expect 2 '' "analyze: $body: the webhook secret is empty" -- \
  "$cli" verify-webhook --secret '' --signature "$sig" --now $t "$body"
expect 2 '' "analyze: --now must be an integer number of Unix seconds: 12x
$usage_verify" -- "$cli" verify-webhook --secret s --signature "$sig" --now 12x "$body"
expect 2 '' "analyze: --tolerance must be a non-negative integer number of seconds: -1
$usage_verify" -- "$cli" verify-webhook --secret s --signature "$sig" --tolerance -1 "$body"
expect 2 '' "analyze: missing --signature
$usage_verify" -- "$cli" verify-webhook --secret s "$body"
expect 2 '' "analyze: give exactly one of --secret and --secret-file
$usage_verify" -- "$cli" verify-webhook --signature "$sig" "$body"
expect 2 '' "analyze: option given twice: --now
$usage_verify" -- "$cli" verify-webhook --secret s --signature "$sig" --now 1 --now 2 "$body"
expect 2 '' "analyze: unknown option: --bogus
$usage_verify" -- "$cli" verify-webhook --bogus "$body"
expect 2 '' "analyze: missing value for --secret
$usage_verify" -- "$cli" verify-webhook "$body" --secret
expect 2 '' "analyze: missing input FILE (or - for standard input)
$usage_verify" -- "$cli" verify-webhook --secret s --signature "$sig"
expect 2 '' "analyze: cannot open $tmp/none.json: No such file or directory" -- \
  "$cli" verify-webhook --secret s --signature "$sig" "$tmp/none.json"

# sign-webhook
expect 0 "$sig" '' -- "$cli" sign-webhook --secret whsec_test --timestamp $t "$body"
expect 0 "$sig" '' -- "$cli" sign-webhook --secret-file "$tmp/secret" --timestamp $t - < "$body"
"$cli" sign-webhook --secret whsec_test "$body" | grep -qE '^t=[0-9]{10,},v1=[0-9a-f]{64}$' || { echo "FAIL: sign-webhook without --timestamp"; fail=1; }
expect 2 '' "analyze: $body: the webhook secret is empty" -- "$cli" sign-webhook --secret '' --timestamp $t "$body"
expect 2 '' "analyze: --timestamp must be a non-negative integer number of Unix seconds: -5
usage: analyze sign-webhook (--secret S | --secret-file FILE) [--timestamp UNIX] FILE|-" -- \
  "$cli" sign-webhook --secret s --timestamp -5 "$body"

# poll-next
printf '{"task_id":"t1","custom_id":null,"status":"processing","terminal":false}' > "$tmp/running.json"
printf '{"http_status":429,"code":"too_many_requests","message":null,"details":null,"retryable":true,"retry_after_ms":45000,"raw":null}' > "$tmp/429.json"
expect 0 '{"done":false,"delay_ms":4500,"reason":"backoff","message":"task status \"processing\" is not terminal; poll again in 4500 ms"}' '' -- \
  "$cli" poll-next --attempt 2 "$tmp/running.json"
expect 0 '{"done":false,"delay_ms":3375,"reason":"backoff","message":"task status \"processing\" is not terminal; poll again in 3375 ms"}' '' -- \
  "$cli" poll-next --attempt 2 --option jitter=0.5 - < "$tmp/running.json"
expect 0 '{"done":false,"delay_ms":45000,"reason":"retry","message":"HTTP 429 (too_many_requests) is retryable; retry in 45000 ms (the server asked for at least 45000 ms)"}' '' -- \
  "$cli" poll-next --attempt 9 "$tmp/429.json"
expect 0 '{"done":true,"delay_ms":null,"reason":"deadline","message":"giving up: the next poll would come at 105000 ms, past the deadline of 100000 ms"}' '' -- \
  "$cli" poll-next --attempt 0 --option elapsed_ms=60000 --option deadline_ms=100000 "$tmp/429.json"
expect 0 '{"done":true,"delay_ms":null,"reason":"terminal","message":"task status \"ready\" is terminal"}' '' -- \
  "$cli" poll-next --attempt 4294967295 "$fixtures/../../../examples/task-ready-segments.json"
expect 2 '' "analyze: $tmp/running.json: unknown option \"retries\" (known: initial_delay_ms, factor, max_delay_ms, jitter, elapsed_ms, deadline_ms) (at retries)" -- \
  "$cli" poll-next --attempt 0 --option retries=3 "$tmp/running.json"
expect 2 '' "analyze: $tmp/running.json: options: duplicate key \"jitter\" in object (at jitter)" -- \
  "$cli" poll-next --attempt 0 --option jitter=0.1 --option jitter=0.2 "$tmp/running.json"
expect 2 '' "analyze: $tmp/running.json: option jitter must be a number from 0 to 1 (at jitter)" -- \
  "$cli" poll-next --attempt 0 --option 'jitter="x"' "$tmp/running.json"
expect 2 '' "analyze: $body: the state has neither \"status\" (a task) nor \"http_status\" (an API error)" -- \
  "$cli" poll-next --attempt 0 "$body"
expect 2 '' "analyze: --attempt must be an integer from 0 to 4294967295: 4294967296
$usage_poll" -- "$cli" poll-next --attempt 4294967296 "$tmp/running.json"
expect 2 '' "analyze: --attempt must be an integer from 0 to 4294967295: -1
$usage_poll" -- "$cli" poll-next --attempt -1 "$tmp/running.json"
expect 2 '' "analyze: --option must be KEY=VALUE: jitter
$usage_poll" -- "$cli" poll-next --attempt 0 --option jitter "$tmp/running.json"
expect 2 '' "analyze: --option KEY must be letters, digits and _: a\"b=1
$usage_poll" -- "$cli" poll-next --attempt 0 --option 'a"b=1' "$tmp/running.json"
expect 2 '' "analyze: missing --attempt
$usage_poll" -- "$cli" poll-next "$tmp/running.json"
[ $fail -eq 0 ] && echo "cli webhook ok"
exit $fail

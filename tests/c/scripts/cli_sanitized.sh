#!/bin/sh
# Every CLI test script again, against the tool built with AddressSanitizer,
# LeakSanitizer and UndefinedBehaviorSanitizer: any report changes stderr or
# the exit code, so a script that passes is a run without memory errors,
# leaks or undefined behaviour in the option parsing and the commands.
set -u
cli=$1 source=$2
scripts=$source/tests/c/scripts
export ASAN_OPTIONS=detect_leaks=1:exitcode=99 UBSAN_OPTIONS=halt_on_error=1:exitcode=99
fail=0
sh "$scripts/cli.sh" "$cli" "$source/tests/c" || fail=1
sh "$scripts/cli_usage.sh" "$cli" || fail=1
sh "$scripts/cli_request.sh" "$cli" "$source/tests/fixtures/requests" || fail=1
sh "$scripts/cli_response.sh" "$cli" "$source/tests/fixtures/responses" || fail=1
sh "$scripts/cli_batch.sh" "$cli" "$source/tests/fixtures/requests" "$source/tests/fixtures/responses" || fail=1
sh "$scripts/cli_webhook.sh" "$cli" "$source/tests/fixtures/webhook" || fail=1
[ $fail -eq 0 ] && echo "cli sanitized ok"
exit $fail

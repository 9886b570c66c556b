#!/bin/sh
# The analyze CLI's help and usage errors, derived from the option tables:
# every command has --help (also -h and `analyze help COMMAND`), prints it to
# stdout and exits 0; unknown options, missing inputs and extra arguments name
# the argument and what is allowed, then print the usage line, exit 2.
set -u
cli=$1
unset ANALYZE_API_REVISION
. "$(dirname "$0")/expect.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

commands="version normalize validate build-request api-revisions validate-batch batch-build build-batch-request parse-task parse-response segments parse-webhook verify-webhook sign-webhook poll-next submit get wait list cancel delete batch-submit batch-wait batch-results"

# The command list of `analyze --help` is exactly the commands above, in order.
"$cli" --help > "$tmp/help"; code=$?
[ $code -eq 0 ] || { echo "FAIL: analyze --help exit $code"; fail=1; }
listed=$(sed -n '/^commands:$/,/^$/p' "$tmp/help" | sed -n 's/^  \([a-z-]*\) .*/\1/p' | tr '\n' ' ')
[ "$listed" = "$commands " ] || { echo "FAIL: analyze --help lists '$listed'"; fail=1; }
"$cli" help | cmp -s - "$tmp/help" || { echo "FAIL: analyze help differs from analyze --help"; fail=1; }
"$cli" -h | cmp -s - "$tmp/help" || { echo "FAIL: analyze -h differs from analyze --help"; fail=1; }
"$cli" help --help | cmp -s - "$tmp/help" || { echo "FAIL: analyze help --help differs from analyze --help"; fail=1; }
expect_all 2 '' "analyze: missing COMMAND

$(cat "$tmp/help")" -- "$cli"
expect_all 2 '' "analyze: unknown command 'frobnicate'; run 'analyze --help' for the commands

$(cat "$tmp/help")" -- "$cli" frobnicate
expect_all 2 '' "analyze: unknown command 'frobnicate'; run 'analyze --help' for the commands

$(cat "$tmp/help")" -- "$cli" help frobnicate
expect_all 2 '' "analyze: help takes one COMMAND, not 'validate'

$(cat "$tmp/help")" -- "$cli" help validate validate
expect_all 0 "$("$cli" version)" '' -- "$cli" --version

for command in $commands; do
  "$cli" "$command" --help > "$tmp/$command.help" 2> "$tmp/stderr"; code=$?
  [ $code -eq 0 ] && [ ! -s "$tmp/stderr" ] || { echo "FAIL: $command --help: exit $code, stderr $(cat "$tmp/stderr")"; fail=1; }
  "$cli" help "$command" | cmp -s - "$tmp/$command.help" || { echo "FAIL: help $command differs from $command --help"; fail=1; }
  "$cli" "$command" -h | cmp -s - "$tmp/$command.help" || { echo "FAIL: $command -h differs from $command --help"; fail=1; }
  # --help wins wherever it comes, even after a usage error would be found.
  "$cli" "$command" a b c --help | cmp -s - "$tmp/$command.help" || { echo "FAIL: $command a b c --help"; fail=1; }
  # The usage line that errors print is the head of --help (up to the first blank line).
  usage=$(sed '/^$/q' "$tmp/$command.help" | sed '$d')
  case "$usage" in "usage: analyze $command"*) ;; *) echo "FAIL: $command --help starts '$usage'"; fail=1 ;; esac
  # Every option of the usage line has a help entry, and --help is listed last.
  for option in $(printf '%s\n' "$usage" | grep -o -- '--[a-z-]*' | sort -u); do
    grep -q -- "^  $option" "$tmp/$command.help" || { echo "FAIL: $command --help has no entry for $option"; fail=1; }
  done
  [ "$(grep -- '^  --' "$tmp/$command.help" | tail -n 1)" = "  --help                  print this help and exit" ] ||
    { echo "FAIL: $command --help does not end its options with --help"; fail=1; }
  # An unknown option lists the options the command takes.
  allowed=$(grep -o -- '^  --[a-z-]*' "$tmp/$command.help" | sed 's/^  //' | tr '\n' ',' | sed 's/,$//; s/,/, /g')
  expect_all 2 '' "analyze: $command: unknown option '--bogus' (allowed: $allowed)
$usage" -- "$cli" "$command" --bogus
  expect_all 2 '' "analyze: $command: unknown option '-x' (allowed: $allowed)
$usage" -- "$cli" "$command" -x
done

# Exact allowed lists and inputs, command by command.
expect_all 2 '' "analyze: version: unknown option '--bogus' (allowed: --help)
usage: analyze version" -- "$cli" version --bogus
expect_all 2 '' "analyze: unexpected argument 'x': version takes no input
usage: analyze version" -- "$cli" version x
expect_all 2 '' "analyze: missing the JSON document: give a FILE, or - for standard input
usage: analyze normalize FILE|-" -- "$cli" normalize
expect_all 2 '' "analyze: unexpected argument 'b': normalize takes one input FILE|-
usage: analyze normalize FILE|-" -- "$cli" normalize a b
expect_all 2 '' "analyze: unexpected argument 'b\\x1B[2J': normalize takes one input FILE|-
usage: analyze normalize FILE|-" -- "$cli" normalize a "$(printf 'b\033[2J')"
expect_all 2 '' "analyze: segments: unknown option '--formats' (allowed: --format, --request, --help)
usage: analyze segments --format vtt|csv|json|svg [--request FILE] FILE|-" -- "$cli" segments --formats vtt x
expect_all 2 '' "analyze: poll-next: unknown option '--attempt=1' (allowed: --attempt, --option, --help)
usage: analyze poll-next --attempt N [--option KEY=VALUE]... FILE|-" -- "$cli" poll-next --attempt=1 x

# One help page in full: usage, description, input, options with what they accept.
cat > "$tmp/want" <<'TEXT'
usage: analyze poll-next --attempt N [--option KEY=VALUE]... FILE|-

Decide what to do after a poll from what it returned (a normalized task or an
API error object) and print {done, delay_ms, reason, message}. The tool never
sleeps.

input:
  FILE|-                  the task or API error: a file name, or - for standard
                          input

options:
  --attempt N             the polls made before this decision, from 0 (required;
                          an integer 0-4294967295)
  --option KEY=VALUE      a polling option of the library, VALUE as JSON, e.g.
                          jitter=0.5 or deadline_ms=600000 (the keys are listed
                          in analyze(1)) (may be repeated)
  --help                  print this help and exit

exit codes: 0 success, 1 input fails the check, 2 usage error or unusable input
TEXT
cmp -s "$tmp/poll-next.help" "$tmp/want" || { echo "FAIL: poll-next --help"; diff "$tmp/want" "$tmp/poll-next.help"; fail=1; }

[ $fail -eq 0 ] && echo "cli usage ok"
exit $fail

#!/bin/sh
# The analyze CLI: subcommands, output and exit codes.
set -u
cli=$1 dir=$2
. "$(dirname "$0")/expect.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '{ "b" : [1, 2.50] }' > "$tmp/ok.json"
printf '{ "b" : [1, ' > "$tmp/bad.json"
expect 0 '{"b":[1,2.5]}' -- "$cli" normalize "$tmp/ok.json"
expect 0 '{"b":[1,2.5]}' -- sh -c "cat '$tmp/ok.json' | '$cli' normalize -"
expect 2 '' -- "$cli" normalize "$tmp/bad.json"
expect 2 '' -- "$cli" normalize "$tmp/missing.json"
expect 2 '' -- "$cli" normalize
expect 2 '' -- "$cli" frobnicate
expect 2 '' -- "$cli"
"$cli" version | grep -qE '^libanalyze [0-9]+\.[0-9]+\.[0-9]+ \(abi 1\)$' || { echo "FAIL: version"; fail=1; }
"$cli" --help | grep -q '^usage: analyze' || { echo "FAIL: --help"; fail=1; }
err=$("$cli" normalize "$tmp/bad.json" 2>&1 >/dev/null)
case "$err" in *"unexpected end of input"*"line 1, column 13"*) ;; *) echo "FAIL: stderr '$err'"; fail=1 ;; esac
[ $fail -eq 0 ] && echo "cli ok"
exit $fail

# Sourced by the CLI test scripts (which set $tmp to a scratch folder):
#   expect CODE STDOUT -- command...         stdout and exit code (stderr ignored)
#   expect_all CODE STDOUT STDERR -- command... stdout, stderr and exit code
# Each records a failure (fail=1) unless the command exits with CODE and prints
# exactly what is given (command substitution drops trailing newlines).
fail=0
expect() {
  want_code=$1 want_out=$2; shift 3
  out=$("$@" 2>/dev/null); code=$?
  if [ "$code" != "$want_code" ] || [ "$out" != "$want_out" ]; then
    echo "FAIL: $* -> exit $code, output '$out' (expected exit $want_code, '$want_out')"; fail=1
  fi
}
expect_all() {
  want_code=$1 want_out=$2 want_err=$3; shift 4
  out=$("$@" 2>"${tmp:?}/stderr"); code=$?
  err=$(cat "$tmp/stderr")
  if [ "$code" != "$want_code" ] || [ "$out" != "$want_out" ] || [ "$err" != "$want_err" ]; then
    echo "FAIL: $*"
    echo "  got exit $code, stdout '$out', stderr '$err'"
    echo "  want exit $want_code, stdout '$want_out', stderr '$want_err'"
    fail=1
  fi
}

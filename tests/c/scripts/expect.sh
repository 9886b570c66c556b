# Sourced by the CLI test scripts: `expect CODE OUTPUT -- command...` runs the
# command and records a failure (fail=1) unless it exits with CODE and prints
# exactly OUTPUT on stdout (stderr is ignored).
fail=0
expect() {
  want_code=$1 want_out=$2; shift 3
  out=$("$@" 2>/dev/null); code=$?
  if [ "$code" != "$want_code" ] || [ "$out" != "$want_out" ]; then
    echo "FAIL: $* -> exit $code, output '$out' (expected exit $want_code, '$want_out')"; fail=1
  fi
}

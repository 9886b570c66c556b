#!/bin/sh
# The man pages render without warnings and do not drift from the code:
# every command of `analyze --help` has its own section in analyze(1) naming
# every option its `--help` lists, and every exported function of
# exported_symbols.txt appears in libanalyze(3).
set -u
cli=$1 man_dir=$2 symbols=$3 build=${4:-}
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
command -v groff >/dev/null || { echo "FAIL: groff is not installed (Debian package groff-base)"; exit 1; }

for page in "$man_dir/analyze.1" "$man_dir/libanalyze.3"; do
  groff -man -ww -z -Tutf8 "$page" > "$tmp/warnings" 2>&1
  [ -s "$tmp/warnings" ] && { echo "FAIL: groff warns about $page:"; cat "$tmp/warnings"; fail=1; }
  if command -v man >/dev/null; then
    man --warnings -l -Tutf8 "$page" 2>&1 >/dev/null | grep . && { echo "FAIL: man warns about $page"; fail=1; }
  fi
done

# Plain text, one paragraph a line (very long lines: no wrapping, no hyphenation).
render() { groff -man -Tascii -P-cbou -rLL=2000n "$1" 2>/dev/null; }
render "$man_dir/analyze.1" > "$tmp/analyze.txt"
render "$man_dir/libanalyze.3" > "$tmp/libanalyze.txt"

# The text of the .SS section of command $1 (a subsection title renders at three spaces).
section() {
  awk -v name="$1" '/^[^ ]/ || /^   [^ ]/ { inside = ($0 == "   " name) } inside' "$tmp/analyze.txt"
}

commands=$("$cli" --help | sed -n '/^commands:$/,/^$/p' | sed -n 's/^  \([a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "FAIL: no commands in analyze --help"; fail=1; }
for command in $commands; do
  section "$command" > "$tmp/section"
  [ -s "$tmp/section" ] || { echo "FAIL: analyze.1 has no section for the command $command"; fail=1; continue; }
  grep -q "^       analyze $command" "$tmp/section" || { echo "FAIL: analyze.1 section $command has no synopsis"; fail=1; }
  for option in $("$cli" "$command" --help | sed -n 's/^  \(--[a-z-]*\).*/\1/p'); do
    [ "$option" = --help ] && continue
    # In the synopsis, and as an entry of its own (a .TP tag renders at seven spaces).
    grep -q "^       analyze $command .*$option" "$tmp/section" ||
      { echo "FAIL: analyze.1 section $command has no $option in its synopsis"; fail=1; }
    grep -qE -- "^       $option( |\$)" "$tmp/section" ||
      { echo "FAIL: analyze.1 section $command does not document $option"; fail=1; }
  done
done
for topic in --help --version "EXIT STATUS" ENVIRONMENT EXAMPLES; do
  grep -q -- "$topic" "$tmp/analyze.txt" || { echo "FAIL: analyze.1 does not mention $topic"; fail=1; }
done

while read -r symbol; do
  [ -n "$symbol" ] || continue
  grep -qw -- "$symbol" "$tmp/libanalyze.txt" || { echo "FAIL: libanalyze.3 does not document $symbol"; fail=1; }
done < "$symbols"

# cmake --install puts them in the man sections (when given the build folder).
if [ -n "$build" ]; then
  cmake --install "$build" --prefix "$tmp/prefix" > /dev/null || { echo "FAIL: cmake --install"; fail=1; }
  for installed in share/man/man1/analyze.1 share/man/man3/libanalyze.3; do
    cmp -s "$tmp/prefix/$installed" "$man_dir/$(basename "$installed")" || { echo "FAIL: $installed is not installed"; fail=1; }
  done
fi

[ $fail -eq 0 ] && echo "man pages ok"
exit $fail

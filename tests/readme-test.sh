#!/bin/sh
# The README's quick starts, run as written: every ```sh block between the
# markers <!-- quickstart ... --> and <!-- /quickstart --> runs in a fresh
# directory holding ./cxbench (the binary under test) and examples/ (the
# source tree's), with `sh -e`: each command must succeed, and each file
# a command writes with -o must then exist.  There must be three blocks.
# Usage: tests/readme-test.sh BINARY.  Ends with "readme: N passed, N
# failed".
. "$(dirname "$0")/setup.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-readme.XXXXXX")

# block N into $work/block-N.sh
awk -v dir="$work" '
/^<!-- quickstart/ { on = 1; next }
/^<!-- \/quickstart -->/ { on = 0 }
on && /^```sh$/ { n++; out = dir "/block-" n ".sh"; printf "" > out; next }
on && /^```$/ { out = ""; next }
out != "" { print > out }
' "$ROOT/README.md"
n=$(ls "$work"/block-*.sh 2>/dev/null | wc -l)
if [ "$n" -eq 3 ]; then ok; else bad "README: $n quick-start blocks, not 3"; fi

for block in "$work"/block-*.sh; do
	[ -f "$block" ] || continue
	name=$(basename "$block" .sh)
	dir=$work/$name.d
	mkdir -p "$dir"
	ln -s "$bin" "$dir/cxbench"
	ln -s "$ROOT/examples" "$dir/examples"
	if (cd "$dir" && sh -e "$block") > "$work/$name.out" 2> "$work/$name.err"; then
		ok
	else
		bad "README quick start $name failed:"
		sed 's/^/  /' "$work/$name.err" | tail -5
		continue
	fi
	if grep -q 'runtime error\|AddressSanitizer\|LeakSanitizer' "$work/$name.err"; then
		bad "README quick start $name: a sanitizer report"
		head -5 "$work/$name.err"
	fi
	for out in $(sed -n 's/.* -o \([^ ]*\).*/\1/p' "$block"); do
		if [ -s "$dir/$out" ]; then ok; else bad "README quick start $name: no $out"; fi
	done
done

echo "readme: $pass passed, $fail failed"
if [ "$fail" -eq 0 ]; then rm -rf "$work"; else echo "kept: $work"; fi
[ "$fail" -eq 0 ]

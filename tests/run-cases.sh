#!/bin/sh
# Runs the command-line cases in tests/cases/*.test against a cxbench binary.
#
# A case file holds lines "args: ..." (the arguments, shell-quoted; $ROOT is
# the source tree), "exit: N" and optionally "env: NAME=VALUE ..." (set for
# that case only), then sections that start with a line
# "--- KIND [NAME]":
#   --- file NAME         a file created in the case's working directory
#                         (NAME may include subdirectories: dir/q1.json)
#   --- file-printf NAME  the same, written through printf '%b' (for bytes)
#   --- stdin             the standard input
#   --- stdout / stderr   the exact expected output
#   --- stdout-has / stderr-has   lines that must each appear in it
# Lines starting with '#' before the first section are comments.
# Usage: tests/run-cases.sh BINARY [CASE...]
set -u
LC_ALL=C
export LC_ALL
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export ROOT
CXBENCH_DATA=$ROOT
NO_COLOR=1
export CXBENCH_DATA NO_COLOR
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-cases.XXXXXX")
pass=0
fail=0
[ $# -gt 0 ] || set -- "$ROOT"/tests/cases/*.test

split_case() {
	# files may live in subdirectories of the working directory
	sed -n 's/^--- file[a-z-]* \(.*\/\).*/\1/p' "$1" | while IFS= read -r sub; do
		mkdir -p "$2/wd/$sub"
	done
	awk -v dir="$2" '
	/^--- / {
		if (out != "") close(out)
		kind = $2; name = $3
		if (kind == "file" || kind == "file-printf") {
			out = dir "/wd/" name
			if (kind == "file-printf") printf_files = printf_files name "\n"
		} else {
			out = dir "/" kind
		}
		printf "" > out
		next
	}
	out == "" { next }
	{ print > out }
	END { printf "%s", printf_files > (dir "/printf-list") }
	' "$1"
	while IFS= read -r f; do
		[ -n "$f" ] || continue
		printf '%b' "$(cat "$2/wd/$f")" > "$2/wd/$f.tmp" && mv "$2/wd/$f.tmp" "$2/wd/$f"
	done < "$2/printf-list"
}

check_has() {
	while IFS= read -r line; do
		grep -qF -- "$line" "$2" || { echo "  missing in $3: $line"; return 1; }
	done < "$1"
}

run_case() {
	t=$1
	name=$(basename "$t" .test)
	dir="$work/$name"
	mkdir -p "$dir/wd"
	split_case "$t" "$dir"
	args=$(sed -n 's/^args: //p' "$t" | head -n 1)
	want=$(sed -n 's/^exit: //p' "$t" | head -n 1)
	vars=$(sed -n 's/^env: //p' "$t" | head -n 1)
	[ -f "$dir/stdin" ] || : > "$dir/stdin"
	(cd "$dir/wd" && eval "set -- $args" && env XDG_CACHE_HOME="$dir/cache" \
		XDG_DATA_HOME="$dir/data" $vars "$bin" "$@") \
		< "$dir/stdin" > "$dir/out" 2> "$dir/err"
	got=$?
	ok=1
	[ "$got" = "$want" ] || { echo "  exit $got, expected $want"; ok=0; }
	if [ -f "$dir/stdout" ] && ! cmp -s "$dir/stdout" "$dir/out"; then
		echo "  stdout differs:"; diff "$dir/stdout" "$dir/out" | head -20; ok=0
	fi
	if [ -f "$dir/stderr" ] && ! cmp -s "$dir/stderr" "$dir/err"; then
		echo "  stderr differs:"; diff "$dir/stderr" "$dir/err" | head -20; ok=0
	fi
	[ ! -f "$dir/stdout-has" ] || check_has "$dir/stdout-has" "$dir/out" stdout || ok=0
	[ ! -f "$dir/stderr-has" ] || check_has "$dir/stderr-has" "$dir/err" stderr || ok=0
	if grep -q 'runtime error\|AddressSanitizer\|LeakSanitizer' "$dir/err"; then
		echo "  sanitizer report:"; head -20 "$dir/err"; ok=0
	fi
	return $((1 - ok))
}

for t in "$@"; do
	if out=$(run_case "$t"); then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $(basename "$t" .test)"
		printf '%s\n' "$out"
	fi
done
echo "cases: $pass passed, $fail failed"
if [ "$fail" -eq 0 ]; then rm -rf "$work"; else echo "kept: $work"; fi
[ "$fail" -eq 0 ]

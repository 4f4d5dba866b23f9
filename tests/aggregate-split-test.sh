#!/bin/sh
# `cxbench aggregate` reading a small file the way it reads a big one: cut
# into up to eight threads' ranges (CXBENCH_SCAN_SPLIT=64) and read in small
# blocks (CXBENCH_SCAN_BLOCK), for many block sizes and thread counts, so
# that records -- some with quoted line breaks -- cross block boundaries and
# ranges begin inside quoted fields.  Every way of reading must give the
# output pinned in the case file (read in one block by one thread), and an
# error must name the same line.  The inputs and expected outputs are those
# of the cases:
#   aggregate-metrics.test             every metric (LF)
#   aggregate-csv-edges-split-t1.test  BOM, CRLF, quoted commas, quotes and
#                                      line breaks, no final newline
#   aggregate-skip-bad.test            --skip-bad: rows skipped in any range
#   aggregate-error-line-quoted-t1.test  the error's line (60) counts the
#                                      line breaks inside quotes
#   aggregate-tickets-timestamps.test  ticket durations: each thread's
#                                      stored values merged for exact
#                                      medians and p90s
#
# Usage: tests/aggregate-split-test.sh BINARY.  Ends with
# "aggregate-split: N passed, N failed"; exits 1 when a check failed.
. "$(dirname "$0")/setup.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-agg-split.XXXXXX")
pass=0
fail=0
BLOCKS="256 257 300 333 384 400 512 640 700 1000 4096"
THREADS="1 2 3 4 5 6 7 8"

# section FILE KIND NAME: the body of section "--- KIND NAME" of a case file
# ("--- stdout" when NAME is empty)
section() {
	awk -v want="--- $2${3:+ $3}" '
		/^--- / { on = ($0 == want); next }
		on { print }' "$1"
}

# case_input CASE DIR: writes the case's contacts.csv into DIR as
# run-cases.sh does (file-printf sections through printf %b)
case_input() {
	if grep -q '^--- file-printf contacts.csv$' "$1"; then
		printf '%b' "$(section "$1" file-printf contacts.csv)" > "$2/contacts.csv"
	else
		section "$1" file contacts.csv > "$2/contacts.csv"
	fi
}

# sweep CASE EXTRA-ARGS...: runs the case's command for every block size
# and thread count and compares stdout, stderr and the exit status with
# the case's
sweep() {
	t=$ROOT/tests/cases/$1.test
	shift
	dir=$work/$(basename "$t" .test)
	mkdir -p "$dir"
	case_input "$t" "$dir"
	section "$t" stdout > "$dir/want.out"
	section "$t" stderr > "$dir/want.err"
	want=$(sed -n 's/^exit: //p' "$t" | head -n 1)
	for b in $BLOCKS; do
		for n in $THREADS; do
			(cd "$dir" && CXBENCH_SCAN_BLOCK=$b CXBENCH_SCAN_SPLIT=64 \
				"$bin" aggregate contacts.csv --threads "$n" "$@") \
				> "$dir/out" 2> "$dir/err"
			got=$?
			if [ "$got" = "$want" ] && cmp -s "$dir/out" "$dir/want.out" &&
			   cmp -s "$dir/err" "$dir/want.err"; then
				pass=$((pass + 1))
			else
				fail=$((fail + 1))
				echo "FAIL $(basename "$t" .test): block $b, threads $n: exit $got (want $want)"
				diff "$dir/want.err" "$dir/err" | sed -n 's/^/  /; 2,5p'
				diff "$dir/want.out" "$dir/out" | sed -n 's/^/  /; 1,6p'
			fi
		done
	done
}

sweep aggregate-metrics
sweep aggregate-csv-edges-split-t1 --company Edge
sweep aggregate-skip-bad --skip-bad
sweep aggregate-error-line-quoted-t1
sweep aggregate-tickets-timestamps --by-channel

echo "aggregate-split: $pass passed, $fail failed"
if [ "$fail" -eq 0 ]; then rm -rf "$work"; else echo "kept: $work"; fi
[ "$fail" -eq 0 ]

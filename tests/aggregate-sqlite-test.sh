#!/bin/sh
# `cxbench aggregate` against SQL: 100,000 synthetic contacts
# (tests/perf/gen-contacts.c, deterministic: eight quarters of 2025-2026,
# about three contacts per customer, some empty cells) aggregated by
# cxbench and, independently, by sqlite3 running tests/perf/contacts.sql
# over the same CSV; tests/perf/agree.py checks that every metric's value
# (to the 4 printed decimals) and n agree, in every quarter.  (The ticket
# metrics -- first_response_minutes, resolution_hours, reopen_pct -- are
# not among them: the generator writes no ticket columns and agree.py
# checks its own list of 12; the hand-worked aggregate-tickets-* cases and
# the unit tests cover them.)  Then the
# same file
#   - read the way a big file is (CXBENCH_SCAN_BLOCK=4096,
#     CXBENCH_SCAN_SPLIT=65536, --threads 4: four ranges, many blocks),
#   - sorted by started_at (header first; a stable sort),
#   - shuffled (a fixed permutation),
#   - shuffled and read in four ranges,
# must give byte-identical output: each copy is named contacts.csv in its
# own directory, so even source.contacts is the same.  (The generator gives
# no customer two contacts in the same second, so no order of the rows
# changes which contact is followed.)
#
# Usage: tests/aggregate-sqlite-test.sh BINARY.  Needs cc, sqlite3 (make
# check installs it), python3, sort and shuf.  Ends with
# "aggregate-sqlite: N passed, N failed"; exits 1 when a check failed.
. "$(dirname "$0")/setup.sh"
ROWS=100000
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-agg-sql.XXXXXX")
pass=0
fail=0

finish() {
	echo "aggregate-sqlite: $pass passed, $fail failed"
	if [ "$fail" -eq 0 ]; then rm -rf "$work"; else echo "kept: $work"; fi
	[ "$fail" -eq 0 ]
	exit
}

for tool in cc sqlite3 python3 sort shuf; do
	command -v "$tool" > /dev/null 2>&1 || { bad "$tool is not installed"; finish; }
done

# the data
mkdir -p "$work/plain" "$work/split" "$work/sorted" "$work/shuffled" "$work/shuffled-split"
check "gen-contacts builds" cc -O2 -o "$work/gen-contacts" "$ROOT/tests/perf/gen-contacts.c"
[ -x "$work/gen-contacts" ] || finish
"$work/gen-contacts" "$ROWS" > "$work/plain/contacts.csv"
check "gen-contacts wrote $ROWS rows and a header" \
	[ "$(wc -l < "$work/plain/contacts.csv")" -eq $((ROWS + 1)) ]


# sqlite3: the same metrics in SQL
(cd "$work/plain" && sqlite3 :memory: > "$work/sqlite.out" 2>&1 <<EOF
.mode csv
.import contacts.csv contacts
.output $work/sql.csv
.read $ROOT/tests/perf/contacts.sql
EOF
)
check "sqlite3 ran contacts.sql" sh -c '[ -s "$1" ] && [ ! -s "$2" ] || { cat "$2"; exit 1; }' sh \
	"$work/sql.csv" "$work/sqlite.out"
check "sqlite3 found the eight quarters of 2025-2026" [ "$(wc -l < "$work/sql.csv")" -eq 8 ]

# cxbench, read as a small file (one thread, one block) and as a big one
aggregate "aggregate" plain --
ln -s ../plain/contacts.csv "$work/split/contacts.csv" 2> /dev/null ||
	cp "$work/plain/contacts.csv" "$work/split/contacts.csv"
aggregate "aggregate in 4 ranges of 4 KiB blocks" split \
	CXBENCH_SCAN_BLOCK=4096 CXBENCH_SCAN_SPLIT=65536 -- --threads 4

agree() { # agree NAME JSON: every value and n as the SQL's, 96 of 96
	python3 "$ROOT/tests/perf/agree.py" "$2" "$work/sql.csv" > "$work/agree.out"
	rc=$?
	tail -n 1 "$work/agree.out" | grep -q '^96 of 96 values agree' && [ $rc -eq 0 ] ||
		{ cat "$work/agree.out"; return 1; }
}
check "aggregate agrees with SQL (8 quarters x 12 metrics)" agree plain "$work/plain/out.json"
check "aggregate in 4 ranges agrees with SQL" agree split "$work/split/out.json"
check "4 ranges: byte-identical output" cmp "$work/plain/out.json" "$work/split/out.json"
check "the output has the 8 quarters" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
got = [p["period"] for p in d["periods"]]
want = ["%d-Q%d" % (y, q) for y in (2025, 2026) for q in (1, 2, 3, 4)]
sys.exit(0 if got == want and d["source"]["rows"] == int(sys.argv[2]) else "%s rows %s" % (got, d["source"]["rows"]))
' "$work/plain/out.json" "$ROWS"

# the same rows in other orders
head -n 1 "$work/plain/contacts.csv" > "$work/sorted/contacts.csv"
tail -n +2 "$work/plain/contacts.csv" | sort -s -t, -k4,4 >> "$work/sorted/contacts.csv"
head -n 1 "$work/plain/contacts.csv" > "$work/shuffled/contacts.csv"
tail -n +2 "$work/plain/contacts.csv" |
	shuf --random-source="$work/plain/contacts.csv" >> "$work/shuffled/contacts.csv"
cp "$work/shuffled/contacts.csv" "$work/shuffled-split/contacts.csv"
check "the sorted copy is sorted and has every row" sh -c '
	tail -n +2 "$1" | cut -d, -f4 | sort -c &&
	[ "$(sort "$1" | cksum)" = "$(sort "$2" | cksum)" ]' sh \
	"$work/sorted/contacts.csv" "$work/plain/contacts.csv"
check "the shuffled copy has every row, in another order" sh -c '
	[ "$(sort "$1" | cksum)" = "$(sort "$2" | cksum)" ] && ! cmp -s "$1" "$2"' sh \
	"$work/shuffled/contacts.csv" "$work/plain/contacts.csv"
aggregate "sorted by started_at" sorted --
aggregate "shuffled" shuffled --
aggregate "shuffled, in 4 ranges" shuffled-split \
	CXBENCH_SCAN_BLOCK=4096 CXBENCH_SCAN_SPLIT=65536 -- --threads 4
check "sorted: byte-identical output" cmp "$work/plain/out.json" "$work/sorted/out.json"
check "shuffled: byte-identical output" cmp "$work/plain/out.json" "$work/shuffled/out.json"
check "shuffled, in 4 ranges: byte-identical output" \
	cmp "$work/plain/out.json" "$work/shuffled-split/out.json"
finish

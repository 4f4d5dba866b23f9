#!/bin/sh
# `cxbench aggregate -o FILE`: nothing on stdout, the file holds exactly what
# stdout would, `cxbench validate` accepts it and `cxbench compare` reads
# the aggregated values (the company's value and n of every metric are the
# aggregate's); a bad input leaves an existing output file as it was and
# creates none; an output in a missing directory is an I/O error (exit 3).
# The contacts are those of tests/cases/aggregate-metrics.test.
#
# Usage: tests/aggregate-output-test.sh BINARY.  Ends with
# "aggregate-output: N passed, N failed"; exits 1 when a check failed.
. "$(dirname "$0")/setup.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-agg-out.XXXXXX")

# section FILE KIND NAME: the body of section "--- KIND NAME" of a case file
section() {
	awk -v want="--- $2 $3" '
		/^--- / { on = ($0 == want); next }
		on { print }' "$1"
}

cd "$work" || exit 2
section "$ROOT/tests/cases/aggregate-metrics.test" file contacts.csv > contacts.csv

# the reference: stdout
"$bin" aggregate contacts.csv > stdout.json 2> stdout.err
check "aggregate to stdout exits 0" [ $? -eq 0 ]

# -o FILE and --output FILE
"$bin" aggregate contacts.csv -o out.json > o.stdout 2> o.stderr
check "-o: exit 0" [ $? -eq 0 ]
check "-o: stdout empty" [ ! -s o.stdout ]
check "-o: stderr empty" [ ! -s o.stderr ]
check "-o: the file holds what stdout would" cmp stdout.json out.json
"$bin" aggregate contacts.csv --output out2.json > o2.stdout 2>&1
check "--output: exit 0" [ $? -eq 0 ]
check "--output: nothing printed" [ ! -s o2.stdout ]
check "--output: the same file" cmp stdout.json out2.json
check "-o: no temporary files left" [ "$(ls | grep -c 'out.*json.')" -eq 0 ]

# validate and compare read it
check "validate accepts it" "$bin" validate out.json
"$bin" compare out.json --against costco,frontier --format json > compare.json 2> compare.err
check "compare reads it (exit 0)" [ $? -eq 0 ]
check "compare: the company's values and n are the aggregate's" python3 - out.json compare.json <<'EOF'
import json, sys
agg = json.load(open(sys.argv[1]))
cmp = json.load(open(sys.argv[2]))
metrics = agg["periods"][0]["metrics"]
seen = {m["id"]: m for m in cmp["metrics"]}
bad = 0
assert cmp["company"] == "contacts" and cmp["period"] == "2026-Q1", (cmp["company"], cmp["period"])
for mid, m in metrics.items():
    if mid not in seen:
        # not in the catalog: compare lists it as not compared
        continue
    got = seen[mid]
    if got["company"] != m["value"] or got.get("n") != m["n"]:
        print("%s: compare has %s (n %s), aggregate %s (n %s)"
              % (mid, got["company"], got.get("n"), m["value"], m["n"]))
        bad += 1
# every aggregated metric is read: asa, service level, abandonment, hold,
# transfers, repeat, fcr, ai_resolution, csat, nps, ces, time_to_human
if len(metrics) != 12:
    print("expected 12 aggregated metrics, got %d" % len(metrics)); bad += 1
if sum(1 for mid in metrics if mid in seen) != len(metrics):
    print("compare read only %s" % sorted(mid for mid in metrics if mid in seen)); bad += 1
sys.exit(1 if bad else 0)
EOF

# a bad input: exit 1, the existing output untouched, no new file
cp out.json keep.json
printf 'contact_id,customer_id,started_at,csat\nk1,A,2026-01-05T10:00:00Z,9\n' > bad.csv
"$bin" aggregate bad.csv -o out.json > bad.stdout 2> bad.stderr
check "bad input with -o: exit 1" [ $? -eq 1 ]
echo "cxbench: bad.csv:2: csat: not a score on its scale" > bad.want
check "bad input with -o: the message, alone on stderr" cmp bad.want bad.stderr
check "bad input with -o: the old file is untouched" cmp keep.json out.json
"$bin" aggregate bad.csv -o new.json > /dev/null 2>&1
check "bad input with -o: no file created" [ ! -e new.json ]

# an output in a directory that does not exist: exit 3
"$bin" aggregate contacts.csv -o nosuch/dir/out.json > nodir.stdout 2> nodir.stderr
check "-o into a missing directory: exit 3" [ $? -eq 3 ]
check "-o into a missing directory: stdout empty" [ ! -s nodir.stdout ]
check "-o into a missing directory: one line naming it" sh -c '[ "$(wc -l < "$1")" -eq 1 ] && grep -q "nosuch/dir/out.json" "$1"' sh nodir.stderr
check "nothing on stderr from the good runs" [ ! -s stdout.err ]

echo "aggregate-output: $pass passed, $fail failed"
cd / && rm -rf "$work"
[ "$fail" -eq 0 ]

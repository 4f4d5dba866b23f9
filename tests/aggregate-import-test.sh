#!/bin/sh
# `cxbench aggregate --import` on a converted export gives the metrics of
# the canonical file: 20,000 synthetic contacts written twice by
# tests/perf/gen-contacts.c (same seed, same values), once with cxbench's
# columns and once shaped like a call-centre export (`--export`: other
# column names, the start split into a day-first DATE and an H:MM:SS TIME,
# durations as h:mm:ss, abandoned as ANSWERED Y/N inverted, the other
# flags as Y/N), read back through tests/perf/export-profile.json.  Every
# period, every metric's value and n and every figure must be the same;
# only the "source" block differs (it names the profile).  The export is
# read once as a small file and once the way a big one is (four ranges of
# 4 KiB blocks).  This is the profile `make bench` times
# (tests/perf/bench-aggregate.sh).
#
# Usage: tests/aggregate-import-test.sh BINARY.  Needs cc and python3.
# Ends with "aggregate-import: N passed, N failed"; exits 1 when a check
# failed.
. "$(dirname "$0")/setup.sh"
ROWS=20000
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-agg-imp.XXXXXX")
pass=0
fail=0

finish() {
	echo "aggregate-import: $pass passed, $fail failed"
	if [ "$fail" -eq 0 ]; then rm -rf "$work"; else echo "kept: $work"; fi
	[ "$fail" -eq 0 ]
	exit
}

for tool in cc python3; do
	command -v "$tool" > /dev/null 2>&1 || { bad "$tool is not installed"; finish; }
done

# the data: each copy is named contacts.csv in its own directory, so the
# company (named after the file) is the same
mkdir -p "$work/plain" "$work/export" "$work/export-split"
check "gen-contacts builds" cc -O2 -o "$work/gen-contacts" "$ROOT/tests/perf/gen-contacts.c"
[ -x "$work/gen-contacts" ] || finish
"$work/gen-contacts" "$ROWS" > "$work/plain/contacts.csv"
"$work/gen-contacts" "$ROWS" --export > "$work/export/contacts.csv"
cp "$work/export/contacts.csv" "$work/export-split/contacts.csv"
check "gen-contacts wrote $ROWS rows and a header" \
	[ "$(wc -l < "$work/plain/contacts.csv")" -eq $((ROWS + 1)) ]
check "--export wrote $ROWS rows and a header" \
	[ "$(wc -l < "$work/export/contacts.csv")" -eq $((ROWS + 1)) ]
check "--export writes the export's shape" sh -c '
	head -n 1 "$1" | grep -q "^CALL ID,CUSTOMER,CHANNEL,DATE,TIME,QUEUE WAIT," &&
	grep -q ",[0-3][0-9]/[01][0-9]/202[56],[0-9]:[0-5][0-9]:[0-5][0-9],[0-9]:[0-5][0-9]:[0-5][0-9]," "$1" &&
	grep -q ",[0-3][0-9]/[01][0-9]/202[56],1[0-9]:[0-5][0-9]:[0-5][0-9]," "$1" &&
	grep -q ",[YN],[YN],[YN],[YN],[YN]," "$1" &&
	! grep -q "T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z" "$1"' sh "$work/export/contacts.csv"

profile=$ROOT/tests/perf/export-profile.json
aggregate "canonical" plain --
aggregate "export through the profile" export -- --import "$profile"
aggregate "export through the profile, in 4 ranges of 4 KiB blocks" export-split \
	CXBENCH_SCAN_BLOCK=4096 CXBENCH_SCAN_SPLIT=65536 -- --import "$profile" --threads 4

same() { # same CANONICAL.json IMPORTED.json
	python3 - "$1" "$2" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
bad = 0
src_a, src_b = a.pop("source"), b.pop("source")
if src_b.get("contacts_import", {}).get("profile") != "bench-call-export":
    print("source names no profile: %s" % src_b); bad += 1
for k in ("rows", "rows_skipped"):
    if src_a.get(k) != src_b.get(k):
        print("source.%s: canonical %s, export %s" % (k, src_a.get(k), src_b.get(k))); bad += 1
pa = {p["period"]: p for p in a["periods"]}
pb = {p["period"]: p for p in b["periods"]}
want = ["%d-Q%d" % (y, q) for y in (2025, 2026) for q in (1, 2, 3, 4)]
if sorted(pa) != want:
    print("canonical periods: %s" % sorted(pa)); bad += 1
if sorted(pb) != sorted(pa):
    print("periods: canonical %s, export %s" % (sorted(pa), sorted(pb))); bad += 1
values = 0
for q in sorted(pa):
    ma, mb = pa[q]["metrics"], pb.get(q, {}).get("metrics", {})
    if len(ma) != 12:
        print("%s: %d metrics, not 12" % (q, len(ma))); bad += 1
    for mid in sorted(set(ma) | set(mb)):
        x, y = ma.get(mid), mb.get(mid)
        values += 1
        if x != y:
            print("%s %s: canonical %s, export %s" % (q, mid, x, y)); bad += 1
    if pa[q].get("figures") != pb.get(q, {}).get("figures"):
        print("%s: figures differ" % q); bad += 1
if a != b:
    print("the outputs differ outside source"); bad += 1
print("%d metrics compared, %d differences" % (values, bad))
sys.exit(1 if bad or values != 96 else 0)
PY
}
check "export: every period's metrics (value and n) and figures are the canonical's" \
	same "$work/plain/out.json" "$work/export/out.json"
check "export in 4 ranges: the same" same "$work/plain/out.json" "$work/export-split/out.json"
finish

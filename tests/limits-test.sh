#!/bin/sh
# Limits: inputs far beyond the ordinary either work within sensible time
# and memory or are refused with one clear message; nothing hangs (every
# run is under `timeout 20`) and no message floods the terminal.
#
# - Numbers: 1e308 and a sample size of 1e308 (out of the metric's range),
#   1e999 (beyond a double: "out of range"), -0 (zero), 0.1e-320 (a
#   subnormal, accepted), in JSON, CSV and XML; 1e308 in raw contacts.
# - 100,000 metric entries in one file, unknown ids or duplicates of a
#   valid one, in JSON, CSV and XML, and 100,000 unknown fields: exit 1,
#   the first 20 problems and "... and N more problems", in little time
#   and memory.
# - A 1 MB company name (JSON, CSV, XML, aggregate --company): refused,
#   "the name is 1048576 characters long (at most 1000)"; a name of 1000
#   characters works and the table, CSV and report stay small.
# - 10,000 periods (monthly, in order and in reverse): validate, compare,
#   trend (table, JSON, CSV) and report work, each under 5 s of CPU and
#   200 MB, and the report's charts label at most a dozen periods.
# - JSON nested 100,000 deep (bare, and inside a company file), and XML
#   too: refused with "nested more than N levels deep", no stack overflow.
# - A CSV line of 50 MB: as a number (out of range), as a company name
#   (too long), as an extra field, in contacts for `aggregate` and in a
#   transcript for `listen` (longer than the read block): exit 1.
#
# Time and memory come from /usr/bin/time, or tests/perf/peak.c (wall
# time) when it is missing.  Usage: tests/limits-test.sh BINARY.  Ends with
# "limits: N passed, N failed"; exits 1 when a check failed.
. "$(dirname "$0")/setup.sh"
unset CXBENCH_FAIL_ALLOC CXBENCH_GNUPLOT
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-limits.XXXXXX")
pass=0
fail=0
start=$(date +%s)

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # check NAME COMMAND...
	name=$1
	shift
	if "$@" > "$work/check.out" 2>&1; then ok; else bad "$name"; sed 's/^/  /' "$work/check.out" | head -20; fi
}
lines() { wc -l < "$1" | tr -d ' '; }
# one_error FILE PATTERN: FILE is exactly one line, matching PATTERN
one_error() { [ "$(lines "$1")" -eq 1 ] && grep -q -- "$2" "$1"; }
# capped FILE PATTERN: the first 20 problems (the first matching PATTERN),
# then "... and N more problems"
capped() {
	[ "$(lines "$1")" -eq 21 ] && head -1 "$1" | grep -q -- "$2" &&
		tail -1 "$1" | grep -q '^cxbench: \.\.\. and [0-9]* more problems (the first 20 are shown)$'
}

cd "$work" || exit 2

# ---- measuring ----

if [ -x /usr/bin/time ] && /usr/bin/time -f '%U' -o /dev/null true 2> /dev/null; then
	measure_with=time
elif cc -O2 -o peak "$ROOT/tests/perf/peak.c" 2> /dev/null; then
	measure_with=peak
else
	measure_with=
	echo "note: neither /usr/bin/time nor a C compiler: time and memory not measured"
fi

# run NAME COMMAND...: runs cxbench with COMMAND's arguments under
# `timeout 20`, stdout in NAME.out, stderr in NAME.err; sets rc, secs (CPU
# seconds, or wall time with peak) and mb (peak resident memory)
run() {
	name=$1
	shift
	secs=0 mb=0
	case $measure_with in
	time)
		/usr/bin/time -f '%U %S %M' -o "$name.time" timeout 20 "$bin" "$@" \
			> "$name.out" 2> "$name.err"
		rc=$?
		set -- $(tail -1 "$name.time")
		secs=$(awk -v u="$1" -v s="$2" 'BEGIN { printf "%.2f", u + s }')
		mb=$(($3 / 1024)) ;;
	peak)
		./peak timeout 20 "$bin" "$@" > "$name.out" 2> "$name.err"
		rc=$?
		set -- $(tail -1 "$name.err")
		secs=$1 mb=$2
		sed -i '$d' "$name.err" ;;
	*)
		timeout 20 "$bin" "$@" > "$name.out" 2> "$name.err"
		rc=$? ;;
	esac
	echo "$name: exit $rc, $secs s, $mb MB" >> measures.log
}
# within NAME SECONDS MB: the last run took at most this much
within() {
	check "$1: within $2 s and $3 MB (took $secs s, $mb MB)" \
		awk -v s="$secs" -v m="$mb" -v S="$2" -v M="$3" 'BEGIN { exit !(s <= S && m <= M) }'
}

# ---- numbers ----

# company files in the three forms, with nps and asa_seconds both VALUE
number_files() {
	printf '{"company": "X", "period": "2026-Q1", "metrics": {"nps": %s, "asa_seconds": %s}}\n' \
		"$1" "$1" > num.json
	printf 'company,period,metric,value,n\nX,2026-Q1,nps,%s,\nX,2026-Q1,asa_seconds,%s,\n' \
		"$1" "$1" > num.csv
	printf '<metrics company="X"><period id="2026-Q1"><metric id="nps" value="%s"/>\n<metric id="asa_seconds" value="%s"/></period></metrics>\n' \
		"$1" "$1" > num.xml
}
number_files 1e308
for f in json csv xml; do
	run num-$f compare num.$f
	check "1e308 ($f): exit 1" [ "$rc" -eq 1 ]
	check "1e308 ($f): out of the metric's range" \
		grep -q "nps: 1e+308 is out of range (-100 to 100)$" num-$f.err
done
number_files 1e999
run num-json compare num.json
check "1e999 (json): exit 1" [ "$rc" -eq 1 ]
check "1e999 (json): out of range" grep -q \
	"^cxbench: num.json: metrics.nps: number out of range$" num-json.err
for f in csv xml; do
	run num-$f compare num.$f
	check "1e999 ($f): exit 1" [ "$rc" -eq 1 ]
	check "1e999 ($f): out of range" grep -q "value: '1e999' is out of range$" num-$f.err
done
for v in -0 0.1e-320; do
	number_files "$v"
	for f in json csv xml; do
		run num-$f compare num.$f --format json
		check "$v ($f): exit 0" [ "$rc" -eq 0 ]
		check "$v ($f): nothing on stderr" [ ! -s num-$f.err ]
		check "$v ($f): the company's value is 0" \
			grep -q '^			"company":	0,$' num-$f.out
	done
done
printf '{"company": "X", "period": "2026-Q1", "metrics": {"nps": {"value": 10, "n": 1e308}}}\n' > n.json
run n compare n.json
check "n = 1e308: exit 1" [ "$rc" -eq 1 ]
check "n = 1e308: too large" one_error n.err "metrics.nps.n: sample size n 1e+308 is too large (at most 1e+12)$"
printf 'contact_id,customer_id,started_at,wait_seconds\n1,c1,2026-01-05T10:00:00Z,1e308\n' > contacts-big.csv
run contacts-big aggregate contacts-big.csv
check "aggregate, wait 1e308: exit 1" [ "$rc" -eq 1 ]
check "aggregate, wait 1e308: one line" one_error contacts-big.err "contacts-big.csv:2: wait_seconds"

# ---- 100,000 metric entries ----

awk 'BEGIN {
	printf "{\"company\": \"X\", \"period\": \"2026-Q1\", \"metrics\": {"
	for (i = 0; i < 100000; i++) printf "%s\"m%d\": 1", i ? ", " : "", i
	print "}}"
}' > unknown.json
awk 'BEGIN {
	printf "{\"company\": \"X\", \"period\": \"2026-Q1\", \"metrics\": {"
	for (i = 0; i < 100000; i++) printf "%s\"nps\": %d", i ? ", " : "", i % 100
	print "}}"
}' > dup.json
awk 'BEGIN {
	printf "{\"company\": \"X\", \"period\": \"2026-Q1\", \"metrics\": {\"nps\": 1}"
	for (i = 0; i < 100000; i++) printf ", \"x%d\": 1", i
	print "}"
}' > fields.json
# each duplicate's first occurrence is after the 100,000 unknown fields
awk 'BEGIN {
	printf "{\"company\": \"X\", \"period\": \"2026-Q1\", \"metrics\": {\"nps\": 1}"
	for (i = 0; i < 100000; i++) printf ", \"x%d\": 1", i
	for (i = 0; i <= 100000; i++) printf ", \"industry\": \"t\""
	print "}"
}' > dupfields.json
awk 'BEGIN {
	print "company,period,metric,value,n"
	for (i = 0; i < 100000; i++) printf "X,2026-Q1,m%d,1,\n", i
}' > unknown.csv
awk 'BEGIN {
	print "company,period,metric,value,n"
	for (i = 0; i < 100000; i++) printf "X,2026-Q1,nps,%d,\n", i % 100
}' > dup.csv
awk 'BEGIN {
	print "<metrics company=\"X\"><period id=\"2026-Q1\">"
	for (i = 0; i < 100000; i++) printf "<metric id=\"m%d\" value=\"1\"/>\n", i
	print "</period></metrics>"
}' > unknown.xml
awk 'BEGIN {
	print "<metrics company=\"X\"><period id=\"2026-Q1\">"
	for (i = 0; i < 100000; i++) printf "<metric id=\"nps\" value=\"%d\"/>\n", i % 100
	print "</period></metrics>"
}' > dup.xml
for f in unknown.json unknown.csv unknown.xml; do
	run "$f" compare "$f"
	check "100,000 unknown metrics ($f): exit 1" [ "$rc" -eq 1 ]
	check "100,000 unknown metrics ($f): 20 messages and a count" capped "$f.err" "unknown metric 'm0'"
	check "100,000 unknown metrics ($f): the count" grep -q '\.\.\. and 99980 more problems' "$f.err"
	within "100,000 unknown metrics ($f)" 5 200
done
for f in dup.json dup.csv dup.xml; do
	run "$f" compare "$f"
	check "100,000 duplicates of nps ($f): exit 1" [ "$rc" -eq 1 ]
	check "100,000 duplicates of nps ($f): 20 messages and a count" capped "$f.err" "duplicate metric 'nps'"
	within "100,000 duplicates of nps ($f)" 5 200
done
run fields validate fields.json
check "100,000 unknown fields: exit 1" [ "$rc" -eq 1 ]
check "100,000 unknown fields: 20 messages and a count" capped fields.err "x0: unknown field"
within "100,000 unknown fields" 5 200
run dupfields validate dupfields.json
check "100,000 unknown fields, then 100,000 duplicates: exit 1" [ "$rc" -eq 1 ]
check "100,000 unknown fields, then 100,000 duplicates: capped" capped dupfields.err "x0: unknown field"
check "100,000 unknown fields, then 100,000 duplicates: the count" \
	grep -q '\.\.\. and 199980 more problems' dupfields.err
within "100,000 unknown fields, then 100,000 duplicates (not quadratic)" 5 200

# ---- a 1 MB company name ----

head -c 1048576 /dev/zero | tr '\0' 'A' > name.txt
{ printf '{"company": "'; cat name.txt; printf '", "period": "2026-Q1", "metrics": {"nps": 10}}\n'; } > bigname.json
{ printf 'company,period,metric,value,n\n'; cat name.txt; printf ',2026-Q1,nps,10,\n'; } > bigname.csv
{ printf '<metrics company="'; cat name.txt; printf '"><period id="2026-Q1"><metric id="nps" value="10"/></period></metrics>\n'; } > bigname.xml
for f in json csv xml; do
	run bigname-$f compare bigname.$f
	check "1 MB name ($f): exit 1" [ "$rc" -eq 1 ]
	check "1 MB name ($f): one line, the length and the limit" one_error bigname-$f.err \
		"company: the name is 1048576 characters long (at most 1000)$"
	check "1 MB name ($f): nothing on stdout" [ ! -s bigname-$f.out ]
	within "1 MB name ($f)" 5 200
done
awk 'BEGIN { print "contact_id,customer_id,started_at,wait_seconds"; print "1,c1,2026-01-05T10:00:00Z,10" }' > one.csv
run company-option aggregate one.csv --company "$(head -c 100000 name.txt)"
check "aggregate --company of 100,000 characters: usage error" [ "$rc" -eq 2 ]
check "aggregate --company of 100,000 characters: one line" one_error company-option.err \
	"--company: the name is 100000 characters long (at most 1000)"
# 1000 characters, two bytes each: the longest accepted
name1000=$(awk 'BEGIN { for (i = 0; i < 1000; i++) printf "Ж" }')
sed "s/\"Acme Telecom\"/\"$name1000\"/" "$ROOT/examples/acme-telecom.json" > name1000.json
run name1000-table compare name1000.json
check "1000-character name: compare exits 0" [ "$rc" -eq 0 ]
check "1000-character name: the table stays under 40 KB" [ "$(wc -c < name1000-table.out)" -lt 40000 ]
run name1000-csv compare name1000.json --format csv
check "1000-character name: compare --format csv exits 0" [ "$rc" -eq 0 ]
# one row per metric and reference, each with the 2000-byte name once
check "1000-character name: the CSV has the name once a row (under 2.5 KB a row)" \
	[ "$(wc -c < name1000-csv.out)" -lt "$(( $(wc -l < name1000-csv.out) * 2500 ))" ]
run name1000-json compare name1000.json --format json
check "1000-character name: the JSON has the name" grep -q "\"$name1000\"" name1000-json.out
run name1000-report report name1000.json -o name1000.html
check "1000-character name: report exits 0" [ "$rc" -eq 0 ]
check "1000-character name: the report stays under 2 MB" [ "$(wc -c < name1000.html)" -lt 2000000 ]
check "1000-character name: the report is complete" sh -c 'tail -c 10 name1000.html | grep -q "</html>"'

# ---- 10,000 periods ----

periods() { # periods FIRST LAST STEP: monthly periods from 1900-01 on
	awk -v a="$1" -v b="$2" -v s="$3" 'BEGIN {
		printf "{\"company\": \"Long Run\", \"periods\": ["
		for (q = a; q != b + s; q += s)
			printf "%s{\"period\": \"%d-%02d\", \"metrics\": {\"nps\": %d, \"csat_pct\": %d, \"asa_seconds\": %d}}",
				q != a ? ", " : "", 1900 + int(q / 12), q % 12 + 1, q % 50, 60 + q % 30, 100 + q % 80
		print "]}"
	}'
}
periods 0 9999 1 > periods.json
periods 9999 0 -1 > periods-reverse.json
run periods-validate validate periods.json
check "10,000 periods: validate exits 0" [ "$rc" -eq 0 ]
check "10,000 periods: validate counts them" grep -q "10000 periods (1900-01 to 2733-04)" periods-validate.out
within "10,000 periods: validate" 5 200
run periods-reverse validate periods-reverse.json
check "10,000 periods in reverse: validate exits 0" [ "$rc" -eq 0 ]
within "10,000 periods in reverse: validate" 5 200
run periods-compare compare periods.json --format json
check "10,000 periods: compare exits 0" [ "$rc" -eq 0 ]
check "10,000 periods: compare takes the latest" grep -q '"period":	"2733-04"' periods-compare.out
within "10,000 periods: compare" 5 200
for fmt in table json csv; do
	run periods-trend-$fmt trend periods.json --format $fmt
	check "10,000 periods: trend --format $fmt exits 0" [ "$rc" -eq 0 ]
	within "10,000 periods: trend --format $fmt" 5 200
done
check "10,000 periods: trend JSON lists them all" \
	python3 -c "import json,sys; d=json.load(open('periods-trend-json.out')); sys.exit(len(d['periods']) != 10000)"
run periods-report report periods.json -o periods.html
check "10,000 periods: report exits 0" [ "$rc" -eq 0 ]
check "10,000 periods: the report is complete" sh -c 'tail -c 10 periods.html | grep -q "</html>"'
check "10,000 periods: the report stays under 20 MB" [ "$(wc -c < periods.html)" -lt 20000000 ]
check "10,000 periods: the trend chart labels at most 12 periods" \
	python3 -c "
import re, sys
html = open('periods.html', encoding='utf-8').read()
labels = set(re.findall(r'>(\d{4}-\d\d)</text>', html))
sys.exit(not 1 < len(labels) <= 12 * 5)"
within "10,000 periods: report (gnuplot included)" 5 200

# ---- deep nesting ----

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' > deep.json
awk 'BEGIN {
	printf "{\"company\": \"X\", \"period\": \"2026-Q1\", \"metrics\": {\"nps\": 1}, \"source\": "
	for (i = 0; i < 100000; i++) printf "{\"a\": "
	printf "1"
	for (i = 0; i < 100000; i++) printf "}"
	print "}"
}' > deep-inside.json
awk 'BEGIN { printf "<metrics company=\"X\">"; for (i = 0; i < 100000; i++) printf "<a>"; for (i = 0; i < 100000; i++) printf "</a>"; print "</metrics>" }' > deep.xml
run deep compare deep.json
check "JSON 100,000 deep: exit 1" [ "$rc" -eq 1 ]
check "JSON 100,000 deep: one line, too deep" one_error deep.err \
	"^cxbench: deep.json:1: JSON nested more than 1000 levels deep at column 1001$"
run deep-inside validate deep-inside.json
check "JSON 100,000 deep inside a company file: exit 1" [ "$rc" -eq 1 ]
check "JSON 100,000 deep inside a company file: too deep" one_error deep-inside.err \
	"JSON nested more than 1000 levels deep at column"
run deep-profile profiles validate deep.json
check "JSON 100,000 deep as a profile: exit 1" [ "$rc" -eq 1 ]
check "JSON 100,000 deep as a profile: too deep" one_error deep-profile.err "nested more than 1000 levels deep"
run deep-catalog metrics --catalog deep.json
check "JSON 100,000 deep as a catalog: exit 1" [ "$rc" -eq 1 ]
check "JSON 100,000 deep as a catalog: too deep" one_error deep-catalog.err "nested more than 1000 levels deep"
run deep-xml compare deep.xml
check "XML 100,000 deep: exit 1" [ "$rc" -eq 1 ]
check "XML 100,000 deep: one line, too deep" one_error deep-xml.err \
	"^cxbench: deep.xml:1: elements nested more than 256 levels deep$"
within "XML 100,000 deep" 5 200

# ---- a CSV line of 50 MB ----

head -c 52428800 /dev/zero | tr '\0' '1' > ones
tr '1' 'x' < ones > xs
{ echo "company,period,metric,value,n"; printf 'X,2026-Q1,nps,'; cat ones; echo ','; } > long-number.csv
{ echo "company,period,metric,value,n"; printf '"'; cat xs; echo '",2026-Q1,nps,5,'; } > long-name.csv
{ echo "company,period,metric,value,n"; printf 'X,2026-Q1,nps,5,,'; cat xs; echo; } > long-field.csv
{ echo "contact_id,customer_id,started_at,wait_seconds"; printf '1,c1,2026-01-05T10:00:00Z,'; cat ones; echo; } > long-contacts.csv
{ echo "contact_id,speaker,text"; printf '1,customer,'; cat xs; echo; } > long-transcript.csv
rm -f ones xs
run long-number compare long-number.csv
check "a 50 MB number: exit 1" [ "$rc" -eq 1 ]
check "a 50 MB number: out of range, quoted short" one_error long-number.err \
	"^cxbench: long-number.csv:2: value: '1111111111111111111111111111111111111111' is out of range$"
within "a 50 MB number" 5 400
run long-name compare long-name.csv
check "a 50 MB name: exit 1" [ "$rc" -eq 1 ]
check "a 50 MB name: too long" one_error long-name.err "the name is 52428800 characters long (at most 1000)$"
within "a 50 MB name" 5 400
run long-field compare long-field.csv
check "a 50 MB extra field: exit 1" [ "$rc" -eq 1 ]
check "a 50 MB extra field: one line" one_error long-field.err "long-field.csv:2: expected 5 fields, found 6$"
run long-contacts aggregate long-contacts.csv
check "a 50 MB contacts line: exit 1" [ "$rc" -eq 1 ]
check "a 50 MB contacts line: one line" one_error long-contacts.err \
	"long-contacts.csv:2: a record longer than the [0-9]*-byte read block$"
within "a 50 MB contacts line" 5 200
run long-transcript listen long-transcript.csv
check "a 50 MB transcript line: exit 1" [ "$rc" -eq 1 ]
check "a 50 MB transcript line: one line" one_error long-transcript.err \
	"long-transcript.csv:2: a record longer than the [0-9]*-byte read block$"
within "a 50 MB transcript line" 5 200

if [ -n "$measure_with" ]; then
	echo "the slowest runs ($([ "$measure_with" = time ] && echo "CPU" || echo "wall") seconds):"
	sort -t, -k2 -n -r measures.log | head -5 | sed 's/^/  /'
fi
elapsed=$(($(date +%s) - start))
echo "limits: $pass passed, $fail failed (${elapsed}s)"
if [ "$fail" -ne 0 ]; then
	echo "(work directory kept: $work; time and memory per run in measures.log)"
	exit 1
fi
cd / && rm -rf "$work"

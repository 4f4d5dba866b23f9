#!/bin/sh
# make bench: `cxbench aggregate` on ROWS (default 10 million) synthetic
# contact records, beside sqlite3 computing the same metrics (import and
# one query with a window function for repeats) and `wc -l`, the floor of
# reading the file; wall time and peak memory of each, on the same file,
# and whether the results agree to the last printed digit.
# Targets: under 2 s and 400 MB for 10 million rows.
set -eu
bin=$(cd "$(dirname "${1:-./cxbench}")" && pwd)/$(basename "${1:-./cxbench}")
rows=${ROWS:-10000000}
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/build/bench"
mkdir -p "$dir"
cc -O2 -o "$dir/gen-contacts" "$root/tests/perf/gen-contacts.c"
cc -O2 -o "$dir/peak" "$root/tests/perf/peak.c"
data="$dir/contacts-$rows.csv"
if [ ! -s "$data" ]; then
	echo "generating $rows contact records into $data ..."
	"$dir/gen-contacts" "$rows" > "$data.tmp" && mv "$data.tmp" "$data"
fi
size=$(wc -c < "$data")

measure() { # label, command...: prints "label seconds MB"
	label=$1
	shift
	"$dir/peak" "$@" 2> "$dir/peak.out" > /dev/null
	printf '%-34s %8s s %8s MB\n' "$label" $(tail -n 1 "$dir/peak.out")
}

printf '%s rows, %s MB, %s bytes a row\n' "$rows" "$((size / 1000000))" "$((size / rows))"
measure "wc -l (reading the file)" wc -l "$data"
measure "cxbench aggregate" "$bin" aggregate "$data" -o "$dir/cxbench.json"
"$dir/peak" "$bin" aggregate "$data" -o "$dir/cxbench.json" 2> "$dir/peak.out"
awk -v rows="$rows" -v size="$size" '{
	printf "%-34s %8.0f MB/s, %.1f million rows/s\n", "cxbench throughput",
		size / 1e6 / $1, rows / 1e6 / $1
	printf "%-34s %8s (target under 2 s and 400 MB)\n", "targets",
		($1 < 2 && $2 < 400) ? "met" : "MISSED" }' "$dir/peak.out"
if command -v sqlite3 > /dev/null 2>&1; then
	measure "sqlite3 (import and query)" sqlite3 :memory: -cmd ".mode csv" \
		-cmd ".import $data contacts" -cmd ".output $dir/sqlite.csv" \
		-cmd ".read $root/tests/perf/contacts.sql"
	python3 "$root/tests/perf/agree.py" "$dir/cxbench.json" "$dir/sqlite.csv" | tail -n 5
else
	echo "sqlite3 not installed: no comparison (make deps installs it)"
fi

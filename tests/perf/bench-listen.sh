#!/bin/sh
# make bench: `cxbench listen` on about BYTES (default 1 GB) of generated
# transcripts, beside the phrase matching that the category queries
# replaced (commit BASELINE, built from this repository's history into
# build/bench/baseline with its own phrase lexicons): wall time and peak
# memory of each, the queries on one thread and on all (--threads), and
# the count of each signal found by either (best of three runs each).  Then precision and recall of the queries on the
# labelled corpus's test split.  Targets: queries on one thread within
# 1.5x the phrases' time; files over 64 MB read on every core.
set -eu
bin=$(cd "$(dirname "${1:-./cxbench}")" && pwd)/$(basename "${1:-./cxbench}")
bytes=${BYTES:-1000000000}
baseline=${BASELINE:-9124529}
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/build/bench"
export CXBENCH_DATA="$root"
mkdir -p "$dir"
cc -O2 -o "$dir/gen-transcripts" "$root/tests/perf/gen-transcripts.c"
cc -O2 -o "$dir/peak" "$root/tests/perf/peak.c"
data="$dir/transcripts-$bytes.csv"
if [ ! -s "$data" ]; then
	echo "generating $bytes bytes of transcripts into $data ..."
	"$dir/gen-transcripts" "$bytes" > "$data.tmp" && mv "$data.tmp" "$data"
fi

old="$dir/baseline"
if [ ! -x "$old/cxbench" ] && git -C "$root" cat-file -e "$baseline^{commit}" 2>/dev/null; then
	echo "building the phrase-matching baseline ($baseline) into $old ..."
	rm -rf "$old" && mkdir -p "$old"
	git -C "$root" archive "$baseline" | tar -x -C "$old"
	make -C "$old" --no-print-directory -s cxbench > /dev/null
fi

measure() { # label, command...: the best of three runs
	label=$1
	shift
	: > "$dir/peak.best"
	for run in 1 2 3; do
		"$dir/peak" "$@" 2> "$dir/peak.out" > "$dir/out.json"
		tail -n 1 "$dir/peak.out" >> "$dir/peak.best"
	done
	sort -n "$dir/peak.best" | head -n 1 > "$dir/peak.out"
	printf '%-44s %8s s %6s MB\n' "$label" $(cat "$dir/peak.out")
}
seconds() { cut -d' ' -f1 "$dir/peak.out"; }

printf '%s MB of transcripts, %s queries\n' "$(( $(wc -c < "$data") / 1000000 ))" \
	"$("$bin" listen --list-queries | wc -l)"
if [ -x "$old/cxbench" ]; then
	measure "phrases ($baseline), one thread" env CXBENCH_DATA="$old" \
		"$old/cxbench" listen "$data" --format json
	phrase_time=$(seconds)
	cp "$dir/out.json" "$dir/phrases.json"
else
	echo "(no git history here: the phrase-matching baseline is not built)"
	phrase_time=
fi
measure "queries, one thread (--threads 1)" "$bin" listen "$data" --format json --threads 1
one_time=$(seconds)
measure "queries, every core" "$bin" listen "$data" --format json
all_time=$(seconds)
awk -v p="$phrase_time" -v o="$one_time" -v a="$all_time" 'BEGIN {
	if (p != "")
		printf "%-44s %8.2f  (target <= 1.5)\n", "ratio queries (one thread) / phrases", o / p
	printf "%-44s %8.2f  (every core over one)\n", "speed-up", o / a }'
if [ -n "$phrase_time" ]; then
	python3 - "$dir/phrases.json" "$dir/out.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
print("%-20s %12s %12s" % ("signal", "phrases n", "queries n"))
for k, v in b["signals"].items():
    print("%-20s %12s %12d" % (k, a["signals"].get(k, {}).get("n", "-"), v["n"]))
PY
fi
python3 "$root/tests/listen_corpus.py" "$bin" --split test

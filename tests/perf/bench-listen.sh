#!/bin/sh
# make bench: `cxbench listen` on about BYTES (default 1 GB) of generated
# transcripts beside `grep -F -i -c -f` with the same phrases (the
# lexicons' phrases, in a UTF-8 locale so that Cyrillic folds too); wall
# time and peak memory of each.  Target: listen at least as fast as grep.
set -eu
bin=$(cd "$(dirname "${1:-./cxbench}")" && pwd)/$(basename "${1:-./cxbench}")
bytes=${BYTES:-1000000000}
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
"$bin" listen --list-phrases | cut -f 3 | sed 's/\*$//' | sort -u > "$dir/phrases.txt"

measure() { # label, command...
	label=$1
	shift
	"$dir/peak" "$@" 2> "$dir/peak.out" > "$dir/out.txt"
	printf '%-44s %8s s %6s MB\n' "$label" $(tail -n 1 "$dir/peak.out")
}

printf '%s MB of transcripts, %s phrases\n' "$(( $(wc -c < "$data") / 1000000 ))" \
	"$(wc -l < "$dir/phrases.txt")"
measure "grep -F -i -c -f (C.UTF-8)" env LC_ALL=C.UTF-8 grep -F -i -c -f "$dir/phrases.txt" "$data"
grep_time=$(tail -n 1 "$dir/peak.out" | cut -d' ' -f1)
measure "cxbench listen --format json" "$bin" listen "$data" --format json
listen_time=$(tail -n 1 "$dir/peak.out" | cut -d' ' -f1)
awk -v g="$grep_time" -v l="$listen_time" 'BEGIN {
	printf "%-44s %8.2f  (target <= 1: at least as fast as grep)\n", "ratio listen / grep", l / g }'

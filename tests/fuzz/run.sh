#!/bin/sh
# Runs the fuzz harnesses built in build/fuzz/ (make fuzz): each for
# SECONDS on a scratch copy of its seed corpus (build/fuzz/corpus/NAME;
# the checked-in tests/fuzz/NAME is never grown), and fails if any found a
# crash, a leak, a timeout or a sanitizer report.  What it found is kept
# as build/fuzz/artifacts/NAME-crash-... (or leak-, timeout-, oom-) and the
# log as build/fuzz/NAME.log; reproduce with build/fuzz/fuzz_NAME FILE.
# Usage: tests/fuzz/run.sh SECONDS NAME...
set -u
seconds=$1
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build/fuzz
CXBENCH_DATA=$root
export CXBENCH_DATA
failed=""
mkdir -p "$out/corpus" "$out/artifacts"
for name in "$@"; do
	rm -rf "$out/corpus/$name"
	cp -R "$root/tests/fuzz/$name" "$out/corpus/$name"
	echo "fuzz: $name for $seconds s"
	if "$out/fuzz_$name" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$out/artifacts/$name-" \
		"$out/corpus/$name" > "$out/$name.log" 2>&1; then
		grep -E '^Done [0-9]+ runs' "$out/$name.log" | sed "s/^/fuzz: $name: /"
	else
		failed="$failed $name"
		echo "fuzz: $name FAILED (log: build/fuzz/$name.log)"
		grep -E 'ERROR|SUMMARY|Test unit written|^artifact_prefix' "$out/$name.log" | head -n 8
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed"
	exit 1
fi
echo "fuzz: no crash in $# harnesses"

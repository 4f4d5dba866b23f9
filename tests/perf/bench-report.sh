#!/bin/sh
# make bench: `cxbench report` on the demo data (all bundled brands, all
# metrics, four quarters) beside gnuplot alone drawing the same charts from
# the same script and data.  Targets: under 2x the gnuplot time, and under
# 400 ms.  Figures are the mean wall time per run over RUNS runs.
set -eu
bin=$(cd "$(dirname "${1:-./cxbench}")" && pwd)/$(basename "${1:-./cxbench}")
runs=${RUNS:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
export CXBENCH_DATA="$root"
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
company="$root/examples/acme-telecom.json"

ms_per_run() {
	start=$(date +%s%N)
	i=0
	while [ $i -lt "$runs" ]; do
		"$@" > /dev/null 2>&1
		i=$((i + 1))
	done
	end=$(date +%s%N)
	echo "$(( (end - start) / runs / 1000000 ))"
}

KEEP_DIR="$work/charts" CXBENCH_GNUPLOT="$root/tests/perf/keep-gnuplot.sh" \
	"$bin" report "$company" -o "$work/kept.html" > /dev/null
export KEEP_DIR
charts=$(grep -c '^set output' "$work/charts/charts.gp")
gp=$(ms_per_run gnuplot -d "$work/charts/charts.gp")
report=$(ms_per_run "$bin" report "$company" -o "$work/report.html")
printf '%-52s %8s\n' "report on the demo data ($charts charts), mean of $runs" "ms"
printf '%-52s %8s\n' "gnuplot alone, same script and data" "$gp"
printf '%-52s %8s\n' "cxbench report (load, compute, gnuplot, HTML, write)" "$report"
awk -v r="$report" -v g="$gp" 'BEGIN {
	printf "%-52s %8.2f  (target < 2)\n", "ratio report / gnuplot", r / (g > 0 ? g : 1)
	printf "%-52s %8s  (target < 400 ms)\n", "report time", (r < 400 ? "met" : "MISSED") }'

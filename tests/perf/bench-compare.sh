#!/bin/sh
# make bench: time of `cxbench compare` on the demo data (all profiles, all
# metrics, JSON and table) beside a baseline: a process that only reads the
# same input files (`cat`), the floor for a command that starts and loads
# them.  Figures are the mean wall time per run over RUNS runs.
set -eu
bin=${1:-./cxbench}
runs=${RUNS:-200}
root=$(cd "$(dirname "$0")/../.." && pwd)
export CXBENCH_DATA="$root"
inputs="$root/profiles/*.json $root/examples/acme-telecom.json"

ms_per_run() {
	start=$(date +%s%N)
	i=0
	while [ $i -lt "$runs" ]; do
		"$@" > /dev/null
		i=$((i + 1))
	done
	end=$(date +%s%N)
	echo "$(( (end - start) / runs / 1000 ))"
}

# shellcheck disable=SC2086
base=$(ms_per_run cat $inputs)
json=$(ms_per_run "$bin" compare "$root/examples/acme-telecom.json" --format json)
table=$(ms_per_run "$bin" compare "$root/examples/acme-telecom.json")
csv=$(ms_per_run "$bin" compare "$root/examples/acme-telecom.csv" --format json)
printf '%-44s %10s\n' "per run, mean of $runs (microseconds)" "time"
printf '%-44s %10s\n' "baseline: cat the same input files" "$base"
printf '%-44s %10s\n' "cxbench compare --format json (JSON input)" "$json"
printf '%-44s %10s\n' "cxbench compare (table)" "$table"
printf '%-44s %10s\n' "cxbench compare --format json (CSV input)" "$csv"

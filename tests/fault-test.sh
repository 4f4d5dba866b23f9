#!/bin/sh
# Fault injection: whatever fails, cxbench says so in one line, exits
# non-zero, and leaves no partial or corrupted output file behind (the
# previous one, if any, stays as it was).
#
# - Allocation failure: CXBENCH_FAIL_ALLOC=N (bench/base/mem.h) makes the Nth
#   allocation fail.  For `report` (over an existing report), `compare
#   --format json > FILE` and `aggregate -o FILE`, N is swept from 1 to the
#   command's allocation count (found by bisection) and one past it: all of
#   the first allocations, a spread of points across the run and all of the
#   last ones.  Every run exits 3 with exactly one line "out of memory" (or
#   0 past the count, with the complete output), never crashes or trips a
#   sanitizer; the previous output is byte-identical after a failing run,
#   and no temporary file is left beside it or in TMPDIR.  The sweep runs
#   with BINARY and, at the same time, with build/asan/cxbench when it
#   exists (`make asan`; FAULT_ASAN=PATH names another, FAULT_ASAN= skips).
#   FAULT_POINTS=N changes the number of spread points (default 24; 6 for
#   the ASan build, FAULT_ASAN_POINTS),
#   FAULT_POINTS=all tries every N (slow: the report makes ~140,000
#   allocations).  The charts come from a stand-in that copies SVGs drawn
#   once by the real gnuplot, so that each run is quick.
# - A read-only output directory (run as `nobody` when root), a missing
#   one, a file where a directory should be: exit 3, nothing written.
# - A full disk: `compare > /dev/full`, `report/aggregate/listen -o
#   /dev/full`: exit 3 "cannot write"; /dev/full stays a device.
# - gnuplot missing, crashing (SIGSEGV), failing, or writing no chart:
#   exit 3, one line, the previous report intact.
# - SIGKILL at many moments while a large report is being made: the
#   report is always the previous one or the complete new one.
#
# Usage: tests/fault-test.sh BINARY.  Ends with "fault: N passed, N failed";
# exits 1 when a check failed.
. "$(dirname "$0")/setup.sh"
unset CXBENCH_FAIL_ALLOC CXBENCH_GNUPLOT
asan=${FAULT_ASAN-$ROOT/build/asan/cxbench}
[ -n "$asan" ] && [ -x "$asan" ] && [ "$asan" != "$bin" ] || asan=
points=${FAULT_POINTS:-24}
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-fault.XXXXXX")
chmod 755 "$work" # `nobody` reads the fixtures in the read-only test
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
one_error() { [ "$(lines "$1")" -eq 1 ] && grep -q "$2" "$1"; }
# only FILE...: the directory of the first FILE holds exactly these names
only() {
	[ "$(ls -A "$(dirname "$1")" | sort | tr '\n' ' ')" = "$(for f; do basename "$f"; done | sort | tr '\n' ' ')" ]
}
empty_dir() { [ -z "$(ls -A "$1")" ]; }

cd "$work" || exit 2
mkdir fixtures
awk -v want="--- file contacts.csv" '
	/^--- / { on = ($0 == want); next }
	on { print }' "$ROOT/tests/cases/aggregate-metrics.test" > fixtures/small.csv
company=$ROOT/examples/acme-telecom.json

# ---- the gnuplot stand-ins ----

# keep-gnuplot runs gnuplot and keeps the charts in $CHARTS; replay-gnuplot
# copies them from there instead of running gnuplot.
cat > fixtures/keep-gnuplot <<'EOF'
#!/bin/sh
gnuplot "$@" || exit $?
mkdir -p "$CHARTS" && cp "$(dirname "$2")"/*.svg "$CHARTS/"
EOF
cat > fixtures/replay-gnuplot <<'EOF'
#!/bin/sh
cp "$CHARTS"/*.svg "$(dirname "$2")/"
EOF
CHARTS=$work/fixtures/svg
export CHARTS
cat > fixtures/crash-gnuplot <<'EOF'
#!/bin/sh
kill -SEGV $$
EOF
cat > fixtures/fail-gnuplot <<'EOF'
#!/bin/sh
echo "line 1: something went wrong" >&2
exit 1
EOF
cat > fixtures/silent-gnuplot <<'EOF'
#!/bin/sh
exit 0
EOF
chmod 755 fixtures/*-gnuplot

mkdir tmp
TMPDIR=$work/tmp
export TMPDIR
CXBENCH_GNUPLOT=$work/fixtures/keep-gnuplot "$bin" report "$company" \
	-o fixtures/new.html > /dev/null 2> fixtures/new.err
check "the reference report is written (real gnuplot)" [ $? -eq 0 ]
CXBENCH_GNUPLOT=$work/fixtures/replay-gnuplot "$bin" report "$company" \
	-o fixtures/replayed.html > /dev/null 2>&1
check "the replayed charts give the same report" cmp fixtures/new.html fixtures/replayed.html
"$bin" report "$company" --title "The previous report" --against costco \
	-o fixtures/old.html > /dev/null 2>&1
check "the previous report is another one" sh -c "! cmp -s fixtures/old.html fixtures/new.html"
"$bin" compare "$company" --format json > fixtures/compare.json 2> /dev/null
"$bin" aggregate "$work/fixtures/small.csv" > fixtures/aggregate.json 2> /dev/null
check "the aggregate fixture is accepted" [ -s fixtures/aggregate.json ]
printf '{"previous": true}\n' > fixtures/old.json
check "TMPDIR is clean after successful runs" empty_dir tmp

# ---- allocation failures ----

# entries DIR: sets k to the number of names DIR holds (shell builtins
# only: the sweep runs hundreds of times, and forks are its cost)
entries() {
	set -- "$1"/* "$1"/.[!.]*
	k=0
	for e; do
		[ -e "$e" ] && k=$((k + 1))
	done
	return 0
}

# run_one KIND BIN N DIR: one run of command KIND with the Nth allocation
# failing, in DIR/out (its TMPDIR is DIR/tmp); prints "ok" or "FAIL why".
# DIR/out holds the previous output (left there for the next run when it
# is intact).
run_one() {
	kind=$1 b=$2 n=$3 d=$4
	case $kind in
	report)
		target=$d/out/OUT.html old=$work/fixtures/old.html new=$work/fixtures/new.html
		[ -f "$target" ] || cp "$old" "$target"
		CXBENCH_FAIL_ALLOC=$n CXBENCH_GNUPLOT=$work/fixtures/replay-gnuplot \
			"$b" report "$company" -o "$target" > "$d/stdout" 2> "$d/stderr"
		rc=$? ;;
	compare)
		target=$d/out/OUT.json old=/dev/null new=$work/fixtures/compare.json
		CXBENCH_FAIL_ALLOC=$n "$b" compare "$company" --format json \
			> "$target" 2> "$d/stderr"
		rc=$? ;;
	aggregate)
		target=$d/out/OUT.json old=$work/fixtures/old.json new=$work/fixtures/aggregate.json
		[ -f "$target" ] || cp "$old" "$target"
		CXBENCH_FAIL_ALLOC=$n "$b" aggregate "$work/fixtures/small.csv" \
			-o "$target" > "$d/stdout" 2> "$d/stderr"
		rc=$? ;;
	esac
	why= line1= line2=
	{ IFS= read -r line1; IFS= read -r line2; } < "$d/stderr"
	if [ "$rc" -eq 3 ]; then
		# one line, and so no sanitizer report either
		case $line1 in
		"cxbench: out of memory"*) [ -z "$line2" ] || why="more than one line on stderr" ;;
		*) why="exit 3 without the 'out of memory' line" ;;
		esac
		[ -n "$why" ] || cmp -s "$target" "$old" || why="the previous output changed"
	elif [ "$rc" -eq 0 ]; then
		if [ -s "$d/stderr" ]; then
			why="exit 0 with messages"
		elif ! cmp -s "$target" "$new"; then
			why="exit 0 with an output other than the complete one"
		fi
	else
		why="exit $rc"
	fi
	if [ -z "$why" ] && entries "$d/out" && [ "$k" -ne 1 ]; then
		why="files left beside the output: $(ls -A "$d/out" | tr '\n' ' ')"
	elif [ -z "$why" ] && entries "$d/tmp" && [ "$k" -ne 0 ]; then
		why="files left in TMPDIR: $(ls -A "$d/tmp" | tr '\n' ' ')"
	fi
	if [ -n "$why" ] || [ "$rc" -eq 0 ]; then
		rm -rf "$d/out" "$d/tmp"
		mkdir "$d/out" "$d/tmp"
	fi
	if [ -n "$why" ]; then
		echo "FAIL $kind with allocation $n failing ($b): $why"
		sed 's/^/  /' "$d/stderr" | head -5
	else
		echo ok
	fi
}

# count KIND BIN DIR: the number of allocations of a successful run
count() {
	lo=1 hi=128
	while :; do
		run_one "$1" "$2" "$hi" "$3" > /dev/null
		[ "$rc" -eq 3 ] || break
		lo=$((hi + 1)) hi=$((hi * 2))
	done
	while [ "$lo" -lt "$hi" ]; do
		mid=$(((lo + hi) / 2))
		run_one "$1" "$2" "$mid" "$3" > /dev/null
		if [ "$rc" -eq 3 ]; then lo=$((mid + 1)); else hi=$mid; fi
	done
	echo $((lo - 1))
}

# sweep_points TOTAL ENDS POINTS: the first and the last ENDS allocations,
# POINTS spread over the rest (golden-ratio offsets, so that they fall at
# different phases of repeated work) and TOTAL+1 (success); with POINTS
# "all", every N.
sweep_points() {
	awk -v total="$1" -v ends="$2" -v points="$3" 'BEGIN {
		if (points == "all") {
			for (n = 1; n <= total + 1; n++) print n
			exit
		}
		for (n = 1; n <= ends && n <= total; n++) print n
		lo = ends + 1; hi = total - ends
		for (i = 0; i < points && hi > lo; i++) {
			f = (i + (i * 0.6180339887) % 1) / points
			print int(lo + f * (hi - lo))
		}
		for (n = (total > 2 * ends ? total - ends + 1 : ends + 1); n <= total; n++) print n
		print total + 1
	}' | sort -n -u
}

# sweep KIND BIN TOTAL LABEL ENDS POINTS: one "ok"/"FAIL" line per point
sweep() {
	d=$work/sweep-$1-$4
	mkdir -p "$d/out" "$d/tmp"
	for n in $(sweep_points "$3" "$5" "$6"); do
		TMPDIR=$d/tmp run_one "$1" "$2" "$n" "$d"
	done
}

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

t_count=$(date +%s.%N)
for kind in report compare aggregate; do # the three at once
	mkdir -p "counting-$kind/out" "counting-$kind/tmp"
	TMPDIR=$work/counting-$kind/tmp count $kind "$bin" "$work/counting-$kind" \
		> "counting-$kind/total" &
done
wait
for kind in report compare aggregate; do
	total=$(cat "counting-$kind/total")
	eval "total_$kind=$total"
	check "$kind: the allocation count is found ($total)" [ "$total" -gt 100 ]
done
echo "allocations: report $total_report, compare $total_compare," \
	"aggregate $total_aggregate (counted in $(elapsed "$t_count") s)"

# The sweeps run in the background while the other sections run.
t_sweep=$(date +%s.%N)
(for kind in report compare aggregate; do
	eval "sweep $kind \"\$bin\" \$total_$kind plain 12 \"\$points\""
done; echo "took $(elapsed "$t_sweep") s") > sweep-plain.log 2>&1 &
plain_pid=$!
if [ -n "$asan" ]; then
	# exit() in the middle of a run leaves its memory allocated: no leak
	# report for those runs; the complete run is checked for leaks too.
	# Fewer points: the ASan build is several times slower.
	asan_points=${FAULT_ASAN_POINTS:-$([ "$points" = all ] && echo all || echo 6)}
	(for kind in report compare aggregate; do
		eval "total=\$total_$kind"
		ASAN_OPTIONS=detect_leaks=0 sweep $kind "$asan" "$total" asan 6 "$asan_points"
		d=$work/sweep-$kind-leaks
		mkdir -p "$d/out" "$d/tmp"
		ASAN_OPTIONS=detect_leaks=1 TMPDIR=$d/tmp run_one $kind "$asan" $((total + 1)) "$d"
	done; echo "took $(elapsed "$t_sweep") s") > sweep-asan.log 2>&1 &
	asan_pid=$!
fi

# ---- read-only, missing and impossible output directories ----

mkdir ro nobody-tmp
chmod 1777 nobody-tmp
cp fixtures/old.html ro/OUT.html
cp fixtures/old.json ro/OUT.json
chmod 555 ro
as_user=
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv > /dev/null 2>&1; then
		as_user="setpriv --reuid=65534 --regid=65534 --clear-groups --"
	elif command -v runuser > /dev/null 2>&1; then
		as_user="runuser -u nobody --"
	fi
	# nobody must reach the program, the data and the work directory
	if [ -n "$as_user" ] && ! $as_user sh -c 'test -x "$1" && test -r "$2" && test -w "$3"' \
		sh "$bin" "$company" "$work/nobody-tmp" 2> /dev/null; then
		as_user=
	fi
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
	TMPDIR=$work/nobody-tmp $as_user "$bin" report "$company" -o ro/OUT.html \
		> ro.stdout 2> ro.err
	check "report into a read-only directory: exit 3" [ $? -eq 3 ]
	check "report into a read-only directory: one line, 'cannot write'" \
		one_error ro.err "^cxbench: ro/OUT.html: cannot write: Permission denied$"
	TMPDIR=$work/nobody-tmp $as_user "$bin" aggregate fixtures/small.csv -o ro/OUT.json \
		> ro.stdout 2> ro.err
	check "aggregate into a read-only directory: exit 3" [ $? -eq 3 ]
	check "aggregate into a read-only directory: one line, 'cannot write'" \
		one_error ro.err "^cxbench: ro/OUT.json: cannot write: Permission denied$"
	check "read-only directory: the previous report is intact" cmp ro/OUT.html fixtures/old.html
	check "read-only directory: the previous JSON is intact" cmp ro/OUT.json fixtures/old.json
	check "read-only directory: nothing else in it" only ro/OUT.html ro/OUT.json
	check "read-only directory: TMPDIR clean" empty_dir nobody-tmp
else
	echo "note: root, and no way to run as nobody (setpriv, runuser, permissions): read-only directory not tested"
fi
chmod 755 ro

"$bin" report "$company" -o missing/OUT.html > /dev/null 2> missing.err
check "report into a missing directory: exit 3" [ $? -eq 3 ]
check "report into a missing directory: one line" \
	one_error missing.err "^cxbench: missing/OUT.html: cannot write: No such file or directory$"
check "report into a missing directory: nothing created" [ ! -e missing ]
"$bin" aggregate fixtures/small.csv -o fixtures/old.json/OUT.json > /dev/null 2> notdir.err
check "aggregate below a file: exit 3" [ $? -eq 3 ]
check "aggregate below a file: one line" one_error notdir.err "cannot write: Not a directory$"
mkdir isdir
"$bin" aggregate fixtures/small.csv -o isdir > /dev/null 2> isdir.err
check "aggregate onto a directory: exit 3" [ $? -eq 3 ]
check "aggregate onto a directory: one line" one_error isdir.err "^cxbench: isdir: cannot write: "
check "aggregate onto a directory: nothing left in it or beside it" \
	sh -c '[ -z "$(ls -A isdir)" ] && ! ls | grep -q "isdir.tmp"'

# ---- a full disk ----

if [ -c /dev/full ]; then
	"$bin" compare "$company" > /dev/full 2> full.err
	check "compare > /dev/full: exit 3" [ $? -eq 3 ]
	check "compare > /dev/full: one line 'cannot write'" \
		one_error full.err "^cxbench: cannot write the output: No space left on device$"
	"$bin" compare "$company" --format json > /dev/full 2> full.err
	check "compare --format json > /dev/full: exit 3" [ $? -eq 3 ]
	check "compare --format json > /dev/full: one line" one_error full.err "cannot write"
	"$bin" trend "$ROOT/examples/northwind-bank" --format csv > /dev/full 2> full.err
	check "trend --format csv > /dev/full: exit 3" [ $? -eq 3 ]
	check "trend > /dev/full: one line" one_error full.err "cannot write"
	"$bin" metrics > /dev/full 2> full.err
	check "metrics > /dev/full: exit 3" [ $? -eq 3 ]
	"$bin" report "$company" -o /dev/full > /dev/null 2> full.err
	check "report -o /dev/full: exit 3" [ $? -eq 3 ]
	check "report -o /dev/full: one line 'cannot write'" \
		one_error full.err "^cxbench: /dev/full: cannot write: No space left on device$"
	"$bin" aggregate fixtures/small.csv -o /dev/full > /dev/null 2> full.err
	check "aggregate -o /dev/full: exit 3" [ $? -eq 3 ]
	check "aggregate -o /dev/full: one line 'cannot write'" \
		one_error full.err "^cxbench: /dev/full: cannot write: No space left on device$"
	"$bin" aggregate fixtures/small.csv > /dev/full 2> full.err
	check "aggregate > /dev/full: exit 3" [ $? -eq 3 ]
	check "aggregate > /dev/full: one line 'cannot write'" one_error full.err "cannot write"
	printf 'contact_id,speaker,text\n1,agent,Hello\n2,customer,I want a human\n' > fixtures/chat.csv
	"$bin" listen fixtures/chat.csv -o /dev/full > /dev/null 2> full.err
	check "listen -o /dev/full: exit 3" [ $? -eq 3 ]
	check "listen -o /dev/full: one line 'cannot write'" one_error full.err "cannot write"
	check "/dev/full is still a device" [ -c /dev/full ]
	check "nothing was left in /dev" sh -c '! ls /dev | grep -q "full.tmp"'
	"$bin" report "$company" -o /dev/null > /dev/null 2> null.err
	check "report -o /dev/null: exit 0" [ $? -eq 0 ]
	check "/dev/null is still a device" [ -c /dev/null ]
else
	echo "note: no /dev/full: full-disk cases not tested"
fi

# ---- gnuplot missing, crashing, failing, silent ----

mkdir gp gp-tmp
# gnuplot_case NAME PROGRAM PATTERN KEEPS: the message pattern; KEEPS is
# 1 when the chart directory is kept for diagnosis (gnuplot ran and failed)
gnuplot_case() {
	cp fixtures/old.html gp/OUT.html
	TMPDIR=$work/gp-tmp CXBENCH_GNUPLOT=$2 "$bin" report "$company" -o gp/OUT.html \
		> gp.stdout 2> gp.err
	check "$1: exit 3" [ $? -eq 3 ]
	check "$1: one line naming the problem" one_error gp.err "$3"
	check "$1: nothing on stdout" [ ! -s gp.stdout ]
	check "$1: the previous report is intact" cmp gp/OUT.html fixtures/old.html
	check "$1: nothing beside it" only gp/OUT.html
	if [ "$4" = 1 ]; then
		check "$1: the chart script is kept" sh -c "ls gp-tmp/*/charts.gp > /dev/null"
	else
		check "$1: TMPDIR clean" empty_dir gp-tmp
	fi
	rm -rf gp-tmp/*
}
gnuplot_case "gnuplot missing" /nonexistent/gnuplot \
	"^cxbench: cannot run '/nonexistent/gnuplot': No such file or directory" 0
gnuplot_case "gnuplot not on PATH" cxbench-no-such-gnuplot \
	"^cxbench: cannot run 'cxbench-no-such-gnuplot': No such file or directory" 0
gnuplot_case "gnuplot crashing" "$work/fixtures/crash-gnuplot" \
	"^cxbench: gnuplot was killed by signal 11; its script and log are kept in " 1
gnuplot_case "gnuplot failing" "$work/fixtures/fail-gnuplot" \
	"^cxbench: gnuplot failed (exit 1); its script and log are kept in " 1
gnuplot_case "gnuplot drawing nothing" "$work/fixtures/silent-gnuplot" \
	"^cxbench: .*gnuplot wrote no usable SVG" 0
rm -f gp/OUT.html
TMPDIR=$work/gp-tmp CXBENCH_GNUPLOT=$work/fixtures/crash-gnuplot "$bin" report "$company" \
	-o gp/OUT.html > /dev/null 2>&1
check "gnuplot crashing, no previous report: exit 3" [ $? -eq 3 ]
check "gnuplot crashing, no previous report: no file" empty_dir gp

# ---- killed while writing ----

# A large report: 40 quarters of every metric of the example.
awk 'BEGIN {
	printf "{\"company\": \"Big Co\", \"periods\": ["
	for (q = 0; q < 40; q++) {
		printf "%s{\"period\": \"%d-Q%d\", \"metrics\": {", q ? "," : "", 2016 + int(q / 4), q % 4 + 1
		printf "\"nps\": %d, \"csat_pct\": %d, \"asa_seconds\": %d, ", 10 + q % 7, 70 + q % 9, 200 - q
		printf "\"fcr_pct\": %d, \"ces\": %.1f, \"abandonment_pct\": %.1f}}", 60 + q % 5, 4 + (q % 3) / 2, 8 - q / 10
	}
	print "]}"
}' > fixtures/big.json
mkdir kill kill-tmp
run_big() { # run_big BIN DEST: the large report, with the replayed charts drawn anew
	TMPDIR=$work/kill-tmp CXBENCH_GNUPLOT=$work/fixtures/replay-gnuplot \
		"$1" report fixtures/big.json -o "$2" > /dev/null 2>> kill.err
}
CHARTS=$work/fixtures/big-svg
TMPDIR=$work/kill-tmp CXBENCH_GNUPLOT=$work/fixtures/keep-gnuplot \
	"$bin" report fixtures/big.json -o fixtures/big-new.html > /dev/null 2> kill.err
check "the large report is written" [ $? -eq 0 ]
t0=$(date +%s%N)
run_big "$bin" fixtures/big-new2.html
t1=$(date +%s%N)
check "the large report is reproducible" cmp fixtures/big-new.html fixtures/big-new2.html
# The kill comes later and later, by a 25th of a run each time (the run
# is timed once; the load may change), until three runs in a row were
# not killed in time, or after 80 runs: every stage, writing included,
# gets its share of kills whatever the machine's speed.
ms=$(((t1 - t0) / 1000000))
step=$((ms / 25 > 4 ? ms / 25 : 4))
runs=0 kills=0 olds=0 news=0 partial=0 leftovers=0 done_in_a_row=0 delay_ms=$step
while [ "$runs" -lt 80 ] && [ "$done_in_a_row" -lt 3 ]; do
	cp fixtures/old.html kill/OUT.html
	TMPDIR=$work/kill-tmp CXBENCH_GNUPLOT=$work/fixtures/replay-gnuplot \
		timeout -s KILL "$(awk -v d="$delay_ms" 'BEGIN { printf "%.3f", d / 1000 }')" \
		"$bin" report fixtures/big.json -o kill/OUT.html > /dev/null 2>> kill.err
	if [ $? -eq 137 ]; then
		kills=$((kills + 1)) done_in_a_row=0
	else
		done_in_a_row=$((done_in_a_row + 1))
	fi
	runs=$((runs + 1))
	if cmp -s kill/OUT.html fixtures/old.html; then
		olds=$((olds + 1))
	elif cmp -s kill/OUT.html fixtures/big-new.html && tail -c 8 kill/OUT.html | grep -q '</html>'; then
		news=$((news + 1))
	else
		partial=$((partial + 1))
		cp kill/OUT.html "partial-$runs.html"
	fi
	# SIGKILL leaves no chance to remove the temporary file: counted only
	n=$(ls kill | grep -c 'OUT.html.tmp-')
	leftovers=$((leftovers + n))
	rm -f kill/OUT.html.tmp-*
	rm -rf kill-tmp/*
	delay_ms=$((delay_ms + step))
done
echo "killed: $kills of $runs runs (from $step ms by $step ms; a run took $ms ms); the report" \
	"was the previous one $olds times, the new one $news times, partial $partial times;" \
	"$leftovers temporary files left by SIGKILL"
check "killed at $kills moments: never a partial report" [ "$partial" -eq 0 ]
check "killed at $kills moments: at least 10" [ "$kills" -ge 10 ]
check "killed at $kills moments: a run that was not killed wrote the new report" [ "$news" -ge 1 ]

# ---- the allocation sweeps' results ----

wait "$plain_pid"
[ -z "$asan" ] || wait "$asan_pid"
for log in sweep-plain.log sweep-asan.log; do
	[ -f "$log" ] || continue
	runs=$(grep -a -c '^ok$\|^FAIL' "$log")
	fails=$(grep -a -c '^FAIL' "$log")
	grep -a '^FAIL\|^  ' "$log" | head -60
	pass=$((pass + runs - fails))
	fail=$((fail + fails))
	log=${log#sweep-}
	echo "allocation sweep, ${log%.log} build: $runs runs, $fails failed," \
		"$(grep -a '^took' "sweep-$log")"
done
[ -n "$asan" ] || echo "note: no ASan build (make asan): the sweep ran with $bin only"

elapsed=$(($(date +%s) - start))
echo "fault: $pass passed, $fail failed (${elapsed}s)"
if [ "$fail" -ne 0 ]; then
	echo "(work directory kept: $work)"
	exit 1
fi
cd / && rm -rf "$work"

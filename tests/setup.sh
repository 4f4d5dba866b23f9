# setup.sh: what the shell tests share.  Sourced with the test's own
# arguments (`. "$(dirname "$0")/setup.sh"`): strict variables, the C
# locale, BINARY as an absolute path in $bin, the source tree in $ROOT, the
# bundled data and no colour.
set -u
LC_ALL=C
export LC_ALL
if [ $# -ne 1 ]; then
	echo "usage: tests/$(basename "$0") BINARY" >&2
	exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CXBENCH_DATA=$ROOT
NO_COLOR=1
export CXBENCH_DATA NO_COLOR

# Counting checks: ok, bad NAME (says why), and check NAME COMMAND...
# (passes when COMMAND succeeds; otherwise shows its output, kept in
# $work, which the test makes).  Each test prints its own totals.
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # check NAME COMMAND...
	name=$1
	shift
	if "$@" > "$work/check.out" 2>&1; then
		ok
	else
		bad "$name"
		sed 's/^/  /' "$work/check.out" | head -20
	fi
}

# Runs `aggregate contacts.csv ARGS` in $work/RUN-DIR (the tests that
# compare one file read several ways), checking it exits 0 and says nothing.
# aggregate (name RUN-DIR [ENV...] -- [ARGS...]): writes RUN-DIR/out.json
aggregate() {
	name=$1
	dir=$2
	shift 2
	vars=
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		vars="$vars $1"
		shift
	done
	[ $# -gt 0 ] && shift
	(cd "$work/$dir" && env $vars "$bin" aggregate contacts.csv "$@") \
		> "$work/$dir/out.json" 2> "$work/$dir/err"
	check "$name: exit 0" [ $? -eq 0 ]
	check "$name: nothing on stderr" [ ! -s "$work/$dir/err" ]
}

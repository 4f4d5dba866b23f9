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

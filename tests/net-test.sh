#!/bin/sh
# Network tests: http(s) inputs, the cache, --offline and `profiles pull`,
# against two local servers (tests/netserver.py: one plain http, one https
# with a certificate from a CA made here).  Each case checks the exit code
# and the exact stderr line, and that a failure leaves no output behind.
# Usage: tests/net-test.sh BINARY      (VERBOSE=1 lists the passing cases)
# $CA is one word (--cacert=ca.pem, in the working directory) on purpose:
# shellcheck disable=SC2086
set -u
LC_ALL=C
export LC_ALL
[ $# -eq 1 ] || { echo "usage: $0 BINARY" >&2; exit 2; }
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
for tool in python3 openssl; do
	command -v "$tool" >/dev/null 2>&1 || { echo "net: the tests need $tool" >&2; exit 1; }
done

T=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-net.XXXXXX")
HTTP_PID=
TLS_PID=
cleanup() {
	for p in $HTTP_PID $TLS_PID; do
		kill "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE

XDG_CACHE_HOME=$T/cache
XDG_DATA_HOME=$T/data
CXBENCH_DATA=$ROOT
NO_COLOR=1
export XDG_CACHE_HOME XDG_DATA_HOME CXBENCH_DATA NO_COLOR
unset TOKEN
CACHE=$XDG_CACHE_HOME/cxbench
PULLED=$XDG_DATA_HOME/cxbench/profiles
started=$(date +%s)
cd "$T" || exit 1

# ---- a CA and a certificate for 127.0.0.1 ----
ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' > ext.cnf
{ openssl req -x509 $ec -keyout ca.key -out ca.pem -days 2 -subj /CN=cxbench-test-ca \
	-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign &&
  openssl req $ec -keyout srv.key -out srv.csr -subj /CN=127.0.0.1 &&
  openssl x509 -req -in srv.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out srv.pem \
	-days 2 -extfile ext.cnf; } > openssl.log 2>&1 ||
	{ cat openssl.log; echo "net: cannot make the test certificates" >&2; exit 1; }

# ---- the servers ----
python3 "$ROOT/tests/netserver.py" --root "$ROOT" --lifetime 120 --stats-file "$T/http.stats" \
	> http.port 2> http.log &
HTTP_PID=$!
python3 "$ROOT/tests/netserver.py" --root "$ROOT" --lifetime 120 --stats-file "$T/tls.stats" \
	--tls srv.pem srv.key > tls.port 2> tls.log &
TLS_PID=$!
wait_port() {
	i=0
	while [ $i -lt 100 ]; do
		p=$(head -n 1 "$1" 2>/dev/null)
		[ -n "$p" ] && { echo "$p"; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
if ! HP=$(wait_port http.port) || ! SP=$(wait_port tls.port); then
	cat http.log tls.log
	echo "net: the test servers did not start" >&2
	exit 1
fi
H=http://127.0.0.1:$HP
S=https://127.0.0.1:$SP
CA=--cacert=ca.pem
mkdir fx && python3 "$ROOT/tests/netserver.py" --root "$ROOT" --dump fx

# ---- helpers ----
pass=0
fail=0
show_err=1
result() { # NAME PROBLEMS (empty: passed)
	if [ -z "$2" ]; then
		pass=$((pass + 1))
		[ -z "${VERBOSE:-}" ] || echo "ok   $1"
	else
		fail=$((fail + 1))
		printf 'FAIL %s%s\n' "$1" "$2"
		if [ -n "${show_err:-}" ] && [ -s err ]; then
			echo "  stderr:"
			head -c 600 err | sed 's/^/    /'
		fi
	fi
}
# run ARGS...: the binary's stdout in `out`, stderr in `err`, $rc, $elapsed
# (a broken binary that keeps reading is stopped after 30 s: exit 124)
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout 30"
run() {
	t0=$(date +%s.%N)
	$limit "$bin" "$@" > out 2> err
	rc=$?
	t1=$(date +%s.%N)
	elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
	cat out >> all.stdout
	cat err >> all.stderr
}
bodies() { find "$CACHE" -name '*.body' 2>/dev/null | wc -l; }
parts() { find "$CACHE" -name '*.part*' 2>/dev/null | wc -l; }
# What a server saw (netserver.py --stats-file): served http|tls KIND PATH
# prints the count (0 if none); requests http|tls is the total; seen
# http|tls KIND PATH VALUE succeeds when that line is there.
served() { awk -v k="$2" -v p="$3" '$1 == k && $2 == p { n = $3 } END { print n + 0 }' "$T/$1.stats"; }
requests() { awk '$1 == "count" { n += $3 } END { print n + 0 }' "$T/$1.stats"; }
seen() { grep -q -x -F "$2 $3 $4" "$T/$1.stats"; }

# fail_case NAME RC LINE ARGS...: exit RC, stderr exactly LINE (one line),
# no stdout, and (for exit 3) nothing added to the cache.  LINE ending in
# '*' is matched as a prefix.
fail_case() {
	name=$1 want=$2 line=$3
	shift 3
	before=$(bodies) before_parts=$(parts)
	run "$@"
	why=
	[ "$rc" = "$want" ] || why="$why
  exit $rc, expected $want"
	got=$(cat err)
	case $line in
	*'*') prefix=${line%?}
	      [ "${got#"$prefix"}" != "$got" ] || why="$why
  stderr does not start with: $prefix" ;;
	*) [ "$got" = "$line" ] || why="$why
  expected stderr: $line" ;;
	esac
	[ "$(wc -l < err)" -eq 1 ] || why="$why
  stderr has $(wc -l < err) lines, expected 1"
	[ ! -s out ] || why="$why
  stdout not empty"
	if [ "$want" = 3 ]; then
		[ "$(bodies)" = "$before" ] || why="$why
  a failed download was cached"
		[ "$(parts)" = "$before_parts" ] || why="$why
  a partial download was left in the cache"
	fi
	result "$name" "$why"
}
# ok_case NAME EXPECTED-STDOUT-FILE ARGS...: exit 0, no stderr, that stdout
ok_case() {
	name=$1 expect=$2
	shift 2
	run "$@"
	why=
	[ "$rc" = 0 ] || why="$why
  exit $rc, expected 0"
	[ ! -s err ] || why="$why
  stderr not empty"
	if [ -n "$expect" ] && ! cmp -s out "$expect"; then
		why="$why
  stdout differs from $expect: $(diff "$expect" out | head -n 4 | tr '\n' ' ')"
	fi
	result "$name" "$why"
}
check() { # NAME PROBLEM-IF-NONEMPTY
	show_err=
	result "$1" "${2:+
  $2}"
	show_err=1
}

# The local answers the downloads must reproduce.
acme=$ROOT/examples/acme-telecom
"$bin" compare "$acme.json" --format json > ref-compare.json
"$bin" compare "$acme.json" > ref-compare.txt
"$bin" compare "$acme.csv" --format json > ref-compare-csv.json
"$bin" trend "$acme.json" --format json > ref-trend.json
"$bin" compare "$acme.json" --profile fx/profile.json --against net-extra,frontier \
	--format json > ref-profile.json
"$bin" compare "$acme.json" --catalog "$ROOT/profiles/catalog.json" --format json > ref-catalog.json
"$bin" aggregate fx/contacts.csv --surveys fx/surveys.csv -o ref-agg.json
"$bin" validate "$acme.json" | sed "s|^$acme.json|$S/acme.json|" > ref-validate.txt
: > all.stdout
: > all.stderr

# ---- https: the good path ----
ok_case https-compare-json ref-compare.json compare "$S/acme.json" --format json $CA
ok_case https-compare-csv ref-compare-csv.json compare "$S/acme.csv" --format json $CA
ok_case https-trend ref-trend.json trend "$S/acme.json" --format json $CA
ok_case https-profile ref-profile.json compare "$acme.json" --profile "$S/profile.json" \
	--against net-extra,frontier --format json $CA
ok_case https-catalog ref-catalog.json compare "$acme.json" --catalog "$S/catalog.json" \
	--format json $CA
ok_case https-validate ref-validate.txt validate "$S/acme.json" $CA
ok_case https-aggregate "" aggregate "$S/contacts.csv" --surveys "$S/surveys.csv" -o agg.json $CA
check https-aggregate-same "$(python3 -c 'import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
want = {"contacts": sys.argv[3] + "/contacts.csv", "surveys": sys.argv[3] + "/surveys.csv"}
got = {k: b["source"][k] for k in want}
for d in (a, b):
    d["source"].pop("contacts"); d["source"].pop("surveys")
print("" if a == b and got == want else "differs from the local run: %s" % got)' ref-agg.json agg.json "$S" 2>&1)"
ok_case https-report "" report "$S/acme.json" -o report.html $CA
check https-report-written "$([ -s report.html ] || echo "no report.html")"
# Every place that takes a file takes a URL: the report's logo too.
ok_case https-report-logo "" report "$acme.json" --logo "$S/logo.svg" -o logo.html $CA
check https-report-logo-embedded "$(grep -q 'data:image/svg+xml;base64,' logo.html 2>/dev/null ||
	echo "no logo in logo.html")"

# ---- https: refusals and failures ----
fail_case tls-without-cacert 3 "cxbench: $S/acme.json: TLS certificate check failed: *" \
	compare "$S/acme.json"
fail_case tls-missing-cacert 3 "cxbench: $S/acme.json: TLS certificate check failed: *" \
	compare "$S/acme.json" --cacert "$T/no-such-ca.pem"
fail_case status-404 3 "cxbench: $S/404: HTTP 404" compare "$S/404" $CA
fail_case status-500 3 "cxbench: $S/500: HTTP 500" compare "$S/500" $CA
fail_case slow-timeout 3 "cxbench: $S/slow: timed out after 2 s (--timeout)" \
	compare "$S/slow" --timeout 2 $CA
check slow-timeout-time "$(awk -v e="$elapsed" 'BEGIN { if (e < 1.5 || e > 6) print "took " e " s, expected about 2" }')"
fail_case endless-max-bytes 3 "cxbench: $S/endless: larger than the 100000-byte limit (--max-bytes)" \
	compare "$S/endless" --max-bytes 100000 $CA
check endless-max-bytes-time "$(awk -v e="$elapsed" 'BEGIN { if (e > 10) print "took " e " s" }')"
fail_case big-max-bytes 3 "cxbench: $S/big: larger than the 100000-byte limit (--max-bytes)" \
	compare "$S/big" --max-bytes 100000 $CA
check big-max-bytes-time "$(awk -v e="$elapsed" 'BEGIN { if (e > 10) print "took " e " s" }')"
fail_case truncated 3 "cxbench: $S/truncated: download failed: *" compare "$S/truncated" $CA
fail_case redirect-loop 3 "cxbench: $S/loop: more than 5 redirects" compare "$S/loop" $CA
ok_case redirect-5-hops ref-compare.txt compare "$S/chain/5" $CA
fail_case redirect-6-hops 3 "cxbench: $S/chain/6: more than 5 redirects" compare "$S/chain/6" $CA
fail_case redirect-to-file 3 "cxbench: $S/to-file: refused: a redirect to a protocol other than https" \
	compare "$S/to-file" $CA
fail_case redirect-to-file-http 3 \
	"cxbench: $H/to-file: refused: a redirect to a protocol other than http or https" \
	compare "$H/to-file" --allow-http
fail_case redirect-to-gopher 3 "cxbench: $S/to-gopher: refused: a redirect to a protocol other than https" \
	compare "$S/to-gopher" $CA
fail_case redirect-to-http 3 "cxbench: $S/to-http/$HP: refused: a redirect to a protocol other than https" \
	compare "$S/to-http/$HP" $CA
fail_case html-page 3 \
	"cxbench: $S/html: the server sent a web page (text/html), not data: a login page?" \
	compare "$S/html" $CA
fail_case binary-content 1 "cxbench: $S/garbage.json:1: binary data or invalid UTF-8*" \
	compare "$S/garbage.json" $CA
fail_case credentials-hidden 3 "cxbench: $S/404?...: HTTP 404" \
	compare "https://bob:hunter2@127.0.0.1:$SP/404?key=abc" $CA
fail_case credentials-hidden-tls 3 "cxbench: $S/acme.json?...: TLS certificate check failed: *" \
	compare "https://bob:hunter2@127.0.0.1:$SP/acme.json?key=abc"
# `profiles validate` names a URL as every other message does
ok_case credentials-hidden-validate "" profiles validate "https://bob:hunter2@127.0.0.1:$SP/profile.json?key=abc" $CA
check credentials-hidden-validate-line "$(grep -F -x -q \
	"$S/profile.json?...: ok: profile 'net-extra' (Net Extra)" out || echo "stdout: $(cat out)")"
# the output names its sources without the credentials or the query
ok_case credentials-hidden-aggregate "" aggregate "https://bob:hunter2@127.0.0.1:$SP/contacts.csv?key=abc" $CA
p=$(grep -E 'hunter2|key=abc' out)
check credentials-hidden-aggregate-output "${p:+the output shows: $p}"

# ---- authorization ----
fail_case auth-no-header 3 "cxbench: $S/auth: HTTP 401" compare "$S/auth" $CA
fail_case auth-token-unset 2 "cxbench: --header: environment variable 'TOKEN' is not set" \
	compare "$S/auth" --header 'Authorization: Bearer $TOKEN' $CA
TOKEN=s3cret-token
export TOKEN
ok_case auth-token ref-compare.txt compare "$S/auth" --header 'Authorization: Bearer $TOKEN' $CA
ok_case auth-token-braces ref-compare.txt compare "$S/auth" --header 'Authorization: Bearer ${TOKEN}' $CA
TOKEN=wrong-t0ken-value
fail_case auth-wrong-token 3 "cxbench: $S/auth: HTTP 401" \
	compare "$S/auth" --header 'Authorization: Bearer $TOKEN' $CA
# a header must not leave the origin: the redirect to the http server
TOKEN=s3cret-token
ok_case auth-cross-origin-redirect ref-compare.txt compare "$S/to-http/$HP" --allow-http \
	--header 'Authorization: Bearer $TOKEN' $CA
check auth-cross-origin-not-forwarded "$(seen http header /acme.json authorization &&
	echo "the http server received the Authorization header")"
# a variable's value must not add header lines (CR LF injection)
TOKEN=$(printf 'inj3cted\r\nX-Evil: 1')
n=$(served tls count /auth)
run compare "$S/auth" --header 'Authorization: Bearer $TOKEN' $CA
p=
[ "$rc" != 0 ] || p="exit 0"
! grep -q 'inj3cted\|X-Evil' err || p="$p; the value is in stderr"
! seen tls header /auth x-evil || p="$p; the server received an X-Evil header (exit $rc)"
[ "$(served tls count /auth)" = "$n" ] || p="$p; the request was sent"
check auth-header-crlf-refused "${p#; }"
# the progress shown on a terminal (downloads over 4 MB) hides them too
TOKEN=s3cret-token
python3 -c 'import os, pty, subprocess, sys
m, s = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=s)
os.close(s)
out = b""
while True:
    try:
        b = os.read(m, 4096)
    except OSError:
        break
    if not b:
        break
    out += b
p.wait()
sys.stdout.write(out.decode("utf-8", "replace"))' $limit "$bin" compare "https://bob:hunter2@127.0.0.1:$SP/big?key=abc" \
	--header 'Authorization: Bearer $TOKEN' $CA > tty.txt 2>&1
p=
grep -q -F "cxbench: downloading $S/big?...: " tty.txt || p="no progress line naming $S/big?..."
! grep -q -e hunter2 -e key=abc -e s3cret-token tty.txt || p="$p; a secret is shown"
check progress-hides-secrets "${p#; }"
unset TOKEN
check token-never-shown "$(grep -l -F -e s3cret-token -e wrong-t0ken -e inj3cted all.stderr all.stdout)"
check password-never-in-errors "$(grep -l -F hunter2 all.stderr)"
# (files under 10 MB: a broken size cap must not make this slow)
cached() { find "$CACHE" -type f -size -10M -exec grep -l "$@" {} +; }
check token-not-in-cache "$(cached -F -e s3cret-token -e wrong-t0ken -e inj3cted -e hunter2)"

# ---- plain http ----
n=$(requests http)
fail_case http-refused 3 "cxbench: $H/acme.json: plain http refused: use https, or --allow-http" \
	compare "$H/acme.json"
check http-refused-nothing-fetched "$([ "$(requests http)" = "$n" ] || echo "the server got a request")"
ok_case http-allowed ref-compare.txt compare "$H/acme.json" --allow-http
fail_case http-pull-refused 3 "cxbench: $H/pack.json: plain http refused: use https, or --allow-http" \
	profiles pull "$H/pack.json"

# ---- the cache: revalidation and --offline ----
json0=$(served tls count /acme.json) json304_0=$(served tls not_modified /acme.json)
csv0=$(served tls count /acme.csv) csv304_0=$(served tls not_modified /acme.csv)
all0=$(requests tls)
ok_case revalidate-etag ref-compare.txt compare "$S/acme.json" $CA
ok_case revalidate-last-modified ref-compare-csv.json compare "$S/acme.csv" --format json $CA
ok_case offline-cached ref-compare.txt compare "$S/acme.json" --offline
json1=$(served tls count /acme.json) json304_1=$(served tls not_modified /acme.json)
csv1=$(served tls count /acme.csv) csv304_1=$(served tls not_modified /acme.csv)
all1=$(requests tls)
p=
seen tls inm /acme.json '"acme-v1"' || p="no If-None-Match"
[ "$json1" = $((json0 + 1)) ] || p="$p; $((json1 - json0)) requests, expected 1"
[ "$json304_1" = $((json304_0 + 1)) ] || p="$p; no 304"
check revalidate-etag-304 "${p#; }"
p=
seen tls ims /acme.csv 'Thu, 02 Apr 2026 10:00:00 GMT' || p="no If-Modified-Since"
[ "$csv1" = $((csv0 + 1)) ] || p="$p; $((csv1 - csv0)) requests, expected 1"
[ "$csv304_1" = $((csv304_0 + 1)) ] || p="$p; no 304"
check revalidate-last-modified-304 "${p#; }"
check offline-nothing-fetched "$([ "$all1" = $((all0 + 2)) ] ||
	echo "$((all1 - all0 - 2)) requests with --offline")"
fail_case offline-uncached 3 "cxbench: $S/never-fetched.json: not in the cache (--offline)" \
	compare "$S/never-fetched.json" --offline

# ---- profiles pull ----
pulled() { ls "$PULLED" 2>/dev/null | tr '\n' ' '; }
fail_case pull-bad-pack 1 "cxbench: $S/badpack.json[1]: metrics.abandonment_pct.basis: *" \
	profiles pull "$S/badpack.json" $CA
check pull-bad-pack-nothing-written "$(pulled)"
fail_case pull-clash 1 "cxbench: $S/clashpack.json[0]: id: profile 'costco' is already defined by *" \
	profiles pull "$S/clashpack.json" $CA
check pull-clash-nothing-written "$(pulled)"
fail_case pull-bad-id 1 "cxbench: $S/evilpack.json[0]: id: '../../net-evil' is not a valid profile id*" \
	profiles pull "$S/evilpack.json" $CA
check pull-bad-id-nothing-written "$(pulled)$(find "$T" -name 'net-evil*')"
fail_case pull-not-a-list 1 "cxbench: $S/profile.json: expected a JSON list of profiles" \
	profiles pull "$S/profile.json" $CA
printf '%s\n' "$PULLED/net-pack-one.json: net-pack-one (Net Pack One)" \
	"$PULLED/net-pack-two.json: net-pack-two (Net Pack Two)" > ref-pull.txt
ok_case pull-pack ref-pull.txt profiles pull "$S/pack.json" $CA
check pull-pack-files "$([ "$(pulled)" = "net-pack-one.json net-pack-two.json " ] || echo "files: $(pulled)")"
ok_case pull-pack-listed "" profiles list
check pull-pack-listed-both "$(grep -c '^net-pack-one \|^net-pack-two ' out | grep -v '^2$')"
ok_case pull-pack-used "" compare "$acme.json" --against net-pack-one,net-pack-two --format json
ok_case pull-pack-again ref-pull.txt profiles pull "$S/pack.json" $CA

# ---- the https server gone: the cache alone ----
kill "$TLS_PID" 2>/dev/null
wait "$TLS_PID" 2>/dev/null
TLS_PID=
XDG_DATA_HOME=$T/data2 # (no pulled profiles, as when the references were made)
ok_case offline-server-gone ref-compare.json compare "$S/acme.json" --format json --offline
ok_case offline-server-gone-profile ref-profile.json compare "$acme.json" --profile "$S/profile.json" \
	--against net-extra,frontier --format json --offline
fail_case server-gone 3 "cxbench: $S/acme.json: download failed: *" compare "$S/acme.json" $CA
ok_case offline-pull "" profiles pull "$S/pack.json" --offline
XDG_DATA_HOME=$T/data
files=$(ls "$T/data2/cxbench/profiles" 2>/dev/null | tr '\n' ' ')
check offline-pull-files "$([ "$files" = "net-pack-one.json net-pack-two.json " ] ||
	echo "files: $files")"

# ---- nothing from file:///etc/passwd anywhere ----
check passwd-never-read "$(grep -l -E '^root:[^:]*:0:0:' all.stdout all.stderr; cached -E '^root:[^:]*:0:0:')"

took=$(( $(date +%s) - started ))
echo "net: $pass passed, $fail failed ($took s)"
[ "$fail" = 0 ]

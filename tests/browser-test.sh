#!/bin/sh
# Opens cxbench reports in a real browser (headless Chromium): the example
# report and one whose company and brand names carry HTML/JS payloads; then
# the layout on a desktop and a phone, print and PDF, and accessibility.
# Chromium dumps the DOM after loading (scripts would have run by then), and
# the DOM must hold one <svg> per chart (as many as --png-dir writes PNGs)
# and the summary's sparkline,
# the tables and sections, no <script>, no element or attribute a payload
# would add (data-pwned), and the payloads as text.  A screenshot of the
# example report is kept in tests/out/report.png (git-ignored), with the
# reports and DOM dumps beside it.
#
# Layout, print and accessibility (tests/browser/check.mjs, run by Node with
# puppeteer-core and axe-core, installed into tests/browser/node_modules by
# install-deps.sh; pdf_headers.py with poppler-utils): at 1280 and 390 px no
# element wider than the viewport outside a scroll box (the demo in en, uk
# and ru, northwind-bank, and the friction fixture in uk); the demo printed with `report --pdf` on A4
# fits in MAX_PAGES pages with the running header and footer, and on A4 and
# Letter every table's header row is whole on a page (pdftotext -bbox); axe
# finds no serious or critical violation in en, uk and ru.
#
# Usage: tests/browser-test.sh BINARY      (from anywhere; CHROMIUM=path to
# override the browser).  Ends with "browser: N passed, N failed"; exits 1
# when a check failed or Chromium is missing.
set -u
LC_ALL=C
export LC_ALL
if [ $# -ne 1 ]; then
	echo "usage: tests/browser-test.sh BINARY" >&2
	exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CXBENCH_DATA=${CXBENCH_DATA:-$ROOT}
CXBENCH_DATA=$(cd "$CXBENCH_DATA" && pwd)
export CXBENCH_DATA
out=$ROOT/tests/out
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # check NAME COMMAND...
	name=$1
	shift
	if "$@"; then ok; else bad "$name"; fi
}

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
	for b in chromium chromium-browser google-chrome; do
		if command -v "$b" >/dev/null 2>&1; then
			browser=$(command -v "$b")
			break
		fi
	done
fi
if [ -z "$browser" ] || ! [ -x "$browser" ]; then
	echo "FAIL chromium is not installed (Debian package chromium; 'make check' installs it); set CHROMIUM=/path/to/chromium to use another"
	echo "browser: 0 passed, 1 failed"
	exit 1
fi

mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/cxbench-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
TMPDIR=$work
export TMPDIR
nprof=0

# chrome OUTFILE URL-FILE [extra flags]: a fresh profile each run
chrome() {
	dest=$1
	page=$2
	shift 2
	nprof=$((nprof + 1))
	timeout 60 "$browser" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --user-data-dir="$work/profile-$nprof" \
		--enable-logging=stderr --v=0 --virtual-time-budget=3000 \
		"$@" "file://$page" >"$dest" 2>"$dest.err"
}

count() { # count PATTERN FILE: occurrences of an extended regex
	grep -oE "$1" "$2" | wc -l | tr -d ' '
}

# check_dom TAG DOM CHARTS: the checks every report's DOM must pass
check_dom() {
	tag=$1
	dom=$2
	charts=$3
	check "$tag: the DOM was dumped" grep -q '</html>' "$dom"
	# the summary's sparkline (drawn by cxbench, not gnuplot) is no chart
	sparks=$(count '<svg class="spark"' "$dom")
	check "$tag: one sparkline of the index ($sparks)" [ "$sparks" -eq 1 ]
	svgs=$(($(count '<svg[ >]' "$dom") - sparks))
	check "$tag: one svg per chart ($svgs svgs, $charts charts)" [ "$svgs" -eq "$charts" ]
	check "$tag: one figure per chart" [ "$(count '<figure[ >]' "$dom")" -eq "$charts" ]
	check "$tag: a caption per chart" [ "$(count '<figcaption[ >]' "$dom")" -eq "$charts" ]
	tables=$(count '<table[ >]' "$dom")
	check "$tag: a table under every chart ($tables tables)" [ "$tables" -ge "$charts" ]
	check "$tag: table cells" [ "$(count '<td[ >]' "$dom")" -gt 100 ]
	for id in summary priorities dimensions metrics timetax not-compared methodology sources; do
		check "$tag: section $id" grep -q "<section id=\"$id\"" "$dom"
	done
	check "$tag: no script element" [ "$(count '<script' "$dom")" -eq 0 ]
	check "$tag: no data-pwned attribute" [ "$(count '<[^<>]*[[:space:]]data-pwned=' "$dom")" -eq 0 ]
	check "$tag: no iframe, object, embed" [ "$(count '<(iframe|object|embed)[ >]' "$dom")" -eq 0 ]
	check "$tag: nothing logged by a script" [ "$(grep -c 'PWNED' "$dom.err")" -eq 0 ]
	check "$tag: no http(s) request" [ "$(grep -cE '(src|href)="https?:' "$dom")" -eq 0 ]
}

# --- the example report, with a screenshot
en=$out/report.html
rm -f "$en" "$out/report.png"
if "$bin" report "$CXBENCH_DATA/examples/acme-telecom.json" -o "$en" \
	--png-dir "$work/png-en" >/dev/null 2>"$work/en.err"; then
	ok
	charts=$(ls "$work/png-en" | grep -c '\.png$')
	check "en: --png-dir wrote charts ($charts)" [ "$charts" -ge 5 ]
	if chrome "$out/report.dom.html" "$en" --dump-dom; then ok; else bad "en: chromium --dump-dom failed: $(tail -3 "$out/report.dom.html.err")"; fi
	check_dom en "$out/report.dom.html" "$charts"
	check "en: title" grep -q '<title>Customer service benchmark: Acme Telecom</title>' "$out/report.dom.html"
	check "en: trend section" grep -q '<section id="trend"' "$out/report.dom.html"
	check "en: no img without a logo" [ "$(count '<img[ >]' "$out/report.dom.html")" -eq 0 ]
	if chrome "$work/shot.out" "$en" --screenshot="$out/report.png" --window-size=1200,3000 --hide-scrollbars; then ok; else bad "en: chromium --screenshot failed: $(tail -3 "$work/shot.out.err")"; fi
	check "en: screenshot is a PNG" sh -c "head -c 8 '$out/report.png' | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a'"
	check "en: screenshot is not blank" [ "$(wc -c <"$out/report.png")" -gt 50000 ]
else
	bad "en: cxbench report failed: $(cat "$work/en.err")"
fi

# --- payloads in the company's and a brand's names
python3 - "$CXBENCH_DATA" "$work" <<'EOF'
import json, sys
data, work = sys.argv[1], sys.argv[2]
c = json.load(open(data + "/examples/acme-telecom.json", encoding="utf-8"))
c["company"] = ("Evil <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> "
                "& Co")
json.dump(c, open(work + "/evil-company.json", "w", encoding="utf-8"))
p = json.load(open(data + "/profiles/costco.json", encoding="utf-8"))
p["id"] = "evil"
p["brand"] = ("Brand</title><script>console.log('PWNED-script');"
              "document.documentElement.setAttribute('data-pwned','2')</script>"
              "<svg onload=\"console.log('PWNED-svg');document.body.setAttribute('data-pwned','3')\">"
              "<iframe srcdoc=\"<script>parent.document.body.setAttribute('data-pwned','4')</script>\"></iframe>")
json.dump(p, open(work + "/evil-profile.json", "w", encoding="utf-8"))
EOF
inj=$out/injection.html
rm -f "$inj"
if (cd "$work" && "$bin" report evil-company.json --profile evil-profile.json \
	-o "$inj" --png-dir "$work/png-inj" >/dev/null 2>"$work/inj.err"); then
	ok
	charts=$(ls "$work/png-inj" | grep -c '\.png$')
	dom=$out/injection.dom.html
	if chrome "$dom" "$inj" --dump-dom; then ok; else bad "injection: chromium --dump-dom failed: $(tail -3 "$dom.err")"; fi
	check_dom injection "$dom" "$charts"
	check "injection: no img element" [ "$(count '<img[ >]' "$dom")" -eq 0 ]
	check "injection: no svg beyond the charts and the sparkline" \
		[ "$(count '<svg[ >]' "$dom")" -eq "$((charts + 1))" ]
	check "injection: company payload shown as text" grep -q '&lt;img src=x onerror=' "$dom"
	check "injection: brand payload shown as text" grep -q '&lt;script&gt;console.log' "$dom"
	check "injection: company name in h1" grep -q '<h1>Customer service benchmark: Evil &lt;img src=x' "$dom"
	if chrome "$work/shot-inj.out" "$inj" --screenshot="$out/injection.png" --window-size=1200,3000 --hide-scrollbars; then ok; else bad "injection: chromium --screenshot failed"; fi
	check "injection: still no data-pwned after the screenshot run" [ "$(grep -c PWNED "$work/shot-inj.out.err")" -eq 0 ]
else
	bad "injection: cxbench report failed: $(cat "$work/inj.err")"
fi

# --- layout, print, accessibility
MAX_PAGES=15
node_dir=$ROOT/tests/browser
if ! command -v node >/dev/null 2>&1 || ! [ -d "$node_dir/node_modules/puppeteer-core" ] ||
	! [ -d "$node_dir/node_modules/axe-core" ]; then
	bad "node, puppeteer-core or axe-core missing (sh install-deps.sh installs them into tests/browser/node_modules)"
elif ! command -v pdfinfo >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
	bad "pdfinfo/pdftotext missing (Debian package poppler-utils; sh install-deps.sh)"
else
	look() { # look MODE FILE [ARGS]: check.mjs's JSON on stdout
		node "$node_dir/check.mjs" "$browser" "$@" 2>"$work/look.err" ||
			{ echo "FAIL check.mjs $1: $(tail -3 "$work/look.err")" >&2; return 1; }
	}
	json() { # json FILE EXPR: a Python expression over the JSON in FILE (as j)
		python3 -c 'import json, sys; j = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
	}
	for lang in en uk ru; do
		rep=$out/report-$lang.html
		if "$bin" report "$CXBENCH_DATA/examples/acme-telecom.json" --lang "$lang" -o "$rep" \
			>/dev/null 2>"$work/$lang.err"; then ok; else bad "$lang: cxbench report failed: $(cat "$work/$lang.err")"; continue; fi
		if look layout "$rep" 1280 390 >"$work/layout-$lang.json"; then
			for i in 0 1; do
				w=$(json "$work/layout-$lang.json" "j[$i]['width']")
				n=$(json "$work/layout-$lang.json" "j[$i]['count']")
				check "$lang at $w px: no element wider than the viewport outside a scroll box ($n: $(json "$work/layout-$lang.json" "j[$i]['offenders'][:3]"))" [ "$n" -eq 0 ]
				check "$lang at $w px: the page no wider than the viewport" \
					[ "$(json "$work/layout-$lang.json" "j[$i]['scrollWidth'] <= j[$i]['viewport']")" = True ]
			done
		else
			bad "$lang: layout could not be measured"
		fi
		if look axe "$rep" >"$work/axe-$lang.json"; then
			serious=$(json "$work/axe-$lang.json" "[(v['id'], v['impact'], v['count'], v['targets'][:2]) for v in j if v['impact'] in ('serious', 'critical')]")
			check "$lang: axe-core finds no serious or critical violation: $serious" [ "$serious" = "[]" ]
		else
			bad "$lang: axe-core could not run"
		fi
	done
	nw=$out/northwind.html
	if "$bin" report "$CXBENCH_DATA/examples/northwind-bank" -o "$nw" >/dev/null 2>"$work/nw.err" &&
		look layout "$nw" 1280 390 >"$work/layout-nw.json"; then
		for i in 0 1; do
			check "northwind at $(json "$work/layout-nw.json" "j[$i]['width']") px: nothing wider than the viewport outside a scroll box ($(json "$work/layout-nw.json" "j[$i]['offenders'][:3]"))" \
				[ "$(json "$work/layout-nw.json" "j[$i]['count']")" -eq 0 ]
		done
	else
		bad "northwind: report or layout failed: $(cat "$work/nw.err" "$work/look.err" 2>/dev/null | tail -3)"
	fi
	# the friction section's tables (eight columns) in the language with
	# the longest words
	fr=$out/friction-uk.html
	if "$bin" report "$CXBENCH_DATA/tests/report/friction-company.json" --lang uk -o "$fr" \
		>/dev/null 2>"$work/fr.err" && look layout "$fr" 1280 390 >"$work/layout-fr.json"; then
		for i in 0 1; do
			check "friction uk at $(json "$work/layout-fr.json" "j[$i]['width']") px: nothing wider than the viewport outside a scroll box ($(json "$work/layout-fr.json" "j[$i]['offenders'][:3]"))" \
				[ "$(json "$work/layout-fr.json" "j[$i]['count']")" -eq 0 ]
		done
	else
		bad "friction: report or layout failed: $(cat "$work/fr.err" "$work/look.err" 2>/dev/null | tail -3)"
	fi
	# printed: A4 with the running header and footer, then Letter
	for paper in a4 letter; do
		rep=$out/print-$paper.html
		pdf=$out/print-$paper.pdf
		rm -f "$pdf"
		if CHROMIUM=$browser "$bin" report "$CXBENCH_DATA/examples/acme-telecom.json" -o "$rep" \
			--pdf "$pdf" --paper "$paper" --footer Confidential >/dev/null 2>"$work/pdf.err"; then
			ok
		else
			bad "$paper: cxbench report --pdf failed: $(cat "$work/pdf.err")"
			continue
		fi
		check "$paper: a PDF" sh -c "head -c 5 '$pdf' | grep -q '%PDF-'"
		pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
		size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
		if [ "$paper" = a4 ]; then
			check "a4: page size A4 ($size)" sh -c "echo '$size' | grep -q '(A4)'"
			check "a4: at most $MAX_PAGES pages ($pages)" [ "${pages:-99}" -le "$MAX_PAGES" ]
			pdftotext "$pdf" - | tr -d '\f' >"$work/print.txt" # a page's text starts after a form feed
			check "a4: page numbers on every page" [ "$(grep -c "^Page [0-9]* of $pages\$" "$work/print.txt")" -eq "$pages" ]
			check "a4: --footer on every page" [ "$(grep -c '^Confidential · Generated on ' "$work/print.txt")" -eq "$pages" ]
			check "a4: the company and period atop every page but the first" \
				[ "$(grep -c '^Acme Telecom · 2026-Q3$' "$work/print.txt")" -eq $((pages - 1)) ]
		else
			check "letter: page size letter ($size)" sh -c "echo '$size' | grep -q '(letter)'"
		fi
		if look headers "$rep" >"$work/headers.json"; then
			if python3 "$node_dir/pdf_headers.py" "$work/headers.json" "$pdf" >"$work/clip.txt"; then ok; else
				bad "$paper: a table cut in the PDF: $(head -5 "$work/clip.txt")"; fi
		else
			bad "$paper: table headers could not be read"
		fi
	done
fi

echo "browser: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

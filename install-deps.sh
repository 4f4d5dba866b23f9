#!/bin/sh
# Installs the Debian/Ubuntu packages cxbench needs to build, test and draw
# charts, and only those that are missing, then the Node packages the
# browser test drives Chromium with (tests/browser/package.json, pinned in
# its package-lock.json) into tests/browser/node_modules, and DuckDB for
# the warehouse test the same way into tests/warehouse/node_modules.  Uses
# sudo when not root (apt only).
set -eu

packages="gcc make pkg-config libcjson-dev libxml2-dev libcurl4-openssl-dev gnuplot-nox python3 chromium sqlite3 openssl tzdata"
# tests/browser-test.sh: Node for puppeteer-core and axe-core, poppler-utils
# (pdfinfo, pdftotext) to read the PDF that `report --pdf` prints
packages="$packages nodejs poppler-utils"
# make lint
packages="$packages cppcheck clang-tidy"
# make check: the warehouse test's engines
packages="$packages clickhouse-server clickhouse-client postgresql"
# tests/completion-test.sh: zsh, to complete in it for real
packages="$packages zsh"
# more for one target, as arguments (make fuzz: clang libclang-rt-dev)
packages="$packages $*"

# apt: the packages that are missing (dpkg-query), on Debian and Ubuntu
apt_install() {
	missing=""
	for p in $packages; do
		status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
		case "$status" in
		*" installed") ;;
		*) missing="$missing $p" ;;
		esac
	done
	# Debian's nodejs comes without npm (other builds of it bundle npm)
	command -v npm >/dev/null 2>&1 || missing="$missing npm"
	[ -n "$missing" ] || return 0
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 ||
			{ echo "install-deps: need root or sudo to install:$missing" >&2; exit 1; }
		sudo=sudo
	fi
	echo "install-deps: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
	echo "install-deps: done"
}

if command -v dpkg-query >/dev/null 2>&1; then
	apt_install
else
	for lib in libcjson libxml-2.0 libcurl; do
		pkg-config --exists "$lib" 2>/dev/null ||
			{ echo "install-deps: not a Debian system; please install $lib (development files), gnuplot and python3" >&2; exit 1; }
	done
	command -v npm >/dev/null 2>&1 ||
		{ echo "install-deps: not a Debian system; please install Node.js with npm, Chromium and poppler-utils for the browser test" >&2; exit 0; }
fi

# A test's Node packages (DIR/package.json, pinned in DIR/package-lock.json)
# into DIR/node_modules, exactly as locked, when missing or older than the
# lock file; npm runs no install scripts.
npm_ci() {
	node_dir=$(cd "$(dirname "$0")" && pwd)/$1
	if [ -f "$node_dir/package-lock.json" ] &&
		{ ! [ -f "$node_dir/node_modules/.package-lock.json" ] ||
		  [ "$node_dir/package-lock.json" -nt "$node_dir/node_modules/.package-lock.json" ]; }; then
		echo "install-deps: npm ci in $1"
		(cd "$node_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) ||
			{ echo "install-deps: npm ci failed in $node_dir" >&2; exit 1; }
	fi
}

# puppeteer-core downloads nothing: it drives the chromium installed above
npm_ci tests/browser
# @duckdb/node-api: its native binary (duckdb.node, libduckdb.so) comes
# prebuilt in the optional dependency for this platform
# (@duckdb/node-bindings-linux-x64), which npm picks by os/cpu/libc; none
# of the packages has an install script
npm_ci tests/warehouse

#!/bin/sh
# Installs the Debian/Ubuntu packages cxbench needs to build, test and draw
# charts, and only those that are missing.  Uses sudo when not root.
set -eu

packages="gcc make pkg-config libcjson-dev libxml2-dev libcurl4-openssl-dev gnuplot-nox python3 chromium sqlite3 openssl tzdata"
# make lint
packages="$packages cppcheck clang-tidy"
# more for one target, as arguments (make fuzz: clang libclang-rt-dev)
packages="$packages $*"

if ! command -v dpkg-query >/dev/null 2>&1; then
	for lib in libcjson libxml-2.0 libcurl; do
		pkg-config --exists "$lib" 2>/dev/null ||
			{ echo "install-deps: not a Debian system; please install $lib (development files), gnuplot and python3" >&2; exit 1; }
	done
	exit 0
fi

missing=""
for p in $packages; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -n "$missing" ] || exit 0

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

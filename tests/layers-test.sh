#!/bin/sh
# The direction of dependencies between bench/'s folders (README, "Layout"):
# every #include "FOLDER/x.h" in bench/ must name the file's own folder or
# one it may use, and a folder's internal headers (listed in internal()
# below) are included from that folder only.
# Usage: sh tests/layers-test.sh   (from anywhere)
set -u
cd "$(dirname "$0")/.." || exit 2

# folder: the folders it may include
allowed() {
	case $1 in
	base) echo "" ;;
	net) echo "base" ;;
	io) echo "base net" ;;
	core) echo "base net io" ;;
	load) echo "base net io core" ;;
	imports) echo "base net io" ;;
	out) echo "base core" ;;
	aggregate) echo "base net io core imports" ;;
	warehouse) echo "base core imports" ;;
	listen) echo "base net io core out imports" ;;
	report) echo "base net io core out listen" ;;
	cmd) echo "base net io core load out imports aggregate listen report warehouse cmd" ;;
	*) echo "?" ;;
	esac
}

# headers that are a folder's inside, not its door
internal() {
	case $1 in
	aggregate/agg_internal.h | aggregate/contacts.h | load/loaders.h | \
	core/profile_parts.h | \
	report/report_parts.h | listen/scan.h | listen/transcripts.h | \
	listen/matcher.h | listen/query.h | listen/words.h | listen/export.h) true ;;
	*) false ;;
	esac
}

pass=0
fail=0
for file in bench/*/*.c bench/*/*.h; do
	from=$(basename "$(dirname "$file")")
	ok=$(allowed "$from")
	if [ "$ok" = "?" ]; then
		echo "FAIL $file: folder '$from' has no place in the layers"
		fail=$((fail + 1))
		continue
	fi
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$file"); do
		to=${inc%%/*}
		if [ "$to" = "$inc" ]; then
			echo "FAIL $file: '$inc' without its folder"
			fail=$((fail + 1))
		elif [ ! -f "bench/$inc" ]; then
			echo "FAIL $file: '$inc' does not exist"
			fail=$((fail + 1))
		elif [ "$to" != "$from" ] && ! echo " $ok " | grep -q " $to "; then
			echo "FAIL $file: $from may not include $inc"
			fail=$((fail + 1))
		elif [ "$to" != "$from" ] && internal "$inc"; then
			echo "FAIL $file: '$inc' is internal to bench/$to"
			fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
	done
done
echo "layers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

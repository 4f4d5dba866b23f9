#!/bin/sh
# Stands in for gnuplot during `make bench`: keeps a copy of the chart
# directory (script and data) in $KEEP_DIR, then runs the real gnuplot.
dir=$(dirname "$2")
rm -rf "$KEEP_DIR" && cp -r "$dir" "$KEEP_DIR" &&
	sed "s#$dir#$KEEP_DIR#g" "$2" > "$KEEP_DIR/charts.gp" || exit 1
exec gnuplot "$@"

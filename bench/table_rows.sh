#!/bin/sh
# Prints how long a table of N rows takes to render, for N doubling: the time
# should roughly double with N (rows are measured once, placed once).
# Usage: bench/table_rows.sh [build-dir]
set -e
build=${1:-build}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed "s#data/long-table.csv#$dir/rows.csv#" layouts/long-table.toml > "$dir/layout.toml"
for n in 1000 2000 4000 8000; do
  python3 scripts/make_long_table.py "$n" "$dir/rows.csv"
  start=$(date +%s.%N)
  "$build/folio" render "$dir/layout.toml" -o "$dir/out.pdf" --max-pages 10000 > /dev/null 2>&1
  end=$(date +%s.%N)
  echo "$n rows: $(echo "$end - $start" | bc) s"
done

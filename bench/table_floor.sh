#!/usr/bin/env bash
# A long table (not a test): folio against two floors drawing the same table
# page by page in C (bench/table_floor.c), in the same run, at 10,000 and
# 100,000 rows of 8 columns from a CSV:
#   pango floor: one reused PangoLayout per column, pango_cairo_show_layout per cell;
#   glyph floor: characters shaped once, cells emitted with cairo_show_glyphs.
# Prints wall time, peak memory (/usr/bin/time %M) and folio's ratios to both
# floors, untagged (--no-tags: the floors do not tag) and tagged (the default),
# and the time per row from 10,000 to 100,000 rows. Sizes up to 20,000 rows
# run ROUNDS times (default 3), interleaved, and the best run of each counts:
# half a second is at the mercy of a neighbour's burst, and a 10% error there
# is a 10% error in the time-per-row ratio.
#
#   bench/table_floor.sh [build-dir]        (default: build; a Release build)
#   ROWS="10000 100000" ROUNDS=3 bench/table_floor.sh build-test
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
folio=$build/folio
rows=${ROWS:-"10000 100000"}
work=bench/out
mkdir -p "$work"
[[ -x $folio ]] || { echo "table_floor.sh: build folio first ($folio)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "table_floor.sh: needs /usr/bin/time (scripts/setup.sh installs it)" >&2; exit 2; }
floor=$work/table_floor
cc -O2 -Wall -Wextra bench/table_floor.c $(pkg-config --cflags --libs pangocairo) -o "$floor"

# run NAME COMMAND...: one timed run; prints a line and records "NAME wall peak_kb cpu".
# CPU time (user + system) is printed beside the wall time: on a shared, busy
# machine it is the steadier figure.
run() {
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  if ! /usr/bin/time -f '%M %U %S' -o "$work/time.txt" "$@" > "$work/run.log" 2>&1; then
    echo "$name failed:" >&2; cat "$work/run.log" >&2; exit 1
  fi
  end=$(date +%s.%N)
  local kb user sys; read -r kb user sys < <(tail -1 "$work/time.txt")
  awk -v n="$name" -v s="$start" -v e="$end" -v m="$kb" -v c="$(echo "$user + $sys" | bc)" 'BEGIN {
    printf "  %-22s %8.2f s wall %8.2f s cpu   peak %7.1f MB\n", n, e - s, c, m / 1024 }'
  echo "$name $(echo "$end - $start" | bc) $kb $(echo "$user + $sys" | bc)" >> "$work/table-runs.txt"
}
# figure NAME COLUMN: 2 wall seconds, 4 cpu seconds; the best of NAME's runs.
figure() {
  awk -v n="$1" -v k="$2" '$1 == n && (best == "" || $k < best) { best = $k } END { print best }' \
    "$work/table-runs.txt"
}
ratio() {
  awk -v a="$(figure "$1" 2)" -v b="$(figure "$2" 2)" -v c="$(figure "$1" 4)" -v d="$(figure "$2" 4)" \
    'BEGIN { printf "%.2f wall, %.2f cpu", a / b, (d > 0 ? c / d : 0) }'
}

: > "$work/table-runs.txt"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $rows; do
  python3 scripts/make_long_table.py "$n" "$work/table-rows.csv" 7
  echo "== $n rows x 8 columns"
  pages=$(( n / 30 + 100 ))
  rounds=1
  [[ $n -le 20000 ]] && rounds=${ROUNDS:-3}
  for _ in $(seq "$rounds"); do
    run "pango-$n" "$floor" pango "$work/table-rows.csv" "$work/table-pango.pdf"
    run "glyph-$n" "$floor" glyph "$work/table-rows.csv" "$work/table-glyph.pdf"
    run "folio-untagged-$n" "$folio" render bench/table.toml -o "$work/table-folio.pdf" --max-pages "$pages" --no-tags -q
    run "folio-tagged-$n" "$folio" render bench/table.toml -o "$work/table-folio-tagged.pdf" --max-pages "$pages" -q
  done
  echo "  pages: floor $(pdfinfo "$work/table-glyph.pdf" | awk '/^Pages/ { print $2 }'), folio $(pdfinfo "$work/table-folio.pdf" | awk '/^Pages/ { print $2 }')"
  echo "  folio untagged / glyph floor: $(ratio "folio-untagged-$n" "glyph-$n")   / pango floor: $(ratio "folio-untagged-$n" "pango-$n")"
  echo "  folio tagged   / glyph floor: $(ratio "folio-tagged-$n" "glyph-$n")   / pango floor: $(ratio "folio-tagged-$n" "pango-$n")"
done
set -- $rows
if [[ $# -ge 2 ]]; then
  echo "== time ratio ${2} / ${1} rows (10x the rows: flat per row is 10)"
  for who in pango glyph folio-untagged folio-tagged; do
    echo "  $who: $(ratio "$who-$2" "$who-$1")"
  done
fi

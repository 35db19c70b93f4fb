#!/usr/bin/env bash
# Bulk-build benchmark (not a test): folio against bench/floor.c, the same page
# drawn with raw pango-cairo calls, both in one process over the same data.
#
#   bench/bulk.sh [build-dir]        (default: build; needs a Release build)
#   SIZES="100 1000 5000" bench/bulk.sh
#
# Prints, per size: seconds, documents/second, ms/document, peak memory, output
# bytes, and folio's time per document as a ratio to the floor's.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
folio=$build/folio
sizes=${SIZES:-"100 1000 5000"}
work=bench/out
mkdir -p "$work"
[[ -x $folio ]] || { echo "bulk.sh: build folio first ($folio)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bulk.sh: needs /usr/bin/time (scripts/setup.sh installs it)" >&2; exit 2; }

floor=$work/floor
cc -O2 -Wall -Wextra bench/floor.c $(pkg-config --cflags --libs pangocairo) -o "$floor"

# run NAME DOCS OUTDIR COMMAND...: one timed run, one line of figures.
run() {
  local name=$1 docs=$2 out=$3; shift 3
  rm -rf "$out"; mkdir -p "$out"
  local start end stats
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/time.txt" "$@" > /dev/null
  end=$(date +%s.%N)
  local peak_kb; peak_kb=$(tail -1 "$work/time.txt")
  local bytes; bytes=$(du -sb "$out" | cut -f1)
  local files; files=$(find "$out" -name '*.pdf' | wc -l)
  awk -v n="$name" -v d="$docs" -v s="$start" -v e="$end" -v m="$peak_kb" -v b="$bytes" -v f="$files" 'BEGIN {
    t = e - s;
    printf "%-22s %5d docs %7.2f s %8.1f docs/s %7.2f ms/doc  peak %6.1f MB  out %7.1f MB (%d PDFs)\n",
           n, d, t, d / t, 1000 * t / d, m / 1024, b / 1048576, f }'
  echo "${name// /_} $docs $start $end" >> "$work/runs.txt"
}

ms_per_doc() { awk -v n="$1" -v d="$2" '$1 == n && $2 == d { t = $4 - $3 } END { printf "%.3f", 1000 * t / d }' "$work/runs.txt"; }

: > "$work/runs.txt"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for n in $sizes; do
  data=$work/data-$n
  [[ -d $data ]] || python3 bench/gen_data.py "$n" "$data"
  echo "== $n documents"
  # The floor first and last, so a noisy neighbour shows as a spread.
  run floor "$n" "$work/pdf-floor" "$floor" "$work/pdf-floor" "$data"/*.toml
  run "folio -j 1" "$n" "$work/pdf-j1" "$folio" render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml \
    --each "$data/*.toml" -o "$work/pdf-j1/{{ region.slug }}.pdf" -j 1 -q
  if [[ $n -le 1000 ]]; then
    run "folio -j 2 (threads)" "$n" "$work/pdf-j2" "$folio" render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml \
      --each "$data/*.toml" -o "$work/pdf-j2/{{ region.slug }}.pdf" -j 2 -q
    # The same work as two processes, one shard each (how a cluster splits it).
    run "folio 2 processes" "$n" "$work/pdf-p2" bash -c "
      for k in 1 2; do
        '$folio' render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml --each '$data/*.toml' \
          -o '$work/pdf-p2/{{ region.slug }}.pdf' -j 1 -q --shard \$k/2 &
      done; wait"
    run "floor (again)" "$n" "$work/pdf-floor" "$floor" "$work/pdf-floor" "$data"/*.toml
  fi
  f=$(ms_per_doc floor "$n"); j=$(ms_per_doc folio_-j_1 "$n")
  awk -v f="$f" -v j="$j" 'BEGIN { printf "ratio folio -j 1 / floor: %.2f (%.3f / %.3f ms per document)\n", j / f, j, f }'
done

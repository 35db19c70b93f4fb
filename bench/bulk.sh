#!/usr/bin/env bash
# Bulk-build benchmark (not a test): folio against bench/floor.c, the same page
# drawn with raw pango-cairo calls, both in one process over the same data.
#
#   bench/bulk.sh [build-dir]        (default: build; needs a Release build)
#   SIZES="100 1000 5000" bench/bulk.sh
#
# Prints, per size: seconds, documents/second, ms/document, peak memory, output
# bytes, and folio's time per document as a ratio to the floor's: untagged
# (--no-tags), since the floor does not tag, and tagged (folio's default). Then the same
# documents with a chart whose values differ per document
# (bench/leaflet-chart.toml), built from TOML files (--each) and from one SQLite
# query (--each-query), and the ratio of the two.
#
# Up to 1,000 documents a run lasts a second or less, and this machine's disk
# moves the floor itself by 20% from one run to the next: the floor, folio and
# folio tagged run ROUNDS times (default 3), interleaved, and each ratio is
# taken from the best run of each.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
folio=$build/folio
sizes=${SIZES:-"100 1000 5000"}
rounds=${ROUNDS:-3}
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

# ms_per_doc NAME DOCS: the best of NAME's runs over DOCS documents, in ms per document.
ms_per_doc() {
  awk -v n="$1" -v d="$2" '$1 == n && $2 == d { t = 1000 * ($4 - $3) / d; if (!b || t < b) b = t }
    END { printf "%.3f", b }' "$work/runs.txt"
}

: > "$work/runs.txt"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for n in $sizes; do
  data=$work/data-$n
  [[ -d $data ]] || python3 bench/gen_data.py "$n" "$data"
  echo "== $n documents"
  # Interleaved, so a noisy neighbour slows all three alike.
  for round in $(seq "$([[ $n -le 1000 ]] && echo "$rounds" || echo 1)"); do
    run floor "$n" "$work/pdf-floor" "$floor" "$work/pdf-floor" "$data"/*.toml
    run "folio -j 1" "$n" "$work/pdf-j1" "$folio" render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml \
      --each "$data/*.toml" -o "$work/pdf-j1/{{ region.slug }}.pdf" -j 1 -q --no-tags
    run "folio -j 1 tagged" "$n" "$work/pdf-j1" "$folio" render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml \
      --each "$data/*.toml" -o "$work/pdf-j1/{{ region.slug }}.pdf" -j 1 -q
  done
  if [[ $n -le 1000 ]]; then
    run "folio -j 2 (threads)" "$n" "$work/pdf-j2" "$folio" render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml \
      --each "$data/*.toml" -o "$work/pdf-j2/{{ region.slug }}.pdf" -j 2 -q
    # The same work as two processes, one shard each (how a cluster splits it).
    run "folio 2 processes" "$n" "$work/pdf-p2" bash -c "
      for k in 1 2; do
        '$folio' render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml --each '$data/*.toml' \
          -o '$work/pdf-p2/{{ region.slug }}.pdf' -j 1 -q --shard \$k/2 &
      done; wait"
  fi
  f=$(ms_per_doc floor "$n"); j=$(ms_per_doc folio_-j_1 "$n"); g=$(ms_per_doc folio_-j_1_tagged "$n")
  awk -v f="$f" -v j="$j" -v g="$g" 'BEGIN {
    printf "ratio folio -j 1 / floor: %.2f untagged, %.2f tagged (best runs: %.3f, %.3f / %.3f ms per document)\n", j / f, g / f, j, g, f }'

  # Chart values per document: TOML files against rows of a SQLite query.
  chart=$work/chart-$n
  [[ -f $chart.db ]] || python3 bench/gen_data.py "$n" "$chart" --chart "$chart.db"
  query='SELECT name AS "region.name", slug AS "region.slug", lead AS "region.lead",
    body1 AS "region.body1", children AS "stats.children", arrests AS "stats.arrests",
    reports AS "stats.reports", visits AS "stats.visits", quote AS "quote.text",
    quote_by AS "quote.by", q1 AS "quarters.series[0].values[0]",
    q2 AS "quarters.series[0].values[1]", q3 AS "quarters.series[0].values[2]",
    q4 AS "quarters.series[0].values[3]" FROM region ORDER BY slug'
  for pass in 1 2; do  # twice each, interleaved, so a noisy neighbour shows
    run "chart from TOML" "$n" "$work/pdf-chart-toml" "$folio" render bench/leaflet-chart.toml --allow-path layouts/themes \
      --data bench/common.toml --each "$chart/*.toml" \
      -o "$work/pdf-chart-toml/{{ region.slug }}.pdf" -j 1 -q
    run "chart from SQLite" "$n" "$work/pdf-chart-sqlite" "$folio" render bench/leaflet-chart.toml --allow-path layouts/themes \
      --data bench/common.toml --each-query "$chart.db" "$query" \
      -o "$work/pdf-chart-sqlite/{{ region.slug }}.pdf" -j 1 -q
  done
  t=$(ms_per_doc chart_from_TOML "$n"); q=$(ms_per_doc chart_from_SQLite "$n")
  same=$(diff <(pdftotext "$work/pdf-chart-toml/region-00001.pdf" -) <(pdftotext "$work/pdf-chart-sqlite/region-00001.pdf" -) > /dev/null && echo "same text" || echo "TEXT DIFFERS")
  awk -v t="$t" -v q="$q" -v s="$same" 'BEGIN { printf "ratio SQLite / TOML: %.2f (%.3f / %.3f ms per document, best pass; first document: %s)\n", q / t, q, t, s }'
done

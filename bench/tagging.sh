#!/usr/bin/env bash
# What tagging costs (not a test): the same build with and without tags, in one
# run, on the bulk leaflet (bench/leaflet-page.toml, -j 1) and on the 2-page
# annual review (one process per render). Runs alternate, tagged and untagged,
# and the best of each is kept, so a noisy neighbour hurts both alike. With
# valgrind installed it also counts instructions (callgrind), which do not
# depend on the machine's load.
#
#   bench/tagging.sh [build-dir]          (default: build; needs a Release build)
#   DOCS=500 ROUNDS=5 bench/tagging.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
folio=$build/folio
docs=${DOCS:-200}
rounds=${ROUNDS:-3}
reviews=${REVIEWS:-20}
work=bench/out
mkdir -p "$work"
[[ -x $folio ]] || { echo "tagging.sh: build folio first ($folio)" >&2; exit 2; }
data=$work/data-$docs
[[ -d $data ]] || python3 bench/gen_data.py "$docs" "$data" > /dev/null

bulk() {  # bulk FLAGS...: seconds for the whole build
  rm -rf "$work/tagging"; mkdir -p "$work/tagging"
  local start end
  start=$(date +%s.%N)
  "$folio" render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml \
    --each "$data/*.toml" -o "$work/tagging/{{ region.slug }}.pdf" -j 1 -q "$@"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

review() {  # review FLAGS...: seconds for $reviews renders, one process each
  local start end
  start=$(date +%s.%N)
  for _ in $(seq "$reviews"); do
    "$folio" render layouts/annual-review.toml --data data/ceop-2008-09.toml -o "$work/review.pdf" -q "$@"
  done
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

best() { sort -g | head -1; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for what in bulk review; do
  tagged=(); untagged=()
  for _ in $(seq "$rounds"); do
    untagged+=("$($what --no-tags)")
    tagged+=("$($what)")
  done
  t=$(printf '%s\n' "${tagged[@]}" | best)
  u=$(printf '%s\n' "${untagged[@]}" | best)
  n=$([[ $what == bulk ]] && echo "$docs" || echo "$reviews")
  awk -v w="$what" -v t="$t" -v u="$u" -v n="$n" 'BEGIN {
    printf "%-7s %4d docs  tagged %6.3f s (%6.2f ms/doc)  untagged %6.3f s (%6.2f ms/doc)  ratio %.2f\n",
           w, n, t, 1000 * t / n, u, 1000 * u / n, t / u }'
done

if command -v valgrind > /dev/null; then
  small=$work/data-20
  [[ -d $small ]] || python3 bench/gen_data.py 20 "$small" > /dev/null
  count() {  # count FLAGS...: instructions of one run
    rm -rf "$work/tagging"; mkdir -p "$work/tagging"
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | awk '/refs:/ { gsub(",", "", $4); print $4 }'
  }
  for flags in "--no-tags" ""; do
    b=$(count "$folio" render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml \
      --each "$small/*.toml" -o "$work/tagging/{{ region.slug }}.pdf" -j 1 -q $flags)
    r=$(count "$folio" render layouts/annual-review.toml --data data/ceop-2008-09.toml -o "$work/review.pdf" -q $flags)
    echo "${flags:-tagged} $b $r"
  done | awk '{ name[NR] = $1; b[NR] = $2; r[NR] = $3 }
    END { printf "instructions (callgrind): bulk 20 docs %.0fM tagged / %.0fM untagged = %.3f;  review %.0fM / %.0fM = %.3f\n",
          b[2] / 1e6, b[1] / 1e6, b[2] / b[1], r[2] / 1e6, r[1] / 1e6, r[2] / r[1] }'
fi

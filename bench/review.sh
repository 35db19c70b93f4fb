#!/usr/bin/env bash
# The 2-page annual review against its pango-cairo floor (not a test):
# bench/review_floor.c draws the same two pages of layouts/annual-review.toml
# with data/ceop-2008-09.toml at fixed positions, without tags. The issue's
# target: folio within 1.3x the floor, measured in one run, untagged.
#
#   bench/review.sh [build-dir]          (default: build; needs a Release build)
#   ROUNDS=5 REVIEWS=20 bench/review.sh
#
# Each round times, one after the other, REVIEWS renders one process each
# (start-up and font set-up included) of the floor, folio --no-tags and folio
# tagged; then REVIEWS renders in one process: the floor's N argument against
# folio --each over REVIEWS copies of the data file (-j 1), untagged and tagged.
# The best round of each is kept, so a noisy neighbour hurts them alike. Then
# the peak memory of one render of each, and a check that the floor's PDF has
# folio's words.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
folio=$build/folio
rounds=${ROUNDS:-5}
reviews=${REVIEWS:-20}
layout=layouts/annual-review.toml
data=data/ceop-2008-09.toml
work=bench/out
mkdir -p "$work"
[[ -x $folio ]] || { echo "review.sh: build folio first ($folio)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "review.sh: needs /usr/bin/time (scripts/setup.sh installs it)" >&2; exit 2; }

floor=$work/review_floor
cc -O2 -Wall -Wextra bench/review_floor.c $(pkg-config --cflags --libs pangocairo pangoft2 fontconfig) -o "$floor"

# --each makes one document per data file: REVIEWS copies of the same one.
copies=$work/review-data
rm -rf "$copies"; mkdir -p "$copies"
for i in $(seq "$reviews"); do cp "$data" "$copies/ceop-$i.toml"; done

now() { date +%s.%N; }
elapsed() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.6f", e - s }'; }

# processes COMMAND...: seconds for $reviews runs of COMMAND, one process each.
processes() {
  local start; start=$(now)
  for _ in $(seq "$reviews"); do "$@" > /dev/null; done
  elapsed "$start" "$(now)"
}

# once COMMAND...: seconds for one run (which renders $reviews reviews itself).
once() {
  rm -rf "$work/reviews"; mkdir -p "$work/reviews"
  local start; start=$(now)
  "$@" > /dev/null
  elapsed "$start" "$(now)"
}

floor_one() { "$floor" "$work/review-floor.pdf" "$data"; }
folio_one() { "$folio" render "$layout" --data "$data" -o "$work/review-folio$1.pdf" -q "${@:2}"; }
floor_all() { "$floor" "$work/reviews/floor.pdf" "$data" "$reviews"; }
folio_all() {
  "$folio" render "$layout" --each "$copies/*.toml" -o "$work/reviews/{{ index }}.pdf" -j 1 -q "$@"
}

declare -A times=()
for _ in $(seq "$rounds"); do
  times[floor]+="$(processes floor_one) "
  times[untagged]+="$(processes folio_one -untagged --no-tags) "
  times[tagged]+="$(processes folio_one -tagged) "
  times[floor_all]+="$(once floor_all) "
  times[each_untagged]+="$(once folio_all --no-tags) "
  times[each_tagged]+="$(once folio_all) "
done
best() { tr ' ' '\n' <<< "${times[$1]}" | grep . | sort -g | head -1; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); best of $rounds rounds of $reviews reviews"
report() {  # report TITLE FLOOR UNTAGGED TAGGED
  awk -v title="$1" -v f="$2" -v u="$3" -v t="$4" -v n="$reviews" 'BEGIN {
    f = 1000 * f / n; u = 1000 * u / n; t = 1000 * t / n
    printf "%s\n", title
    printf "  floor          %7.2f ms per review\n", f
    printf "  folio untagged %7.2f ms per review  ratio to the floor %.2f\n", u, u / f
    printf "  folio tagged   %7.2f ms per review  ratio to the floor %.2f\n", t, t / f }'
}
report "one process per review:" "$(best floor)" "$(best untagged)" "$(best tagged)"
report "$reviews reviews in one process (folio --each -j 1):" "$(best floor_all)" \
  "$(best each_untagged)" "$(best each_tagged)"

peak() {  # peak COMMAND...: peak resident memory of one run, MB
  /usr/bin/time -f '%M' -o "$work/time.txt" "$@" > /dev/null
  awk '{ kb = $1 } END { printf "%.1f", kb / 1024 }' "$work/time.txt"
}
one=("$folio" render "$layout" --data "$data" -q)
echo "peak memory, one review: floor $(peak "$floor" "$work/review-floor.pdf" "$data") MB," \
  "folio untagged $(peak "${one[@]}" -o "$work/review-folio-untagged.pdf" --no-tags) MB," \
  "tagged $(peak "${one[@]}" -o "$work/review-folio-tagged.pdf") MB"
size() { stat -c %s "$1"; }
echo "output: floor $(size "$work/review-floor.pdf") bytes, folio untagged $(size "$work/review-folio-untagged.pdf")," \
  "tagged $(size "$work/review-folio-tagged.pdf")"
words() { pdftotext "$1" - | tr -s ' \n' '\n' | sort; }
if diff <(words "$work/review-floor.pdf") <(words "$work/review-folio-untagged.pdf") > /dev/null; then
  echo "words: the floor's PDF and folio's hold the same words"
else
  echo "words: THE FLOOR'S PDF AND FOLIO'S DIFFER"
fi

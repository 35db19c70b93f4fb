#!/usr/bin/env bash
# What a contents page and cross-references cost (not a test): a ~200-page
# report with a contents block and 500 `[link](#id)` + `{{ pageref.id }}`
# references against the same text without them, in the same run. Layout runs
# again until the page numbers settle, so the referenced document takes two or
# three passes; the ratio is what a user pays for them. Best of ROUNDS runs each.
#
#   bench/long_document.sh [build-dir]     (default: build; a Release build)
#   SECTIONS=100 REFS=500 ROUNDS=3 bench/long_document.sh build-test
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
folio=$build/folio
sections=${SECTIONS:-100}
refs=${REFS:-500}
rounds=${ROUNDS:-3}
[[ -x $folio ]] || { echo "long_document.sh: build folio first ($folio)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_long_document.py "$sections" "$refs" "$work/refs.toml"
python3 bench/gen_long_document.py "$sections" "$refs" "$work/plain.toml" plain

seconds() {  # seconds LAYOUT: one render's wall time
  local start end
  start=$(date +%s.%N)
  "$folio" render "$1" -o "$work/out.pdf" -q --max-pages 1000
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

best_refs=999 best_plain=999
for _ in $(seq "$rounds"); do
  t=$(seconds "$work/refs.toml"); best_refs=$(echo "if ($t < $best_refs) $t else $best_refs" | bc)
  t=$(seconds "$work/plain.toml"); best_plain=$(echo "if ($t < $best_plain) $t else $best_plain" | bc)
done
pages=$("$folio" render "$work/refs.toml" -o "$work/out.pdf" --max-pages 1000 2>&1 | grep -o '[0-9]* pages' | head -1)
links=$(python3 -c "import sys; print(open(sys.argv[1]).read().count('](#'))" "$work/refs.toml")
printf 'with contents + %s references: %.3f s (%s, %s links)\n' "$refs" "$best_refs" "$pages" "$links"
printf 'same text without them:       %.3f s\n' "$best_plain"
printf 'ratio %.2f (the target is under 2)\n' "$(echo "$best_refs / $best_plain" | bc -l)"

# Instructions do not depend on the machine's load (CALLGRIND=0 skips this; it takes a minute or two).
if [[ ${CALLGRIND:-1} == 1 ]] && command -v valgrind > /dev/null; then
  count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$folio" render "$1" -o "$work/out.pdf" \
      -q --max-pages 1000 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,
  }
  refs_count=$(count "$work/refs.toml")
  plain_count=$(count "$work/plain.toml")
  printf 'instructions (callgrind): %s with / %s without = %.2f\n' "$refs_count" "$plain_count" \
    "$(echo "$refs_count / $plain_count" | bc -l)"
fi

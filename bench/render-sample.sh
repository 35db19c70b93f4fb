#!/usr/bin/env bash
# Renders the sample annual review N times (default 20), one process each, and
# prints the wall time per document and the peak memory of one render.
# Usage: bench/render-sample.sh [N] [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
build=${2:-build}
folio="$build/folio"
[ -x "$folio" ] || { echo "build folio first (scripts/bootstrap.sh)"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

start=$(date +%s.%N)
for i in $(seq "$n"); do
  "$folio" render layouts/annual-review.toml --data data/ceop-2008-09.toml -o "$out/review-$i.pdf" -q
done
end=$(date +%s.%N)

peak_kb=$( { /usr/bin/time -f "%M" "$folio" render layouts/annual-review.toml \
  --data data/ceop-2008-09.toml -o "$out/peak.pdf" -q; } 2>&1 | tail -1)
python3 - "$start" "$end" "$n" "$peak_kb" "$(stat -c %s "$out/review-1.pdf")" <<'PY'
import sys
start, end, n, peak, size = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f"documents: {n}")
print(f"wall time per document: {(end - start) / n * 1000:.1f} ms (one process each)")
print(f"peak memory of one render: {peak / 1024:.1f} MiB")
print(f"output size: {size} bytes")
PY

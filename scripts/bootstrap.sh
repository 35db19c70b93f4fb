#!/usr/bin/env bash
# The README's first command: install, build (Release) and render the sample annual review.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLIO_TESTS=OFF >/dev/null
cmake --build build
mkdir -p out
./build/folio render layouts/annual-review.toml --data data/ceop-2008-09.toml \
  -o out/ceop-annual-review-2008-09.pdf

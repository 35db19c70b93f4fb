#!/usr/bin/env bash
# The README's first command: install the packages, build (Release), install
# folio (to /usr/local, or PREFIX=DIR) so `folio` is on the PATH, and render
# the sample annual review.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
prefix="${PREFIX:-/usr/local}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLIO_TESTS=OFF \
  -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build build
sudo=""
if [ ! -w "$prefix" ] && [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo cmake --install build >/dev/null
echo "bootstrap: installed $prefix/bin/folio, with its fonts and samples in $prefix/share/folio"
"$prefix/bin/folio" render layouts/annual-review.toml --data data/ceop-2008-09.toml \
  -o out/ceop-annual-review-2008-09.pdf

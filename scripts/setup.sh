#!/usr/bin/env bash
# Installs what folio needs to build, test and render, from Debian's packages.
# Idempotent: does nothing when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libcairo2-dev libpango1.0-dev libtomlplusplus-dev libcli11-dev libfmt-dev libmd4c-dev
  librsvg2-dev libjpeg-dev libqpdf-dev
  libsqlite3-dev  # SQLite datasets and bulk builds from a query
  catch2 libpoppler-cpp-dev poppler-utils qpdf
  fonts-open-sans fonts-dejavu-core
  time  # /usr/bin/time for bench/bulk.sh's peak memory
  ccache  # CMakeLists.txt compiles through it when present: rebuilds take seconds
  python3 python3-jsonschema
  python3-pikepdf     # the tests walk the tagged PDF's structure tree
  icc-profiles-free   # sRGB.icc, the OutputIntent of --pdf-standard a-2b
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"

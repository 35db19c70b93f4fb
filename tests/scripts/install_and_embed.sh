#!/usr/bin/env bash
# Installs folio from BUILD_DIR to a temporary prefix, builds examples/embed
# against the installed CMake package, renders the annual review with it and
# checks the PDF (two pages, the right text), the installed binary and man page.
set -euo pipefail
source_dir=$1
build_dir=$2
extra_flags=${3:-}  # the sanitizer flags when folio was built with them
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" > "$work/install.log"
test -x "$work/prefix/bin/folio"
test -f "$work/prefix/include/folio/folio.hpp"
test -f "$work/prefix/lib/cmake/folio/folioConfig.cmake" || test -f "$work"/prefix/lib/*/cmake/folio/folioConfig.cmake
test -f "$work/prefix/share/man/man1/folio.1"
man -l "$work/prefix/share/man/man1/folio.1" 2>/dev/null | grep -q "folio - reports and infographics" ||
  grep -q '^.SH NAME' "$work/prefix/share/man/man1/folio.1"
"$work/prefix/bin/folio" --version | grep -q '^folio '

# The installed tree is self-contained: moved elsewhere, with fontconfig given no
# font folder at all, it renders its own sample with its own fonts.
cp -r "$work/prefix" "$work/moved"
cat > "$work/no-fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>$work/fc-cache</cachedir></fontconfig>
EOF
(
  cd "$work"
  export FONTCONFIG_FILE="$work/no-fonts.conf"
  share="$work/moved/share/folio"
  moved/bin/folio fonts > fonts.txt
  grep -q "^Open Sans	project	$share/fonts/" fonts.txt || { cat fonts.txt; exit 1; }
  moved/bin/folio render "$share/layouts/annual-review.toml" --data "$share/data/ceop-2008-09.toml" \
    -o "$work/self-contained/review.pdf" 2> render.txt || { cat render.txt; exit 1; }
  if grep -q "warning" render.txt; then cat render.txt; exit 1; fi
  pdffonts "$work/self-contained/review.pdf" | awk 'NR > 2 {print $1}' | sed 's/^[A-Z]*+//' |
    sort -u > embedded.txt
  grep -q '^OpenSans' embedded.txt || { cat embedded.txt; exit 1; }
  if grep -qv '^OpenSans' embedded.txt; then cat embedded.txt; exit 1; fi
)

cmake -S "$source_dir/examples/embed" -B "$work/embed" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_CXX_FLAGS="$extra_flags" > "$work/configure.log"
cmake --build "$work/embed" > "$work/build.log" || { cat "$work/build.log"; exit 1; }

cd "$source_dir"
# A program embedding libfolio is not beside share/folio: FOLIO_SHARE_DIR says where it is.
export FOLIO_SHARE_DIR="$work/prefix/share/folio"
"$work/embed/embed" layouts/annual-review.toml data/ceop-2008-09.toml "$work/review.pdf"
pages=$(pdfinfo "$work/review.pdf" | awk '/^Pages:/ {print $2}')
test "$pages" = 2 || { echo "expected 2 pages, got $pages"; exit 1; }
pdftotext "$work/review.pdf" - | grep -q "CEOP" || { echo "the PDF lacks the expected text"; exit 1; }

# Errors come back as diagnostics and a non-zero exit, with nothing written.
if "$work/embed/embed" layouts/annual-review.toml "$work/bad.pdf" 2> "$work/errors.txt"; then
  echo "a layout without its data should fail"; exit 1
fi
grep -q "layouts/annual-review.toml:.*error: data path" "$work/errors.txt"
test ! -e "$work/bad.pdf"
echo "installed, built examples/embed against it and rendered $pages pages"

#!/usr/bin/env bash
# ThreadSanitizer over the bulk renderer (not part of CI: a TSan build takes a
# while): a 100-document --each build at -j 2 and at -j 8, which must finish
# with no report.
#
#   bench/tsan.sh [build-dir]          (default: build-tsan, configured here)
#
# Pango, fontconfig, cairo and glib are not built with TSan, so races inside
# them cannot be seen; what is checked is folio's own sharing between worker
# threads (the job list, the shared layout, progress, diagnostics) and folio's
# use of those libraries across threads. bench/tsan.supp lists the reports that
# come from inside the uninstrumented libraries (none so far).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-tsan}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOLIO_TSAN=ON \
  -DFOLIO_TESTS=OFF >/dev/null
nice -n 5 cmake --build "$build" -j "${JOBS:-2}" --target folio_cli

work=$(mktemp -d /tmp/folio-tsan.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_data.py 100 "$work/data"

# glib hands g_slice memory between threads through its own (uninstrumented)
# magazines, which TSan reports as races; plain malloc is intercepted.
export G_SLICE=always-malloc
export TSAN_OPTIONS="halt_on_error=0 exitcode=66 print_suppressions=1 suppressions=$PWD/bench/tsan.supp ${TSAN_OPTIONS:-}"
status=0
for jobs in 2 8; do
  rm -rf "$work/out"
  start=$(date +%s.%N)
  set +e
  "$build/folio" render bench/leaflet-page.toml --allow-path layouts/themes --data bench/common.toml \
    --each "$work/data/*.toml" -j "$jobs" -q -o "$work/out/{{ source.stem }}.pdf" \
    2>"$work/tsan-$jobs.log"
  code=$?
  set -e
  end=$(date +%s.%N)
  reports=$(grep -c '^WARNING: ThreadSanitizer' "$work/tsan-$jobs.log" || true)
  suppressed=$(sed -n 's/^ThreadSanitizer: Matched \([0-9]*\) suppressions.*/\1/p' "$work/tsan-$jobs.log" | head -1)
  pdfs=$(find "$work/out" -name '*.pdf' | wc -l)
  printf -- '-j %d: exit %d, %d PDFs, %d ThreadSanitizer reports (%d suppressed, bench/tsan.supp), %.1f s\n' \
    "$jobs" "$code" "$pdfs" "$reports" "${suppressed:-0}" "$(echo "$end - $start" | bc)"
  sed -n '/^ThreadSanitizer: Matched/,/^$/{/^[0-9 ]*[0-9] /s/^ */    /p}' "$work/tsan-$jobs.log"
  if [ "$code" -ne 0 ] || [ "$reports" -ne 0 ] || [ "$pdfs" -ne 100 ]; then
    status=1
    mkdir -p bench/out
    cp "$work/tsan-$jobs.log" "bench/out/tsan-$jobs.log"
    echo "  the log is in bench/out/tsan-$jobs.log"
  fi
done
exit $status

#!/usr/bin/env bash
# The README's second command (and CI's): build and run the whole test suite,
# then the same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
jobs=$(nproc)

cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLIO_TESTS=ON >/dev/null
cmake --build build-test -j "$jobs"
(cd build-test && ctest --output-on-failure -j "$jobs")
# ctest names a skipped test but hides why; the Slurm test says why on stderr.
grep -h "SKIPPED:\|cannot start here" build-test/Testing/Temporary/LastTest.log || true

if [ "${FOLIO_SKIP_SANITIZE:-0}" != "1" ]; then
  # -O1 -g1: what the sanitizers recommend (usable stack traces, line numbers), and
  # much quicker to compile than -O2 -g.
  cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOLIO_SANITIZE=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    -DFOLIO_TESTS=ON >/dev/null
  cmake --build build-sanitize -j "$jobs"
  export ASAN_OPTIONS=detect_leaks=1
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  (cd build-sanitize && ctest --output-on-failure -j "$jobs")
fi

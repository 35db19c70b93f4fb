#!/usr/bin/env bash
# Runs both libFuzzer targets for SECONDS in total (default 120), half each,
# growing the corpus in fuzz/corpus/. Crashes are written to fuzz/crashes/.
# Usage: bench/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
half=$(( seconds / 2 ))
command -v clang++ >/dev/null || { echo "needs clang (apt-get install clang)"; exit 1; }

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFOLIO_FUZZ=ON -DFOLIO_TESTS=OFF >/dev/null
cmake --build build-fuzz --target fuzz_layout fuzz_data

mkdir -p fuzz/crashes fuzz/corpus/layout fuzz/corpus/data
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
for target in layout data; do
  echo "== fuzz_$target for ${half}s"
  ./build-fuzz/fuzz/fuzz_$target fuzz/corpus/$target -max_total_time="$half" -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix=fuzz/crashes/$target- -print_final_stats=1 \
    2>&1 | grep -E "^(#[0-9]+.*(DONE|pulse)|stat::number_of_executed_runs|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)" || true
done
ls fuzz/crashes

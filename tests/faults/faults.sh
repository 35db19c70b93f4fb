#!/usr/bin/env bash
# Fault tests: folio under a full disk, a killed or interrupted build, and an
# unprivileged user. Each case is its own ctest test (tests/CMakeLists.txt):
#
#   faults.sh FOLIO SOURCE_DIR SHIM CASE
#
# CASE is one of enospc-tmpfs, enospc-shim, bulk-full, kill, signal, unprivileged.
# A case that this machine cannot run (no permission to mount, not root) exits
# 77, which ctest reports as skipped, after saying why on stdout.
set -uo pipefail

folio=$1 source_dir=$2 shim=$3 case_name=$4
export LC_ALL=C
# The shim is not built with ASan; ASan would refuse to start after it.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

work=$(mktemp -d /tmp/folio-faults.XXXXXX)
mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
skip() {
  echo "SKIP: $*"
  exit 77
}
expect_code() {  # expect_code WANT GOT WHAT
  [ "$2" -eq "$1" ] || fail "$3: exit code $2, expected $1"
}
expect_in() {  # expect_in FILE TEXT WHAT
  grep -qF -- "$2" "$1" || { fail "$3: no \"$2\" in the output:"; sed 's/^/    /' "$1"; }
}
no_temporaries() {  # no_temporaries DIR
  local left
  left=$(find "$1" -name '*.tmp*' | head -5)
  [ -z "$left" ] || fail "temporary files left in $1: $left"
}
every_pdf_whole() {  # every_pdf_whole DIR -> prints how many PDFs there are
  local count damaged
  count=$(find "$1" -maxdepth 1 -name '*.pdf' | wc -l)
  # qpdf --check on each, two at a time; prints the damaged ones.
  damaged=$(find "$1" -maxdepth 1 -name '*.pdf' -print0 |
    xargs -0 -r -n 1 -P 2 sh -c 'qpdf --check "$0" >/dev/null 2>&1 || echo "$0"')
  [ -z "$damaged" ] || fail "damaged PDFs (qpdf --check): $damaged"
  echo "$count"
}

# A one-page A6 document per data file: small, so a bulk build is quick.
make_bulk_inputs() {  # make_bulk_inputs COUNT
  mkdir -p "$work/data"
  cat >"$work/small.toml" <<'EOF'
[document]
size = "A6"
margins = "10mm"

[[block]]
type = "heading"
level = 1
text = "{{ region.name }}"

[[block]]
type = "paragraph"
text = "{{ stats.children | number }} children safeguarded."
EOF
  local i
  for ((i = 1; i <= $1; i++)); do
    printf '[region]\nname = "Region %d"\n[stats]\nchildren = %d\n' "$i" $((1000 + i)) \
      >"$(printf '%s/data/r%03d.toml' "$work" "$i")"
  done
}

can_mount_tmpfs() {
  command -v unshare >/dev/null || return 1
  mkdir -p "$work/probe"
  unshare -m sh -c "mount -t tmpfs -o size=40k folio-probe '$work/probe'" 2>/dev/null
}

# Runs this script's CASE again inside a private mount namespace (the tmpfs
# vanishes with it, even if the test is killed).
in_namespace() {
  if [ "${FOLIO_FAULTS_IN_NAMESPACE:-}" = 1 ]; then return 0; fi
  can_mount_tmpfs || skip "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN, e.g. not in an unprivileged container); the enospc-shim case covers the same code"
  rm -rf "$work"
  FOLIO_FAULTS_IN_NAMESPACE=1 exec unshare -m "$0" "$@"
}

sample=(render "$source_dir/layouts/annual-review.toml" --data "$source_dir/data/ceop-2008-09.toml" -q)

case "$case_name" in
enospc-tmpfs)
  in_namespace "$@"
  # The sample review is about 58 KB: it cannot fit in 40 KB, nor in 60 KB
  # beside an existing (small, good) PDF.
  make_bulk_inputs 1
  "$folio" render "$work/small.toml" --data "$work/data/r001.toml" -q -o "$work/small.pdf" ||
    fail "the small layout does not render"
  for size in 40k 60k; do
    disk="$work/disk-$size"
    mkdir -p "$disk"
    mount -t tmpfs -o "size=$size" folio-test "$disk" || fail "mount $size"
    mounts+=("$disk")
    cp "$work/small.pdf" "$disk/keep.pdf"
    "$folio" "${sample[@]}" -o "$disk/t.pdf" >"$work/out" 2>&1
    code=$?
    expect_code 3 $code "$size: new file"
    expect_in "$work/out" "No space left on device" "$size: new file"
    expect_in "$work/out" "$disk/t.pdf" "$size: new file"
    [ ! -e "$disk/t.pdf" ] || fail "$size: a damaged t.pdf was left"
    "$folio" "${sample[@]}" -o "$disk/keep.pdf" >"$work/out" 2>&1
    expect_code 3 $? "$size: over an existing file"
    expect_in "$work/out" "No space left on device" "$size: over an existing file"
    cmp -s "$disk/keep.pdf" "$work/small.pdf" || fail "$size: keep.pdf lost its bytes"
    qpdf --check "$disk/keep.pdf" >/dev/null 2>&1 || fail "$size: keep.pdf is damaged"
    # PNG and SVG pages go through the same checked writer.
    for format in png svg; do
      "$folio" "${sample[@]}" -f $format --dpi 300 -o "$disk/page.$format" >"$work/out" 2>&1
      expect_code 3 $? "$size: $format"
      expect_in "$work/out" "No space left on device" "$size: $format"
    done
    no_temporaries "$disk"
    echo "$size: exit $code, \"No space left on device\", keep.pdf keeps its bytes (cmp), nothing damaged left"
    umount "$disk"
  done
  ;;

enospc-shim)
  # The same promises on machines that cannot mount: the disk "fills" after a
  # byte budget (write_fault_shim.c).
  "$folio" "${sample[@]}" -o "$work/full.pdf" || fail "the sample does not render"
  size=$(stat -c %s "$work/full.pdf")
  cp "$work/full.pdf" "$work/keep.pdf"
  for budget in 0 4096 $((size / 2)) $((size - 1)); do
    LD_PRELOAD="$shim" FOLIO_FAULT_WRITE_BUDGET=$budget "$folio" "${sample[@]}" \
      -o "$work/keep.pdf" >"$work/out" 2>&1
    expect_code 3 $? "budget $budget"
    expect_in "$work/out" "cannot write \`$work/keep.pdf\`: " "budget $budget"
    expect_in "$work/out" "No space left on device" "budget $budget"
    cmp -s "$work/keep.pdf" "$work/full.pdf" || fail "budget $budget: keep.pdf lost its bytes"
  done
  LD_PRELOAD="$shim" FOLIO_FAULT_WRITE_BUDGET=$((size * 20)) "$folio" "${sample[@]}" \
    -o "$work/fits.pdf" >/dev/null 2>&1
  expect_code 0 $? "a budget the file fits in"
  # A tagged PDF is written in stages: cairo's file, the finishing pass's
  # update appended to it, then (for a long document) a compacted copy that
  # replaces it. The smallest budget a document renders in (found by
  # bisection) less one byte fails its last stage; less the finished file's
  # size too, the update. The leaflet has a bleed and is too small to be
  # compacted; the long table is compacted.
  leaflet=(render "$source_dir/layouts/leaflet.toml" --data "$source_dir/data/ceop-2008-09.toml" -q)
  table=(render "$source_dir/layouts/long-table.toml" -q)
  for document in leaflet table; do
    declare -n args=$document
    "$folio" "${args[@]}" -o "$work/$document.pdf" || fail "the $document does not render"
    final=$(stat -c %s "$work/$document.pdf")
    low=$final high=$((final * 20))
    while ((low < high)); do
      mid=$(((low + high) / 2))
      if LD_PRELOAD="$shim" FOLIO_FAULT_WRITE_BUDGET=$mid "$folio" "${args[@]}" \
        -o "$work/fits.pdf" >/dev/null 2>&1; then high=$mid; else low=$((mid + 1)); fi
    done
    stages=("append to:$((low - 1))")
    [[ $document == table ]] && stages=("compact:$((low - 1))" "append to:$((low - final - 1))")
    for stage in "${stages[@]}"; do
      LD_PRELOAD="$shim" FOLIO_FAULT_WRITE_BUDGET=${stage#*:} "$folio" "${args[@]}" \
        -o "$work/$document-2.pdf" >"$work/out" 2>&1
      expect_code 3 $? "$document, failing to ${stage%%:*} the PDF"
      expect_in "$work/out" "No space left on device" "$document, failing to ${stage%%:*} the PDF"
      expect_in "$work/out" "cannot ${stage%%:*} the PDF" "$document, failing to ${stage%%:*} the PDF"
      [ ! -e "$work/$document-2.pdf" ] || fail "a damaged $document-2.pdf was left"
    done
    unset -n args
  done
  # Output on stdout is checked too.
  "$folio" schema >/dev/full 2>"$work/out"
  expect_code 3 $? "schema > /dev/full"
  expect_in "$work/out" "cannot write to standard output: No space left on device" "schema > /dev/full"
  no_temporaries "$work"
  echo "shim: budgets 0..$((size - 1)) of $size bytes refused, keep.pdf unchanged"
  ;;

bulk-full)
  # 200 documents onto a filesystem that fills after about 50 of them.
  if [ "${FOLIO_FAULTS_IN_NAMESPACE:-}" != 1 ] && can_mount_tmpfs; then
    rm -rf "$work"
    FOLIO_FAULTS_IN_NAMESPACE=1 exec unshare -m "$0" "$@"
  fi
  make_bulk_inputs 200
  "$folio" render "$work/small.toml" --data "$work/data/r001.toml" -q -o "$work/one.pdf" ||
    fail "the small layout does not render"
  doc=$(stat -c %s "$work/one.pdf")
  out="$work/out-pdfs"
  mkdir -p "$out"
  if [ "${FOLIO_FAULTS_IN_NAMESPACE:-}" = 1 ]; then
    # tmpfs counts whole 4 KiB pages per file.
    pages=$(((doc + 4095) / 4096))
    mount -t tmpfs -o "size=$((pages * 4 * 50))k" folio-test "$out" || fail "mount"
    mounts+=("$out")
    how="a $((pages * 4 * 50)) KiB tmpfs"
    run=("$folio")
  else
    how="the write-fault shim (cannot mount a tmpfs here)"
    run=(env LD_PRELOAD="$shim" FOLIO_FAULT_WRITE_BUDGET=$((doc * 50 + doc / 2)) "$folio")
  fi
  "${run[@]}" render "$work/small.toml" --each "$work/data/*.toml" -j 2 -q \
    -o "$out/{{ source.stem }}.pdf" >"$work/out" 2>&1
  code=$?
  expect_code 3 $code "bulk build onto a full disk"
  whole=$(every_pdf_whole "$out")
  listed=$(grep -c '^  failed: ' "$work/out")
  [ "$whole" -ge 40 ] && [ "$whole" -le 60 ] || fail "$whole documents written, expected about 50"
  [ $((whole + listed)) -eq 200 ] || fail "$whole written + $listed listed as failed != 200"
  expect_in "$work/out" "$((200 - whole)) of 200 documents failed ($((200 - whole)) could not be written): $whole written" "summary"
  expect_in "$work/out" "No space left on device" "bulk build onto a full disk"
  no_temporaries "$out"
  # --fail-fast stops at the first write failure (the disk is still full; the
  # shim gives each process a fresh budget, so there the stop comes later).
  "${run[@]}" render "$work/small.toml" --each "$work/data/*.toml" -j 1 -q --fail-fast \
    -o "$out/{{ source.stem }}-again.pdf" >"$work/out" 2>&1
  expect_code 3 $? "--fail-fast onto a full disk"
  expect_in "$work/out" "not rendered after --fail-fast" "--fail-fast onto a full disk"
  [ "$(grep -c '^  failed: ' "$work/out")" -le 2 ] || fail "--fail-fast went on after a failure"
  echo "bulk onto $how: exit $code, $whole PDFs whole (qpdf --check), $listed listed as failed"
  ;;

kill)
  # SIGKILL mid-build: what is there is whole, and the next run removes the
  # temporary files the killed one left.
  make_bulk_inputs 150
  out="$work/out-pdfs"
  "$folio" render "$work/small.toml" --each "$work/data/*.toml" -j 2 -q \
    -o "$out/{{ source.stem }}.pdf" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do  # up to 30 s for the first PDF
    [ -n "$(ls "$out" 2>/dev/null | head -3)" ] && break
    sleep 0.01
  done
  kill -KILL $pid
  wait $pid 2>/dev/null
  before=$(every_pdf_whole "$out")
  [ "$before" -lt 150 ] || fail "the build finished before it was killed"
  temps=$(find "$out" -name '*.tmp*' | wc -l)
  # A temporary file as a killed run leaves it, in case the kill missed a write.
  host_tag=$(ls -a "$out" | sed -n 's/^\.r[0-9]*\.pdf\.\(.*\)\.[0-9]*-[0-9]*\.tmp$/\1/p' | head -1)
  [ -n "$host_tag" ] || host_tag=$(hostname | tr -c 'A-Za-z0-9_\n-' _)
  touch "$out/.r001.pdf.$host_tag.$pid-7.tmp" "$out/.r002.pdf.$host_tag.$pid-8.tmp.boxes"
  "$folio" render "$work/small.toml" --each "$work/data/*.toml" -j 2 -q \
    -o "$out/{{ source.stem }}.pdf" >"$work/out" 2>&1
  expect_code 0 $? "the run after the kill"
  after=$(every_pdf_whole "$out")
  [ "$after" -eq 150 ] || fail "$after documents after the second run, expected 150"
  no_temporaries "$out"
  echo "killed with $before whole PDFs and $temps temporary files; the next run wrote all 150 and removed them"
  ;;

signal)
  # SIGTERM and SIGINT stop a build cleanly: no temporary file, every PDF whole.
  make_bulk_inputs 300
  for sig in TERM INT; do
    out="$work/out-$sig"
    # A script's background job starts with SIGINT ignored (and folio keeps an
    # ignored signal ignored): python restores the default first. -j 1 keeps
    # the build long enough.
    python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
      "$folio" render "$work/small.toml" --each "$work/data/*.toml" -j 1 -q \
      -o "$out/{{ source.stem }}.pdf" >"$work/out" 2>&1 &
    pid=$!
    for _ in $(seq 1 3000); do  # up to 30 s for the first PDF
      [ -n "$(ls "$out" 2>/dev/null | head -3)" ] && break
      sleep 0.01
    done
    kill -$sig $pid
    wait $pid
    code=$?
    want=$((128 + $(kill -l $sig)))
    expect_code $want $code "SIG$sig"
    expect_in "$work/out" "not rendered after SIG$sig" "SIG$sig"
    written=$(every_pdf_whole "$out")
    expect_in "$work/out" "stopped: $written of 300 documents written" "SIG$sig"
    no_temporaries "$out"
    echo "SIG$sig: exit $code, $written whole PDFs, no temporary file"
  done
  ;;

unprivileged)
  [ "$(id -u)" = 0 ] || skip "needs root to switch to the user nobody (it runs as $(id -un))"
  command -v setpriv >/dev/null || skip "setpriv (util-linux) is missing"
  as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$work/home"
    XDG_CACHE_HOME="$work/home/cache")
  mkdir -p "$work/home" && chown nobody:nogroup "$work/home"
  "${as_nobody[@]}" test -x "$folio" -a -r "$source_dir/layouts/annual-review.toml" ||
    skip "the user nobody cannot reach $folio or $source_dir"
  # A read-only folder (owned by root, mode 755) with a file nobody may not replace.
  mkdir -p "$work/readonly" && chmod 755 "$work/readonly"
  echo "old bytes" >"$work/readonly/keep.pdf"
  "${as_nobody[@]}" "$folio" "${sample[@]}" -o "$work/readonly/keep.pdf" >"$work/out" 2>&1
  expect_code 3 $? "a read-only folder"
  expect_in "$work/out" "cannot write \`$work/readonly/keep.pdf\`: Permission denied" "a read-only folder"
  [ "$(cat "$work/readonly/keep.pdf")" = "old bytes" ] || fail "keep.pdf changed"
  no_temporaries "$work/readonly"
  # An unreadable data file.
  cp "$source_dir/data/ceop-2008-09.toml" "$work/secret.toml" && chmod 600 "$work/secret.toml"
  "${as_nobody[@]}" "$folio" render "$source_dir/layouts/annual-review.toml" \
    --data "$work/secret.toml" -o "$work/home/x.pdf" >"$work/out" 2>&1
  expect_code 1 $? "an unreadable data file"
  expect_in "$work/out" "Permission denied" "an unreadable data file"
  # A bulk build into a read-only folder: every document fails, none is half-written.
  make_bulk_inputs 5
  chmod -R a+rX "$work/data" "$work/small.toml"
  "${as_nobody[@]}" "$folio" render "$work/small.toml" --each "$work/data/*.toml" -q \
    -o "$work/readonly/{{ source.stem }}.pdf" >"$work/out" 2>&1
  expect_code 3 $? "a bulk build into a read-only folder"
  expect_in "$work/out" "5 of 5 documents failed (5 could not be written): 0 written" "bulk, read-only"
  # An unreadable data file among them fails only its own document.
  chmod 600 "$work/data/r003.toml"
  "${as_nobody[@]}" "$folio" render "$work/small.toml" --each "$work/data/*.toml" -q \
    -o "$work/home/out/{{ source.stem }}.pdf" >"$work/out" 2>&1
  expect_code 1 $? "a bulk build with an unreadable data file"
  expect_in "$work/out" "1 of 5 documents failed: 4 written" "bulk, unreadable input"
  echo "as nobody: read-only folder, unreadable inputs: clear errors, nothing clobbered"
  ;;

*)
  echo "unknown case $case_name"
  exit 2
  ;;
esac

[ "$failures" -eq 0 ] || exit 1

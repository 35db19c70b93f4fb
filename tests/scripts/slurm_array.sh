#!/usr/bin/env bash
# The Slurm array of docs/cluster.md on a real (single-node) Slurm:
#
#   tests/scripts/slurm_array.sh FOLIO_BINARY
#
# Starts a private cluster (scripts/slurm-local.sh), writes a layout and 200
# data files, one of them broken, and submits `sbatch --array=0-3` running
# `folio render ... --each ... -j 0`, which takes its shard from Slurm's
# variables. Then checks that every document was written exactly once (once
# across the four tasks' logs, one PDF each), that each task took the share
# docs/cluster.md describes, and that the broken data file failed only its own
# array task (FAILED in Slurm, exit 1), the three others COMPLETED.
#
# Exit 0: passed; 1: failed; 77: Slurm cannot start here (the reason is
# printed; ctest reports the test as skipped, never as passed).
set -euo pipefail
folio=$(realpath "${1:?usage: slurm_array.sh FOLIO_BINARY}")
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/folio-slurm-XXXXXX)
cluster=$work/cluster

cleanup() {
  "$repo/scripts/slurm-local.sh" stop "$cluster" || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "slurm_array: FAILED: $*" >&2
  for log in "$work"/reports/logs/*.log; do [[ -f $log ]] && { echo "--- $log" >&2; tail -5 "$log" >&2; }; done
  exit 1
}

set +e
"$repo/scripts/slurm-local.sh" start "$cluster"
status=$?
set -e
if [[ $status -eq 77 ]]; then
  echo "slurm_array: SKIPPED: no Slurm on this machine (see the reason above)" >&2
  exit 77
fi
[[ $status -eq 0 ]] || fail "scripts/slurm-local.sh start exited $status"
export SLURM_CONF=$cluster/slurm.conf

# The shared folder of docs/cluster.md: a layout, its common data, 200 regions.
reports=$work/reports
mkdir -p "$reports/layouts" "$reports/data/regions" "$reports/logs"
cat > "$reports/layouts/leaflet.toml" <<'EOF'
[document]
size = "A6"
margins = "10mm"

[[block]]
type = "heading"
level = 1
text = "{{ region.name }}"

[[block]]
type = "paragraph"
text = "{{ year }}: {{ stats.children | number }} children safeguarded."
EOF
echo 'year = "2024/25"' > "$reports/data/common.toml"
for i in $(seq -w 1 200); do
  printf '[region]\nname = "Region %s"\nslug = "region-%s"\n[stats]\nchildren = %d\n' \
    "$i" "$i" "$((1000 + 10#$i))" > "$reports/data/regions/r$i.toml"
done
# Document 137 (sorted), in the third share of four (101-150): array task 2.
printf '[region]\nname = "Region 137\nslug = "region-137"\n' > "$reports/data/regions/r137.toml"

# docs/cluster.md's leaflets.sbatch, at this scale: four tasks, one CPU each.
cat > "$work/leaflets.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=leaflets
#SBATCH --array=0-3
#SBATCH --cpus-per-task=1
#SBATCH --time=00:05:00
#SBATCH --output=logs/leaflets-%A_%a.log

cd "$reports"
"$folio" render layouts/leaflet.toml --data data/common.toml \\
  --each 'data/regions/*.toml' -o 'out/{{ region.slug }}.pdf' -j 0
EOF

cd "$reports"
set +e
job=$(timeout 120 sbatch --parsable --wait "$work/leaflets.sbatch")
sbatch_status=$?
set -e
job=${job%%;*}
[[ -n $job ]] || fail "sbatch did not submit the job (exit $sbatch_status)"
[[ $sbatch_status -ne 124 ]] || fail "the array did not finish within 120 s"
# --wait: the highest exit code of the tasks, so 1 for the broken document.
[[ $sbatch_status -eq 1 ]] || fail "sbatch --wait exited $sbatch_status, not 1"

# Slurm's own record of each array task.
states=$(scontrol show job -o "$job" | sed -E 's/.*ArrayTaskId=([0-9]+) .*JobState=([A-Z]+) .*ExitCode=([0-9]+):.*/\1 \2 \3/' | sort)
expected=$'0 COMPLETED 0\n1 COMPLETED 0\n2 FAILED 1\n3 COMPLETED 0'
[[ $states == "$expected" ]] || fail "array task states are"$'\n'"$states"$'\n'"not"$'\n'"$expected"

# Each task took its share of the sorted list, from Slurm's variables.
for task in 0 1 2 3; do
  log=logs/leaflets-${job}_$task.log
  [[ -f $log ]] || fail "no log $log"
  first=$((task * 50 + 1)) last=$((task * 50 + 50))
  grep -q "shard $((task + 1))/4 from Slurm array job (documents $first-$last of 200)" "$log" ||
    fail "task $task did not render documents $first-$last: $(head -1 "$log")"
done

# Every document exactly once: each output in exactly one task's log, one PDF each.
written=$(cat logs/*.log | grep -E '^\[[0-9]+/50\] out/region-[0-9]+\.pdf$' | sed 's/^\[[0-9]*\/50\] //' | sort)
[[ $(wc -l <<< "$written") -eq 199 ]] || fail "$(wc -l <<< "$written") documents logged as written, not 199"
[[ -z $(uniq -d <<< "$written") ]] || fail "written more than once: $(uniq -d <<< "$written" | head -3)"
on_disk=$(cd out && ls | sed 's|^|out/|' | sort)
[[ $written == "$on_disk" ]] || fail "the PDFs in out/ are not the 199 the logs list"
[[ ! -e out/region-137.pdf ]] || fail "the broken document has a PDF"
grep -q "FAILED data/regions/r137.toml" "logs/leaflets-${job}_2.log" || fail "task 2's log does not list r137.toml as failed"
grep -q "data/regions/r137.toml:2:" "logs/leaflets-${job}_2.log" || fail "task 2's log does not give r137.toml's position"
for task in 0 1 3; do
  ! grep -q "r137" "logs/leaflets-${job}_$task.log" || fail "task $task mentions r137.toml"
done
pages=$(pdftotext out/region-042.pdf - | tr -s '\n' ' ')
[[ $pages == *"Region 042"*"2024/25: 1,042 children safeguarded."* ]] || fail "out/region-042.pdf reads: $pages"
echo "slurm_array: passed: job $job, 4 array tasks, 199 documents written once each, r137.toml failed only task 2"

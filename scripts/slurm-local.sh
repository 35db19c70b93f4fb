#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for tests (tests/scripts/slurm_array.sh):
#
#   scripts/slurm-local.sh start DIR   # writes DIR/slurm.conf, starts munged, slurmctld, slurmd
#   export SLURM_CONF=DIR/slurm.conf   # then sbatch, squeue, scontrol use it
#   scripts/slurm-local.sh stop DIR
#
# Everything lives in DIR: the configuration (this machine's host name and
# CPUs), a fresh MUNGE key and socket, state, spool, logs and PID files, on two
# free TCP ports. The system's own Slurm or MUNGE (if any) is not touched.
# Needs root (slurmd starts jobs as their user) and Debian's slurmctld, slurmd,
# slurm-client and munge (scripts/setup.sh installs them).
#
# Exit status of `start`: 0 when the node is up and idle; 77 (and why, on
# stderr) when Slurm cannot run here: not root, a program missing, a daemon
# that does not start; the test that called it then reports itself skipped.
set -euo pipefail

cannot() {
  echo "slurm-local: Slurm cannot start here: $*" >&2
  exit 77
}

stop() {
  local dir=$1
  for daemon in slurmd slurmctld munged; do
    local pid_file=$dir/$daemon.pid
    [[ -f $pid_file ]] || continue
    local pid; pid=$(cat "$pid_file")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

start() {
  local dir; dir=$(realpath "$1")
  [[ $(id -u) -eq 0 ]] || cannot "it needs root (slurmd runs jobs as their user)"
  for program in munged slurmctld slurmd sbatch sinfo scontrol; do
    command -v "$program" >/dev/null || cannot "\`$program\` is not installed (scripts/setup.sh installs slurmctld, slurmd, slurm-client and munge)"
  done
  mkdir -p "$dir/state" "$dir/spool"
  chmod 700 "$dir"

  head -c 1024 /dev/urandom > "$dir/munge.key"
  chmod 400 "$dir/munge.key"
  munged --force --key-file="$dir/munge.key" --socket="$dir/munge.sock" \
    --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munged.seed" ||
    cannot "munged did not start: $(tail -3 "$dir/munged.log" 2>/dev/null)"

  # Two free ports, so this cluster never meets another on the machine.
  local ports
  ports=$(python3 -c '
import socket
held = [socket.socket() for _ in range(2)]
for s in held: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in held))')
  local ctld_port=${ports% *} slurmd_port=${ports#* }
  local host; host=$(hostname -s)
  cat > "$dir/slurm.conf" <<EOF
# Written by scripts/slurm-local.sh for $(hostname): one node, $(nproc) CPUs.
ClusterName=folio-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge.sock
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
# No cgroups: containers and CI machines rarely delegate them.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# Finished jobs stay visible to scontrol for 10 minutes (no accounting daemon).
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=folio Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF=$dir/slurm.conf
  # -i: ignore any state a previous cluster left in this folder.
  slurmctld -i -f "$SLURM_CONF" || { stop "$dir"; cannot "slurmctld did not start: $(tail -3 "$dir/slurmctld.log" 2>/dev/null)"; }
  slurmd -f "$SLURM_CONF" || { stop "$dir"; cannot "slurmd did not start: $(tail -3 "$dir/slurmd.log" 2>/dev/null)"; }
  for _ in $(seq 100); do
    if [[ $(timeout 5 sinfo -h -o %t 2>/dev/null) == idle ]]; then
      echo "slurm-local: node $host up ($(nproc) CPUs), SLURM_CONF=$SLURM_CONF" >&2
      return 0
    fi
    sleep 0.2
  done
  local why; why=$(tail -3 "$dir/slurmd.log" "$dir/slurmctld.log" 2>/dev/null)
  stop "$dir"
  cannot "the node did not become idle within 20 s: $why"
}

case ${1:-} in
  start) start "${2:?usage: slurm-local.sh start DIR}" ;;
  stop) stop "${2:?usage: slurm-local.sh stop DIR}" ;;
  *) echo "usage: slurm-local.sh start|stop DIR" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Checks the VM runner's own failure detection (KTAP): the guest command's exit status comes
# out; a kernel WARNING on the console fails the run even when the command succeeded; a hung
# guest is stopped at the timeout and fails, saying what its vCPUs were doing.
#   scripts/vm-selftest.sh KDIR
source "$(dirname "$0")/lib.sh"
kdir=$1
vm=$KAPI_ROOT/scripts/vm.sh
. "$KAPI_ROOT/selftests/tap_core.sh"
# t DESCRIPTION STATUS COMMAND...: ok if COMMAND exits with STATUS.
t() {
	local desc=$1 want=$2; shift 2
	local got=0
	"$@" >/dev/null 2>&1 || got=$?
	if [ "$got" = "$want" ]; then ok "$desc"; else nok "$desc (exit $got, want $want)"; fi
}
t "runner passes the guest command's exit status (3)" 3 "$vm" --kdir "$kdir" --timeout 120 -- 'exit 3'
t "runner succeeds for a succeeding command" 0 "$vm" --kdir "$kdir" --timeout 120 -- true
t "a kernel WARNING on the console fails the run" 1 "$vm" --kdir "$kdir" --timeout 120 -- \
	'echo "WARNING: CPU: 0 PID: 1 at selftest" > /dev/kmsg; true'
t "a hung guest fails at the timeout" 1 "$vm" --kdir "$kdir" --timeout 10 -- 'sleep 600'
# A guest busy in user space: the timeout's report names the vCPU's state and the guest kernel's
# sysrq backtrace of it (the CPU's registers, with the task's name).
err=$("$vm" --kdir "$kdir" --timeout 15 -- 'while :; do :; done' 2>&1 >/dev/null) && got=0 || got=$?
if [ "$got" = 1 ] && grep -q 'CPU [0-9]*: in user space' <<<"$err" && grep -q 'sysrq: Show backtrace of all active CPUs' <<<"$err"; then
	ok "a guest busy at the timeout says where each vCPU was, with sysrq backtraces"
else
	nok "a guest busy at the timeout says where each vCPU was, with sysrq backtraces (exit $got)"
	sed 's/^/# /' <<<"$err" | tail -n 60
fi
done_testing


#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make stress`: the reliability runs of selftests/kapi_stress.sh in one VM boot (load/unload
# cycles under load, seeded argument fuzzing, bad control-file input, unprivileged access and
# flood, failslab on module load), then a summary of what was tried and found. Exits non-zero if
# a check failed or the kernel reported a problem.
#
#   scripts/stress.sh --kdir DIR --module KO [--cpus N]
#
# Environment: CYCLES (default 200), FUZZ_CALLS (per syscall, default 2000), SEED (default 1),
# FAIL_MAX (most fail-nth loads, default 1000).
source "$(dirname "$0")/lib.sh"

vm_run_args "$@"
numbers CYCLES FUZZ_CALLS SEED FAIL_MAX
work=$(mktemp -d "${TMPDIR:-/tmp}/kapi-stress.XXXXXX")
trap 'rm -rf "$work"' EXIT
env="CYCLES=${CYCLES:-200} FUZZ_CALLS=${FUZZ_CALLS:-2000} SEED=${SEED:-1} FAIL_MAX=${FAIL_MAX:-1000}"
rc=0
"$KAPI_ROOT/scripts/vm.sh" --kdir "$kdir" --module "$module" --cpus "$cpus" --enable 0 \
	--timeout 1800 --log "$work/console.log" -- "$env /kapi/selftests/kapi_stress.sh" || rc=$?
out=$(tr -d '\r' <"$work/console.log")
echo
echo "== make stress on $(basename "$kdir"), $cpus vCPUs, $env"
printf '%s\n' "$out" | sed -n 's/^# stress: /  /p'
printf '%s\n' "$out" | grep '^not ok ' | sed 's/^/  FAILED: /' || true
echo "  $(printf '%s\n' "$out" | grep -c '^ok ') passed, $(printf '%s\n' "$out" | grep -c '^not ok ') failed"
exit "$rc"

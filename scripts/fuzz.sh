#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make fuzz`: oracle fuzzing of every spec in one VM boot (selftests/kapi_oracle_fuzz.sh), then
# what was tried and found: calls, children, child deaths, disagreements (each with its
# reproducer) and the findings of selftests/FINDINGS.md they matched. Exits non-zero if a
# disagreement is not a recorded finding or the kernel reported a problem.
#
#   scripts/fuzz.sh --kdir DIR --module KO [--cpus N]
#
# Environment: CALLS (in all, default 1000000), SEED (default 1), FUZZ_TIMEOUT (seconds,
# default 5400).
source "$(dirname "$0")/lib.sh"

vm_run_args "$@"
numbers CALLS SEED FUZZ_TIMEOUT
[ -f "$KAPI_ROOT/selftests/build/kapi_fuzz.txt" ] ||
	die "selftests/build/kapi_fuzz.txt is missing: run 'make selftests' (kapi cases writes it)"
work=$(mktemp -d "${TMPDIR:-/tmp}/kapi-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
env="CALLS=${CALLS:-1000000} SEED=${SEED:-1}"
rc=0
"$KAPI_ROOT/scripts/vm.sh" --kdir "$kdir" --module "$module" --cpus "$cpus" --enable 0 \
	--timeout "${FUZZ_TIMEOUT:-5400}" --log "$work/console.log" -- \
	"$env /kapi/selftests/kapi_oracle_fuzz.sh" || rc=$?
out=$(tr -d '\r' <"$work/console.log")
echo
echo "== make fuzz on $(basename "$kdir"), $cpus vCPUs, $env"
printf '%s\n' "$out" | sed -n 's/^# fuzz /  /p'
printf '%s\n' "$out" | grep -A1 '^# DISAGREE' | sed 's/^# /  /' || true
printf '%s\n' "$out" | sed -n 's/^# kapi_fuzz: /  /p'
printf '%s\n' "$out" | grep '^not ok ' | sed 's/^/  FAILED: /' || true
echo "  $(printf '%s\n' "$out" | grep -c '^ok ') passed, $(printf '%s\n' "$out" | grep -c '^not ok ') failed"
exit "$rc"

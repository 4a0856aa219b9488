#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Oracle fuzzing of every spec (TAP): kapi_fuzz makes CALLS calls (default 100000) spread over
# every spec'd syscall, arguments drawn from the pools `kapi cases` derived from the specs
# (kapi_fuzz.txt), seeded by SEED (default 1), in child processes. It fails on any report of
# the kernel disagreeing with a spec that selftests/FINDINGS.md does not record as a finding
# (its fuzz-allow block, fuzz_allow.txt in the build); each such report comes with a one-line
# reproducer (`kapi_fuzz --replay SYSCALL:INDEX kapi_fuzz.txt SEED`).
. "$(dirname "$0")/tap.sh"
module_ready || exit 1

pools=$SELF/kapi_fuzz.txt
SEED=${SEED:-1}
CALLS=${CALLS:-100000}
if [ ! -f "$pools" ]; then
	skip "oracle fuzzing of every spec" "kapi_fuzz.txt was not generated (kapi cases)"
	done_testing
	exit
fi

validator_on
out=$("$SELF"/kapi_fuzz --allow "$SELF"/fuzz_allow.txt "$pools" "$SEED" "$CALLS" 2>&1)
rc=$?
# The per-syscall lines as diagnostics; the reproducers and the summary are comments already.
printf '%s\n' "$out" | sed '/^# /!s/^/# /'
summary=$(printf '%s\n' "$out" | sed -n 's/^# kapi_fuzz: \(seed=.*\)/\1/p' | head -n 1)
check "oracle fuzzing of every spec: ${summary:-no summary (kapi_fuzz exit $rc)}" test "$rc" = 0
echo 0 > $TRACE/events/$KAPI_TRACE_EVENT/enable
validator_restore
done_testing

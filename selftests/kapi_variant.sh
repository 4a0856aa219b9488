#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The exit-side checks, with the test variant of the module (selftests/variant/: specs that are
# wrong on purpose, one known disagreement each): an undeclared errno, an oracle mismatch on the
# errno, a success after a broken constraint, and a success value outside the return spec are
# each reported exactly once, in dmesg and in the trace buffer, and counted. The real module is
# loaded again at the end.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/report.sh"

VARIANT=/work/kapi_validator-variant.ko
REAL=/kapi/kapi_validator.ko
if [ ! -f $VARIANT ]; then
	skip "test-variant tests" "$VARIANT not in the guest (make vm-test builds it)"
	done_testing
	exit
fi

restore() {
	rmmod kapi_validator 2>/dev/null
	insmod $REAL enabled=0
}
rmmod kapi_validator
check "the test variant loads with enabled=1" insmod $VARIANT enabled=1
check "the test variant lists its 3 specs" grep -q '^Total: 3 specifications' $DBG/list
echo 1 > $TRACE/events/$KAPI_TRACE_EVENT/enable
echo 0 > $DBG/stats

run mlock2_at 0x10000 4096 0
check "mlock2 on an unmapped page fails with ENOMEM" test "$OUT" = "mlock2 = -1 ENOMEM (Cannot allocate memory)"
expect "undeclared errno: ENOMEM from mlock2" \
	'syscall=mlock2 nr=325 comm=mlock_calls kind=undeclared_errno param=- value=0x0 allowed="declared: EINVAL EPERM" ret=-12 errno=ENOMEM'

run mlock2 4096 0x80
expect "oracle: bad flags give EINVAL, the variant says EPERM" \
	'syscall=mlock2 nr=325 comm=mlock_calls kind=arg param=flags value=0x80 allowed="mask 0x1" ret=- errno=-' \
	'syscall=mlock2 nr=325 comm=mlock_calls kind=oracle_errno param=flags value=0x80 allowed="EPERM (mask 0x1)" ret=-22 errno=EINVAL'

run munlock 8192
check "munlock(page, 8192) succeeds" test "$OUT" = "munlock = 0"
expect "oracle: success after a broken constraint" \
	'syscall=munlock nr=150 comm=mlock_calls kind=arg param=len value=0x2000 allowed="range [0, 0x1000]" ret=- errno=-' \
	'syscall=munlock nr=150 comm=mlock_calls kind=oracle_success param=len value=0x2000 allowed="EINVAL (range [0, 0x1000])" ret=0 errno=-'

run sched_getscheduler
check "sched_getscheduler(0) returns SCHED_OTHER (0)" test "$OUT" = "sched_getscheduler = 0"
expect "success value outside the return spec" \
	'syscall=sched_getscheduler nr=145 comm=mlock_calls kind=bad_success param=- value=0x0 allowed="range [1, 5]" ret=0 errno=-'

counts="$(count mlock2 arg) $(count mlock2 undeclared_errno) $(count mlock2 oracle_errno)"
counts="$counts $(count munlock arg) $(count munlock oracle_success) $(count sched_getscheduler bad_success)"
check "stats count each kind exactly (mlock2 arg, undeclared, oracle_errno; munlock arg, oracle_success; sched_getscheduler bad_success: $counts)" \
	test "$counts" = "1 1 1 1 1 1"

echo 0 > $TRACE/events/$KAPI_TRACE_EVENT/enable
check "the test variant unloads while enabled" rmmod kapi_validator
check "the real module loads again" insmod $REAL enabled=0
grep -q '^kapi_validator ' /proc/modules || restore
done_testing

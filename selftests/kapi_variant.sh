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
check "the test variant lists its 10 specs (3 wrong on purpose, 7 real ones for kapi_threads)" \
	grep -q '^Total: 10 specifications' $DBG/list
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

# Every exit judged at any concurrency: 10,000 threads blocked at once in read() and
# epoll_wait() while another process makes calls, two calls judged wrongly on purpose made
# meanwhile, then all woken (kapi_threads.c). Its counts are exact: made = calls = exits.
THREADS=10000
echo $((THREADS * 2 + 1000)) > /proc/sys/kernel/threads-max
dmesg -c >/dev/null
echo > $TRACE/trace
PID=$(sh -c 'echo $$ >&2; exec '"$SELF"'/kapi_threads '$THREADS' >/tmp/kapi-threads.out 2>&1' 2>&1)
rc=$?
OUT=$(cat /tmp/kapi-threads.out)
echo "$OUT" | sed 's/^/# /'
check "kapi_threads: $THREADS threads blocked at once (exit status $rc)" \
	sh -c "test $rc = 0 && grep -q '^blocked=$THREADS of $THREADS ' /tmp/kapi-threads.out"
for s in read write epoll_wait epoll_create1 epoll_ctl eventfd2 pipe2 mlock2 munlock; do
	line=$(grep "^count $s " /tmp/kapi-threads.out)
	made=$(field made "$line") calls=$(field calls "$line") exits=$(field exits "$line")
	check "kapi_threads $s: made $made, calls $calls, exits $exits, untracked $(field untracked "$line")" \
		test -n "$made" -a "$made" -gt 0 -a "$made" = "$calls" -a "$made" = "$exits" \
		-a "$(field untracked "$line")" = 0
done
expect "the oracle verdicts of two calls made while $THREADS threads are blocked" \
	'syscall=mlock2 nr=325 comm=kapi_threads kind=arg param=flags value=0x80 allowed="mask 0x1" ret=- errno=-' \
	'syscall=mlock2 nr=325 comm=kapi_threads kind=oracle_errno param=flags value=0x80 allowed="EPERM (mask 0x1)" ret=-22 errno=EINVAL' \
	'syscall=munlock nr=150 comm=kapi_threads kind=arg param=len value=0x2000 allowed="range [0, 0x1000]" ret=- errno=-' \
	'syscall=munlock nr=150 comm=kapi_threads kind=oracle_success param=len value=0x2000 allowed="EINVAL (range [0, 0x1000])" ret=0 errno=-'

echo 0 > $TRACE/events/$KAPI_TRACE_EVENT/enable
check "the test variant unloads while enabled" rmmod kapi_validator
check "the real module loads again" insmod $REAL enabled=0
grep -q '^kapi_validator ' /proc/modules || restore
done_testing

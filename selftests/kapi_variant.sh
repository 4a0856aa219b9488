#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The exit-side checks, with the test variant of the module (selftests/variant/: specs that are
# wrong on purpose, one known disagreement each): an undeclared errno, an oracle mismatch on the
# errno, a success after a broken constraint, and a success value outside the return spec are
# each reported exactly once, in dmesg and in the trace buffer, and counted. The real module is
# loaded again at the end.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/report.sh"
module_ready || exit 1

VARIANT=$VARIANT_KO
REAL=$KO
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

# dmesg: one rate limit per kind of report, arg reports at KERN_INFO and disagreements at
# KERN_WARNING, and the kinds printed chosen in dmesg_kinds (the counters and the trace event
# get every report): a flood of arg reports does not hide the disagreement after it
# (kapi_flood.c: FLOOD bad reads, then mlock2 on an unmapped page, undeclared ENOMEM here).
FLOOD=3000
reports() { dmesg -r | grep -F "$KAPI_DMESG_MARKER"; }
flood() {
	dmesg -c >/dev/null
	echo 0 > $DBG/stats
	out=$("$SELF"/kapi_flood $FLOOD 2>&1)
	check "kapi_flood: $FLOOD bad reads, then mlock2 on an unmapped page ($out)" \
		test "$out" = "flood=$FLOOD read=EBADF mlock2=ENOMEM"
	check "... all $FLOOD arg reports counted ($(count read arg)), and the undeclared errno" \
		test "$(count read arg) $(count mlock2 undeclared_errno)" = "$FLOOD 1"
}
check "dmesg_kinds: every kind by default" test "$(cat $DBG/dmesg_kinds)" = "$KAPI_KINDS"
flood
args=$(reports | grep -c "kind=arg")
check "the flood's arg reports are rate-limited in dmesg ($args lines, at most 10)" test "$args" -le 10
check "the disagreement after a flood of $FLOOD arg reports is in dmesg" \
	sh -c "dmesg | grep -F '$KAPI_DMESG_MARKER' | grep -q 'syscall=mlock2 .*kind=undeclared_errno'"
check "arg reports at KERN_INFO (<6>), disagreements at KERN_WARNING (<4>)" sh -c "
	test \"\$(dmesg -r | grep -F '$KAPI_DMESG_MARKER' | grep 'kind=arg' | grep -vc '^<6>')\" = 0 &&
	dmesg -r | grep -F '$KAPI_DMESG_MARKER' | grep 'kind=undeclared_errno' | grep -q '^<4>'"
check "dmesg_kinds: writing the disagreement kinds" write $DBG/dmesg_kinds "$KAPI_DISAGREEMENT_KINDS"
check "dmesg_kinds: reads them back" test "$(cat $DBG/dmesg_kinds)" = "$KAPI_DISAGREEMENT_KINDS"
flood
check "... no arg report in dmesg, the disagreement is" sh -c "
	test \"\$(dmesg | grep -F '$KAPI_DMESG_MARKER' | grep -c 'kind=arg')\" = 0 &&
	dmesg | grep -F '$KAPI_DMESG_MARKER' | grep -q 'kind=undeclared_errno'"
for bad in "arg,bogus" "all arg" " " "none none" "ARG"; do
	check "dmesg_kinds: '$bad' is refused (EINVAL) and changes nothing" sh -c "
		! echo -n '$bad' > $DBG/dmesg_kinds 2>/dev/null &&
		test \"\$(cat $DBG/dmesg_kinds)\" = '$KAPI_DISAGREEMENT_KINDS'"
done
check "dmesg_kinds: none" write $DBG/dmesg_kinds none
check "dmesg_kinds: reads none" test "$(cat $DBG/dmesg_kinds)" = none
check "dmesg_kinds: all, comma-separated names" write $DBG/dmesg_kinds "arg,undeclared_errno,bad_success,oracle_errno,oracle_success"
check "dmesg_kinds: every kind again" test "$(cat $DBG/dmesg_kinds)" = "$KAPI_KINDS"

echo 0 > $TRACE/events/$KAPI_TRACE_EVENT/enable
check "the test variant unloads while enabled" rmmod kapi_validator
check "the variant loads with dmesg_kinds=0x2 (undeclared_errno only)" insmod $VARIANT dmesg_kinds=2
check "... and dmesg_kinds says so" test "$(cat $DBG/dmesg_kinds)" = undeclared_errno
rmmod kapi_validator
check "dmesg_kinds=0x20 (no such kind) is refused at load" sh -c "! insmod $VARIANT dmesg_kinds=0x20 2>/dev/null"
check "the real module loads again" insmod $REAL enabled=0
grep -q '^kapi_validator ' /proc/modules || restore
done_testing

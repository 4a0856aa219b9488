#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The validator on real mlock-family calls, with the real specs: valid calls produce no report;
# each broken constraint produces exactly the expected dmesg line and trace event; switching
# off stops all checking; a flood stays rate-limited in dmesg while the counters stay exact.
# Tests of a syscall whose spec is not built in are skipped.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/report.sh"
module_ready || exit 1

echo 1 > $DBG/enabled
echo 1 > $TRACE/events/$KAPI_TRACE_EVENT/enable
# dmesg lines are limited to 10 per 5 s, and earlier tests may have used this window: start a
# fresh one. The mlock2 and mlock/munlock tests report 9 violations, the mlockall ones 3 more
# after another fresh window.
sleep 5

if have mlock2; then
	run mlock2 4096 0
	expect "mlock2(page, 4096, 0): no report"
	run mlock2 4096 1
	expect "mlock2(page, 4096, MLOCK_ONFAULT): no report"
	run mlock2 4096 0x80
	expect "mlock2 flags=0x80 (EINVAL)" \
		'syscall=mlock2 nr=325 comm=mlock_calls kind=arg param=flags value=0x80 allowed="mask 0x1" ret=- errno=-'
	run mlock2 4096 0xffffffff
	expect "mlock2 flags=-1 (EINVAL): the int's 32 bits" \
		'syscall=mlock2 nr=325 comm=mlock_calls kind=arg param=flags value=0xffffffff allowed="mask 0x1" ret=- errno=-'
	# Only the low 32 bits of flags are the int: a register with junk above them is fine.
	run mlock2 4096 0x100000000
	expect "mlock2 flags=0x100000000: the upper register half is not the int's"
	run mlock2 0x8000000000000000 0
	expect "mlock2 len > LONG_MAX (ENOMEM: advisory)" \
		'syscall=mlock2 nr=325 comm=mlock_calls kind=arg param=len value=0x8000000000000000 allowed="range [0, 0x7fffffffffffffff]" ret=- errno=-'
	run mlock2_at 0xfffffffffffff000 0x2000 0
	expect "mlock2 start + len wraps (EINVAL)" \
		'syscall=mlock2 nr=325 comm=mlock_calls kind=arg param=start value=0xfffffffffffff000 allowed="start + len must not wrap" ret=- errno=-'
	check "mlock2 reported EINVAL for the wrapping range" test "$OUT" = "mlock2 = -1 EINVAL (Invalid argument)"
else
	skip "mlock2 tests" "no mlock2 spec built in"
fi

if have mlock && have munlock; then
	run mlock 4096
	expect "mlock(page, 4096): no report"
	run munlock 4096
	expect "munlock(page, 4096): no report"
	run mlock 0x8000000000000000
	expect "mlock len > LONG_MAX" \
		'syscall=mlock nr=149 comm=mlock_calls kind=arg param=len value=0x8000000000000000 allowed="range [0, 0x7fffffffffffffff]" ret=- errno=-'
	run munlock 0x8000000000000000
	expect "munlock len > LONG_MAX" \
		'syscall=munlock nr=150 comm=mlock_calls kind=arg param=len value=0x8000000000000000 allowed="range [0, 0x7fffffffffffffff]" ret=- errno=-'
	run mlock_at 0xfffffffffffff000 0x2000
	expect "mlock start + len wraps (EINVAL)" \
		'syscall=mlock nr=149 comm=mlock_calls kind=arg param=start value=0xfffffffffffff000 allowed="start + len must not wrap" ret=- errno=-'
	check "mlock reported EINVAL for the wrapping range" test "$OUT" = "mlock = -1 EINVAL (Invalid argument)"
	run munlock_at 0xfffffffffffff000 0x2000
	expect "munlock start + len wraps (EINVAL)" \
		'syscall=munlock nr=150 comm=mlock_calls kind=arg param=start value=0xfffffffffffff000 allowed="start + len must not wrap" ret=- errno=-'
	check "munlock reported EINVAL for the wrapping range" test "$OUT" = "munlock = -1 EINVAL (Invalid argument)"
else
	skip "mlock/munlock tests" "no mlock or munlock spec built in"
fi

if have mlockall && have munlockall; then
	sleep 5
	run mlockall 3
	expect "mlockall(MCL_CURRENT | MCL_FUTURE): no report"
	run mlockall 5
	expect "mlockall(MCL_CURRENT | MCL_ONFAULT): no report"
	run munlockall
	expect "munlockall(): no report"
	run mlockall 0
	expect "mlockall(0) (EINVAL)" \
		'syscall=mlockall nr=151 comm=mlock_calls kind=arg param=flags value=0x0 allowed="nonzero" ret=- errno=-'
	run mlockall 4
	expect "mlockall(MCL_ONFAULT) alone (EINVAL)" \
		'syscall=mlockall nr=151 comm=mlock_calls kind=arg param=flags value=0x4 allowed="not {4}" ret=- errno=-'
	run mlockall 0x100
	expect "mlockall(0x100) (EINVAL)" \
		'syscall=mlockall nr=151 comm=mlock_calls kind=arg param=flags value=0x100 allowed="mask 0x7" ret=- errno=-'
else
	skip "mlockall/munlockall tests" "no mlockall or munlockall spec built in"
fi

# A fatal signal while the call waits for the mmap lock (all five) or populates pages (mlock,
# mlock2) fails it with EINTR, which every spec declares: the exit is seen (the coverage file
# marks EINTR) and nothing is reported. Each try kills `mlock_calls interrupt CALL` at a
# different moment; on the project's machines the first or one of the first few tries lands.
for call in mlock mlock2 munlock mlockall munlockall; do
	have $call || continue
	dmesg -c >/dev/null
	echo > $TRACE/trace
	n=0
	while [ $n -lt 40 ]; do
		n=$((n + 1))
		$SELF/mlock_calls interrupt $call >/tmp/kapi-interrupt.out &
		pid=$!
		w=0
		while ! grep -q ready /tmp/kapi-interrupt.out && [ $w -lt 500 ]; do
			sleep 0.01
			w=$((w + 1))
		done
		sleep 0.0$((n % 10))
		kill -9 $pid
		wait $pid 2>/dev/null
		grep -q "^$call errno EINTR seen" $DBG/coverage && break
	done
	check "$call interrupted by SIGKILL fails with EINTR (seen after $n tries)" \
		grep -q "^$call errno EINTR seen" $DBG/coverage
	check "$call interrupted by SIGKILL: no report" test -z "$(violations)$(events)"
done

if have mlock2; then
	echo 0 > $DBG/stats
	echo 0 > $DBG/enabled
	run mlock2 4096 0x80
	check "switched off: no report and stats do not move" \
		test -z "$(violations)$(events)" -a "$(count mlock2 calls)" = 0 -a "$(count mlock2 arg)" = 0
	echo 1 > $DBG/enabled

	# The dmesg limit is 10 lines per 5 s window. Let the current window run out first, so the
	# flood starts a fresh one; a flood that lasts longer than a window may use more.
	sleep 5
	dmesg -c >/dev/null
	echo 0 > $DBG/stats
	start=$(date +%s)
	i=0
	while [ $i -lt 50 ]; do
		$SELF/mlock_calls mlock2 4096 0x80 >/dev/null
		i=$((i + 1))
	done
	secs=$(($(date +%s) - start))
	limit=$((10 * ((secs + 1) / 5 + 1)))
	lines=$(violations | wc -l)
	check "a flood of 50 invalid calls: counters exact (50 calls, 50 arg)" \
		test "$(count mlock2 calls)" = 50 -a "$(count mlock2 arg)" = 50
	check "a flood of 50 invalid calls in ${secs}s: dmesg rate-limited ($lines lines <= $limit < 50)" \
		test "$lines" -ge 1 -a "$lines" -le "$limit" -a "$lines" -lt 50
	check "a flood of 50 invalid calls: every one is in the trace buffer" \
		test "$(grep -c "$KAPI_TRACE_MARKER"'syscall=mlock2 .* kind=arg param=flags' $TRACE/trace)" = 50
	echo 0 > $DBG/stats
fi
echo 0 > $TRACE/events/$KAPI_TRACE_EVENT/enable
echo 0 > $DBG/enabled
done_testing

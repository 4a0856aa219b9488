#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The validator on real mlock-family calls: valid calls produce no report; a broken constraint
# produces exactly the expected dmesg line and trace event; switching off stops all checking;
# a flood stays rate-limited in dmesg while the counters stay exact. Tests of a syscall whose
# spec is not built in are skipped.
. "$(dirname "$0")/tap.sh"

have() { test -f $DBG/specs/$1; }
# count SYSCALL COLUMN: a counter from the stats table.
count() { awk -v s="$1" -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } $1 == s { print $col[c] }' $DBG/stats; }
# run CMD...: runs mlock_calls with dmesg and the trace buffer cleared; sets PID.
run() {
	dmesg -c >/dev/null
	echo > $TRACE/trace
	PID=$(sh -c 'echo $$ >&2; exec '"$SELF"'/mlock_calls "$@" >/dev/null' sh "$@" 2>&1)
}
violations() { dmesg | grep 'kapi_validator: violation ' | sed 's/^\[[^]]*\] //'; }
events() { grep 'kapi_violation: ' $TRACE/trace | sed 's/.*kapi_violation: //'; }

echo 1 > $DBG/enabled
echo 1 > $TRACE/events/kapi_validator/kapi_violation/enable

if have mlock2; then
	run mlock2 4096 0
	check "mlock2(page, 4096, 0): no report" test -z "$(violations)$(events)"
	run mlock2 4096 1
	check "mlock2(page, 4096, MLOCK_ONFAULT): no report" test -z "$(violations)$(events)"

	run mlock2 4096 0x80
	want="kapi_validator: violation syscall=mlock2 nr=325 pid=$PID comm=mlock_calls kind=arg param=flags value=0x80 allowed=\"mask 0x1\" ret=0 errno=-"
	got=$(violations)
	if [ "$got" = "$want" ]; then ok "mlock2 flags=0x80: exactly one dmesg line"; else nok "mlock2 flags=0x80: dmesg"; diag "want: $want"; diag "got:  $got"; fi
	want='syscall=mlock2 nr=325 comm=mlock_calls kind=arg param=flags value=0x80 allowed="mask 0x1" ret=0 errno=-'
	got=$(events)
	if [ "$got" = "$want" ]; then ok "mlock2 flags=0x80: exactly one trace event"; else nok "mlock2 flags=0x80: trace event"; diag "want: $want"; diag "got:  $got"; fi

	echo 0 > $DBG/stats
	echo 0 > $DBG/enabled
	run mlock2 4096 0x80
	check "switched off: no report and stats do not move" \
		test -z "$(violations)$(events)" -a "$(count mlock2 calls)" = 0 -a "$(count mlock2 arg)" = 0
	echo 1 > $DBG/enabled

	dmesg -c >/dev/null
	echo 0 > $DBG/stats
	i=0
	while [ $i -lt 50 ]; do
		$SELF/mlock_calls mlock2 4096 0x80 >/dev/null
		i=$((i + 1))
	done
	lines=$(violations | wc -l)
	check "a flood of 50 invalid calls: counters exact (50 calls, 50 arg)" \
		test "$(count mlock2 calls)" = 50 -a "$(count mlock2 arg)" = 50
	check "a flood of 50 invalid calls: dmesg rate-limited ($lines lines <= 10)" test "$lines" -le 10
else
	skip "mlock2 tests" "no mlock2 spec built in"
fi
done_testing

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The module itself: loaded, its debugfs interface (modes, 0/1 switch, -EINVAL on bad writes with
# the state unchanged, stats reset, spec listing), its trace event, and unloading while enabled
# under syscall load on every CPU. Expects the module loaded with enabled=0.
. "$(dirname "$0")/tap.sh"

check "module is loaded (loaded by this test when it is not)" module_ready
check "debugfs directory exists" test -d $DBG
for f in enabled stats coverage dmesg_kinds; do
	check "$f is root-only read-write (0600)" sh -c "ls -l $DBG/$f | grep -q '^-rw------- '"
done
check "list is root-only read-only (0400)" sh -c "ls -l $DBG/list | grep -q '^-r-------- '"
check "enabled reads 0 after load with enabled=0" test "$(cat $DBG/enabled)" = 0

for bad in 2 abc 1x " 1" 01 "1 " "-1" 123456789 "$(printf '1\n1')"; do
	out=$(write $DBG/enabled "$bad")
	rc=$?
	if [ $rc != 0 ] && echo "$out" | grep -q 'Invalid argument' && [ "$(cat $DBG/enabled)" = 0 ]; then
		ok "writing '$bad' to enabled fails with EINVAL and leaves it 0"
	else
		nok "writing '$bad' to enabled fails with EINVAL and leaves it 0 (rc=$rc: $out)"
	fi
done

check "writing 1 switches on" sh -c "echo 1 > $DBG/enabled && test \$(cat $DBG/enabled) = 1"
out=$(write $DBG/enabled 7)
check "a bad write while on fails and leaves it on" sh -c "echo '$out' | grep -q 'Invalid argument' && test \$(cat $DBG/enabled) = 1"
check "writing 1 again is accepted" sh -c "echo 1 > $DBG/enabled && test \$(cat $DBG/enabled) = 1"
check "writing 0 switches off" sh -c "echo 0 > $DBG/enabled && test \$(cat $DBG/enabled) = 0"
check "writing 0 without newline is accepted" sh -c "printf 0 > $DBG/enabled && test \$(cat $DBG/enabled) = 0"

check "stats has a header line" sh -c "head -n1 $DBG/stats | grep -q '^syscall .* arg .*undeclared_errno.*bad_success.*oracle_errno.*oracle_success'"
check "stats reset with 0" sh -c "echo 0 > $DBG/stats"
out=$(write $DBG/stats reset)
check "stats rejects other writes with EINVAL" sh -c "echo '$out' | grep -q 'Invalid argument'"

total=$(sed -n 's/^Total: \([0-9]*\) specifications$/\1/p' $DBG/list)
check "list ends with a total" test -n "$total"
check "list has one line per spec" test "$(grep -c ' - ' $DBG/list)" = "${total:-x}"
check "specs/ has one file per listed spec" test "$(ls $DBG/specs | wc -l)" = "${total:-x}"

ev=$TRACE/events/$KAPI_TRACE_EVENT
check "trace event kapi_validator/kapi_violation exists" test -f $ev/format
for field in nr syscall kind param value ret err line; do
	check "trace event has field '$field'" grep -q "field:.* $field\\(\\[\\|;\\)" $ev/format
done

# Switching and unloading under load: one syscall loop per CPU.
$SELF/syscall_load 6 >/dev/null &
load=$!
i=0 switched=0
while [ $i -lt 20 ]; do
	echo 1 > $DBG/enabled && echo 0 > $DBG/enabled && switched=$((switched + 1))
	i=$((i + 1))
done
check "switching on and off 20 times under load" test $switched = 20
i=0 cycles=0
while [ $i -lt 5 ]; do
	if insmod_out=$( (loaded || insmod $KO enabled=1) 2>&1) &&
		echo 1 > $DBG/enabled && sleep 0.2 && rmmod kapi_validator && ! loaded; then
		cycles=$((cycles + 1))
	else
		diag "cycle $i: $insmod_out"
	fi
	i=$((i + 1))
done
check "load, enable and unload under load 5 times" test $cycles = 5
wait $load
check "reload with enabled=1 starts switched on" sh -c "insmod $KO enabled=1 && test \$(cat $DBG/enabled) = 1"
rmmod kapi_validator
out=$(insmod $KO enabled=2 2>&1)
check "enabled=2 at load is refused" sh -c "! grep -q '^kapi_validator ' /proc/modules"
check "module reloads with enabled=0" sh -c "insmod $KO enabled=0 && test \$(cat $DBG/enabled) = 0"

# make bench's loops run, each case's call returns what the case expects (syscall_bench checks),
# and the validator judges them: 2 x 100 mlock2 calls, 100 of them with bad flags.
echo 0 > $DBG/stats
echo 1 > $DBG/enabled
out=$("$SELF"/syscall_bench -n 100 -r 1 getppid munlock mlock2 mlock2_einval)
echo 0 > $DBG/enabled
check "syscall_bench (make bench) runs its four cases" test "$(echo "$out" | grep -c '^case=')" = 4
mlock2=$(awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
	$1 == "mlock2" { print $col["calls"], $col["arg"] }' $DBG/stats)
check "the validator judged them (mlock2 calls and arg violations: $mlock2)" test "$mlock2" = "202 101"
done_testing

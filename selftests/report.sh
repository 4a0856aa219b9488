# SPDX-License-Identifier: GPL-2.0
# Helpers for tests that make one call with mlock_calls and compare what the validator
# reported in dmesg and in the trace buffer with what is expected. Sourced after tap.sh.

# The mlock family: the syscalls mlock_calls makes (other specs also see the tests' own shell).
MLOCK_FAMILY="mlock mlock2 munlock mlockall munlockall"

# count SYSCALL COLUMN: a counter from the stats table (0 for a syscall without a spec).
count() {
	awk -v s="$1" -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
		$1 == s { v = $col[c] } END { print v + 0 }' $DBG/stats
}
# have SYSCALL: its spec is built in.
have() { test -f $DBG/specs/$1; }

# run ARGS...: runs `mlock_calls ARGS...` with dmesg and the trace buffer cleared; sets PID to
# its pid and OUT to what it printed.
run() {
	dmesg -c >/dev/null
	echo > $TRACE/trace
	PID=$(sh -c 'echo $$ >&2; exec '"$SELF"'/mlock_calls "$@" >/tmp/kapi-run.out' sh "$@" 2>&1)
	OUT=$(cat /tmp/kapi-run.out)
}

# The validator's dmesg lines, without the timestamp.
violations() { dmesg | grep 'kapi_validator: violation ' | sed 's/^\[[^]]*\] //'; }
# The trace events, from "syscall=" on.
events() { grep 'kapi_violation: ' $TRACE/trace | sed 's/.*kapi_violation: //'; }

# expect DESC [LINE...]: the reports of the last `run` are exactly LINEs, in order, both in
# dmesg and in the trace buffer. A LINE is written as the dmesg line is, without the prefix
# "kapi_validator: violation " and without "pid=N " (checked to be the caller's pid); the trace
# event prints no pid and, for kind=arg (judged before the call ran), ret=0 where dmesg says
# ret=-. Two TAP results.
expect() {
	d=$1
	shift
	want=$(for l in "$@"; do echo "$l"; done)
	got=$(violations | sed "s/^kapi_validator: violation \(.*\) pid=$PID /\1 /")
	if [ "$got" = "$want" ]; then ok "$d: dmesg"; else
		nok "$d: dmesg"
		diag "want: $want"
		diag "got:  $(violations)"
	fi
	got=$(events | sed 's/\(kind=arg .*\) ret=0 errno=-$/\1 ret=- errno=-/')
	if [ "$got" = "$want" ]; then ok "$d: trace event"; else
		nok "$d: trace event"
		diag "want: $want"
		diag "got:  $(events)"
	fi
}

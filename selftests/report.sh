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

# The validator's dmesg lines and trace events, each from the marker on (the same text after it).
violations() { dmesg | grep -F "$KAPI_DMESG_MARKER" | sed "s/^.*$KAPI_DMESG_MARKER/$KAPI_DMESG_MARKER/"; }
events() { grep -F "$KAPI_TRACE_MARKER" $TRACE/trace | sed "s/^.*$KAPI_TRACE_MARKER//"; }
# field NAME LINE: the value of NAME= in a report line (values with blanks: up to the first one).
field() { echo " $2" | sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

# expect DESC [LINE...]: the reports of the last `run` are exactly LINEs, in order, both in
# dmesg and in the trace buffer (the same line after the marker). A LINE is written as the
# fields are, without "pid=N " (checked to be the caller's pid). Two TAP results.
expect() {
	d=$1
	shift
	want=$(for l in "$@"; do echo "$l"; done)
	got=$(violations | sed "s/^$KAPI_DMESG_MARKER\(.*\) pid=$PID /\1 /")
	if [ "$got" = "$want" ]; then ok "$d: dmesg"; else
		nok "$d: dmesg"
		diag "want: $want"
		diag "got:  $(violations)"
	fi
	got=$(events | sed "s/^\(.*\) pid=$PID /\1 /")
	if [ "$got" = "$want" ]; then ok "$d: trace event"; else
		nok "$d: trace event"
		diag "want: $want"
		diag "got:  $(events)"
	fi
}

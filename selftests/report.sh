# SPDX-License-Identifier: GPL-2.0
# Helpers for tests that make one call with mlock_calls and compare what the validator
# reported in dmesg and in the trace buffer with what is expected. Sourced after tap.sh.

# The mlock family: the syscalls mlock_calls makes (other specs also see the tests' own shell).
MLOCK_FAMILY="mlock mlock2 munlock mlockall munlockall"

# The stats table is read by awk, once per question: each read formats every spec's row, so a
# loop over the specs asks one of these about a saved copy, or asks for all rows at once.
# col FILE SYSCALL COLUMN: a counter of a stats table (0 for a syscall without a spec).
col() {
	awk -v s="$2" -v c="$3" 'NR == 1 { for (i = 1; i <= NF; i++) k[$i] = i }
		$1 == s { v = $k[c] } END { print v + 0 }' "$1"
}
# count SYSCALL COLUMN: the same of the live table.
count() { col $DBG/stats "$1" "$2"; }
# sum FILE COLUMN...: those columns summed over every row of a stats table.
sum() {
	f=$1
	shift
	awk -v cols="$*" 'NR == 1 { for (i = 1; i <= NF; i++) k[$i] = i; n = split(cols, c, " "); next }
		{ for (j = 1; j <= n; j++) if (c[j] in k) t += $k[c[j]] } END { print t + 0 }' "$f"
}
# nonzero FILE COLUMN...: "syscall:column=N" for each non-zero counter of those columns.
nonzero() {
	f=$1
	shift
	awk -v cols="$*" 'NR == 1 { for (i = 1; i <= NF; i++) k[$i] = i; n = split(cols, c, " "); next }
		{ for (j = 1; j <= n; j++) if ((c[j] in k) && $k[c[j]] != 0) { printf "%s%s:%s=%s", sep, $1, c[j], $k[c[j]]; sep = " " } }
		END { print "" }' "$f"
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

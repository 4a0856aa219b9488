#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A general workload with the validator on: file I/O, process creation, pipes and FIFOs, memory
# mapping (every exec maps its image; big dd buffers are mmap'ed by malloc), and the mlock family
# through `mlock_calls valid` (calls that break no constraint, some failing with declared
# errnos) as root and as an unprivileged user under three RLIMIT_MEMLOCK values, concurrently
# with the rest. A correct kernel under correct specs gives no report at all: no dmesg line, no
# trace event, every violation counter of the stats 0, and every call's exit seen.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/report.sh"
module_ready || exit 1

SYSCALLS=$MLOCK_FAMILY
COLUMNS="arg undeclared_errno bad_success oracle_errno oracle_success dropped untracked"
ROUNDS=${KAPI_WORKLOAD_ROUNDS:-20}


if [ ! -f $DBG/specs/mlock2 ]; then
	skip "workload" "no mlock-family specs built in"
	done_testing
	exit
fi

W=$(mktemp -d /tmp/workload.XXXXXX)
echo 1 > $DBG/enabled
echo 1 > $TRACE/events/$KAPI_TRACE_EVENT/enable
dmesg -c >/dev/null
echo > $TRACE/trace
echo 0 > $DBG/stats
t0=$(date +%s)

# The mlock family in the background while the rest runs: root (CAP_IPC_LOCK), then nobody
# with the default limit (8 MiB), 64 KiB (mlockall(MCL_CURRENT) fails with ENOMEM, mappings
# under MCL_FUTURE fail) and 0 (mlock, mlock2 and mlockall fail with EPERM).
"$SELF/mlock_calls" valid "$ROUNDS" "$W" >$W/mlock.root 2>&1 &
root_pid=$!
(
	su -s /bin/sh nobody -c "$SELF/mlock_calls valid $ROUNDS /tmp" >$W/mlock.nobody 2>&1 &&
	su -s /bin/sh nobody -c "ulimit -l 64 && $SELF/mlock_calls valid $ROUNDS /tmp" >$W/mlock.64k 2>&1 &&
	su -s /bin/sh nobody -c "ulimit -l 0 && $SELF/mlock_calls valid $ROUNDS /tmp" >$W/mlock.0 2>&1
) &
nobody_pid=$!

# File I/O: write, copy, compress, archive, read back.
file_io() {
	dd if=/dev/urandom of=$W/a bs=64k count=32 2>/dev/null &&
	cp $W/a $W/b && cmp $W/a $W/b &&
	gzip -c $W/a >$W/a.gz && gunzip -c $W/a.gz | cmp - $W/a &&
	tar -cf $W/t.tar -C $W a b && mkdir $W/x && tar -xf $W/t.tar -C $W/x && cmp $W/a $W/x/b &&
	dd if=$W/a of=$W/c bs=8M 2>/dev/null && cmp $W/a $W/c &&
	dd if=$W/a of=$W/c bs=4k seek=8 count=4 conv=notrunc 2>/dev/null && sync &&
	test "$(stat -c %s $W/c)" = 2097152 &&
	find /kapi -type f | xargs md5sum >/dev/null && rm -r $W/x $W/b $W/t.tar
}
check "file I/O: dd, cp, gzip, tar, sync and md5sum round-trip" file_io

# Processes: many short-lived ones, and parallel ones that each write a file.
procs() {
	i=0
	while [ $i -lt 100 ]; do
		sh -c 'exit 3'
		[ $? = 3 ] || return 1
		i=$((i + 1))
	done
	for j in 1 2 3 4 5 6 7 8; do
		(sleep 0.2 && echo $j >$W/p.$j) &
	done
	for j in 1 2 3 4 5 6 7 8; do
		n=0
		while [ ! -s $W/p.$j ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
	done
	test "$(cat $W/p.* | sort -n | tr '\n' ' ')" = "1 2 3 4 5 6 7 8 "
}
check "processes: 100 sequential and 8 parallel children" procs

# Pipes and FIFOs.
pipes() {
	test "$(seq 1 20000 | sort -rn | head -n 1)" = 20000 &&
	test "$(yes kapi | head -c 1048576 | wc -c)" = 1048576 &&
	mkfifo $W/fifo && (seq 1 5000 >$W/fifo &) && test "$(wc -l <$W/fifo)" = 5000 &&
	test "$(dd if=$W/a bs=4k 2>/dev/null | gzip | gunzip | md5sum | cut -d' ' -f1)" = \
		"$(md5sum <$W/a | cut -d' ' -f1)"
}
check "pipes: sort, head, a FIFO and a gzip pipeline" pipes

# Memory mapping beyond the above: many execs of static binaries and big dd buffers.
maps() {
	i=0
	while [ $i -lt 20 ]; do
		dd if=/dev/zero of=/dev/null bs=16M count=2 2>/dev/null || return 1
		"$SELF/mlock_calls" munlockall >/dev/null || return 1
		i=$((i + 1))
	done
}
check "memory mapping: 20 execs with 16 MiB dd buffers and munlockall()" maps

wait $root_pid
rc_root=$?
wait $nobody_pid
rc_nobody=$?
for f in root nobody 64k 0; do diag "mlock_calls valid ($f): $(tail -n 1 $W/mlock.$f 2>/dev/null)"; done
check "mlock_calls valid as root: ran to the end" test $rc_root = 0
check "mlock_calls valid as nobody (8 MiB, 64 KiB, 0): ran to the end" test $rc_nobody = 0
check "as nobody with RLIMIT_MEMLOCK 0, mlock calls failed with EPERM (a declared errno)" \
	grep -q 'EPERM' $W/mlock.0
check "as nobody with 64 KiB, mlockall(MCL_CURRENT) failed with ENOMEM (a declared errno)" \
	grep -q 'mlockall(MCL_CURRENT) *= -1 ENOMEM' $W/mlock.64k
diag "workload took $(($(date +%s) - t0)) s"

v=$(violations)
e=$(events)
check "no violation line in dmesg" test -z "$v"
[ -z "$v" ] || echo "$v" | head -n 20 | sed 's/^/# /'
check "no kapi_violation trace event" test -z "$e"
[ -z "$e" ] || echo "$e" | head -n 20 | sed 's/^/# /'
# (one read of the table: each formats every spec's row)
cat $DBG/stats >$W/stats
# nonzero_of SYSCALL: its non-zero counters of COLUMNS, "column=N ...".
nonzero_of() { grep -E "^(syscall|$1) " $W/stats >$W/one && nonzero $W/one $COLUMNS | sed "s/$1://g"; }
for s in $SYSCALLS; do
	bad=$(nonzero_of $s)
	calls=$(col $W/stats $s calls)
	exits=$(col $W/stats $s exits)
	check "stats $s: $calls calls, $exits exits, all of $COLUMNS 0${bad:+ (not: $bad)}" \
		test -z "$bad" -a "$calls" -gt 0 -a "$calls" = "$exits"
done
# The other specs: the workload's file I/O, execs, pipes and mappings.
grep -Ev "^($(echo $SYSCALLS | tr ' ' '|')) " $W/stats >$W/others
others=$(($(wc -l <$W/others) - 1))
checked=$(sum $W/others calls)
bad=$(nonzero $W/others $COLUMNS)
if [ $others -gt 0 ]; then
	check "stats of the $others other specs: $checked calls checked, all of $COLUMNS 0${bad:+ (not: $bad)}" \
		test -z "$bad" -a "$checked" -gt 0
fi
sed 's/^/# /' $W/stats
echo 0 > $DBG/enabled
rm -rf $W
done_testing

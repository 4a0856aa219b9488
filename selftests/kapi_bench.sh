#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of `make bench` (scripts/bench.sh boots the VM with no module loaded and passes
# kapi_validator.ko and kapi_empty_probe.ko in /work). Times the same syscall loops under each
# configuration, in this order, and prints one line per figure:
#
#   bench config=CONFIG case=CASE procs=N calls=N ns=NS
#
#   none    no module loaded                                   (a)
#   off     kapi_validator loaded, switched off                (b)
#   empty   kapi_empty_probe loaded: empty sys_enter/sys_exit  (c)
#   on      kapi_validator switched on                         (d) (e) (f)
#
# With PARALLEL=1 the loops of none, empty and on run again in one process per CPU (g).
# CALLS and ROUNDS set syscall_bench's -n and -r. Exits non-zero if a step fails.
set -eu
SELF=$(dirname "$0")
DBG=/sys/kernel/debug/kapi_validator
CALLS=${CALLS:-100000}
ROUNDS=${ROUNDS:-5}
PARALLEL=${PARALLEL:-0}
CASES="getppid munlock mlock2 mlock2_einval"
CPUS=$(grep -c ^processor /proc/cpuinfo)

bench() {
	config=$1
	"$SELF"/syscall_bench -n "$CALLS" -r "$ROUNDS" $CASES | sed "s/^/bench config=$config /"
	if [ "$PARALLEL" = 1 ] && [ "$CPUS" -gt 1 ]; then
		"$SELF"/syscall_bench -n "$CALLS" -r "$ROUNDS" -p "$CPUS" getppid munlock mlock2 |
			sed "s/^/bench config=$config /"
	fi
}

echo "bench kernel=$(uname -r) cpus=$CPUS calls=$CALLS rounds=$ROUNDS"
bench none

insmod /work/kapi_validator.ko enabled=0
echo "bench specs=$(wc -l <$DBG/list)"
bench off
rmmod kapi_validator

insmod /work/kapi_empty_probe.ko
bench empty
rmmod kapi_empty_probe

insmod /work/kapi_validator.ko enabled=1
bench on
# The validator really judged the calls: mlock2's counters moved, and the bad flags were
# reported (rate-limited in dmesg, every one counted).
awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
	$1 == "mlock2" { print "bench stats mlock2 calls=" $col["calls"] " arg=" $col["arg"] }' $DBG/stats
echo 0 >$DBG/enabled
rmmod kapi_validator
echo "bench done"

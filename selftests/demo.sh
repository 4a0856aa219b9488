#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The demo: switch the validator on, run a program making valid and invalid mlock-family calls,
# and show what the validator reported in dmesg, tracefs and its statistics.
DBG=/sys/kernel/debug/kapi_validator
T=/sys/kernel/tracing
cd "$(dirname "$0")"
# KAPI_DMESG_MARKER, KAPI_TRACE_MARKER, KAPI_TRACE_EVENT: the report line's (kapi report-format).
. ./kapi_report_format.sh
echo "== specs loaded ($DBG/list)"
cat $DBG/list
echo 1 > $DBG/enabled
echo 1 > $T/events/$KAPI_TRACE_EVENT/enable
echo > $T/trace
dmesg -c >/dev/null
echo "== running: mlock_calls demo"
./mlock_calls demo
echo "== dmesg"
dmesg | grep -F "$KAPI_DMESG_MARKER" || echo "(no violations reported)"
echo "== trace events ($T/trace)"
grep -F "$KAPI_TRACE_MARKER" $T/trace || echo "(none)"
echo "== statistics ($DBG/stats; the mlock family, then the other specs that saw calls)"
# The demo's own shell reads, writes, opens and maps: those specs count calls too.
awk 'NR == 1 || $1 ~ /^(mlock|mlock2|munlock|mlockall|munlockall)$/' $DBG/stats
awk 'NR > 1 && $1 !~ /^(mlock|mlock2|munlock|mlockall|munlockall)$/ && $3 > 0' $DBG/stats

# The exit-side checks need a spec that disagrees with the kernel: the test variant of the module
# has three, wrong on purpose (selftests/variant/).
V=/work/kapi_validator-variant.ko
[ -f $V ] || exit 0
echo
echo "== the test variant: specs that are wrong on purpose (selftests/variant/)"
rmmod kapi_validator && insmod $V enabled=1 || exit 1
echo 1 > $T/events/$KAPI_TRACE_EVENT/enable
dmesg -c >/dev/null
echo "mlock2 declares only EINVAL, EPERM; ties bad flags to EPERM; munlock allows one page;"
echo "sched_getscheduler's return range leaves out SCHED_OTHER (0)"
./mlock_calls mlock2_at 0x10000 4096 0
./mlock_calls mlock2 4096 0x80
./mlock_calls munlock 8192
./mlock_calls sched_getscheduler
echo "== dmesg"
dmesg | grep -F "$KAPI_DMESG_MARKER" | grep 'comm=mlock_calls'
echo "== statistics ($DBG/stats)"
cat $DBG/stats

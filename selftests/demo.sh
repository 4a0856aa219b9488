#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The demo: switch the validator on, run a program making valid and invalid mlock-family calls,
# and show what the validator reported in dmesg, tracefs and its statistics.
DBG=/sys/kernel/debug/kapi_validator
T=/sys/kernel/tracing
cd "$(dirname "$0")"
echo "== specs loaded ($DBG/list)"
cat $DBG/list
echo 1 > $DBG/enabled
echo 1 > $T/events/kapi_validator/kapi_violation/enable
echo > $T/trace
dmesg -c >/dev/null
echo "== running: mlock_calls demo"
./mlock_calls demo
echo "== dmesg"
dmesg | grep 'kapi_validator: violation' || echo "(no violations reported)"
echo "== trace events ($T/trace)"
grep 'kapi_violation:' $T/trace || echo "(none)"
echo "== statistics ($DBG/stats)"
cat $DBG/stats

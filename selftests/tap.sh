# SPDX-License-Identifier: GPL-2.0
# What the guest-side shell tests (busybox sh) share: the TAP helpers (tap_core.sh), the
# validator's paths and report format, and a few helpers. Sourced.
DBG=/sys/kernel/debug/kapi_validator
TRACE=/sys/kernel/tracing
SELF=$(cd "$(dirname "$0")" && pwd)
# The report line's markers, keys and kinds (KAPI_DMESG_MARKER, KAPI_TRACE_MARKER,
# KAPI_TRACE_EVENT, KAPI_KINDS, ...), generated from the one definition by `kapi report-format`.
. "$SELF/kapi_report_format.sh"
. "$SELF/tap_core.sh"
# Writes VALUE to FILE; prints the shell's error text on failure.
write() { sh -c "echo -n '$2' > $1" 2>&1; }
loaded() { grep -q '^kapi_validator ' /proc/modules; }
# The module and its test variant: next to the tests in an installed kselftest collection
# (`make kselftest-install`), else where `make vm`/`make vm-test` put them.
KO=$SELF/kapi_validator.ko
[ -f "$KO" ] || KO=/kapi/kapi_validator.ko
VARIANT_KO=$SELF/kapi_validator-variant.ko
[ -f "$VARIANT_KO" ] || VARIANT_KO=/work/kapi_validator-variant.ko
# module_ready: the validator loaded, switched off as `make vm-test` boots it, for a test that
# runs first or alone (kselftest's runner.sh -t).
module_ready() { loaded || insmod "$KO" enabled=0; }
# validator_on: the validator switched on and its trace event enabled, for a runner that reads
# the reports of its calls; validator_restore: `enabled` as it was before validator_on.
validator_on() {
	_was_enabled=$(cat $DBG/enabled)
	echo 1 > $DBG/enabled
	echo 1 > $TRACE/events/$KAPI_TRACE_EVENT/enable
}
validator_restore() { echo "$_was_enabled" > $DBG/enabled; }

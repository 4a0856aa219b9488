# SPDX-License-Identifier: GPL-2.0
# Minimal TAP 13 helpers for the guest-side shell tests (busybox sh). Sourced.
DBG=/sys/kernel/debug/kapi_validator
TRACE=/sys/kernel/tracing
SELF=$(cd "$(dirname "$0")" && pwd)
# The report line's markers, keys and kinds (KAPI_DMESG_MARKER, KAPI_TRACE_MARKER,
# KAPI_TRACE_EVENT, KAPI_KINDS, ...), generated from the one definition by `kapi report-format`.
. "$SELF/kapi_report_format.sh"
_n=0 _fail=0
echo "TAP version 13"
ok()   { _n=$((_n + 1)); echo "ok $_n - $*"; }
nok()  { _n=$((_n + 1)); _fail=$((_fail + 1)); echo "not ok $_n - $*"; }
skip() { _n=$((_n + 1)); echo "ok $_n - $1 # SKIP $2"; }
# check DESCRIPTION COMMAND...: ok if COMMAND succeeds.
check() { d=$1; shift; if "$@"; then ok "$d"; else nok "$d"; fi; }
diag() { echo "# $*"; }
done_testing() { echo "1..$_n"; [ "$_fail" = 0 ]; }
# Writes VALUE to FILE; prints the shell's error text on failure.
write() { sh -c "echo -n '$2' > $1" 2>&1; }
loaded() { grep -q '^kapi_validator ' /proc/modules; }

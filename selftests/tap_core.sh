# SPDX-License-Identifier: GPL-2.0
# Minimal TAP 13 helpers (POSIX sh: busybox in the guest, bash on the host). Sourced: by tap.sh
# in the guest, and by the host-side test scripts.
_n=0 _fail=0
echo "TAP version 13"
ok()   { _n=$((_n + 1)); echo "ok $_n - $*"; }
nok()  { _n=$((_n + 1)); _fail=$((_fail + 1)); echo "not ok $_n - $*"; }
skip() { _n=$((_n + 1)); echo "ok $_n - $1 # SKIP $2"; }
# check DESCRIPTION COMMAND...: ok if COMMAND succeeds.
check() { d=$1; shift; if "$@"; then ok "$d"; else nok "$d"; fi; }
diag() { echo "# $*"; }
done_testing() { echo "1..$_n"; [ "$_fail" = 0 ]; }

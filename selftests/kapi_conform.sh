#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The spec-generated conformance cases: kapi_conform runs each case of kapi_cases.txt (written
# by `kapi cases` from the specs at build time) in its own child and checks the call's result
# and exactly the reports the validator made for it. kapi_conform prints the KTAP itself.
#
#   kapi_conform.sh [CASES_FILE]    (default: kapi_cases.txt next to this script)
KTAP_BY_PROGRAM=1
. "$(dirname "$0")/tap.sh"
module_ready || { echo "Bail out! the validator is not loaded and insmod $KO failed"; exit 1; }

cases=${1:-$SELF/kapi_cases.txt}
if [ ! -f "$cases" ]; then
	echo "KTAP version 1"
	echo "1..1"
	echo "ok 1 kapi_conform # SKIP $cases was not generated (kapi cases)"
	exit 0
fi
validator_on
$SELF/kapi_conform "$cases"
rc=$?
validator_restore
exit $rc

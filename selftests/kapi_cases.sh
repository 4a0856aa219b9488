#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The specs beyond the mlock family, call by call (selftests/cases/): each case's call must
# fail with the errno it names (or succeed), and the validator must make exactly the reports
# it names: none for a valid call, one `arg` report per broken constraint, and nothing that says
# the kernel and the spec disagree. kapi_cases prints the TAP itself.
KTAP_BY_PROGRAM=1
. "$(dirname "$0")/tap.sh"
module_ready || { echo "Bail out! the validator is not loaded and insmod $KO failed"; exit 1; }

validator_on
$SELF/kapi_cases "$@"
rc=$?
validator_restore
exit $rc

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The guest selftest suite, run twice and checked (`make vm-test`):
#   1. in a VM with the module loaded: selftests/run_all.sh, one KTAP v1 document (streamed to
#      stdout with the console, and brought back whole through --out);
#   2. that document through the kernel's own KTAP parser (tools/testing/kunit/kunit.py parse):
#      no parse error, and its passed/failed/skipped counts equal to the suite's "# Totals:";
#   3. in a fresh VM without the module: the installed kselftest collection (make
#      kselftest-install) through the kernel's run_kselftest.sh, which loads nothing itself (the
#      collection's first test loads the module): the tests of COLLECTION_RUN, the quick ones
#      (the others run as they are in step 1; running them twice would double make test);
#   4. each of those tests' result (pass, fail, skip) the same in both runs.
# Prints the checks as KTAP (scripts/suite-check.sh); fails if the suite or any check failed.
#
#   scripts/suite.sh --kdir DIR --module KO --variant KO --collection DIR --ksrc DIR [--timeout S]
source "$(dirname "$0")/lib.sh"

kdir= module= variant= collection= ksrc= timeout=900
while (($#)); do
	case "$1" in
	--kdir) kdir=$2; shift 2 ;;
	--module) module=$2; shift 2 ;;
	--variant) variant=$2; shift 2 ;;
	--collection) collection=$2; shift 2 ;;
	--ksrc) ksrc=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	*) die "unknown option '$1' (see the header of $0)" ;;
	esac
done
[ -f "$ksrc/tools/testing/kunit/kunit.py" ] || die "--ksrc: no tools/testing/kunit/kunit.py in '$ksrc' (the kernel's KTAP parser)"
[ -x "$collection/run_kselftest.sh" ] || die "--collection: '$collection' is not an installed collection (make kselftest-install)"
vm=$KAPI_ROOT/scripts/vm.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/kapi-suite.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The tests the second run makes through run_kselftest.sh (-t), in the collection's order.
COLLECTION_RUN="kapi_module.sh kapi_variant.sh kapi_coverage.sh kapi_mlock.sh workload.sh"
tests=$(for t in $COLLECTION_RUN; do printf -- '-t kapi_validator:%s ' "$t"; done)

rc=0
"$vm" --kdir "$kdir" --module "$module" --files "$variant" --cpus 2 --enable 0 --timeout "$timeout" --quiet \
	--out "$work/suite" -- \
	'mkdir -p out; /kapi/selftests/run_all.sh > out/ktap.txt 2>&1; rc=$?; cat out/ktap.txt; exit $rc' || rc=1
"$vm" --kdir "$kdir" --cpus 2 --timeout "$timeout" --files "$collection" --out "$work/ksft" -- \
	"mkdir -p out; ./kselftest/run_kselftest.sh $tests > out/kselftest.txt 2>&1; rc=\$?; exit \$rc" \
	>"$work/ksft.console" 2>&1 || true

"$KAPI_ROOT/scripts/suite-check.sh" "$work/suite/out/ktap.txt" "$work/ksft/out/kselftest.txt" "$ksrc" \
	"$work/ksft.console" "$COLLECTION_RUN" || rc=1
exit $rc

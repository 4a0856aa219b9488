#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Runs every guest selftest and prints one KTAP v1 document: each test program is a subtest
# (its own document, indented by four spaces, named by a "# Subtest:" line), its result line
# from its exit status as kselftest's runner reads it (0 pass, 4 skip, anything else fails);
# last the kselftest "# Totals:" of the leaf results and the spec coverage as diagnostics.
# Fails if any test failed. The host checks the document with the kernel's KTAP parser
# (tools/testing/kunit/kunit.py parse) and compares its counts with the Totals.
cd "$(dirname "$0")"
# The module is reloaded by kapi_module.sh and kapi_variant.sh, and kapi_coverage.sh resets the
# coverage: the tests after them add up to the coverage printed at the end. The same list, in
# the same order, is the kselftest collection's (kselftest-list.txt, see selftests/Makefile).
TESTS=$(cat ./kselftest-list.txt 2>/dev/null | sed -n 's/^kapi_validator://p')
KTAP_BY_PROGRAM=1
. ./tap_core.sh
pass=0 fail=0 skip=0
# count LOG CODE: adds the leaf results of a subtest's document to pass/fail/skip as the KTAP
# parser counts them: its own result lines; with none, the subtest itself (exit CODE); and its
# failure (exit neither 0 nor 4) as one more when none of its results failed.
count() {
	set -- $(ktap_counts "$1") "$2"
	case $4 in
	0) ;;
	4) [ "$1" != 0 ] || set -- 1 0 1 ;;
	*) [ "$2" != 0 ] || set -- $(($1 + 1)) 1 $3 ;;
	esac
	[ "$1" != 0 ] || set -- 1 0 0
	pass=$((pass + $1 - $2 - $3)) fail=$((fail + $2)) skip=$((skip + $3))
}
set -- $TESTS
echo "KTAP version 1"
echo "1..$#"
i=0 rc=0
for t; do
	i=$((i + 1))
	name=${t%.sh}
	log=/tmp/run_all.$name
	if [ -x "$t" ]; then
		./"$t" >"$log" 2>&1
		code=$?
	else
		echo "# $t is missing from $(pwd)" >"$log"
		code=1
	fi
	# The subtest's document: indented, named after its version line.
	awk -v name="$name" '{ print "    " $0 }
		!named && /^(K)?TAP version [0-9]+$/ { print "    # Subtest: " name; named = 1 }' "$log"
	count "$log" $code
	case $code in
	0) echo "ok $i $name" ;;
	4) echo "ok $i $name # SKIP its tests skipped" ;;
	*) echo "not ok $i $name # exit=$code"; rc=1 ;;
	esac
	rm -f "$log"
done
echo "# Totals: pass:$pass fail:$fail xfail:0 xpass:0 skip:$skip error:0"
echo "# selftests: $pass passed, $fail failed, $skip skipped"
# The spec coverage of the run, for the host (scripts/test-all.sh renders it with `kapi coverage`).
if [ -r /sys/kernel/debug/kapi_validator/coverage ]; then
	echo "# ==== kapi coverage begin ===="
	sed 's/^/# /' /sys/kernel/debug/kapi_validator/coverage
	echo "# ==== kapi coverage end ===="
fi
[ $fail = 0 ] && [ $rc = 0 ]

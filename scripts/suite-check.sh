#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The checks of scripts/suite.sh on what its two runs brought back (KTAP): the suite's document
# through the kernel's KTAP parser (no error, counts equal to the suite's "# Totals:"), and each
# test's result the same through the kernel's run_kselftest.sh.
#
#   scripts/suite-check.sh SUITE_KTAP KSELFTEST_OUTPUT KSRC CONSOLE_LOG_OF_THE_SECOND_RUN TESTS
#
# TESTS: the tests (file names) the second run made; their results are compared.
source "$(dirname "$0")/lib.sh"
doc=$1 ksft=$2 kunit=$3/tools/testing/kunit/kunit.py console=$4 tests=$5
work=$(mktemp -d "${TMPDIR:-/tmp}/kapi-suite-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
set +e
. "$KAPI_ROOT/selftests/tap_core.sh"
# leaves DOC: the suite's "# Totals:" as "passed failed skipped".
leaves() { sed -n 's/^# Totals: pass:\([0-9]*\) fail:\([0-9]*\) .* skip:\([0-9]*\) .*/\1 \2 \3/p' "$1" | tail -n1; }
# parsed DOC: the KTAP parser's counts, "passed failed skipped errors", from its summary line
# ("Ran N tests: passed: P, failed: F, ..."; a count of 0 is left out).
parsed() {
	python3 "$kunit" parse "$1" >"$work/kunit.out" 2>&1
	sed 's/\x1b\[[0-9;]*m//g' "$work/kunit.out" | sed -n 's/.*Testing complete\. Ran [0-9]* tests: //p' |
		awk -F', ' '{ for (i = 1; i <= NF; i++) { split($i, kv, ": "); n[kv[1]] = kv[2] }
			print n["passed"] + 0, n["failed"] + n["crashed"], n["skipped"] + 0, n["errors"] + 0 }'
}
# results DOC REGEX: "name result" per test of a top-level document whose result lines match
# REGEX with the test's name in \1 (result: pass, fail or skip).
results() {
	sed -n "s/^ok [0-9]* $2 # SKIP.*/\1 skip/p; t; s/^ok [0-9]* $2\( .*\)*$/\1 pass/p; t; s/^not ok [0-9]* $2\( .*\)*$/\1 fail/p" "$1" | sort
}
if [ -s "$doc" ]; then
	read -r lp lf ls <<<"$(leaves "$doc")"
	read -r kp kf ks ke <<<"$(parsed "$doc")"
	diag "the suite: $lp passed, $lf failed, $ls skipped; the kernel's KTAP parser: $kp passed, $kf failed, $ks skipped, $ke errors"
	check "the suite's output is KTAP the kernel's parser reads without error (kunit.py parse)" \
		test "${ke:-x}" = 0 -a -n "$kp"
	[ "${ke:-0}" = 0 ] || diag "$(grep -i 'error' "$work/kunit.out" | head -n 20)"
	check "the parser's counts equal the suite's Totals" test "$kp $kf $ks" = "$lp $lf $ls"
else
	nok "the suite's KTAP document came back from the guest"
fi
if [ -s "$ksft" ]; then
	diag "the collection through the kernel's run_kselftest.sh:"
	diag "$(grep -E '^(not )?ok [0-9]|^# Totals' "$ksft")"
	results "$doc" '\([a-z_]*\)' | grep -wF -f <(printf '%s\n' $tests | sed 's/\.sh$//') >"$work/suite.res"
	results "$ksft" 'selftests: kapi_validator: \([a-z_]*\)\.sh' >"$work/ksft.res"
	check "run_kselftest.sh ran the tests asked for ($(echo $tests))" \
		test "$(cut -d' ' -f1 "$work/ksft.res")" = "$(cut -d' ' -f1 "$work/suite.res")" -a -s "$work/ksft.res"
	if check "each test's result is the same through run_kselftest.sh" cmp -s "$work/suite.res" "$work/ksft.res"; then :; else
		diag "$(diff "$work/suite.res" "$work/ksft.res")"
	fi
else
	nok "the collection's output came back from the guest (run_kselftest.sh)"
	diag "$(tail -n 30 "$console")"
fi
done_testing

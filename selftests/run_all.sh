#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Runs every guest selftest and prints one summary line; fails if any test failed.
cd "$(dirname "$0")"
pass=0 fail=0 rc=0
# The module is reloaded by kapi_module.sh and kapi_variant.sh, and kapi_coverage.sh resets the
# coverage: the tests after them add up to the coverage printed at the end.
for t in kapi_module.sh kapi_variant.sh kapi_coverage.sh kapi_mlock.sh kapi_cases.sh kapi_conform.sh kapi_oracle_fuzz.sh kernel_selftests.sh workload.sh; do
	[ -x "$t" ] || continue
	echo "# ---- $t"
	out=$(./"$t" 2>&1) || rc=1
	echo "$out"
	pass=$((pass + $(echo "$out" | grep -c '^ok ')))
	fail=$((fail + $(echo "$out" | grep -c '^not ok ')))
done
echo "# selftests: $pass passed, $fail failed"
# The spec coverage of the run, for the host (scripts/test-all.sh renders it with `kapi coverage`).
if [ -r /sys/kernel/debug/kapi_validator/coverage ]; then
	echo "==== kapi coverage begin ===="
	cat /sys/kernel/debug/kapi_validator/coverage
	echo "==== kapi coverage end ===="
fi
[ $fail = 0 ] && [ $rc = 0 ]

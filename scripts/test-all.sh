#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make test`: host tests, then the guest selftests in the VM; ends with one line
# `N passed, N failed, N skipped` summing cargo's test results and the KTAP results.
source "$(dirname "$0")/lib.sh"
cd "$KAPI_ROOT"
out=$(mktemp "${TMPDIR:-/tmp}/kapi-test.XXXXXX")
trap 'rm -f "$out"' EXIT
rc=0
# (pipefail: a failing make fails the pipeline, which `|| rc=1` records without stopping here, so
# the coverage and the summary are printed whatever failed.)
# The suite is about specs/: the module is built with them whatever a `make module SPECS=...`
# recorded before (which this then replaces).
specs=$(printf '%s ' "$KAPI_ROOT"/specs/*.kapi)
make -s host-test 2>&1 | tee -a "$out" || rc=1
make -s module-lint SPECS="$specs" 2>&1 | tee -a "$out" || rc=1
make -s vm-test SPECS="$specs" 2>&1 | tee -a "$out" || rc=1
"$KAPI_ROOT/scripts/user-path-test.sh" 2>&1 | tee -a "$out" || rc=1
# A real external workload: Debian's stress-ng, unmodified, in the guest under the validator.
make -s vm PROGS=stress-ng CMD=/kapi/selftests/stress_ng.sh 2>&1 | tee -a "$out" || rc=1
# The spec coverage of the guest run, printed by selftests/run_all.sh between marker lines.
cov=$(tr -d '\r' <"$out" | sed -n '/^# ==== kapi coverage begin ====$/,/^# ==== kapi coverage end ====$/p' | sed '1d;$d;s/^# //')
if [ -n "$cov" ] && [ -x target/release/kapi ]; then
	echo "== spec coverage of the guest selftests (kapi coverage)"
	printf '%s\n' "$cov" | target/release/kapi coverage - || rc=1
fi
# Replaces the lines between the marker lines "<!-- make test: $2 begin -->" and "... end -->"
# of file $1 with standard input.
write_between() {
	local new
	new=$(cat)
	NEW=$new awk -v b="<!-- make test: $2 begin -->" -v e="<!-- make test: $2 end -->" '
		$0 == b { print; print ENVIRON["NEW"]; skip = 1; next }
		$0 == e { skip = 0 }
		!skip { print }' "$1" >"$1.tmp" && mv "$1.tmp" "$1"
}
# What the specs' generated tests did: calls generated (kapi cases), made (kapi_conform), fuzzed.
gen=$(tr -d '\r' <"$out" | grep -m1 '^kapi cases: ' || true)
conform=$(tr -d '\r' <"$out" | sed -n 's/^ *# kapi_conform: //p' | head -n1)
fuzz=$(tr -d '\r' <"$out" | sed -n 's/^ *# kapi_fuzz: \(seed=.*\)/\1/p' | head -n1)
generated=$(
	[ -z "$gen" ] || echo "  generated: ${gen#kapi cases: }"
	[ -z "$conform" ] || echo "  conformance: ${conform%%; calls per syscall*}"
	[ -z "$fuzz" ] || echo "  oracle fuzzing: $fuzz"
)
if [ -n "$generated" ]; then
	echo "== tests generated from the specs"
	printf '%s\n' "$generated"
	[ -z "$conform" ] || echo "  calls per syscall: ${conform#*calls per syscall: }"
fi
# The figures: cargo's "test result:" lines, and the "# Totals:" line kselftest-style of every
# top-level KTAP document (the guest suite's counts its subtests' results; theirs are indented).
sum() { paste -sd+ | sed 's/^$/0/' | bc; }
cargo_n() { sed -n "s/^test result: .* \([0-9]*\) $1.*/\1/p" "$out" | sum; }
totals() { tr -d '\r' <"$out" | sed -n "s/^# Totals:.* $1:\([0-9]*\).*/\1/p" | sum; }
passed=$(( $(cargo_n passed) + $(totals pass) ))
failed=$(( $(cargo_n failed) + $(totals fail) ))
skipped=$(( $(cargo_n ignored) + $(totals skip) ))
((failed == 0)) || rc=1
echo "$passed passed, $failed failed, $skipped skipped"
# A passing run writes its figures into the README's list of tested kernels (one line per
# kernel version, replaced by the next run on it).
kdir=${KDIR:-$("$KAPI_ROOT/scripts/kernel.sh" build "${KERNEL:-test}" 2>/dev/null || true)}
release=$(cat "$kdir/include/config/kernel.release" 2>/dev/null || true)
if ((rc == 0)) && [ -n "$release" ] && [ "${KERNEL:-test}" = test ] && grep -q '^<!-- make test: begin -->$' README.md; then
	line="  - Linux $release: \`make test KVER=${KVER:-7.2}\` $passed passed, 0 failed, $skipped skipped ($(date -u +%F))"
	awk -v line="$line" -v key="  - Linux ${release%%.*}.$(echo "$release" | cut -d. -f2)." '
		/^<!-- make test: begin -->$/ { inside = 1; print; next }
		inside && /^<!-- make test: end -->$/ { if (!done) print line; inside = 0; print; next }
		inside && index($0, key) == 1 { if (!done) print line; done = 1; next }
		{ print }' README.md >README.md.tmp && mv README.md.tmp README.md
	# The default kernel's coverage: the spec table of docs/specs.md and the README's counts.
	if [ -n "$cov" ] && [ "${KVER:-7.2}" = 7.2 ]; then
		md=$(printf '%s\n' "$cov" | target/release/kapi coverage --markdown -)
		printf '%s\n' "$md" | write_between docs/specs.md coverage
		printf '%s\n' "$md" | grep '^Not reached and not named' || true
		{ echo '```'; echo "== tests generated from the specs"; printf '%s\n' "$generated"; echo '```'; } |
			write_between docs/specs.md generated
		printf '%s\n' "$md" | tail -n1 | sed "s/^/  /;s/\.\$/ in \`make test\` ($(date -u +%F))./" |
			write_between README.md specs
	fi
fi
exit $rc

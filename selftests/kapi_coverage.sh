#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The coverage file: root-only, one `<syscall> <success|errno|constraint> <item> <seen|unseen>`
# line per item; known mlock-family calls mark exactly their items seen; writing 0 resets and
# any other write fails with EINVAL and changes nothing. Ends by running the demo calls, so the
# coverage printed at the end of the run shows something. Tests of a syscall whose spec is not
# built in are skipped.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/report.sh"
module_ready || exit 1

COV=$DBG/coverage
# The test's own shell and tools read, write, open and map files, which other specs cover:
# what it compares is the mlock family's lines, which only mlock_calls moves.
family() { grep -E "^($(echo $MLOCK_FAMILY | tr ' ' '|')) " $COV; }
seen() { family | grep ' seen$'; }
call() { $SELF/mlock_calls "$@" >/dev/null; }

check "coverage is root-only read-write (0600)" sh -c "ls -l $COV | grep -q '^-rw------- '"
check "every line is '<syscall> <success|errno|constraint> <item> <seen|unseen>'" \
	sh -c "! grep -Ev '^[a-z0-9_]+ (success - |errno E[A-Z0-9]+ |constraint [a-z0-9_]+:[a-z0-9_]+(:[0-9]+)? )(seen|unseen)$' $COV"
check "one success line per spec" test "$(grep -c ' success - ' $COV)" = "$(ls $DBG/specs | wc -l)"

was=$(cat $DBG/enabled)
echo 1 > $DBG/enabled
check "writing 0 resets" sh -c "echo 0 > $COV"
check "after a reset nothing is seen" test -z "$(seen)"

if have mlock2 && have mlockall; then
	check "mlock2 declares EINVAL EPERM EINTR ENOMEM EAGAIN, in spec order" \
		test "$(awk '$1 == "mlock2" && $2 == "errno" { printf "%s ", $3 }' $COV)" = "EINVAL EPERM EINTR ENOMEM EAGAIN "
	check "mlock2 constraints: start:no_wrap len:range flags:mask" \
		test "$(awk '$1 == "mlock2" && $2 == "constraint" { printf "%s ", $3 }' $COV)" = "start:no_wrap len:range flags:mask "
	call mlock2 4096 0x80      # EINVAL, flags:mask broken
	call mlock2 4096 0         # success
	call mlock2_at 0 4096 0    # ENOMEM (nothing mapped at 0)
	call mlockall 0x100        # EINVAL, flags:mask broken
	# Specs come in syscall-number order (mlockall is 151, mlock2 325).
	want="mlockall errno EINVAL seen
mlockall constraint flags:mask seen
mlock2 success - seen
mlock2 errno EINVAL seen
mlock2 errno ENOMEM seen
mlock2 constraint flags:mask seen"
	got=$(seen)
	if [ "$got" = "$want" ]; then ok "known calls: exactly their items are seen"; else
		nok "known calls: exactly their items are seen"; diag "want: $want"; diag "got:  $got"; fi

	before=$(family)
	for bad in 1 reset " 0" 00 "0 " -1 123456789 "$(printf '0\n0')"; do
		out=$(write $COV "$bad")
		rc=$?
		bad=$(printf '%s' "$bad" | awk 'NR > 1 { printf "\\n" } { printf "%s", $0 }')
		if [ $rc != 0 ] && echo "$out" | grep -q 'Invalid argument' && [ "$(family)" = "$before" ]; then
			ok "writing '$bad' fails with EINVAL and changes nothing"
		else
			nok "writing '$bad' fails with EINVAL and changes nothing (rc=$rc: $out)"
		fi
	done

	echo 0 > $DBG/enabled
	off=$(cat $COV)
	call mlock2 4096 0x40
	check "switched off: coverage does not move" test "$(cat $COV)" = "$off" -a "$(family)" = "$before"
	echo 1 > $DBG/enabled

	check "writing 0 without newline resets" sh -c "printf 0 > $COV"
	check "after the reset nothing is seen" test -z "$(seen)"
	call mlock2 4096 1
	check "a second run covers afresh" test "$(seen)" = "mlock2 success - seen"

	# Leave the demo's coverage for the table printed at the end of the run.
	echo 0 > $COV
	call demo
else
	skip "coverage of known calls" "no mlock2/mlockall spec built in"
fi
echo "$was" > $DBG/enabled
done_testing

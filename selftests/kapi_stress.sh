#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Reliability runs (make stress; TAP). Expects the module loaded with enabled=0. Each phase is
# bounded in count and time and prints what it tried as "# stress: ..." lines:
#
#   cycles   CYCLES x (insmod, enable, disable, enable, rmmod while enabled) with every vCPU
#            making valid and invalid mlock-family calls and other syscalls; no warning (the VM
#            runner fails the run on any), no leak (kmemleak where the kernel has it, slab and
#            free memory before and after), and with the load still running, the counters of a
#            syscall the load does not make stay exact.
#   fuzz     kapi_fuzz over the mlock family, FUZZ_CALLS calls of each, argument words drawn
#            from the pools of kapi_fuzz.txt (written by `kapi cases`; without it the
#            hand-written testdata/kapi_fuzz_mlock.txt). Every call counted, every report
#            counted in the statistics and traced (same figures), and no report that says the
#            kernel and the specs disagree (undeclared errno, bad success, oracle) for calls the
#            kernel accepted or refused.
#   input    garbage, empty-line, overlong, partial and concurrent writes to every control file:
#            EINVAL and the state unchanged; an unprivileged user can neither read nor write
#            them, and a flood of bad calls from that user is rate-limited in dmesg while the
#            counters stay exact.
#   failslab module load with its Nth fault point (slab allocation) failing, N = 1, 2, ... until
#            every point was tried (at most FAIL_MAX), where the kernel has fault injection (the
#            debug kernel): each load fails cleanly or works completely, never half.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/report.sh"
CYCLES=${CYCLES:-200}
FUZZ_CALLS=${FUZZ_CALLS:-2000}
SEED=${SEED:-1}
FAIL_MAX=${FAIL_MAX:-1000}

CPUS=$(grep -c ^processor /proc/cpuinfo)

# Reads a counter of the stats table; 0 when the module is not loaded.
stat() { [ -r $DBG/stats ] && count "$1" "$2" || echo 0; }
meminfo() { awk -v k="$1:" '$1 == k { print $2 }' /proc/meminfo; }
kmemleak() { [ -w /sys/kernel/debug/kmemleak ]; }

# ---- cycles --------------------------------------------------------------------------------
if kmemleak; then
	echo clear > /sys/kernel/debug/kmemleak
fi
slab0=$(meminfo Slab) free0=$(meminfo MemFree)
rmmod kapi_validator
"$SELF"/syscall_load 100000 "$CPUS" mix >/tmp/stress-load.out 2>&1 &
load=$!
start=$(date +%s)
i=0 good=0
while [ $i -lt "$CYCLES" ]; do
	if out=$( (insmod $KO enabled=0 && echo 1 > $DBG/enabled && echo 0 > $DBG/enabled &&
		echo 1 > $DBG/enabled && test "$(cat $DBG/enabled)" = 1 && rmmod kapi_validator &&
		! loaded) 2>&1); then
		good=$((good + 1))
	else
		diag "cycle $i: $out"
		loaded && rmmod kapi_validator
	fi
	i=$((i + 1))
done
secs=$(( $(date +%s) - start ))
check "$CYCLES load/enable/disable/enable/unload cycles under load on $CPUS vCPUs ($secs s)" test $good = "$CYCLES"

# The counters stay exact while every vCPU makes syscalls: the load never calls mlockall, so
# this process's bad mlockall calls are exactly what the statistics must show.
insmod $KO enabled=1
n=500
"$SELF"/mlock_calls repeat $n mlockall 0x80 >/dev/null
check "under load, $n bad mlockall calls are counted exactly (calls $(stat mlockall calls), arg $(stat mlockall arg))" \
	sh -c "test $(stat mlockall calls) = $n && test $(stat mlockall arg) = $n && test $(stat mlockall exits) = $n"
kill $load
wait $load 2>/dev/null
calls=$(grep -o 'made [0-9]*' /tmp/stress-load.out | awk '{ s += $2 } END { print s + 0 }')
echo 0 > $DBG/enabled
rmmod kapi_validator
unloaded() { ! loaded; }
check "module unloaded after the cycles" unloaded
sleep 1
slab1=$(meminfo Slab) free1=$(meminfo MemFree)
echo "# stress: cycles=$CYCLES ok=$good seconds=$secs load_calls=$calls slab_kb=$slab0->$slab1 free_kb=$free0->$free1"
if kmemleak; then
	echo scan > /sys/kernel/debug/kmemleak
	sleep 6
	echo scan > /sys/kernel/debug/kmemleak
	leaks=$(grep -c '^unreferenced object' /sys/kernel/debug/kmemleak)
	[ "$leaks" = 0 ] || head -n 40 /sys/kernel/debug/kmemleak | sed 's/^/# /'
	check "kmemleak finds no leak after the cycles ($leaks)" test "$leaks" = 0
else
	# Without kmemleak: the module's memory is freed on unload; slab usage must not have grown
	# by more than 1 MiB over all the cycles (each load allocates a few KiB of debugfs nodes).
	check "slab usage after the cycles within 1 MiB of before (${slab0} -> ${slab1} kB)" \
		test $((slab1 - slab0)) -lt 1024
fi

# ---- fuzz ----------------------------------------------------------------------------------
insmod $KO enabled=0
echo 0 > $DBG/stats
echo 8192 > $TRACE/buffer_size_kb
echo > $TRACE/trace
echo 1 > $TRACE/events/$KAPI_TRACE_EVENT/enable
echo 1 > $DBG/enabled
start=$(date +%s)
pools=$SELF/kapi_fuzz.txt
[ -f "$pools" ] || pools=$SELF/testdata/kapi_fuzz_mlock.txt
fuzz=$("$SELF"/kapi_fuzz --only "$(echo $MLOCK_FAMILY | tr ' ' ,)" "$pools" "$SEED" \
	$((FUZZ_CALLS * $(echo $MLOCK_FAMILY | wc -w))))
echo 0 > $DBG/enabled
echo 0 > $TRACE/events/$KAPI_TRACE_EVENT/enable
secs=$(( $(date +%s) - start ))
echo "$fuzz" | sed 's/^/# /'
total=0
for s in $MLOCK_FAMILY; do
	made=$(echo "$fuzz" | sed -n "s/^fuzz $s calls=\([0-9]*\).*/\1/p")
	total=$((total + made))
	# Calls made again alone to find the one that disagreed (kapi_fuzz's replayed=N).
	again=$(echo "$fuzz" | sed -n "s/^fuzz $s .* replayed=\([0-9]*\).*/\1/p")
	made=$((made + ${again:-0}))
	check "fuzz: every $s call was checked ($made made, $(stat $s calls) checked, $(stat $s exits) exits)" \
		sh -c "test '$made' = $(stat $s calls) && test '$made' = $(stat $s exits)"
done
for k in $KAPI_KINDS; do
	counted=0
	for s in $MLOCK_FAMILY; do
		counted=$((counted + $(stat $s $k)))
	done
	traced=$(grep -c "$KAPI_TRACE_MARKER.* kind=$k " $TRACE/trace)
	eval "fuzz_$k=$counted"
	check "fuzz: $k reports counted and traced agree ($counted counted, $traced traced)" \
		test "$counted" = "$traced"
done
lost=$(grep -o 'entries-in-buffer/entries-written: [0-9]*/[0-9]*' $TRACE/trace)
disagree=$((fuzz_undeclared_errno + fuzz_bad_success + fuzz_oracle_errno + fuzz_oracle_success))
if [ $disagree != 0 ]; then
	grep -F "$KAPI_TRACE_MARKER" $TRACE/trace | grep -v ' kind=arg ' | sed "s/.*$KAPI_TRACE_MARKER//" |
		sort | uniq -c | sort -rn | head -n 20 | sed 's/^/# /'
fi
check "fuzz: no report of the kernel disagreeing with a spec ($disagree)" test $disagree = 0
echo "# stress: fuzz seed=$SEED calls=$total seconds=$secs arg_reports=$fuzz_arg disagreements=$disagree trace=$lost"
echo 1408 > $TRACE/buffer_size_kb

# ---- input ---------------------------------------------------------------------------------
tried=0
long=$(head -c 5000 /dev/zero | tr '\0' 1)
for f in enabled stats coverage; do
	before=$(cat $DBG/$f)
	# The empty line `echo > FILE` writes.
	out=$(sh -c "echo > $DBG/$f" 2>&1)
	rc=$?
	tried=$((tried + 1))
	if [ $rc = 0 ] || [ "$(cat $DBG/$f)" != "$before" ]; then
		nok "writing an empty line to $f: rc=$rc, state changed: $out"
	fi
	for bad in "2" "abc" "$long" "1 1" "$(printf '\001')" "0x1" "+1"; do
		out=$(write $DBG/$f "$bad")
		rc=$?
		tried=$((tried + 1))
		if [ $rc = 0 ] || [ "$(cat $DBG/$f)" != "$before" ]; then
			nok "writing '$(echo "$bad" | cut -c1-16)' to $f: rc=$rc, state changed: $out"
		fi
	done
	# A partial write: the first byte of "01" alone would be valid, the write as a whole is not.
	out=$(printf '01' | dd of=$DBG/$f bs=2 count=1 2>&1)
	tried=$((tried + 1))
	[ "$(cat $DBG/$f)" = "$before" ] || nok "a partial write to $f changed it"
done
ok "garbage, empty-line, overlong and partial writes to enabled, stats and coverage: EINVAL, nothing changed ($tried writes)"
# Concurrent writers: 4 processes write 0, 1 and garbage to enabled 200 times each; the state
# must end as one of the valid values, the module working.
j=0
while [ $j -lt 4 ]; do
	(k=0; while [ $k -lt 200 ]; do echo $((k % 2)) > $DBG/enabled; echo x > $DBG/enabled 2>/dev/null
		k=$((k + 1)); done) &
	j=$((j + 1))
done
wait
state=$(cat $DBG/enabled)
check "concurrent writes (4 x 400) leave enabled 0 or 1 ($state)" sh -c "test '$state' = 0 || test '$state' = 1"
echo 1 > $DBG/enabled
"$SELF"/mlock_calls mlock2 4096 0x80 >/dev/null
check "the validator works after the concurrent writes" test "$(stat mlock2 arg)" -ge 1
echo 0 > $DBG/stats
for f in enabled stats coverage list; do
	check "nobody cannot read $f" sh -c "! su -s /bin/sh nobody -c 'cat $DBG/$f' >/dev/null 2>&1"
	check "nobody cannot write $f" sh -c "! su -s /bin/sh nobody -c 'echo 0 > $DBG/$f' 2>/dev/null"
done
check "enabled is still 1 after nobody's attempts" test "$(cat $DBG/enabled)" = 1
# An unprivileged flood: 2000 bad calls; dmesg gets at most the rate limit (10 per 5 s, and the
# flood takes well under 5 s here, plus one "callbacks suppressed" line later), the counters all.
sleep 5
dmesg -c >/dev/null
su -s /bin/sh nobody -c "$SELF/mlock_calls repeat 2000 mlock2 4096 0x80" >/dev/null
lines=$(dmesg | grep -cF "$KAPI_DMESG_MARKER")
check "a flood of 2000 bad calls by nobody: $lines dmesg lines (at most 10), 2000 counted" \
	sh -c "test $lines -le 10 && test $(stat mlock2 arg) = 2000"
echo 0 > $DBG/enabled
echo "# stress: input writes=$tried concurrent_writes=1600 flood=2000 dmesg_lines=$lines"

# ---- failslab ------------------------------------------------------------------------------
# The systematic fail-nth method: load N fails the Nth fault point of the load (a slab
# allocation), N = 1, 2, ... until a load no longer reaches its Nth point (every point tried) or
# FAIL_MAX. Each load must fail cleanly (nothing left behind) or work completely.
rmmod kapi_validator
if [ -w /proc/self/fail-nth ] && [ -d /sys/kernel/debug/failslab ]; then
	echo N > /sys/kernel/debug/failslab/ignore-gfp-wait	# module loading uses GFP_KERNEL
	# Fault points under the kernel's creation of a trace event's tracefs directory
	# (event_create_dir(), which the module loader runs for a module's events) are left out
	# where the kernel has the stack-trace filter: 7.2 has a use-after-free in that error path
	# (selftests/FINDINGS.md, "A kernel bug found by make stress").
	excluded=none
	if [ -w /sys/kernel/debug/failslab/reject-start ]; then
		start=$(awk '$3 == "event_create_dir" { print $1; exit }' /proc/kallsyms)
		end=$(sort /proc/kallsyms | awk -v a="$start" '$1 > a { print $1; exit }')
		if [ -n "$start" ] && [ -n "$end" ] &&
			echo 0x$start > /sys/kernel/debug/failslab/reject-start &&
			echo 0x$end > /sys/kernel/debug/failslab/reject-end; then
			excluded=event_create_dir
		fi
	fi
	insmod $KO enabled=0
	nspecs=$(ls $DBG/specs | wc -l)
	rmmod kapi_validator
	n=1 loads=0 failed=0 survived=0 bad=0 all=no
	while [ $n -le "$FAIL_MAX" ]; do
		res=$("$SELF"/failnth_insmod $n $KO enabled=1)
		case "$res" in
		loaded*)
			loads=$((loads + 1))
			# Loaded: it must work completely.
			if ! { test -r $DBG/enabled && test -r $DBG/stats && test -r $DBG/list &&
				test -r $DBG/coverage && test "$(ls $DBG/specs | wc -l)" = "$nspecs" &&
				test -d $TRACE/events/$KAPI_TRACE_EVENT &&
				test "$(cat $DBG/enabled)" = 1; }; then
				bad=$((bad + 1)); diag "fail-nth $n: $res but its debugfs is incomplete"
			fi
			case "$res" in *injected=1*) survived=$((survived + 1)) ;; esac
			rmmod kapi_validator || { bad=$((bad + 1)); diag "fail-nth $n: rmmod failed"; }
			case "$res" in *injected=0*) all=yes; break ;; esac
			;;
		failed*)
			failed=$((failed + 1))
			# Not loaded: nothing of it may remain.
			if loaded || [ -e $DBG ]; then
				bad=$((bad + 1)); diag "fail-nth $n: $res but something was left behind"
				loaded && rmmod kapi_validator
			fi
			;;
		*) bad=$((bad + 1)); diag "fail-nth $n: $res" ;;
		esac
		n=$((n + 1))
	done
	echo Y > /sys/kernel/debug/failslab/ignore-gfp-wait
	if [ "$excluded" != none ]; then
		echo 0 > /sys/kernel/debug/failslab/reject-start
		echo 0 > /sys/kernel/debug/failslab/reject-end
	fi
	check "fail-nth: $((failed + loads)) loads (every fault point of the load tried: $all): $failed failed cleanly, $loads loaded fully ($survived despite the fault), $bad half-loaded" \
		test $bad = 0
	echo "# stress: failslab loads=$((failed + loads)) failed_cleanly=$failed loaded=$loads survived_fault=$survived half_loaded=$bad every_point_tried=$all excluded=$excluded"
else
	skip "failslab" "the kernel has no fault injection (run with KERNEL=debug)"
fi
insmod $KO enabled=0
done_testing

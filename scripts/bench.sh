#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make bench`: what the validator costs per syscall, side by side with no module and with an
# empty sys_enter/sys_exit probe pair, in one VM boot per timing method; and what the module
# and each spec weigh. Prints the tables and writes them to BENCH.md. Not a test: it only fails
# when something could not be measured.
#
#   scripts/bench.sh --kdir DIR --module KO --empty KO [--out FILE]
#
# Environment: BENCH_CALLS (calls per round, default 100000), BENCH_ROUNDS (wall-clock rounds,
# default 5), BENCH_CPUS (vCPUs of the wall-clock boot, default 2).
source "$(dirname "$0")/lib.sh"

kdir= module= empty= out=$KAPI_ROOT/BENCH.md
while (($#)); do
	case "$1" in
	--kdir) kdir=$2; shift 2 ;;
	--module) module=$2; shift 2 ;;
	--empty) empty=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	*) die "unknown option '$1' (see the header of $0)" ;;
	esac
done
[ -f "$module" ] || die "--module: '$module' not found (run 'make module')"
[ -f "$empty" ] || die "--empty: '$empty' not found (make bench builds it)"
calls=${BENCH_CALLS:-100000}
rounds=${BENCH_ROUNDS:-5}
cpus=${BENCH_CPUS:-2}
[[ $calls =~ ^[1-9][0-9]*$ && $rounds =~ ^[1-9][0-9]*$ ]] ||
	die "BENCH_CALLS and BENCH_ROUNDS must be positive numbers"

work=$(mktemp -d "${TMPDIR:-/tmp}/kapi-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- Module size: without specs, with all of specs/, and with all but one --------------------
# Bytes loaded into kernel memory: the allocated sections of the .ko (text and rodata, data,
# bss), as `size` counts them. A spec's cost is what removing it from the full module saves.
module_bytes() { size "$1" | awk 'NR == 2 { print $1, $2, $3, $4 }'; }
log "module size: building the module with no spec and with all specs but one"
sizes=$work/sizes
specs=("$KAPI_ROOT"/specs/*.kapi)
build_variant() { # NAME SPECS...
	local name=$1 dir
	shift
	dir=$KAPI_CACHE/module/bench-size-$(basename "$kdir")-$name
	make -s -C "$KAPI_ROOT" module KDIR="$kdir" MODULE_OUT="$dir" SPECS="$*" >"$work/build.log" 2>&1 ||
		{ cat "$work/build.log" >&2; die "building the module with specs '$*' failed"; }
	echo "$name $(module_bytes "$dir/kapi_validator.ko")" >>"$sizes"
}
build_variant none
echo "all $(module_bytes "$module")" >>"$sizes"
for s in "${specs[@]}"; do
	build_variant "$(basename "$s" .kapi)" $(printf '%s\n' "${specs[@]}" | grep -vxF "$s")
done

# --- Timings -------------------------------------------------------------------------------
run_vm() { # NAME VM-OPTIONS... -- GUEST-ENV
	local name=$1
	shift
	log "timing: $name boot (console in $work/$name.log)"
	"$KAPI_ROOT/scripts/vm.sh" --kdir "$kdir" --files "$module $empty" --timeout 1200 \
		--log "$work/$name.log" "$@" >/dev/null ||
		die "the $name benchmark boot failed (console tail above)"
	tr -d '\r' <"$work/$name.log" | sed -n "s/^bench /$name /p" >>"$work/results"
	grep -q "^$name done" "$work/results" || die "the $name boot did not finish the benchmark"
}
icount_flags="-icount shift=0,sleep=off -rtc base=2020-01-01T00:00:00,clock=vm"
run_vm icount --cpus 1 --icount -- "CALLS=$calls ROUNDS=2 /kapi/selftests/kapi_bench.sh"
run_vm wall --cpus "$cpus" -- "CALLS=$calls ROUNDS=$rounds PARALLEL=1 /kapi/selftests/kapi_bench.sh"

# --- Report ------------------------------------------------------------------------------------
qemu=$(qemu-system-x86_64 --version | head -n1)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
kernel=$(sed -n 's/^icount kernel=\([^ ]*\).*/\1/p' "$work/results" | head -n1)
version=$(git -C "$KAPI_ROOT" describe --always --dirty 2>/dev/null || echo unknown)
ko_sum=$(sha256sum "$module" | cut -c1-12)
nspecs=${#specs[@]}

{
	echo "# kapi-validator benchmark"
	echo
	echo "Written by \`make bench\` on $(date -u +%Y-%m-%d) (do not edit; rerun it)."
	echo
	echo "- kernel: Linux $kernel ($(basename "$kdir")), module: kapi-validator $version" \
		"(kapi_validator.ko sha256 $ko_sum, $nspecs specs)"
	echo "- host: $cpu, $(nproc) cores; $qemu"
	echo "- method: one VM boot per timing method; in it the same loops run under each" \
		"configuration in turn: (a) no module, (b) kapi_validator loaded and switched off," \
		"(c) kapi_empty_probe (empty sys_enter + sys_exit probes, the floor of any" \
		"tracepoint-based validator), then kapi_validator switched on. Each figure is the fastest" \
		"of its rounds of $calls calls (selftests/syscall_bench.c), in ns per call."
	echo "- icount: \`-accel tcg -smp 1 $icount_flags\`: guest time counts executed" \
		"instructions (1 ns each), so the figures are exactly repeatable; 2 rounds."
	echo "- wall-clock: \`-accel tcg,thread=multi -smp $cpus\`: real time under TCG, noisy" \
		"(a shared host); $rounds rounds. The parallel rows run one process per vCPU at once."
	echo
	awk -v nspecs="$nspecs" -f "$KAPI_ROOT/scripts/bench-report.awk" "$work/results" "$sizes"
} >"$work/BENCH.md"
cp "$work/BENCH.md" "$out"
cat "$out"
log "written to $out"

# docs/benchmark.md shows the icount table and the goals of this run, between its two markers.
page=$KAPI_ROOT/docs/benchmark.md
if [ "$out" = "$KAPI_ROOT/BENCH.md" ] && grep -q '^<!-- make bench: begin -->$' "$page"; then
	{
		echo "Icount figures of the last run (instructions per call; module $version):"
		echo
		sed -n '/^## icount/,/^What the validator counted/p' "$out" | sed '1,2d;$d' | sed '/^$/d'
		echo
		sed -n '/^## Goals/,/^## Module size/p' "$out" | sed '1,2d;$d' | sed '/^$/d'
	} >"$work/figures"
	awk -v figures="$work/figures" '
		/^<!-- make bench: end -->$/ { skip = 0 }
		!skip { print }
		/^<!-- make bench: begin -->$/ {
			while ((getline line < figures) > 0) print line
			skip = 1
		}' "$page" >"$work/benchmark.md"
	cp "$work/benchmark.md" "$page"
	log "docs/benchmark.md's figures: written from this run"
fi

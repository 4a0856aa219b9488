#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boots a kernel under QEMU with kapi_validator loaded and runs one command in the guest.
#
#   scripts/vm.sh --kdir DIR [--module KO] [--cpus N] [--enable 0|1] [--timeout SECONDS]
#                 [--files "PATH ..."] [--log FILE] [--icount] [--session] [--out DIR] [--quiet]
#                 -- CMD [ARGS...]
#
# Without --module (or with an empty one) no module is loaded at boot. --icount runs the guest
# under TCG with QEMU's -icount shift=0,sleep=off and a virtual RTC: the guest clock then counts
# executed instructions (one per ns), so timings are exactly repeatable (slower to run, and the
# vCPUs take turns on one host thread).
#
# The guest is a busybox initramfs: the module and the selftests are under /kapi, the --files
# under /work (the working directory of CMD). The console streams to stdout and to the log.
# The exit status is CMD's. It is non-zero (and the console tail is printed) if the guest
# panics, hangs past the timeout, the module fails to load, or the console shows a kernel
# BUG, WARNING, Oops, lockdep or RCU-stall report, even when CMD succeeded.
#
# For a user's run (`make vm`): --session enables the validator's trace event and resets its
# statistics and coverage just before CMD, so that they hold CMD's run only. --out DIR brings
# back what the run produced, into DIR on the host: console.log, and, when the module is loaded,
# stats, coverage and trace (the trace buffer), and whatever CMD wrote under the guest's
# /work/out, in DIR/out (sent over the console as a base64 tar, after the command). --quiet shows
# only the command's output, the validator's report lines and kernel errors on the terminal
# (the whole console is in the log). A dynamically linked program among the --files is refused
# before booting: the guest has no shared libraries.
source "$(dirname "$0")/lib.sh"

kdir= module= cpus=2 enable=1 timeout=600 files= log= icount=0 session=0 out= quiet=0
while (($#)); do
	case "$1" in
	--kdir) kdir=$2; shift 2 ;;
	--module) module=$2; shift 2 ;;
	--cpus) cpus=$2; shift 2 ;;
	--enable) enable=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--files) files=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--icount) icount=1; shift ;;
	--session) session=1; shift ;;
	--out) out=$2; shift 2 ;;
	--quiet) quiet=1; shift ;;
	--) shift; break ;;
	*) die "unknown option '$1' (see the header of $0)" ;;
	esac
done
{ (($#)) && [ -n "$*" ]; } || die "no command given: scripts/vm.sh ... -- CMD (make vm CMD=...)"
[[ $cpus =~ ^[1-8]$ ]] || die "--cpus must be 1..8, got '$cpus'"
[[ $enable =~ ^[01]$ ]] || die "--enable must be 0 or 1, got '$enable'"
[[ $timeout =~ ^[0-9]+$ ]] || die "--timeout must be a number of seconds, got '$timeout'"
need qemu-system-x86_64 "run 'make setup' (installs Debian's qemu-system-x86)"
need cpio "run 'make setup' (installs cpio)"
busybox=/bin/busybox
file -L "$busybox" 2>/dev/null | grep -q 'statically linked' ||
	die "a static /bin/busybox is missing; run 'make setup' (installs Debian's busybox-static)"
bzimage=$kdir/arch/x86/boot/bzImage
[ -f "$bzimage" ] || die "no kernel image at $bzimage (is --kdir a built kernel tree?)"
[ -z "$module" ] || [ -f "$module" ] || die "module $module not found (run 'make module')"

work=$(mktemp -d "${TMPDIR:-/tmp}/kapi-vm.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,work,kapi,etc,root}
cp "$busybox" "$root/bin/busybox"
[ -z "$module" ] || cp "$module" "$root/kapi/kapi_validator.ko"
if [ -d "$KAPI_ROOT/selftests/build" ]; then
	cp -r "$KAPI_ROOT/selftests/build" "$root/kapi/selftests"
fi
for f in $files; do
	[ -e "$f" ] || die "--files: '$f' does not exist"
	if [ -f "$f" ] && file -L "$f" | grep -q 'ELF.*dynamically linked'; then
		die "--files: '$f' is dynamically linked; the guest (a busybox initramfs) has no shared" \
			"libraries: link it statically (e.g. gcc -static)"
	fi
	cp -rL "$f" "$root/work/"
done
if [ -n "$out" ]; then
	mkdir -p "$out" || die "--out: cannot create '$out'"
	out=$(cd "$out" && pwd)
fi
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'nobody:x:65534:65534:nobody:/tmp:/bin/sh' >>"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"

nonce=$RANDOM$RANDOM
printf '%s ' "$@" >"$root/kapi/cmd"
cat >"$root/init" <<INIT
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/sbin HOME=/root
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug
mount -t tracefs tracefs /sys/kernel/tracing
echo "kapi-vm: booted Linux \$(uname -r) with \$(grep -c ^processor /proc/cpuinfo) CPUs"
rc=0
if [ -f /kapi/kapi_validator.ko ]; then
	if insmod /kapi/kapi_validator.ko enabled=$enable; then
		echo "kapi-vm: module loaded: \$(grep kapi_validator /proc/modules | cut -d' ' -f1-3)"
	else
		echo "kapi-vm: insmod kapi_validator.ko failed"; rc=125
	fi
fi
if [ \$rc = 0 ]; then
	if [ $session = 1 ] && [ -d /sys/kernel/debug/kapi_validator ]; then
		echo 1 > /sys/kernel/tracing/events/kapi_validator/enable
		echo 0 > /sys/kernel/debug/kapi_validator/stats
		echo 0 > /sys/kernel/debug/kapi_validator/coverage
	fi
	cd /work
	sh -c "\$(cat /kapi/cmd)"
	rc=\$?
	echo "kapi-vm: the command exited with status \$rc"
fi
if [ -n "$out" ]; then
	# Nothing else on the console while the archive goes out: the probes off, printk quiet.
	dbg=/sys/kernel/debug/kapi_validator
	[ -d \$dbg ] && echo 0 > \$dbg/enabled
	dmesg -n 1
	mkdir -p /tmp/kapi-out
	if [ -d \$dbg ]; then
		cat \$dbg/stats > /tmp/kapi-out/stats
		cat \$dbg/coverage > /tmp/kapi-out/coverage
		cat /sys/kernel/tracing/trace > /tmp/kapi-out/trace
	fi
	[ -d /work/out ] && cp -r /work/out /tmp/kapi-out/out
	echo "KAPI_VM_OUT_BEGIN_$nonce"
	tar -C /tmp/kapi-out -cf - . | gzip | base64
	echo "KAPI_VM_OUT_END_$nonce"
fi
echo "KAPI_VM_EXIT_$nonce=\$rc"
sync
poweroff -f
INIT
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet) >"$work/initramfs.cpio"

# KVM only if a guest was seen to boot with it on this machine and kernel (cached); TCG always works.
accel=tcg,thread=multi
kvm_mark=$KAPI_CACHE/vm/kvm-$(basename "$kdir")
mkdir -p "$KAPI_CACHE/vm"
if [ "$icount" = 1 ]; then
	accel=tcg	# icount needs single-threaded TCG
elif [ "${KAPI_ACCEL:-auto}" = auto ] && [ -w /dev/kvm ]; then
	if [ ! -f "$kvm_mark.ok" ] && [ ! -f "$kvm_mark.bad" ]; then
		log "probing KVM (a guest must boot with it within 20 s)"
		if timeout -k 2 20 qemu-system-x86_64 -accel kvm -cpu host -m 256M -smp 1 -kernel "$bzimage" \
			-initrd "$work/initramfs.cpio" -append "console=ttyS0 panic=-1 rdinit=/bin/true" \
			-display none -monitor none -serial stdio -no-reboot </dev/null 2>&1 | grep -q 'Linux version'; then
			touch "$kvm_mark.ok"
		else
			touch "$kvm_mark.bad"
		fi
	fi
	[ -f "$kvm_mark.ok" ] && accel=kvm
elif [ "${KAPI_ACCEL:-auto}" = kvm ]; then
	accel=kvm
fi

log="${log:-$work/console.log}"
# Kernel reports that fail a run (and that --quiet still shows).
problems='(BUG:|WARNING:|Oops|Kernel panic|general protection fault|Unable to handle kernel|kernel BUG|INFO: task .* blocked|rcu: INFO|possible recursive locking|circular locking|inconsistent lock state|UBSAN:|KASAN:)'
# The validator's dmesg marker, from the report format the selftests build generates.
format=$KAPI_ROOT/selftests/build/kapi_report_format.sh
marker=$([ -f "$format" ] && sed -n "s/^KAPI_DMESG_MARKER='\(.*\)'\$/\1/p" "$format")
if [ "$quiet" = 1 ] && [ -z "$marker" ]; then
	log "--quiet: no $format (make selftests writes it): showing the whole console"
	quiet=0
fi
# What the terminal shows of the console: all of it, or with --quiet the command's output, the
# validator's report lines and kernel errors (kernel lines carry a printk timestamp), never the
# archive of --out.
show() {
	if [ "$quiet" = 1 ]; then
		awk -v marker="$marker" -v problems="$problems" -v nonce="$nonce" '
			index($0, "KAPI_VM_OUT_BEGIN_" nonce) { skip = 1 }
			skip { if (index($0, "KAPI_VM_OUT_END_" nonce)) skip = 0; next }
			/^\[ *[0-9]+\.[0-9]+\] / {
				if (index($0, marker) || $0 ~ problems) print
				next
			}
			/^KAPI_VM_EXIT_/ { next }
			{ print; fflush() }'
	else
		cat
	fi
}
log "booting $(basename "$kdir") with $cpus vCPUs ($accel$([ "$icount" = 1 ] && echo ", icount")), timeout ${timeout}s"
cpu=max
[ "$accel" = kvm ] && cpu=host
qemu_extra=()
[ "$icount" = 1 ] && qemu_extra=(-icount shift=0,sleep=off -rtc base=2020-01-01T00:00:00,clock=vm)
set +e
timeout -k 10 "$timeout" qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -m 1G -smp "$cpus" "${qemu_extra[@]}" \
	-kernel "$bzimage" -initrd "$work/initramfs.cpio" \
	-append "console=ttyS0 panic=-1 oops=panic printk.time=1 rdinit=/init" \
	-display none -monitor none -serial stdio -no-reboot </dev/null 2>&1 | tee "$log" | show
qemu_rc=${PIPESTATUS[0]}
set -e

fail() {
	echo "----- console tail -----" >&2
	tail -n 40 "$log" >&2
	die "$*"
}
[ "$qemu_rc" = 124 ] && fail "the guest did not finish within ${timeout}s"
grep -q 'Linux version' "$log" || fail "the kernel did not boot"
if grep -Eq "$problems" "$log"; then
	grep -En "$problems" "$log" | head -5 >&2
	fail "the kernel reported a problem (see above)"
fi
rc=$(sed -n "s/.*KAPI_VM_EXIT_$nonce=\([0-9]*\).*/\1/p" "$log" | tail -n1)
[ -n "$rc" ] || fail "the guest stopped before the command finished (qemu exit $qemu_rc)"
if [ -n "$out" ]; then
	cp "$log" "$out/console.log"
	tr -d '\r' <"$log" | sed -n "/^KAPI_VM_OUT_BEGIN_$nonce\$/,/^KAPI_VM_OUT_END_$nonce\$/p" |
		sed '1d;$d' | grep -v '^\[ *[0-9]*\.[0-9]*\] ' | base64 -d | tar -xzf - -C "$out" ||
		fail "could not unpack what the guest sent back for --out"
	log "the run's console log, stats, coverage, trace and /work/out are in $out"
fi
[ "$rc" = 0 ] || log "the command exited with status $rc"
exit "$rc"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boots a kernel under QEMU with kapi_validator loaded and runs one command in the guest.
#
#   scripts/vm.sh --kdir DIR [--module KO] [--cpus N] [--enable 0|1] [--timeout SECONDS]
#                 [--files "PATH ..."] [--log FILE] [--icount] -- CMD [ARGS...]
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
source "$(dirname "$0")/lib.sh"

kdir= module= cpus=2 enable=1 timeout=600 files= log= icount=0
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
	cp -rL "$f" "$root/work/"
done
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
	cd /work
	sh -c "\$(cat /kapi/cmd)"
	rc=\$?
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
log "booting $(basename "$kdir") with $cpus vCPUs ($accel$([ "$icount" = 1 ] && echo ", icount")), timeout ${timeout}s"
cpu=max
[ "$accel" = kvm ] && cpu=host
qemu_extra=()
[ "$icount" = 1 ] && qemu_extra=(-icount shift=0,sleep=off -rtc base=2020-01-01T00:00:00,clock=vm)
set +e
timeout -k 10 "$timeout" qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -m 1G -smp "$cpus" "${qemu_extra[@]}" \
	-kernel "$bzimage" -initrd "$work/initramfs.cpio" \
	-append "console=ttyS0 panic=-1 oops=panic rdinit=/init" \
	-display none -monitor none -serial stdio -no-reboot </dev/null 2>&1 | tee "$log"
qemu_rc=${PIPESTATUS[0]}
set -e

fail() {
	echo "----- console tail -----" >&2
	tail -n 40 "$log" >&2
	die "$*"
}
[ "$qemu_rc" = 124 ] && fail "the guest did not finish within ${timeout}s"
grep -q 'Linux version' "$log" || fail "the kernel did not boot"
if grep -Eq '(BUG:|WARNING:|Oops|Kernel panic|general protection fault|Unable to handle kernel|kernel BUG|INFO: task .* blocked|rcu: INFO|possible recursive locking|circular locking|inconsistent lock state|UBSAN:|KASAN:)' "$log"; then
	grep -En '(BUG:|WARNING:|Oops|Kernel panic|general protection fault|Unable to handle kernel|kernel BUG|INFO: task .* blocked|rcu: INFO|possible recursive locking|circular locking|inconsistent lock state|UBSAN:|KASAN:)' "$log" | head -5 >&2
	fail "the kernel reported a problem (see above)"
fi
rc=$(sed -n "s/.*KAPI_VM_EXIT_$nonce=\([0-9]*\).*/\1/p" "$log" | tail -n1)
[ -n "$rc" ] || fail "the guest stopped before the command finished (qemu exit $qemu_rc)"
exit "$rc"

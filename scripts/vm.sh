#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boots a kernel under QEMU with kapi_validator loaded and runs one command in the guest.
#
#   scripts/vm.sh --kdir DIR [--module KO] [--cpus N] [--enable 0|1] [--timeout SECONDS]
#                 [--files "PATH ..."] [--progs "PROG ..."] [--log FILE] [--icount] [--session]
#                 [--out DIR] [--quiet] [--check] -- CMD [ARGS...]
#
# Without --module (or with an empty one) no module is loaded at boot. --icount runs the guest
# under TCG with QEMU's -icount shift=0,sleep=off and a virtual RTC: the guest clock then counts
# executed instructions (one per ns), so timings are exactly repeatable (slower to run, and the
# vCPUs take turns on one host thread).
#
# The guest is a busybox initramfs: the module and the selftests are under /kapi, the --files
# under /work (the working directory of CMD). The console streams to stdout and to the log.
#
# Host programs run in the guest unchanged: each of --progs (a name looked up on the host's PATH,
# or a path) is copied to its host path when that is under /usr (/bin and /sbin taken as
# /usr/bin and /usr/sbin: the guest's /bin is busybox's), else to /usr/local/bin; these come
# first on the guest's PATH, ahead of busybox's applets (but busybox's shell runs its own applet
# of a name first: run such a program by its path, /usr/bin/env). Every dynamically linked
# program among the --progs and the --files (executable files, also inside directories) gets its
# shared-library closure as ldd lists it, the ELF interpreter included, at the same paths as on
# the host, plus libgcc_s, which glibc dlopens to unwind threads. A library found outside the
# loader's default directories (through ld.so.conf, LD_LIBRARY_PATH or a RUNPATH) goes to
# /usr/lib/x86_64-linux-gnu instead, where the guest's loader finds it without a cache. A
# --progs path to a *.so* is such a library too (one a program opens by name at run time, which
# ldd cannot see), with its own closure. What cannot run is refused before booting, one line
# each with what is missing and how to get it: a program not found, not an x86-64 ELF program,
# or needing a library ldd does not find. --check stops after these checks (make vm runs it
# first, before building anything).
#
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
# (the whole console is in the log).
source "$(dirname "$0")/lib.sh"

kdir= module= cpus=2 enable=1 timeout=600 files= progs= log= icount=0 session=0 out= quiet=0 check=0
while (($#)); do
	case "$1" in
	--kdir) kdir=$2; shift 2 ;;
	--module) module=$2; shift 2 ;;
	--cpus) cpus=$2; shift 2 ;;
	--enable) enable=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--files) files=$2; shift 2 ;;
	--progs) progs=$2; shift 2 ;;
	--check) check=1; shift ;;
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

# ---- What goes into the guest besides busybox, the module and the selftests: srcs[i] at the
# guest's dests[i], all checked before anything is built or booted.
need file "run 'make setup' (installs Debian's file)"
srcs=() dests=() errors=()
declare -A placed=()
refuse() { errors+=("$*"); }
# put SRC DEST: each guest path once, the first source wins.
put() {
	[ -z "${placed[$2]:-}" ] || return 0
	placed[$2]=$1
	srcs+=("$1")
	dests+=("$2")
}
# system_lib_dir PATH: the library is in one of the loader's default directories (ld.so --help:
# "system search path"), where the guest's loader finds it without /etc/ld.so.cache.
system_lib_dir() {
	local d=${1%/*}
	d=${d%/glibc-hwcaps/*}
	case "$d" in /lib/x86_64-linux-gnu | /usr/lib/x86_64-linux-gnu | /lib | /usr/lib) ;; *) return 1 ;; esac
}
# put_lib PATH NAME: a shared library at its host path if the guest's loader looks there, else
# as NAME (what the loader looks for) in a directory it does.
put_lib() {
	if system_lib_dir "$1"; then
		put "$1" "$1"
	else
		put "$1" "/usr/lib/x86_64-linux-gnu/$2"
	fi
}
# add_libs WHAT ELF: the shared libraries ldd lists for ELF (recursively resolved), each at its
# host path, and the interpreter.
add_libs() {
	local what=$1 elf=$2 out line name path
	if ! out=$(LC_ALL=C ldd "$elf" 2>&1) && ! grep -q '=>' <<<"$out"; then
		refuse "$what: ldd cannot list the shared libraries of '$elf': $(head -n1 <<<"$out")"
		return
	fi
	while IFS= read -r line; do
		line=${line#"${line%%[![:space:]]*}"}
		name=${line%% *}
		case "$line" in
		*' => not found'*)
			refuse "$what: '$elf' needs the shared library $name, which ldd does not find on this" \
				"host: install the package that has it (apt-file search $name), or add its directory to LD_LIBRARY_PATH"
			;;
		*' => /'*)
			path=${line#*=> }; path=${path% (0x*}
			put_lib "$path" "$name"
			# glibc dlopens libgcc_s when a thread exits or is cancelled (unwinding).
			if [ "$name" = libc.so.6 ] && [ -f "${path%/*}/libgcc_s.so.1" ]; then
				put "${path%/*}/libgcc_s.so.1" "${path%/*}/libgcc_s.so.1"
			fi
			;;
		/*' (0x'*) put "$name" "$name" ;;	# the ELF interpreter
		esac
	done <<<"$out"
}
# elf_desc FILE: file(1)'s description of FILE; x86_64 DESC: that of an ELF the guest can run.
elf_desc() { file -bL "$1" 2>/dev/null || true; }
x86_64() { [[ $1 == 'ELF 64-bit LSB '*', x86-64, '* ]]; }

for p in $progs; do
	if [[ $p == */* ]]; then
		path=$p
		[ -e "$path" ] || { refuse "--progs: '$p' does not exist"; continue; }
	elif ! path=$(type -P "$p"); then
		refuse "--progs: '$p' is not found on PATH: install the Debian package that has it" \
			"(apt-file search bin/$p), or give its path (PROGS=/path/to/$p)"
		continue
	fi
	# A shared library (one a program opens by name at run time): with the others.
	lib=0
	case "$(basename "$path")" in *.so | *.so.*) lib=1 ;; esac
	if [ ! -f "$path" ] || { [ "$lib" = 0 ] && [ ! -x "$path" ]; }; then
		refuse "--progs: '$path' is not an executable file"
		continue
	fi
	desc=$(elf_desc "$path")
	short=$(cut -d, -f1-2 <<<"$desc")
	if [[ $desc != ELF* ]]; then
		refuse "--progs: '$path' is not an ELF program ($short): give compiled programs in PROGS," \
			"and scripts or data in FILES (with their interpreter in PROGS)"
		continue
	elif ! x86_64 "$desc" || [[ $desc != *executable* && $desc != *'shared object'* ]]; then
		refuse "--progs: '$path' is not an x86-64 program ($short): the guest runs x86-64" \
			"(64-bit) programs only; build it for x86_64"
		continue
	fi
	if [ "$lib" = 1 ]; then
		put_lib "$path" "$(basename "$path")"
	else
		dir=$(cd "$(dirname "$path")" && pwd -P)
		case "$dir" in /bin | /sbin) dir=/usr$dir ;; /usr/*) ;; *) dir=/usr/local/bin ;; esac
		put "$path" "$dir/$(basename "$path")"
	fi
	[[ $desc != *'dynamically linked'* ]] || add_libs --progs "$path"
done
for f in $files; do
	[ -e "$f" ] || { refuse "--files: '$f' does not exist"; continue; }
	put "$f" "/work/$(basename "$f")"
	# The executable files, also inside directories: x86-64 ones dynamically linked get their
	# libraries; others are copied as they are (a foreign ELF can be an execve test's input).
	while IFS= read -r -d '' x; do
		desc=$(elf_desc "$x")
		if x86_64 "$desc" && [[ $desc == *'dynamically linked'* ]]; then
			add_libs --files "$x"
		fi
	done < <(find -L "$f" -type f -perm /111 -print0 2>/dev/null)
done
if ((${#errors[@]})); then
	printf '[kapi] error: %s\n' "${errors[@]}" >&2
	exit 1
fi
((check == 0)) || exit 0
extra=()
for i in "${!dests[@]}"; do [[ ${dests[i]} == /work/* ]] || extra+=("${srcs[i]}"); done
((${#extra[@]} == 0)) ||
	log "host programs and shared libraries for the guest: ${#extra[@]} files, $(du -chL "${extra[@]}" | tail -n1 | cut -f1)"

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
for i in "${!srcs[@]}"; do
	mkdir -p "$root$(dirname "${dests[i]}")"
	cp -rL "${srcs[i]}" "$root${dests[i]}"
done
if [ -n "$out" ]; then
	mkdir -p "$out" || die "--out: cannot create '$out'"
	out=$(cd "$out" && pwd)
fi
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'nobody:x:65534:65534:nobody:/tmp:/bin/sh' >>"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"

# A busy host (a load above 1.5 times its core count: another build, say) runs the guest slower:
# the boot's bound and the guest's own time limits (KAPI_TIME_SCALE, which the timing-sensitive
# tests multiply theirs by) scale with the load, up to 4 times; said when they do.
time_scale=$(awk -v n="$(nproc)" '{ s = 1 + int($1 / (1.5 * n)); print (s > 4 ? 4 : s) }' /proc/loadavg)
if [ "$time_scale" -gt 1 ]; then
	log "the host is busy (load $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores): timeouts x$time_scale"
	timeout=$((timeout * time_scale))
fi
nonce=$RANDOM$RANDOM
printf '%s ' "$@" >"$root/kapi/cmd"
cat >"$root/init" <<INIT
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
export KAPI_TIME_SCALE=$time_scale
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
# Kernel reports that fail a run (and that --quiet still shows). (A user-space fault is
# "traps: prog[pid] general protection fault ip:...": not one of them.)
problems='(BUG:|WARNING:|Oops|Kernel panic|general protection fault[:,]|Unable to handle kernel|kernel BUG|INFO: task .* blocked|rcu: INFO|possible recursive locking|circular locking|inconsistent lock state|UBSAN:|KASAN:)'
# A kernel line of the console: it starts with its printk timestamp (printk.time=1).
kernel_line='^\[ *[0-9]+\.[0-9]+\] '
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
		# (the pattern through the environment: awk -v would take its backslashes as escapes)
		KERNEL_LINE=$kernel_line awk -v marker="$marker" -v problems="$problems" -v nonce="$nonce" '
			index($0, "KAPI_VM_OUT_BEGIN_" nonce) { skip = 1 }
			skip { if (index($0, "KAPI_VM_OUT_END_" nonce)) skip = 0; next }
			$0 ~ ENVIRON["KERNEL_LINE"] {
				if (index($0, marker) || $0 ~ problems) { print; fflush() }
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
# The bound: when it expires with QEMU still running, what the vCPUs were doing (vm-hang.py,
# through the monitor: registers, then sysrq backtraces on the console), then QEMU is stopped.
watchdog() {
	local i pid
	for ((i = 0; i < timeout; i++)); do
		sleep 1
		pid=$(cat "$work/qemu.pid" 2>/dev/null) || continue
		kill -0 "$pid" 2>/dev/null || return 0
	done
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
	touch "$work/timed-out"
	python3 "$KAPI_ROOT/scripts/vm-hang.py" "$work/monitor.sock" "$kdir/System.map" >"$work/hang.txt" 2>&1
	sleep 5
	kill "$pid" 2>/dev/null
	sleep 10
	kill -9 "$pid" 2>/dev/null
}
watchdog &
watchdog_pid=$!
set +e
qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -m 1G -smp "$cpus" "${qemu_extra[@]}" \
	-kernel "$bzimage" -initrd "$work/initramfs.cpio" \
	-append "console=ttyS0 panic=-1 oops=panic printk.time=1 rdinit=/init" \
	-display none -monitor "unix:$work/monitor.sock,server=on,wait=off" -pidfile "$work/qemu.pid" \
	-serial stdio -no-reboot </dev/null 2>&1 | tee "$log" | show
qemu_rc=${PIPESTATUS[0]}
kill "$watchdog_pid" 2>/dev/null
wait "$watchdog_pid" 2>/dev/null
set -e

fail() {
	echo "----- console tail -----" >&2
	tail -n "${tail_lines:-40}" "$log" >&2
	die "$*"
}
if [ -f "$work/timed-out" ]; then
	echo "----- the guest at the timeout -----" >&2
	cat "$work/hang.txt" >&2
	tail_lines=150	# the sysrq backtraces
	fail "the guest did not finish within ${timeout}s"
fi
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
		sed '1d;$d' | grep -Ev "$kernel_line" | base64 -d | tar -xzf - -C "$out" ||
		fail "could not unpack what the guest sent back for --out"
	log "the run's console log, stats, coverage, trace and /work/out are in $out"
fi
[ "$rc" = 0 ] || log "the command exited with status $rc"
exit "$rc"

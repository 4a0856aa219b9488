#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Checks that KDIR is a kernel tree the module can be built against, before Kbuild runs: built
# (a .config and Module.symvers), with Rust, loadable modules, the syscall tracepoints the probes
# hook and debugfs, which the module's interface lives in (the tests need more: selftests/config).
# One line naming what is missing and how to get it; nothing is changed.
#
#   scripts/kdir-check.sh KDIR
source "$(dirname "$0")/lib.sh"
kdir=$1
fix="or leave KDIR unset to build and use the test kernel"
[ -d "$kdir" ] || die "KDIR=$kdir does not exist; give a built kernel tree (the O= directory), $fix"
[ -f "$kdir/.config" ] && [ -f "$kdir/Module.symvers" ] ||
	die "KDIR=$kdir is not a built kernel tree (no .config or Module.symvers); build the kernel there first (make O=$kdir), $fix"
for need in "RUST:the module is Rust; make rustavailable tells what the toolchain lacks" \
	"MODULES:the validator is a loadable module" \
	"FTRACE_SYSCALLS:its probes hook the sys_enter/sys_exit tracepoints" \
	"DEBUG_FS:its switch, counters and spec listing are in debugfs"; do
	opt=CONFIG_${need%%:*}
	grep -qx "$opt=y" "$kdir/.config" ||
		die "KDIR=$kdir is built without $opt=y (${need#*:}); enable it and rebuild, $fix"
done
[ -f "$kdir/rust/libkernel.rmeta" ] ||
	die "KDIR=$kdir has CONFIG_RUST=y but no built Rust kernel crate (rust/libkernel.rmeta); finish the kernel build (make O=$kdir), $fix"

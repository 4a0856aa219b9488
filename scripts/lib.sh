# SPDX-License-Identifier: GPL-2.0
# Shared settings and helpers for the kapi-validator scripts. Sourced, not run.

set -euo pipefail

KAPI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Everything downloaded or built outside the repository lives here.
KAPI_CACHE=${KAPI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kapi-validator}

# Kernel source: Debian's linux-source-$KVER package, KVER=7.2 (default) or 7.3. The pinned
# version of each is the one known to work; when the archive no longer carries it, the newest
# $KVER.x it has is used instead.
KVER=${KVER:-7.2}
KVERS_TESTED="7.2 7.3"
case "$KVER" in
7.2) KERNEL_DEB_PIN_DEFAULT=7.2.13-1 ;;
7.3) KERNEL_DEB_PIN_DEFAULT=7.3.4-1~bpo13+1 ;;
*) KERNEL_DEB_PIN_DEFAULT= ;;
esac
KERNEL_DEB_PIN=${KERNEL_DEB_PIN:-$KERNEL_DEB_PIN_DEFAULT}
KERNEL_DEB_PKG=linux-source-$KVER
BINDGEN_VERSION=0.72.1
LIBCLANG_VERSION=18.1.1

export RUSTUP_TOOLCHAIN=${RUSTUP_TOOLCHAIN:-stable}

log() { printf '[kapi] %s\n' "$*" >&2; }
die() { printf '[kapi] error: %s\n' "$*" >&2; exit 1; }

# need CMD HOW: fail with one clear message when a tool is missing.
need() {
	command -v "$1" >/dev/null 2>&1 || die "'$1' is missing; $2"
}

# The libclang the kernel's bindgen uses (bookworm's libclang 14 is too old for 7.2).
libclang_dir() {
	echo "$KAPI_CACHE/tools/libclang-$LIBCLANG_VERSION/lib/python3/site-packages/clang/native"
}

# Environment for anything that runs the kernel's Rust build.
kernel_env() {
	export LIBCLANG_PATH
	LIBCLANG_PATH=$(libclang_dir)
	export PATH="$HOME/.cargo/bin:$PATH"
}

# vm_run_args "$@": the options of the scripts that boot one VM with the module (stress.sh,
# fuzz.sh): --kdir DIR --module KO [--cpus N] into $kdir, $module, $cpus.
vm_run_args() {
	kdir= module= cpus=2
	while (($#)); do
		case "$1" in
		--kdir) kdir=$2; shift 2 ;;
		--module) module=$2; shift 2 ;;
		--cpus) cpus=$2; shift 2 ;;
		*) die "unknown option '$1' (see the header of $0)" ;;
		esac
	done
	[ -f "$module" ] || die "--module: '$module' not found (run 'make module')"
}

# numbers VAR...: each set variable must be a number.
numbers() {
	local v
	for v in "$@"; do
		[ -z "${!v:-}" ] || [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a number, got '${!v}'"
	done
}

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Installs what the project needs, only what is missing, so it is safe to run every time:
# Debian packages, rustup's rust-src, a pinned bindgen-cli and a libclang >= 17; with
# KERNEL=debug also clang, lld and llvm 19 (the debug kernel is built with LLVM=-19).
source "$(dirname "$0")/lib.sh"

# Debian packages: QEMU, kernel build tools, the guest's busybox, static libcap for selftests,
# stress-ng, the external workload `make test` runs in the guest (make vm PROGS=stress-ng), and
# manpages-dev, the section 2 man pages `kapi draft` takes the errors from.
PKGS=(qemu-system-x86 busybox-static flex bison bc libelf-dev libssl-dev cpio rsync xz-utils
      libcap-dev kmod file make gcc libc6-dev python3 python3-venv stress-ng manpages-dev)
# The debug kernel (KERNEL=debug) is built with clang: Rust with KASAN needs a clang-built kernel.
[ "${KERNEL:-test}" != debug ] || PKGS+=(clang-19 lld-19 llvm-19)
missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
	log "installing Debian packages: ${missing[*]}"
	SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get update -qq || die "apt-get update failed (no network or no apt sources?)"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
		|| die "apt-get install ${missing[*]} failed"
fi

need rustup "install Rust with rustup (https://rustup.rs); the kernel's Rust support needs rustc >= 1.85"
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
	log "adding rustup component rust-src"
	rustup component add rust-src || die "rustup component add rust-src failed"
fi
for c in clippy rustfmt; do
	rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c" \
		|| die "rustup component add $c failed"
done

if ! bindgen --version 2>/dev/null | grep -q "bindgen $BINDGEN_VERSION"; then
	log "installing bindgen-cli $BINDGEN_VERSION (cargo install, about 2 minutes)"
	cargo install --locked "bindgen-cli@$BINDGEN_VERSION" \
		|| die "cargo install bindgen-cli@$BINDGEN_VERSION failed (is crates.io reachable?)"
fi

# libclang 18 from the PyPI wheel, which carries a self-contained libclang.so.
lc=$KAPI_CACHE/tools/libclang-$LIBCLANG_VERSION
if [ ! -f "$(libclang_dir)/libclang.so" ]; then
	log "installing libclang $LIBCLANG_VERSION (PyPI wheel) into $lc"
	rm -rf "$lc"
	mkdir -p "$KAPI_CACHE/tools"
	python3 -m pip install --quiet --no-deps --target "$lc/lib/python3/site-packages" \
		"libclang==$LIBCLANG_VERSION" || die "pip install libclang==$LIBCLANG_VERSION failed"
	[ -f "$(libclang_dir)/libclang.so" ] || die "libclang wheel did not contain clang/native/libclang.so"
fi
log "set-up complete"

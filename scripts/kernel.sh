#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Fetches Debian's linux-source-$KVER (KVER=7.2 by default, or 7.3; pinned, with a fallback to
# the newest $KVER.x) and builds the test kernel out of tree. Both are cached under $KAPI_CACHE; the build directory is keyed by the
# kernel version, the config fragment and the Rust toolchain, so changing any of them rebuilds.
#
#   scripts/kernel.sh source   print the unpacked source directory (fetching it if needed)
#   scripts/kernel.sh build [test|debug]
#                              print the built kernel directory, KDIR (building it if needed):
#                              the test kernel, or the debug one (KASAN, lockdep, KFENCE, ...)
#   scripts/kernel.sh headers  print a directory of the source's exported uapi headers
#                              (`make headers_install`, out of tree; for the kernel's selftests)
source "$(dirname "$0")/lib.sh"

APT_DIR=$KAPI_CACHE/apt
SOURCES="deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie-backports main"

apt_private() {
	apt-get -q -o Dir::Etc::SourceList="$APT_DIR/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$APT_DIR/lists" -o Dir::Cache="$APT_DIR/cache" \
		-o APT::Get::List-Cleanup=0 "$@"
}

# dir_safe VERSION: a Debian version as a directory name (7.3.4-1~bpo13+1 -> 7.3.4-1-bpo13-1), for
# build tools that do not expect ~ or + in paths.
dir_safe() { echo "${1//[~+]/-}"; }

# deb_versions: the versions of $KERNEL_DEB_PKG in the private package index, newest last.
deb_versions() {
	apt-cache -o Dir::Etc::SourceList="$APT_DIR/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$APT_DIR/lists" madison "$KERNEL_DEB_PKG" 2>/dev/null |
		awk -F'|' '{gsub(/ /,"",$2); print $2}' | sort -V
}

fetch_source() {
	[[ $KVER =~ ^[0-9]+\.[0-9]+$ ]] || die "KVER='$KVER' is not a kernel version like 7.2 (tested: $KVERS_TESTED)"
	local have
	have=$(ls -d "$KAPI_CACHE/src/linux-source-$KVER"-*/Makefile 2>/dev/null | sort -V | tail -n1 || true)
	if [ -n "$have" ]; then
		local want="$KAPI_CACHE/src/linux-source-$KVER-$(dir_safe "$KERNEL_DEB_PIN")/Makefile"
		[ -f "$want" ] && have=$want
		dirname "$have"
		return
	fi
	mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$KAPI_CACHE/src"
	printf '%s\n' "$SOURCES" >"$APT_DIR/sources.list"
	# The index is fetched once and again when it does not know the package (a new KVER).
	if [ -z "$(deb_versions)" ]; then
		log "fetching the package index of Debian sid and trixie-backports (for $KERNEL_DEB_PKG)"
		apt_private update >"$APT_DIR/update.log" 2>&1 ||
			die "could not download Debian's package index (network?); see $APT_DIR/update.log"
	fi
	local ver=$KERNEL_DEB_PIN
	if [ -z "$ver" ] || ! deb_versions | grep -qxF "$ver"; then
		ver=$(deb_versions | grep "^$KVER\." | tail -n1 || true)
		[ -n "$ver" ] || die "Debian (sid, trixie-backports) does not carry $KERNEL_DEB_PKG; KVER= one of: $KVERS_TESTED, or KDIR= your own Rust-enabled kernel build"
		[ -z "$KERNEL_DEB_PIN" ] || log "pinned $KERNEL_DEB_PIN is gone from the archive; using $ver"
	fi
	local tmp
	tmp=$(mktemp -d "$KAPI_CACHE/src/.dl.XXXXXX")
	(cd "$tmp" && apt_private download "$KERNEL_DEB_PKG=$ver" >&2) \
		|| die "apt-get download $KERNEL_DEB_PKG=$ver failed"
	log "unpacking $KERNEL_DEB_PKG $ver"
	dpkg-deb -x "$tmp"/*.deb "$tmp/deb"
	local dest="$KAPI_CACHE/src/linux-source-$KVER-$(dir_safe "$ver")"
	rm -rf "$dest.part"
	mkdir -p "$dest.part"
	tar -xf "$tmp"/deb/usr/src/linux-source-"$KVER".tar.xz -C "$dest.part" --strip-components=1
	rm -rf "$tmp" "$dest"
	mv "$dest.part" "$dest"
	echo "$dest"
}

# install_headers: the uapi headers of the source as user space sees them, installed once per
# source into $KAPI_CACHE/headers/<source> (the kernel's selftests build against these, as their
# KHDR_INCLUDES). Prints the include directory.
install_headers() {
	local src name dest
	src=$(fetch_source)
	name=$(basename "$src")
	dest=$KAPI_CACHE/headers/$name
	if [ ! -f "$dest/.kapi-installed" ]; then
		log "installing the uapi headers of $name into $dest"
		rm -rf "$dest"
		make -s -C "$src" O="$dest/build" ARCH=x86 INSTALL_HDR_PATH="$dest" headers_install >&2 ||
			die "make headers_install failed for $src"
		rm -rf "$dest/build"
		touch "$dest/.kapi-installed"
	fi
	echo "$dest/include"
}

# build_kernel [test|debug]: the test kernel, or its debug variant (debug-kernel.config on top,
# built with clang). Prints the build directory; it holds .kapi-make-flags, the make variables
# an out-of-tree module must be built with against it (LLVM=-19 for the debug kernel).
build_kernel() {
	local variant=${1:-test} src key kdir fragments=("$KAPI_ROOT/scripts/test-kernel.config" "$KAPI_ROOT/selftests/config") flags=()
	case "$variant" in
	test) ;;
	debug)
		fragments+=("$KAPI_ROOT/scripts/debug-kernel.config")
		flags=(LLVM=-19)
		need clang-19 "run 'make setup KERNEL=debug' (installs Debian's clang-19, lld-19 and llvm-19)"
		need ld.lld-19 "run 'make setup KERNEL=debug' (installs Debian's lld-19)"
		;;
	*) die "unknown kernel variant '$variant' (KERNEL=test or KERNEL=debug)" ;;
	esac
	src=$(fetch_source)
	kernel_env
	need bindgen "run scripts/setup.sh (installs bindgen-cli $BINDGEN_VERSION)"
	key=$( { echo "$src"; cat "${fragments[@]}"; ((${#flags[@]} == 0)) || echo "${flags[*]}"; rustc -V; bindgen --version; echo "$LIBCLANG_VERSION"; } |
		sha256sum | cut -c1-12)
	kdir="$KAPI_CACHE/build/$(basename "$src")-$key"
	[ "$variant" = test ] || kdir="$KAPI_CACHE/build/$(basename "$src")-$variant-$key"
	if [ -f "$kdir/.kapi-built" ]; then
		echo "$kdir"
		return
	fi
	mkdir -p "$kdir"
	# One build per tree at a time: another make that needs this kernel waits for it.
	exec 9>"$kdir.lock"
	if ! flock -n 9; then
		log "waiting for the build of $kdir that is already running"
		flock 9
	fi
	if [ -f "$kdir/.kapi-built" ]; then
		echo "$kdir"
		return
	fi
	log "building the $variant kernel in $kdir (about $([ "$variant" = test ] && echo 5 || echo 15) minutes on 2 cores; log: $kdir/build.log)"
	{
		make -C "$src" O="$kdir" "${flags[@]}" rustavailable &&
		make -C "$src" O="$kdir" "${flags[@]}" tinyconfig &&
		"$src/scripts/kconfig/merge_config.sh" -m -O "$kdir" "$kdir/.config" "${fragments[@]}" &&
		make -C "$src" O="$kdir" "${flags[@]}" olddefconfig
	} >"$kdir/build.log" 2>&1 || { tail -n 30 "$kdir/build.log" >&2; die "kernel configuration failed"; }
	# Every option of the fragments must have survived olddefconfig (a dropped CONFIG_RUST would
	# otherwise only show up as a module that does not build).
	local opt
	while read -r opt; do
		case "$opt" in CONFIG_*=*) grep -qx "$opt" "$kdir/.config" ||
			die "kernel config dropped '$opt' (unmet dependency?); see $kdir/.config" ;; esac
	done < <(cat "${fragments[@]}")
	make -C "$src" O="$kdir" "${flags[@]}" -j"$(($(nproc) + 1))" bzImage modules >>"$kdir/build.log" 2>&1 ||
		{ tail -n 40 "$kdir/build.log" >&2; die "kernel build failed; full log: $kdir/build.log"; }
	echo "${flags[*]}" >"$kdir/.kapi-make-flags"
	touch "$kdir/.kapi-built"
	echo "$kdir"
}

case "${1:-}" in
source) fetch_source ;;
build) build_kernel "${2:-test}" ;;
headers) install_headers ;;
*) die "usage: $0 source|build [test|debug]|headers" ;;
esac

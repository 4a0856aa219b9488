#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The user's path, as `make test` checks it (TAP): `make vm` hands back what a run produced
# (OUT=) for `kapi trace` and `kapi coverage` on the host, with the program's exit status and a
# quiet console; host programs run in the guest unchanged (a dynamically linked copy of /bin/true
# in FILES, GNU env from PROGS ahead of busybox's), and what cannot run there (a program not on
# PATH, a missing shared library, not an ELF) is refused before anything is built or booted; and
# a module built with `make module SPECS=...` keeps its specs through the next `make module`.
source "$(dirname "$0")/lib.sh"
cd "$KAPI_ROOT"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kapi-user.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
kapi=target/release/kapi
set +e
. "$KAPI_ROOT/selftests/tap_core.sh"

# A run whose command makes one bad call, writes a file under /work/out and exits with 3.
make -s vm CMD='/kapi/selftests/mlock_calls mlock2 4096 0x80; mkdir -p out; echo made > out/note; exit 3' \
	OUT="$tmp/run" >"$tmp/terminal" 2>&1 && rc=0 || rc=$?
check "make vm fails when the command fails (make exit $rc)" test "$rc" != 0
check "... and prints the command's status" grep -q 'the command exited with status 3' "$tmp/terminal"
check "the console is quiet: the program's output and the report, no boot log" \
	sh -c "grep -q '^mlock2 = -1 EINVAL' '$tmp/terminal' && grep -q 'kind=arg param=flags' '$tmp/terminal' &&
		! grep -q 'Linux version' '$tmp/terminal'"
for f in console.log stats coverage trace out/note; do
	check "OUT has $f" test -s "$tmp/run/$f"
done
check "... the whole console in console.log" grep -q 'Linux version' "$tmp/run/console.log"
check "... what the command wrote under /work/out" test "$(cat "$tmp/run/out/note")" = made
check "kapi trace reads the run's trace: one mlock2 arg report" \
	sh -c "$kapi trace '$tmp/run/trace' | grep -Eq '^mlock2 +1 +0 +0 +0 +0 +1$'"
check "kapi coverage reads the run's coverage: mlock2 flags:mask broken" \
	sh -c "$kapi coverage '$tmp/run/coverage' | grep -E '^mlock2 ' | grep -q 'flags:mask'"
check "the counters start with the command: no call before it counted (mlock2: 1 call)" \
	sh -c "awk '\$1 == \"mlock2\" { print \$3 }' '$tmp/run/stats' | grep -qx 1"

# Host programs, dynamically linked: a copy of /bin/true in FILES runs from /work; PROGS (names on
# the host's PATH) run by name, and by their host path where busybox's shell would run its own
# applet of that name (env).
cp /bin/true "$tmp/true"
make -s vm CMD='./true && getconf PAGESIZE && /usr/bin/env --version | head -n 1' FILES="$tmp/true" \
	PROGS='getconf env' >"$tmp/dyn" 2>&1 && rc=0 || rc=$?
check "a dynamically linked program in FILES (a copy of /bin/true) runs and exits 0 (make exit $rc)" \
	grep -q 'the command exited with status 0' "$tmp/dyn"
check "PROGS='getconf env': getconf runs by name, GNU env at /usr/bin/env" \
	sh -c "grep -q '^4096' '$tmp/dyn' && grep -q '^env (GNU coreutils)' '$tmp/dyn'"

# What cannot run in the guest: refused before anything is built or booted, one line each.
printf 'int kapi_f(void) { return 0; }\n' >"$tmp/f.c"
printf 'int kapi_f(void);\nint main(void) { return kapi_f(); }\n' >"$tmp/m.c"
if ! { gcc -shared -fPIC -Wl,-soname,libkapi-missing.so.1 -o "$tmp/libkapi-missing.so.1" "$tmp/f.c" &&
	gcc -o "$tmp/needs-missing" "$tmp/m.c" "$tmp/libkapi-missing.so.1" && rm "$tmp/libkapi-missing.so.1"; }; then
	nok "build a program whose shared library is missing"
fi
printf '#!/bin/sh\n' >"$tmp/script"
chmod +x "$tmp/script"
make -s vm CMD=true FILES="$tmp/needs-missing" PROGS="kapi-no-such-program /etc/passwd $tmp/script" \
	>"$tmp/bad" 2>&1 && rc=0 || rc=$?
check "bad FILES and PROGS are refused (make exit $rc)" test "$rc" != 0
check "... before anything is built or booted" sh -c "! grep -Eq 'booting|^module:' '$tmp/bad'"
check "... a missing library: named, with where to get it" \
	grep -q "error: --files: '$tmp/needs-missing' needs the shared library libkapi-missing.so.1, .* install" "$tmp/bad"
check "... a program not on PATH: named, with how to get it" \
	grep -q "error: --progs: 'kapi-no-such-program' is not found on PATH: install" "$tmp/bad"
check "... not an executable file, not an ELF program: named" sh -c \
	"grep -q \"error: --progs: '/etc/passwd' is not an executable file\" '$tmp/bad' &&
		grep -q \"error: --progs: '$tmp/script' is not an ELF program\" '$tmp/bad'"
check "... one line each" test "$(grep -c 'error:' "$tmp/bad")" = 4

# SPECS stays: built with one spec, rebuilt without SPECS, still that one spec.
make -s module MODULE_OUT="$tmp/module" SPECS=specs/mlock2.kapi >"$tmp/build" 2>&1 ||
	{ cat "$tmp/build"; nok "make module SPECS=specs/mlock2.kapi"; }
make -s module MODULE_OUT="$tmp/module" >"$tmp/build" 2>&1 ||
	{ cat "$tmp/build"; nok "make module (again, without SPECS)"; }
tables=$tmp/module/generated/spec_tables.rs
check "a module built with SPECS=specs/mlock2.kapi keeps it at the next make module" \
	sh -c "grep -q 'pub const NR_SPECS: usize = 1;' '$tables' && grep -q 'pub static MLOCK2:' '$tables'"

done_testing

# SPDX-License-Identifier: GPL-2.0
# KTAP v1 helpers (POSIX sh: busybox in the guest, bash on the host). Sourced: by tap.sh in the
# guest, and by the host-side test scripts.
#
# A script's output is one KTAP v1 document: "KTAP version 1", the plan "1..N", the results
# ("ok N desc", "not ok N desc", "ok N desc # SKIP reason") with "# " diagnostics between them,
# and kselftest's "# Totals:" line. KTAP wants the plan first while these scripts count their
# tests as they go: so sourcing this runs the script again as a child whose output (stdout and
# stderr) goes to a file, then prints the document from it, a line that is not KTAP becoming a
# "# " diagnostic; a child that ends early (an exit, a signal, a kill of this wrapper) still
# gets its results printed, with a failed one for the early end. No file descriptor of the
# wrapper leaks into the tests. The exit status is kselftest's: 0 pass, 1 fail, 4 all skipped.
#
# Sourced before anything the script does but set-up (it runs twice up to this point). A wrapper
# whose program prints its own document, or a runner that only wants ktap_counts, sets
# KTAP_BY_PROGRAM=1 before sourcing.

# Descriptions are one line and hold no '#' (it starts a directive in KTAP).
_ktap_desc() { printf '%s' "$*" | tr '\n#' ' .'; }
_n=0 _fail=0 _skip=0
ok()   { _n=$((_n + 1)); echo "ok $_n $(_ktap_desc "$*")"; }
nok()  { _n=$((_n + 1)); _fail=$((_fail + 1)); echo "not ok $_n $(_ktap_desc "$*")"; }
skip() { _n=$((_n + 1)); _skip=$((_skip + 1)); echo "ok $_n $(_ktap_desc "$1") # SKIP $(_ktap_desc "$2")"; }
# check DESCRIPTION COMMAND...: ok if COMMAND succeeds.
check() { d=$1; shift; if "$@"; then ok "$d"; else nok "$d"; fi; }
diag() { printf '%s\n' "$*" | sed 's/^/# /'; }
# done_testing: the script's status (the wrapper prints the document).
done_testing() {
	[ "$_fail" = 0 ] || return 1
	[ "$_n" != 0 ] && [ "$_skip" = "$_n" ] && return 4
	return 0
}

# ktap_counts FILE: "results failed skipped" of the top-level result lines of a document.
ktap_counts() {
	awk '/^(not )?ok [0-9]+/ { n++; if (/^not ok/) f++; else if (/# SKIP/) s++ }
		END { print n + 0, f + 0, s + 0 }' "$1"
}

# _ktap_run ARGS...: runs the script as the child and prints its document; exits.
_ktap_run() {
	_ktap_buf=$(mktemp "${TMPDIR:-/tmp}/ktap.XXXXXX")
	_ktap_sh=sh
	[ -z "${BASH_VERSION:-}" ] || _ktap_sh=bash
	_KTAP_CHILD=1 $_ktap_sh "$0" "$@" >"$_ktap_buf" 2>&1 &
	_ktap_pid=$!
	_ktap_why=
	trap '_ktap_why=terminated; kill $_ktap_pid 2>/dev/null' TERM INT
	_ktap_rc=0
	wait $_ktap_pid || _ktap_rc=$?
	# (A signal interrupts wait: wait again for the killed child.)
	[ -z "$_ktap_why" ] || wait $_ktap_pid 2>/dev/null || :
	set -- $(ktap_counts "$_ktap_buf")
	_n=$1 _fail=$2 _skip=$3
	_ktap_early=
	if [ -n "$_ktap_why" ] || { [ "$_ktap_rc" != 0 ] && [ "$_ktap_rc" != 4 ] && [ "$_fail" = 0 ]; }; then
		_n=$((_n + 1)) _fail=$((_fail + 1))
		_ktap_early="not ok $_n $(basename "$0") ended before its last test (${_ktap_why:-exit status $_ktap_rc})"
	fi
	echo "KTAP version 1"
	echo "1..$_n"
	sed -e '/^ok [0-9]/b' -e '/^not ok [0-9]/b' -e '/^#/b' -e 's/^/# /' "$_ktap_buf"
	[ -z "$_ktap_early" ] || echo "$_ktap_early"
	echo "# Totals: pass:$((_n - _fail - _skip)) fail:$_fail xfail:0 xpass:0 skip:$_skip error:0"
	rm -f "$_ktap_buf"
	_ktap_rc=0
	done_testing || _ktap_rc=$?
	exit $_ktap_rc
}
[ -n "${KTAP_BY_PROGRAM:-}" ] || [ -n "${_KTAP_CHILD:-}" ] || _ktap_run "$@"
unset _KTAP_CHILD

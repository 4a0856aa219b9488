#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A real external workload under the validator: Debian's stress-ng, unmodified (the guest gets it
# with `make vm PROGS=stress-ng`), runs one stressor at a time in the spec'd areas, a few
# seconds each, with the validator on. For each stressor: stress-ng's own result (its metrics
# line and "successful run completed"), that the validator checked calls of the syscalls the
# stressor is about, and that it made no disagreement report (undeclared_errno, bad_success,
# oracle_errno, oracle_success) and lost or left unjudged nothing (dropped, untracked). `arg`
# reports are stress-ng's deliberate bad calls (it tests the kernel's error paths): listed with
# their counts, not failures. KAPI_STRESS_NG_TIMEOUT sets the seconds per stressor (default 3).
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/report.sh"

T=${KAPI_STRESS_NG_TIMEOUT:-3}
# The stressors: name, the syscalls it must make (each checked; a/b: at least one of them, where
# stress-ng picks a method at random), who runs it (exec refuses to run as root), and its extra
# options.
STRESSORS="
mlock     |mlock mlock2 munlock mlockall munlockall  |root  |
mmap      |mmap munmap madvise                       |root  |--mmap-bytes 4M
mprotect  |mprotect                                  |root  |
mremap    |mremap                                    |root  |--mremap-bytes 4M
msync     |msync                                     |root  |
mincore   |mincore                                   |root  |
madvise   |madvise                                   |root  |
epoll     |epoll_create/epoll_create1 epoll_ctl epoll_wait/epoll_pwait/epoll_pwait2 socket bind listen accept/accept4 connect |root |--epoll-domain unix
eventfd   |eventfd2 read write                       |root  |
pipe      |pipe2 read write                          |root  |
dup       |dup/dup3                                  |root  |
open      |open/openat close                         |root  |
seek      |lseek                                     |root  |
memfd     |memfd_create                              |root  |
xattr     |setxattr lsetxattr fsetxattr getxattr/lgetxattr/fgetxattr listxattr/llistxattr/flistxattr removexattr/lremovexattr/fremovexattr |root |
exec      |execve/execveat                           |nobody|
sockfd    |socket sendmsg recvmsg                    |root  |
sockpair  |read write                                |root  |
aio       |pread64 pwrite64                          |root  |
aiol      |io_setup io_submit io_destroy             |root  |
close     |close dup                                 |root  |
fstat     |newfstatat/fstat/stat/lstat/statx         |root  |
getdent   |getdents/getdents64                       |root  |
dentry    |unlink/unlinkat                           |root  |
dir       |mkdir/mkdirat rmdir                       |root  |
link      |link/linkat unlink                        |root  |
symlink   |symlink/symlinkat readlink/readlinkat     |root  |
rename    |rename/renameat/renameat2                 |root  |
mknod     |mknod/mknodat unlink                      |root  |
chmod     |chmod/fchmod/fchmodat                     |root  |
chown     |chown/fchown/lchown/fchownat              |root  |
access    |access/faccessat/faccessat2               |root  |
chdir     |chdir/fchdir                              |root  |
utime     |utimensat                                 |root  |
fcntl     |fcntl                                     |root  |
lockf     |fcntl                                     |root  |
flock     |flock                                     |root  |
file-ioctl|ioctl                                     |root  |
fallocate |fallocate ftruncate                       |root  |
io        |sync                                      |root  |
hdd       |writev/pwritev/pwritev2 readv/preadv/preadv2 fsync/fdatasync |root |--hdd-bytes 1M --hdd-opts iovec,fsync,fdatasync
splice    |splice                                    |root  |
tee       |tee                                       |root  |
vm-splice |vmsplice                                  |root  |
sendfile  |sendfile                                  |root  |
copy-file |copy_file_range                           |root  |--copy-file-bytes 128M
inotify   |inotify_init1 inotify_add_watch inotify_rm_watch |root |
fork      |clone/clone3/fork wait4/waitid            |root  |
vfork     |vfork/clone/clone3 wait4/waitid           |root  |
clone     |clone/clone3 wait4/waitid                 |root  |
wait      |wait4/waitid kill                         |root  |
prctl     |prctl                                     |root  |
rlimit    |setrlimit/prlimit64                       |root  |
get       |getrlimit/prlimit64 getrusage getpriority getpgid/getsid |root |
set       |setpgid/setsid/setgroups/setrlimit/setpriority/setreuid/setregid/setresuid/setresgid |root |
nice      |setpriority getpriority                   |root  |
affinity  |sched_setaffinity sched_getaffinity       |root  |
schedpolicy|sched_setscheduler/sched_setattr sched_getscheduler/sched_getattr |root |
kill      |kill                                      |root  |
signal    |rt_sigaction                              |root  |
sigpending|rt_sigpending rt_sigprocmask             |root  |
sigsuspend|rt_sigsuspend                             |root  |
sigq      |rt_sigqueueinfo rt_sigtimedwait           |root  |
sigfd     |signalfd4                                 |root  |
pidfd     |pidfd_open pidfd_send_signal              |root  |
clock     |clock_gettime/clock_getres clock_nanosleep/timer_create |root |
timer     |timer_create timer_settime timer_delete   |root  |
timerfd   |timerfd_create timerfd_settime            |root  |
itimer    |setitimer getitimer                       |root  |
nanosleep |nanosleep/clock_nanosleep                 |root  |
poll      |poll/ppoll/select/pselect6                |root  |
futex     |futex                                     |root  |
brk       |brk                                       |root  |
membarrier|membarrier                                |root  |
vm-rw     |process_vm_readv process_vm_writev        |root  |
sockpair  |socketpair                                |root  |
"
UNJUDGED="dropped untracked"

if ! command -v stress-ng >/dev/null; then
	nok "stress-ng is in the guest (boot it with: make vm PROGS=stress-ng CMD=...)"
	done_testing
	exit
fi
if [ ! -d "$DBG/specs" ]; then
	nok "the validator is loaded (make vm loads it)"
	done_testing
	exit
fi
diag "$(stress-ng --version)"

W=$(mktemp -d /tmp/stress-ng.XXXXXX)
chmod 1777 "$W"
echo 1 > "$DBG/enabled"
echo 1 > "$TRACE/events/$KAPI_TRACE_EVENT/enable"
# Only disagreements on the console (every report still reaches the counters and the trace).
kinds=$(cat "$DBG/dmesg_kinds")
echo "$KAPI_DISAGREEMENT_KINDS" > "$DBG/dmesg_kinds"
t0=$(date +%s)

# passed RC OUTPUT: stress-ng's verdict: exit status 0 and a successful run.
passed() { [ "$1" = 0 ] && grep -q '] successful run completed' "$2"; }

echo "$STRESSORS" | while IFS='|' read -r name calls user opts; do
	name=$(echo "$name" | tr -d " ")
	[ -n "$name" ] || continue
	user=$(echo "$user" | tr -d " ")
	echo 0 > "$DBG/stats"
	dmesg -c >/dev/null
	echo > "$TRACE/trace"
	cmd="cd $W && stress-ng --$name 1 $opts --timeout $T --metrics-brief --oomable --temp-path $W"
	s0=$(date +%s)
	if [ "$user" = root ]; then
		sh -c "$cmd" >"$W/$name.out" 2>&1
	else
		su -s /bin/sh "$user" -c "$cmd" >"$W/$name.out" 2>&1
	fi
	rc=$?
	secs=$(($(date +%s) - s0))
	cat "$DBG/stats" > "$W/$name.stats"
	# stress-ng's own result: its metrics line for the stressor and its verdict on the run.
	grep -E "(metrc: \[[0-9]+\] $name |run completed|fail:|error:)" "$W/$name.out" | sed 's/^/# /'
	ops=$(sed -n "s/.*metrc: \[[0-9]*\] $name  *\([0-9][0-9]*\) .*/\1/p" "$W/$name.out")
	check "stress-ng --$name${opts:+ $opts} as $user: passed (exit $rc, ${ops:-no} bogo ops, $secs s)" \
		passed "$rc" "$W/$name.out"
	got= missing=
	for s in $calls; do
		n=0
		for a in $(echo "$s" | tr / ' '); do
			n=$((n + $(col "$W/$name.stats" "$a" calls)))
		done
		got="$got $s=$n"
		[ "$n" -gt 0 ] || missing="$missing $s"
	done
	check "stress-ng --$name: the validator checked its calls:$got" test -z "$missing"
	bad=$(nonzero "$W/$name.stats" "$KAPI_DISAGREEMENT_KINDS $UNJUDGED")
	arg=$(nonzero "$W/$name.stats" arg | sed 's/:arg=/=/g')
	total=$(sum "$W/$name.stats" calls)
	check "stress-ng --$name: $total calls checked, no disagreement report${bad:+ (but: $bad)}; arg reports: ${arg:-none}" \
		test -z "$bad"
	if [ -n "$bad" ]; then
		# The reports themselves: dmesg prints only disagreements here (rate-limited), the trace
		# has every report (but may have wrapped under a flood of arg reports).
		dmesg | grep -F "$KAPI_DMESG_MARKER" | head -n 20 | sed 's/^/#   dmesg: /'
		grep -F "$KAPI_TRACE_MARKER" "$TRACE/trace" | grep -v 'kind=arg ' | head -n 20 | sed 's/^/#   trace: /'
	fi
	# (the TAP counters live in this subshell: hand them out)
	echo "$_n $_fail" > "$W/tap"
done
read -r _n _fail < "$W/tap"

# All stressors together: the counters of every kind, summed per syscall.
awk 'FNR == 1 { if (NR == 1) { head = $0; nf = NF } next }
	{ for (i = 3; i <= NF; i++) sum[$1, i] += $i; nr[$1] = $2; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
	END { split(head, h, " "); printf "%-16s %4s", h[1], h[2]; for (i = 3; i <= nf; i++) printf " %10s", h[i]; print ""
		for (j = 1; j <= n; j++) { s = order[j]; printf "%-16s %4s", s, nr[s]
			for (i = 3; i <= nf; i++) printf " %10d", sum[s, i]; print "" } }' "$W"/*.stats > "$W/total"
diag "all stressors: the validator's counters per syscall and kind ($(($(date +%s) - t0)) s)"
sed 's/^/#   /' "$W/total"
echo "$kinds" | tr -d '\n' > "$DBG/dmesg_kinds"
echo 0 > "$DBG/enabled"
rm -rf "$W"
done_testing

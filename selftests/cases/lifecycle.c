// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the lifecycle group: clone, clone3, fork, vfork, wait4, waitid, prctl, getrlimit,
 * setrlimit, prlimit64. See specs/decisions/lifecycle.md.
 *
 * fork, vfork, clone and clone3 have no generated calls (test-skip: the child would run the
 * runner's code); these cases prove their specs: each success reaps its child, and a child
 * that the call creates only calls _exit(0). For the others the generated calls prove the
 * constraint rules; these cases are the errnos that need state (children, limits, privileges,
 * signals) and the combinations.
 */
#include "cases.h"

#include <sched.h>
#include <sys/prctl.h>

/* ENOTSUPP of include/linux/errno.h (kernel-internal, no user-space name). */
#define KC_ENOTSUPP 524
/* A descriptor number that is not open in a case's child. */
#define NOT_OPEN 999
/* An address at or above TASK_SIZE_MAX (the kernel half). */
#define KERNEL_ADDR 0xffff880000000000UL

/* include/uapi/linux/sched.h flags a libc may not know. */
#define KC_CLONE_PIDFD		0x00001000ULL
#define KC_CLONE_CLEAR_SIGHAND	(1ULL << 32)
#define KC_CLONE_AUTOREAP	(1ULL << 34)
#define KC_CLONE_PIDFD_AUTOKILL	(1ULL << 36)
/* include/uapi/linux/prctl.h options a libc may not know. */
#define KC_PR_SET_IO_FLUSHER		57
#define KC_PR_SET_SPECULATION_CTRL	53
#define KC_PR_GET_SPECULATION_CTRL	52
#define KC_PR_RSEQ_SLICE_EXTENSION	79
#define KC_PR_SET_MM			35
#define KC_PR_SET_MM_EXE_FILE		13
/* P_PIDFD of include/uapi/linux/wait.h and PIDFD_NONBLOCK (O_NONBLOCK). */
#define KC_P_PIDFD 3
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_clone3
#define SYS_clone3 435
#endif

/* struct clone_args of include/uapi/linux/sched.h (CLONE_ARGS_SIZE_VER2, 88 bytes). */
struct kc_clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	uint64_t set_tid, set_tid_size, cgroup;
};

/* ---- helpers ---------------------------------------------------------------------------- */

/*
 * After a create call: in the child (r == 0) exit at once; in the parent reap the child of a
 * success, keeping errno and the result.
 */
static long reap(long r)
{
	int e = errno;

	if (r == 0)
		_exit(0);
	if (r > 0 && waitpid((pid_t)r, NULL, 0) != r)
		kc_die("waitpid");
	errno = e;
	return r;
}

/* A child that waits in pause() until killed. */
static pid_t live_child(void)
{
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

/* Kills and reaps a live_child(), keeping errno. */
static void end_child(pid_t pid)
{
	int e = errno;

	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	errno = e;
}

/* A child that exited and is not reaped (a zombie). */
static pid_t zombie_child(void)
{
	siginfo_t si;
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (pid == 0)
		_exit(0);
	memset(&si, 0, sizeof(si));
	if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT))
		kc_die("waitid WNOWAIT");
	return pid;
}

static long clone5(unsigned long flags, unsigned long sp, void *ptid, void *ctid,
		   unsigned long tls)
{
	return syscall(SYS_clone, flags, sp, ptid, ctid, tls);
}

static long clone3_call(struct kc_clone_args *a, size_t size)
{
	return syscall(SYS_clone3, a, size);
}

/* A raw syscall: a return in -4095..-1 is kept as the value, not turned into errno. */
static long raw_syscall2(long n, long a1, long a2)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2) : "rcx", "r11", "memory");
	return ret;
}

/* ---- fork ------------------------------------------------------------------------------- */

static long fork_ok(void)
{
	return reap(syscall(SYS_fork));
}

static long fork_nproc(void)
{
	kc_rlimit(RLIMIT_NPROC, 0);
	return reap(syscall(SYS_fork));
}

/* ---- vfork (glibc's vfork(): the syscall must not be wrapped by syscall(2)) --------------- */

static long vfork_ok(void)
{
	pid_t pid = vfork();

	if (pid == 0)
		_exit(0);
	return reap(pid);
}

static long vfork_nproc(void)
{
	pid_t pid;

	kc_rlimit(RLIMIT_NPROC, 0);
	pid = vfork();
	if (pid == 0)
		_exit(0);
	return reap(pid);
}

/* ---- clone ------------------------------------------------------------------------------ */

static long clone_sigchld(void)
{
	return reap(clone5(SIGCHLD, 0, NULL, NULL, 0));
}

static pid_t glibc_tid;

static long clone_glibc_fork(void)
{
	return reap(clone5(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, 0, NULL,
			   &glibc_tid, 0));
}

static long clone_high_bits(void)
{
	return reap(clone5((1UL << 40) | SIGCHLD, 0, NULL, NULL, 0));
}

static long clone_pidfd_ok(void)
{
	int pidfd = -1;

	return reap(clone5(KC_CLONE_PIDFD | SIGCHLD, 0, &pidfd, NULL, 0));
}

static long clone_sighand_novm(void)
{
	return reap(clone5(CLONE_SIGHAND | SIGCHLD, 0, NULL, NULL, 0));
}

static long clone_thread_nosighand(void)
{
	return reap(clone5(CLONE_THREAD | CLONE_VM | SIGCHLD, 0, NULL, NULL, 0));
}

static long clone_bad_signal(void)
{
	return reap(clone5(65, 0, NULL, NULL, 0));
}

static long clone_pidfd_settid(void)
{
	int x = -1;

	return reap(clone5(KC_CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, 0, &x, NULL, 0));
}

static long clone_newns_fs(void)
{
	return reap(clone5(CLONE_NEWNS | CLONE_FS | SIGCHLD, 0, NULL, NULL, 0));
}

static long clone_newpid(void)
{
	return reap(clone5(CLONE_NEWPID | SIGCHLD, 0, NULL, NULL, 0));
}

static long clone_newuser(void)
{
	return reap(clone5(CLONE_NEWUSER | SIGCHLD, 0, NULL, NULL, 0));
}

static long clone_settls_kernel(void)
{
	return reap(clone5(CLONE_SETTLS | SIGCHLD, 0, NULL, NULL, KERNEL_ADDR));
}

static long clone_pidfd_efault(void)
{
	return reap(clone5(KC_CLONE_PIDFD | SIGCHLD, 0, (void *)1, NULL, 0));
}

static long clone_pidfd_emfile(void)
{
	int pidfd = -1, fd = open("/dev/null", O_RDONLY);

	if (fd < 0)
		kc_die("open /dev/null");
	if (fd != 0 && dup2(fd, 0) != 0)
		kc_die("dup2");
	kc_rlimit(RLIMIT_NOFILE, 1);
	return reap(clone5(KC_CLONE_PIDFD | SIGCHLD, 0, &pidfd, NULL, 0));
}

static long clone_nproc(void)
{
	kc_rlimit(RLIMIT_NPROC, 0);
	return reap(clone5(SIGCHLD, 0, NULL, NULL, 0));
}

/* ---- clone3 ----------------------------------------------------------------------------- */

static long clone3_ok(void)
{
	struct kc_clone_args a = { .exit_signal = SIGCHLD };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_ver0(void)
{
	struct kc_clone_args a = { .exit_signal = SIGCHLD };

	return reap(clone3_call(&a, 64));
}

static long clone3_too_big(void)
{
	struct kc_clone_args a = { .exit_signal = SIGCHLD };

	return reap(clone3_call(&a, 4097));
}

static long clone3_too_small(void)
{
	struct kc_clone_args a = { .exit_signal = SIGCHLD };

	return reap(clone3_call(&a, 63));
}

static long clone3_trailing(void)
{
	struct {
		struct kc_clone_args a;
		uint64_t extra;
	} b = { .a = { .exit_signal = SIGCHLD }, .extra = 1 };

	return reap(clone3_call(&b.a, sizeof(b)));
}

static long clone3_trailing_zero(void)
{
	struct {
		struct kc_clone_args a;
		uint64_t extra;
	} b = { .a = { .exit_signal = SIGCHLD }, .extra = 0 };

	return reap(clone3_call(&b.a, sizeof(b)));
}

static long clone3_efault(void)
{
	return reap(clone3_call((struct kc_clone_args *)1, sizeof(struct kc_clone_args)));
}

static long clone3_unknown_flag(void)
{
	struct kc_clone_args a = { .flags = 1ULL << 40, .exit_signal = SIGCHLD };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_csignal_flag(void)
{
	struct kc_clone_args a = { .flags = SIGCHLD, .exit_signal = SIGCHLD };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_clear_sighand(void)
{
	struct kc_clone_args a = { .flags = CLONE_SIGHAND | CLONE_VM | KC_CLONE_CLEAR_SIGHAND,
				   .exit_signal = SIGCHLD };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_signal_256(void)
{
	struct kc_clone_args a = { .exit_signal = 256 };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_signal_65(void)
{
	struct kc_clone_args a = { .exit_signal = 65 };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_stack_size_only(void)
{
	struct kc_clone_args a = { .exit_signal = SIGCHLD, .stack_size = 4096 };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_set_tid_self(void)
{
	pid_t tid = getpid();
	struct kc_clone_args a = { .exit_signal = SIGCHLD, .set_tid = (uintptr_t)&tid,
				   .set_tid_size = 1 };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_set_tid_two(void)
{
	pid_t tid[2] = { getpid(), getpid() };
	struct kc_clone_args a = { .exit_signal = SIGCHLD, .set_tid = (uintptr_t)tid,
				   .set_tid_size = 2 };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_set_tid_size_only(void)
{
	struct kc_clone_args a = { .exit_signal = SIGCHLD, .set_tid_size = 1 };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_autokill(void)
{
	int pidfd = -1;
	struct kc_clone_args a = {
		.flags = KC_CLONE_PIDFD | KC_CLONE_AUTOREAP | KC_CLONE_PIDFD_AUTOKILL,
		.pidfd = (uintptr_t)&pidfd,
	};

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_autoreap_signal(void)
{
	struct kc_clone_args a = { .flags = KC_CLONE_AUTOREAP, .exit_signal = SIGCHLD };

	return reap(clone3_call(&a, sizeof(a)));
}

static long clone3_nproc(void)
{
	struct kc_clone_args a = { .exit_signal = SIGCHLD };

	kc_rlimit(RLIMIT_NPROC, 0);
	return reap(clone3_call(&a, sizeof(a)));
}

/* ---- wait4 ------------------------------------------------------------------------------ */

static long wait4_zombie(void)
{
	int st;

	return syscall(SYS_wait4, zombie_child(), &st, 0, NULL);
}

static long wait4_nochild(void)
{
	return syscall(SYS_wait4, -1, NULL, 0, NULL);
}

static long wait4_wnohang_live(void)
{
	pid_t pid = live_child();
	long r = syscall(SYS_wait4, -1, NULL, WNOHANG, NULL);

	end_child(pid);
	return r;
}

static long wait4_eintr(void)
{
	pid_t pid = live_child();
	long r;

	kc_interrupt_after(100);
	r = syscall(SYS_wait4, pid, NULL, 0, NULL);
	end_child(pid);
	return r;
}

static long wait4_efault(void)
{
	return syscall(SYS_wait4, zombie_child(), (int *)1, 0, NULL);
}

static long wait4_wclone_only(void)
{
	return syscall(SYS_wait4, zombie_child(), NULL, __WCLONE | WNOHANG, NULL);
}

static long wait4_intmin_wexited(void)
{
	return syscall(SYS_wait4, INT_MIN, NULL, WEXITED, NULL);
}

/* ---- waitid ----------------------------------------------------------------------------- */

static siginfo_t wid_info;

static long waitid_zombie(void)
{
	return syscall(SYS_waitid, P_PID, zombie_child(), &wid_info, WEXITED, NULL);
}

static long waitid_no_event(void)
{
	return syscall(SYS_waitid, P_ALL, 0, &wid_info, WNOHANG, NULL);
}

static long waitid_pid0(void)
{
	return syscall(SYS_waitid, P_PID, 0, &wid_info, WEXITED, NULL);
}

static long waitid_pgid_neg(void)
{
	return syscall(SYS_waitid, P_PGID, -1, &wid_info, WEXITED, NULL);
}

static long waitid_pidfd_file(void)
{
	int fd = kc_file("f", 16);

	return syscall(SYS_waitid, KC_P_PIDFD, fd, &wid_info, WEXITED, NULL);
}

static long waitid_pidfd_closed(void)
{
	return syscall(SYS_waitid, KC_P_PIDFD, NOT_OPEN, &wid_info, WEXITED, NULL);
}

static long waitid_pidfd_self(void)
{
	int fd = syscall(SYS_pidfd_open, getpid(), 0);

	if (fd < 0)
		kc_die("pidfd_open");
	return syscall(SYS_waitid, KC_P_PIDFD, fd, &wid_info, WEXITED | WNOHANG, NULL);
}

static long waitid_pidfd_nonblock(void)
{
	pid_t pid = live_child();
	int fd = syscall(SYS_pidfd_open, pid, O_NONBLOCK);
	long r;

	if (fd < 0)
		kc_die("pidfd_open");
	r = syscall(SYS_waitid, KC_P_PIDFD, fd, &wid_info, WEXITED, NULL);
	end_child(pid);
	return r;
}

static long waitid_pidfd_child(void)
{
	pid_t pid = zombie_child();
	int fd = syscall(SYS_pidfd_open, pid, 0);

	if (fd < 0)
		kc_die("pidfd_open");
	return syscall(SYS_waitid, KC_P_PIDFD, fd, &wid_info, WEXITED, NULL);
}

static long waitid_eintr(void)
{
	pid_t pid = live_child();
	long r;

	kc_interrupt_after(100);
	r = syscall(SYS_waitid, P_ALL, 0, &wid_info, WEXITED, NULL);
	end_child(pid);
	return r;
}

static long waitid_efault(void)
{
	return syscall(SYS_waitid, P_PID, zombie_child(), (siginfo_t *)1, WEXITED, NULL);
}

static long waitid_badwhich_badopts(void)
{
	return syscall(SYS_waitid, 7, 0, &wid_info, 0x100, NULL);
}

/* ---- prctl ------------------------------------------------------------------------------ */

static long prctl_timerslack_value(void)
{
	long r;

	if (syscall(SYS_prctl, PR_SET_TIMERSLACK, -5L, 0, 0, 0))
		kc_die("PR_SET_TIMERSLACK");
	r = raw_syscall2(SYS_prctl, PR_GET_TIMERSLACK, 0);
	/* The slack, (unsigned long)-5, comes back as -5: a value, not EIO. */
	if (r != -5) {
		errno = 0;
		kc_die("PR_GET_TIMERSLACK value");
	}
	return 0;
}

static long prctl_no_new_privs(void)
{
	return syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

static long prctl_set_name_efault(void)
{
	return syscall(SYS_prctl, PR_SET_NAME, (char *)1, 0, 0, 0);
}

static long prctl_io_flusher_nobody(void)
{
	return syscall(SYS_prctl, KC_PR_SET_IO_FLUSHER, 1, 0, 0, 0);
}

static long prctl_capbset_drop_nobody(void)
{
	return syscall(SYS_prctl, PR_CAPBSET_DROP, 0, 0, 0, 0);
}

static long prctl_spec_get_enodev(void)
{
	return syscall(SYS_prctl, KC_PR_GET_SPECULATION_CTRL, 99, 0, 0, 0);
}

static long prctl_spec_set_enodev(void)
{
	return syscall(SYS_prctl, KC_PR_SET_SPECULATION_CTRL, 99, 0, 0, 0);
}

static long prctl_rseq_slice(void)
{
	return syscall(SYS_prctl, KC_PR_RSEQ_SLICE_EXTENSION, 0, 0, 0, 0);
}

static long prctl_mm_exe_closed(void)
{
	return syscall(SYS_prctl, KC_PR_SET_MM, KC_PR_SET_MM_EXE_FILE, NOT_OPEN, 0, 0);
}

static long prctl_mm_exe_dir(void)
{
	int fd = open(".", O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		kc_die("open .");
	return syscall(SYS_prctl, KC_PR_SET_MM, KC_PR_SET_MM_EXE_FILE, fd, 0, 0);
}

static long prctl_mm_nobody(void)
{
	return syscall(SYS_prctl, KC_PR_SET_MM, KC_PR_SET_MM_EXE_FILE, NOT_OPEN, 0, 0);
}

static long prctl_stub_seccomp(void)
{
	return syscall(SYS_prctl, PR_GET_SECCOMP, 0, 0, 0, 0);
}

/* ---- getrlimit, setrlimit, prlimit64 ------------------------------------------------------- */

static long getrlimit_efault(void)
{
	return syscall(SYS_getrlimit, RLIMIT_NOFILE, (void *)1);
}

static long setrlimit_nofile_over_nr_open(void)
{
	struct rlimit rl = { 1UL << 30, 1UL << 30 };	/* above fs.nr_open (1 << 20) */

	return syscall(SYS_setrlimit, RLIMIT_NOFILE, &rl);
}

static long setrlimit_cur_above_max(void)
{
	struct rlimit rl = { 2, 1 };

	return syscall(SYS_setrlimit, RLIMIT_CORE, &rl);
}

static long setrlimit_raise_nobody(void)
{
	struct rlimit rl = { 0, 1 };

	kc_rlimit(RLIMIT_CORE, 0);
	return syscall(SYS_setrlimit, RLIMIT_CORE, &rl);
}

static long setrlimit_raise_root(void)
{
	struct rlimit rl = { 0, 1 };

	kc_rlimit(RLIMIT_CORE, 0);
	return syscall(SYS_setrlimit, RLIMIT_CORE, &rl);
}

static long setrlimit_bad_resource_efault(void)
{
	return syscall(SYS_setrlimit, 16, (void *)1);
}

static long prlimit_init_nobody(void)
{
	struct rlimit rl;

	return syscall(SYS_prlimit64, 1, RLIMIT_NOFILE, NULL, &rl);
}

static long prlimit_init_root(void)
{
	struct rlimit rl;

	return syscall(SYS_prlimit64, 1, RLIMIT_NOFILE, NULL, &rl);
}

static long prlimit_negative_pid(void)
{
	struct rlimit rl;

	return syscall(SYS_prlimit64, -1, RLIMIT_NOFILE, NULL, &rl);
}

static long prlimit_zombie(void)
{
	struct rlimit rl;

	return syscall(SYS_prlimit64, zombie_child(), RLIMIT_NOFILE, NULL, &rl);
}

static long prlimit_bad_resource_efault(void)
{
	return syscall(SYS_prlimit64, 0, 16, (void *)1, NULL);
}

static long prlimit_bad_resource_esrch(void)
{
	struct rlimit rl;

	return syscall(SYS_prlimit64, -1, 16, NULL, &rl);
}

static long prlimit_nofile_over_nr_open(void)
{
	struct rlimit rl = { 1UL << 30, 1UL << 30 };

	return syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &rl, NULL);
}

static long prlimit_old_efault(void)
{
	return syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, (void *)1);
}

static const struct kcase cases[] = {
	/* fork */
	{ "fork", "fork()", fork_ok, 0, "", 0 },
	{ "fork", "fork() as nobody over RLIMIT_NPROC 0", fork_nproc, EAGAIN, "", KC_NOBODY },

	/* vfork */
	{ "vfork", "vfork()", vfork_ok, 0, "", 0 },
	{ "vfork", "vfork() as nobody over RLIMIT_NPROC 0", vfork_nproc, EAGAIN, "", KC_NOBODY },

	/* clone */
	{ "clone", "clone(SIGCHLD, 0, NULL, NULL, 0)", clone_sigchld, 0, "", 0 },
	{ "clone", "clone(CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID|SIGCHLD, 0, NULL, &tid, 0) (glibc fork)",
	  clone_glibc_fork, 0, "", 0 },
	{ "clone", "clone(1 << 40 | SIGCHLD, ...) (upper bits dropped)", clone_high_bits, 0, "", 0 },
	{ "clone", "clone(CLONE_PIDFD|SIGCHLD, 0, &pidfd, NULL, 0)", clone_pidfd_ok, 0, "", 0 },
	{ "clone", "clone(CLONE_SIGHAND|SIGCHLD) (no CLONE_VM)", clone_sighand_novm, EINVAL, "", 0 },
	{ "clone", "clone(CLONE_THREAD|CLONE_VM|SIGCHLD) (no CLONE_SIGHAND)", clone_thread_nosighand,
	  EINVAL, "", 0 },
	{ "clone", "clone(65) (exit signal above _NSIG)", clone_bad_signal, EINVAL, "", 0 },
	{ "clone", "clone(CLONE_PIDFD|CLONE_PARENT_SETTID|SIGCHLD, 0, &x, ...)", clone_pidfd_settid,
	  EINVAL, "", 0 },
	{ "clone", "clone(CLONE_NEWNS|CLONE_FS|SIGCHLD)", clone_newns_fs, EINVAL, "", 0 },
	{ "clone", "clone(CLONE_NEWPID|SIGCHLD) as root (no CONFIG_PID_NS)", clone_newpid, EINVAL, "",
	  0 },
	{ "clone", "clone(CLONE_NEWPID|SIGCHLD) as nobody", clone_newpid, EPERM, "", KC_NOBODY },
	{ "clone", "clone(CLONE_NEWUSER|SIGCHLD) as root (no CONFIG_USER_NS)", clone_newuser, EINVAL,
	  "", 0 },
	{ "clone", "clone(CLONE_NEWUSER|SIGCHLD) as nobody", clone_newuser, EPERM, "", KC_NOBODY },
	{ "clone", "clone(CLONE_SETTLS|SIGCHLD, ..., tls = kernel address)", clone_settls_kernel,
	  EPERM, "", 0 },
	{ "clone", "clone(CLONE_PIDFD|SIGCHLD, 0, (int *)1, NULL, 0)", clone_pidfd_efault, EFAULT, "",
	  0 },
	{ "clone", "clone(CLONE_PIDFD|SIGCHLD, ...) with fd 0 open and RLIMIT_NOFILE 1",
	  clone_pidfd_emfile, EMFILE, "", 0 },
	{ "clone", "clone(SIGCHLD) as nobody over RLIMIT_NPROC 0", clone_nproc, EAGAIN, "",
	  KC_NOBODY },

	/* clone3 */
	{ "clone3", "clone3({.exit_signal = SIGCHLD}, 88)", clone3_ok, 0, "", 0 },
	{ "clone3", "clone3({.exit_signal = SIGCHLD}, 64) (CLONE_ARGS_SIZE_VER0)", clone3_ver0, 0, "",
	  0 },
	{ "clone3", "clone3(&args, 96) with bytes 88..95 zero", clone3_trailing_zero, 0, "", 0 },
	{ "clone3", "clone3(&args, 4097)", clone3_too_big, E2BIG, "arg:size", 0 },
	{ "clone3", "clone3(&args, 63)", clone3_too_small, EINVAL, "arg:size", 0 },
	{ "clone3", "clone3(&args, 96) with byte 88 non-zero", clone3_trailing, E2BIG, "", 0 },
	{ "clone3", "clone3((void *)1, 88)", clone3_efault, EFAULT, "", 0 },
	{ "clone3", "clone3({.flags = 1 << 40}, 88)", clone3_unknown_flag, EINVAL, "", 0 },
	{ "clone3", "clone3({.flags = SIGCHLD}, 88) (a CSIGNAL bit)", clone3_csignal_flag, EINVAL, "",
	  0 },
	{ "clone3", "clone3({.flags = CLONE_SIGHAND|CLONE_VM|CLONE_CLEAR_SIGHAND}, 88)",
	  clone3_clear_sighand, EINVAL, "", 0 },
	{ "clone3", "clone3({.exit_signal = 256}, 88)", clone3_signal_256, EINVAL, "", 0 },
	{ "clone3", "clone3({.exit_signal = 65}, 88)", clone3_signal_65, EINVAL, "", 0 },
	{ "clone3", "clone3({.stack = 0, .stack_size = 4096}, 88)", clone3_stack_size_only, EINVAL,
	  "", 0 },
	{ "clone3", "clone3({.set_tid = &getpid(), .set_tid_size = 1}, 88) as root",
	  clone3_set_tid_self, EEXIST, "", 0 },
	{ "clone3", "clone3({.set_tid = &getpid(), .set_tid_size = 1}, 88) as nobody",
	  clone3_set_tid_self, EPERM, "", KC_NOBODY },
	{ "clone3", "clone3({.set_tid_size = 2}, 88) (one pid namespace level)", clone3_set_tid_two,
	  EINVAL, "", 0 },
	{ "clone3", "clone3({.set_tid = 0, .set_tid_size = 1}, 88)", clone3_set_tid_size_only, EINVAL,
	  "", 0 },
	{ "clone3", "clone3({CLONE_PIDFD|CLONE_AUTOREAP|CLONE_PIDFD_AUTOKILL}, 88) as nobody",
	  clone3_autokill, EPERM, "", KC_NOBODY },
	{ "clone3", "clone3({CLONE_AUTOREAP, .exit_signal = SIGCHLD}, 88)", clone3_autoreap_signal,
	  EINVAL, "", 0 },
	{ "clone3", "clone3({.exit_signal = SIGCHLD}, 88) as nobody over RLIMIT_NPROC 0",
	  clone3_nproc, EAGAIN, "", KC_NOBODY },

	/* wait4 */
	{ "wait4", "wait4(zombie, &st, 0, NULL)", wait4_zombie, 0, "", 0 },
	{ "wait4", "wait4(-1, NULL, 0, NULL) without children", wait4_nochild, ECHILD, "", 0 },
	{ "wait4", "wait4(-1, NULL, WNOHANG, NULL) with a live child", wait4_wnohang_live, 0, "", 0 },
	{ "wait4", "wait4(live child, NULL, 0, NULL) interrupted by SIGALRM", wait4_eintr, EINTR, "",
	  0 },
	{ "wait4", "wait4(zombie, (int *)1, 0, NULL)", wait4_efault, EFAULT, "", 0 },
	{ "wait4", "wait4(zombie, NULL, __WCLONE|WNOHANG, NULL) (not a clone child)",
	  wait4_wclone_only, ECHILD, "", 0 },
	{ "wait4", "wait4(INT_MIN, NULL, WEXITED, NULL)", wait4_intmin_wexited, EINVAL,
	  "arg:upid arg:options", 0 },

	/* waitid */
	{ "waitid", "waitid(P_PID, zombie, &info, WEXITED, NULL)", waitid_zombie, 0, "", 0 },
	{ "waitid", "waitid(P_ALL, 0, &info, WNOHANG, NULL) (no event selected)", waitid_no_event,
	  EINVAL, "", 0 },
	{ "waitid", "waitid(P_PID, 0, &info, WEXITED, NULL)", waitid_pid0, EINVAL, "", 0 },
	{ "waitid", "waitid(P_PGID, -1, &info, WEXITED, NULL)", waitid_pgid_neg, EINVAL, "", 0 },
	{ "waitid", "waitid(P_PIDFD, fd of ./f, &info, WEXITED, NULL)", waitid_pidfd_file, EBADF, "",
	  0 },
	{ "waitid", "waitid(P_PIDFD, 999, &info, WEXITED, NULL) (not open)", waitid_pidfd_closed,
	  EBADF, "", 0 },
	{ "waitid", "waitid(P_PIDFD, pidfd of self, &info, WEXITED|WNOHANG, NULL)", waitid_pidfd_self,
	  ECHILD, "", 0 },
	{ "waitid", "waitid(P_PIDFD, PIDFD_NONBLOCK pidfd of a live child, &info, WEXITED, NULL)",
	  waitid_pidfd_nonblock, EAGAIN, "", 0 },
	{ "waitid", "waitid(P_PIDFD, pidfd of a zombie child, &info, WEXITED, NULL)",
	  waitid_pidfd_child, 0, "", 0 },
	{ "waitid", "waitid(P_ALL, 0, &info, WEXITED, NULL) with a live child, interrupted",
	  waitid_eintr, EINTR, "", 0 },
	{ "waitid", "waitid(P_PID, zombie, (siginfo_t *)1, WEXITED, NULL)", waitid_efault, EFAULT, "",
	  0 },
	{ "waitid", "waitid(7, 0, &info, 0x100, NULL)", waitid_badwhich_badopts, EINVAL,
	  "arg:which arg:options", 0 },

	/* prctl */
	{ "prctl", "prctl(PR_GET_TIMERSLACK) after PR_SET_TIMERSLACK -5 (returns -5 as a value)",
	  prctl_timerslack_value, 0, "", 0 },
	{ "prctl", "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)", prctl_no_new_privs, 0, "", 0 },
	{ "prctl", "prctl(PR_SET_NAME, (char *)1)", prctl_set_name_efault, EFAULT, "", 0 },
	{ "prctl", "prctl(PR_SET_IO_FLUSHER, 1) as nobody", prctl_io_flusher_nobody, EPERM, "",
	  KC_NOBODY },
	{ "prctl", "prctl(PR_CAPBSET_DROP, CAP_CHOWN) as nobody", prctl_capbset_drop_nobody, EPERM,
	  "", KC_NOBODY },
	{ "prctl", "prctl(PR_GET_SPECULATION_CTRL, 99)", prctl_spec_get_enodev, ENODEV, "", 0 },
	{ "prctl", "prctl(PR_SET_SPECULATION_CTRL, 99, 0)", prctl_spec_set_enodev, ENODEV, "", 0 },
	{ "prctl", "prctl(PR_RSEQ_SLICE_EXTENSION, 0, 0, 0, 0) (stub: ENOTSUPP)", prctl_rseq_slice,
	  KC_ENOTSUPP, "", 0 },
	{ "prctl", "prctl(PR_SET_MM, PR_SET_MM_EXE_FILE, 999)", prctl_mm_exe_closed, EBADF, "", 0 },
	{ "prctl", "prctl(PR_SET_MM, PR_SET_MM_EXE_FILE, fd of .)", prctl_mm_exe_dir, EACCES, "", 0 },
	{ "prctl", "prctl(PR_SET_MM, PR_SET_MM_EXE_FILE, 999) as nobody", prctl_mm_nobody, EPERM, "",
	  KC_NOBODY },
	{ "prctl", "prctl(PR_GET_SECCOMP) (no CONFIG_SECCOMP: not in the enum)", prctl_stub_seccomp,
	  EINVAL, "arg:option", 0 },

	/* getrlimit */
	{ "getrlimit", "getrlimit(RLIMIT_NOFILE, (void *)1)", getrlimit_efault, EFAULT, "", 0 },

	/* setrlimit */
	{ "setrlimit", "setrlimit(RLIMIT_NOFILE, {1 << 30, 1 << 30}) as root (above fs.nr_open)",
	  setrlimit_nofile_over_nr_open, EPERM, "", 0 },
	{ "setrlimit", "setrlimit(RLIMIT_CORE, {2, 1})", setrlimit_cur_above_max, EINVAL, "", 0 },
	{ "setrlimit", "setrlimit(RLIMIT_CORE, {0, 1}) over hard 0, as nobody",
	  setrlimit_raise_nobody, EPERM, "", KC_NOBODY },
	{ "setrlimit", "setrlimit(RLIMIT_CORE, {0, 1}) over hard 0, as root", setrlimit_raise_root,
	  0, "", 0 },
	{ "setrlimit", "setrlimit(16, (void *)1)", setrlimit_bad_resource_efault, EFAULT,
	  "arg:resource", 0 },

	/* prlimit64 */
	{ "prlimit64", "prlimit64(1, RLIMIT_NOFILE, NULL, &old) as nobody", prlimit_init_nobody,
	  EPERM, "", KC_NOBODY },
	{ "prlimit64", "prlimit64(1, RLIMIT_NOFILE, NULL, &old) as root", prlimit_init_root, 0, "",
	  0 },
	{ "prlimit64", "prlimit64(-1, RLIMIT_NOFILE, NULL, &old)", prlimit_negative_pid, ESRCH, "",
	  0 },
	{ "prlimit64", "prlimit64(zombie, RLIMIT_NOFILE, NULL, &old)", prlimit_zombie, 0, "", 0 },
	{ "prlimit64", "prlimit64(0, 16, (void *)1, NULL)", prlimit_bad_resource_efault, EFAULT,
	  "arg:resource", 0 },
	{ "prlimit64", "prlimit64(-1, 16, NULL, &old)", prlimit_bad_resource_esrch, ESRCH,
	  "arg:resource", 0 },
	{ "prlimit64", "prlimit64(0, RLIMIT_NOFILE, {1 << 30, 1 << 30}, NULL) as root",
	  prlimit_nofile_over_nr_open, EPERM, "", 0 },
	{ "prlimit64", "prlimit64(0, RLIMIT_NOFILE, NULL, (void *)1)", prlimit_old_efault, EFAULT, "",
	  0 },
};

KC_GROUP(lifecycle, cases);

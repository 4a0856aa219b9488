// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the signal group: kill, tkill, tgkill, rt_sigaction, rt_sigprocmask, rt_sigpending,
 * rt_sigtimedwait, rt_sigqueueinfo, rt_tgsigqueueinfo, rt_sigsuspend, sigaltstack, pidfd_open,
 * pidfd_send_signal, pidfd_getfd, signalfd4. See specs/decisions/signal.md.
 *
 * The single-rule calls are generated from the specs (`kapi cases`); these cases are the rest:
 * errnos that need state (a caught signal for EINTR, RLIMIT_SIGPENDING for EAGAIN, a process
 * of another user for EPERM, a zombie or reaped child for ESRCH, running on the alternate
 * stack for EPERM), rt_sigsuspend (never generated: it blocks until a signal), and a few
 * successes that the generated calls avoid because a signal is really sent.
 *
 * No case sends a signal that is neither 0, blocked, nor handled in the case child, nor one
 * to another process than a child of the case.
 */
#include "cases.h"

#include <sys/syscall.h>

/* An address access_ok() refuses (the kernel half). */
#define KERNEL_ADDR ((void *)0xffff880000000000UL)
/* sizeof(sigset_t) in the kernel (_NSIG / 8). */
#define KSIGSET 8
/* A real-time signal (the kernel's SIGRTMIN is 32; glibc keeps 32 and 33 for itself). */
#define RTSIG 40

#ifndef PIDFD_NONBLOCK
#define PIDFD_NONBLOCK O_NONBLOCK
#endif
#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL
#endif
#ifndef PIDFD_SIGNAL_THREAD
#define PIDFD_SIGNAL_THREAD (1UL << 0)
#define PIDFD_SIGNAL_THREAD_GROUP (1UL << 1)
#endif
/* PIDFD_SELF_THREAD_GROUP of include/uapi/linux/fcntl.h (7.2). */
#define KC_PIDFD_SELF_THREAD_GROUP -10001
#ifndef SFD_CLOEXEC
#define SFD_CLOEXEC O_CLOEXEC
#define SFD_NONBLOCK O_NONBLOCK
#endif
#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif

/* The kernel's struct sigaction on x86_64 (rt_sigaction's layout). */
struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

/* ---- setup helpers ---------------------------------------------------------------------- */

static void on_signal(int sig)
{
	(void)sig;
}

/* A handler (doing nothing, no SA_RESTART) for sig. */
static void handle(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	if (sigaction(sig, &sa, NULL))
		kc_die("sigaction");
}

/* Blocks sig in the case child. */
static void block(int sig)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	if (sigprocmask(SIG_BLOCK, &s, NULL))
		kc_die("sigprocmask");
}

/* A kernel sigset holding sig. */
static uint64_t kset(int sig)
{
	return 1ULL << (sig - 1);
}

/* A child that exits at once, waited for with WNOWAIT: a zombie until reaped. */
static pid_t zombie(void)
{
	siginfo_t si;
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (pid == 0)
		_exit(0);
	if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT))
		kc_die("waitid");
	return pid;
}

static void reap(pid_t pid)
{
	int saved = errno;

	if (waitpid(pid, NULL, 0) != pid)
		kc_die("waitpid");
	errno = saved;
}

static int pidfd_of(pid_t pid)
{
	int fd = syscall(SYS_pidfd_open, pid, 0);

	if (fd < 0)
		kc_die("pidfd_open");
	return fd;
}

/* A siginfo of 128 bytes, zeroed, with si_code set. */
static void info_code(siginfo_t *si, int code)
{
	memset(si, 0, sizeof(*si));
	si->si_code = code;
}

/* ---- kill, tkill, tgkill ---------------------------------------------------------------- */

static long kill_init_nobody(void)
{
	return syscall(SYS_kill, 1, 0);
}

static long kill_int_min(void)
{
	return syscall(SYS_kill, INT_MIN, 0);
}

static long kill_all_probe(void)
{
	return syscall(SYS_kill, -1, 0);
}

static long kill_own_group(void)
{
	return syscall(SYS_kill, 0, 0);
}

static long kill_self_blocked(void)
{
	block(SIGUSR1);
	return syscall(SYS_kill, getpid(), SIGUSR1);
}

static long kill_gone_badsig(void)
{
	pid_t pid = zombie();

	reap(pid);
	return syscall(SYS_kill, pid, 65);
}

static long kill_rt_nolimit(void)
{
	block(RTSIG);
	kc_rlimit(RLIMIT_SIGPENDING, 0);
	return syscall(SYS_kill, getpid(), RTSIG);
}

static long tkill_init_nobody(void)
{
	return syscall(SYS_tkill, 1, 0);
}

static long tkill_rt_eagain(void)
{
	block(RTSIG);
	kc_rlimit(RLIMIT_SIGPENDING, 0);
	return syscall(SYS_tkill, gettid(), RTSIG);
}

static long tkill_self_handled(void)
{
	handle(SIGUSR1);
	return syscall(SYS_tkill, gettid(), SIGUSR1);
}

static long tgkill_init_nobody(void)
{
	return syscall(SYS_tgkill, 1, 1, 0);
}

static long tgkill_rt_eagain(void)
{
	block(RTSIG);
	kc_rlimit(RLIMIT_SIGPENDING, 0);
	return syscall(SYS_tgkill, getpid(), gettid(), RTSIG);
}

static long tgkill_self_blocked(void)
{
	block(SIGUSR1);
	return syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1);
}

/* ---- rt_sigqueueinfo, rt_tgsigqueueinfo ------------------------------------------------- */

static long sq_self_queue(void)
{
	siginfo_t si;

	block(SIGUSR1);
	info_code(&si, SI_QUEUE);
	return syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &si);
}

static long sq_e2big(void)
{
	siginfo_t si;

	info_code(&si, -100);
	((unsigned char *)&si)[100] = 1;
	return syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &si);
}

static long sq_efault(void)
{
	return syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, KERNEL_ADDR);
}

static long sq_eagain(void)
{
	siginfo_t si;

	block(RTSIG);
	kc_rlimit(RLIMIT_SIGPENDING, 0);
	info_code(&si, SI_QUEUE);
	return syscall(SYS_rt_sigqueueinfo, getpid(), RTSIG, &si);
}

static long sq_init_nobody(void)
{
	siginfo_t si;

	info_code(&si, SI_QUEUE);
	return syscall(SYS_rt_sigqueueinfo, 1, 0, &si);
}

static long sq_badsig(void)
{
	siginfo_t si;

	info_code(&si, SI_QUEUE);
	return syscall(SYS_rt_sigqueueinfo, getpid(), 65, &si);
}

static long sq_gone(void)
{
	siginfo_t si;
	pid_t pid = zombie();

	reap(pid);
	info_code(&si, SI_QUEUE);
	return syscall(SYS_rt_sigqueueinfo, pid, 0, &si);
}

static long tsq_self_queue(void)
{
	siginfo_t si;

	block(SIGUSR1);
	info_code(&si, SI_QUEUE);
	return syscall(SYS_rt_tgsigqueueinfo, getpid(), gettid(), SIGUSR1, &si);
}

static long tsq_efault_first(void)
{
	return syscall(SYS_rt_tgsigqueueinfo, 0, 0, SIGUSR1, KERNEL_ADDR);
}

static long tsq_e2big(void)
{
	siginfo_t si;

	info_code(&si, -100);
	((unsigned char *)&si)[100] = 1;
	return syscall(SYS_rt_tgsigqueueinfo, getpid(), gettid(), SIGUSR1, &si);
}

static long tsq_eagain(void)
{
	siginfo_t si;

	block(RTSIG);
	kc_rlimit(RLIMIT_SIGPENDING, 0);
	info_code(&si, SI_QUEUE);
	return syscall(SYS_rt_tgsigqueueinfo, getpid(), gettid(), RTSIG, &si);
}

/* ---- rt_sigaction, rt_sigprocmask, rt_sigpending ---------------------------------------- */

static long sa_sigkill(void)
{
	struct ksigaction act = { .handler = SIG_IGN };

	return syscall(SYS_rt_sigaction, SIGKILL, &act, NULL, KSIGSET);
}

static long sa_sigkill_query(void)
{
	struct ksigaction old;

	return syscall(SYS_rt_sigaction, SIGKILL, NULL, &old, KSIGSET);
}

static long sa_badsig_efault(void)
{
	return syscall(SYS_rt_sigaction, 65, KERNEL_ADDR, NULL, KSIGSET);
}

static long sa_oact_efault(void)
{
	return syscall(SYS_rt_sigaction, SIGUSR1, NULL, KERNEL_ADDR, KSIGSET);
}

static long pm_badhow_query(void)
{
	uint64_t old;

	return syscall(SYS_rt_sigprocmask, 3, NULL, &old, KSIGSET);
}

static long pm_nset_efault(void)
{
	return syscall(SYS_rt_sigprocmask, SIG_BLOCK, KERNEL_ADDR, NULL, KSIGSET);
}

static long sp_zero_size(void)
{
	return syscall(SYS_rt_sigpending, KERNEL_ADDR, 0);
}

static long sp_efault(void)
{
	return syscall(SYS_rt_sigpending, KERNEL_ADDR, KSIGSET);
}

/* ---- rt_sigtimedwait -------------------------------------------------------------------- */

static long tw_pending(void)
{
	uint64_t set = kset(SIGUSR1);
	struct timespec ts = { 0, 0 };
	siginfo_t si;

	block(SIGUSR1);
	if (raise(SIGUSR1))
		kc_die("raise");
	return syscall(SYS_rt_sigtimedwait, &set, &si, &ts, KSIGSET);
}

static long tw_eintr(void)
{
	uint64_t set = 0;

	kc_interrupt_after(50);
	return syscall(SYS_rt_sigtimedwait, &set, NULL, NULL, KSIGSET);
}

static long tw_eagain(void)
{
	uint64_t set = kset(SIGUSR1);
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	block(SIGUSR1);
	return syscall(SYS_rt_sigtimedwait, &set, NULL, &ts, KSIGSET);
}

static long tw_bad_nsec(void)
{
	uint64_t set = kset(SIGUSR1);
	struct timespec ts = { 0, 1000 * 1000 * 1000 };

	return syscall(SYS_rt_sigtimedwait, &set, NULL, &ts, KSIGSET);
}

static long tw_uts_efault(void)
{
	uint64_t set = kset(SIGUSR1);

	return syscall(SYS_rt_sigtimedwait, &set, NULL, KERNEL_ADDR, KSIGSET);
}

/* ---- rt_sigsuspend ---------------------------------------------------------------------- */

static long ss_timer(void)
{
	uint64_t set = 0;

	kc_interrupt_after(50);
	return syscall(SYS_rt_sigsuspend, &set, KSIGSET);
}

static long ss_pending(void)
{
	uint64_t set = 0;

	handle(SIGUSR1);
	block(SIGUSR1);
	if (raise(SIGUSR1))
		kc_die("raise");
	return syscall(SYS_rt_sigsuspend, &set, KSIGSET);
}

static long ss_badsize(void)
{
	uint64_t set = 0;

	return syscall(SYS_rt_sigsuspend, &set, KSIGSET - 1);
}

static long ss_efault(void)
{
	return syscall(SYS_rt_sigsuspend, KERNEL_ADDR, KSIGSET);
}

/* ---- sigaltstack ------------------------------------------------------------------------ */

#define ALTSTACK_SIZE 65536

static long as_set(void)
{
	stack_t ss = { .ss_sp = kc_pages(16), .ss_flags = 0, .ss_size = ALTSTACK_SIZE };

	return syscall(SYS_sigaltstack, &ss, NULL);
}

static long as_small(void)
{
	stack_t ss = { .ss_sp = kc_pages(1), .ss_flags = 0, .ss_size = 1024 };

	return syscall(SYS_sigaltstack, &ss, NULL);
}

static long as_badflags(void)
{
	stack_t ss = { .ss_sp = kc_pages(16), .ss_flags = 0x1234, .ss_size = ALTSTACK_SIZE };

	return syscall(SYS_sigaltstack, &ss, NULL);
}

static long as_autodisarm(void)
{
	stack_t ss = { .ss_sp = kc_pages(16), .ss_flags = SS_ONSTACK | SS_AUTODISARM,
		       .ss_size = ALTSTACK_SIZE };

	return syscall(SYS_sigaltstack, &ss, NULL);
}

static long as_efault(void)
{
	return syscall(SYS_sigaltstack, KERNEL_ADDR, NULL);
}

static volatile long onstack_ret;
static volatile int onstack_errno;

static void on_altstack(int sig)
{
	stack_t ss = { .ss_sp = NULL, .ss_flags = SS_DISABLE, .ss_size = 0 };

	(void)sig;
	onstack_ret = syscall(SYS_sigaltstack, &ss, NULL);
	onstack_errno = errno;
}

static long as_eperm(void)
{
	stack_t ss = { .ss_sp = kc_pages(16), .ss_flags = 0, .ss_size = ALTSTACK_SIZE };
	struct sigaction sa;

	if (sigaltstack(&ss, NULL))
		kc_die("sigaltstack");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_altstack;
	sa.sa_flags = SA_ONSTACK;
	if (sigaction(SIGUSR1, &sa, NULL))
		kc_die("sigaction");
	onstack_ret = 1;
	if (raise(SIGUSR1))
		kc_die("raise");
	if (onstack_ret == 1)
		kc_die("handler did not run");
	errno = onstack_errno;
	return onstack_ret;
}

/* ---- pidfd_open ------------------------------------------------------------------------- */

static long po_flags(void)
{
	return syscall(SYS_pidfd_open, getpid(), PIDFD_NONBLOCK | PIDFD_THREAD);
}

static long po_zombie(void)
{
	pid_t pid = zombie();
	long r = syscall(SYS_pidfd_open, pid, 0);

	reap(pid);
	return r;
}

static long po_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_pidfd_open, getpid(), 0);
}

/* ---- pidfd_send_signal ------------------------------------------------------------------ */

static long ps_self_group(void)
{
	return syscall(SYS_pidfd_send_signal, KC_PIDFD_SELF_THREAD_GROUP, 0, NULL, 0);
}

static long ps_proc_dir(void)
{
	int fd = open("/proc/self", O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		kc_die("open /proc/self");
	return syscall(SYS_pidfd_send_signal, fd, 0, NULL, 0);
}

static long ps_blocked(void)
{
	block(SIGUSR1);
	return syscall(SYS_pidfd_send_signal, pidfd_of(getpid()), SIGUSR1, NULL, 0);
}

static long ps_two_scopes(void)
{
	return syscall(SYS_pidfd_send_signal, pidfd_of(getpid()), 0, NULL,
		       PIDFD_SIGNAL_THREAD | PIDFD_SIGNAL_THREAD_GROUP);
}

static long ps_signo_mismatch(void)
{
	siginfo_t si;

	info_code(&si, SI_QUEUE);
	si.si_signo = SIGUSR2;
	return syscall(SYS_pidfd_send_signal, pidfd_of(getpid()), SIGUSR1, &si, 0);
}

static long ps_e2big(void)
{
	siginfo_t si;

	info_code(&si, -100);
	si.si_signo = SIGUSR1;
	((unsigned char *)&si)[100] = 1;
	return syscall(SYS_pidfd_send_signal, pidfd_of(getpid()), SIGUSR1, &si, 0);
}

static long ps_efault(void)
{
	return syscall(SYS_pidfd_send_signal, pidfd_of(getpid()), SIGUSR1, KERNEL_ADDR, 0);
}

static long ps_thread_eagain(void)
{
	int pfd = pidfd_of(getpid());

	block(RTSIG);
	kc_rlimit(RLIMIT_SIGPENDING, 0);
	return syscall(SYS_pidfd_send_signal, pfd, RTSIG, NULL, PIDFD_SIGNAL_THREAD);
}

static long ps_group_rt(void)
{
	int pfd = pidfd_of(getpid());

	block(RTSIG);
	kc_rlimit(RLIMIT_SIGPENDING, 0);
	return syscall(SYS_pidfd_send_signal, pfd, RTSIG, NULL, 0);
}

static long ps_reaped(void)
{
	pid_t pid = zombie();
	int fd = pidfd_of(pid);

	reap(pid);
	return syscall(SYS_pidfd_send_signal, fd, 0, NULL, 0);
}

static long ps_zombie(void)
{
	pid_t pid = zombie();
	long r = syscall(SYS_pidfd_send_signal, pidfd_of(pid), 0, NULL, 0);

	reap(pid);
	return r;
}

static long ps_init_nobody(void)
{
	return syscall(SYS_pidfd_send_signal, pidfd_of(1), 0, NULL, 0);
}

static long ps_init_queue(void)
{
	siginfo_t si;

	info_code(&si, SI_USER);
	return syscall(SYS_pidfd_send_signal, pidfd_of(1), 0, &si, 0);
}

/* ---- pidfd_getfd ------------------------------------------------------------------------ */

static long pg_init_nobody(void)
{
	return syscall(SYS_pidfd_getfd, pidfd_of(1), 0, 0);
}

static long pg_zombie(void)
{
	pid_t pid = zombie();
	long r = syscall(SYS_pidfd_getfd, pidfd_of(pid), 0, 0);

	reap(pid);
	return r;
}

static long pg_emfile(void)
{
	int pfd = pidfd_of(getpid());

	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_pidfd_getfd, pfd, pfd, 0);
}

static long pg_opath(void)
{
	int fd = open(".", O_PATH);

	if (fd < 0)
		kc_die("open O_PATH");
	return syscall(SYS_pidfd_getfd, pidfd_of(getpid()), fd, 0);
}

/* ---- signalfd4 -------------------------------------------------------------------------- */

static long sf_new(void)
{
	uint64_t set = kset(SIGUSR1);

	return syscall(SYS_signalfd4, -1, &set, KSIGSET, SFD_CLOEXEC | SFD_NONBLOCK);
}

static long sf_efault(void)
{
	return syscall(SYS_signalfd4, -1, KERNEL_ADDR, KSIGSET, 0);
}

static long sf_emfile(void)
{
	uint64_t set = kset(SIGUSR1);

	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_signalfd4, -1, &set, KSIGSET, 0);
}

static long sf_badflags_efault(void)
{
	return syscall(SYS_signalfd4, -1, KERNEL_ADDR, KSIGSET, 1);
}

static const struct kcase cases[] = {
	/* kill */
	{ "kill", "kill(1, 0) as nobody (init is root's)", kill_init_nobody, EPERM, "", KC_NOBODY },
	{ "kill", "kill(INT_MIN, 0)", kill_int_min, ESRCH, "", 0 },
	{ "kill", "kill(-1, 0) (every process)", kill_all_probe, 0, "", 0 },
	{ "kill", "kill(0, 0) (own process group)", kill_own_group, 0, "", 0 },
	{ "kill", "kill(getpid(), SIGUSR1) (blocked)", kill_self_blocked, 0, "", 0 },
	{ "kill", "kill(reaped child, 65) (no target: ESRCH before the signal check)",
	  kill_gone_badsig, ESRCH, "arg:sig", 0 },
	{ "kill", "kill(getpid(), 40) (blocked) with RLIMIT_SIGPENDING 0 (SI_USER: no EAGAIN)",
	  kill_rt_nolimit, 0, "", 0 },

	/* tkill, tgkill */
	{ "tkill", "tkill(1, 0) as nobody", tkill_init_nobody, EPERM, "", KC_NOBODY },
	{ "tkill", "tkill(gettid(), 40) (blocked) with RLIMIT_SIGPENDING 0", tkill_rt_eagain,
	  EAGAIN, "", 0 },
	{ "tkill", "tkill(gettid(), SIGUSR1) (handled)", tkill_self_handled, 0, "", 0 },
	{ "tgkill", "tgkill(1, 1, 0) as nobody", tgkill_init_nobody, EPERM, "", KC_NOBODY },
	{ "tgkill", "tgkill(getpid(), gettid(), 40) (blocked) with RLIMIT_SIGPENDING 0",
	  tgkill_rt_eagain, EAGAIN, "", 0 },
	{ "tgkill", "tgkill(getpid(), gettid(), SIGUSR1) (blocked)", tgkill_self_blocked, 0, "",
	  0 },

	/* rt_sigqueueinfo, rt_tgsigqueueinfo */
	{ "rt_sigqueueinfo", "rt_sigqueueinfo(getpid(), SIGUSR1, {SI_QUEUE}) (blocked)",
	  sq_self_queue, 0, "", 0 },
	{ "rt_sigqueueinfo", "rt_sigqueueinfo(getpid(), SIGUSR1, {si_code -100, byte 100 set})",
	  sq_e2big, E2BIG, "", 0 },
	{ "rt_sigqueueinfo", "rt_sigqueueinfo(getpid(), SIGUSR1, kernel address)", sq_efault,
	  EFAULT, "", 0 },
	{ "rt_sigqueueinfo",
	  "rt_sigqueueinfo(getpid(), 40, {SI_QUEUE}) (blocked) with RLIMIT_SIGPENDING 0",
	  sq_eagain, EAGAIN, "", 0 },
	{ "rt_sigqueueinfo", "rt_sigqueueinfo(1, 0, {SI_QUEUE}) as nobody", sq_init_nobody,
	  EPERM, "", KC_NOBODY },
	{ "rt_sigqueueinfo", "rt_sigqueueinfo(getpid(), 65, {SI_QUEUE})", sq_badsig, EINVAL,
	  "arg:sig", 0 },
	{ "rt_sigqueueinfo", "rt_sigqueueinfo(reaped child, 0, {SI_QUEUE})", sq_gone, ESRCH, "",
	  0 },
	{ "rt_tgsigqueueinfo",
	  "rt_tgsigqueueinfo(getpid(), gettid(), SIGUSR1, {SI_QUEUE}) (blocked)", tsq_self_queue,
	  0, "", 0 },
	{ "rt_tgsigqueueinfo", "rt_tgsigqueueinfo(0, 0, SIGUSR1, kernel address) (copy first)",
	  tsq_efault_first, EFAULT, "arg:tgid arg:pid", 0 },
	{ "rt_tgsigqueueinfo",
	  "rt_tgsigqueueinfo(getpid(), gettid(), SIGUSR1, {si_code -100, byte 100 set})",
	  tsq_e2big, E2BIG, "", 0 },
	{ "rt_tgsigqueueinfo",
	  "rt_tgsigqueueinfo(getpid(), gettid(), 40, {SI_QUEUE}) with RLIMIT_SIGPENDING 0",
	  tsq_eagain, EAGAIN, "", 0 },

	/* rt_sigaction */
	{ "rt_sigaction", "rt_sigaction(SIGKILL, {SIG_IGN}, NULL, 8)", sa_sigkill, EINVAL, "", 0 },
	{ "rt_sigaction", "rt_sigaction(SIGKILL, NULL, &old, 8)", sa_sigkill_query, 0, "", 0 },
	{ "rt_sigaction", "rt_sigaction(65, kernel address, NULL, 8) (act copied first)",
	  sa_badsig_efault, EFAULT, "arg:sig", 0 },
	{ "rt_sigaction", "rt_sigaction(SIGUSR1, NULL, kernel address, 8)", sa_oact_efault,
	  EFAULT, "", 0 },

	/* rt_sigprocmask, rt_sigpending */
	{ "rt_sigprocmask", "rt_sigprocmask(3, NULL, &old, 8) (how unused)", pm_badhow_query, 0,
	  "arg:how", 0 },
	{ "rt_sigprocmask", "rt_sigprocmask(SIG_BLOCK, kernel address, NULL, 8)", pm_nset_efault,
	  EFAULT, "", 0 },
	{ "rt_sigpending", "rt_sigpending(kernel address, 0)", sp_zero_size, 0, "", 0 },
	{ "rt_sigpending", "rt_sigpending(kernel address, 8)", sp_efault, EFAULT, "", 0 },

	/* rt_sigtimedwait */
	{ "rt_sigtimedwait", "rt_sigtimedwait({SIGUSR1}, &si, {0, 0}, 8) (pending)", tw_pending,
	  0, "", 0 },
	{ "rt_sigtimedwait", "rt_sigtimedwait({}, NULL, NULL, 8) interrupted by SIGALRM",
	  tw_eintr, EINTR, "", 0 },
	{ "rt_sigtimedwait", "rt_sigtimedwait({SIGUSR1}, NULL, {0, 10 ms}, 8)", tw_eagain, EAGAIN,
	  "", 0 },
	{ "rt_sigtimedwait", "rt_sigtimedwait({SIGUSR1}, NULL, {0, 1000000000}, 8)", tw_bad_nsec,
	  EINVAL, "", 0 },
	{ "rt_sigtimedwait", "rt_sigtimedwait({SIGUSR1}, NULL, kernel address, 8)", tw_uts_efault,
	  EFAULT, "", 0 },

	/* rt_sigsuspend */
	{ "rt_sigsuspend", "rt_sigsuspend({}, 8) interrupted by SIGALRM", ss_timer, EINTR, "", 0 },
	{ "rt_sigsuspend", "rt_sigsuspend({}, 8) with SIGUSR1 pending and handled", ss_pending,
	  EINTR, "", 0 },
	{ "rt_sigsuspend", "rt_sigsuspend({}, 7)", ss_badsize, EINVAL, "arg:sigsetsize", 0 },
	{ "rt_sigsuspend", "rt_sigsuspend(kernel address, 8)", ss_efault, EFAULT, "", 0 },

	/* sigaltstack */
	{ "sigaltstack", "sigaltstack({p, 0, 65536}, NULL)", as_set, 0, "", 0 },
	{ "sigaltstack", "sigaltstack({p, 0, 1024}, NULL)", as_small, ENOMEM, "", 0 },
	{ "sigaltstack", "sigaltstack({p, 0x1234, 65536}, NULL)", as_badflags, EINVAL, "", 0 },
	{ "sigaltstack", "sigaltstack({p, SS_ONSTACK | SS_AUTODISARM, 65536}, NULL)",
	  as_autodisarm, 0, "", 0 },
	{ "sigaltstack", "sigaltstack(kernel address, NULL)", as_efault, EFAULT, "", 0 },
	{ "sigaltstack", "sigaltstack({NULL, SS_DISABLE, 0}, NULL) in a handler on the alt stack",
	  as_eperm, EPERM, "", 0 },

	/* pidfd_open */
	{ "pidfd_open", "pidfd_open(getpid(), PIDFD_NONBLOCK | PIDFD_THREAD)", po_flags, 0, "",
	  0 },
	{ "pidfd_open", "pidfd_open(zombie child, 0)", po_zombie, 0, "", 0 },
	{ "pidfd_open", "pidfd_open(getpid(), 0) with RLIMIT_NOFILE 0", po_emfile, EMFILE, "", 0 },

	/* pidfd_send_signal */
	{ "pidfd_send_signal", "pidfd_send_signal(PIDFD_SELF_THREAD_GROUP (-10001), 0, NULL, 0)",
	  ps_self_group, 0, "", 0 },
	{ "pidfd_send_signal", "pidfd_send_signal(open(\"/proc/self\"), 0, NULL, 0)", ps_proc_dir,
	  0, "", 0 },
	{ "pidfd_send_signal", "pidfd_send_signal(own pidfd, SIGUSR1, NULL, 0) (blocked)",
	  ps_blocked, 0, "", 0 },
	{ "pidfd_send_signal",
	  "pidfd_send_signal(own pidfd, 0, NULL, PIDFD_SIGNAL_THREAD | PIDFD_SIGNAL_THREAD_GROUP)",
	  ps_two_scopes, EINVAL, "", 0 },
	{ "pidfd_send_signal", "pidfd_send_signal(own pidfd, SIGUSR1, {si_signo SIGUSR2}, 0)",
	  ps_signo_mismatch, EINVAL, "", 0 },
	{ "pidfd_send_signal",
	  "pidfd_send_signal(own pidfd, SIGUSR1, {si_code -100, byte 100 set}, 0)", ps_e2big,
	  E2BIG, "", 0 },
	{ "pidfd_send_signal", "pidfd_send_signal(own pidfd, SIGUSR1, kernel address, 0)",
	  ps_efault, EFAULT, "", 0 },
	{ "pidfd_send_signal",
	  "pidfd_send_signal(own pidfd, 40, NULL, PIDFD_SIGNAL_THREAD) (blocked) with "
	  "RLIMIT_SIGPENDING 0 (SI_TKILL)", ps_thread_eagain, EAGAIN, "", 0 },
	{ "pidfd_send_signal",
	  "pidfd_send_signal(own pidfd, 40, NULL, 0) (blocked) with RLIMIT_SIGPENDING 0 (SI_USER)",
	  ps_group_rt, 0, "", 0 },
	{ "pidfd_send_signal", "pidfd_send_signal(pidfd of a reaped child, 0, NULL, 0)",
	  ps_reaped, ESRCH, "", 0 },
	{ "pidfd_send_signal", "pidfd_send_signal(pidfd of a zombie child, 0, NULL, 0)",
	  ps_zombie, 0, "", 0 },
	{ "pidfd_send_signal", "pidfd_send_signal(pidfd of init, 0, NULL, 0) as nobody",
	  ps_init_nobody, EPERM, "", KC_NOBODY },
	{ "pidfd_send_signal", "pidfd_send_signal(pidfd of init, 0, {SI_USER}, 0)",
	  ps_init_queue, EPERM, "", 0 },

	/* pidfd_getfd */
	{ "pidfd_getfd", "pidfd_getfd(pidfd of init, 0, 0) as nobody", pg_init_nobody, EPERM, "",
	  KC_NOBODY },
	{ "pidfd_getfd", "pidfd_getfd(pidfd of a zombie child, 0, 0)", pg_zombie, ESRCH, "", 0 },
	{ "pidfd_getfd", "pidfd_getfd(own pidfd, it, 0) with RLIMIT_NOFILE 0", pg_emfile, EMFILE,
	  "", 0 },
	{ "pidfd_getfd", "pidfd_getfd(own pidfd, O_PATH fd, 0)", pg_opath, 0, "", 0 },

	/* signalfd4 */
	{ "signalfd4", "signalfd4(-1, {SIGUSR1}, 8, SFD_CLOEXEC | SFD_NONBLOCK)", sf_new, 0, "",
	  0 },
	{ "signalfd4", "signalfd4(-1, kernel address, 8, 0)", sf_efault, EFAULT, "", 0 },
	{ "signalfd4", "signalfd4(-1, {SIGUSR1}, 8, 0) with RLIMIT_NOFILE 0", sf_emfile, EMFILE,
	  "", 0 },
	{ "signalfd4", "signalfd4(-1, kernel address, 8, 1) (mask copied before flags)",
	  sf_badflags_efault, EFAULT, "arg:flags", 0 },
};

KC_GROUP(signal, cases);

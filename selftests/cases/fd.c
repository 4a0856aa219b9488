// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the fd group: epoll_create, epoll_create1, epoll_ctl, epoll_wait, epoll_pwait,
 * epoll_pwait2, eventfd2, pipe2, dup, dup3, close. See specs/decisions/fd.md.
 *
 * Each constraint rule of these specs (one argument broken at its boundaries, the others valid)
 * is proven by the calls generated from the specs (`kapi cases` -> kapi_cases.txt, run by
 * kapi_conform), not here. These cases are the rest: valid calls, errnos that need state (limits,
 * sysctls, privileges, signals, file and mapping state) and combinations (which errno and which
 * reports win when a rule breaks together with another rule, a bad pointer or a bad descriptor).
 */
#include "cases.h"

#include <linux/capability.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>

/* O_NOTIFICATION_PIPE of include/uapi/linux/watch_queue.h. */
#ifndef O_NOTIFICATION_PIPE
#define O_NOTIFICATION_PIPE O_EXCL
#endif

/* A descriptor number that is not open in a case's child. */
#define NOT_OPEN 100
/* An address access_ok() refuses (the kernel half); no user page can be there. */
#define KERNEL_ADDR ((void *)0xffff880000000000UL)
/* EP_MAX_EVENTS of fs/eventpoll.c: INT_MAX / sizeof(struct epoll_event) (12 on x86_64). */
#define EP_MAX_EVENTS ((int)(INT_MAX / sizeof(struct epoll_event)))

/* ---- setup helpers ---------------------------------------------------------------------- */

static int new_epoll(void)
{
	int ep = epoll_create1(0);

	if (ep < 0)
		kc_die("epoll_create1");
	return ep;
}

static void new_pipe(int p[2])
{
	if (pipe(p))
		kc_die("pipe");
}

/* A pipe whose read end is readable (holds one byte). */
static void ready_pipe(int p[2])
{
	new_pipe(p);
	if (write(p[1], "x", 1) != 1)
		kc_die("write to pipe");
}

static void ep_add(int ep, int fd, unsigned int events)
{
	struct epoll_event ev = { .events = events, .data.fd = fd };

	if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev))
		kc_die("epoll_ctl ADD");
}

/* An epoll instance watching the read end of a pipe that has data: one event is ready. */
static int ready_epoll(void)
{
	int p[2], ep = new_epoll();

	ready_pipe(p);
	ep_add(ep, p[0], EPOLLIN);
	return ep;
}

#define CAPBIT(c) (1u << (c))

/*
 * Runs call() with fs.file-max at 0 and without CAP_SYS_ADMIN, so that allocating a struct
 * file fails with ENFILE; restores both. (Not 1: alloc_empty_file() first reads the per-CPU
 * file counter approximately, and in a quiet guest its shared part can still be 0.)
 */
static long with_file_max_0(long (*call)(void))
{
	struct kc_sysctl s;
	long r;
	int e;

	kc_sysctl_set(&s, "/proc/sys/fs/file-max", "0\n");
	kc_caps_effective(1, CAPBIT(CAP_SYS_ADMIN));
	errno = 0;
	r = call();
	e = errno;
	kc_caps_effective(0, 0);
	errno = e;
	kc_sysctl_restore(&s);
	return r;
}

/* ---- epoll_create ------------------------------------------------------------------------ */

static long create_1(void)
{
	return syscall(SYS_epoll_create, 1);
}

static long create_int_max(void)
{
	return syscall(SYS_epoll_create, INT_MAX);
}

static long create_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_epoll_create, 1);
}

static long create_enfile(void)
{
	return with_file_max_0(create_1);
}

/* ---- epoll_create1 ----------------------------------------------------------------------- */

static long create1_0(void)
{
	return syscall(SYS_epoll_create1, 0);
}

static long create1_cloexec(void)
{
	long fd = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);

	if (fd >= 0 && !(fcntl(fd, F_GETFD) & FD_CLOEXEC))
		kc_die("EPOLL_CLOEXEC not set");
	return fd;
}

static long create1_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
}

static long create1_enfile(void)
{
	return with_file_max_0(create1_0);
}

/* ---- epoll_ctl --------------------------------------------------------------------------- */

static long ctl_add(void)
{
	int p[2], ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET };

	new_pipe(p);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
}

static long ctl_add_exclusive(void)
{
	int p[2], ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE };

	new_pipe(p);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
}

static long ctl_add_epoll(void)
{
	int ep = new_epoll(), inner = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN };

	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, inner, &ev);
}

static long ctl_mod(void)
{
	int p[2], ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLOUT };

	new_pipe(p);
	ep_add(ep, p[1], EPOLLIN);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[1], &ev);
}

static long ctl_del_null(void)
{
	int p[2], ep = new_epoll();

	new_pipe(p);
	ep_add(ep, p[0], EPOLLIN);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[0], NULL);
}

static long ctl_op4_null_event(void)
{
	int p[2], ep = new_epoll();

	new_pipe(p);
	return syscall(SYS_epoll_ctl, ep, 4, p[0], NULL);
}

static long ctl_op4_bad_epfd(void)
{
	int p[2];
	struct epoll_event ev = { .events = EPOLLIN };

	new_pipe(p);
	return syscall(SYS_epoll_ctl, NOT_OPEN, 4, p[0], &ev);
}

static long ctl_op_neg_regular_file(void)
{
	int ep = new_epoll(), fd = kc_file("f", 1);
	struct epoll_event ev = { .events = EPOLLIN };

	return syscall(SYS_epoll_ctl, ep, -1, fd, &ev);
}

static long ctl_epfd_neg_bad_event(void)
{
	int p[2];

	new_pipe(p);
	return syscall(SYS_epoll_ctl, -1, EPOLL_CTL_ADD, p[0], (void *)1);
}

static long ctl_fd_neg_del(void)
{
	int ep = new_epoll();

	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, -5, NULL);
}

static long ctl_efault(void)
{
	int p[2], ep = new_epoll();

	new_pipe(p);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], kc_hole(1));
}

static long ctl_ebadf_epfd(void)
{
	int p[2];
	struct epoll_event ev = { .events = EPOLLIN };

	new_pipe(p);
	return syscall(SYS_epoll_ctl, NOT_OPEN, EPOLL_CTL_ADD, p[0], &ev);
}

static long ctl_ebadf_fd(void)
{
	int ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN };

	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, NOT_OPEN, &ev);
}

static long ctl_eperm(void)
{
	int ep = new_epoll(), fd = kc_file("f", 1);
	struct epoll_event ev = { .events = EPOLLIN };

	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, fd, &ev);
}

static long ctl_eperm_devnull(void)
{
	int ep = new_epoll(), fd = open("/dev/null", O_RDONLY);
	struct epoll_event ev = { .events = EPOLLIN };

	if (fd < 0)
		kc_die("/dev/null");
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, fd, &ev);
}

static long ctl_einval_not_epoll(void)
{
	int p[2], q[2];
	struct epoll_event ev = { .events = EPOLLIN };

	new_pipe(p);
	new_pipe(q);
	return syscall(SYS_epoll_ctl, p[0], EPOLL_CTL_ADD, q[0], &ev);
}

static long ctl_einval_self(void)
{
	int ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN };

	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, ep, &ev);
}

static long ctl_einval_mod_exclusive(void)
{
	int p[2], ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE };

	new_pipe(p);
	ep_add(ep, p[0], EPOLLIN);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[0], &ev);
}

static long ctl_einval_mod_of_exclusive(void)
{
	int p[2], ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLOUT };

	new_pipe(p);
	ep_add(ep, p[0], EPOLLIN | EPOLLEXCLUSIVE);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[0], &ev);
}

static long ctl_einval_exclusive_epoll(void)
{
	int ep = new_epoll(), inner = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE };

	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, inner, &ev);
}

static long ctl_einval_exclusive_bits(void)
{
	int p[2], ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT };

	new_pipe(p);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
}

static long ctl_eloop(void)
{
	int a = new_epoll(), b = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN };

	ep_add(a, b, EPOLLIN);
	return syscall(SYS_epoll_ctl, b, EPOLL_CTL_ADD, a, &ev);
}

static long ctl_eloop_depth(void)
{
	/*
	 * e[0] watches e[1], which watches e[2], ... e[4]: five instances, the deepest chain
	 * allowed (EP_MAX_NESTS = 4 links). Adding e[5] to e[4] would make it six.
	 */
	int e[6];
	struct epoll_event ev = { .events = EPOLLIN };

	for (int i = 0; i < 6; i++)
		e[i] = new_epoll();
	for (int i = 0; i < 4; i++)
		ep_add(e[i], e[i + 1], EPOLLIN);
	return syscall(SYS_epoll_ctl, e[4], EPOLL_CTL_ADD, e[5], &ev);
}

static long ctl_eexist(void)
{
	int p[2], ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN };

	new_pipe(p);
	ep_add(ep, p[0], EPOLLIN);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
}

static long ctl_enoent_del(void)
{
	int p[2], ep = new_epoll();

	new_pipe(p);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[0], NULL);
}

static long ctl_enoent_mod(void)
{
	int p[2], ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN };

	new_pipe(p);
	return syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[0], &ev);
}

static long ctl_enospc(void)
{
	struct kc_sysctl s;
	int p[2], ep = new_epoll();
	struct epoll_event ev = { .events = EPOLLIN };
	long r;

	new_pipe(p);
	kc_sysctl_set(&s, "/proc/sys/fs/epoll/max_user_watches", "0\n");
	r = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
	kc_sysctl_restore(&s);
	return r;
}

/* ---- epoll_wait -------------------------------------------------------------------------- */

static long wait_ready(void)
{
	struct epoll_event ev[4];
	int ep = ready_epoll();
	long r = syscall(SYS_epoll_wait, ep, ev, 4, 0);

	if (r != 1)
		kc_die("expected one event");
	return r;
}

static long wait_timeout(void)
{
	struct epoll_event ev[1];
	int ep = new_epoll();

	return syscall(SYS_epoll_wait, ep, ev, 1, 10);
}

/*
 * In .bss of the static binary, low in the address space: access_ok() passes for the whole
 * EP_MAX_EVENTS * 12 bytes (nearly 2 GiB) from here, which it would not from the stack.
 */
static struct epoll_event low_events[1];

static long wait_max_events(void)
{
	int ep = new_epoll();

	return syscall(SYS_epoll_wait, ep, low_events, EP_MAX_EVENTS, 0);
}

static long wait_maxevents_0_ebadf(void)
{
	struct epoll_event ev[1];

	return syscall(SYS_epoll_wait, NOT_OPEN, ev, 0, 0);
}

static long wait_ebadf(void)
{
	struct epoll_event ev[1];

	return syscall(SYS_epoll_wait, NOT_OPEN, ev, 1, 0);
}

static long wait_not_epoll(void)
{
	struct epoll_event ev[1];
	int p[2];

	new_pipe(p);
	return syscall(SYS_epoll_wait, p[0], ev, 1, 0);
}

static long wait_efault_kernel(void)
{
	int ep = new_epoll();

	return syscall(SYS_epoll_wait, ep, KERNEL_ADDR, 1, 0);
}

static long wait_efault_copy(void)
{
	int ep = ready_epoll();

	return syscall(SYS_epoll_wait, ep, kc_hole(1), 1, 0);
}

static long wait_eintr(void)
{
	struct epoll_event ev[1];
	int ep = new_epoll();

	kc_interrupt_after(50);
	return syscall(SYS_epoll_wait, ep, ev, 1, -1);
}

/* ---- epoll_pwait ------------------------------------------------------------------------- */

/* The kernel's sigset_t: 64 bits on x86_64. */
#define KSIGSET 8

static long pwait_ready(void)
{
	struct epoll_event ev[4];
	uint64_t mask = 0;
	int ep = ready_epoll();

	return syscall(SYS_epoll_pwait, ep, ev, 4, 0, &mask, KSIGSET);
}

static long pwait_null_mask(void)
{
	struct epoll_event ev[4];
	int ep = ready_epoll();

	return syscall(SYS_epoll_pwait, ep, ev, 4, 0, NULL, KSIGSET);
}

static long pwait_null_mask_size0(void)
{
	struct epoll_event ev[4];
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait, ep, ev, 4, 0, NULL, 0);
}

static long pwait_maxevents_0_sigsetsize(void)
{
	struct epoll_event ev[1];
	uint64_t mask = 0;
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait, ep, ev, 0, 0, &mask, 7);
}

static long pwait_maxevents_0_efault(void)
{
	struct epoll_event ev[1];
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait, ep, ev, 0, 0, kc_hole(1), KSIGSET);
}

static long pwait_maxevents_big_ebadf(void)
{
	struct epoll_event ev[1];

	return syscall(SYS_epoll_pwait, NOT_OPEN, ev, EP_MAX_EVENTS + 1, 0, NULL, KSIGSET);
}

static long pwait_epfd_neg_sigsetsize(void)
{
	struct epoll_event ev[1];
	uint64_t mask = 0;

	return syscall(SYS_epoll_pwait, -1, ev, 1, 0, &mask, 128);
}

static long pwait_epfd_neg_efault(void)
{
	struct epoll_event ev[1];

	return syscall(SYS_epoll_pwait, -1, ev, 1, 0, (void *)1, KSIGSET);
}

static long pwait_sigsetsize(void)
{
	struct epoll_event ev[1];
	uint64_t mask = 0;
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait, ep, ev, 1, 0, &mask, 128);
}

static long pwait_efault_mask(void)
{
	struct epoll_event ev[1];
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait, ep, ev, 1, 0, kc_hole(1), KSIGSET);
}

static long pwait_efault_events(void)
{
	int ep = ready_epoll();

	return syscall(SYS_epoll_pwait, ep, kc_hole(1), 1, 0, NULL, KSIGSET);
}

static long pwait_ebadf(void)
{
	struct epoll_event ev[1];
	uint64_t mask = 0;

	return syscall(SYS_epoll_pwait, NOT_OPEN, ev, 1, 0, &mask, KSIGSET);
}

static long pwait_not_epoll(void)
{
	struct epoll_event ev[1];
	int p[2];

	new_pipe(p);
	return syscall(SYS_epoll_pwait, p[0], ev, 1, 0, NULL, KSIGSET);
}

static void on_usr1(int sig)
{
	(void)sig;
}

/* SIGUSR1 blocked and pending; the call's empty mask lets it in at once. */
static long pwait_eintr_pending(void)
{
	struct epoll_event ev[1];
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t block;
	uint64_t mask = 0;
	int ep = new_epoll();

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	if (sigaction(SIGUSR1, &sa, NULL) || sigprocmask(SIG_BLOCK, &block, NULL) ||
	    kill(getpid(), SIGUSR1))
		kc_die("pending SIGUSR1");
	return syscall(SYS_epoll_pwait, ep, ev, 1, -1, &mask, KSIGSET);
}

static long pwait_eintr_timer(void)
{
	struct epoll_event ev[1];
	int ep = new_epoll();

	kc_interrupt_after(50);
	return syscall(SYS_epoll_pwait, ep, ev, 1, -1, NULL, KSIGSET);
}

/* ---- epoll_pwait2 ------------------------------------------------------------------------ */

static long pwait2_ready(void)
{
	struct epoll_event ev[4];
	struct timespec ts = { 0, 0 };
	uint64_t mask = 0;
	int ep = ready_epoll();

	return syscall(SYS_epoll_pwait2, ep, ev, 4, &ts, &mask, KSIGSET);
}

static long pwait2_timeout(void)
{
	struct epoll_event ev[1];
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait2, ep, ev, 1, &ts, NULL, 0);
}

static long pwait2_maxevents_0_bad_timeout(void)
{
	struct epoll_event ev[1];
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait2, ep, ev, 0, kc_hole(1), NULL, KSIGSET);
}

static long pwait2_maxevents_neg_bad_nsec(void)
{
	struct epoll_event ev[1];
	struct timespec ts = { 0, 1000 * 1000 * 1000 };
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait2, ep, ev, -5, &ts, NULL, KSIGSET);
}

static long pwait2_epfd_neg_bad_sec(void)
{
	struct epoll_event ev[1];
	struct timespec ts = { -1, 0 };

	return syscall(SYS_epoll_pwait2, -1, ev, 1, &ts, NULL, KSIGSET);
}

static long pwait2_efault_timeout(void)
{
	struct epoll_event ev[1];
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait2, ep, ev, 1, (void *)1, NULL, KSIGSET);
}

static long pwait2_einval_nsec(void)
{
	struct epoll_event ev[1];
	struct timespec ts = { 0, -1 };
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait2, ep, ev, 1, &ts, NULL, KSIGSET);
}

static long pwait2_einval_sigsetsize(void)
{
	struct epoll_event ev[1];
	uint64_t mask = 0;
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait2, ep, ev, 1, NULL, &mask, 4);
}

static long pwait2_efault_mask(void)
{
	struct epoll_event ev[1];
	struct timespec ts = { 0, 0 };
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait2, ep, ev, 1, &ts, kc_hole(1), KSIGSET);
}

static long pwait2_efault_events(void)
{
	struct timespec ts = { 0, 0 };
	int ep = new_epoll();

	return syscall(SYS_epoll_pwait2, ep, KERNEL_ADDR, 1, &ts, NULL, KSIGSET);
}

static long pwait2_ebadf(void)
{
	struct epoll_event ev[1];
	struct timespec ts = { 0, 0 };

	return syscall(SYS_epoll_pwait2, NOT_OPEN, ev, 1, &ts, NULL, KSIGSET);
}

static long pwait2_not_epoll(void)
{
	struct epoll_event ev[1];
	struct timespec ts = { 0, 0 };
	int fd = eventfd(0, 0);

	if (fd < 0)
		kc_die("eventfd");
	return syscall(SYS_epoll_pwait2, fd, ev, 1, &ts, NULL, KSIGSET);
}

static long pwait2_eintr(void)
{
	struct epoll_event ev[1];
	uint64_t mask = 0;
	int ep = new_epoll();

	kc_interrupt_after(50);
	return syscall(SYS_epoll_pwait2, ep, ev, 1, NULL, &mask, KSIGSET);
}

/* ---- eventfd2 ---------------------------------------------------------------------------- */

static long efd_0(void)
{
	return syscall(SYS_eventfd2, 0, 0);
}

static long efd_all_flags(void)
{
	return syscall(SYS_eventfd2, UINT_MAX, EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK);
}

static long efd_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_eventfd2, 0, EFD_CLOEXEC);
}

static long efd_enfile(void)
{
	return with_file_max_0(efd_0);
}

/* ---- pipe2 ------------------------------------------------------------------------------- */

static int pfd[2];

static long pipe_0(void)
{
	return syscall(SYS_pipe2, pfd, 0);
}

static long pipe_flags(void)
{
	return syscall(SYS_pipe2, pfd, O_CLOEXEC | O_NONBLOCK | O_DIRECT);
}

static long pipe_bad_flag_efault(void)
{
	return syscall(SYS_pipe2, kc_hole(1), O_CLOEXEC | O_TRUNC);
}

static long pipe_enopkg(void)
{
	return syscall(SYS_pipe2, pfd, O_NOTIFICATION_PIPE);
}

static long pipe_efault(void)
{
	return syscall(SYS_pipe2, kc_hole(1), O_CLOEXEC);
}

static long pipe_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_pipe2, pfd, 0);
}

/* Only one descriptor free: the first is reserved, the second fails. */
static long pipe_emfile_one_free(void)
{
	int fd = open("/dev/null", O_RDONLY);

	if (fd < 0)
		kc_die("/dev/null");
	close(fd);
	/* fd is the lowest free descriptor; nothing above it is open after it is closed. */
	for (int i = fd + 1; i < 64; i++)
		close(i);
	kc_rlimit(RLIMIT_NOFILE, fd + 1);
	return syscall(SYS_pipe2, pfd, 0);
}

static long pipe_enfile(void)
{
	return with_file_max_0(pipe_0);
}

/* As an unprivileged user over fs.pipe-user-pages-hard: alloc_pipe_info() fails. */
static long pipe_enfile_user_pages(void)
{
	struct kc_sysctl s;
	long r;
	int e;

	kc_sysctl_set(&s, "/proc/sys/fs/pipe-user-pages-hard", "1\n");
	kc_caps_effective(1, CAPBIT(CAP_SYS_ADMIN) | CAPBIT(CAP_SYS_RESOURCE));
	r = syscall(SYS_pipe2, pfd, 0);
	e = errno;
	kc_caps_effective(0, 0);
	errno = e;
	kc_sysctl_restore(&s);
	return r;
}

/* ---- dup --------------------------------------------------------------------------------- */

static long dup_ok(void)
{
	return syscall(SYS_dup, kc_file("f", 1));
}

static long dup_path(void)
{
	int fd = open(".", O_PATH);

	if (fd < 0)
		kc_die("O_PATH");
	return syscall(SYS_dup, fd);
}

static long dup_int_max(void)
{
	return syscall(SYS_dup, INT_MAX);
}

static long dup_ebadf(void)
{
	return syscall(SYS_dup, NOT_OPEN);
}

static long dup_emfile(void)
{
	int fd = kc_file("f", 1);

	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_dup, fd);
}

/* ---- dup3 -------------------------------------------------------------------------------- */

static long dup3_ok(void)
{
	return syscall(SYS_dup3, kc_file("f", 1), 50, 0);
}

static long dup3_cloexec_onto_open(void)
{
	int fd = kc_file("f", 1), other = kc_file("g", 1);

	return syscall(SYS_dup3, fd, other, O_CLOEXEC);
}

static long dup3_grow_table(void)
{
	return syscall(SYS_dup3, kc_file("f", 1), 1000, 0);
}

static long dup3_both_neg(void)
{
	return syscall(SYS_dup3, -1, -1, 0);
}

static long dup3_old_neg_bad_flag(void)
{
	return syscall(SYS_dup3, -1, 50, 1);
}

static long dup3_same(void)
{
	int fd = kc_file("f", 1);

	return syscall(SYS_dup3, fd, fd, 0);
}

static long dup3_ebadf_rlimit(void)
{
	int fd = kc_file("f", 1);

	kc_rlimit(RLIMIT_NOFILE, 64);
	return syscall(SYS_dup3, fd, 64, 0);
}

static long dup3_ebadf_old(void)
{
	return syscall(SYS_dup3, NOT_OPEN, 50, 0);
}

/*
 * newfd reserved by a process sharing our fd table that is blocked opening a FIFO (the open
 * reserves the descriptor before it waits for a writer): EBUSY.
 */
static long dup3_ebusy(void)
{
	int fd = kc_file("f", 1), lowest, w;
	char path[64], buf[64];
	long r, pid;
	int e;

	if (mkfifo("fifo", 0600))
		kc_die("mkfifo");
	lowest = open("/dev/null", O_RDONLY);
	if (lowest < 0)
		kc_die("/dev/null");
	close(lowest);
	pid = syscall(SYS_clone, CLONE_FILES | SIGCHLD, NULL, NULL, NULL, NULL);
	if (pid < 0)
		kc_die("clone");
	if (pid == 0) {
		syscall(SYS_openat, AT_FDCWD, "fifo", O_RDONLY);
		_exit(0);
	}
	/* Wait until the other process sleeps in openat (nr 257) on the FIFO. */
	snprintf(path, sizeof(path), "/proc/%ld/syscall", pid);
	for (int i = 0;; i++) {
		int s = open(path, O_RDONLY);
		ssize_t n = s < 0 ? -1 : read(s, buf, sizeof(buf) - 1);

		if (s >= 0)
			close(s);
		if (n > 0) {
			buf[n] = 0;
			if (!strncmp(buf, "257 ", 4))
				break;
		}
		if (i > 5000)
			kc_die("waiting for the FIFO open");
		usleep(1000);
	}
	/*
	 * Our own opens above may have taken `lowest` while the other process reserved its
	 * descriptor, which is then lowest + 1: the lowest free one now tells which it was.
	 */
	w = open("/dev/null", O_RDONLY);
	if (w < 0)
		kc_die("/dev/null");
	close(w);
	r = syscall(SYS_dup3, fd, w == lowest ? lowest + 1 : lowest, 0);
	e = errno;
	w = open("fifo", O_WRONLY | O_NONBLOCK);
	if (w < 0 || waitpid(pid, NULL, 0) != pid)
		kc_die("ending the FIFO open");
	errno = e;
	return r;
}

/* ---- close ------------------------------------------------------------------------------- */

static long close_ok(void)
{
	return syscall(SYS_close, kc_file("f", 1));
}

static long close_pipe(void)
{
	int p[2];

	new_pipe(p);
	return syscall(SYS_close, p[1]);
}

static long close_ebadf(void)
{
	return syscall(SYS_close, NOT_OPEN);
}

static long close_twice(void)
{
	int fd = kc_file("f", 1);

	close(fd);
	return syscall(SYS_close, fd);
}

static const struct kcase cases[] = {
	/* epoll_create */
	{ "epoll_create", "epoll_create(1)", create_1, 0, "", 0 },
	{ "epoll_create", "epoll_create(INT_MAX)", create_int_max, 0, "", KC_NOBODY },
	{ "epoll_create", "epoll_create(1) with RLIMIT_NOFILE 0", create_emfile, EMFILE, "", 0 },
	{ "epoll_create", "epoll_create(1) at fs.file-max without CAP_SYS_ADMIN", create_enfile,
	  ENFILE, "", 0 },
	/* epoll_create1 */
	{ "epoll_create1", "epoll_create1(0)", create1_0, 0, "", KC_NOBODY },
	{ "epoll_create1", "epoll_create1(EPOLL_CLOEXEC)", create1_cloexec, 0, "", 0 },
	{ "epoll_create1", "epoll_create1(EPOLL_CLOEXEC) with RLIMIT_NOFILE 0", create1_emfile,
	  EMFILE, "", 0 },
	{ "epoll_create1", "epoll_create1(0) at fs.file-max without CAP_SYS_ADMIN", create1_enfile,
	  ENFILE, "", 0 },
	/* epoll_ctl */
	{ "epoll_ctl", "epoll_ctl(ep, ADD, pipe, {EPOLLIN|EPOLLET})", ctl_add, 0, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, pipe, {EPOLLIN|EPOLLEXCLUSIVE})", ctl_add_exclusive, 0,
	  "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, other epoll, {EPOLLIN})", ctl_add_epoll, 0, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, MOD, pipe, {EPOLLOUT})", ctl_mod, 0, "", KC_NOBODY },
	{ "epoll_ctl", "epoll_ctl(ep, DEL, pipe, NULL)", ctl_del_null, 0, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, 4, pipe, NULL)", ctl_op4_null_event, EFAULT, "arg:op", 0 },
	{ "epoll_ctl", "epoll_ctl(100 not open, 4, pipe, &ev)", ctl_op4_bad_epfd, EBADF, "arg:op",
	  0 },
	{ "epoll_ctl", "epoll_ctl(ep, -1, regular file, &ev)", ctl_op_neg_regular_file, EPERM,
	  "arg:op", 0 },
	{ "epoll_ctl", "epoll_ctl(-1, ADD, pipe, (void *)1)", ctl_epfd_neg_bad_event, EFAULT,
	  "arg:epfd", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, DEL, -5, NULL)", ctl_fd_neg_del, EBADF, "arg:fd", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, pipe, unmapped)", ctl_efault, EFAULT, "", 0 },
	{ "epoll_ctl", "epoll_ctl(100 not open, ADD, pipe, &ev)", ctl_ebadf_epfd, EBADF, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, 100 not open, &ev)", ctl_ebadf_fd, EBADF, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, tmpfs file, &ev)", ctl_eperm, EPERM, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, /dev/null, &ev)", ctl_eperm_devnull, EPERM, "", 0 },
	{ "epoll_ctl", "epoll_ctl(pipe, ADD, pipe, &ev)", ctl_einval_not_epoll, EINVAL, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, ep, &ev)", ctl_einval_self, EINVAL, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, MOD, pipe, {EPOLLIN|EPOLLEXCLUSIVE})",
	  ctl_einval_mod_exclusive, EINVAL, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, MOD, pipe added with EPOLLEXCLUSIVE, {EPOLLOUT})",
	  ctl_einval_mod_of_exclusive, EINVAL, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, other epoll, {EPOLLIN|EPOLLEXCLUSIVE})",
	  ctl_einval_exclusive_epoll, EINVAL, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, pipe, {EPOLLIN|EPOLLEXCLUSIVE|EPOLLONESHOT})",
	  ctl_einval_exclusive_bits, EINVAL, "", 0 },
	{ "epoll_ctl", "epoll_ctl(b, ADD, a) where a watches b", ctl_eloop, ELOOP, "", 0 },
	{ "epoll_ctl", "epoll_ctl(e4, ADD, e5) below a chain e0..e4", ctl_eloop_depth, ELOOP, "",
	  0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, pipe) twice", ctl_eexist, EEXIST, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, DEL, pipe not added, NULL)", ctl_enoent_del, ENOENT, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, MOD, pipe not added, &ev)", ctl_enoent_mod, ENOENT, "", 0 },
	{ "epoll_ctl", "epoll_ctl(ep, ADD, pipe) with fs.epoll.max_user_watches 0", ctl_enospc,
	  ENOSPC, "", 0 },
	/* epoll_wait */
	{ "epoll_wait", "epoll_wait(ep, ev, 4, 0) with one event ready", wait_ready, 0, "", 0 },
	{ "epoll_wait", "epoll_wait(ep, ev, 1, 10) times out", wait_timeout, 0, "", KC_NOBODY },
	{ "epoll_wait", "epoll_wait(ep, ev, INT_MAX / 12, 0)", wait_max_events, 0, "", 0 },
	{ "epoll_wait", "epoll_wait(100 not open, ev, 0, 0)", wait_maxevents_0_ebadf, EBADF,
	  "arg:maxevents", 0 },
	{ "epoll_wait", "epoll_wait(100 not open, ev, 1, 0)", wait_ebadf, EBADF, "", 0 },
	{ "epoll_wait", "epoll_wait(pipe, ev, 1, 0)", wait_not_epoll, EINVAL, "", 0 },
	{ "epoll_wait", "epoll_wait(ep, kernel address, 1, 0)", wait_efault_kernel, EFAULT, "", 0 },
	{ "epoll_wait", "epoll_wait(ep, unmapped, 1, 0) with one event ready", wait_efault_copy,
	  EFAULT, "", 0 },
	{ "epoll_wait", "epoll_wait(ep, ev, 1, -1) interrupted by SIGALRM", wait_eintr, EINTR, "",
	  0 },
	/* epoll_pwait */
	{ "epoll_pwait", "epoll_pwait(ep, ev, 4, 0, &empty, 8) with one event ready", pwait_ready,
	  0, "", 0 },
	{ "epoll_pwait", "epoll_pwait(ep, ev, 4, 0, NULL, 8) with one event ready",
	  pwait_null_mask, 0, "", KC_NOBODY },
	{ "epoll_pwait", "epoll_pwait(ep, ev, 4, 0, NULL, 0)", pwait_null_mask_size0, 0, "", 0 },
	{ "epoll_pwait", "epoll_pwait(ep, ev, 0, 0, &empty, 7)", pwait_maxevents_0_sigsetsize,
	  EINVAL, "arg:maxevents", 0 },
	{ "epoll_pwait", "epoll_pwait(ep, ev, 0, 0, unmapped, 8)", pwait_maxevents_0_efault, EFAULT,
	  "arg:maxevents", 0 },
	{ "epoll_pwait", "epoll_pwait(100 not open, ev, INT_MAX / 12 + 1, 0, NULL, 8)",
	  pwait_maxevents_big_ebadf, EBADF, "arg:maxevents", 0 },
	{ "epoll_pwait", "epoll_pwait(-1, ev, 1, 0, &empty, 128)", pwait_epfd_neg_sigsetsize,
	  EINVAL, "arg:epfd", 0 },
	{ "epoll_pwait", "epoll_pwait(-1, ev, 1, 0, (void *)1, 8)", pwait_epfd_neg_efault, EFAULT,
	  "arg:epfd", 0 },
	{ "epoll_pwait", "epoll_pwait(ep, ev, 1, 0, &empty, 128)", pwait_sigsetsize, EINVAL, "", 0 },
	{ "epoll_pwait", "epoll_pwait(ep, ev, 1, 0, unmapped, 8)", pwait_efault_mask, EFAULT, "",
	  0 },
	{ "epoll_pwait", "epoll_pwait(ep, unmapped, 1, 0, NULL, 8) with one event ready",
	  pwait_efault_events, EFAULT, "", 0 },
	{ "epoll_pwait", "epoll_pwait(100 not open, ev, 1, 0, &empty, 8)", pwait_ebadf, EBADF, "",
	  0 },
	{ "epoll_pwait", "epoll_pwait(pipe, ev, 1, 0, NULL, 8)", pwait_not_epoll, EINVAL, "", 0 },
	{ "epoll_pwait", "epoll_pwait(ep, ev, 1, -1, &empty, 8) with SIGUSR1 pending",
	  pwait_eintr_pending, EINTR, "", 0 },
	{ "epoll_pwait", "epoll_pwait(ep, ev, 1, -1, NULL, 8) interrupted by SIGALRM",
	  pwait_eintr_timer, EINTR, "", 0 },
	/* epoll_pwait2 */
	{ "epoll_pwait2", "epoll_pwait2(ep, ev, 4, {0, 0}, &empty, 8) with one event ready",
	  pwait2_ready, 0, "", 0 },
	{ "epoll_pwait2", "epoll_pwait2(ep, ev, 1, {0, 10 ms}, NULL, 0) times out", pwait2_timeout,
	  0, "", KC_NOBODY },
	{ "epoll_pwait2", "epoll_pwait2(ep, ev, 0, unmapped, NULL, 8)",
	  pwait2_maxevents_0_bad_timeout, EFAULT, "arg:maxevents", 0 },
	{ "epoll_pwait2", "epoll_pwait2(ep, ev, -5, {0, 1e9}, NULL, 8)",
	  pwait2_maxevents_neg_bad_nsec, EINVAL, "arg:maxevents", 0 },
	{ "epoll_pwait2", "epoll_pwait2(-1, ev, 1, {-1, 0}, NULL, 8)", pwait2_epfd_neg_bad_sec,
	  EINVAL, "arg:epfd", 0 },
	{ "epoll_pwait2", "epoll_pwait2(ep, ev, 1, (void *)1, NULL, 8)", pwait2_efault_timeout,
	  EFAULT, "", 0 },
	{ "epoll_pwait2", "epoll_pwait2(ep, ev, 1, {0, -1}, NULL, 8)", pwait2_einval_nsec, EINVAL,
	  "", 0 },
	{ "epoll_pwait2", "epoll_pwait2(ep, ev, 1, NULL, &empty, 4)", pwait2_einval_sigsetsize,
	  EINVAL, "", 0 },
	{ "epoll_pwait2", "epoll_pwait2(ep, ev, 1, {0, 0}, unmapped, 8)", pwait2_efault_mask,
	  EFAULT, "", 0 },
	{ "epoll_pwait2", "epoll_pwait2(ep, kernel address, 1, {0, 0}, NULL, 8)",
	  pwait2_efault_events, EFAULT, "", 0 },
	{ "epoll_pwait2", "epoll_pwait2(100 not open, ev, 1, {0, 0}, NULL, 8)", pwait2_ebadf, EBADF,
	  "", 0 },
	{ "epoll_pwait2", "epoll_pwait2(eventfd, ev, 1, {0, 0}, NULL, 8)", pwait2_not_epoll, EINVAL,
	  "", 0 },
	{ "epoll_pwait2", "epoll_pwait2(ep, ev, 1, NULL, &empty, 8) interrupted by SIGALRM",
	  pwait2_eintr, EINTR, "", 0 },
	/* eventfd2 */
	{ "eventfd2", "eventfd2(0, 0)", efd_0, 0, "", KC_NOBODY },
	{ "eventfd2", "eventfd2(UINT_MAX, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK)", efd_all_flags,
	  0, "", 0 },
	{ "eventfd2", "eventfd2(0, EFD_CLOEXEC) with RLIMIT_NOFILE 0", efd_emfile, EMFILE, "", 0 },
	{ "eventfd2", "eventfd2(0, 0) at fs.file-max without CAP_SYS_ADMIN", efd_enfile, ENFILE, "",
	  0 },
	/* pipe2 */
	{ "pipe2", "pipe2(p, 0)", pipe_0, 0, "", KC_NOBODY },
	{ "pipe2", "pipe2(p, O_CLOEXEC|O_NONBLOCK|O_DIRECT)", pipe_flags, 0, "", 0 },
	{ "pipe2", "pipe2(unmapped, O_CLOEXEC|O_TRUNC)", pipe_bad_flag_efault, EINVAL, "arg:flags",
	  0 },
	{ "pipe2", "pipe2(p, O_NOTIFICATION_PIPE) without CONFIG_WATCH_QUEUE", pipe_enopkg, ENOPKG,
	  "", 0 },
	{ "pipe2", "pipe2(unmapped, O_CLOEXEC)", pipe_efault, EFAULT, "", 0 },
	{ "pipe2", "pipe2(p, 0) with RLIMIT_NOFILE 0", pipe_emfile, EMFILE, "", 0 },
	{ "pipe2", "pipe2(p, 0) with one descriptor free", pipe_emfile_one_free, EMFILE, "", 0 },
	{ "pipe2", "pipe2(p, 0) at fs.file-max without CAP_SYS_ADMIN", pipe_enfile, ENFILE, "", 0 },
	{ "pipe2", "pipe2(p, 0) over fs.pipe-user-pages-hard without CAP_SYS_RESOURCE",
	  pipe_enfile_user_pages, ENFILE, "", 0 },
	/* dup */
	{ "dup", "dup(file)", dup_ok, 0, "", KC_NOBODY },
	{ "dup", "dup(O_PATH fd)", dup_path, 0, "", 0 },
	{ "dup", "dup(INT_MAX)", dup_int_max, EBADF, "", 0 },
	{ "dup", "dup(100 not open)", dup_ebadf, EBADF, "", 0 },
	{ "dup", "dup(file) with RLIMIT_NOFILE 0", dup_emfile, EMFILE, "", 0 },
	/* dup3 */
	{ "dup3", "dup3(file, 50, 0)", dup3_ok, 0, "", KC_NOBODY },
	{ "dup3", "dup3(file, other open file, O_CLOEXEC)", dup3_cloexec_onto_open, 0, "", 0 },
	{ "dup3", "dup3(file, 1000, 0) grows the fd table", dup3_grow_table, 0, "", 0 },
	{ "dup3", "dup3(-1, -1, 0)", dup3_both_neg, EINVAL, "arg:oldfd arg:newfd", 0 },
	{ "dup3", "dup3(-1, 50, 1)", dup3_old_neg_bad_flag, EINVAL, "arg:oldfd arg:flags", 0 },
	{ "dup3", "dup3(fd, fd, 0)", dup3_same, EINVAL, "", 0 },
	{ "dup3", "dup3(file, 64, 0) with RLIMIT_NOFILE 64", dup3_ebadf_rlimit, EBADF, "", 0 },
	{ "dup3", "dup3(100 not open, 50, 0)", dup3_ebadf_old, EBADF, "", 0 },
	{ "dup3", "dup3(file, fd reserved by a blocked FIFO open, 0)", dup3_ebusy, EBUSY, "", 0 },
	/* close */
	{ "close", "close(file)", close_ok, 0, "", KC_NOBODY },
	{ "close", "close(pipe write end)", close_pipe, 0, "", 0 },
	{ "close", "close(100 not open)", close_ebadf, EBADF, "", 0 },
	{ "close", "close(fd) twice", close_twice, EBADF, "", 0 },
};

KC_GROUP(fd, cases);

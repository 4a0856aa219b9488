// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the waitmem group: poll, ppoll, select, pselect6, futex, futex_waitv, brk, mseal,
 * process_madvise, process_vm_readv, process_vm_writev, membarrier. See
 * specs/decisions/waitmem.md.
 *
 * The single-rule calls (one argument broken at its boundaries, the others valid) are generated
 * from the specs by `kapi cases`. These cases are the rest: errnos that need state (a signal for
 * EINTR, a futex word's value or owner, a zombie or reaped child, another user's process, a
 * sealed or unmapped range, a membarrier registration, RLIMIT_NOFILE), advisory constraints the
 * kernel does not enforce, and results that are not errors (POLLNVAL, brk's unchanged break).
 */
#include "cases.h"

#include <poll.h>
#include <sys/prctl.h>
#include <sys/select.h>
#include <sys/uio.h>
#include <time.h>

/* Syscall numbers on x86_64, for older libc headers. */
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_process_madvise
#define SYS_process_madvise 440
#endif
#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif
#ifndef SYS_mseal
#define SYS_mseal 462
#endif
#ifndef MADV_COLD
#define MADV_COLD 20
#endif

/* include/uapi/linux/futex.h */
#define K_FUTEX_WAIT		0
#define K_FUTEX_WAKE		1
#define K_FUTEX_CMP_REQUEUE	4
#define K_FUTEX_WAKE_OP		5
#define K_FUTEX_LOCK_PI		6
#define K_FUTEX_UNLOCK_PI	7
#define K_FUTEX_TRYLOCK_PI	8
#define K_FUTEX_PRIVATE_FLAG	128
#define K_FUTEX_CLOCK_REALTIME	256
#define K_FUTEX2_SIZE_U32	0x02
#define K_FUTEX2_PRIVATE	128

struct k_futex_waitv {
	uint64_t val;
	uint64_t uaddr;
	uint32_t flags;
	uint32_t reserved;
};

/* include/uapi/linux/membarrier.h (enum membarrier_cmd) */
#define K_MB_QUERY				0
#define K_MB_PRIVATE_EXPEDITED			(1 << 3)
#define K_MB_REGISTER_PRIVATE_EXPEDITED		(1 << 4)
#define K_MB_PRIVATE_EXPEDITED_RSEQ		(1 << 7)
#define K_MB_GET_REGISTRATIONS			(1 << 9)
#define K_MB_FLAG_CPU				(1 << 0)

/* include/uapi/linux/fcntl.h */
#define K_PIDFD_SELF_THREAD_GROUP (-10001)

/* The kernel's sigset_t: 64 bits on x86_64. */
#define KSIGSET 8
/* A descriptor number that is not open in a case's child, below the initial fd table size (64). */
#define NOT_OPEN 50

/* ---- helpers ----------------------------------------------------------------------------- */

static void new_pipe(int p[2])
{
	if (pipe(p))
		kc_die("pipe");
}

/* A child that exited and was reaped: its pid names no process (barring reuse). */
static pid_t gone_pid(void)
{
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (!pid)
		_exit(0);
	if (waitpid(pid, NULL, 0) != pid)
		kc_die("waitpid");
	return pid;
}

/* A child that exited and was not reaped (a zombie); the case child's exit reaps it. */
static pid_t zombie_pid(void)
{
	siginfo_t si;
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (!pid)
		_exit(0);
	if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT))
		kc_die("waitid");
	return pid;
}

/* A child sleeping in pause() until killed. */
static pid_t live_child(void)
{
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (!pid) {
		for (;;)
			pause();
	}
	return pid;
}

static void reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static int pidfd_of(pid_t pid)
{
	int fd = syscall(SYS_pidfd_open, pid, 0);

	if (fd < 0)
		kc_die("pidfd_open");
	return fd;
}

/* ---- poll -------------------------------------------------------------------------------- */

static long poll_ready_pipe(void)
{
	int p[2];
	struct pollfd fds = { .events = POLLIN };

	new_pipe(p);
	if (write(p[1], "x", 1) != 1)
		kc_die("write");
	fds.fd = p[0];
	return syscall(SYS_poll, &fds, 1, 0);
}

/* A descriptor that is not open is POLLNVAL in revents and counts as ready: not an error. */
static long poll_not_open(void)
{
	struct pollfd fds = { .fd = NOT_OPEN, .events = POLLIN };
	long r;

	close(NOT_OPEN);
	r = syscall(SYS_poll, &fds, 1, 0);
	if (r == 1 && fds.revents != POLLNVAL)
		kc_die("revents is not POLLNVAL");
	return r;
}

static long poll_nfds_rlimit(void)
{
	kc_rlimit(RLIMIT_NOFILE, 16);
	return syscall(SYS_poll, NULL, 17, 0);
}

static long poll_efault(void)
{
	return syscall(SYS_poll, kc_hole(1), 1, 0);
}

static long poll_eintr(void)
{
	int p[2];
	struct pollfd fds = { .events = POLLIN };

	new_pipe(p);
	fds.fd = p[0];
	kc_interrupt_after(50);
	return syscall(SYS_poll, &fds, 1, 5000);
}

/* ---- ppoll ------------------------------------------------------------------------------- */

static long ppoll_sigsetsize(void)
{
	struct pollfd fds = { .fd = 0 };
	struct timespec ts = { 0, 0 };
	uint64_t mask = 0;

	return syscall(SYS_ppoll, &fds, 1, &ts, &mask, 4);
}

static long ppoll_bad_ts(void)
{
	struct pollfd fds = { .fd = 0 };
	struct timespec ts = { 0, 1000000000 };

	return syscall(SYS_ppoll, &fds, 1, &ts, NULL, KSIGSET);
}

static long ppoll_nfds_rlimit(void)
{
	struct timespec ts = { 0, 0 };

	kc_rlimit(RLIMIT_NOFILE, 16);
	return syscall(SYS_ppoll, NULL, 17, &ts, NULL, KSIGSET);
}

static long ppoll_eintr(void)
{
	int p[2];
	struct pollfd fds = { .events = POLLIN };
	struct timespec ts = { 5, 0 };

	new_pipe(p);
	fds.fd = p[0];
	kc_interrupt_after(50);
	return syscall(SYS_ppoll, &fds, 1, &ts, NULL, KSIGSET);
}

/* ---- select ------------------------------------------------------------------------------ */

static long select_ebadf(void)
{
	fd_set r;
	struct timeval tv = { 0, 0 };

	close(NOT_OPEN);
	FD_ZERO(&r);
	FD_SET(NOT_OPEN, &r);
	return syscall(SYS_select, NOT_OPEN + 1, &r, NULL, NULL, &tv);
}

/* An O_PATH descriptor is open (no EBADF) but fdget() refuses it: EPOLLNVAL, reported ready. */
static long select_opath(void)
{
	fd_set r;
	struct timeval tv = { 0, 0 };
	int fd = open(".", O_PATH);

	if (fd < 0 || fd >= FD_SETSIZE)
		kc_die("open O_PATH");
	FD_ZERO(&r);
	FD_SET(fd, &r);
	return syscall(SYS_select, fd + 1, &r, NULL, NULL, &tv);
}

static long select_neg_tv(void)
{
	struct timeval tv = { -1, 0 };

	return syscall(SYS_select, 0, NULL, NULL, NULL, &tv);
}

/* n far above the fd table is clamped, not refused (the man page says EINVAL above RLIMIT_NOFILE). */
static long select_n_huge(void)
{
	static fd_set r;	/* zeroed: nothing asked */
	struct timeval tv = { 0, 0 };

	kc_rlimit(RLIMIT_NOFILE, 16);
	return syscall(SYS_select, 1000, &r, NULL, NULL, &tv);
}

static long select_eintr(void)
{
	int p[2];
	fd_set r;
	struct timeval tv = { 5, 0 };

	new_pipe(p);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	kc_interrupt_after(50);
	return syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv);
}

/* ---- pselect6 ---------------------------------------------------------------------------- */

struct sigset_argpack {
	void *p;
	size_t size;
};

static long pselect_sigsetsize(void)
{
	struct timespec ts = { 0, 0 };
	uint64_t mask = 0;
	struct sigset_argpack pack = { &mask, 4 };

	return syscall(SYS_pselect6, 0, NULL, NULL, NULL, &ts, &pack);
}

static long pselect_sig_efault(void)
{
	struct timespec ts = { 0, 0 };

	return syscall(SYS_pselect6, 0, NULL, NULL, NULL, &ts, kc_hole(1));
}

static long pselect_ebadf(void)
{
	fd_set r;
	struct timespec ts = { 0, 0 };

	close(NOT_OPEN);
	FD_ZERO(&r);
	FD_SET(NOT_OPEN, &r);
	return syscall(SYS_pselect6, NOT_OPEN + 1, &r, NULL, NULL, &ts, NULL);
}

static long pselect_eintr(void)
{
	int p[2];
	fd_set r;
	struct timespec ts = { 5, 0 };

	new_pipe(p);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	kc_interrupt_after(50);
	return syscall(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &ts, NULL);
}

/* ---- futex ------------------------------------------------------------------------------- */

static uint32_t fword __attribute__((aligned(8)));
static uint32_t fword2 __attribute__((aligned(8)));

static long futex_wait_eagain(void)
{
	fword = 1;
	return syscall(SYS_futex, &fword, K_FUTEX_WAIT | K_FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0);
}

static long futex_wait_etimedout(void)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };

	fword = 0;
	return syscall(SYS_futex, &fword, K_FUTEX_WAIT | K_FUTEX_PRIVATE_FLAG, 0, &ts, NULL, 0);
}

static long futex_wait_eintr(void)
{
	fword = 0;
	kc_interrupt_after(50);
	return syscall(SYS_futex, &fword, K_FUTEX_WAIT | K_FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0);
}

/* FUTEX_CLOCK_REALTIME is refused with FUTEX_WAIT in 7.2 (the man page allows it). */
static long futex_wait_realtime(void)
{
	fword = 1;
	return syscall(SYS_futex, &fword,
		       K_FUTEX_WAIT | K_FUTEX_PRIVATE_FLAG | K_FUTEX_CLOCK_REALTIME, 0, NULL, NULL, 0);
}

static long futex_wake_none(void)
{
	return syscall(SYS_futex, &fword, K_FUTEX_WAKE | K_FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0);
}

static long futex_cmp_requeue_eagain(void)
{
	fword = 1;
	return syscall(SYS_futex, &fword, K_FUTEX_CMP_REQUEUE | K_FUTEX_PRIVATE_FLAG, 1,
		       (void *)1UL, &fword2, 0);
}

/* FUTEX_OP(op = 5 (none), ...): arch_futex_atomic_op_inuser() says ENOSYS. */
static long futex_wake_op_bad_op(void)
{
	return syscall(SYS_futex, &fword, K_FUTEX_WAKE_OP | K_FUTEX_PRIVATE_FLAG, 1,
		       (void *)1UL, &fword2, 5U << 28);
}

static long futex_lock_pi_edeadlk(void)
{
	fword = (uint32_t)getpid();
	return syscall(SYS_futex, &fword, K_FUTEX_LOCK_PI | K_FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0);
}

static long futex_lock_pi_esrch(void)
{
	fword = (uint32_t)gone_pid();
	return syscall(SYS_futex, &fword, K_FUTEX_LOCK_PI | K_FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0);
}

/* pid 2 is kthreadd: a PI futex cannot be owned by a kernel thread. */
static long futex_lock_pi_kthread(void)
{
	fword = 2;
	return syscall(SYS_futex, &fword, K_FUTEX_LOCK_PI | K_FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0);
}

static long futex_trylock_pi_free(void)
{
	fword = 0;
	return syscall(SYS_futex, &fword, K_FUTEX_TRYLOCK_PI | K_FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0);
}

static long futex_unlock_pi_eperm(void)
{
	fword = 0;
	return syscall(SYS_futex, &fword, K_FUTEX_UNLOCK_PI | K_FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0);
}

/* ---- futex_waitv ------------------------------------------------------------------------- */

static struct k_futex_waitv waiter(uint64_t val, void *uaddr)
{
	struct k_futex_waitv w = {
		.val = val, .uaddr = (uintptr_t)uaddr,
		.flags = K_FUTEX2_SIZE_U32 | K_FUTEX2_PRIVATE,
	};
	return w;
}

static long waitv_eagain(void)
{
	struct k_futex_waitv w;

	fword = 0;
	w = waiter(1, &fword);
	return syscall(SYS_futex_waitv, &w, 1, 0, NULL, 0);
}

static long waitv_etimedout(void)
{
	struct k_futex_waitv w;
	struct timespec ts;

	fword = 0;
	w = waiter(0, &fword);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += 20 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	return syscall(SYS_futex_waitv, &w, 1, 0, &ts, CLOCK_MONOTONIC);
}

static long waitv_eintr(void)
{
	struct k_futex_waitv w;

	fword = 0;
	w = waiter(0, &fword);
	kc_interrupt_after(50);
	return syscall(SYS_futex_waitv, &w, 1, 0, NULL, 0);
}

static long waitv_size_u8(void)
{
	struct k_futex_waitv w;

	w = waiter(0, &fword);
	w.flags = K_FUTEX2_PRIVATE;	/* FUTEX2_SIZE_U8 */
	return syscall(SYS_futex_waitv, &w, 1, 0, NULL, 0);
}

static long waitv_reserved(void)
{
	struct k_futex_waitv w;

	w = waiter(1, &fword);
	w.reserved = 1;
	return syscall(SYS_futex_waitv, &w, 1, 0, NULL, 0);
}

static long waitv_misaligned(void)
{
	struct k_futex_waitv w;

	w = waiter(1, (char *)&fword + 1);
	return syscall(SYS_futex_waitv, &w, 1, 0, NULL, 0);
}

/* clockid is only read with a timeout: CLOCK_BOOTTIME is EINVAL there. */
static long waitv_bad_clock(void)
{
	struct k_futex_waitv w;
	struct timespec ts = { 0, 0 };

	w = waiter(1, &fword);
	return syscall(SYS_futex_waitv, &w, 1, 0, &ts, CLOCK_BOOTTIME);
}

/* ---- brk --------------------------------------------------------------------------------- */

static long brk_grow(void)
{
	unsigned long cur = syscall(SYS_brk, 0UL);

	return syscall(SYS_brk, cur + 4096);
}

/* Below the data segment: refused, the current break is returned (no errno). */
static long brk_below(void)
{
	return syscall(SYS_brk, 1UL);
}

/* ---- mseal ------------------------------------------------------------------------------- */

static long mseal_ok_twice(void)
{
	void *p = kc_pages(1);

	if (syscall(SYS_mseal, p, 4096UL, 0UL))
		kc_die("mseal");
	return syscall(SYS_mseal, p, 4096UL, 0UL);
}

static long mseal_hole(void)
{
	return syscall(SYS_mseal, kc_hole(1), 4096UL, 0UL);
}

static long mseal_partly_unmapped(void)
{
	char *p = kc_pages(2);

	if (munmap(p + kc_page_size(), kc_page_size()))
		kc_die("munmap");
	return syscall(SYS_mseal, p, 2 * kc_page_size(), 0UL);
}

static long mseal_empty_hole(void)
{
	return syscall(SYS_mseal, kc_hole(1), 0UL, 0UL);
}

static long munmap_sealed(void)
{
	void *p = kc_pages(1);

	if (syscall(SYS_mseal, p, 4096UL, 0UL))
		kc_die("mseal");
	return syscall(SYS_munmap, p, 4096UL);
}

/* ---- process_vm_readv / process_vm_writev ------------------------------------------------ */

static char src[16] = "0123456789abcde";
static char dst[16];

static long pvr_self(void)
{
	struct iovec l = { dst, 16 }, r = { src, 16 };

	return syscall(SYS_process_vm_readv, getpid(), &l, 1UL, &r, 1UL, 0UL);
}

static long pvr_gone(void)
{
	struct iovec l = { dst, 16 }, r = { src, 16 };

	return syscall(SYS_process_vm_readv, gone_pid(), &l, 1UL, &r, 1UL, 0UL);
}

static long pvr_zombie(void)
{
	struct iovec l = { dst, 16 }, r = { src, 16 };

	return syscall(SYS_process_vm_readv, zombie_pid(), &l, 1UL, &r, 1UL, 0UL);
}

/* As nobody, from init (root): the ptrace attach check fails, EACCES turned into EPERM. */
static long pvr_init_nobody(void)
{
	struct iovec l = { dst, 16 }, r = { (void *)0x400000, 16 };

	return syscall(SYS_process_vm_readv, 1, &l, 1UL, &r, 1UL, 0UL);
}

static long pvr_remote_hole(void)
{
	struct iovec l = { dst, 16 }, r = { kc_hole(1), 16 };

	return syscall(SYS_process_vm_readv, getpid(), &l, 1UL, &r, 1UL, 0UL);
}

static long pvr_liovcnt_big(void)
{
	struct iovec l = { dst, 16 }, r = { src, 16 };

	return syscall(SYS_process_vm_readv, getpid(), &l, 1025UL, &r, 1UL, 0UL);
}

/* import_iovec() takes an unsigned int: 2^32 + 1 is read as 1. */
static long pvr_liovcnt_trunc(void)
{
	struct iovec l = { dst, 16 }, r = { src, 16 };

	return syscall(SYS_process_vm_readv, getpid(), &l, (1UL << 32) + 1, &r, 1UL, 0UL);
}

static long pvr_riovcnt_big(void)
{
	struct iovec l = { dst, 16 }, r = { src, 16 };

	return syscall(SYS_process_vm_readv, getpid(), &l, 1UL, &r, 1025UL, 0UL);
}

/* Nothing to copy locally: rvec and riovcnt are not looked at. */
static long pvr_riovcnt_big_empty_local(void)
{
	struct iovec l = { dst, 0 }, r = { src, 16 };

	return syscall(SYS_process_vm_readv, getpid(), &l, 1UL, &r, 1025UL, 0UL);
}

static long pvw_self(void)
{
	struct iovec l = { src, 16 }, r = { dst, 16 };

	return syscall(SYS_process_vm_writev, getpid(), &l, 1UL, &r, 1UL, 0UL);
}

static long pvw_readonly(void)
{
	void *p = kc_pages(1);
	struct iovec l = { src, 16 }, r = { p, 16 };

	if (mprotect(p, kc_page_size(), PROT_READ))
		kc_die("mprotect");
	return syscall(SYS_process_vm_writev, getpid(), &l, 1UL, &r, 1UL, 0UL);
}

static long pvw_zombie(void)
{
	struct iovec l = { src, 16 }, r = { dst, 16 };

	return syscall(SYS_process_vm_writev, zombie_pid(), &l, 1UL, &r, 1UL, 0UL);
}

/* ---- process_madvise --------------------------------------------------------------------- */

static long pmadv_self_cold(void)
{
	void *p = kc_pages(1);
	struct iovec v = { p, 4096 };

	return syscall(SYS_process_madvise, pidfd_of(getpid()), &v, 1UL, MADV_COLD, 0U);
}

static long pmadv_self_process_dontneed(void)
{
	void *p = kc_pages(1);
	struct iovec v = { p, 4096 };

	return syscall(SYS_process_madvise, K_PIDFD_SELF_THREAD_GROUP, &v, 1UL, MADV_DONTNEED, 0U);
}

static long pmadv_remote_dontneed(void)
{
	void *p = kc_pages(1);
	struct iovec v = { p, 4096 };
	pid_t pid = live_child();
	long r = syscall(SYS_process_madvise, pidfd_of(pid), &v, 1UL, MADV_DONTNEED, 0U);

	reap(pid);
	return r;
}

static long pmadv_remote_cold(void)
{
	void *p = kc_pages(1);
	struct iovec v = { p, 4096 };
	pid_t pid = live_child();
	long r = syscall(SYS_process_madvise, pidfd_of(pid), &v, 1UL, MADV_COLD, 0U);

	reap(pid);
	return r;
}

/* As nobody, own (dumpable) child: the ptrace check passes, CAP_SYS_NICE is missing. */
static long pmadv_remote_nocap(void)
{
	void *p = kc_pages(1);
	struct iovec v = { p, 4096 };
	pid_t pid;
	long r;

	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0))
		kc_die("PR_SET_DUMPABLE");
	pid = live_child();
	r = syscall(SYS_process_madvise, pidfd_of(pid), &v, 1UL, MADV_COLD, 0U);
	reap(pid);
	return r;
}

/* As nobody, init (root): mm_access() fails with EACCES, which process_madvise() keeps. */
static long pmadv_init_nobody(void)
{
	struct iovec v = { (void *)0x400000, 4096 };

	return syscall(SYS_process_madvise, pidfd_of(1), &v, 1UL, MADV_COLD, 0U);
}

static long pmadv_zombie(void)
{
	struct iovec v = { (void *)0x400000, 4096 };
	pid_t pid = fork();
	siginfo_t si;
	int pfd;

	if (pid < 0)
		kc_die("fork");
	if (!pid) {
		pause();
		_exit(0);
	}
	pfd = pidfd_of(pid);
	kill(pid, SIGKILL);
	if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT))
		kc_die("waitid");
	return syscall(SYS_process_madvise, pfd, &v, 1UL, MADV_COLD, 0U);
}

/* ---- membarrier -------------------------------------------------------------------------- */

static long mb_private_unregistered(void)
{
	return syscall(SYS_membarrier, K_MB_PRIVATE_EXPEDITED, 0U, 0);
}

static long mb_private_registered(void)
{
	if (syscall(SYS_membarrier, K_MB_REGISTER_PRIVATE_EXPEDITED, 0U, 0))
		kc_die("membarrier register");
	return syscall(SYS_membarrier, K_MB_PRIVATE_EXPEDITED, 0U, 0);
}

static long mb_get_registrations(void)
{
	long r;

	if (syscall(SYS_membarrier, K_MB_REGISTER_PRIVATE_EXPEDITED, 0U, 0))
		kc_die("membarrier register");
	r = syscall(SYS_membarrier, K_MB_GET_REGISTRATIONS, 0U, 0);
	if (r != K_MB_REGISTER_PRIVATE_EXPEDITED)
		kc_die("GET_REGISTRATIONS is not REGISTER_PRIVATE_EXPEDITED");
	return r;
}

/* CONFIG_RSEQ is not set in the test kernel. */
static long mb_rseq(void)
{
	return syscall(SYS_membarrier, K_MB_PRIVATE_EXPEDITED_RSEQ, 0U, 0);
}

/* MEMBARRIER_CMD_FLAG_CPU is within the mask but only allowed with PRIVATE_EXPEDITED_RSEQ. */
static long mb_query_flag_cpu(void)
{
	return syscall(SYS_membarrier, K_MB_QUERY, K_MB_FLAG_CPU, 0);
}

static const struct kcase cases[] = {
	/* poll */
	{ "poll", "poll({pipe with data, POLLIN}, 1, 0)", poll_ready_pipe, 0, "", KC_NOBODY },
	{ "poll", "poll({100 not open}, 1, 0) is POLLNVAL", poll_not_open, 0, "", 0 },
	{ "poll", "poll(NULL, 17, 0) with RLIMIT_NOFILE 16", poll_nfds_rlimit, EINVAL, "", 0 },
	{ "poll", "poll(unmapped, 1, 0)", poll_efault, EFAULT, "", 0 },
	{ "poll", "poll({empty pipe}, 1, 5000) interrupted", poll_eintr, EINTR, "", 0 },
	/* ppoll */
	{ "ppoll", "ppoll(fds, 1, {0,0}, &mask, 4)", ppoll_sigsetsize, EINVAL, "", 0 },
	{ "ppoll", "ppoll(fds, 1, {0,1e9}, NULL, 8)", ppoll_bad_ts, EINVAL, "", 0 },
	{ "ppoll", "ppoll(NULL, 17, {0,0}, NULL, 8) with RLIMIT_NOFILE 16", ppoll_nfds_rlimit,
	  EINVAL, "", 0 },
	{ "ppoll", "ppoll({empty pipe}, 1, {5,0}, NULL, 8) interrupted", ppoll_eintr, EINTR, "", 0 },
	/* select */
	{ "select", "select(51, {50 not open}, NULL, NULL, {0,0})", select_ebadf, EBADF, "", 0 },
	{ "select", "select(fd+1, {O_PATH fd}, NULL, NULL, {0,0}) is ready", select_opath, 0, "", 0 },
	{ "select", "select(0, NULL, NULL, NULL, {-1,0})", select_neg_tv, EINVAL, "", 0 },
	{ "select", "select(1000, empty, NULL, NULL, {0,0}) with RLIMIT_NOFILE 16", select_n_huge,
	  0, "", 0 },
	{ "select", "select(pipe+1, {empty pipe}, NULL, NULL, {5,0}) interrupted", select_eintr,
	  EINTR, "", 0 },
	/* pselect6 */
	{ "pselect6", "pselect6(0, NULL, NULL, NULL, {0,0}, {&mask, 4})", pselect_sigsetsize,
	  EINVAL, "", 0 },
	{ "pselect6", "pselect6(0, NULL, NULL, NULL, {0,0}, unmapped)", pselect_sig_efault,
	  EFAULT, "", 0 },
	{ "pselect6", "pselect6(51, {50 not open}, NULL, NULL, {0,0}, NULL)", pselect_ebadf,
	  EBADF, "", 0 },
	{ "pselect6", "pselect6(pipe+1, {empty pipe}, NULL, NULL, {5,0}, NULL) interrupted",
	  pselect_eintr, EINTR, "", 0 },
	/* futex */
	{ "futex", "futex(&1, WAIT_PRIVATE, 0, NULL)", futex_wait_eagain, EAGAIN, "", KC_NOBODY },
	{ "futex", "futex(&0, WAIT_PRIVATE, 0, {0,20ms})", futex_wait_etimedout, ETIMEDOUT, "", 0 },
	{ "futex", "futex(&0, WAIT_PRIVATE, 0, NULL) interrupted", futex_wait_eintr, EINTR, "", 0 },
	{ "futex", "futex(&1, WAIT_PRIVATE | CLOCK_REALTIME, 0, NULL)", futex_wait_realtime,
	  ENOSYS, "arg:op", 0 },
	{ "futex", "futex(&w, WAKE_PRIVATE, 1) wakes nobody", futex_wake_none, 0, "", KC_NOBODY },
	{ "futex", "futex(&1, CMP_REQUEUE_PRIVATE, 1, 1, &w2, 0)", futex_cmp_requeue_eagain,
	  EAGAIN, "", 0 },
	{ "futex", "futex(&w, WAKE_OP_PRIVATE, 1, 1, &w2, op 5)", futex_wake_op_bad_op, ENOSYS,
	  "", 0 },
	{ "futex", "futex(&own tid, LOCK_PI_PRIVATE)", futex_lock_pi_edeadlk, EDEADLK, "", 0 },
	{ "futex", "futex(&reaped pid, LOCK_PI_PRIVATE)", futex_lock_pi_esrch, ESRCH, "", 0 },
	{ "futex", "futex(&2 (kthreadd), LOCK_PI_PRIVATE)", futex_lock_pi_kthread, EPERM, "", 0 },
	{ "futex", "futex(&0, TRYLOCK_PI_PRIVATE)", futex_trylock_pi_free, 0, "", 0 },
	{ "futex", "futex(&0, UNLOCK_PI_PRIVATE)", futex_unlock_pi_eperm, EPERM, "", 0 },
	/* futex_waitv */
	{ "futex_waitv", "futex_waitv({1, &0, U32|PRIVATE}, 1, 0, NULL, 0)", waitv_eagain, EAGAIN,
	  "", KC_NOBODY },
	{ "futex_waitv", "futex_waitv({0, &0}, 1, 0, now+20ms, MONOTONIC)", waitv_etimedout,
	  ETIMEDOUT, "", 0 },
	{ "futex_waitv", "futex_waitv({0, &0}, 1, 0, NULL, 0) interrupted", waitv_eintr, EINTR,
	  "", 0 },
	{ "futex_waitv", "futex_waitv({flags U8}, 1, 0, NULL, 0)", waitv_size_u8, EINVAL, "", 0 },
	{ "futex_waitv", "futex_waitv({__reserved 1}, 1, 0, NULL, 0)", waitv_reserved, EINVAL,
	  "", 0 },
	{ "futex_waitv", "futex_waitv({uaddr odd}, 1, 0, NULL, 0)", waitv_misaligned, EINVAL,
	  "", 0 },
	{ "futex_waitv", "futex_waitv(w, 1, 0, {0,0}, CLOCK_BOOTTIME)", waitv_bad_clock, EINVAL,
	  "", 0 },
	/* brk */
	{ "brk", "brk(current + 4096)", brk_grow, 0, "", 0 },
	{ "brk", "brk(1) returns the current break", brk_below, 0, "", KC_NOBODY },
	/* mseal */
	{ "mseal", "mseal(page, 4096, 0) twice", mseal_ok_twice, 0, "", KC_NOBODY },
	{ "mseal", "mseal(hole, 4096, 0)", mseal_hole, ENOMEM, "", 0 },
	{ "mseal", "mseal(page + hole, 8192, 0)", mseal_partly_unmapped, ENOMEM, "", 0 },
	{ "mseal", "mseal(hole, 0, 0)", mseal_empty_hole, 0, "", 0 },
	{ "munmap", "munmap(sealed page, 4096)", munmap_sealed, EPERM, "", 0 },
	/* process_vm_readv */
	{ "process_vm_readv", "process_vm_readv(self, {dst,16}, 1, {src,16}, 1, 0)", pvr_self, 0,
	  "", KC_NOBODY },
	{ "process_vm_readv", "process_vm_readv(reaped pid, ...)", pvr_gone, ESRCH, "", 0 },
	{ "process_vm_readv", "process_vm_readv(zombie, ...)", pvr_zombie, ESRCH, "", 0 },
	{ "process_vm_readv", "process_vm_readv(1, ...) as nobody", pvr_init_nobody, EPERM, "",
	  KC_NOBODY },
	{ "process_vm_readv", "process_vm_readv(self, l, 1, {hole,16}, 1, 0)", pvr_remote_hole,
	  EFAULT, "", 0 },
	{ "process_vm_readv", "process_vm_readv(self, l, 1025, r, 1, 0)", pvr_liovcnt_big, EINVAL,
	  "arg:liovcnt", 0 },
	{ "process_vm_readv", "process_vm_readv(self, l, 2^32 + 1, r, 1, 0) reads as 1",
	  pvr_liovcnt_trunc, 0, "arg:liovcnt", 0 },
	{ "process_vm_readv", "process_vm_readv(self, l, 1, r, 1025, 0)", pvr_riovcnt_big, EINVAL,
	  "arg:riovcnt", 0 },
	{ "process_vm_readv", "process_vm_readv(self, {dst,0}, 1, r, 1025, 0)",
	  pvr_riovcnt_big_empty_local, 0, "arg:riovcnt", 0 },
	/* process_vm_writev */
	{ "process_vm_writev", "process_vm_writev(self, {src,16}, 1, {dst,16}, 1, 0)", pvw_self, 0,
	  "", KC_NOBODY },
	{ "process_vm_writev", "process_vm_writev(self, l, 1, {read-only page,16}, 1, 0)",
	  pvw_readonly, EFAULT, "", 0 },
	{ "process_vm_writev", "process_vm_writev(zombie, ...)", pvw_zombie, ESRCH, "", 0 },
	/* process_madvise */
	{ "process_madvise", "process_madvise(pidfd self, {page}, 1, MADV_COLD, 0)",
	  pmadv_self_cold, 0, "", KC_NOBODY },
	{ "process_madvise", "process_madvise(PIDFD_SELF_THREAD_GROUP, {page}, 1, MADV_DONTNEED, 0)",
	  pmadv_self_process_dontneed, 0, "", 0 },
	{ "process_madvise", "process_madvise(child, {page}, 1, MADV_DONTNEED, 0)",
	  pmadv_remote_dontneed, EINVAL, "", 0 },
	{ "process_madvise", "process_madvise(child, {page}, 1, MADV_COLD, 0)", pmadv_remote_cold,
	  0, "", 0 },
	{ "process_madvise", "process_madvise(own child, {page}, 1, MADV_COLD, 0) as nobody",
	  pmadv_remote_nocap, EPERM, "", KC_NOBODY },
	{ "process_madvise", "process_madvise(pidfd of 1, ..., MADV_COLD, 0) as nobody",
	  pmadv_init_nobody, EACCES, "", KC_NOBODY },
	{ "process_madvise", "process_madvise(pidfd of a zombie, ..., MADV_COLD, 0)", pmadv_zombie,
	  ESRCH, "", 0 },
	/* membarrier */
	{ "membarrier", "membarrier(PRIVATE_EXPEDITED, 0, 0) unregistered",
	  mb_private_unregistered, EPERM, "", KC_NOBODY },
	{ "membarrier", "membarrier(PRIVATE_EXPEDITED, 0, 0) registered", mb_private_registered, 0,
	  "", 0 },
	{ "membarrier", "membarrier(GET_REGISTRATIONS, 0, 0) after a registration",
	  mb_get_registrations, 0, "", 0 },
	{ "membarrier", "membarrier(PRIVATE_EXPEDITED_RSEQ, 0, 0) without CONFIG_RSEQ", mb_rseq,
	  EINVAL, "", 0 },
	{ "membarrier", "membarrier(QUERY, FLAG_CPU, 0)", mb_query_flag_cpu, EINVAL, "", 0 },
};

KC_GROUP(waitmem, cases);

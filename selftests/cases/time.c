// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the time group: nanosleep, clock_gettime, clock_settime, clock_getres,
 * clock_nanosleep, timer_create, timer_settime, timer_gettime, timer_getoverrun, timer_delete,
 * timerfd_create, timerfd_settime, timerfd_gettime, getitimer, setitimer, alarm. See
 * specs/decisions/time.md.
 *
 * The single-rule calls (a clock ID past CLOCK_TAI, a negative timer ID, unknown TFD_* flags, an
 * unknown itimer, every other descriptor kind for a timerfd) are generated from the specs by
 * `kapi cases`. These cases are the rest: successes that need a timer, errnos that need state
 * (privileges, RLIMIT_SIGPENDING, a reaped process, a signal, CLOCK_REALTIME being set, CRIU's
 * restore mode), bad pointers and the order of checks where two rules break together.
 *
 * Nothing here leaves a timer armed that could fire into the harness: ITIMER_VIRTUAL/PROF are
 * only ever set to zero, posix timers and timerfds are armed far in the future or on clocks that
 * cannot advance, and they die with the case's child.
 */
#include "cases.h"

#include <sys/prctl.h>
#include <linux/capability.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>

/* An address access_ok() refuses (the kernel half); no user page can be there. */
#define KERNEL_ADDR ((void *)0xffff880000000000UL)

/* include/linux/posix-timers_types.h: CPU-time clock IDs encoded from a PID. */
#define CPUCLOCK_SCHED 2
#define PROCESS_CPUCLOCK(pid) ((int)((~(unsigned int)(pid)) << 3) | CPUCLOCK_SCHED)
/* The caller's own thread CPU-time clock: make_thread_cpuclock(0, CPUCLOCK_SCHED). */
#define SELF_THREAD_CPUCLOCK (-2)

#ifndef PR_TIMER_CREATE_RESTORE_IDS
#define PR_TIMER_CREATE_RESTORE_IDS 77
#define PR_TIMER_CREATE_RESTORE_IDS_ON 1
#endif
#ifndef TFD_TIMER_CANCEL_ON_SET
#define TFD_TIMER_CANCEL_ON_SET (1 << 1)
#endif

/* The kernel's struct __kernel_timespec / __kernel_itimerspec / __kernel_old_itimerval. */
struct kts {
	long long tv_sec;
	long long tv_nsec;
};
struct kits {
	struct kts it_interval;
	struct kts it_value;
};
struct kitv {
	struct { long tv_sec, tv_usec; } it_interval, it_value;
};

/* ---- setup helpers ---------------------------------------------------------------------- */

static struct kts now_realtime(void)
{
	struct kts t;

	if (syscall(SYS_clock_gettime, CLOCK_REALTIME, &t))
		kc_die("clock_gettime");
	return t;
}

/* A disarmed CLOCK_MONOTONIC posix timer of the child (SIGALRM, never armed here). */
static int new_timer(void)
{
	int id = -1;

	if (syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id))
		kc_die("timer_create");
	return id;
}

static int new_timerfd(int clockid)
{
	int fd = syscall(SYS_timerfd_create, clockid, 0);

	if (fd < 0)
		kc_die("timerfd_create");
	return fd;
}

/* The PID of a child process that has exited and been reaped. */
static pid_t reaped_pid(void)
{
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (pid == 0)
		_exit(0);
	if (waitpid(pid, NULL, 0) != pid)
		kc_die("waitpid");
	return pid;
}

/* A child blocked in pause() (SIGKILL it and reap it with kill_reap()). */
static pid_t paused_child(void)
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

static void kill_reap(pid_t pid)
{
	if (kill(pid, SIGKILL) || waitpid(pid, NULL, 0) != pid)
		kc_die("kill/waitpid");
}

static void become_nobody(void)
{
	if (setresgid(65534, 65534, 65534) || setresuid(65534, 65534, 65534))
		kc_die("setresuid");
}

/*
 * Drops CAP_SYS_ADMIN from the effective set (drop = 1) or raises the effective set back to
 * the permitted one (drop = 0).
 */
static void sys_admin_effective(int drop)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d))
		kc_die("capget");
	if (drop)
		d[0].effective &= ~(1u << CAP_SYS_ADMIN);
	else
		d[0].effective = d[0].permitted;
	if (syscall(SYS_capset, &h, d))
		kc_die("capset");
}

/* ---- clock_gettime ----------------------------------------------------------------------- */

static long gettime_thread_cpu(void)
{
	struct kts t;

	return syscall(SYS_clock_gettime, SELF_THREAD_CPUCLOCK, &t);
}

static long gettime_process_cpu_self(void)
{
	struct kts t;

	return syscall(SYS_clock_gettime, PROCESS_CPUCLOCK(getpid()), &t);
}

static long gettime_alarm(void)
{
	struct kts t;

	return syscall(SYS_clock_gettime, CLOCK_REALTIME_ALARM, &t);
}

static long gettime_reaped(void)
{
	struct kts t;

	return syscall(SYS_clock_gettime, PROCESS_CPUCLOCK(reaped_pid()), &t);
}

static long gettime_cpu_type3(void)
{
	struct kts t;

	/* -1: a process clock of PID 0 with clock type 3 (>= CPUCLOCK_MAX). */
	return syscall(SYS_clock_gettime, -1, &t);
}

static long gettime_efault(void)
{
	return syscall(SYS_clock_gettime, CLOCK_MONOTONIC, KERNEL_ADDR);
}

static long gettime_bad_id_efault(void)
{
	return syscall(SYS_clock_gettime, CLOCK_TAI + 1, KERNEL_ADDR);
}

/* ---- clock_getres ------------------------------------------------------------------------ */

static long getres_null(void)
{
	return syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL);
}

static long getres_thread_cpu(void)
{
	struct kts t;

	return syscall(SYS_clock_getres, SELF_THREAD_CPUCLOCK, &t);
}

static long getres_alarm(void)
{
	struct kts t;

	return syscall(SYS_clock_getres, CLOCK_BOOTTIME_ALARM, &t);
}

static long getres_efault(void)
{
	return syscall(SYS_clock_getres, CLOCK_MONOTONIC, KERNEL_ADDR);
}

/* ---- clock_settime ----------------------------------------------------------------------- */

static long settime_realtime_now(void)
{
	struct kts t = now_realtime();

	return syscall(SYS_clock_settime, CLOCK_REALTIME, &t);
}

static long settime_bad_nsec(void)
{
	struct kts t = now_realtime();

	t.tv_nsec = 1000000000;
	return syscall(SYS_clock_settime, CLOCK_REALTIME, &t);
}

static long settime_negative_sec(void)
{
	struct kts t = { -1, 0 };

	return syscall(SYS_clock_settime, CLOCK_REALTIME, &t);
}

static long settime_cpu(void)
{
	struct kts t = { 1, 0 };

	return syscall(SYS_clock_settime, SELF_THREAD_CPUCLOCK, &t);
}

static long settime_cpu_reaped(void)
{
	struct kts t = { 1, 0 };

	return syscall(SYS_clock_settime, PROCESS_CPUCLOCK(reaped_pid()), &t);
}

static long settime_efault(void)
{
	return syscall(SYS_clock_settime, CLOCK_REALTIME, KERNEL_ADDR);
}

static long settime_monotonic_efault(void)
{
	return syscall(SYS_clock_settime, CLOCK_MONOTONIC, KERNEL_ADDR);
}

/* ---- clock_nanosleep --------------------------------------------------------------------- */

static long cns_short(void)
{
	struct kts t = { 0, 1000 };

	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &t, NULL);
}

static long cns_unknown_flag(void)
{
	struct kts t = { 0, 0 };

	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0x100, &t, NULL);
}

static long cns_process_cpu_zero(void)
{
	struct kts t = { 0, 0 };

	return syscall(SYS_clock_nanosleep, CLOCK_PROCESS_CPUTIME_ID, 0, &t, NULL);
}

static long cns_eintr_rel(void)
{
	struct kts t = { 5, 0 }, rem;

	kc_interrupt_after(50);
	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &t, &rem);
}

static long cns_eintr_abs(void)
{
	struct kts t;

	if (syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t))
		kc_die("clock_gettime");
	t.tv_sec += 5;
	kc_interrupt_after(50);
	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL);
}

static long cns_rmtp_efault(void)
{
	struct kts t = { 5, 0 };

	kc_interrupt_after(50);
	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &t, KERNEL_ADDR);
}

static long cns_raw(void)
{
	struct kts t = { 0, 0 };

	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC_RAW, 0, &t, NULL);
}

static long cns_thread(void)
{
	struct kts t = { 0, 0 };

	return syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &t, NULL);
}

static long cns_alarm(void)
{
	struct kts t = { 0, 0 };

	return syscall(SYS_clock_nanosleep, CLOCK_REALTIME_ALARM, 0, &t, NULL);
}

static long cns_own_thread_clock(void)
{
	struct kts t = { 0, 0 };

	return syscall(SYS_clock_nanosleep, SELF_THREAD_CPUCLOCK, 0, &t, NULL);
}

static long cns_bad_nsec(void)
{
	struct kts t = { 0, 1000000000 };

	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &t, NULL);
}

static long cns_efault(void)
{
	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, KERNEL_ADDR, NULL);
}

static long cns_raw_efault(void)
{
	/* EOPNOTSUPP comes before rqtp is read. */
	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC_RAW, 0, KERNEL_ADDR, NULL);
}

/* ---- nanosleep --------------------------------------------------------------------------- */

static long ns_short(void)
{
	struct kts t = { 0, 1000 };

	return syscall(SYS_nanosleep, &t, NULL);
}

static long ns_eintr(void)
{
	struct kts t = { 5, 0 }, rem;

	kc_interrupt_after(50);
	return syscall(SYS_nanosleep, &t, &rem);
}

static long ns_rmtp_efault(void)
{
	struct kts t = { 5, 0 };

	kc_interrupt_after(50);
	return syscall(SYS_nanosleep, &t, KERNEL_ADDR);
}

static long ns_bad_nsec(void)
{
	struct kts t = { 0, -1 };

	return syscall(SYS_nanosleep, &t, NULL);
}

static long ns_negative_sec(void)
{
	struct kts t = { -1, 0 };

	return syscall(SYS_nanosleep, &t, NULL);
}

static long ns_efault(void)
{
	return syscall(SYS_nanosleep, KERNEL_ADDR, NULL);
}

/* ---- timer_create ------------------------------------------------------------------------ */

static long tc_monotonic(void)
{
	int id = -1;
	long r = syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id);

	if (r == 0 && id != 0)
		kc_die("first timer of a fresh process is not 0");
	return r;
}

static long tc_sigev_none(void)
{
	struct sigevent ev;
	int id;

	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_NONE;
	return syscall(SYS_timer_create, CLOCK_REALTIME, &ev, &id);
}

static long tc_thread_cpu(void)
{
	int id;

	return syscall(SYS_timer_create, SELF_THREAD_CPUCLOCK, NULL, &id);
}

static long tc_raw(void)
{
	int id;

	return syscall(SYS_timer_create, CLOCK_MONOTONIC_RAW, NULL, &id);
}

static long tc_alarm(void)
{
	int id;

	return syscall(SYS_timer_create, CLOCK_BOOTTIME_ALARM, NULL, &id);
}

static long tc_signo_0(void)
{
	struct sigevent ev;
	int id;

	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = 0;
	return syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id);
}

static long tc_signo_65(void)
{
	struct sigevent ev;
	int id;

	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = 65;	/* > SIGRTMAX (64) */
	return syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id);
}

static long tc_bad_notify(void)
{
	struct sigevent ev;
	int id;

	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = 99;
	ev.sigev_signo = SIGUSR1;
	return syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id);
}

static long tc_cpu_reaped(void)
{
	int id;

	return syscall(SYS_timer_create, PROCESS_CPUCLOCK(reaped_pid()), NULL, &id);
}

static long tc_event_efault(void)
{
	int id;

	return syscall(SYS_timer_create, CLOCK_MONOTONIC, KERNEL_ADDR, &id);
}

static long tc_event_efault_bad_clock(void)
{
	int id;

	/* The sigevent is copied before the clock is looked up. */
	return syscall(SYS_timer_create, CLOCK_TAI + 1, KERNEL_ADDR, &id);
}

static long tc_id_efault(void)
{
	return syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, KERNEL_ADDR);
}

static long tc_sigpending_0(void)
{
	int id;

	kc_rlimit(RLIMIT_SIGPENDING, 0);
	return syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id);
}

static long tc_restore_busy(void)
{
	int id = 0;

	if (prctl(PR_TIMER_CREATE_RESTORE_IDS, PR_TIMER_CREATE_RESTORE_IDS_ON, 0, 0, 0))
		kc_die("PR_TIMER_CREATE_RESTORE_IDS");
	if (syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id))
		kc_die("timer_create with ID 0");
	id = 0;
	return syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id);
}

static long tc_restore_negative(void)
{
	int id = -1;

	if (prctl(PR_TIMER_CREATE_RESTORE_IDS, PR_TIMER_CREATE_RESTORE_IDS_ON, 0, 0, 0))
		kc_die("PR_TIMER_CREATE_RESTORE_IDS");
	return syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id);
}

/* ---- timer_settime ----------------------------------------------------------------------- */

static long ts_disarm(void)
{
	struct kits v = { { 0, 0 }, { 0, 0 } }, old;

	return syscall(SYS_timer_settime, new_timer(), 0, &v, &old);
}

static long ts_arm_far(void)
{
	/* One hour away; the timer dies with the child. */
	struct kits v = { { 0, 0 }, { 3600, 0 } };

	return syscall(SYS_timer_settime, new_timer(), 0, &v, NULL);
}

static long ts_unknown_flag(void)
{
	struct kits v = { { 0, 0 }, { 0, 0 } };

	return syscall(SYS_timer_settime, new_timer(), 0x100, &v, NULL);
}

static long ts_null(void)
{
	return syscall(SYS_timer_settime, new_timer(), 0, NULL, NULL);
}

static long ts_bad_nsec(void)
{
	struct kits v = { { 0, 0 }, { 0, 1000000000 } };

	return syscall(SYS_timer_settime, new_timer(), 0, &v, NULL);
}

static long ts_no_timer(void)
{
	struct kits v = { { 0, 0 }, { 0, 0 } };

	return syscall(SYS_timer_settime, 5, 0, &v, NULL);
}

static long ts_new_efault(void)
{
	return syscall(SYS_timer_settime, new_timer(), 0, KERNEL_ADDR, NULL);
}

static long ts_negative_efault(void)
{
	return syscall(SYS_timer_settime, -1, 0, KERNEL_ADDR, NULL);
}

static long ts_negative_null(void)
{
	return syscall(SYS_timer_settime, -1, 0, NULL, NULL);
}

static long ts_old_efault(void)
{
	struct kits v = { { 0, 0 }, { 0, 0 } };

	return syscall(SYS_timer_settime, new_timer(), 0, &v, KERNEL_ADDR);
}

static long ts_cpu_reaped(void)
{
	struct kits v = { { 0, 0 }, { 1, 0 } };
	pid_t pid = paused_child();
	int id;

	if (syscall(SYS_timer_create, PROCESS_CPUCLOCK(pid), NULL, &id))
		kc_die("timer_create on the child's CPU clock");
	kill_reap(pid);
	return syscall(SYS_timer_settime, id, 0, &v, NULL);
}

/* ---- timer_gettime, timer_getoverrun, timer_delete --------------------------------------- */

static long tg_ok(void)
{
	struct kits v;

	return syscall(SYS_timer_gettime, new_timer(), &v);
}

static long tg_no_timer(void)
{
	struct kits v;

	return syscall(SYS_timer_gettime, 5, &v);
}

static long tg_efault(void)
{
	return syscall(SYS_timer_gettime, new_timer(), KERNEL_ADDR);
}

static long tg_negative_efault(void)
{
	return syscall(SYS_timer_gettime, -1, KERNEL_ADDR);
}

static long to_ok(void)
{
	return syscall(SYS_timer_getoverrun, new_timer());
}

static long to_no_timer(void)
{
	return syscall(SYS_timer_getoverrun, INT_MAX);
}

static long td_ok(void)
{
	return syscall(SYS_timer_delete, new_timer());
}

static long td_twice(void)
{
	int id = new_timer();

	if (syscall(SYS_timer_delete, id))
		kc_die("timer_delete");
	return syscall(SYS_timer_delete, id);
}

/* ---- timerfd_create ---------------------------------------------------------------------- */

static long tfc_boottime(void)
{
	return syscall(SYS_timerfd_create, CLOCK_BOOTTIME, TFD_CLOEXEC | TFD_NONBLOCK);
}

static long tfc_alarm_root(void)
{
	return syscall(SYS_timerfd_create, CLOCK_REALTIME_ALARM, 0);
}

static long tfc_alarm_nobody(void)
{
	return syscall(SYS_timerfd_create, CLOCK_BOOTTIME_ALARM, 0);
}

static long tfc_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 0);
}

static long tfc_enfile(void)
{
	struct kc_sysctl s;
	long r;
	int e;

	kc_sysctl_set(&s, "/proc/sys/fs/file-max", "0\n");
	sys_admin_effective(1);
	errno = 0;
	r = syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 0);
	e = errno;
	sys_admin_effective(0);
	errno = e;
	kc_sysctl_restore(&s);
	return r;
}

/* ---- timerfd_settime --------------------------------------------------------------------- */

static long tfs_arm_far(void)
{
	struct kits v = { { 0, 0 }, { 3600, 0 } }, old;

	return syscall(SYS_timerfd_settime, new_timerfd(CLOCK_MONOTONIC), 0, &v, &old);
}

static long tfs_abs_cancel_monotonic(void)
{
	struct kits v = { { 0, 0 }, { 0, 0 } };

	if (syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &v.it_value))
		kc_die("clock_gettime");
	v.it_value.tv_sec += 3600;
	return syscall(SYS_timerfd_settime, new_timerfd(CLOCK_MONOTONIC),
		       TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &v, NULL);
}

static long tfs_bad_nsec(void)
{
	struct kits v = { { 0, 1000000000 }, { 1, 0 } };

	return syscall(SYS_timerfd_settime, new_timerfd(CLOCK_MONOTONIC), 0, &v, NULL);
}

static long tfs_utmr_efault_bad_fd(void)
{
	/* utmr is copied before the flags and the descriptor are looked at. */
	return syscall(SYS_timerfd_settime, -1, 4, KERNEL_ADDR, NULL);
}

static long tfs_otmr_efault(void)
{
	struct kits v = { { 0, 0 }, { 0, 0 } };

	return syscall(SYS_timerfd_settime, new_timerfd(CLOCK_MONOTONIC), 0, &v, KERNEL_ADDR);
}

static long tfs_alarm_nobody(void)
{
	struct kits v = { { 0, 0 }, { 0, 0 } };
	int fd = new_timerfd(CLOCK_REALTIME_ALARM);

	become_nobody();
	return syscall(SYS_timerfd_settime, fd, 0, &v, NULL);
}

static long tfs_canceled(void)
{
	struct kits v = { { 0, 0 }, { 0, 0 } };
	int fd = new_timerfd(CLOCK_REALTIME);
	struct kts now;

	v.it_value = now_realtime();
	v.it_value.tv_sec += 3600;
	if (syscall(SYS_timerfd_settime, fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &v, NULL))
		kc_die("timerfd_settime ABSTIME|CANCEL_ON_SET");
	/* Set CLOCK_REALTIME to (about) its own value: clock_was_set() marks the timerfd. */
	now = now_realtime();
	if (syscall(SYS_clock_settime, CLOCK_REALTIME, &now))
		kc_die("clock_settime");
	return syscall(SYS_timerfd_settime, fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &v, NULL);
}

/* ---- timerfd_gettime --------------------------------------------------------------------- */

static long tfg_ok(void)
{
	struct kits v;

	return syscall(SYS_timerfd_gettime, new_timerfd(CLOCK_MONOTONIC), &v);
}

static long tfg_alarm_nobody(void)
{
	struct kits v;
	int fd = new_timerfd(CLOCK_BOOTTIME_ALARM);

	become_nobody();
	return syscall(SYS_timerfd_gettime, fd, &v);
}

static long tfg_efault(void)
{
	return syscall(SYS_timerfd_gettime, new_timerfd(CLOCK_MONOTONIC), KERNEL_ADDR);
}

/* ---- getitimer, setitimer, alarm --------------------------------------------------------- */

static long gi_real(void)
{
	struct kitv v;

	return syscall(SYS_getitimer, ITIMER_REAL, &v);
}

static long gi_efault(void)
{
	return syscall(SYS_getitimer, ITIMER_PROF, KERNEL_ADDR);
}

static long si_prof_zero(void)
{
	struct kitv v, old;

	memset(&v, 0, sizeof(v));
	return syscall(SYS_setitimer, ITIMER_PROF, &v, &old);
}

static long si_null_value(void)
{
	return syscall(SYS_setitimer, ITIMER_VIRTUAL, NULL, NULL);
}

static long si_bad_usec(void)
{
	struct kitv v;

	memset(&v, 0, sizeof(v));
	v.it_value.tv_usec = 1000000;
	return syscall(SYS_setitimer, ITIMER_VIRTUAL, &v, NULL);
}

static long si_bad_which_efault(void)
{
	/* value is copied before which is looked at. */
	return syscall(SYS_setitimer, 3, KERNEL_ADDR, NULL);
}

static long si_bad_which_bad_usec(void)
{
	struct kitv v;

	memset(&v, 0, sizeof(v));
	v.it_interval.tv_usec = -1;
	return syscall(SYS_setitimer, 3, &v, NULL);
}

static long si_ovalue_efault(void)
{
	struct kitv v;

	memset(&v, 0, sizeof(v));
	return syscall(SYS_setitimer, ITIMER_VIRTUAL, &v, KERNEL_ADDR);
}

static long alarm_0(void)
{
	/* Cancels the case's own 10 s alarm and returns what was left of it. */
	return syscall(SYS_alarm, 0);
}

static const struct kcase cases[] = {
	/* clock_gettime */
	{ "clock_gettime", "clock_gettime(-2 own thread CPU clock, &ts)", gettime_thread_cpu, 0, "",
	  KC_NOBODY },
	{ "clock_gettime", "clock_gettime(process CPU clock of getpid(), &ts)",
	  gettime_process_cpu_self, 0, "", 0 },
	{ "clock_gettime", "clock_gettime(CLOCK_REALTIME_ALARM, &ts) without RTC", gettime_alarm,
	  EINVAL, "", 0 },
	{ "clock_gettime", "clock_gettime(CPU clock of a reaped pid, &ts)", gettime_reaped, EINVAL,
	  "", 0 },
	{ "clock_gettime", "clock_gettime(-1 CPU clock type 3, &ts)", gettime_cpu_type3, EINVAL, "",
	  0 },
	{ "clock_gettime", "clock_gettime(CLOCK_MONOTONIC, kernel address)", gettime_efault, EFAULT,
	  "", 0 },
	{ "clock_gettime", "clock_gettime(CLOCK_TAI + 1, kernel address)", gettime_bad_id_efault,
	  EINVAL, "arg:which_clock", 0 },
	/* clock_getres */
	{ "clock_getres", "clock_getres(CLOCK_MONOTONIC, NULL)", getres_null, 0, "", KC_NOBODY },
	{ "clock_getres", "clock_getres(-2 own thread CPU clock, &ts)", getres_thread_cpu, 0, "", 0 },
	{ "clock_getres", "clock_getres(CLOCK_BOOTTIME_ALARM, &ts) without RTC", getres_alarm, EINVAL,
	  "", 0 },
	{ "clock_getres", "clock_getres(CLOCK_MONOTONIC, kernel address)", getres_efault, EFAULT, "",
	  0 },
	/* clock_settime */
	{ "clock_settime", "clock_settime(CLOCK_REALTIME, now) as root", settime_realtime_now, 0, "",
	  0 },
	{ "clock_settime", "clock_settime(CLOCK_REALTIME, now) as nobody", settime_realtime_now,
	  EPERM, "", KC_NOBODY },
	{ "clock_settime", "clock_settime(CLOCK_REALTIME, tv_nsec 1e9) as nobody: EINVAL before EPERM",
	  settime_bad_nsec, EINVAL, "", KC_NOBODY },
	{ "clock_settime", "clock_settime(CLOCK_REALTIME, {-1, 0})", settime_negative_sec, EINVAL, "",
	  0 },
	{ "clock_settime", "clock_settime(-2 own thread CPU clock, {1, 0}) as root", settime_cpu,
	  EPERM, "", 0 },
	{ "clock_settime", "clock_settime(CPU clock of a reaped pid, {1, 0})", settime_cpu_reaped,
	  EINVAL, "", 0 },
	{ "clock_settime", "clock_settime(CLOCK_REALTIME, kernel address)", settime_efault, EFAULT,
	  "", 0 },
	{ "clock_settime", "clock_settime(CLOCK_MONOTONIC, kernel address): clock first",
	  settime_monotonic_efault, EINVAL, "arg:which_clock", 0 },
	/* clock_nanosleep */
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_MONOTONIC, 0, {0, 1000}, NULL)", cns_short, 0, "",
	  KC_NOBODY },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_MONOTONIC, 0x100 ignored, {0, 0}, NULL)",
	  cns_unknown_flag, 0, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, {0, 0}, NULL)",
	  cns_process_cpu_zero, 0, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_MONOTONIC, 0, {5, 0}, &rem) interrupted",
	  cns_eintr_rel, EINTR, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, now+5s, NULL) interrupted",
	  cns_eintr_abs, EINTR, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_MONOTONIC, 0, {5, 0}, kernel address) interrupted",
	  cns_rmtp_efault, EFAULT, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, {0, 0}, NULL)", cns_raw,
	  EOPNOTSUPP, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, {0, 0}, NULL)", cns_thread,
	  EOPNOTSUPP, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_REALTIME_ALARM, 0, {0, 0}, NULL) without RTC",
	  cns_alarm, EOPNOTSUPP, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(-2 own thread CPU clock, 0, {0, 0}, NULL)",
	  cns_own_thread_clock, EINVAL, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_MONOTONIC, 0, {0, 1e9}, NULL)", cns_bad_nsec,
	  EINVAL, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_MONOTONIC, 0, kernel address, NULL)", cns_efault,
	  EFAULT, "", 0 },
	{ "clock_nanosleep", "clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, kernel address, NULL)",
	  cns_raw_efault, EOPNOTSUPP, "", 0 },
	/* nanosleep */
	{ "nanosleep", "nanosleep({0, 1000}, NULL)", ns_short, 0, "", KC_NOBODY },
	{ "nanosleep", "nanosleep({5, 0}, &rem) interrupted", ns_eintr, EINTR, "", 0 },
	{ "nanosleep", "nanosleep({5, 0}, kernel address) interrupted", ns_rmtp_efault, EFAULT, "",
	  0 },
	{ "nanosleep", "nanosleep({0, -1}, NULL)", ns_bad_nsec, EINVAL, "", 0 },
	{ "nanosleep", "nanosleep({-1, 0}, NULL)", ns_negative_sec, EINVAL, "", 0 },
	{ "nanosleep", "nanosleep(kernel address, NULL)", ns_efault, EFAULT, "", 0 },
	/* timer_create */
	{ "timer_create", "timer_create(CLOCK_MONOTONIC, NULL, &id) gives id 0", tc_monotonic, 0, "",
	  KC_NOBODY },
	{ "timer_create", "timer_create(CLOCK_REALTIME, {SIGEV_NONE}, &id)", tc_sigev_none, 0, "", 0 },
	{ "timer_create", "timer_create(-2 own thread CPU clock, NULL, &id)", tc_thread_cpu, 0, "", 0 },
	{ "timer_create", "timer_create(CLOCK_MONOTONIC_RAW, NULL, &id)", tc_raw, EOPNOTSUPP, "", 0 },
	{ "timer_create", "timer_create(CLOCK_BOOTTIME_ALARM, NULL, &id) without RTC", tc_alarm,
	  EOPNOTSUPP, "", 0 },
	{ "timer_create", "timer_create(CLOCK_MONOTONIC, {SIGEV_SIGNAL, signo 0}, &id)", tc_signo_0,
	  EINVAL, "", 0 },
	{ "timer_create", "timer_create(CLOCK_MONOTONIC, {SIGEV_SIGNAL, signo 65}, &id)", tc_signo_65,
	  EINVAL, "", 0 },
	{ "timer_create", "timer_create(CLOCK_MONOTONIC, {sigev_notify 99}, &id)", tc_bad_notify,
	  EINVAL, "", 0 },
	{ "timer_create", "timer_create(CPU clock of a reaped pid, NULL, &id)", tc_cpu_reaped, EINVAL,
	  "", 0 },
	{ "timer_create", "timer_create(CLOCK_MONOTONIC, kernel address, &id)", tc_event_efault,
	  EFAULT, "", 0 },
	{ "timer_create", "timer_create(CLOCK_TAI + 1, kernel address, &id): sigevent first",
	  tc_event_efault_bad_clock, EFAULT, "arg:which_clock", 0 },
	{ "timer_create", "timer_create(CLOCK_MONOTONIC, NULL, kernel address)", tc_id_efault, EFAULT,
	  "", 0 },
	{ "timer_create", "timer_create(CLOCK_MONOTONIC, NULL, &id) with RLIMIT_SIGPENDING 0",
	  tc_sigpending_0, EAGAIN, "", 0 },
	{ "timer_create", "timer_create(..., &id = 0) twice in restore mode", tc_restore_busy, EBUSY,
	  "", 0 },
	{ "timer_create", "timer_create(..., &id = -1) in restore mode", tc_restore_negative, EINVAL,
	  "", 0 },
	/* timer_settime */
	{ "timer_settime", "timer_settime(t, 0, {0}, &old)", ts_disarm, 0, "", KC_NOBODY },
	{ "timer_settime", "timer_settime(t, 0, {3600 s}, NULL)", ts_arm_far, 0, "", 0 },
	{ "timer_settime", "timer_settime(t, 0x100 ignored, {0}, NULL)", ts_unknown_flag, 0, "", 0 },
	{ "timer_settime", "timer_settime(t, 0, NULL, NULL)", ts_null, EINVAL, "", 0 },
	{ "timer_settime", "timer_settime(t, 0, {tv_nsec 1e9}, NULL)", ts_bad_nsec, EINVAL, "", 0 },
	{ "timer_settime", "timer_settime(5 no such timer, 0, {0}, NULL)", ts_no_timer, EINVAL, "",
	  0 },
	{ "timer_settime", "timer_settime(t, 0, kernel address, NULL)", ts_new_efault, EFAULT, "", 0 },
	{ "timer_settime", "timer_settime(-1, 0, kernel address, NULL): new_setting first",
	  ts_negative_efault, EFAULT, "arg:timer_id", 0 },
	{ "timer_settime", "timer_settime(-1, 0, NULL, NULL)", ts_negative_null, EINVAL,
	  "arg:timer_id", 0 },
	{ "timer_settime", "timer_settime(t, 0, {0}, kernel address)", ts_old_efault, EFAULT, "", 0 },
	{ "timer_settime", "timer_settime(CPU timer of a reaped child, 0, {1 s}, NULL)",
	  ts_cpu_reaped, ESRCH, "", 0 },
	/* timer_gettime */
	{ "timer_gettime", "timer_gettime(t, &v)", tg_ok, 0, "", KC_NOBODY },
	{ "timer_gettime", "timer_gettime(5 no such timer, &v)", tg_no_timer, EINVAL, "", 0 },
	{ "timer_gettime", "timer_gettime(t, kernel address)", tg_efault, EFAULT, "", 0 },
	{ "timer_gettime", "timer_gettime(-1, kernel address): timer first", tg_negative_efault,
	  EINVAL, "arg:timer_id", 0 },
	/* timer_getoverrun */
	{ "timer_getoverrun", "timer_getoverrun(t)", to_ok, 0, "", KC_NOBODY },
	{ "timer_getoverrun", "timer_getoverrun(INT_MAX no such timer)", to_no_timer, EINVAL, "", 0 },
	/* timer_delete */
	{ "timer_delete", "timer_delete(t)", td_ok, 0, "", KC_NOBODY },
	{ "timer_delete", "timer_delete(t) twice", td_twice, EINVAL, "", 0 },
	/* timerfd_create */
	{ "timerfd_create", "timerfd_create(CLOCK_BOOTTIME, TFD_CLOEXEC | TFD_NONBLOCK)",
	  tfc_boottime, 0, "", KC_NOBODY },
	{ "timerfd_create", "timerfd_create(CLOCK_REALTIME_ALARM, 0) as root without RTC",
	  tfc_alarm_root, 0, "", 0 },
	{ "timerfd_create", "timerfd_create(CLOCK_BOOTTIME_ALARM, 0) as nobody", tfc_alarm_nobody,
	  EPERM, "", KC_NOBODY },
	{ "timerfd_create", "timerfd_create(CLOCK_MONOTONIC, 0) with RLIMIT_NOFILE 0", tfc_emfile,
	  EMFILE, "", 0 },
	{ "timerfd_create", "timerfd_create(CLOCK_MONOTONIC, 0) with fs.file-max 0", tfc_enfile,
	  ENFILE, "", 0 },
	/* timerfd_settime */
	{ "timerfd_settime", "timerfd_settime(tfd, 0, {3600 s}, &old)", tfs_arm_far, 0, "",
	  KC_NOBODY },
	{ "timerfd_settime", "timerfd_settime(monotonic tfd, ABSTIME | CANCEL_ON_SET, now+1h, NULL)",
	  tfs_abs_cancel_monotonic, 0, "", 0 },
	{ "timerfd_settime", "timerfd_settime(tfd, 0, {interval tv_nsec 1e9}, NULL)", tfs_bad_nsec,
	  EINVAL, "", 0 },
	{ "timerfd_settime", "timerfd_settime(-1, 4, kernel address, NULL): utmr first",
	  tfs_utmr_efault_bad_fd, EFAULT, "arg:ufd arg:flags", 0 },
	{ "timerfd_settime", "timerfd_settime(tfd, 0, {0}, kernel address)", tfs_otmr_efault, EFAULT,
	  "", 0 },
	{ "timerfd_settime", "timerfd_settime(alarm tfd, 0, {0}, NULL) after setuid nobody",
	  tfs_alarm_nobody, EPERM, "", 0 },
	{ "timerfd_settime", "timerfd_settime(realtime tfd, ABSTIME | CANCEL_ON_SET) after clock_settime",
	  tfs_canceled, ECANCELED, "", 0 },
	/* timerfd_gettime */
	{ "timerfd_gettime", "timerfd_gettime(tfd, &v)", tfg_ok, 0, "", KC_NOBODY },
	{ "timerfd_gettime", "timerfd_gettime(alarm tfd, &v) after setuid nobody", tfg_alarm_nobody, 0,
	  "", 0 },
	{ "timerfd_gettime", "timerfd_gettime(tfd, kernel address)", tfg_efault, EFAULT, "", 0 },
	/* getitimer */
	{ "getitimer", "getitimer(ITIMER_REAL, &v)", gi_real, 0, "", KC_NOBODY },
	{ "getitimer", "getitimer(ITIMER_PROF, kernel address)", gi_efault, EFAULT, "", 0 },
	/* setitimer */
	{ "setitimer", "setitimer(ITIMER_PROF, {0}, &old)", si_prof_zero, 0, "", KC_NOBODY },
	{ "setitimer", "setitimer(ITIMER_VIRTUAL, NULL, NULL)", si_null_value, 0, "", 0 },
	{ "setitimer", "setitimer(ITIMER_VIRTUAL, {tv_usec 1000000}, NULL)", si_bad_usec, EINVAL, "",
	  0 },
	{ "setitimer", "setitimer(3, kernel address, NULL): value first", si_bad_which_efault, EFAULT,
	  "arg:which", 0 },
	{ "setitimer", "setitimer(3, {tv_usec -1}, NULL)", si_bad_which_bad_usec, EINVAL, "arg:which",
	  0 },
	{ "setitimer", "setitimer(ITIMER_VIRTUAL, {0}, kernel address)", si_ovalue_efault, EFAULT, "",
	  0 },
	/* alarm */
	{ "alarm", "alarm(0)", alarm_0, 0, "", KC_NOBODY },
};

KC_GROUP(time, cases);

// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the sched group: getpriority, setpriority, getrusage, sched_getattr,
 * sched_setscheduler, sched_getscheduler, sched_setparam, sched_getparam, sched_setaffinity,
 * sched_getaffinity, sched_get_priority_max, sched_get_priority_min, sched_rr_get_interval.
 * See specs/decisions/sched.md for why each errno is (or is not) reachable.
 *
 * Each constraint rule of these specs (one argument broken at its boundaries, the others valid)
 * is proven by the calls generated from the specs (`kapi cases` -> kapi_cases.txt, run by
 * kapi_conform), not here. These cases are the rest: valid calls that need state (an RT or
 * deadline policy, a lowered priority), errnos that need privileges, limits or another
 * process (EPERM, EACCES, EBUSY, ESRCH for a group or user), and combinations (which errno
 * wins when a rule breaks together with a bad pointer or a missing process).
 */
#include "cases.h"

#include <dirent.h>
#include <linux/sched.h>
#include <linux/sched/types.h>

/* The host's uapi headers (linux-libc-dev 6.1) may predate these 7.2 values. */
#ifndef SCHED_EXT
#define SCHED_EXT 7
#endif
#ifndef SCHED_GETATTR_FLAG_DL_DYNAMIC
#define SCHED_GETATTR_FLAG_DL_DYNAMIC 0x01
#endif
#ifndef RUSAGE_THREAD
#define RUSAGE_THREAD 1
#endif
#define PRIO_PROCESS_ 0
#define PRIO_PGRP_ 1
#define PRIO_USER_ 2

/* struct sched_param of the kernel (include/uapi/linux/sched/types.h before 6.x; one int). */
struct kparam {
	int sched_priority;
};

/* An address no user page can be at. */
#define BAD_ADDR ((void *)1)

/* ---- helpers ----------------------------------------------------------------------------- */

/* The ID of a child that exited and was reaped: no such process (until the ID is reused). */
static pid_t gone_pid(void)
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

static long setsched(pid_t pid, int policy, int prio)
{
	struct kparam p = { .sched_priority = prio };

	return syscall(SYS_sched_setscheduler, pid, policy, &p);
}

static void must_setsched(int policy, int prio)
{
	if (setsched(0, policy, prio))
		kc_die("sched_setscheduler");
}

/* The caller becomes SCHED_DEADLINE, 1 ms every 10 ms (as in proc.c's sched_deadline). */
static void become_deadline(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_DEADLINE,
				.sched_runtime = 1000000, .sched_deadline = 10000000,
				.sched_period = 10000000 };

	if (syscall(SYS_sched_setattr, 0, &a, 0))
		kc_die("sched_setattr SCHED_DEADLINE");
}

/* A success whose value is not the expected one fails the case with EDOM. */
static long expect(long ret, long want)
{
	if (ret >= 0 && ret != want) {
		fprintf(stderr, "returned %ld, expected %ld\n", ret, want);
		errno = EDOM;
		return -1;
	}
	return ret;
}

/* The pid of the kernel thread called name (PF_NO_SETAFFINITY for a per-CPU one), or die. */
static pid_t kthread_pid(const char *name)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	char path[64], comm[64];

	if (!d)
		kc_die("opendir /proc");
	while ((e = readdir(d))) {
		FILE *f;
		pid_t pid = atoi(e->d_name);

		if (pid <= 0)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/comm", pid);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(comm, sizeof(comm), f)) {
			comm[strcspn(comm, "\n")] = 0;
			if (!strcmp(comm, name)) {
				fclose(f);
				closedir(d);
				return pid;
			}
		}
		fclose(f);
	}
	kc_die(name);
}

/* ---- getpriority / setpriority ------------------------------------------------------------ */

static long prio_get_after_set(void)
{
	if (syscall(SYS_setpriority, PRIO_PROCESS_, 0, 5))
		kc_die("setpriority 5");
	return expect(syscall(SYS_getpriority, PRIO_PROCESS_, 0), 20 - 5);
}

static long prio_get_clamped(void)
{
	if (syscall(SYS_setpriority, PRIO_PROCESS_, 0, 1000))
		kc_die("setpriority 1000");
	return expect(syscall(SYS_getpriority, PRIO_PROCESS_, 0), 20 - 19);
}

static long prio_get_pgrp_missing(void)
{
	return syscall(SYS_getpriority, PRIO_PGRP_, INT_MAX);
}

static long prio_get_user_none(void)
{
	return syscall(SYS_getpriority, PRIO_USER_, 54321);
}

static long prio_get_negative_who(void)
{
	return syscall(SYS_getpriority, PRIO_PROCESS_, -5);
}

static long prio_set_lower_root(void)
{
	return syscall(SYS_setpriority, PRIO_PROCESS_, 0, -5);
}

static long prio_set_lower_nobody(void)
{
	return syscall(SYS_setpriority, PRIO_PROCESS_, 0, -1);
}

static long prio_set_raise_nobody(void)
{
	return syscall(SYS_setpriority, PRIO_USER_, 0, 19);
}

static long prio_set_init_nobody(void)
{
	return syscall(SYS_setpriority, PRIO_PROCESS_, 1, 0);
}

static long prio_set_user_none(void)
{
	return syscall(SYS_setpriority, PRIO_USER_, 54321, 0);
}

static long prio_set_bad_which_gone(void)
{
	return syscall(SYS_setpriority, 3, gone_pid(), 0);
}

/* ---- getrusage --------------------------------------------------------------------------- */

static long rusage_children(void)
{
	struct rusage ru;

	return syscall(SYS_getrusage, RUSAGE_CHILDREN, &ru);
}

static long rusage_thread(void)
{
	struct rusage ru;

	return syscall(SYS_getrusage, RUSAGE_THREAD, &ru);
}

static long rusage_efault(void)
{
	return syscall(SYS_getrusage, RUSAGE_SELF, BAD_ADDR);
}

static long rusage_bad_who_efault(void)
{
	return syscall(SYS_getrusage, -2 /* RUSAGE_BOTH */, BAD_ADDR);
}

/* ---- sched_setscheduler / sched_getscheduler --------------------------------------------- */

static long setsched_fifo(void)
{
	return setsched(0, SCHED_FIFO, 1);
}

static long setsched_rr_reset(void)
{
	return setsched(0, SCHED_RR | SCHED_RESET_ON_FORK, 99);
}

static long setsched_fifo_prio0(void)
{
	return setsched(0, SCHED_FIFO, 0);
}

static long setsched_fifo_prio100(void)
{
	return setsched(0, SCHED_FIFO, 100);
}

static long setsched_normal_prio1(void)
{
	return setsched(0, SCHED_NORMAL, 1);
}

static long setsched_deadline(void)
{
	return setsched(0, SCHED_DEADLINE, 0);
}

static long setsched_ext(void)
{
	return setsched(0, SCHED_EXT, 0);
}

static long setsched_efault(void)
{
	return syscall(SYS_sched_setscheduler, 0, SCHED_NORMAL, BAD_ADDR);
}

static long setsched_bad_policy_efault(void)
{
	return syscall(SYS_sched_setscheduler, 0, 4, BAD_ADDR);
}

static long setsched_bad_policy_gone(void)
{
	return setsched(gone_pid(), 4, 0);
}

static long setsched_fifo_nobody(void)
{
	return setsched(0, SCHED_FIFO, 1);
}

static long setsched_init_nobody(void)
{
	return setsched(1, SCHED_NORMAL, 0);
}

static long setsched_clear_reset_nobody(void)
{
	must_setsched(SCHED_NORMAL | SCHED_RESET_ON_FORK, 0);
	return setsched(0, SCHED_NORMAL, 0);
}

static long setsched_leave_idle_nobody(void)
{
	must_setsched(SCHED_IDLE, 0);
	return setsched(0, SCHED_NORMAL, 0);
}

static long getsched_reset(void)
{
	must_setsched(SCHED_FIFO | SCHED_RESET_ON_FORK, 1);
	return expect(syscall(SYS_sched_getscheduler, 0), SCHED_FIFO | SCHED_RESET_ON_FORK);
}

static long getsched_init(void)
{
	return expect(syscall(SYS_sched_getscheduler, 1), SCHED_NORMAL);
}

/* ---- sched_setparam / sched_getparam ----------------------------------------------------- */

static long setparam_fifo(void)
{
	struct kparam p = { .sched_priority = 50 };

	must_setsched(SCHED_FIFO, 1);
	return syscall(SYS_sched_setparam, 0, &p);
}

static long setparam_fifo_prio0(void)
{
	struct kparam p = { .sched_priority = 0 };

	must_setsched(SCHED_FIFO, 1);
	return syscall(SYS_sched_setparam, 0, &p);
}

static long setparam_normal_prio1(void)
{
	struct kparam p = { .sched_priority = 1 };

	return syscall(SYS_sched_setparam, 0, &p);
}

static long setparam_deadline(void)
{
	struct kparam p = { .sched_priority = 0 };

	become_deadline();
	return syscall(SYS_sched_setparam, 0, &p);
}

static long setparam_efault(void)
{
	return syscall(SYS_sched_setparam, 0, BAD_ADDR);
}

static long setparam_init_nobody(void)
{
	struct kparam p = { .sched_priority = 0 };

	return syscall(SYS_sched_setparam, 1, &p);
}

static long getparam_fifo(void)
{
	struct kparam p = { .sched_priority = -1 };
	long ret;

	must_setsched(SCHED_FIFO, 10);
	ret = syscall(SYS_sched_getparam, 0, &p);
	return ret ? ret : expect(p.sched_priority, 10);
}

static long getparam_efault(void)
{
	return syscall(SYS_sched_getparam, 0, BAD_ADDR);
}

static long getparam_null_neg(void)
{
	return syscall(SYS_sched_getparam, -1, NULL);
}

/* ---- sched_getattr ----------------------------------------------------------------------- */

static long getattr_ver0(void)
{
	struct sched_attr a;

	return syscall(SYS_sched_getattr, 0, &a, 48, 0);
}

static long getattr_dl_dynamic_normal(void)
{
	struct sched_attr a;

	return syscall(SYS_sched_getattr, 0, &a, sizeof(a), SCHED_GETATTR_FLAG_DL_DYNAMIC);
}

static long getattr_dl_dynamic_deadline(void)
{
	struct sched_attr a;

	become_deadline();
	return syscall(SYS_sched_getattr, 0, &a, sizeof(a), SCHED_GETATTR_FLAG_DL_DYNAMIC);
}

static long getattr_efault(void)
{
	return syscall(SYS_sched_getattr, 0, BAD_ADDR, 56, 0);
}

static long getattr_bad_flags_gone(void)
{
	struct sched_attr a;

	return syscall(SYS_sched_getattr, gone_pid(), &a, sizeof(a), 2);
}

static long getattr_bad_flags_efault(void)
{
	return syscall(SYS_sched_getattr, 0, BAD_ADDR, 56, 2);
}

/* ---- sched_setaffinity / sched_getaffinity ----------------------------------------------- */

static long setaff(pid_t pid, unsigned long mask)
{
	return syscall(SYS_sched_setaffinity, pid, sizeof(mask), &mask);
}

static long setaff_cpu0(void)
{
	return setaff(0, 1);
}

static long setaff_long_len(void)
{
	unsigned long mask[4] = { 3, 0, 0, 0 };

	return syscall(SYS_sched_setaffinity, 0, sizeof(mask), mask);
}

static long setaff_cpu7(void)
{
	return setaff(0, 1UL << 7);
}

static long setaff_len0(void)
{
	return syscall(SYS_sched_setaffinity, 0, 0, NULL);
}

static long setaff_efault(void)
{
	return syscall(SYS_sched_setaffinity, 0, 8, BAD_ADDR);
}

static long setaff_gone(void)
{
	return setaff(gone_pid(), 1);
}

static long setaff_init_nobody(void)
{
	return setaff(1, 1);
}

static long setaff_kthread(void)
{
	return setaff(kthread_pid("ksoftirqd/0"), 1);
}

static long setaff_deadline(void)
{
	become_deadline();
	return setaff(0, 1);
}

static long getaff(pid_t pid, unsigned int len)
{
	unsigned long mask[4];

	return syscall(SYS_sched_getaffinity, pid, len, mask);
}

static long getaff_32(void)
{
	return expect(getaff(0, 32), 8);
}

static long getaff_init_nobody(void)
{
	return expect(getaff(1, 8), 8);
}

static long getaff_negative_pid(void)
{
	return getaff(-1, 8);
}

static long getaff_efault(void)
{
	return syscall(SYS_sched_getaffinity, 0, 8, BAD_ADDR);
}

static long getaff_bad_len_gone(void)
{
	return getaff(gone_pid(), 12);
}

/* ---- priority ranges, rr interval -------------------------------------------------------- */

static long prio_max_ext(void)
{
	return expect(syscall(SYS_sched_get_priority_max, SCHED_EXT), 0);
}

static long prio_max_rr(void)
{
	return expect(syscall(SYS_sched_get_priority_max, SCHED_RR), 99);
}

static long prio_min_deadline(void)
{
	return expect(syscall(SYS_sched_get_priority_min, SCHED_DEADLINE), 0);
}

static long prio_min_reset(void)
{
	return syscall(SYS_sched_get_priority_min, SCHED_FIFO | SCHED_RESET_ON_FORK);
}

static long rr_interval_rr(void)
{
	struct timespec ts;

	must_setsched(SCHED_RR, 1);
	return syscall(SYS_sched_rr_get_interval, 0, &ts);
}

static long rr_interval_efault(void)
{
	return syscall(SYS_sched_rr_get_interval, 0, BAD_ADDR);
}

static long rr_interval_null_neg(void)
{
	return syscall(SYS_sched_rr_get_interval, -1, NULL);
}

static const struct kcase cases[] = {
	/* getpriority, setpriority */
	{ "getpriority", "setpriority(PROCESS, 0, 5); getpriority(PROCESS, 0) == 15",
	  prio_get_after_set, 0, "", 0 },
	{ "getpriority", "setpriority(PROCESS, 0, 1000) clamps; getpriority == 1",
	  prio_get_clamped, 0, "", KC_NOBODY },
	{ "getpriority", "getpriority(PGRP, INT_MAX)", prio_get_pgrp_missing, ESRCH, "", 0 },
	{ "getpriority", "getpriority(USER, 54321) no process", prio_get_user_none, ESRCH, "", 0 },
	{ "getpriority", "getpriority(PROCESS, -5)", prio_get_negative_who, ESRCH, "", 0 },
	{ "setpriority", "setpriority(PROCESS, 0, -5) as root", prio_set_lower_root, 0, "", 0 },
	{ "setpriority", "setpriority(PROCESS, 0, -1) as nobody", prio_set_lower_nobody, EACCES, "",
	  KC_NOBODY },
	{ "setpriority", "setpriority(USER, 0, 19) as nobody", prio_set_raise_nobody, 0, "",
	  KC_NOBODY },
	{ "setpriority", "setpriority(PROCESS, 1, 0) as nobody", prio_set_init_nobody, EPERM, "",
	  KC_NOBODY },
	{ "setpriority", "setpriority(USER, 54321, 0) no process", prio_set_user_none, ESRCH, "", 0 },
	{ "setpriority", "setpriority(3, gone, 0)", prio_set_bad_which_gone, EINVAL, "arg:which", 0 },
	/* getrusage */
	{ "getrusage", "getrusage(RUSAGE_CHILDREN, &ru)", rusage_children, 0, "", 0 },
	{ "getrusage", "getrusage(RUSAGE_THREAD, &ru)", rusage_thread, 0, "", 0 },
	{ "getrusage", "getrusage(RUSAGE_SELF, 1)", rusage_efault, EFAULT, "", 0 },
	{ "getrusage", "getrusage(RUSAGE_BOTH, 1)", rusage_bad_who_efault, EINVAL, "arg:who", 0 },
	/* sched_setscheduler, sched_getscheduler */
	{ "sched_setscheduler", "sched_setscheduler(0, SCHED_FIFO, {1})", setsched_fifo, 0, "", 0 },
	{ "sched_setscheduler", "sched_setscheduler(0, SCHED_RR | SCHED_RESET_ON_FORK, {99})",
	  setsched_rr_reset, 0, "", 0 },
	{ "sched_setscheduler", "sched_setscheduler(0, SCHED_FIFO, {0})", setsched_fifo_prio0,
	  EINVAL, "", 0 },
	{ "sched_setscheduler", "sched_setscheduler(0, SCHED_FIFO, {100})", setsched_fifo_prio100,
	  EINVAL, "", 0 },
	{ "sched_setscheduler", "sched_setscheduler(0, SCHED_NORMAL, {1})", setsched_normal_prio1,
	  EINVAL, "", 0 },
	{ "sched_setscheduler", "sched_setscheduler(0, SCHED_DEADLINE, {0})", setsched_deadline,
	  EINVAL, "", 0 },
	{ "sched_setscheduler", "sched_setscheduler(0, SCHED_EXT, {0}) without sched_ext",
	  setsched_ext, EINVAL, "arg:policy", 0 },
	{ "sched_setscheduler", "sched_setscheduler(0, SCHED_NORMAL, 1)", setsched_efault, EFAULT,
	  "", 0 },
	{ "sched_setscheduler", "sched_setscheduler(0, 4, 1): EFAULT before the policy",
	  setsched_bad_policy_efault, EFAULT, "arg:policy", 0 },
	{ "sched_setscheduler", "sched_setscheduler(gone, 4, {0}): ESRCH before the policy",
	  setsched_bad_policy_gone, ESRCH, "arg:policy", 0 },
	{ "sched_setscheduler", "sched_setscheduler(0, SCHED_FIFO, {1}) as nobody",
	  setsched_fifo_nobody, EPERM, "", KC_NOBODY },
	{ "sched_setscheduler", "sched_setscheduler(1, SCHED_NORMAL, {0}) as nobody",
	  setsched_init_nobody, EPERM, "", KC_NOBODY },
	{ "sched_setscheduler", "nobody clears SCHED_RESET_ON_FORK", setsched_clear_reset_nobody,
	  EPERM, "", KC_NOBODY },
	{ "sched_setscheduler", "nobody leaves SCHED_IDLE (RLIMIT_NICE 0)",
	  setsched_leave_idle_nobody, EPERM, "", KC_NOBODY },
	{ "sched_getscheduler", "sched_getscheduler(0) == SCHED_FIFO | SCHED_RESET_ON_FORK",
	  getsched_reset, 0, "", 0 },
	{ "sched_getscheduler", "sched_getscheduler(1) as nobody", getsched_init, 0, "",
	  KC_NOBODY },
	/* sched_setparam, sched_getparam */
	{ "sched_setparam", "SCHED_FIFO; sched_setparam(0, {50})", setparam_fifo, 0, "", 0 },
	{ "sched_setparam", "SCHED_FIFO; sched_setparam(0, {0})", setparam_fifo_prio0, EINVAL, "",
	  0 },
	{ "sched_setparam", "sched_setparam(0, {1}) for SCHED_NORMAL", setparam_normal_prio1,
	  EINVAL, "", 0 },
	{ "sched_setparam", "SCHED_DEADLINE; sched_setparam(0, {0})", setparam_deadline, EINVAL,
	  "", 0 },
	{ "sched_setparam", "sched_setparam(0, 1)", setparam_efault, EFAULT, "", 0 },
	{ "sched_setparam", "sched_setparam(1, {0}) as nobody", setparam_init_nobody, EPERM, "",
	  KC_NOBODY },
	{ "sched_getparam", "SCHED_FIFO 10; sched_getparam(0, &p) == 10", getparam_fifo, 0, "", 0 },
	{ "sched_getparam", "sched_getparam(0, 1)", getparam_efault, EFAULT, "", 0 },
	{ "sched_getparam", "sched_getparam(-1, NULL)", getparam_null_neg, EINVAL,
	  "arg:pid arg:param", 0 },
	/* sched_getattr */
	{ "sched_getattr", "sched_getattr(0, &a, 48, 0)", getattr_ver0, 0, "", 0 },
	{ "sched_getattr", "sched_getattr(0, &a, 56, DL_DYNAMIC) for SCHED_NORMAL",
	  getattr_dl_dynamic_normal, EINVAL, "", 0 },
	{ "sched_getattr", "SCHED_DEADLINE; sched_getattr(0, &a, 56, DL_DYNAMIC)",
	  getattr_dl_dynamic_deadline, 0, "", 0 },
	{ "sched_getattr", "sched_getattr(0, 1, 56, 0)", getattr_efault, EFAULT, "", 0 },
	{ "sched_getattr", "sched_getattr(gone, &a, 56, 2): ESRCH before the flags",
	  getattr_bad_flags_gone, ESRCH, "arg:flags", 0 },
	{ "sched_getattr", "sched_getattr(0, 1, 56, 2): EINVAL before the copy",
	  getattr_bad_flags_efault, EINVAL, "arg:flags", 0 },
	/* sched_setaffinity, sched_getaffinity */
	{ "sched_setaffinity", "sched_setaffinity(0, 8, {CPU 0})", setaff_cpu0, 0, "", 0 },
	{ "sched_setaffinity", "sched_setaffinity(0, 32, {CPU 0-1})", setaff_long_len, 0, "",
	  KC_NOBODY },
	{ "sched_setaffinity", "sched_setaffinity(0, 8, {CPU 7}) on 2 CPUs", setaff_cpu7, EINVAL,
	  "", 0 },
	{ "sched_setaffinity", "sched_setaffinity(0, 0, NULL): empty mask", setaff_len0, EINVAL,
	  "", 0 },
	{ "sched_setaffinity", "sched_setaffinity(0, 8, 1)", setaff_efault, EFAULT, "", 0 },
	{ "sched_setaffinity", "sched_setaffinity(gone, 8, {CPU 0})", setaff_gone, ESRCH, "", 0 },
	{ "sched_setaffinity", "sched_setaffinity(1, 8, {CPU 0}) as nobody", setaff_init_nobody,
	  EPERM, "", KC_NOBODY },
	{ "sched_setaffinity", "sched_setaffinity(ksoftirqd/0, 8, {CPU 0})", setaff_kthread,
	  EINVAL, "", 0 },
	{ "sched_setaffinity", "SCHED_DEADLINE; sched_setaffinity(0, 8, {CPU 0})",
	  setaff_deadline, EBUSY, "", 0 },
	{ "sched_getaffinity", "sched_getaffinity(0, 32, mask) == 8", getaff_32, 0, "", 0 },
	{ "sched_getaffinity", "sched_getaffinity(1, 8, mask) as nobody == 8", getaff_init_nobody,
	  0, "", KC_NOBODY },
	{ "sched_getaffinity", "sched_getaffinity(-1, 8, mask)", getaff_negative_pid, ESRCH, "",
	  0 },
	{ "sched_getaffinity", "sched_getaffinity(0, 8, 1)", getaff_efault, EFAULT, "", 0 },
	{ "sched_getaffinity", "sched_getaffinity(gone, 12, mask): EINVAL before the lookup",
	  getaff_bad_len_gone, EINVAL, "arg:len", 0 },
	/* sched_get_priority_max/min, sched_rr_get_interval */
	{ "sched_get_priority_max", "sched_get_priority_max(SCHED_EXT) == 0", prio_max_ext, 0, "",
	  0 },
	{ "sched_get_priority_max", "sched_get_priority_max(SCHED_RR) == 99", prio_max_rr, 0, "",
	  0 },
	{ "sched_get_priority_min", "sched_get_priority_min(SCHED_DEADLINE) == 0",
	  prio_min_deadline, 0, "", 0 },
	{ "sched_get_priority_min", "sched_get_priority_min(SCHED_FIFO | SCHED_RESET_ON_FORK)",
	  prio_min_reset, EINVAL, "arg:policy", 0 },
	{ "sched_rr_get_interval", "SCHED_RR; sched_rr_get_interval(0, &ts)", rr_interval_rr, 0,
	  "", 0 },
	{ "sched_rr_get_interval", "sched_rr_get_interval(0, 1)", rr_interval_efault, EFAULT, "",
	  0 },
	{ "sched_rr_get_interval", "sched_rr_get_interval(-1, NULL)", rr_interval_null_neg, EINVAL,
	  "arg:pid", 0 },
};

KC_GROUP(sched, cases);

// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the creds group: setuid, setgid, setreuid, setregid, setresuid, setresgid,
 * getresuid, getresgid, setgroups, getgroups, setpgid, getpgid, setsid, getsid. See
 * specs/decisions/creds.md for why each errno happens.
 *
 * The single-rule calls (uid/gid -1, a negative size or pgid, a bad pointer, pid:gone) are
 * generated from the specs by `kapi cases`. These cases are the errnos that need state:
 * privileges (as nobody), a supplementary group list, a child that has called execve, a child
 * in another session, a session leader, a thread that is not its group's leader; and the
 * orders of checks behind the param-errno lines (EINVAL before EPERM for set*id(-1), EPERM
 * before EINVAL for setgroups, pgid's EINVAL before the pid lookup).
 */
#include "cases.h"

#include <grp.h>
#include <pthread.h>

/* ---- helpers ---------------------------------------------------------------------------- */

/* The supplementary groups {1, 2}, set as root. */
static void two_groups(void)
{
	gid_t g[2] = { 1, 2 };

	if (setgroups(2, g))
		kc_die("setgroups");
}

/*
 * Forks a child that runs child_fn (if any) and exits; waits until it has exited without
 * reaping it (a zombie keeps its PID, session and flags). Returns its PID; a child that did
 * not exit with status 0 is a setup failure.
 */
static pid_t zombie_after(void (*child_fn)(void))
{
	siginfo_t si;
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (pid == 0) {
		if (child_fn)
			child_fn();
		_exit(0);
	}
	memset(&si, 0, sizeof(si));
	if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT))
		kc_die("waitid");
	if (si.si_code != CLD_EXITED || si.si_status != 0) {
		errno = ECHILD;
		kc_die("child (exec of /bin/busybox true, or setsid) failed");
	}
	return pid;
}

/* Reaps pid, keeping errno (the call's result is already taken). */
static void reap(pid_t pid)
{
	int e = errno;

	waitpid(pid, NULL, 0);
	errno = e;
}

static void exec_true(void)
{
	execl("/bin/busybox", "true", (char *)NULL);
	_exit(127);
}

static void new_session(void)
{
	if (setsid() < 0)
		_exit(126);
}

/* ---- setuid, setgid, setreuid, setregid, setresuid, setresgid ---------------------------- */

static long u_eperm(void) { return syscall(SYS_setuid, 0); }
static long u_own(void) { return syscall(SYS_setuid, 65534); }
static long u_minus1_nobody(void) { return syscall(SYS_setuid, (uid_t)-1); }
static long g_eperm(void) { return syscall(SYS_setgid, 0); }
static long g_own(void) { return syscall(SYS_setgid, 65534); }
static long g_minus1_nobody(void) { return syscall(SYS_setgid, (gid_t)-1); }
static long ru_eperm(void) { return syscall(SYS_setreuid, 0, (uid_t)-1); }
static long ru_keep(void) { return syscall(SYS_setreuid, (uid_t)-1, (uid_t)-1); }
static long rg_eperm(void) { return syscall(SYS_setregid, (gid_t)-1, 0); }
static long resu_eperm(void) { return syscall(SYS_setresuid, (uid_t)-1, 0, (uid_t)-1); }
static long resu_noop(void) { return syscall(SYS_setresuid, 65534, 65534, 65534); }
static long resg_eperm(void) { return syscall(SYS_setresgid, 0, (gid_t)-1, (gid_t)-1); }

/* Root drops its real, effective and saved user IDs, then cannot get 0 back. */
static long u_root_dropped(void)
{
	if (syscall(SYS_setuid, 1000))
		kc_die("setuid(1000)");
	return syscall(SYS_setuid, 0);
}

/* ---- getgroups, setgroups --------------------------------------------------------------- */

static long gg_count(void)
{
	two_groups();
	return syscall(SYS_getgroups, 0, NULL) == 2 ? 0 : (errno = EPROTO, -1);
}

static long gg_small(void)
{
	gid_t g[2];

	two_groups();
	return syscall(SYS_getgroups, 1, g);
}

static long gg_efault(void)
{
	two_groups();
	return syscall(SYS_getgroups, 2, NULL);
}

static long sg_eperm(void) { return syscall(SYS_setgroups, 0, NULL); }
static long sg_neg_nobody(void) { return syscall(SYS_setgroups, -1, NULL); }

static long sg_minus1(void)
{
	gid_t g[2] = { 1, (gid_t)-1 };

	return syscall(SYS_setgroups, 2, g);
}

static long sg_max(void)
{
	gid_t *g = calloc(NGROUPS_MAX, sizeof(gid_t));

	if (!g)
		kc_die("calloc");
	return syscall(SYS_setgroups, NGROUPS_MAX, g);
}

/* ---- setpgid ---------------------------------------------------------------------------- */

static long pg_not_child(void) { return syscall(SYS_setpgid, 1, 0); }
static long pg_neg_pgid_first(void) { return syscall(SYS_setpgid, 1, -1); }
static long pg_neg_pid_pgid0(void) { return syscall(SYS_setpgid, -1, 0); }
static long pg_neg_pid(void) { return syscall(SYS_setpgid, -1, 1); }

static long pg_eacces(void)
{
	pid_t pid = zombie_after(exec_true);
	long r = syscall(SYS_setpgid, pid, 0);

	reap(pid);
	return r;
}

static long pg_other_session(void)
{
	pid_t pid = zombie_after(new_session);
	long r = syscall(SYS_setpgid, pid, 0);

	reap(pid);
	return r;
}

static long pg_session_leader(void)
{
	if (setsid() < 0)
		kc_die("setsid");
	return syscall(SYS_setpgid, 0, 0);
}

static long pg_no_group(void)
{
	pid_t pid = zombie_after(NULL);

	reap(pid);
	/* pid is no process group any more (the child led none: it was in ours). */
	return syscall(SYS_setpgid, 0, pid);
}

static pid_t thread_tid;
static int ready[2], never[2];

/* Says its TID is set, then blocks until the case's child exits (never[] is never written). */
static void *thread_fn(void *arg)
{
	char c;

	(void)arg;
	thread_tid = (pid_t)syscall(SYS_gettid);
	if (write(ready[1], "x", 1) != 1)
		_exit(125);
	while (read(never[0], &c, 1) != 0)
		;
	return NULL;
}

static long pg_thread(void)
{
	pthread_t t;
	char c;

	if (pipe(ready) || pipe(never))
		kc_die("pipe");
	if (pthread_create(&t, NULL, thread_fn, NULL))
		kc_die("pthread_create");
	if (read(ready[0], &c, 1) != 1)
		kc_die("read");
	return syscall(SYS_setpgid, thread_tid, 0);
}

/* ---- setsid, getpgid, getsid ------------------------------------------------------------ */

static long ss_group_leader(void)
{
	if (setpgid(0, 0))
		kc_die("setpgid");
	return syscall(SYS_setsid);
}

static long ss_twice(void)
{
	if (setsid() < 0)
		kc_die("setsid");
	return syscall(SYS_setsid);
}

static long gp_neg(void) { return syscall(SYS_getpgid, -1); }
static long gp_kthread(void) { return syscall(SYS_getpgid, 2); }
static long gs_neg(void) { return syscall(SYS_getsid, -1); }
static long gs_kthread(void) { return syscall(SYS_getsid, 2); }
static long gs_init(void) { return syscall(SYS_getsid, 1); }

static const struct kcase cases[] = {
	/* setuid */
	{ "setuid", "setuid(0) as nobody", u_eperm, EPERM, "", KC_NOBODY },
	{ "setuid", "setuid(65534) as nobody (its own uid)", u_own, 0, "", KC_NOBODY },
	{ "setuid", "setuid(-1) as nobody (EINVAL before EPERM)", u_minus1_nobody, EINVAL,
	  "arg:uid", KC_NOBODY },
	{ "setuid", "setuid(0) after setuid(1000) as root", u_root_dropped, EPERM, "", 0 },

	/* setgid */
	{ "setgid", "setgid(0) as nobody", g_eperm, EPERM, "", KC_NOBODY },
	{ "setgid", "setgid(65534) as nobody (its own gid)", g_own, 0, "", KC_NOBODY },
	{ "setgid", "setgid(-1) as nobody (EINVAL before EPERM)", g_minus1_nobody, EINVAL,
	  "arg:gid", KC_NOBODY },

	/* setreuid, setregid */
	{ "setreuid", "setreuid(0, -1) as nobody", ru_eperm, EPERM, "", KC_NOBODY },
	{ "setreuid", "setreuid(-1, -1) as nobody", ru_keep, 0, "", KC_NOBODY },
	{ "setregid", "setregid(-1, 0) as nobody", rg_eperm, EPERM, "", KC_NOBODY },

	/* setresuid, setresgid */
	{ "setresuid", "setresuid(-1, 0, -1) as nobody", resu_eperm, EPERM, "", KC_NOBODY },
	{ "setresuid", "setresuid(65534, 65534, 65534) as nobody (no-op)", resu_noop, 0, "",
	  KC_NOBODY },
	{ "setresgid", "setresgid(0, -1, -1) as nobody", resg_eperm, EPERM, "", KC_NOBODY },

	/* getgroups */
	{ "getgroups", "getgroups(0, NULL) with groups {1, 2}", gg_count, 0, "", 0 },
	{ "getgroups", "getgroups(1, buf) with groups {1, 2}", gg_small, EINVAL, "", 0 },
	{ "getgroups", "getgroups(2, NULL) with groups {1, 2}", gg_efault, EFAULT, "", 0 },

	/* setgroups */
	{ "setgroups", "setgroups(0, NULL) as nobody", sg_eperm, EPERM, "", KC_NOBODY },
	{ "setgroups", "setgroups(-1, NULL) as nobody (EPERM before EINVAL)", sg_neg_nobody, EPERM,
	  "arg:gidsetsize", KC_NOBODY },
	{ "setgroups", "setgroups(2, {1, -1})", sg_minus1, EINVAL, "", 0 },
	{ "setgroups", "setgroups(NGROUPS_MAX, zeros)", sg_max, 0, "", 0 },

	/* setpgid */
	{ "setpgid", "setpgid(1, 0) (init: not a child)", pg_not_child, ESRCH, "", 0 },
	{ "setpgid", "setpgid(1, -1) (pgid checked before the lookup)", pg_neg_pgid_first, EINVAL,
	  "arg:pgid", 0 },
	{ "setpgid", "setpgid(-1, 0) (pgid becomes -1)", pg_neg_pid_pgid0, EINVAL, "", 0 },
	{ "setpgid", "setpgid(-1, 1)", pg_neg_pid, ESRCH, "", 0 },
	{ "setpgid", "setpgid(child that called execve, 0)", pg_eacces, EACCES, "", 0 },
	{ "setpgid", "setpgid(child in its own session, 0)", pg_other_session, EPERM, "", 0 },
	{ "setpgid", "setpgid(0, 0) after setsid()", pg_session_leader, EPERM, "", 0 },
	{ "setpgid", "setpgid(0, reaped child's pid) (no such group)", pg_no_group, EPERM, "", 0 },
	{ "setpgid", "setpgid(tid of a second thread, 0)", pg_thread, EINVAL, "", 0 },

	/* setsid */
	{ "setsid", "setsid() after setpgid(0, 0)", ss_group_leader, EPERM, "", 0 },
	{ "setsid", "setsid() twice", ss_twice, EPERM, "", 0 },

	/* getpgid, getsid */
	{ "getpgid", "getpgid(-1)", gp_neg, ESRCH, "", 0 },
	{ "getpgid", "getpgid(2) (kthreadd: group 0)", gp_kthread, 0, "", 0 },
	{ "getsid", "getsid(-1)", gs_neg, ESRCH, "", 0 },
	{ "getsid", "getsid(2) (kthreadd: session 0)", gs_kthread, 0, "", 0 },
	{ "getsid", "getsid(1) (init: another session, or 0)", gs_init, 0, "", 0 },
};

KC_GROUP(creds, cases);

// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_cases: every case of selftests/cases/ against the validator, as TAP.
 *
 *   kapi_cases [-l] [NAME...]
 *
 * NAME selects the cases of one syscall ("read") or one group ("fd"); none runs them all; -l
 * lists the cases instead. The module must be loaded and enabled, and the kapi_violation trace
 * event enabled (kapi_cases.sh does both).
 *
 * For each case: the trace buffer is cleared, a child process is forked that enters a fresh
 * directory on our tmpfs (user xattrs), optionally drops to uid 65534, arms a 10 s alarm and
 * makes the call; then every kapi_violation event in the buffer is reduced to "kind:param"
 * words and compared with the case's expected reports, and the call's result with its expected
 * errno. One TAP result per case; a case whose syscall has no spec built in is skipped.
 */
#include "cases/cases.h"
#include "harness.h"
#include "kselftest.h"

#include <grp.h>
#include <linux/capability.h>
#include <sys/mount.h>
#include <sys/time.h>

#define WORK "/tmp/kapi-cases"

/* The bound on a case child that its own 10 s alarm cannot end (it blocked SIGALRM). */
#define WATCHDOG_S 60

extern const struct kgroup kc_group_fd, kc_group_file, kc_group_mm, kc_group_proc, kc_group_stat,
	kc_group_perms, kc_group_sync, kc_group_vec, kc_group_fdops, kc_group_xattr,
	kc_group_names, kc_group_exits, kc_group_creds, kc_group_sched,
	kc_group_time, kc_group_signal, kc_group_waitmem, kc_group_lifecycle,
	kc_group_sock;
static const struct kgroup *const groups[] = {
	&kc_group_fd, &kc_group_file, &kc_group_mm, &kc_group_proc, &kc_group_stat, &kc_group_perms,
	&kc_group_sync, &kc_group_vec, &kc_group_fdops, &kc_group_xattr,
	&kc_group_names, &kc_group_exits, &kc_group_creds, &kc_group_sched,
	&kc_group_time, &kc_group_signal, &kc_group_waitmem, &kc_group_lifecycle,
	&kc_group_sock,
};

/* What the child tells the parent, in a shared page. */
struct result {
	int returned;	/* run() returned */
	long ret;
	int err;
};
static struct result *res;

void kc_die(const char *what)
{
	printf("# setup failed: %s: %s\n", what, strerror(errno));
	fflush(stdout);
	_exit(99);
}

long kc_page_size(void)
{
	return sysconf(_SC_PAGESIZE);
}

void *kc_pages(size_t n)
{
	void *p = mmap(NULL, n * kc_page_size(), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	if (p == MAP_FAILED)
		kc_die("mmap");
	return p;
}

void *kc_hole(size_t n)
{
	void *p = kc_pages(n);

	if (munmap(p, n * kc_page_size()))
		kc_die("munmap");
	return p;
}

int kc_file(const char *name, size_t len)
{
	char buf[4096];
	int fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		kc_die(name);
	memset(buf, 'x', sizeof(buf));
	while (len) {
		size_t n = len < sizeof(buf) ? len : sizeof(buf);

		if (write(fd, buf, n) != (ssize_t)n)
			kc_die("write");
		len -= n;
	}
	if (lseek(fd, 0, SEEK_SET))
		kc_die("lseek");
	return fd;
}

void kc_rlimit(int resource, rlim_t v)
{
	struct rlimit r = { v, v };

	if (setrlimit(resource, &r))
		kc_die("setrlimit");
}

void kc_interrupt_after(int ms)
{
	struct itimerval it = { .it_value = { ms / 1000, (ms % 1000) * 1000 } };

	if (alarm_interrupts() || setitimer(ITIMER_REAL, &it, NULL))
		kc_die("SIGALRM timer");
}

long kc_unmounting(const char *dir, long r)
{
	int e = errno;

	umount2(dir, MNT_DETACH);
	errno = e;
	return r;
}

long kc_with_file_max_0(long (*fn)(void))
{
	struct kc_sysctl file_max;
	int status, e = 0;
	long r = 0;
	pid_t pid;

	kc_sysctl_set(&file_max, "/proc/sys/fs/file-max", "0\n");
	pid = fork();
	if (pid == 0) {
		if (setresgid(65534, 65534, 65534) || setresuid(65534, 65534, 65534))
			_exit(100);
		r = fn();
		_exit(r < 0 ? errno : 0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		e = errno ? errno : EIO;
	kc_sysctl_restore(&file_max);
	if (e)
		kc_die("fork");
	if (!WIFEXITED(status) || WEXITSTATUS(status) == 100)
		kc_die("child");
	errno = WEXITSTATUS(status);
	return errno ? -1 : 0;
}

void kc_caps_effective(int drop, unsigned int mask)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d))
		kc_die("capget");
	if (drop)
		d[0].effective &= ~mask;
	else
		d[0].effective = d[0].permitted;
	if (syscall(SYS_capset, &h, d))
		kc_die("capset");
}

void kc_sysctl_set(struct kc_sysctl *s, const char *path, const char *val)
{
	ssize_t n;

	s->fd = open(path, O_RDWR);
	if (s->fd < 0)
		kc_die(path);
	n = pread(s->fd, s->old, sizeof(s->old) - 1, 0);
	if (n <= 0)
		kc_die(path);
	s->old[n] = 0;
	if (pwrite(s->fd, val, strlen(val), 0) != (ssize_t)strlen(val))
		kc_die(path);
}

void kc_sysctl_restore(struct kc_sysctl *s)
{
	int e = errno;

	if (pwrite(s->fd, s->old, strlen(s->old), 0) != (ssize_t)strlen(s->old))
		kc_die("restoring a sysctl");
	close(s->fd);
	errno = e;
}

static void drop_privileges(void)
{
	if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
		kc_die("dropping to uid 65534");
}

static void run_case(const struct kcase *c, int index)
{
	char dir[64], got[512];
	int status;
	pid_t pid;

	if (!have_spec(c->syscall)) {
		ksft_test_result_code(KSFT_SKIP, c->syscall, "no %s spec built in (%s)", c->syscall,
				      c->call);
		return;
	}
	snprintf(dir, sizeof(dir), WORK "/%d", index);
	work_dir(dir);
	/* Past the umask: the case may run as uid 65534. */
	chmod(dir, 0777);
	memset(res, 0, sizeof(*res));
	pid = child_start();
	if (pid == 0) {
		long r;

		if (chdir(dir))
			kc_die("chdir");
		if (c->flags & KC_NOBODY)
			drop_privileges();
		/* The parent's watchdog handler is not the child's: its alarm, not handled, kills it. */
		signal(SIGALRM, SIG_DFL);
		alarm(10);
		errno = 0;
		r = c->run();
		res->err = r < 0 ? errno : 0;
		res->ret = r;
		res->returned = 1;
		_exit(0);
	}
	/* The child's alarm kills it; a child that blocked SIGALRM is killed after WATCHDOG_S. */
	child_wait(pid, &status, WATCHDOG_S);
	trace_reports(got, sizeof(got), ' ', "");

	const char *want = c->reports ? c->reports : "";
	int err_ok, rep_ok = strcmp(got, want) == 0;
	char outcome[80];

	if (res->returned) {
		err_ok = res->err == c->err;
		snprintf(outcome, sizeof(outcome), "%s", errname(res->err));
	} else if ((c->flags & KC_EXECS) && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		err_ok = c->err == 0;
		snprintf(outcome, sizeof(outcome), "success (exec'd)");
	} else {
		err_ok = 0;
		if (WIFSIGNALED(status))
			snprintf(outcome, sizeof(outcome), "child killed by signal %d%s",
				 WTERMSIG(status), WTERMSIG(status) == SIGALRM ? " (timeout)" : "");
		else
			snprintf(outcome, sizeof(outcome), "child exited %d without returning",
				 WEXITSTATUS(status));
	}
	ksft_test_result(err_ok && rep_ok, "%s: %s = %s; reports: %s\n", c->syscall, c->call,
			 errname(c->err), want[0] ? want : "none");
	if (!(err_ok && rep_ok))
		ksft_print_msg("  got: %s; reports: %s\n", outcome, got[0] ? got : "none");
}

static int selected(const struct kgroup *g, const struct kcase *c, int argc, char **argv)
{
	if (argc == 0)
		return 1;
	for (int i = 0; i < argc; i++)
		if (!strcmp(argv[i], g->name) || !strcmp(argv[i], c->syscall))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	int list = argc > 1 && !strcmp(argv[1], "-l");
	int index = 0;

	if (list) {
		argc--;
		argv++;
	}
	argc--;
	argv++;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (alarm_interrupts()) {
		perror("sigaction SIGALRM");
		return 2;
	}
	if (list) {
		for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
			for (size_t i = 0; i < groups[g]->n; i++)
				if (selected(groups[g], &groups[g]->cases[i], argc, argv))
					printf("%s %s: %s = %s; reports: %s\n", groups[g]->name,
					       groups[g]->cases[i].syscall, groups[g]->cases[i].call,
					       errname(groups[g]->cases[i].err),
					       groups[g]->cases[i].reports && groups[g]->cases[i].reports[0] ?
						       groups[g]->cases[i].reports : "none");
		return 0;
	}
	/* KTAP v1 (kselftest.h's header line says TAP 13), the plan first: the selected cases. */
	printf("KTAP version 1\n");
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		for (size_t i = 0; i < groups[g]->n; i++)
			index += selected(groups[g], &groups[g]->cases[i], argc, argv);
	ksft_set_plan(index);
	index = 0;
	res = shared_alloc(sizeof(*res));
	if (work_tmpfs(WORK))
		ksft_exit_fail_msg("mount tmpfs on " WORK ": %s\n", strerror(errno));
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		for (size_t i = 0; i < groups[g]->n; i++)
			if (selected(groups[g], &groups[g]->cases[i], argc, argv))
				run_case(&groups[g]->cases[i], index++);
	umount2(WORK, MNT_DETACH);
	ksft_finished();
}

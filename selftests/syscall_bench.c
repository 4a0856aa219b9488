// SPDX-License-Identifier: GPL-2.0
/*
 * syscall_bench: times tight loops of one syscall, for `make bench` (selftests/kapi_bench.sh).
 *
 *   syscall_bench [-n CALLS] [-r ROUNDS] [-p PROCS] CASE...
 *
 * For each CASE it makes CALLS calls per round, ROUNDS rounds, and prints the fastest round as
 *
 *   case=CASE procs=PROCS calls=CALLS ns=NS.N
 *
 * (NS.N: nanoseconds per call by CLOCK_MONOTONIC; under QEMU's -icount shift=0 the guest clock
 * counts executed instructions, so NS.N is then instructions per call and exactly repeatable).
 * With -p, PROCS processes run the rounds at the same time (they start together) and NS.N is
 * the mean over them of each one's fastest round: with one process per CPU it shows how the
 * per-call cost scales when every CPU makes syscalls.
 *
 * Cases (each checks once, before timing, that the call returns what the case expects):
 *   getppid        a syscall without a spec
 *   munlock        munlock(page, 4096) of a page that is not locked: valid, returns 0
 *   mlock2         mlock2(page, 4096, 0): valid, returns 0 (the page stays locked)
 *   mlock2_einval  mlock2(page, 4096, 0x80): flags outside MLOCK_ONFAULT, returns EINVAL
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char page_a[4096] __attribute__((aligned(4096)));	/* never locked */
static char page_b[4096] __attribute__((aligned(4096)));	/* locked by the mlock2 case */

struct bench_case {
	const char *name;
	long (*call)(void);
	long expect_ret;	/* what the call must return */
	int expect_errno;	/* with this errno when expect_ret is -1 */
};

static long call_getppid(void) { return syscall(SYS_getppid); }
static long call_munlock(void) { return syscall(SYS_munlock, page_a, sizeof(page_a)); }
static long call_mlock2(void) { return syscall(SYS_mlock2, page_b, sizeof(page_b), 0); }
static long call_mlock2_einval(void) { return syscall(SYS_mlock2, page_a, sizeof(page_a), 0x80); }

static const struct bench_case cases[] = {
	{ "getppid", call_getppid, -2, 0 },	/* -2: any pid */
	{ "munlock", call_munlock, 0, 0 },
	{ "mlock2", call_mlock2, 0, 0 },
	{ "mlock2_einval", call_mlock2_einval, -1, EINVAL },
};

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* The fastest of `rounds` rounds of `calls` calls, in ns per call. */
static double best_round(const struct bench_case *c, long calls, int rounds)
{
	double best = -1;

	for (int r = 0; r < rounds; r++) {
		double start = now_ns();

		for (long i = 0; i < calls; i++)
			c->call();
		double ns = (now_ns() - start) / calls;

		if (best < 0 || ns < best)
			best = ns;
	}
	return best;
}

static int check_case(const struct bench_case *c)
{
	long ret;

	errno = 0;
	ret = c->call();
	if (c->expect_ret == -2 ? ret > 0 :
	    ret == c->expect_ret && (ret != -1 || errno == c->expect_errno))
		return 0;
	fprintf(stderr, "syscall_bench: %s returned %ld (%s), expected %ld%s%s\n", c->name, ret,
		strerror(errno), c->expect_ret, c->expect_errno ? " with " : "",
		c->expect_errno ? strerror(c->expect_errno) : "");
	return -1;
}

/* Runs `c` in `procs` processes that start together; returns the mean of their best rounds. */
static int run_parallel(const struct bench_case *c, long calls, int rounds, int procs, double *ns)
{
	int go[2], res[2];
	double sum = 0;

	if (pipe(go) || pipe(res))
		return perror("syscall_bench: pipe"), -1;
	for (int p = 0; p < procs; p++) {
		pid_t pid = fork();

		if (pid < 0)
			return perror("syscall_bench: fork"), -1;
		if (pid == 0) {
			char b;
			double best;

			close(go[1]);
			if (read(go[0], &b, 1) < 0)	/* EOF when the parent closes go[1] */
				_exit(1);
			best = best_round(c, calls, rounds);
			_exit(write(res[1], &best, sizeof(best)) == sizeof(best) ? 0 : 1);
		}
	}
	close(go[0]);
	close(res[1]);
	close(go[1]);	/* start them all */
	for (int p = 0; p < procs; p++) {
		double best;

		if (read(res[0], &best, sizeof(best)) != sizeof(best)) {
			fprintf(stderr, "syscall_bench: a worker of %s failed\n", c->name);
			return -1;
		}
		sum += best;
	}
	close(res[0]);
	while (wait(NULL) > 0)
		;
	*ns = sum / procs;
	return 0;
}

int main(int argc, char **argv)
{
	long calls = 100000;
	int rounds = 5, procs = 1, opt, rc = 0;

	while ((opt = getopt(argc, argv, "n:r:p:")) != -1) {
		switch (opt) {
		case 'n': calls = atol(optarg); break;
		case 'r': rounds = atoi(optarg); break;
		case 'p': procs = atoi(optarg); break;
		default: goto usage;
		}
	}
	if (optind == argc || calls < 1 || rounds < 1 || procs < 1 || procs > 64)
		goto usage;

	for (int a = optind; a < argc; a++) {
		const struct bench_case *c = NULL;
		double ns;

		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
			if (!strcmp(argv[a], cases[i].name))
				c = &cases[i];
		if (!c) {
			fprintf(stderr, "syscall_bench: unknown case '%s'\n", argv[a]);
			goto usage;
		}
		if (check_case(c)) {
			rc = 1;
			continue;
		}
		if (procs == 1)
			ns = best_round(c, calls, rounds);
		else if (run_parallel(c, calls, rounds, procs, &ns)) {
			rc = 1;
			continue;
		}
		printf("case=%s procs=%d calls=%ld ns=%.1f\n", c->name, procs, calls, ns);
		fflush(stdout);
	}
	return rc;

usage:
	fprintf(stderr, "usage: syscall_bench [-n CALLS] [-r ROUNDS] [-p PROCS] "
		"getppid|munlock|mlock2|mlock2_einval...\n");
	return 2;
}

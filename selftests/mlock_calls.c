// SPDX-License-Identifier: GPL-2.0
/*
 * mlock_calls: makes one mlock-family call named on the command line and prints its result,
 * so shell tests can provoke exactly one (in)valid call and check what the validator reported.
 *
 * Usage: mlock_calls CALL [ARGS...]
 *   mlock2 LEN FLAGS         mlock2(page, LEN, FLAGS)
 *   mlock LEN                mlock(page, LEN)
 *   munlock LEN              munlock(page, LEN)
 *   mlockall FLAGS           mlockall(FLAGS)
 *   munlockall               munlockall()
 *   mlock2_at START LEN FLAGS  mlock2 on an absolute START address
 *   mlock_at START LEN       mlock on an absolute START address
 *   munlock_at START LEN     munlock on an absolute START address
 *   interrupt CALL           makes CALL (mlock, mlock2, munlock, mlockall or munlockall) over
 *                            and over until killed, so that a SIGKILL sent from outside can
 *                            land while the call waits for the mmap lock or populates pages,
 *                            which fails it with EINTR. mlock and mlock2 lock a 256 MiB
 *                            mapping (long to populate); for the others a second thread keeps
 *                            taking the mmap lock for writing (mmap/munmap). Never returns.
 *   repeat N CALL ARGS...    makes CALL (one of the above) N times, printing the last result
 *   sched_getscheduler       sched_getscheduler(0) (a test-variant spec gives it a wrong
 *                            return range)
 *   demo                     a few valid and invalid calls
 *   valid [ROUNDS [DIR]]     ROUNDS (default 1) rounds of calls that break no constraint of the
 *                            specs: on anonymous, file-backed (a file in DIR, default /tmp) and
 *                            split mappings, from two threads and a forked child at once. Some
 *                            fail by design with an errno the specs declare (ENOMEM for a hole
 *                            or a PROT_NONE mapping; EPERM or ENOMEM under RLIMIT_MEMLOCK), so
 *                            the validator must report nothing. Prints the first round and a
 *                            summary; exits 1 only if the set-up (mmap, open, fork) fails.
 * Numbers are taken by strtoull (decimal, 0x hex, or negative).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static char page[4 * 4096] __attribute__((aligned(4096)));

static unsigned long num(const char *s)
{
	return strtoull(s, NULL, 0);
}

static int show(const char *what, long ret)
{
	if (ret < 0)
		printf("%s = -1 %s (%s)\n", what, strerrorname_np(errno), strerror(errno));
	else
		printf("%s = %ld\n", what, ret);
	return 0;
}

/* The valid mode: counts of calls and failures, printing only while `verbose`. */
static int verbose;
static unsigned long ncalls, nfailed, nskipped;
static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;

static void vcall(const char *what, long ret)
{
	int err = errno;

	pthread_mutex_lock(&count_lock);
	ncalls++;
	if (ret < 0)
		nfailed++;
	pthread_mutex_unlock(&count_lock);
	if (verbose) {
		errno = err;
		show(what, ret);
	}
}

#define PG 4096UL

static char *map_anon(unsigned long pages, int prot)
{
	char *m = mmap(NULL, pages * PG, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m != MAP_FAILED)
		return m;
	/* Under MCL_FUTURE (set by another thread) a small RLIMIT_MEMLOCK makes mmap fail. */
	pthread_mutex_lock(&count_lock);
	nskipped++;
	pthread_mutex_unlock(&count_lock);
	return NULL;
}

/* One round on a private anonymous mapping of 16 pages: whole, partial, unaligned, split. */
static void anon_round(void)
{
	char *m = map_anon(16, PROT_READ | PROT_WRITE);
	unsigned long a = (unsigned long)m;

	if (!m)
		return;

	vcall("mlock(m, 16 pages)                ", syscall(SYS_mlock, a, 16 * PG));
	vcall("mlock(m + 100, 1)                 ", syscall(SYS_mlock, a + 100, 1));
	vcall("mlock(m, 0)                       ", syscall(SYS_mlock, a, 0));
	vcall("munlock(m + 4 pages, 4 pages)     ", syscall(SYS_munlock, a + 4 * PG, 4 * PG));
	vcall("munlock(m, 16 pages)              ", syscall(SYS_munlock, a, 16 * PG));
	vcall("mlock2(m, 8 pages, 0)             ", syscall(SYS_mlock2, a, 8 * PG, 0));
	vcall("mlock2(m + 8 pages, 8 pages, ONF) ", syscall(SYS_mlock2, a + 8 * PG, 8 * PG, MLOCK_ONFAULT));
	memset(m, 1, 16 * PG);
	vcall("mlock2(m + 123, 5000, ONFAULT)    ", syscall(SYS_mlock2, a + 123, 5000, MLOCK_ONFAULT));
	vcall("munlock(m + 1, 16 pages - 1)      ", syscall(SYS_munlock, a + 1, 16 * PG - 1));
	/* A hole in the middle: ENOMEM (declared), the pages before it are locked. */
	munmap(m + 6 * PG, PG);
	vcall("mlock(m, 16 pages) over a hole    ", syscall(SYS_mlock, a, 16 * PG));
	vcall("mlock2(m, 16 pages, ONF) over hole", syscall(SYS_mlock2, a, 16 * PG, MLOCK_ONFAULT));
	vcall("munlock(m, 16 pages) over a hole  ", syscall(SYS_munlock, a, 16 * PG));
	vcall("munlock(hole, 1 page)             ", syscall(SYS_munlock, a + 6 * PG, PG));
	munmap(m, 16 * PG);
	/* PROT_NONE cannot be populated: ENOMEM (declared) for mlock, fine for munlock. */
	m = map_anon(2, PROT_NONE);
	a = (unsigned long)m;
	if (!m)
		return;
	vcall("mlock(prot_none, 2 pages)         ", syscall(SYS_mlock, a, 2 * PG));
	vcall("munlock(prot_none, 2 pages)       ", syscall(SYS_munlock, a, 2 * PG));
	munmap(m, 2 * PG);
}

/* One round on a file of 4 pages in DIR: shared and private mappings. */
static void file_round(const char *dir)
{
	char path[4096];
	char *s, *p;
	int fd;

	snprintf(path, sizeof(path), "%s/mlock_calls.%d", dir, (int)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, 4 * PG)) {
		perror("mlock_calls: file");
		exit(1);
	}
	s = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	p = mmap(NULL, 4 * PG, PROT_READ, MAP_PRIVATE, fd, 0);
	if (s == MAP_FAILED || p == MAP_FAILED) {
		/* As in map_anon(): MCL_FUTURE with a small RLIMIT_MEMLOCK. */
		pthread_mutex_lock(&count_lock);
		nskipped++;
		pthread_mutex_unlock(&count_lock);
		if (s != MAP_FAILED)
			munmap(s, 4 * PG);
		if (p != MAP_FAILED)
			munmap(p, 4 * PG);
		close(fd);
		unlink(path);
		return;
	}
	vcall("mlock(shared file, 4 pages)       ", syscall(SYS_mlock, (unsigned long)s, 4 * PG));
	memset(s, 2, 4 * PG);
	vcall("mlock2(private file, 4 pages, 0)  ", syscall(SYS_mlock2, (unsigned long)p, 4 * PG, 0));
	vcall("munlock(shared file, 4 pages)     ", syscall(SYS_munlock, (unsigned long)s, 4 * PG));
	vcall("munlock(private file, 4 pages)    ", syscall(SYS_munlock, (unsigned long)p, 4 * PG));
	munmap(s, 4 * PG);
	munmap(p, 4 * PG);
	close(fd);
	unlink(path);
}

/* One round of the whole-address-space calls. */
static void all_round(void)
{
	char *m;

	vcall("mlockall(MCL_CURRENT)             ", syscall(SYS_mlockall, MCL_CURRENT));
	vcall("munlockall()                      ", syscall(SYS_munlockall));
	vcall("mlockall(MCL_FUTURE)              ", syscall(SYS_mlockall, MCL_FUTURE));
	m = map_anon(4, PROT_READ | PROT_WRITE);
	vcall("munlockall()                      ", syscall(SYS_munlockall));
	if (m)
		munmap(m, 4 * PG);
	vcall("mlockall(CURRENT|FUTURE|ONFAULT)  ",
	      syscall(SYS_mlockall, MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT));
	vcall("mlockall(MCL_FUTURE|MCL_ONFAULT)  ", syscall(SYS_mlockall, MCL_FUTURE | MCL_ONFAULT));
	vcall("munlockall()                      ", syscall(SYS_munlockall));
}

static void *thread_rounds(void *arg)
{
	long rounds = (long)arg;

	for (long i = 0; i < rounds; i++)
		anon_round();
	return NULL;
}

static int valid(long rounds, const char *dir)
{
	pthread_t th;
	pid_t child;
	int status;

	verbose = 1;
	anon_round();
	file_round(dir);
	all_round();
	verbose = 0;
	/* The rest at once: a thread on its own mappings, a child on the whole space, this thread. */
	if (pthread_create(&th, NULL, thread_rounds, (void *)rounds)) {
		fprintf(stderr, "mlock_calls: pthread_create failed\n");
		return 1;
	}
	child = fork();
	if (child < 0) {
		perror("mlock_calls: fork");
		return 1;
	}
	if (child == 0) {
		for (long i = 0; i < rounds; i++)
			all_round();
		_exit(0);
	}
	for (long i = 0; i < rounds; i++) {
		file_round(dir);
		all_round();
		anon_round();
	}
	pthread_join(th, NULL);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "mlock_calls: the child failed\n");
		return 1;
	}
	printf("valid: %lu calls in this process, %lu failed (declared errnos expected), %lu rounds skipped\n",
	       ncalls, nfailed, nskipped);
	return 0;
}

/* Keeps taking the mmap lock for writing, so that the mlock-family calls wait for it. */
static void *mmap_churn(void *arg)
{
	(void)arg;
	for (;;) {
		void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p != MAP_FAILED)
			munmap(p, 4096);
	}
	return NULL;
}

static int interrupt(const char *call)
{
	const unsigned long big = 256UL << 20;
	char *region = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pthread_t t;

	if (region == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	if (strcmp(call, "mlock") && strcmp(call, "mlock2") &&
	    pthread_create(&t, NULL, mmap_churn, NULL)) {
		perror("pthread_create");
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		if (!strcmp(call, "mlock")) {
			syscall(SYS_mlock, region, big);
			syscall(SYS_munlock, region, big);
		} else if (!strcmp(call, "mlock2")) {
			syscall(SYS_mlock2, region, big, 0);
			syscall(SYS_munlock, region, big);
		} else if (!strcmp(call, "munlock")) {
			syscall(SYS_munlock, (unsigned long)page, 4096);
		} else if (!strcmp(call, "mlockall")) {
			syscall(SYS_mlockall, MCL_FUTURE);
		} else if (!strcmp(call, "munlockall")) {
			syscall(SYS_munlockall);
		} else {
			fprintf(stderr, "interrupt: unknown call %s\n", call);
			return 2;
		}
	}
}

int main(int argc, char **argv)
{
	unsigned long p = (unsigned long)page;
	const char *c = argc > 1 ? argv[1] : "";

	/* repeat N CALL ARGS...: CALL made N times, its output shown for the last one only. */
	if (!strcmp(c, "repeat") && argc >= 4) {
		long n = (long)num(argv[2]);
		int out = dup(STDOUT_FILENO);

		if (out < 0 || !freopen("/dev/null", "w", stdout))
			return 1;
		for (long i = 1; i < n; i++)
			main(argc - 2, argv + 2);
		fflush(stdout);
		dup2(out, STDOUT_FILENO);
		return main(argc - 2, argv + 2);
	}

	if (!strcmp(c, "mlock2") && argc == 4)
		return show("mlock2", syscall(SYS_mlock2, p, num(argv[2]), num(argv[3])));
	if (!strcmp(c, "mlock2_at") && argc == 5)
		return show("mlock2", syscall(SYS_mlock2, num(argv[2]), num(argv[3]), num(argv[4])));
	if (!strcmp(c, "mlock") && argc == 3)
		return show("mlock", syscall(SYS_mlock, p, num(argv[2])));
	if (!strcmp(c, "munlock") && argc == 3)
		return show("munlock", syscall(SYS_munlock, p, num(argv[2])));
	if (!strcmp(c, "mlockall") && argc == 3)
		return show("mlockall", syscall(SYS_mlockall, num(argv[2])));
	if (!strcmp(c, "munlockall") && argc == 2)
		return show("munlockall", syscall(SYS_munlockall));
	if (!strcmp(c, "mlock_at") && argc == 4)
		return show("mlock", syscall(SYS_mlock, num(argv[2]), num(argv[3])));
	if (!strcmp(c, "munlock_at") && argc == 4)
		return show("munlock", syscall(SYS_munlock, num(argv[2]), num(argv[3])));
	if (!strcmp(c, "interrupt") && argc == 3)
		return interrupt(argv[2]);
	if (!strcmp(c, "sched_getscheduler") && argc == 2)
		return show("sched_getscheduler", syscall(SYS_sched_getscheduler, 0));
	if (!strcmp(c, "demo") && argc == 2) {
		show("mlock2(page, 4096, 0)             ", syscall(SYS_mlock2, p, 4096, 0));
		show("munlock(page, 4096)               ", syscall(SYS_munlock, p, 4096));
		show("mlock2(page, 4096, 0x80)          ", syscall(SYS_mlock2, p, 4096, 0x80));
		show("mlockall(MCL_ONFAULT)             ", syscall(SYS_mlockall, MCL_ONFAULT));
		show("mlockall(0x100)                   ", syscall(SYS_mlockall, 0x100));
		show("mlock(page, 0x8000000000000000)   ", syscall(SYS_mlock, p, 0x8000000000000000UL));
		return 0;
	}
	if (!strcmp(c, "valid") && argc >= 2 && argc <= 4)
		return valid(argc > 2 ? (long)num(argv[2]) : 1, argc > 3 ? argv[3] : "/tmp");
	fprintf(stderr, "usage: see the header of mlock_calls.c\n");
	return 2;
}

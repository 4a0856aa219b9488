// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_threads: many threads blocked at once in syscalls with a spec, for the validator's exit
 * side (kapi_variant.sh runs it on the test variant of the module).
 *
 *   kapi_threads [THREADS]
 *
 * Half of THREADS (default 10000) block in read() on pipes (a few hundred readers per pipe),
 * the other half in epoll_wait() (each on its own epoll instance watching one shared eventfd).
 * A second process makes valid read/write/epoll_wait calls all the while. Once /proc shows
 * every thread blocked in its call, the main thread makes two calls the test variant's specs
 * judge wrongly on purpose (mlock2 with flags 0x80, munlock of two pages: an oracle verdict
 * each, at exit), then wakes everybody (one eventfd write, one pipe write per pipe), joins the
 * threads and stops the other process.
 *
 * The statistics are reset before and read after, by this program with writev()/readv()
 * (syscalls the variant has no spec for), so that nothing but this program's own calls is
 * counted. Every call with a spec that it (or the other process) makes goes through a wrapper
 * that counts it. It prints one line per syscall:
 *
 *   count <syscall> made=<n> calls=<n> exits=<n> untracked=<n>
 *
 * and "blocked=<n> of <n>" once the threads are all in their calls; kapi_variant.sh checks
 * made = calls = exits and untracked 0. Exit status 0, or 2 when the test could not be set up
 * (a message on stderr says why).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define STATS DBG "/stats"
#define READERS_PER_PIPE 250
#define STACK_SIZE (64 * 1024)
#define BLOCK_TIMEOUT_S 300

/* The syscalls with a spec this program makes, and how many of each (shared with the child). */
enum { S_READ, S_WRITE, S_EPOLL_WAIT, S_EPOLL_CREATE1, S_EPOLL_CTL, S_EVENTFD2, S_PIPE2,
       S_MLOCK2, S_MUNLOCK, NSYS };
static const char *const names[NSYS] = {
	"read", "write", "epoll_wait", "epoll_create1", "epoll_ctl", "eventfd2", "pipe2",
	"mlock2", "munlock",
};

struct shared {
	atomic_ulong made[NSYS];
	atomic_int stop;
};
static struct shared *sh;

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "kapi_threads: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, " (%s)\n", strerror(errno));
	va_end(ap);
	exit(2);
}

/* Makes syscall s (raw, so that libc picks no other one) and counts it. */
static long call(int s, long nr, long a, long b, long c, long d)
{
	atomic_fetch_add(&sh->made[s], 1);
	return syscall(nr, a, b, c, d);
}

struct waiter {
	pthread_t thread;
	atomic_int tid;	/* set by the thread once it runs */
	int fd;		/* the pipe's read end, or the epoll instance */
	int epoll;	/* which call */
};

static void *wait_in_call(void *arg)
{
	struct waiter *w = arg;
	struct epoll_event ev;
	char c;

	atomic_store(&w->tid, gettid());
	if (w->epoll)
		call(S_EPOLL_WAIT, SYS_epoll_wait, w->fd, (long)&ev, 1, -1);
	else
		call(S_READ, SYS_read, w->fd, (long)&c, 1, 0);
	return NULL;
}

/* Whether thread tid is asleep in syscall nr (/proc/self/task/TID/syscall starts with nr). */
static int blocked_in(pid_t tid, long nr)
{
	char path[64], buf[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", tid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = call(S_READ, SYS_read, fd, (long)buf, sizeof(buf) - 1, 0);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	return strtol(buf, NULL, 10) == nr;
}

/* The other process: valid calls with a spec, until told to stop. */
static void other(void)
{
	struct epoll_event ev;
	int p[2], ep;
	char c = 'x';

	if (call(S_PIPE2, SYS_pipe2, (long)p, 0, 0, 0) < 0)
		die("pipe2");
	ep = call(S_EPOLL_CREATE1, SYS_epoll_create1, 0, 0, 0, 0);
	if (ep < 0)
		die("epoll_create1");
	while (!atomic_load(&sh->stop)) {
		call(S_WRITE, SYS_write, p[1], (long)&c, 1, 0);
		call(S_READ, SYS_read, p[0], (long)&c, 1, 0);
		call(S_EPOLL_WAIT, SYS_epoll_wait, ep, (long)&ev, 1, 0);
	}
	_exit(0);
}

/* The stats columns it prints. */
static const char *const cols[3] = { "calls", "exits", "untracked" };

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 10000;
	int readers = n / 2, epollers = n - readers;
	int npipes = (readers + READERS_PER_PIPE - 1) / READERS_PER_PIPE;
	int (*pipes)[2], efd, stats, blocked = 0;
	static char table[64 * 1024];
	struct waiter *w;
	pthread_attr_t attr;
	struct rlimit rl;
	struct timespec t0, now;
	pid_t child;
	char *page;
	ssize_t len;

	if (n < 2)
		die("THREADS must be at least 2, not '%s'", argv[1]);
	/* Two descriptors per epoll thread's instance and the pipes, with room to spare. */
	rl.rlim_cur = rl.rlim_max = n + 2 * npipes + 64;
	if (setrlimit(RLIMIT_NOFILE, &rl))
		die("setrlimit(RLIMIT_NOFILE, %lu)", (unsigned long)rl.rlim_cur);
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pipes = calloc(npipes, sizeof(*pipes));
	w = calloc(n, sizeof(*w));
	if (sh == MAP_FAILED || page == MAP_FAILED || !pipes || !w)
		die("out of memory");
	/* Everything printed is printed at the end: stdout is a pipe or file, buffered. */
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);

	stats = open(STATS, O_RDWR);
	if (stats < 0)
		die("open %s", STATS);
	if (writev(stats, &(struct iovec){ .iov_base = "0", .iov_len = 1 }, 1) != 1)
		die("resetting %s", STATS);

	efd = call(S_EVENTFD2, SYS_eventfd2, 0, 0, 0, 0);
	if (efd < 0)
		die("eventfd2");
	for (int i = 0; i < npipes; i++)
		if (call(S_PIPE2, SYS_pipe2, (long)pipes[i], 0, 0, 0))
			die("pipe2 (%d pipes)", i);
	for (int i = 0; i < n; i++) {
		w[i].epoll = i >= readers;
		if (!w[i].epoll) {
			w[i].fd = pipes[i / READERS_PER_PIPE][0];
			continue;
		}
		struct epoll_event ev = { .events = EPOLLIN };

		w[i].fd = call(S_EPOLL_CREATE1, SYS_epoll_create1, 0, 0, 0, 0);
		if (w[i].fd < 0)
			die("epoll_create1 (%d instances)", i - readers);
		if (call(S_EPOLL_CTL, SYS_epoll_ctl, w[i].fd, EPOLL_CTL_ADD, efd, (long)&ev))
			die("epoll_ctl");
	}

	child = fork();
	if (child < 0)
		die("fork");
	if (child == 0)
		other();

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, STACK_SIZE);
	for (int i = 0; i < n; i++)
		if ((errno = pthread_create(&w[i].thread, &attr, wait_in_call, &w[i])))
			die("pthread_create (%d threads; raise /proc/sys/kernel/threads-max?)", i);

	/* Until every thread sleeps in its call. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < n; i++) {
		while (!atomic_load(&w[i].tid) ||
		       !blocked_in(atomic_load(&w[i].tid), w[i].epoll ? SYS_epoll_wait : SYS_read)) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			if (now.tv_sec - t0.tv_sec > BLOCK_TIMEOUT_S) {
				errno = ETIMEDOUT;
				die("thread %d of %d not blocked in its call after %d s", i, n,
				    BLOCK_TIMEOUT_S);
			}
			usleep(1000);
		}
		blocked++;
	}

	/* Judged at their exits while every thread is blocked: an oracle verdict each. */
	call(S_MLOCK2, SYS_mlock2, (long)page, 4096, 0x80, 0);
	call(S_MUNLOCK, SYS_munlock, (long)page, 8192, 0, 0);

	/* Wake everybody: every epoll instance sees the eventfd readable; each pipe gets a byte
	 * per reader, and each reader that leaves one wakes the next. */
	uint64_t one = 1;
	char bytes[READERS_PER_PIPE];

	memset(bytes, 'x', sizeof(bytes));
	if (call(S_WRITE, SYS_write, efd, (long)&one, sizeof(one), 0) != sizeof(one))
		die("write to the eventfd");
	for (int i = 0; i < npipes; i++) {
		int k = readers - i * READERS_PER_PIPE;

		k = k < READERS_PER_PIPE ? k : READERS_PER_PIPE;
		if (call(S_WRITE, SYS_write, pipes[i][1], (long)bytes, k, 0) != k)
			die("write to pipe %d", i);
	}
	for (int i = 0; i < n; i++)
		pthread_join(w[i].thread, NULL);
	atomic_store(&sh->stop, 1);
	if (waitpid(child, NULL, 0) != child)
		die("waitpid");

	/* A fresh open: the reset left this one's position after the write. */
	close(stats);
	stats = open(STATS, O_RDONLY);
	if (stats < 0)
		die("open %s", STATS);
	len = readv(stats, &(struct iovec){ .iov_base = table, .iov_len = sizeof(table) - 1 }, 1);
	if (len <= 0)
		die("reading %s", STATS);
	table[len] = 0;

	printf("blocked=%d of %d (%d in read on %d pipes, %d in epoll_wait)\n", blocked, n,
	       readers, npipes, epollers);
	for (int s = 0; s < NSYS; s++) {
		long v[3];

		stats_row(table, names[s], cols, 3, v);
		printf("count %s made=%lu calls=%ld exits=%ld untracked=%ld\n", names[s],
		       atomic_load(&sh->made[s]), v[0], v[1], v[2]);
	}
	return 0;
}

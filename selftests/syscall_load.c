// SPDX-License-Identifier: GPL-2.0
/*
 * syscall_load: makes syscalls as fast as it can for a given number of seconds (or until sent
 * SIGTERM), one process per CPU, to put the probes under load (e.g. while the module is switched
 * or unloaded).
 * Usage: syscall_load SECONDS [PROCS [mix]]
 * Each process loops over getppid, a valid mlock2 and a valid munlock; with "mix" also over
 * invalid calls: mlock2 with flags 0x80, mlock with len LONG_MAX + 1 and a wrapping munlock
 * (never mlockall, whose counters kapi_stress.sh checks exactly while this runs). Each process
 * prints "syscall_load: process P made N syscalls" when it stops.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop;
static pid_t children[256];
static long nchildren;

static void on_term_child(int sig)
{
	(void)sig;
	stop = 1;
}

static void on_term_parent(int sig)
{
	(void)sig;
	for (long p = 0; p < nchildren; p++)
		kill(children[p], SIGTERM);
}

int main(int argc, char **argv)
{
	static char buf[4096] __attribute__((aligned(4096)));
	int secs = argc > 1 ? atoi(argv[1]) : 1;
	long procs = argc > 2 ? atol(argv[2]) : sysconf(_SC_NPROCESSORS_ONLN);
	int mix = argc > 3 && !strcmp(argv[3], "mix");

	if (procs < 1 || procs > 256)
		procs = 1;
	signal(SIGTERM, on_term_parent);
	for (long p = 0; p < procs; p++) {
		pid_t pid = fork();

		if (pid == 0) {
			time_t end = time(NULL) + secs;
			unsigned long n = 0;

			signal(SIGTERM, on_term_child);
			while (!stop && time(NULL) < end) {
				for (int i = 0; i < 1000; i++) {
					syscall(SYS_getppid);
					syscall(SYS_mlock2, buf, sizeof(buf), 0);
					syscall(SYS_munlock, buf, sizeof(buf));
					if (mix) {
						syscall(SYS_mlock2, buf, sizeof(buf), 0x80);
						syscall(SYS_mlock, buf, 1UL << 63);
						syscall(SYS_munlock, -4096UL, 8192);
					}
				}
				n += mix ? 6000 : 3000;
			}
			printf("syscall_load: process %ld made %lu syscalls\n", p, n);
			fflush(stdout);
			_exit(0);
		}
		if (pid > 0)
			children[nchildren++] = pid;
	}
	while (wait(NULL) > 0 || errno == EINTR)	/* SIGTERM interrupts the wait */
		;
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * syscall_load: makes syscalls as fast as it can for a given number of seconds, one process per
 * CPU, to put the probes under load (e.g. while the module is switched or unloaded).
 * Usage: syscall_load SECONDS [PROCS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char buf[4096] __attribute__((aligned(4096)));
	int secs = argc > 1 ? atoi(argv[1]) : 1;
	long procs = argc > 2 ? atol(argv[2]) : sysconf(_SC_NPROCESSORS_ONLN);

	for (long p = 0; p < procs; p++) {
		if (fork() == 0) {
			time_t end = time(NULL) + secs;
			unsigned long n = 0;

			while (time(NULL) < end) {
				for (int i = 0; i < 1000; i++) {
					syscall(SYS_getppid);
					syscall(SYS_mlock2, buf, sizeof(buf), 0);
					syscall(SYS_munlock, buf, sizeof(buf));
				}
				n += 3000;
			}
			printf("syscall_load: process %ld made %lu syscalls\n", p, n);
			_exit(0);
		}
	}
	while (wait(NULL) > 0)
		;
	return 0;
}

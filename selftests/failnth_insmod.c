// SPDX-License-Identifier: GPL-2.0
/*
 * failnth_insmod: loads a module with the Nth fault-injection point of the load failing, for
 * selftests/kapi_stress.sh (the systematic fail-nth method of
 * Documentation/fault-injection/fault-injection.rst).
 *
 *   failnth_insmod N MODULE.ko [PARAMS]
 *
 * Writes N to /proc/thread-self/fail-nth right before finit_module(), so only the load's own
 * slab allocations (and other enabled fault points) count, and prints one line:
 *
 *   loaded injected=0|1      the load succeeded (injected=1: a fault was injected and survived)
 *   failed injected=0|1 ERR  the load failed with errno ERR
 *
 * injected=0 means the load made fewer than N fault-point calls: every point has been tried.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[32];
	int ko, nth, ret, err;
	ssize_t n;

	if (argc < 3) {
		fprintf(stderr, "usage: failnth_insmod N MODULE.ko [PARAMS]\n");
		return 2;
	}
	ko = open(argv[2], O_RDONLY | O_CLOEXEC);
	nth = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	if (ko < 0 || nth < 0) {
		perror("failnth_insmod: open");
		return 2;
	}
	n = snprintf(buf, sizeof(buf), "%d", atoi(argv[1]));
	if (write(nth, buf, n) != n) {
		perror("failnth_insmod: fail-nth");
		return 2;
	}
	ret = syscall(SYS_finit_module, ko, argc > 3 ? argv[3] : "", 0);
	err = errno;
	/* Reading fail-nth gives 0 once the fault was injected; writing 0 disarms it. */
	n = pread(nth, buf, sizeof(buf) - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	if (write(nth, "0", 1) != 1)
		return 2;
	if (ret == 0)
		printf("loaded injected=%d\n", atoi(buf) == 0);
	else
		printf("failed injected=%d %s\n", atoi(buf) == 0, strerrorname_np(err));
	return ret == 0 ? 0 : 1;
}

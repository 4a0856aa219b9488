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
 *   sched_getscheduler       sched_getscheduler(0) (a test-variant spec gives it a wrong
 *                            return range)
 *   demo                     a few valid and invalid calls
 * Numbers are taken by strtoull (decimal, 0x hex, or negative).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
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

int main(int argc, char **argv)
{
	unsigned long p = (unsigned long)page;
	const char *c = argc > 1 ? argv[1] : "";

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
	fprintf(stderr, "usage: see the header of mlock_calls.c\n");
	return 2;
}

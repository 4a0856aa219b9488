// SPDX-License-Identifier: GPL-2.0
/*
 * Edge cases of the mlock family, run as root and as an unprivileged user with
 * RLIMIT_MEMLOCK of 64 KiB, 0 and infinity. Evidence for specs/DECISIONS.md;
 * the output on the project's 7.2.13 test kernel is mlock_edges.7.2.13.txt.
 *
 *   gcc -O1 -static -o mlock_edges mlock_edges.c   # then run it as root in a VM
 *
 * a: a mapped 1 MiB anonymous region; h: an unmapped page; pn: a PROT_NONE page;
 * M: ULONG_MAX.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/wait.h>

static const char *who;
static void show(const char *what, long r)
{
	printf("%s: %-58s -> %ld (%s)\n", who, what, r, r < 0 ? strerrorname_np(errno) : "ok");
}
#define T(expr) do { errno = 0; long _r = (expr); show(#expr, _r); } while (0)

static long vmlck(void)
{
	FILE *f = fopen("/proc/self/status", "r"); char line[256]; long kb = -1;
	if (!f) return -2;
	while (fgets(line, sizeof line, f)) if (!strncmp(line, "VmLck:", 6)) kb = atol(line + 6);
	fclose(f); return kb;
}

static void tests(void)
{
	const unsigned long M = ~0UL;
	char *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *hole = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *pn = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(hole, 4096);
	unsigned long a = (unsigned long)p, h = (unsigned long)hole;
	T(syscall(SYS_mlock, a, M));
	printf("%s: VmLck %ld kB\n", who, vmlck());
	T(syscall(SYS_mlock, a + 0x800, M));
	printf("%s: VmLck %ld kB\n", who, vmlck());
	T(syscall(SYS_munlock, a, 1 << 20));
	T(syscall(SYS_mlock, a + 0x800, M - 0x7ff));
	T(syscall(SYS_mlock, a + 0x800, M - 0x800 - 4094));
	T(syscall(SYS_mlock, a + 0x800, M - 0x800 - 4095));
	T(syscall(SYS_mlock, h + 0x800, M));
	T(syscall(SYS_mlock, h, M));
	T(syscall(SYS_mlock, h + 1, 0));
	T(syscall(SYS_mlock, a, 0));
	T(syscall(SYS_mlock, 0x1000, M - 4095));
	T(syscall(SYS_mlock, 0xffff800000000000UL, 0x7fffffffffffffffUL));
	T(syscall(SYS_mlock, 0xfffffffffffff000UL, 0x10));
	T(syscall(SYS_mlock, a, 0x8000000000000000UL));
	T(syscall(SYS_mlock, a, 0x7fffffffffffffffUL));
	T(syscall(SYS_mlock, (unsigned long)pn, 4096));
	T(syscall(SYS_mlock, a, 1 << 20));
	T(syscall(SYS_munlock, a, M));
	T(syscall(SYS_munlock, a + 0x800, M));
	T(syscall(SYS_munlock, 0x1000, M - 4095));
	T(syscall(SYS_munlock, h, 4096));
	T(syscall(SYS_munlock, 0xfffffffffffff000UL, 0x10));
	T(syscall(SYS_mlock2, a, 4096, 2));
	T(syscall(SYS_mlock2, a, 4096, 0x100000001L));
	T(syscall(SYS_mlock2, a, 4096, -1L));
	T(syscall(SYS_mlock2, a, 4096, 0xffffffff00000000L));
	T(syscall(SYS_mlock2, h, 4096, 2));
	T(syscall(SYS_mlockall, 4));
	T(syscall(SYS_mlockall, 0));
	T(syscall(SYS_mlockall, 8));
	T(syscall(SYS_mlockall, 0x100000000L));
	T(syscall(SYS_mlockall, 0x100000002L));
	T(syscall(SYS_mlockall, 1));
	T(syscall(SYS_munlockall));
	T(syscall(SYS_mlockall, 6));
	T(syscall(SYS_munlockall));
	T(syscall(SYS_munlock, a, 1 << 20));
}

static void as_user(const char *name, rlim_t lim)
{
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit rl = { lim, lim };
		if (setrlimit(RLIMIT_MEMLOCK, &rl)) perror("setrlimit");
		if (setresgid(1000, 1000, 1000) || setresuid(1000, 1000, 1000)) perror("setresuid");
		who = name;
		tests();
		_exit(0);
	}
	waitpid(pid, NULL, 0);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	who = "root";
	tests();
	as_user("user64k", 65536);
	as_user("user0", 0);
	as_user("userinf", RLIM_INFINITY);
	return 0;
}

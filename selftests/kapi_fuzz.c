// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_fuzz: random argument words for every mlock-family syscall, seeded and reproducible, for
 * selftests/kapi_stress.sh.
 *
 *   kapi_fuzz SEED CALLS
 *
 * Makes CALLS calls of each of mlock, mlock2, munlock, mlockall and munlockall (in a random
 * interleaving), each argument drawn from a pool of boundary values (0, 1, -1, INT_MAX,
 * LONG_MAX, LONG_MAX + 1, page sizes and offsets, valid flag bits, the addresses of a real
 * mapping, of a hole and of the top of the address space) or a random 64-bit word. The same
 * SEED gives the same calls. After a successful mlockall it calls munlockall, so memory stays
 * unlocked (those munlockall calls are counted too).
 *
 * Prints one line per syscall, "fuzz SYSCALL calls=N ok=N" followed by "EXXX=N" per errno seen,
 * and, with -v as a third argument, every call (syscall, arguments, result).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { MLOCK, MLOCK2, MUNLOCK, MLOCKALL, MUNLOCKALL, NCALLS };
static const char *const names[NCALLS] = { "mlock", "mlock2", "munlock", "mlockall", "munlockall" };
static const long nrs[NCALLS] = { SYS_mlock, SYS_mlock2, SYS_munlock, SYS_mlockall, SYS_munlockall };
static const int nargs[NCALLS] = { 2, 3, 2, 1, 0 };

static unsigned long made[NCALLS], ok[NCALLS], errs[NCALLS][4096];
static uint64_t state;

/* xorshift64*: small, seeded, the same sequence everywhere. */
static uint64_t next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545F4914F6CDD1DULL;
}

static unsigned long map, hole;

static unsigned long word(void)
{
	const unsigned long pool[] = {
		0, 1, 2, 3, 4, 5, 7, 8, 0x80, 0x100, 0xff, 4095, 4096, 4097, 8192, 1UL << 20,
		(unsigned long)INT_MAX, (unsigned long)INT_MAX + 1, 0xffffffffUL, 0x100000000UL,
		(unsigned long)LONG_MAX, (unsigned long)LONG_MAX + 1, -1UL, -2UL, -4096UL, -4097UL,
		map, map + 1, map + 4096, map + 3 * 4096, hole, hole + 4096, 0x7ffffffff000UL,
		0x800000000000UL, 0xffff800000000000UL,
	};
	uint64_t r = next();

	switch (r % 4) {
	case 0:
		return next();			/* any word */
	case 1:
		return next() & 0xffffffffUL;	/* any 32-bit word */
	default:
		return pool[(r >> 8) % (sizeof(pool) / sizeof(pool[0]))];
	}
}

int main(int argc, char **argv)
{
	unsigned long calls, a[3];
	int verbose = argc > 3 && !strcmp(argv[3], "-v");
	void *m;

	if (argc < 3) {
		fprintf(stderr, "usage: kapi_fuzz SEED CALLS [-v]\n");
		return 2;
	}
	state = strtoull(argv[1], NULL, 0) * 2 + 1;	/* never 0 */
	calls = strtoul(argv[2], NULL, 0);
	/* A real 4-page mapping, and a hole: a mapping unmapped again. */
	m = mmap(NULL, 8 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return perror("kapi_fuzz: mmap"), 1;
	map = (unsigned long)m;
	hole = map + 4 * 4096;
	munmap((void *)hole, 4 * 4096);

	while (made[MLOCK] + made[MLOCK2] + made[MUNLOCK] + made[MLOCKALL] < 4 * calls) {
		int c = next() % 4;	/* munlockall is made after each mlockall, and on its own */
		long ret;

		if (made[c] >= calls)
			continue;
		for (int i = 0; i < 3; i++)
			a[i] = word();
		if (c == MLOCKALL && next() % 2)
			a[0] &= 7;	/* half the time only known flag bits, to succeed often */
		errno = 0;
		ret = syscall(nrs[c], a[0], a[1], a[2]);
		made[c]++;
		if (ret == 0)
			ok[c]++;
		else if (errno > 0 && errno < 4096)
			errs[c][errno]++;
		if (verbose)
			printf("call %s %d 0x%lx 0x%lx 0x%lx = %ld %s\n", names[c], nargs[c], a[0], a[1],
			       a[2], ret, ret ? strerrorname_np(errno) : "");
		if (c == MLOCKALL || next() % 8 == 0) {
			ret = syscall(SYS_munlockall);
			made[MUNLOCKALL]++;
			if (ret == 0)
				ok[MUNLOCKALL]++;
			else if (errno > 0 && errno < 4096)
				errs[MUNLOCKALL][errno]++;
		}
	}
	for (int c = 0; c < NCALLS; c++) {
		printf("fuzz %s calls=%lu ok=%lu", names[c], made[c], ok[c]);
		for (int e = 1; e < 4096; e++)
			if (errs[c][e])
				printf(" %s=%lu", strerrorname_np(e), errs[c][e]);
		printf("\n");
	}
	return 0;
}

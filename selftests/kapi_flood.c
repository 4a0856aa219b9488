// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_flood: a flood of argument reports, then one disagreement, for the test of dmesg's
 * per-kind rate limits (kapi_variant.sh runs it on the test variant of the module).
 *
 *   kapi_flood N
 *
 * Makes N calls read(-1, buf, 1) (each breaks read's fd constraint and gets the EBADF the spec
 * predicts: one arg report each, no disagreement), then mlock2() on an unmapped page, which
 * fails with ENOMEM, an errno the test variant's mlock2 spec does not declare (one
 * undeclared_errno report). Prints "flood=N read=EBADF mlock2=ENOMEM" when every call failed as
 * expected; exit status 0, or 1 with a message on stderr.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 0;
	char c;
	void *page;

	if (n <= 0) {
		fprintf(stderr, "usage: kapi_flood N (N > 0)\n");
		return 1;
	}
	for (long i = 0; i < n; i++) {
		if (syscall(SYS_read, -1, &c, 1) != -1 || errno != EBADF) {
			fprintf(stderr, "kapi_flood: read(-1) call %ld: %s\n", i, strerror(errno));
			return 1;
		}
	}
	/* A page that was mapped and is not any more. */
	page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED || munmap(page, 4096)) {
		perror("kapi_flood: mmap/munmap");
		return 1;
	}
	if (syscall(SYS_mlock2, page, 4096, 0) != -1 || errno != ENOMEM) {
		fprintf(stderr, "kapi_flood: mlock2 on an unmapped page: %s\n", strerror(errno));
		return 1;
	}
	printf("flood=%ld read=EBADF mlock2=ENOMEM\n", n);
	return 0;
}

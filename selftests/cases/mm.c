// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the mm group: mmap, munmap, mprotect, mremap, msync, mincore, madvise.
 * The reasoning behind each expected outcome is in specs/decisions/mm.md.
 *
 * Each constraint rule of these specs (one argument broken at its boundaries, the others valid)
 * is proven by the calls generated from the specs (`kapi cases` -> kapi_cases.txt, run by
 * kapi_conform), not here. These cases are the rest: valid calls, errnos that need state (limits,
 * sysctls, privileges, signals, file and mapping state) and combinations (which errno and which
 * reports win when a rule breaks together with another rule, a bad pointer or a bad descriptor).
 */
#include "cases.h"

#include <sys/mount.h>

/*
 * Newer than the build host's (Debian 12) headers; kapi_cases is not built against the kernel's
 * uapi headers. Values from the 7.2 tree: arch/x86/entry/syscalls/syscall_64.tbl and
 * include/uapi/asm-generic/mman-common.h.
 */
#ifndef __NR_mseal
#define __NR_mseal 462
#endif
#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#endif
#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE 0x08
#endif

#define PG ((unsigned long)kc_page_size())
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static char *pages(size_t n)
{
	return kc_pages(n);
}

static char *hole(size_t n)
{
	return kc_hole(n);
}

static void seal(void *p, size_t len)
{
	if (syscall(__NR_mseal, p, len, 0))
		kc_die("mseal");
}

/* A shared mapping of n pages of a new file ./f of n pages, read-write. */
static char *shared_file(size_t n)
{
	int fd = kc_file("f", n * PG);
	char *p = mmap(NULL, n * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		kc_die("mmap f");
	return p;
}

#define MAX_MAP_COUNT "/proc/sys/vm/max_map_count"
#define FILE_MAX "/proc/sys/fs/file-max"

/* ---------------------------------------------------------------- mmap */

static long mmap_anon(void)
{
	return syscall(SYS_mmap, 0, PG, PROT_READ | PROT_WRITE, ANON, -1, 0);
}

static long mmap_file_shared(void)
{
	int fd = kc_file("f", 2 * PG);

	return syscall(SYS_mmap, 0, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PG);
}

static long mmap_fixed(void)
{
	char *p = pages(2);

	return syscall(SYS_mmap, p, PG, PROT_READ, ANON | MAP_FIXED, -1, 0);
}

static long mmap_droppable(void)
{
	return syscall(SYS_mmap, 0, PG, PROT_READ | PROT_WRITE, MAP_DROPPABLE | MAP_ANONYMOUS, -1, 0);
}

static long mmap_len0_off_unaligned(void)
{
	return syscall(SYS_mmap, 0, 0, PROT_READ, ANON, -1, 1);
}

static long mmap_len0_badfd(void)
{
	return syscall(SYS_mmap, 0, 0, PROT_READ, MAP_PRIVATE, -1, 0);
}

static long mmap_badfd(void)
{
	return syscall(SYS_mmap, 0, PG, PROT_READ, MAP_PRIVATE, -1, 0);
}

static long mmap_type0(void)
{
	return syscall(SYS_mmap, 0, PG, PROT_READ, MAP_ANONYMOUS, -1, 0);
}

static long mmap_validate_anon(void)
{
	return syscall(SYS_mmap, 0, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0);
}

static long mmap_hugetlb(void)
{
	return syscall(SYS_mmap, 0, PG, PROT_READ, ANON | MAP_HUGETLB, -1, 0);
}

static long mmap_fixed_unaligned(void)
{
	char *p = pages(2);

	return syscall(SYS_mmap, p + 1, PG, PROT_READ, ANON | MAP_FIXED, -1, 0);
}

static long mmap_too_long(void)
{
	return syscall(SYS_mmap, 0, 1UL << 60, PROT_READ, ANON, -1, 0);
}

static long mmap_rlimit_as(void)
{
	kc_rlimit(RLIMIT_AS, 64 << 20);
	return syscall(SYS_mmap, 0, 128UL << 20, PROT_READ, ANON, -1, 0);
}

static long mmap_map_count(void)
{
	struct kc_sysctl s;
	long r;

	kc_sysctl_set(&s, MAX_MAP_COUNT, "1\n");
	r = syscall(SYS_mmap, 0, PG, PROT_READ, ANON, -1, 0);
	kc_sysctl_restore(&s);
	return r;
}

static long mmap_eoverflow(void)
{
	int fd = kc_file("f", PG);

	return syscall(SYS_mmap, 0, PG, PROT_READ, MAP_PRIVATE, fd, 1UL << 63);
}

static long mmap_noreplace(void)
{
	char *p = pages(1);

	return syscall(SYS_mmap, p, PG, PROT_READ, ANON | MAP_FIXED_NOREPLACE, -1, 0);
}

static long mmap_locked_limit0(void)
{
	kc_rlimit(RLIMIT_MEMLOCK, 0);
	return syscall(SYS_mmap, 0, PG, PROT_READ | PROT_WRITE, ANON | MAP_LOCKED, -1, 0);
}

static long mmap_locked_over(void)
{
	kc_rlimit(RLIMIT_MEMLOCK, PG);
	return syscall(SYS_mmap, 0, 2 * PG, PROT_READ | PROT_WRITE, ANON | MAP_LOCKED, -1, 0);
}

static long mmap_min_addr(void)
{
	return syscall(SYS_mmap, 0, PG, PROT_READ, ANON | MAP_FIXED, -1, 0);
}

static long mmap_over_sealed(void)
{
	char *p = pages(1);

	seal(p, PG);
	return syscall(SYS_mmap, p, PG, PROT_READ, ANON | MAP_FIXED, -1, 0);
}

static long mmap_write_sealed_memfd(void)
{
	int fd = memfd_create("m", MFD_ALLOW_SEALING);

	if (fd < 0 || ftruncate(fd, PG) || fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE))
		kc_die("memfd");
	return syscall(SYS_mmap, 0, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
}

static long mmap_wronly(void)
{
	int fd;

	close(kc_file("f", PG));
	fd = open("f", O_WRONLY);
	if (fd < 0)
		kc_die("open");
	return syscall(SYS_mmap, 0, PG, PROT_READ, MAP_PRIVATE, fd, 0);
}

static long mmap_shared_write_rdonly(void)
{
	int fd;

	close(kc_file("f", PG));
	fd = open("f", O_RDONLY);
	if (fd < 0)
		kc_die("open");
	return syscall(SYS_mmap, 0, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
}

static long mmap_pipe(void)
{
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	return syscall(SYS_mmap, 0, PG, PROT_READ, MAP_PRIVATE, p[0], 0);
}

static long mmap_map_sync(void)
{
	int fd = kc_file("f", PG);

	return syscall(SYS_mmap, 0, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, fd, 0);
}

/* Shared anonymous memory needs a shmem file: fs.file-max reached, without CAP_SYS_ADMIN. */
static long mmap_enfile(void)
{
	struct kc_sysctl s;
	long r;
	int e;

	kc_sysctl_set(&s, FILE_MAX, "0\n");
	if (seteuid(65534))
		kc_die("seteuid");
	r = syscall(SYS_mmap, 0, PG, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	e = errno;
	if (seteuid(0))
		kc_die("seteuid back");
	errno = e;
	kc_sysctl_restore(&s);
	return r;
}

/* ---------------------------------------------------------------- munmap */

static long munmap_ok(void)
{
	return syscall(SYS_munmap, pages(2), 2 * PG);
}

static long munmap_nothing(void)
{
	return syscall(SYS_munmap, hole(1), PG);
}

static long munmap_beyond(void)
{
	return syscall(SYS_munmap, 1UL << 60, PG);
}

/* The first page of the vDSO: the split is refused by special_mapping_split(). */
static long munmap_vdso_page(void)
{
	char line[256];
	unsigned long a, b, found = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		kc_die("/proc/self/maps");
	while (fgets(line, sizeof(line), f))
		if (strstr(line, "[vdso]") && sscanf(line, "%lx-%lx", &a, &b) == 2 && b - a >= 2 * PG)
			found = a;
	fclose(f);
	if (!found) {
		errno = ENOENT;
		kc_die("a [vdso] of two pages or more");
	}
	return syscall(SYS_munmap, found, PG);
}

static long munmap_map_count(void)
{
	char *p = pages(3);
	struct kc_sysctl s;
	long r;

	kc_sysctl_set(&s, MAX_MAP_COUNT, "1\n");
	r = syscall(SYS_munmap, p + PG, PG);
	kc_sysctl_restore(&s);
	return r;
}

static long munmap_sealed(void)
{
	char *p = pages(1);

	seal(p, PG);
	return syscall(SYS_munmap, p, PG);
}

/* ---------------------------------------------------------------- mprotect */

static long mprotect_ok(void)
{
	return syscall(SYS_mprotect, pages(2), PG, PROT_READ);
}

static long mprotect_len0_badprot(void)
{
	return syscall(SYS_mprotect, pages(1), 0, 0x10);
}

static long mprotect_grows_both(void)
{
	return syscall(SYS_mprotect, pages(1), PG, PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP);
}

static long mprotect_growsdown(void)
{
	return syscall(SYS_mprotect, pages(1), PG, PROT_READ | PROT_GROWSDOWN);
}

static long mprotect_hole(void)
{
	return syscall(SYS_mprotect, hole(1), PG, PROT_READ);
}

static long mprotect_shared_rdonly(void)
{
	int fd;
	char *p;

	close(kc_file("f", PG));
	fd = open("f", O_RDONLY);
	if (fd < 0)
		kc_die("open");
	p = mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		kc_die("mmap");
	return syscall(SYS_mprotect, p, PG, PROT_READ | PROT_WRITE);
}

static long mprotect_sealed(void)
{
	char *p = pages(1);

	seal(p, PG);
	return syscall(SYS_mprotect, p, PG, PROT_READ);
}

static long mprotect_map_count(void)
{
	char *p = pages(3);
	struct kc_sysctl s;
	long r;

	kc_sysctl_set(&s, MAX_MAP_COUNT, "1\n");
	r = syscall(SYS_mprotect, p + PG, PG, PROT_READ);
	kc_sysctl_restore(&s);
	return r;
}

/* ---------------------------------------------------------------- mremap */

static long mremap_grow(void)
{
	return syscall(SYS_mremap, pages(1), PG, 2 * PG, MREMAP_MAYMOVE, 0);
}

static long mremap_shrink(void)
{
	return syscall(SYS_mremap, pages(2), 2 * PG, PG, 0, 0);
}

static long mremap_fixed(void)
{
	char *p = pages(1), *q = hole(1);

	return syscall(SYS_mremap, p, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, q);
}

static long mremap_dontunmap(void)
{
	return syscall(SYS_mremap, pages(1), PG, PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
}

static long mremap_hole(void)
{
	return syscall(SYS_mremap, hole(1), PG, 2 * PG, MREMAP_MAYMOVE, 0);
}

static long mremap_past_end(void)
{
	char *p = pages(2);

	/* Its own mapping ends after one page (a different protection cannot merge). */
	if (mprotect(p + PG, PG, PROT_READ))
		kc_die("mprotect");
	return syscall(SYS_mremap, p, 2 * PG, 3 * PG, MREMAP_MAYMOVE, 0);
}

static long mremap_no_room(void)
{
	char *p = pages(2);

	if (mprotect(p + PG, PG, PROT_READ))
		kc_die("mprotect");
	return syscall(SYS_mremap, p, PG, 2 * PG, 0, 0);
}

static long mremap_locked_over(void)
{
	char *p;

	kc_rlimit(RLIMIT_MEMLOCK, PG);
	p = pages(1);
	if (mlock(p, PG))
		kc_die("mlock");
	return syscall(SYS_mremap, p, PG, 2 * PG, MREMAP_MAYMOVE, 0);
}

static long mremap_sealed(void)
{
	char *p = pages(1);

	seal(p, PG);
	return syscall(SYS_mremap, p, PG, 2 * PG, MREMAP_MAYMOVE, 0);
}

static long mremap_dup_private(void)
{
	return syscall(SYS_mremap, pages(1), 0, PG, MREMAP_MAYMOVE, 0);
}

/* ---------------------------------------------------------------- msync */

static long msync_sync(void)
{
	return syscall(SYS_msync, shared_file(1), PG, MS_SYNC);
}

static long msync_async_anon(void)
{
	return syscall(SYS_msync, pages(1), PG, MS_ASYNC);
}

static long msync_hole(void)
{
	return syscall(SYS_msync, hole(1), PG, MS_SYNC);
}

static long msync_wrap(void)
{
	return syscall(SYS_msync, pages(1), ULONG_MAX - 2 * PG + 1, MS_SYNC);
}

static long msync_len_rounds_to_0(void)
{
	return syscall(SYS_msync, pages(1), ULONG_MAX, MS_SYNC);
}

static long msync_invalidate_locked(void)
{
	char *p = pages(1);

	if (mlock(p, PG))
		kc_die("mlock");
	return syscall(SYS_msync, p, PG, MS_INVALIDATE);
}

/* ---------------------------------------------------------------- mincore */

static unsigned char vec[8];

static long mincore_ok(void)
{
	return syscall(SYS_mincore, pages(2), 2 * PG, vec);
}

static long mincore_hole(void)
{
	return syscall(SYS_mincore, hole(1), PG, vec);
}

static long mincore_vec_hole(void)
{
	char *p = pages(1);
	char *v = hole(1);	/* after p, so that p cannot reuse it */

	return syscall(SYS_mincore, p, PG, v);
}

static long mincore_vec_kernel(void)
{
	return syscall(SYS_mincore, pages(1), PG, 0xffff888000000000UL);
}

/* ---------------------------------------------------------------- madvise */

static long madvise_dontneed(void)
{
	return syscall(SYS_madvise, pages(2), 2 * PG, MADV_DONTNEED);
}

static long madvise_random(void)
{
	return syscall(SYS_madvise, pages(3) + PG, PG, MADV_RANDOM);
}

static long madvise_guard(void)
{
	return syscall(SYS_madvise, pages(2), PG, MADV_GUARD_INSTALL);
}

static long madvise_len0_hole(void)
{
	return syscall(SYS_madvise, hole(1), 0, MADV_DONTNEED);
}

static long madvise_len_rounds_to_0(void)
{
	return syscall(SYS_madvise, 0, ULONG_MAX, MADV_NORMAL);
}

static long madvise_hole(void)
{
	return syscall(SYS_madvise, hole(1), PG, MADV_DONTNEED);
}

static long madvise_willneed_anon(void)
{
	return syscall(SYS_madvise, pages(1), PG, MADV_WILLNEED);
}

static long madvise_remove_private_file(void)
{
	int fd = kc_file("f", PG);
	char *p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);

	if (p == MAP_FAILED)
		kc_die("mmap");
	return syscall(SYS_madvise, p, PG, MADV_REMOVE);
}

static long madvise_remove_anon(void)
{
	return syscall(SYS_madvise, pages(1), PG, MADV_REMOVE);
}

static long madvise_dontneed_locked(void)
{
	char *p = pages(1);

	if (mlock(p, PG))
		kc_die("mlock");
	return syscall(SYS_madvise, p, PG, MADV_DONTNEED);
}

static long madvise_sealed(void)
{
	char *p = pages(1);

	if (mprotect(p, PG, PROT_READ))
		kc_die("mprotect");
	seal(p, PG);
	return syscall(SYS_madvise, p, PG, MADV_DONTNEED);
}

static long madvise_remove_sealed_memfd(void)
{
	int fd = memfd_create("m", MFD_ALLOW_SEALING);
	char *p;

	if (fd < 0 || ftruncate(fd, PG))
		kc_die("memfd");
	p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED || fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE))
		kc_die("mmap, seal");
	return syscall(SYS_madvise, p, PG, MADV_REMOVE);
}

/* ramfs has no fallocate: a shared writable ramfs mapping cannot have holes punched. */
static long madvise_remove_ramfs(void)
{
	char *p;
	int fd;

	if (mkdir("r", 0755) || mount("none", "r", "ramfs", 0, NULL))
		kc_die("mount ramfs");
	fd = open("r/f", O_RDWR | O_CREAT, 0644);
	if (fd < 0 || ftruncate(fd, PG))
		kc_die("r/f");
	p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		kc_die("mmap");
	close(fd);
	if (umount2("r", MNT_DETACH))
		kc_die("umount");
	return syscall(SYS_madvise, p, PG, MADV_REMOVE);
}

static long madvise_populate_past_eof(void)
{
	int fd = kc_file("f", PG);
	char *p = mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		kc_die("mmap");
	return syscall(SYS_madvise, p + PG, PG, MADV_POPULATE_READ);
}

static long madvise_map_count(void)
{
	char *p = pages(3);
	struct kc_sysctl s;
	long r;

	kc_sysctl_set(&s, MAX_MAP_COUNT, "1\n");
	r = syscall(SYS_madvise, p + PG, PG, MADV_RANDOM);
	kc_sysctl_restore(&s);
	return r;
}

static const struct kcase cases[] = {
	/* mmap */
	{ "mmap", "mmap(NULL, 4096, RW, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)", mmap_anon, 0, "", 0 },
	{ "mmap", "mmap(NULL, 4096, RW, MAP_SHARED, file of 8 KiB, 4096)", mmap_file_shared, 0, "", 0 },
	{ "mmap", "mmap(mapped page, 4096, R, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)", mmap_fixed, 0, "", 0 },
	{ "mmap", "mmap(NULL, 4096, RW, MAP_DROPPABLE|MAP_ANONYMOUS, -1, 0)", mmap_droppable, 0, "", 0 },
	{ "mmap", "mmap(NULL, 0, R, anonymous, -1, 1): off checked first", mmap_len0_off_unaligned, EINVAL, "arg:len arg:off", 0 },
	{ "mmap", "mmap(NULL, 0, R, MAP_PRIVATE, -1, 0): the fd comes before the length", mmap_len0_badfd, EBADF, "arg:len", 0 },
	{ "mmap", "mmap(NULL, 4096, R, MAP_PRIVATE, -1, 0)", mmap_badfd, EBADF, "", 0 },
	{ "mmap", "mmap(NULL, 4096, R, MAP_ANONYMOUS (type 0), -1, 0)", mmap_type0, EINVAL, "", 0 },
	{ "mmap", "mmap(NULL, 4096, R, MAP_SHARED_VALIDATE|MAP_ANONYMOUS, -1, 0)", mmap_validate_anon, EINVAL, "", 0 },
	{ "mmap", "mmap(NULL, 4096, R, anonymous|MAP_HUGETLB, -1, 0): no hugetlbfs", mmap_hugetlb, EINVAL, "", 0 },
	{ "mmap", "mmap(page + 1, 4096, R, anonymous|MAP_FIXED, -1, 0)", mmap_fixed_unaligned, EINVAL, "", 0 },
	{ "mmap", "mmap(NULL, 1 << 60, R, anonymous, -1, 0)", mmap_too_long, ENOMEM, "", 0 },
	{ "mmap", "mmap(NULL, 128 MiB, R, anonymous, -1, 0) with RLIMIT_AS 64 MiB", mmap_rlimit_as, ENOMEM, "", 0 },
	{ "mmap", "mmap(NULL, 4096, R, anonymous, -1, 0) with vm.max_map_count 1", mmap_map_count, ENOMEM, "", 0 },
	{ "mmap", "mmap(NULL, 4096, R, MAP_PRIVATE, file, 1 << 63)", mmap_eoverflow, EOVERFLOW, "", 0 },
	{ "mmap", "mmap(mapped page, 4096, R, anonymous|MAP_FIXED_NOREPLACE, -1, 0)", mmap_noreplace, EEXIST, "", 0 },
	{ "mmap", "mmap(NULL, 4096, RW, anonymous|MAP_LOCKED, -1, 0) with RLIMIT_MEMLOCK 0", mmap_locked_limit0, EPERM, "", KC_NOBODY },
	{ "mmap", "mmap(NULL, 8192, RW, anonymous|MAP_LOCKED, -1, 0) with RLIMIT_MEMLOCK 4 KiB", mmap_locked_over, EAGAIN, "", KC_NOBODY },
	{ "mmap", "mmap(0, 4096, R, anonymous|MAP_FIXED, -1, 0): below vm.mmap_min_addr", mmap_min_addr, EPERM, "", KC_NOBODY },
	{ "mmap", "mmap(mseal()ed page, 4096, R, anonymous|MAP_FIXED, -1, 0)", mmap_over_sealed, EPERM, "", 0 },
	{ "mmap", "mmap(NULL, 4096, RW, MAP_SHARED, memfd with F_SEAL_WRITE, 0)", mmap_write_sealed_memfd, EPERM, "", 0 },
	{ "mmap", "mmap(NULL, 4096, R, MAP_PRIVATE, O_WRONLY file, 0)", mmap_wronly, EACCES, "", 0 },
	{ "mmap", "mmap(NULL, 4096, RW, MAP_SHARED, O_RDONLY file, 0)", mmap_shared_write_rdonly, EACCES, "", 0 },
	{ "mmap", "mmap(NULL, 4096, R, MAP_PRIVATE, pipe, 0)", mmap_pipe, ENODEV, "", 0 },
	{ "mmap", "mmap(NULL, 4096, R, MAP_SHARED_VALIDATE|MAP_SYNC, tmpfs file, 0)", mmap_map_sync, EOPNOTSUPP, "", 0 },
	{ "mmap", "mmap(NULL, 4096, R, MAP_SHARED|MAP_ANONYMOUS, -1, 0) with fs.file-max 0, euid nobody", mmap_enfile, ENFILE, "", 0 },

	/* munmap */
	{ "munmap", "munmap(2 mapped pages, 8192)", munmap_ok, 0, "", 0 },
	{ "munmap", "munmap(unmapped page, 4096)", munmap_nothing, 0, "", 0 },
	{ "munmap", "munmap(1 << 60, 4096): beyond TASK_SIZE", munmap_beyond, EINVAL, "", 0 },
	{ "munmap", "munmap(first page of [vdso], 4096): special mappings cannot be split", munmap_vdso_page, EINVAL, "", 0 },
	{ "munmap", "munmap(middle page of 3, 4096) with vm.max_map_count 1", munmap_map_count, ENOMEM, "", 0 },
	{ "munmap", "munmap(mseal()ed page, 4096)", munmap_sealed, EPERM, "", 0 },

	/* mprotect */
	{ "mprotect", "mprotect(page, 4096, PROT_READ)", mprotect_ok, 0, "", 0 },
	{ "mprotect", "mprotect(page, 0, 0x10): len 0 succeeds before prot is checked", mprotect_len0_badprot, 0, "arg:prot", 0 },
	{ "mprotect", "mprotect(page, 4096, PROT_READ|PROT_GROWSDOWN|PROT_GROWSUP)", mprotect_grows_both, EINVAL, "", 0 },
	{ "mprotect", "mprotect(page, 4096, PROT_READ|PROT_GROWSDOWN): not a stack", mprotect_growsdown, EINVAL, "", 0 },
	{ "mprotect", "mprotect(unmapped page, 4096, PROT_READ)", mprotect_hole, ENOMEM, "", 0 },
	{ "mprotect", "mprotect(page, 4096, PROT_READ) splitting, with vm.max_map_count 1", mprotect_map_count, ENOMEM, "", 0 },
	{ "mprotect", "mprotect(MAP_SHARED of O_RDONLY file, 4096, RW)", mprotect_shared_rdonly, EACCES, "", 0 },
	{ "mprotect", "mprotect(mseal()ed page, 4096, PROT_READ)", mprotect_sealed, EPERM, "", 0 },

	/* mremap */
	{ "mremap", "mremap(page, 4096, 8192, MREMAP_MAYMOVE, 0)", mremap_grow, 0, "", 0 },
	{ "mremap", "mremap(2 pages, 8192, 4096, 0, 0)", mremap_shrink, 0, "", 0 },
	{ "mremap", "mremap(page, 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, unmapped page)", mremap_fixed, 0, "", 0 },
	{ "mremap", "mremap(page, 4096, 4096, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0)", mremap_dontunmap, 0, "", 0 },
	{ "mremap", "mremap(unmapped page, 4096, 8192, MREMAP_MAYMOVE, 0)", mremap_hole, EFAULT, "", 0 },
	{ "mremap", "mremap(page, 8192, 12288, MREMAP_MAYMOVE, 0): old range past the mapping", mremap_past_end, EFAULT, "", 0 },
	{ "mremap", "mremap(page, 4096, 8192, 0, 0): next page mapped", mremap_no_room, ENOMEM, "", 0 },
	{ "mremap", "mremap(locked page, 4096, 8192, MREMAP_MAYMOVE, 0) with RLIMIT_MEMLOCK 4 KiB", mremap_locked_over, EAGAIN, "", KC_NOBODY },
	{ "mremap", "mremap(mseal()ed page, 4096, 8192, MREMAP_MAYMOVE, 0)", mremap_sealed, EPERM, "", 0 },
	{ "mremap", "mremap(private page, 0, 4096, MREMAP_MAYMOVE, 0)", mremap_dup_private, EINVAL, "", 0 },

	/* msync */
	{ "msync", "msync(MAP_SHARED file page, 4096, MS_SYNC)", msync_sync, 0, "", 0 },
	{ "msync", "msync(anonymous page, 4096, MS_ASYNC)", msync_async_anon, 0, "", 0 },
	{ "msync", "msync(page, ULONG_MAX, MS_SYNC): length rounds up to 0", msync_len_rounds_to_0, 0, "", 0 },
	{ "msync", "msync(unmapped page, 4096, MS_SYNC)", msync_hole, ENOMEM, "", 0 },
	{ "msync", "msync(page, ULONG_MAX - 8191, MS_SYNC): wraps", msync_wrap, ENOMEM, "", 0 },
	{ "msync", "msync(locked page, 4096, MS_INVALIDATE)", msync_invalidate_locked, EBUSY, "", 0 },

	/* mincore */
	{ "mincore", "mincore(2 pages, 8192, vec)", mincore_ok, 0, "", 0 },
	{ "mincore", "mincore(unmapped page, 4096, vec)", mincore_hole, ENOMEM, "", 0 },
	{ "mincore", "mincore(page, 4096, unmapped page)", mincore_vec_hole, EFAULT, "", 0 },
	{ "mincore", "mincore(page, 4096, kernel address)", mincore_vec_kernel, EFAULT, "", 0 },

	/* madvise */
	{ "madvise", "madvise(2 pages, 8192, MADV_DONTNEED)", madvise_dontneed, 0, "", 0 },
	{ "madvise", "madvise(middle page of 3, 4096, MADV_RANDOM)", madvise_random, 0, "", 0 },
	{ "madvise", "madvise(page, 4096, MADV_GUARD_INSTALL)", madvise_guard, 0, "", 0 },
	{ "madvise", "madvise(unmapped page, 0, MADV_DONTNEED)", madvise_len0_hole, 0, "", 0 },
	{ "madvise", "madvise(0, ULONG_MAX, MADV_NORMAL): length rounds up to 0", madvise_len_rounds_to_0, EINVAL, "arg:len_in", 0 },
	{ "madvise", "madvise(unmapped page, 4096, MADV_DONTNEED)", madvise_hole, ENOMEM, "", 0 },
	{ "madvise", "madvise(middle page of 3, 4096, MADV_RANDOM) with vm.max_map_count 1", madvise_map_count, EAGAIN, "", 0 },
	{ "madvise", "madvise(anonymous page, 4096, MADV_WILLNEED): no swap", madvise_willneed_anon, EBADF, "", 0 },
	{ "madvise", "madvise(MAP_PRIVATE file page, 4096, MADV_REMOVE)", madvise_remove_private_file, EACCES, "", 0 },
	{ "madvise", "madvise(anonymous page, 4096, MADV_REMOVE)", madvise_remove_anon, EINVAL, "", 0 },
	{ "madvise", "madvise(locked page, 4096, MADV_DONTNEED)", madvise_dontneed_locked, EINVAL, "", 0 },
	{ "madvise", "madvise(read-only mseal()ed page, 4096, MADV_DONTNEED)", madvise_sealed, EPERM, "", 0 },
	{ "madvise", "madvise(shared memfd page, F_SEAL_FUTURE_WRITE, 4096, MADV_REMOVE)", madvise_remove_sealed_memfd, EPERM, "", 0 },
	{ "madvise", "madvise(shared ramfs page, 4096, MADV_REMOVE)", madvise_remove_ramfs, EOPNOTSUPP, "", 0 },
	{ "madvise", "madvise(file page past EOF, 4096, MADV_POPULATE_READ)", madvise_populate_past_eof, EFAULT, "", 0 },
};

KC_GROUP(mm, cases);

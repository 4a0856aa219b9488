// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the stat group: stat, lstat, fstat, newfstatat, statx, statfs, fstatfs, getdents,
 * getdents64. See specs/decisions/stat.md for why each errno happens.
 *
 * The single-rule calls (statx's reserved mask bit, a bad descriptor, each path and descriptor
 * kind) are generated from the specs by `kapi cases`. These cases are the rest: errnos that need
 * state (a reaped process behind a /proc directory, privileges, a removed directory, a buffer
 * position at the end of a directory), the order of checks behind the flag rules (why newfstatat's
 * and statx's flag masks are advisory and statx's mask rule is not), and bad output buffers.
 */
#include "cases.h"

#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif
#ifndef AT_STATX_FORCE_SYNC
#define AT_STATX_FORCE_SYNC 0x2000
#endif
#ifndef AT_STATX_DONT_SYNC
#define AT_STATX_DONT_SYNC 0x4000
#endif
#ifndef STATX_BASIC_STATS
#define STATX_BASIC_STATS 0x7ffU
#endif
#ifndef STATX__RESERVED
#define STATX__RESERVED 0x80000000U
#endif
/* AT_RECURSIVE: a bit no stat call accepts. */
#define BAD_AT_BIT 0x8000

/* Room for a struct stat (144), struct statx (256), struct statfs (120) or dirents. */
static char sbuf[4096] __attribute__((aligned(8)));

#define BADPTR ((void *)1)

/* ---- helpers ---------------------------------------------------------------------------- */

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		kc_die(path);
	return fd;
}

/*
 * A child that exits at once; path (built from "/proc/<pid>" + suffix) is opened with flags
 * while the child is a zombie, then the child is reaped, so the descriptor refers to a /proc
 * inode whose process is gone.
 */
static int reaped_proc_fd(const char *suffix, int flags)
{
	char path[64];
	pid_t pid;
	int fd;

	pid = fork();
	if (pid < 0)
		kc_die("fork");
	if (pid == 0)
		_exit(0);
	snprintf(path, sizeof(path), "/proc/%d%s", (int)pid, suffix);
	fd = xopen(path, flags);
	if (waitpid(pid, NULL, 0) != pid)
		kc_die("waitpid");
	return fd;
}

/*
 * The working directory becomes /proc/<pid> of a child that exits at once, entered while the
 * child is a zombie (fchdir() to it after the reaping would itself fail with ESRCH), then the
 * child is reaped.
 */
static void reaped_proc_cwd(void)
{
	char path[32];
	pid_t pid;

	pid = fork();
	if (pid < 0)
		kc_die("fork");
	if (pid == 0)
		_exit(0);
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	if (chdir(path))
		kc_die("chdir");
	if (waitpid(pid, NULL, 0) != pid)
		kc_die("waitpid");
}

/* "/proc/self/map_files/<start>-<end>" of a fresh shared mapping of ./f. */
static void map_files_path(char *path, size_t size)
{
	int fd = kc_file("f", 4096);
	void *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		kc_die("mmap");
	snprintf(path, size, "/proc/self/map_files/%lx-%lx", (unsigned long)p,
		 (unsigned long)p + 4096);
}

static void xmkdir(const char *path, mode_t mode)
{
	if (mkdir(path, mode))
		kc_die("mkdir");
}

/* ---- stat ------------------------------------------------------------------------------- */

static long s_ok(void)
{
	close(kc_file("f", 4096));
	return syscall(SYS_stat, "f", sbuf);
}
static long s_efault_name(void) { return syscall(SYS_stat, BADPTR, sbuf); }
static long s_efault_buf(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_stat, "f", BADPTR);
}
/* The lookup comes before the copy: a missing file with a bad buffer is ENOENT. */
static long s_enoent_badbuf(void) { return syscall(SYS_stat, "missing", BADPTR); }
static long s_enametoolong(void)
{
	char name[300];

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	return syscall(SYS_stat, name, sbuf);
}
/* As nobody: a directory of mode 0 owned by the caller cannot be searched. */
static long s_eacces_dir(void)
{
	xmkdir("x", 0);
	return syscall(SYS_stat, "x/y", sbuf);
}
/* As nobody: following init's cwd link needs ptrace access (proc_fd_access_allowed). */
static long s_eacces_proc(void) { return syscall(SYS_stat, "/proc/1/cwd", sbuf); }
/* As nobody: following a map_files link needs CAP_CHECKPOINT_RESTORE or CAP_SYS_ADMIN. */
static long s_eperm_map_files(void)
{
	char path[96];

	map_files_path(path, sizeof(path));
	return syscall(SYS_stat, path, sbuf);
}
static long s_map_files_root(void)
{
	char path[96];

	map_files_path(path, sizeof(path));
	return syscall(SYS_stat, path, sbuf);
}
/* The working directory is /proc/<pid> of a reaped process: proc_pid_permission() ESRCH. */
static long s_esrch(void)
{
	reaped_proc_cwd();
	return syscall(SYS_stat, "status", sbuf);
}

/* ---- lstat ------------------------------------------------------------------------------ */

static long l_loop(void)
{
	if (symlink("loop2", "loop") || symlink("loop", "loop2"))
		kc_die("symlink");
	return syscall(SYS_lstat, "loop", sbuf);
}
static long l_trailing_slash(void)
{
	close(kc_file("f", 1));
	if (symlink("f", "l"))
		kc_die("symlink");
	return syscall(SYS_lstat, "l/", sbuf);
}
/* As nobody: the link itself is described, no ptrace check. */
static long l_proc_link(void) { return syscall(SYS_lstat, "/proc/1/cwd", sbuf); }
static long l_efault_buf(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_lstat, "f", BADPTR);
}

/* ---- fstat ------------------------------------------------------------------------------ */

static long f_opath(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_fstat, xopen("f", O_PATH), sbuf);
}
static long f_epoll(void)
{
	int ep = epoll_create1(0);

	if (ep < 0)
		kc_die("epoll_create1");
	return syscall(SYS_fstat, ep, sbuf);
}
static long f_efault(void) { return syscall(SYS_fstat, kc_file("f", 1), BADPTR); }
static long f_enoent_proc(void)
{
	return syscall(SYS_fstat, reaped_proc_fd("/fd", O_RDONLY | O_DIRECTORY), sbuf);
}

/* ---- newfstatat ------------------------------------------------------------------------- */

/* AT_EMPTY_PATH with "" and dfd >= 0 is vfs_fstat(): flag is never looked at. */
static long n_emptypath_badflag(void)
{
	return syscall(SYS_newfstatat, kc_file("f", 1), "", sbuf, AT_EMPTY_PATH | BAD_AT_BIT);
}
static long n_badflag(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_newfstatat, AT_FDCWD, "f", sbuf, BAD_AT_BIT);
}
/* The flag check comes before the name's EFAULT is reported. */
static long n_badflag_badname(void)
{
	return syscall(SYS_newfstatat, AT_FDCWD, BADPTR, sbuf, BAD_AT_BIT);
}
/* AT_FDCWD is not >= 0: vfs_statx() checks the flag, even on the empty path. */
static long n_cwd_emptypath_badflag(void)
{
	return syscall(SYS_newfstatat, AT_FDCWD, "", sbuf, AT_EMPTY_PATH | BAD_AT_BIT);
}
static long n_sync_both(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_newfstatat, AT_FDCWD, "f", sbuf,
		       AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC);
}
static long n_cwd_empty(void) { return syscall(SYS_newfstatat, AT_FDCWD, "", sbuf, AT_EMPTY_PATH); }
static long n_cwd_null(void) { return syscall(SYS_newfstatat, AT_FDCWD, NULL, sbuf, AT_EMPTY_PATH); }
static long n_opath_empty(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_newfstatat, xopen("f", O_PATH), "", sbuf, AT_EMPTY_PATH);
}
static long n_neg_empty(void) { return syscall(SYS_newfstatat, -5, "", sbuf, AT_EMPTY_PATH); }
static long n_empty_noflag(void)
{
	return syscall(SYS_newfstatat, kc_file("f", 1), "", sbuf, 0);
}
static long n_abs_bad_dfd(void)
{
	return syscall(SYS_newfstatat, -1, "/proc/self/status", sbuf, 0);
}
static long n_nofollow_loop(void)
{
	if (symlink("loop2", "loop") || symlink("loop", "loop2"))
		kc_die("symlink");
	return syscall(SYS_newfstatat, AT_FDCWD, "loop", sbuf, AT_SYMLINK_NOFOLLOW);
}
static long n_esrch(void)
{
	return syscall(SYS_newfstatat, reaped_proc_fd("", O_RDONLY | O_DIRECTORY), "status", sbuf,
		       0);
}
static long n_efault_buf(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_newfstatat, AT_FDCWD, "f", BADPTR, 0);
}

/* ---- statx ------------------------------------------------------------------------------ */

/* The reserved mask bit is the first check: before the name's EFAULT. */
static long x_reserved_badname(void)
{
	return syscall(SYS_statx, AT_FDCWD, BADPTR, 0, STATX__RESERVED, sbuf);
}
/* ... and on the descriptor path too (do_statx_fd()). */
static long x_reserved_fd(void)
{
	return syscall(SYS_statx, kc_file("f", 1), NULL, AT_EMPTY_PATH, STATX__RESERVED, sbuf);
}
static long x_reserved_badfd(void)
{
	return syscall(SYS_statx, 999, NULL, AT_EMPTY_PATH, STATX__RESERVED, sbuf);
}
static long x_sync_both_fd(void)
{
	return syscall(SYS_statx, kc_file("f", 1), NULL,
		       AT_EMPTY_PATH | AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, STATX_BASIC_STATS,
		       sbuf);
}
static long x_emptypath_badflag(void)
{
	return syscall(SYS_statx, kc_file("f", 1), "", AT_EMPTY_PATH | BAD_AT_BIT,
		       STATX_BASIC_STATS, sbuf);
}
static long x_badflag(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_statx, AT_FDCWD, "f", BAD_AT_BIT, STATX_BASIC_STATS, sbuf);
}
static long x_unknown_mask(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_statx, AT_FDCWD, "f", 0, 0x40000000U, sbuf);
}
static long x_fd_null(void)
{
	return syscall(SYS_statx, kc_file("f", 1), NULL, AT_EMPTY_PATH, STATX_BASIC_STATS, sbuf);
}
static long x_cwd_null(void)
{
	return syscall(SYS_statx, AT_FDCWD, NULL, AT_EMPTY_PATH, STATX_BASIC_STATS, sbuf);
}
static long x_neg_null(void)
{
	return syscall(SYS_statx, -5, NULL, AT_EMPTY_PATH, STATX_BASIC_STATS, sbuf);
}
static long x_null_noflag(void)
{
	return syscall(SYS_statx, AT_FDCWD, NULL, 0, STATX_BASIC_STATS, sbuf);
}
static long x_efault_buf(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_statx, AT_FDCWD, "f", 0, STATX_BASIC_STATS, BADPTR);
}
static long x_eperm_map_files(void)
{
	char path[96];

	map_files_path(path, sizeof(path));
	return syscall(SYS_statx, AT_FDCWD, path, 0, STATX_BASIC_STATS, sbuf);
}

/* ---- statfs, fstatfs -------------------------------------------------------------------- */

static long sf_proc(void) { return syscall(SYS_statfs, "/proc", sbuf); }
static long sf_efault_buf(void) { return syscall(SYS_statfs, ".", BADPTR); }
static long sf_efault_name(void) { return syscall(SYS_statfs, BADPTR, sbuf); }
static long sf_eacces_proc(void) { return syscall(SYS_statfs, "/proc/1/cwd", sbuf); }
static long sf_esrch(void)
{
	reaped_proc_cwd();
	return syscall(SYS_statfs, "status", sbuf);
}
static long ff_opath(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_fstatfs, xopen("f", O_PATH), sbuf);
}
static long ff_pipe(void)
{
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	return syscall(SYS_fstatfs, p[0], sbuf);
}
static long ff_efault(void) { return syscall(SYS_fstatfs, kc_file("f", 1), BADPTR); }

/* ---- getdents, getdents64 --------------------------------------------------------------- */

static int dir_fd(void)
{
	xmkdir("x", 0755);
	return xopen("x", O_RDONLY | O_DIRECTORY);
}
/* count 1: "." does not fit. */
static long gd_small(void) { return syscall(SYS_getdents, dir_fd(), sbuf, 1); }
static long gd64_small(void) { return syscall(SYS_getdents64, dir_fd(), sbuf, 1); }
/* A count above INT_MAX is negative in the kernel's dir_context: no record fits. */
static long gd_huge(void) { return syscall(SYS_getdents, dir_fd(), sbuf, 0x80000000U); }
static long gd64_huge(void) { return syscall(SYS_getdents64, dir_fd(), sbuf, 0x80000000U); }
/* At the end of the directory nothing is written: 0 whatever count and dirent are. */
static long gd_eof(long nr, unsigned int count, void *p)
{
	int fd = dir_fd();

	if (syscall(nr, fd, sbuf, sizeof(sbuf)) <= 0)
		kc_die("reading the directory");
	return syscall(nr, fd, p, count);
}
static long gd_eof_small(void) { return gd_eof(SYS_getdents, 1, sbuf); }
static long gd64_eof_small(void) { return gd_eof(SYS_getdents64, 1, sbuf); }
static long gd64_eof_badptr(void) { return gd_eof(SYS_getdents64, 4096, BADPTR); }
static long gd_efault(void) { return syscall(SYS_getdents, dir_fd(), BADPTR, 4096); }
static long gd64_efault(void) { return syscall(SYS_getdents64, dir_fd(), BADPTR, 4096); }
/* The directory was removed while open: IS_DEADDIR. */
static long gd_removed(long nr)
{
	int fd = dir_fd();

	if (rmdir("x"))
		kc_die("rmdir");
	return syscall(nr, fd, sbuf, sizeof(sbuf));
}
static long gd_enoent(void) { return gd_removed(SYS_getdents); }
static long gd64_enoent(void) { return gd_removed(SYS_getdents64); }
/* /proc/<pid> of a reaped process: proc_pident_readdir() finds no task. */
static long gd64_enoent_proc(void)
{
	return syscall(SYS_getdents64, reaped_proc_fd("", O_RDONLY | O_DIRECTORY), sbuf,
		       sizeof(sbuf));
}
static long gd_enoent_proc_fd(void)
{
	return syscall(SYS_getdents, reaped_proc_fd("/fd", O_RDONLY | O_DIRECTORY), sbuf,
		       sizeof(sbuf));
}
static long gd64_proc(void)
{
	return syscall(SYS_getdents64, xopen("/proc/self", O_RDONLY | O_DIRECTORY), sbuf,
		       sizeof(sbuf));
}
static long gd64_sysfs(void)
{
	return syscall(SYS_getdents64, xopen("/sys", O_RDONLY | O_DIRECTORY), sbuf, sizeof(sbuf));
}

static const struct kcase cases[] = {
	{ "stat", "stat(\"f\", buf)", s_ok, 0, "", 0 },
	{ "stat", "stat((char *)1, buf)", s_efault_name, EFAULT, "", 0 },
	{ "stat", "stat(\"f\", (void *)1)", s_efault_buf, EFAULT, "", 0 },
	{ "stat", "stat(\"missing\", (void *)1) (the lookup comes first)", s_enoent_badbuf, ENOENT,
	  "", 0 },
	{ "stat", "stat(299-byte name, buf)", s_enametoolong, ENAMETOOLONG, "", 0 },
	{ "stat", "stat(\"x/y\", buf), x own directory of mode 0, as nobody", s_eacces_dir, EACCES,
	  "", KC_NOBODY },
	{ "stat", "stat(\"/proc/1/cwd\", buf) as nobody", s_eacces_proc, EACCES, "", KC_NOBODY },
	{ "stat", "stat(\"/proc/self/map_files/<own mapping>\", buf) as nobody", s_eperm_map_files,
	  EPERM, "", KC_NOBODY },
	{ "stat", "stat(\"/proc/self/map_files/<own mapping>\", buf) as root", s_map_files_root, 0,
	  "", 0 },
	{ "stat", "stat(\"status\", buf) in /proc/<reaped pid>", s_esrch, ESRCH, "", 0 },

	{ "lstat", "lstat(\"loop\", buf) (a symlink loop itself)", l_loop, 0, "", 0 },
	{ "lstat", "lstat(\"l/\", buf), l -> f (the trailing slash follows)", l_trailing_slash,
	  ENOTDIR, "", 0 },
	{ "lstat", "lstat(\"/proc/1/cwd\", buf) as nobody", l_proc_link, 0, "", KC_NOBODY },
	{ "lstat", "lstat(\"f\", (void *)1)", l_efault_buf, EFAULT, "", 0 },

	{ "fstat", "fstat(O_PATH fd, buf)", f_opath, 0, "", 0 },
	{ "fstat", "fstat(epoll fd, buf)", f_epoll, 0, "", 0 },
	{ "fstat", "fstat(fd, (void *)1)", f_efault, EFAULT, "", 0 },
	{ "fstat", "fstat(/proc/<reaped pid>/fd, buf)", f_enoent_proc, ENOENT, "", 0 },

	{ "newfstatat", "newfstatat(fd, \"\", buf, AT_EMPTY_PATH|AT_RECURSIVE) (flag unchecked)",
	  n_emptypath_badflag, 0, "arg:flag", 0 },
	{ "newfstatat", "newfstatat(AT_FDCWD, \"f\", buf, AT_RECURSIVE)", n_badflag, EINVAL,
	  "arg:flag", 0 },
	{ "newfstatat", "newfstatat(AT_FDCWD, (char *)1, buf, AT_RECURSIVE) (flag first)",
	  n_badflag_badname, EINVAL, "arg:flag", 0 },
	{ "newfstatat", "newfstatat(AT_FDCWD, \"\", buf, AT_EMPTY_PATH|AT_RECURSIVE)",
	  n_cwd_emptypath_badflag, EINVAL, "arg:flag", 0 },
	{ "newfstatat", "newfstatat(AT_FDCWD, \"f\", buf, AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC)",
	  n_sync_both, 0, "", 0 },
	{ "newfstatat", "newfstatat(AT_FDCWD, \"\", buf, AT_EMPTY_PATH) (the working directory)",
	  n_cwd_empty, 0, "", 0 },
	{ "newfstatat", "newfstatat(AT_FDCWD, NULL, buf, AT_EMPTY_PATH)", n_cwd_null, 0, "", 0 },
	{ "newfstatat", "newfstatat(O_PATH fd, \"\", buf, AT_EMPTY_PATH)", n_opath_empty, 0, "", 0 },
	{ "newfstatat", "newfstatat(-5, \"\", buf, AT_EMPTY_PATH)", n_neg_empty, EBADF, "", 0 },
	{ "newfstatat", "newfstatat(fd, \"\", buf, 0)", n_empty_noflag, ENOENT, "", 0 },
	{ "newfstatat", "newfstatat(-1, \"/proc/self/status\", buf, 0)", n_abs_bad_dfd, 0, "", 0 },
	{ "newfstatat", "newfstatat(AT_FDCWD, \"loop\", buf, AT_SYMLINK_NOFOLLOW)", n_nofollow_loop,
	  0, "", 0 },
	{ "newfstatat", "newfstatat(/proc/<reaped pid> fd, \"status\", buf, 0)", n_esrch, ESRCH, "",
	  0 },
	{ "newfstatat", "newfstatat(AT_FDCWD, \"f\", (void *)1, 0)", n_efault_buf, EFAULT, "", 0 },

	{ "statx", "statx(AT_FDCWD, (char *)1, 0, STATX__RESERVED, buf) (mask first)",
	  x_reserved_badname, EINVAL, "arg:mask", 0 },
	{ "statx", "statx(fd, NULL, AT_EMPTY_PATH, STATX__RESERVED, buf)", x_reserved_fd, EINVAL,
	  "arg:mask", 0 },
	{ "statx", "statx(999, NULL, AT_EMPTY_PATH, STATX__RESERVED, buf) (mask before fd)",
	  x_reserved_badfd, EINVAL, "arg:mask", 0 },
	{ "statx", "statx(fd, NULL, AT_EMPTY_PATH|AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC, ...)",
	  x_sync_both_fd, EINVAL, "", 0 },
	{ "statx", "statx(fd, \"\", AT_EMPTY_PATH|AT_RECURSIVE, STATX_BASIC_STATS, buf) (unchecked)",
	  x_emptypath_badflag, 0, "arg:flags", 0 },
	{ "statx", "statx(AT_FDCWD, \"f\", AT_RECURSIVE, STATX_BASIC_STATS, buf)", x_badflag, EINVAL,
	  "arg:flags", 0 },
	{ "statx", "statx(AT_FDCWD, \"f\", 0, 0x40000000, buf) (unknown mask bits ignored)",
	  x_unknown_mask, 0, "", 0 },
	{ "statx", "statx(fd, NULL, AT_EMPTY_PATH, STATX_BASIC_STATS, buf)", x_fd_null, 0, "", 0 },
	{ "statx", "statx(AT_FDCWD, NULL, AT_EMPTY_PATH, STATX_BASIC_STATS, buf)", x_cwd_null, 0, "",
	  0 },
	{ "statx", "statx(-5, NULL, AT_EMPTY_PATH, STATX_BASIC_STATS, buf)", x_neg_null, EBADF, "",
	  0 },
	{ "statx", "statx(AT_FDCWD, NULL, 0, STATX_BASIC_STATS, buf)", x_null_noflag, EFAULT, "", 0 },
	{ "statx", "statx(AT_FDCWD, \"f\", 0, STATX_BASIC_STATS, (void *)1)", x_efault_buf, EFAULT,
	  "", 0 },
	{ "statx", "statx(AT_FDCWD, \"/proc/self/map_files/<own mapping>\", ...) as nobody",
	  x_eperm_map_files, EPERM, "", KC_NOBODY },

	{ "statfs", "statfs(\"/proc\", buf)", sf_proc, 0, "", 0 },
	{ "statfs", "statfs(\".\", (void *)1)", sf_efault_buf, EFAULT, "", 0 },
	{ "statfs", "statfs((char *)1, buf)", sf_efault_name, EFAULT, "", 0 },
	{ "statfs", "statfs(\"/proc/1/cwd\", buf) as nobody", sf_eacces_proc, EACCES, "",
	  KC_NOBODY },
	{ "statfs", "statfs(\"status\", buf) in /proc/<reaped pid>", sf_esrch, ESRCH, "", 0 },
	{ "fstatfs", "fstatfs(O_PATH fd, buf)", ff_opath, 0, "", 0 },
	{ "fstatfs", "fstatfs(pipe, buf)", ff_pipe, 0, "", 0 },
	{ "fstatfs", "fstatfs(fd, (void *)1)", ff_efault, EFAULT, "", 0 },

	{ "getdents", "getdents(dir, buf, 1)", gd_small, EINVAL, "", 0 },
	{ "getdents", "getdents(dir, buf, 0x80000000)", gd_huge, EINVAL, "", 0 },
	{ "getdents", "getdents(dir at its end, buf, 1)", gd_eof_small, 0, "", 0 },
	{ "getdents", "getdents(dir, (void *)1, 4096)", gd_efault, EFAULT, "", 0 },
	{ "getdents", "getdents(removed dir, buf, 4096)", gd_enoent, ENOENT, "", 0 },
	{ "getdents", "getdents(/proc/<reaped pid>/fd, buf, 4096)", gd_enoent_proc_fd, ENOENT, "",
	  0 },
	{ "getdents64", "getdents64(dir, buf, 1)", gd64_small, EINVAL, "", 0 },
	{ "getdents64", "getdents64(dir, buf, 0x80000000)", gd64_huge, EINVAL, "", 0 },
	{ "getdents64", "getdents64(dir at its end, buf, 1)", gd64_eof_small, 0, "", 0 },
	{ "getdents64", "getdents64(dir at its end, (void *)1, 4096)", gd64_eof_badptr, 0, "", 0 },
	{ "getdents64", "getdents64(dir, (void *)1, 4096)", gd64_efault, EFAULT, "", 0 },
	{ "getdents64", "getdents64(removed dir, buf, 4096)", gd64_enoent, ENOENT, "", 0 },
	{ "getdents64", "getdents64(/proc/<reaped pid>, buf, 4096)", gd64_enoent_proc, ENOENT, "",
	  0 },
	{ "getdents64", "getdents64(/proc/self, buf, 4096)", gd64_proc, 0, "", 0 },
	{ "getdents64", "getdents64(/sys, buf, 4096)", gd64_sysfs, 0, "", 0 },
};

KC_GROUP(stat, cases);

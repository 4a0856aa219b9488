// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the sync group: ftruncate, truncate, fallocate, fsync, fdatasync, sync, syncfs,
 * getcwd, chdir, fchdir, utimensat. See specs/decisions/sync.md for why each errno happens.
 *
 * The single-rule calls (one argument broken at its boundaries, the other descriptor and path
 * kinds) are generated from the specs by `kapi cases`. These cases are the rest: errnos that
 * need state (limits, privileges, memfd seals, chattr flags, leases and delegations, a full or
 * read-only tmpfs, a removed or deep working directory, a signal) and combinations that show
 * which check comes first.
 */
#include "cases.h"

#include <grp.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/eventfd.h>
#include <time.h>

/* <linux/fs.h> clashes with <sys/mount.h>: the chattr ioctl and flags, by value. */
#define KC_FS_IOC_SETFLAGS _IOW('f', 2, long)
#define KC_FS_IMMUTABLE_FL 0x00000010
#define KC_FS_APPEND_FL 0x00000020

/* <linux/falloc.h>, by value. */
#define KC_FALLOC_FL_KEEP_SIZE 0x01
#define KC_FALLOC_FL_PUNCH_HOLE 0x02
#define KC_FALLOC_FL_COLLAPSE_RANGE 0x08
#define KC_FALLOC_FL_ZERO_RANGE 0x10

/* F_SETDELEG and its argument (include/uapi/linux/fcntl.h, 7.2). */
#define KC_F_SETDELEG (1024 + 16)
struct kc_delegation {
	uint32_t d_flags;
	uint16_t d_type;
	uint16_t pad;
};

#ifndef UTIME_NOW
#define UTIME_NOW ((1l << 30) - 1l)
#endif
#ifndef UTIME_OMIT
#define UTIME_OMIT ((1l << 30) - 2l)
#endif
#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif

static char buf[8192];

/* ---- helpers ---------------------------------------------------------------------------- */

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		kc_die(path);
	return fd;
}

static void ignore(int sig)
{
	signal(sig, SIG_IGN);
}

/* chattr: sets the inode flags of fd's file (KC_FS_*_FL, 0 to clear). */
static void set_flags(int fd, int flags)
{
	if (ioctl(fd, KC_FS_IOC_SETFLAGS, &flags))
		kc_die("FS_IOC_SETFLAGS");
}

/* Clears the inode flags of fd's file again without touching errno; returns r. */
static long unflagging(int fd, long r)
{
	int e = errno, zero = 0;

	ioctl(fd, KC_FS_IOC_SETFLAGS, &zero);
	errno = e;
	return r;
}

/* ./f, 4096 bytes, with the inode flags set; the O_RDWR fd stays open. */
static int flagged_file(int flags)
{
	int fd = kc_file("f", 4096);

	set_flags(fd, flags);
	return fd;
}

/* A memfd of 4096 bytes with these seals. */
static int sealed_memfd(int seals)
{
	int fd = memfd_create("sealed", MFD_ALLOW_SEALING);

	if (fd < 0 || write(fd, buf, 4096) != 4096)
		kc_die("memfd");
	if (fcntl(fd, F_ADD_SEALS, seals))
		kc_die("F_ADD_SEALS");
	return fd;
}

/* Mounts a fresh tmpfs on ./dir. */
static void tmpfs_at(const char *dir, unsigned long flags, const char *opts)
{
	if (mkdir(dir, 0777) && errno != EEXIST)
		kc_die("mkdir");
	if (mount("kapi-sync", dir, "tmpfs", flags, opts))
		kc_die("mount tmpfs");
}

/* A tmpfs on ./ro holding the file ro/f, remounted read-only. */
static void readonly_tmpfs_with_file(void)
{
	tmpfs_at("ro", 0, NULL);
	close(kc_file("ro/f", 16));
	if (mount("kapi-sync", "ro", "tmpfs", MS_REMOUNT | MS_RDONLY, NULL))
		kc_die("remount read-only");
}

/* Drops to uid/gid 65534 after root did the setup. */
static void become_nobody(void)
{
	if (setgroups(0, NULL) || setresgid(65534, 65534, 65534) ||
	    setresuid(65534, 65534, 65534))
		kc_die("setresuid");
}

/* A write delegation (F_SETDELEG, F_WRLCK) held on ./f through fd; SIGIO (the break) ignored. */
static int delegated_file(void)
{
	struct kc_delegation d = { .d_type = F_WRLCK };
	int fd = kc_file("f", 4096);

	ignore(SIGIO);
	if (fcntl(fd, KC_F_SETDELEG, &d))
		kc_die("F_SETDELEG");
	return fd;
}

/* ---- ftruncate -------------------------------------------------------------------------- */

static long ft_efbig(void)
{
	int fd = kc_file("f", 0);

	signal(SIGXFSZ, SIG_IGN);
	kc_rlimit(RLIMIT_FSIZE, 4);
	return syscall(SYS_ftruncate, fd, 16);
}
static long ft_shrink_within_fsize(void)
{
	int fd = kc_file("f", 4096);

	signal(SIGXFSZ, SIG_IGN);
	kc_rlimit(RLIMIT_FSIZE, 4);
	return syscall(SYS_ftruncate, fd, 16);	/* shrinking is not limited */
}
static long ft_seal_shrink(void) { return syscall(SYS_ftruncate, sealed_memfd(F_SEAL_SHRINK), 0); }
static long ft_seal_grow(void) { return syscall(SYS_ftruncate, sealed_memfd(F_SEAL_GROW), 8192); }
static long ft_append(void)
{
	int fd = flagged_file(KC_FS_APPEND_FL);

	return unflagging(fd, syscall(SYS_ftruncate, fd, 0));
}
static long ft_deleg(void) { return syscall(SYS_ftruncate, delegated_file(), 0); }
static long ft_fd_length(void) { return syscall(SYS_ftruncate, -1, -1L); }
static long ft_proc(void) { return syscall(SYS_ftruncate, xopen("/proc/self/status", O_RDONLY), 0); }

/* ---- truncate --------------------------------------------------------------------------- */

static long t_ok(void)
{
	close(kc_file("f", 4096));
	return syscall(SYS_truncate, "f", 16);
}
static long t_efault_length(void) { return syscall(SYS_truncate, (const char *)1, -1L); }
static long t_efault(void) { return syscall(SYS_truncate, (const char *)1, 0); }
static long t_fifo(void)
{
	if (mkfifo("fifo", 0600))
		kc_die("mkfifo");
	return syscall(SYS_truncate, "fifo", 0);
}
static long t_devnull(void) { return syscall(SYS_truncate, "/dev/null", 0); }
static long t_eacces(void)
{
	close(kc_file("f", 16));
	if (chmod("f", 0444))
		kc_die("chmod");
	return syscall(SYS_truncate, "f", 0);	/* own file: the owner needs the w bit too */
}
static long t_immutable(void)
{
	int fd = flagged_file(KC_FS_IMMUTABLE_FL);

	return unflagging(fd, syscall(SYS_truncate, "f", 0));
}
static long t_append(void)
{
	int fd = flagged_file(KC_FS_APPEND_FL);

	return unflagging(fd, syscall(SYS_truncate, "f", 0));
}
static long t_erofs(void)
{
	readonly_tmpfs_with_file();
	return kc_unmounting("ro", syscall(SYS_truncate, "ro/f", 0));
}
static long t_etxtbsy(void)
{
	struct stat st;

	/* To its own size: nothing changes even if the call were to succeed. */
	if (stat("/proc/self/exe", &st))
		kc_die("stat /proc/self/exe");
	return syscall(SYS_truncate, "/proc/self/exe", (long)st.st_size);
}
static long t_efbig(void)
{
	close(kc_file("f", 0));
	signal(SIGXFSZ, SIG_IGN);
	kc_rlimit(RLIMIT_FSIZE, 4);
	return syscall(SYS_truncate, "f", 16);
}
static long t_seal(void)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", sealed_memfd(F_SEAL_SHRINK));
	return syscall(SYS_truncate, path, 0);
}
static long t_eintr(void)
{
	close(kc_file("f", 16));
	int fd = xopen("f", O_RDONLY);

	ignore(SIGIO);	/* the lease break notifies the holder: us */
	if (fcntl(fd, F_SETLEASE, F_RDLCK))
		kc_die("F_SETLEASE");
	kc_interrupt_after(100);
	return syscall(SYS_truncate, "f", 0);	/* waits up to lease-break-time (45 s) */
}

/* ---- fallocate -------------------------------------------------------------------------- */

static long fa_alloc(void) { return syscall(SYS_fallocate, kc_file("f", 0), 0, 0L, 8192L); }
static long fa_enospc(void)
{
	tmpfs_at("m", 0, "size=4096");
	return kc_unmounting("m", syscall(SYS_fallocate, kc_file("m/f", 0), 0, 0L, 8192L));
}
static long fa_efbig_rlimit(void)
{
	int fd = kc_file("f", 0);

	signal(SIGXFSZ, SIG_IGN);
	kc_rlimit(RLIMIT_FSIZE, 4);
	return syscall(SYS_fallocate, fd, KC_FALLOC_FL_KEEP_SIZE, 0L, 16L);
}
static long fa_efbig_wrap(void) { return syscall(SYS_fallocate, kc_file("f", 16), 0, LONG_MAX, 1L); }
static long fa_zero(void) { return syscall(SYS_fallocate, kc_file("f", 16), KC_FALLOC_FL_ZERO_RANGE, 0L, 16L); }
static long fa_punch_no_keep(void)
{
	return syscall(SYS_fallocate, kc_file("f", 16), KC_FALLOC_FL_PUNCH_HOLE, 0L, 16L);
}
static long fa_collapse_keep(void)
{
	return syscall(SYS_fallocate, kc_file("f", 16),
		       KC_FALLOC_FL_COLLAPSE_RANGE | KC_FALLOC_FL_KEEP_SIZE, 0L, 16L);
}
static long fa_rdonly_badmode(void)
{
	close(kc_file("f", 16));
	return syscall(SYS_fallocate, xopen("f", O_RDONLY), 0x100, 0L, 16L);
}
static long fa_rdonly_offset(void)
{
	close(kc_file("f", 16));
	return syscall(SYS_fallocate, xopen("f", O_RDONLY), 0, -1L, 16L);
}
static long fa_all_bad(void) { return syscall(SYS_fallocate, -1, 0x100, -1L, 0L); }
static long fa_seal_write(void)
{
	return syscall(SYS_fallocate, sealed_memfd(F_SEAL_WRITE),
		       KC_FALLOC_FL_PUNCH_HOLE | KC_FALLOC_FL_KEEP_SIZE, 0L, 4096L);
}
static long fa_seal_grow(void) { return syscall(SYS_fallocate, sealed_memfd(F_SEAL_GROW), 0, 0L, 8192L); }
static long fa_append_punch(void)
{
	int fd = flagged_file(KC_FS_APPEND_FL);

	return unflagging(fd, syscall(SYS_fallocate, fd,
				      KC_FALLOC_FL_PUNCH_HOLE | KC_FALLOC_FL_KEEP_SIZE, 0L, 16L));
}
static long fa_append_keep(void)
{
	int fd = flagged_file(KC_FS_APPEND_FL);

	return unflagging(fd, syscall(SYS_fallocate, fd, KC_FALLOC_FL_KEEP_SIZE, 0L, 16L));
}
static long fa_immutable(void)
{
	int fd = flagged_file(KC_FS_IMMUTABLE_FL);

	return unflagging(fd, syscall(SYS_fallocate, fd, KC_FALLOC_FL_KEEP_SIZE, 0L, 16L));
}
static long fa_devnull(void) { return syscall(SYS_fallocate, xopen("/dev/null", O_WRONLY), 0, 0L, 16L); }
static long fa_proc(void)
{
	return syscall(SYS_fallocate, xopen("/proc/self/comm", O_WRONLY), 0, 0L, 16L);
}
static long fa_fifo(void)
{
	if (mkfifo("fifo", 0600))
		kc_die("mkfifo");
	return syscall(SYS_fallocate, xopen("fifo", O_RDWR), 0, 0L, 16L);
}

/* ---- fsync, fdatasync, syncfs ----------------------------------------------------------- */

static long fs_proc(void) { return syscall(SYS_fsync, xopen("/proc/self/status", O_RDONLY)); }
static long fs_devnull(void) { return syscall(SYS_fsync, xopen("/dev/null", O_RDONLY)); }
static long fs_dir(void) { return syscall(SYS_fsync, xopen(".", O_RDONLY | O_DIRECTORY)); }
static long fds_proc(void) { return syscall(SYS_fdatasync, xopen("/proc/self/status", O_RDONLY)); }
static long sfs_pipe(void)
{
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	return syscall(SYS_syncfs, p[0]);
}
static long sfs_proc(void) { return syscall(SYS_syncfs, xopen("/proc/self/status", O_RDONLY)); }
static long s_sync(void) { return syscall(SYS_sync); }

/* ---- getcwd ----------------------------------------------------------------------------- */

/* Makes ./x the working directory, then removes it. */
static void removed_cwd(void)
{
	if (mkdir("x", 0700) || chdir("x") || rmdir("../x"))
		kc_die("removing the working directory");
}
static long gc_enoent(void)
{
	removed_cwd();
	return syscall(SYS_getcwd, buf, sizeof(buf));
}
static long gc_enoent_size(void)
{
	removed_cwd();
	return syscall(SYS_getcwd, buf, 1UL);	/* ENOENT is checked before the size */
}
static long gc_erange(void) { return syscall(SYS_getcwd, buf, 2UL); }
static long gc_efault(void) { return syscall(SYS_getcwd, (char *)1, 4096UL); }
static long gc_deep(void)
{
	char name[201];

	memset(name, 'd', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	/* 21 components of 201 bytes with their slashes: more than PATH_MAX. */
	for (int i = 0; i < 21; i++)
		if (mkdir(name, 0700) || chdir(name))
			kc_die("deep directory");
	return syscall(SYS_getcwd, buf, sizeof(buf));
}
static long gc_root(void)
{
	if (chdir("/"))
		kc_die("chdir /");
	return syscall(SYS_getcwd, buf, 2UL);	/* "/" and its NUL: exactly 2 */
}

/* ---- chdir, fchdir ---------------------------------------------------------------------- */

static long cd_eacces(void)
{
	if (mkdir("x", 0600))
		kc_die("mkdir");
	return syscall(SYS_chdir, "x");
}
static long cd_efault(void) { return syscall(SYS_chdir, (const char *)1); }
static long cd_long_name(void)
{
	char name[300];

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	return syscall(SYS_chdir, name);
}
static long cd_devnull(void) { return syscall(SYS_chdir, "/dev/null"); }
static long cd_map_files(void)
{
	char path[96];
	void *p;

	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0))
		kc_die("PR_SET_DUMPABLE");
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, kc_file("f", 4096), 0);
	if (p == MAP_FAILED)
		kc_die("mmap");
	snprintf(path, sizeof(path), "/proc/self/map_files/%lx-%lx", (unsigned long)p,
		 (unsigned long)p + 4096);
	return syscall(SYS_chdir, path);
}
static long fcd_eacces(void)
{
	if (mkdir("x", 0600))
		kc_die("mkdir");
	return syscall(SYS_fchdir, xopen("x", O_RDONLY | O_DIRECTORY));
}
static long fcd_opath(void)
{
	if (mkdir("x", 0700))
		kc_die("mkdir");
	return syscall(SYS_fchdir, xopen("x", O_PATH | O_DIRECTORY));
}
static long fcd_opath_file(void) { return syscall(SYS_fchdir, xopen("/dev/null", O_PATH)); }

/* ---- utimensat -------------------------------------------------------------------------- */

static struct timespec ts_set[2] = { { 1, 0 }, { 2, 0 } };
static struct timespec ts_omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
static struct timespec ts_bad_nsec[2] = { { 0, 1000000000 }, { 0, 0 } };
static struct timespec ts_now_omit[2] = { { 0, UTIME_NOW }, { 0, UTIME_OMIT } };

static long ut(int dfd, const char *path, const struct timespec *t, int flags)
{
	return syscall(SYS_utimensat, dfd, path, t, flags);
}
static long ut_fd(void) { return ut(kc_file("f", 16), NULL, NULL, 0); }
static long ut_fd_flag(void) { return ut(kc_file("f", 16), NULL, NULL, AT_SYMLINK_NOFOLLOW); }
static long ut_opath_null(void)
{
	close(kc_file("f", 16));
	return ut(xopen("f", O_PATH), NULL, NULL, 0);
}
static long ut_opath_empty(void)
{
	close(kc_file("f", 16));
	return ut(xopen("f", O_PATH), "", NULL, AT_EMPTY_PATH);
}
static long ut_cwd_empty(void) { return ut(AT_FDCWD, "", ts_set, AT_EMPTY_PATH); }
static long ut_null_fdcwd(void) { return ut(AT_FDCWD, NULL, NULL, 0); }
static long ut_efault_times(void)
{
	close(kc_file("f", 16));
	return ut(AT_FDCWD, "f", (const struct timespec *)1, 0);
}
static long ut_bad_nsec(void)
{
	close(kc_file("f", 16));
	return ut(AT_FDCWD, "f", ts_bad_nsec, 0);
}
static long ut_omit_bad_flags(void) { return ut(-1, (const char *)1, ts_omit, 0x8000); }
static long ut_bad_flags(void)
{
	close(kc_file("f", 16));
	return ut(AT_FDCWD, "f", NULL, 0x8000);
}
static long ut_abs_bad_dfd(void)
{
	char path[PATH_MAX];

	close(kc_file("f", 16));
	if (!getcwd(path, sizeof(path) - 2))
		kc_die("getcwd");
	strcat(path, "/f");
	return ut(-1, path, ts_set, 0);
}
static long ut_nofollow_link(void)
{
	if (symlink("missing", "l"))
		kc_die("symlink");
	return ut(AT_FDCWD, "l", ts_set, AT_SYMLINK_NOFOLLOW);	/* the link itself */
}
static long ut_eperm_nobody(void) { return ut(AT_FDCWD, ".", ts_set, 0); }
static long ut_now_omit_nobody(void) { return ut(AT_FDCWD, ".", ts_now_omit, 0); }
static long ut_touch_nobody(void) { return ut(AT_FDCWD, ".", NULL, 0); }
static long ut_eacces(void)
{
	close(kc_file("f", 16));	/* root's, 0644 */
	become_nobody();
	return ut(AT_FDCWD, "f", NULL, 0);
}
static long ut_immutable_touch(void)
{
	int fd = flagged_file(KC_FS_IMMUTABLE_FL);

	return unflagging(fd, ut(AT_FDCWD, "f", NULL, 0));
}
static long ut_append_touch(void)
{
	int fd = flagged_file(KC_FS_APPEND_FL);

	return unflagging(fd, ut(AT_FDCWD, "f", NULL, 0));
}
static long ut_append_set(void)
{
	int fd = flagged_file(KC_FS_APPEND_FL);

	return unflagging(fd, ut(AT_FDCWD, "f", ts_set, 0));
}
static long ut_erofs(void)
{
	readonly_tmpfs_with_file();
	return kc_unmounting("ro", ut(AT_FDCWD, "ro/f", NULL, 0));
}
static long ut_eventfd(void)
{
	int fd = eventfd(0, 0);

	if (fd < 0)
		kc_die("eventfd");
	return ut(fd, NULL, NULL, 0);
}
static long ut_pipe(void)
{
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	return ut(p[1], NULL, NULL, 0);
}
static long ut_eintr(void)
{
	delegated_file();
	kc_interrupt_after(100);
	return ut(AT_FDCWD, "f", NULL, 0);	/* waits for our own delegation to be returned */
}

static const struct kcase cases[] = {
	/* ftruncate */
	{ "ftruncate", "ftruncate(empty file, 16) with RLIMIT_FSIZE 4, SIGXFSZ ignored", ft_efbig,
	  EFBIG, "", 0 },
	{ "ftruncate", "ftruncate(4096-byte file, 16) with RLIMIT_FSIZE 4 (shrinks)",
	  ft_shrink_within_fsize, 0, "", 0 },
	{ "ftruncate", "ftruncate(memfd with F_SEAL_SHRINK, 0)", ft_seal_shrink, EPERM, "", 0 },
	{ "ftruncate", "ftruncate(memfd with F_SEAL_GROW, 8192)", ft_seal_grow, EPERM, "", 0 },
	{ "ftruncate", "ftruncate(append-only file, 0)", ft_append, EPERM, "", 0 },
	{ "ftruncate", "ftruncate(file, 0) holding a write delegation on it, SIGIO ignored",
	  ft_deleg, EAGAIN, "", 0 },
	{ "ftruncate", "ftruncate(-1, -1) (length first)", ft_fd_length, EINVAL,
	  "arg:fd arg:length", 0 },
	{ "ftruncate", "ftruncate(/proc/self/status O_RDONLY, 0)", ft_proc, EINVAL, "", 0 },

	/* truncate */
	{ "truncate", "truncate(\"f\", 16)", t_ok, 0, "", 0 },
	{ "truncate", "truncate((char *)1, -1) (length first)", t_efault_length, EINVAL,
	  "arg:length", 0 },
	{ "truncate", "truncate((char *)1, 0)", t_efault, EFAULT, "", 0 },
	{ "truncate", "truncate(\"fifo\", 0)", t_fifo, EINVAL, "", 0 },
	{ "truncate", "truncate(\"/dev/null\", 0)", t_devnull, EINVAL, "", 0 },
	{ "truncate", "truncate(\"f\", 0) (own file, mode 0444) as nobody", t_eacces, EACCES, "",
	  KC_NOBODY },
	{ "truncate", "truncate(\"f\", 0) (immutable)", t_immutable, EPERM, "", 0 },
	{ "truncate", "truncate(\"f\", 0) (append-only)", t_append, EPERM, "", 0 },
	{ "truncate", "truncate(\"ro/f\", 0) (tmpfs remounted read-only)", t_erofs, EROFS, "", 0 },
	{ "truncate", "truncate(\"/proc/self/exe\", its size)", t_etxtbsy, ETXTBSY, "", 0 },
	{ "truncate", "truncate(\"f\" (empty), 16) with RLIMIT_FSIZE 4, SIGXFSZ ignored", t_efbig,
	  EFBIG, "", 0 },
	{ "truncate", "truncate(\"/proc/self/fd/N\", 0) (N: memfd with F_SEAL_SHRINK)", t_seal,
	  EPERM, "", 0 },
	{ "truncate", "truncate(\"f\", 0) holding a read lease on f, interrupted by SIGALRM",
	  t_eintr, EINTR, "", 0 },

	/* fallocate */
	{ "fallocate", "fallocate(empty file, 0, 0, 8192)", fa_alloc, 0, "", 0 },
	{ "fallocate", "fallocate(file on tmpfs size=4096, 0, 0, 8192)", fa_enospc, ENOSPC, "", 0 },
	{ "fallocate", "fallocate(file, KEEP_SIZE, 0, 16) with RLIMIT_FSIZE 4, SIGXFSZ ignored",
	  fa_efbig_rlimit, EFBIG, "", 0 },
	{ "fallocate", "fallocate(file, 0, LONG_MAX, 1) (offset + len wraps)", fa_efbig_wrap, EFBIG,
	  "", 0 },
	{ "fallocate", "fallocate(file, ZERO_RANGE, 0, 16) (not on tmpfs)", fa_zero, EOPNOTSUPP, "",
	  0 },
	{ "fallocate", "fallocate(file, PUNCH_HOLE, 0, 16) (without KEEP_SIZE)", fa_punch_no_keep,
	  EOPNOTSUPP, "", 0 },
	{ "fallocate", "fallocate(file, COLLAPSE_RANGE|KEEP_SIZE, 0, 16)", fa_collapse_keep,
	  EOPNOTSUPP, "", 0 },
	{ "fallocate", "fallocate(O_RDONLY fd, 0x100, 0, 16) (mode before write access)",
	  fa_rdonly_badmode, EOPNOTSUPP, "arg:mode", 0 },
	{ "fallocate", "fallocate(O_RDONLY fd, 0, -1, 16) (range before write access)",
	  fa_rdonly_offset, EINVAL, "arg:offset", 0 },
	{ "fallocate", "fallocate(-1, 0x100, -1, 0)", fa_all_bad, EBADF,
	  "arg:fd arg:mode arg:offset arg:len", 0 },
	{ "fallocate", "fallocate(memfd with F_SEAL_WRITE, PUNCH_HOLE|KEEP_SIZE, 0, 4096)",
	  fa_seal_write, EPERM, "", 0 },
	{ "fallocate", "fallocate(4096-byte memfd with F_SEAL_GROW, 0, 0, 8192)", fa_seal_grow,
	  EPERM, "", 0 },
	{ "fallocate", "fallocate(append-only file, PUNCH_HOLE|KEEP_SIZE, 0, 16)", fa_append_punch,
	  EPERM, "", 0 },
	{ "fallocate", "fallocate(append-only file, KEEP_SIZE, 0, 16)", fa_append_keep, 0, "", 0 },
	{ "fallocate", "fallocate(immutable file, KEEP_SIZE, 0, 16)", fa_immutable, EPERM, "", 0 },
	{ "fallocate", "fallocate(/dev/null O_WRONLY, 0, 0, 16)", fa_devnull, ENODEV, "", 0 },
	{ "fallocate", "fallocate(/proc/self/comm O_WRONLY, 0, 0, 16)", fa_proc, EOPNOTSUPP, "", 0 },
	{ "fallocate", "fallocate(FIFO O_RDWR, 0, 0, 16)", fa_fifo, ESPIPE, "", 0 },

	/* fsync, fdatasync, syncfs, sync */
	{ "fsync", "fsync(/proc/self/status)", fs_proc, EINVAL, "", 0 },
	{ "fsync", "fsync(/dev/null)", fs_devnull, EINVAL, "", 0 },
	{ "fsync", "fsync(\".\")", fs_dir, 0, "", KC_NOBODY },
	{ "fdatasync", "fdatasync(/proc/self/status)", fds_proc, EINVAL, "", 0 },
	{ "syncfs", "syncfs(pipe read end)", sfs_pipe, 0, "", KC_NOBODY },
	{ "syncfs", "syncfs(/proc/self/status)", sfs_proc, 0, "", 0 },
	{ "sync", "sync()", s_sync, 0, "", KC_NOBODY },

	/* getcwd */
	{ "getcwd", "getcwd(buf, 8192) in a removed directory", gc_enoent, ENOENT, "", 0 },
	{ "getcwd", "getcwd(buf, 1) in a removed directory (before the size)", gc_enoent_size,
	  ENOENT, "arg:size", 0 },
	{ "getcwd", "getcwd(buf, 2)", gc_erange, ERANGE, "", 0 },
	{ "getcwd", "getcwd((char *)1, 4096)", gc_efault, EFAULT, "", 0 },
	{ "getcwd", "getcwd(buf, 8192) 21 directories of 200 bytes deep", gc_deep, ENAMETOOLONG, "",
	  0 },
	{ "getcwd", "getcwd(buf, 2) in /", gc_root, 0, "", 0 },

	/* chdir, fchdir */
	{ "chdir", "chdir(\"x\") (own directory, mode 0600) as nobody", cd_eacces, EACCES, "",
	  KC_NOBODY },
	{ "chdir", "chdir((char *)1)", cd_efault, EFAULT, "", 0 },
	{ "chdir", "chdir(<299-byte name>)", cd_long_name, ENAMETOOLONG, "", 0 },
	{ "chdir", "chdir(\"/dev/null\")", cd_devnull, ENOTDIR, "", 0 },
	{ "chdir", "chdir(\"/proc/self/map_files/<a file mapping>\") as nobody", cd_map_files,
	  EPERM, "", KC_NOBODY },
	{ "fchdir", "fchdir(own directory of mode 0600) as nobody", fcd_eacces, EACCES, "",
	  KC_NOBODY },
	{ "fchdir", "fchdir(O_PATH directory)", fcd_opath, 0, "", 0 },
	{ "fchdir", "fchdir(O_PATH /dev/null)", fcd_opath_file, ENOTDIR, "", 0 },

	/* utimensat */
	{ "utimensat", "utimensat(file fd, NULL, NULL, 0)", ut_fd, 0, "", 0 },
	{ "utimensat", "utimensat(file fd, NULL, NULL, AT_SYMLINK_NOFOLLOW)", ut_fd_flag, EINVAL,
	  "", 0 },
	{ "utimensat", "utimensat(O_PATH fd, NULL, NULL, 0)", ut_opath_null, EBADF, "", 0 },
	{ "utimensat", "utimensat(O_PATH fd, \"\", NULL, AT_EMPTY_PATH)", ut_opath_empty, 0, "", 0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"\", {1s, 2s}, AT_EMPTY_PATH)", ut_cwd_empty, 0, "",
	  0 },
	{ "utimensat", "utimensat(AT_FDCWD, NULL, NULL, 0)", ut_null_fdcwd, EFAULT, "", 0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"f\", (void *)1, 0)", ut_efault_times, EFAULT, "", 0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"f\", {{0, 1000000000}, {0, 0}}, 0)", ut_bad_nsec,
	  EINVAL, "", 0 },
	{ "utimensat", "utimensat(-1, (char *)1, {UTIME_OMIT, UTIME_OMIT}, 0x8000) (nothing to do)",
	  ut_omit_bad_flags, 0, "arg:flags", 0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"f\", NULL, 0x8000)", ut_bad_flags, EINVAL, "arg:flags",
	  0 },
	{ "utimensat", "utimensat(-1, \"/abs/f\", {1s, 2s}, 0) (dfd unused)", ut_abs_bad_dfd, 0, "",
	  0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"l\" (dangling), {1s, 2s}, AT_SYMLINK_NOFOLLOW)",
	  ut_nofollow_link, 0, "", 0 },
	{ "utimensat", "utimensat(AT_FDCWD, \".\" (root's, 0777), {1s, 2s}, 0) as nobody",
	  ut_eperm_nobody, EPERM, "", KC_NOBODY },
	{ "utimensat", "utimensat(AT_FDCWD, \".\" (root's, 0777), {UTIME_NOW, UTIME_OMIT}, 0) as nobody",
	  ut_now_omit_nobody, EPERM, "", KC_NOBODY },
	{ "utimensat", "utimensat(AT_FDCWD, \".\" (root's, 0777), NULL, 0) as nobody",
	  ut_touch_nobody, 0, "", KC_NOBODY },
	{ "utimensat", "utimensat(AT_FDCWD, \"f\" (root's, 0644), NULL, 0) as nobody", ut_eacces,
	  EACCES, "", 0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"f\" (immutable), NULL, 0)", ut_immutable_touch, EPERM,
	  "", 0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"f\" (append-only), NULL, 0)", ut_append_touch, 0, "",
	  0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"f\" (append-only), {1s, 2s}, 0)", ut_append_set,
	  EPERM, "", 0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"ro/f\" (read-only tmpfs), NULL, 0)", ut_erofs, EROFS,
	  "", 0 },
	{ "utimensat", "utimensat(eventfd, NULL, NULL, 0)", ut_eventfd, EOPNOTSUPP, "", 0 },
	{ "utimensat", "utimensat(pipe, NULL, NULL, 0)", ut_pipe, 0, "", 0 },
	{ "utimensat", "utimensat(AT_FDCWD, \"f\", NULL, 0) with our write delegation on f, "
	  "interrupted by SIGALRM", ut_eintr, EINTR, "", 0 },
};

KC_GROUP(sync, cases);

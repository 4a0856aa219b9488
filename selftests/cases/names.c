// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the names group: mkdir, mkdirat, mknod, mknodat, rmdir, unlink, unlinkat, symlink,
 * symlinkat, link, linkat, rename, renameat, renameat2, readlink, readlinkat. See
 * specs/decisions/names.md for why each errno happens.
 *
 * The single-rule calls (flag masks, bufsiz, descriptor and path kinds) are generated from the
 * specs by `kapi cases`. These cases are the rest: errnos that need state (other mounts, a
 * read-only or full tmpfs, immutable and append-only files, sticky directories as nobody,
 * fs.protected_hardlinks, delegations interrupted by a signal, mount points), last components
 * such as "." and "..", and which errno wins when checks combine.
 *
 * Whatever carries an immutable or append-only flag lives on a private tmpfs that the case
 * unmounts (MNT_DETACH) before returning, so the case directory can still be removed.
 */
#include "cases.h"

#include <grp.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/sysmacros.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
#ifndef RENAME_WHITEOUT
#define RENAME_WHITEOUT (1 << 2)
#endif
#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif
#ifndef AT_SYMLINK_FOLLOW
#define AT_SYMLINK_FOLLOW 0x400
#endif
#ifndef AT_REMOVEDIR
#define AT_REMOVEDIR 0x200
#endif
/* <linux/fs.h> clashes with <sys/mount.h>: the ioctl and flags by value. */
#define SETFLAGS_ _IOW('f', 2, long)
#define IMMUTABLE_FL_ 0x00000010
#define APPEND_FL_ 0x00000020
/* F_SETDELEG (include/uapi/linux/fcntl.h, recent) and its argument. */
#define F_SETDELEG_ (1024 + 16)
struct delegation_ {
	uint32_t d_flags;
	uint16_t d_type;
	uint16_t pad;
};

static char buf[8192];

/* ---- helpers ---------------------------------------------------------------------------- */

static void xmkdir(const char *path, mode_t mode)
{
	if (mkdir(path, mode))
		kc_die(path);
}

static void xsymlink(const char *target, const char *path)
{
	if (symlink(target, path))
		kc_die("symlink");
}

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		kc_die(path);
	return fd;
}

/* ./name, one byte, no descriptor left open. */
static void file(const char *name)
{
	close(kc_file(name, 1));
}

/* ./loop -> loop2 -> loop */
static void loop(void)
{
	xsymlink("loop2", "loop");
	xsymlink("loop", "loop2");
}

/* Mounts a fresh file system on ./dir (made if missing). */
static void mount_at(const char *dir, const char *type, unsigned long flags, const char *opts)
{
	if (mkdir(dir, 0777) && errno != EEXIST)
		kc_die("mkdir");
	if (mount("kapi-names", dir, type, flags, opts))
		kc_die("mount");
}

static void tmpfs_at(const char *dir, unsigned long flags, const char *opts)
{
	mount_at(dir, "tmpfs", flags, opts);
}

/* FS_IOC_SETFLAGS on path (tmpfs supports FS_IMMUTABLE_FL and FS_APPEND_FL). */
static void set_flags(const char *path, int flags)
{
	int fd = xopen(path, O_RDONLY | O_NONBLOCK);

	if (ioctl(fd, SETFLAGS_, &flags))
		kc_die("FS_IOC_SETFLAGS");
	close(fd);
}

static void drop_to_nobody(void)
{
	if (setgroups(0, NULL) || setresgid(65534, 65534, 65534) ||
	    setresuid(65534, 65534, 65534))
		kc_die("setresuid");
}

/*
 * Runs fn() in a child as uid/gid 65534 and returns its result: for setups made as root
 * (root-owned files, sysctls that only root may restore) around a call made as nobody.
 */
static long as_nobody(long (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (pid == 0) {
		long r;

		if (setgroups(0, NULL) || setresgid(65534, 65534, 65534) ||
		    setresuid(65534, 65534, 65534))
			_exit(100);
		r = fn();
		_exit(r < 0 ? errno : 0);
	}
	if (waitpid(pid, &status, 0) != pid)
		kc_die("waitpid");
	/* 100: the drop failed; 99: kc_die() in fn's setup. */
	if (!WIFEXITED(status) || WEXITSTATUS(status) == 100 || WEXITSTATUS(status) == 99)
		kc_die("child");
	errno = WEXITSTATUS(status);
	return errno ? -1 : 0;
}

/* A root-owned sticky world-writable ./s holding the root-owned file s/f and directory s/d. */
static void sticky(void)
{
	xmkdir("s", 0777);
	if (chmod("s", 01777))
		kc_die("chmod");
	file("s/f");
	xmkdir("s/d", 0755);
}

/* As nobody: an own directory ./p holding p/f and p/d, then made read-only (0555). */
static void readonly_dir(void)
{
	xmkdir("p", 0755);
	file("p/f");
	xmkdir("p/d", 0755);
	if (chmod("p", 0555))
		kc_die("chmod");
}

/*
 * Takes a read delegation (F_SETDELEG) on path and arms SIGALRM: the next call that changes
 * path (or, for a directory, its entries) waits for the delegation to be returned, which
 * never happens (the lease-break SIGIO is ignored), until the signal interrupts it.
 */
static void delegated(const char *path, int dir)
{
	struct delegation_ d = { 0, F_RDLCK, 0 };
	int fd = xopen(path, O_RDONLY | (dir ? O_DIRECTORY : 0));

	if (syscall(SYS_fcntl, fd, F_SETDELEG_, &d))
		kc_die("F_SETDELEG");
	signal(SIGIO, SIG_IGN);
	kc_interrupt_after(100);
}

/* ---- mkdir, mkdirat --------------------------------------------------------------------- */

static long mk(const char *path) { return syscall(SYS_mkdir, path, 0755); }
static long mk_dot(void) { return mk("."); }
static long mk_dotdot(void) { return mk(".."); }
static long mk_root(void) { return mk("/"); }
static long mk_slash(void) { return mk("x/"); }
static long mk_dangling(void)
{
	xsymlink("missing", "l");
	return mk("l");
}
static long mk_long_component(void)
{
	char name[300];

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	return mk(name);
}
static long mk_eloop(void)
{
	loop();
	return mk("loop/x");
}
static long mk_eacces(void)
{
	readonly_dir();
	return mk("p/x");
}
static long mk_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", mk("ro/x"));
}
static long mk_erofs_eexist(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", mk("ro/."));
}
static long mk_enospc(void)
{
	tmpfs_at("m", 0, "nr_inodes=1");
	return kc_unmounting("m", mk("m/x"));
}
static long mk_eperm_sysfs(void)
{
	mount_at("s", "sysfs", 0, NULL);
	return kc_unmounting("s", mk("s/x"));
}
static long mk_eperm_immutable(void)
{
	tmpfs_at("m", 0, NULL);
	xmkdir("m/d", 0755);
	set_flags("m/d", IMMUTABLE_FL_);
	return kc_unmounting("m", mk("m/d/x"));
}
static long mk_proc(void) { return mk("/proc/x"); }
static long mk_removed_cwd(void)
{
	xmkdir("d", 0755);
	if (chdir("d") || rmdir("../d"))
		kc_die("chdir/rmdir");
	return mk("x");
}
static long mk_eintr(void)
{
	delegated(".", 1);
	return mk("x");
}
static long mkat_dirfd(void)
{
	xmkdir("d", 0755);
	return syscall(SYS_mkdirat, xopen("d", O_RDONLY | O_DIRECTORY), "x", 0755);
}
static long mkat_opath(void)
{
	xmkdir("d", 0755);
	return syscall(SYS_mkdirat, xopen("d", O_PATH), "x", 0755);
}
static long mkat_abs(void)
{
	char path[PATH_MAX];

	if (!getcwd(path, sizeof(path) - 2))
		kc_die("getcwd");
	strcat(path, "/x");
	return syscall(SYS_mkdirat, -1, path, 0755);
}
static long mkat_ebadf(void) { return syscall(SYS_mkdirat, 999, "x", 0755); }

/* ---- mknod, mknodat --------------------------------------------------------------------- */

static long mn(const char *path, mode_t mode, dev_t dev)
{
	return syscall(SYS_mknod, path, mode, (unsigned int)dev);
}
static long mn_fifo(void) { return mn("x", S_IFIFO | 0600, 0); }
static long mn_sock(void) { return mn("x", S_IFSOCK | 0600, 0); }
static long mn_zero(void) { return mn("x", 0600, 0); }
static long mn_chr(void) { return mn("x", S_IFCHR | 0600, makedev(1, 3)); }
static long mn_blk(void) { return mn("x", S_IFBLK | 0600, makedev(7, 0)); }
static long mn_whiteout(void) { return mn("x", S_IFCHR | 0600, 0); }
static long mn_dir(void) { return mn("x", S_IFDIR | 0755, 0); }
static long mn_dir_null(void) { return mn(NULL, S_IFDIR | 0755, 0); }
static long mn_ifmt(void) { return mn("x", S_IFMT | 0600, 0); }
static long mn_lnk(void) { return mn("x", S_IFLNK | 0777, 0); }
static long mn_bad_type_efault(void) { return mn((const char *)1, 0030000 | 0600, 0); }
static long mn_slash(void) { return mn("x/", S_IFREG | 0600, 0); }
static long mn_slash_exists(void)
{
	file("f");
	return mn("f/", S_IFREG | 0600, 0);
}
static long mn_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", mn("ro/x", S_IFIFO | 0600, 0));
}
static long mn_enospc(void)
{
	tmpfs_at("m", 0, "nr_inodes=1");
	return kc_unmounting("m", mn("m/x", S_IFREG | 0600, 0));
}
static long mn_sysfs_reg(void)
{
	mount_at("s", "sysfs", 0, NULL);
	return kc_unmounting("s", mn("s/x", S_IFREG | 0600, 0));
}
static long mn_sysfs_fifo(void)
{
	mount_at("s", "sysfs", 0, NULL);
	return kc_unmounting("s", mn("s/x", S_IFIFO | 0600, 0));
}
static long mn_eintr(void)
{
	delegated(".", 1);
	return mn("x", S_IFIFO | 0600, 0);
}
static long mnat_dirfd(void)
{
	xmkdir("d", 0755);
	return syscall(SYS_mknodat, xopen("d", O_RDONLY | O_DIRECTORY), "x", S_IFIFO | 0600, 0);
}
static long mnat_dir_ebadf(void) { return syscall(SYS_mknodat, 999, "x", S_IFDIR | 0755, 0); }

/* ---- rmdir ------------------------------------------------------------------------------ */

static long rd(const char *path) { return syscall(SYS_rmdir, path); }
static long rd_dot(void) { return rd("."); }
static long rd_dotdot(void) { return rd(".."); }
static long rd_root(void) { return rd("/"); }
static long rd_notempty(void)
{
	xmkdir("d", 0755);
	file("d/x");
	return rd("d");
}
static long rd_symlink_to_dir(void)
{
	xmkdir("d", 0755);
	xsymlink("d", "l");
	return rd("l");
}
static long rd_slash(void)
{
	xmkdir("d", 0755);
	return rd("d/");
}
static long rd_cwd(void)
{
	xmkdir("d", 0755);
	if (chdir("d"))
		kc_die("chdir");
	return rd("../d");
}
static long rd_mountpoint(void)
{
	tmpfs_at("m", 0, NULL);
	return kc_unmounting("m", rd("m"));
}
static long rd_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", rd("ro/missing"));
}
static long rd_proc(void) { return rd("/proc/sys"); }
static long rd_eperm_immutable(void)
{
	tmpfs_at("m", 0, NULL);
	xmkdir("m/d", 0755);
	set_flags("m/d", IMMUTABLE_FL_);
	return kc_unmounting("m", rd("m/d"));
}
static long rd_eperm_append_parent(void)
{
	tmpfs_at("m", 0, NULL);
	xmkdir("m/a", 0755);
	xmkdir("m/a/d", 0755);
	set_flags("m/a", APPEND_FL_);
	return kc_unmounting("m", rd("m/a/d"));
}
static long rd_sticky_call(void) { return rd("s/d"); }
static long rd_sticky(void)
{
	sticky();
	return as_nobody(rd_sticky_call);
}
static long rd_eacces(void)
{
	readonly_dir();
	return rd("p/d");
}
static long rd_eintr(void)
{
	xmkdir("d", 0755);
	delegated(".", 1);
	return rd("d");
}

/* ---- unlink, unlinkat ------------------------------------------------------------------- */

static long ul(const char *path) { return syscall(SYS_unlink, path); }
static long ul_dot(void) { return ul("."); }
static long ul_dotdot(void) { return ul(".."); }
static long ul_root(void) { return ul("/"); }
static long ul_file_slash(void)
{
	file("f");
	return ul("f/");
}
static long ul_dir_slash(void)
{
	xmkdir("d", 0755);
	return ul("d/");
}
static long ul_symlink(void)
{
	loop();
	return ul("loop");
}
static long ul_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", ul("ro/missing"));
}
static long ul_ebusy(void)
{
	long r;

	file("f");
	file("g");
	if (mount("f", "g", NULL, MS_BIND, NULL))
		kc_die("bind mount");
	r = ul("g");
	return kc_unmounting("g", r);
}
static long ul_proc(void) { return ul("/proc/self/status"); }
static long ul_eperm_immutable(void)
{
	tmpfs_at("m", 0, NULL);
	file("m/f");
	set_flags("m/f", IMMUTABLE_FL_);
	return kc_unmounting("m", ul("m/f"));
}
static long ul_eperm_append(void)
{
	tmpfs_at("m", 0, NULL);
	file("m/f");
	set_flags("m/f", APPEND_FL_);
	return kc_unmounting("m", ul("m/f"));
}
static long ul_eperm_append_parent(void)
{
	tmpfs_at("m", 0, NULL);
	xmkdir("m/a", 0755);
	file("m/a/f");
	set_flags("m/a", APPEND_FL_);
	return kc_unmounting("m", ul("m/a/f"));
}
static long ul_sticky_call(void) { return ul("s/f"); }
static long ul_sticky(void)
{
	sticky();
	return as_nobody(ul_sticky_call);
}
static long ul_sticky_own_call(void)
{
	file("s/mine");
	return ul("s/mine");
}
static long ul_sticky_own(void)
{
	sticky();
	return as_nobody(ul_sticky_own_call);
}
static long ul_eacces(void)
{
	readonly_dir();
	return ul("p/f");
}
static long ul_eintr_dir(void)
{
	file("f");
	delegated(".", 1);
	return ul("f");
}
static long ul_eintr_file(void)
{
	file("f");
	delegated("f", 0);
	return ul("f");
}
static long ua(int dfd, const char *path, int flag)
{
	return syscall(SYS_unlinkat, dfd, path, flag);
}
static long ua_removedir(void)
{
	xmkdir("d", 0755);
	return ua(AT_FDCWD, "d", AT_REMOVEDIR);
}
static long ua_removedir_file(void)
{
	file("f");
	return ua(AT_FDCWD, "f", AT_REMOVEDIR);
}
static long ua_flag_first(void) { return ua(-1, (const char *)1, 0x100); }
static long ua_dot_removedir(void) { return ua(AT_FDCWD, ".", AT_REMOVEDIR); }
static long ua_dotdot_removedir(void) { return ua(AT_FDCWD, "..", AT_REMOVEDIR); }
static long ua_dot(void) { return ua(AT_FDCWD, ".", 0); }
static long ua_dirfd(void)
{
	xmkdir("d", 0755);
	file("d/x");
	return ua(xopen("d", O_RDONLY | O_DIRECTORY), "x", 0);
}
static long ua_ebadf(void) { return ua(999, "x", AT_REMOVEDIR); }
static long ua_mountpoint(void)
{
	tmpfs_at("m", 0, NULL);
	return kc_unmounting("m", ua(AT_FDCWD, "m", AT_REMOVEDIR));
}

/* ---- symlink, symlinkat ----------------------------------------------------------------- */

static long sl(const char *target, const char *path) { return syscall(SYS_symlink, target, path); }
static long sl_dangling(void) { return sl("missing/nothing", "x"); }
static long sl_empty(void) { return sl("", "x"); }
static long sl_efault_target(void) { return sl((const char *)1, "x"); }
static long sl_target_first(void) { return sl("", (const char *)1); }
static long sl_4095(void)
{
	static char target[4096];

	memset(target, 'a', 4095);
	return sl(target, "x");
}
static long sl_4096(void)
{
	static char target[4097];

	memset(target, 'a', 4096);
	return sl(target, "x");
}
static long sl_slash(void) { return sl("f", "x/"); }
static long sl_eloop(void)
{
	loop();
	return sl("f", "loop/x");
}
static long sl_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", sl("f", "ro/x"));
}
static long sl_enospc(void)
{
	tmpfs_at("m", 0, "nr_inodes=1");
	return kc_unmounting("m", sl("f", "m/x"));
}
static long sl_sysfs(void)
{
	mount_at("s", "sysfs", 0, NULL);
	return kc_unmounting("s", sl("f", "s/x"));
}
static long sl_proc(void) { return sl("f", "/proc/x"); }
static long sl_eacces(void)
{
	readonly_dir();
	return sl("f", "p/x");
}
static long sl_eintr(void)
{
	delegated(".", 1);
	return sl("f", "x");
}
static long sla_ebadf(void) { return syscall(SYS_symlinkat, "f", 999, "x"); }
static long sla_target_first(void) { return syscall(SYS_symlinkat, "", 999, "x"); }
static long sla_dirfd(void)
{
	xmkdir("d", 0755);
	return syscall(SYS_symlinkat, "f", xopen("d", O_RDONLY | O_DIRECTORY), "x");
}

/* ---- link, linkat ----------------------------------------------------------------------- */

static long ln(const char *old, const char *new) { return syscall(SYS_link, old, new); }
static long la(int ofd, const char *old, int nfd, const char *new, int flags)
{
	return syscall(SYS_linkat, ofd, old, nfd, new, flags);
}
static long ln_symlink(void)
{
	xsymlink("missing", "l");
	return ln("l", "x");
}
static long ln_exdev(void)
{
	file("f");
	tmpfs_at("m", 0, NULL);
	return kc_unmounting("m", ln("f", "m/x"));
}
static long ln_exdev_proc(void)
{
	return ln("/proc/self/status", "x");
}
static long ln_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", ln("ro", "ro/x"));
}
static long ln_erofs_first(void)
{
	file("f");
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", ln("f", "ro/x"));
}
static long ln_enospc(void)
{
	tmpfs_at("m", 0, "nr_inodes=2");
	file("m/f");
	return kc_unmounting("m", ln("m/f", "m/g"));
}
static long ln_eperm_immutable(void)
{
	tmpfs_at("m", 0, NULL);
	file("m/f");
	set_flags("m/f", IMMUTABLE_FL_);
	return kc_unmounting("m", ln("m/f", "m/g"));
}
static long ln_eperm_append(void)
{
	tmpfs_at("m", 0, NULL);
	file("m/f");
	set_flags("m/f", APPEND_FL_);
	return kc_unmounting("m", ln("m/f", "m/g"));
}
static long ln_protected_call(void) { return ln("f", "x"); }
static long ln_protected(const char *val)
{
	struct kc_sysctl s;
	long r;

	file("f");	/* root's, 0644: nobody may read it, not write it */
	kc_sysctl_set(&s, "/proc/sys/fs/protected_hardlinks", val);
	r = as_nobody(ln_protected_call);
	kc_sysctl_restore(&s);
	return r;
}
static long ln_protected_1(void) { return ln_protected("1\n"); }
static long ln_protected_0(void) { return ln_protected("0\n"); }
static long ln_eacces(void)
{
	readonly_dir();
	return ln("p/f", "p/x");
}
static long ln_eintr(void)
{
	file("f");
	delegated("f", 0);
	return ln("f", "x");
}
static long la_follow(void)
{
	file("f");
	xsymlink("f", "l");
	return la(AT_FDCWD, "l", AT_FDCWD, "x", AT_SYMLINK_FOLLOW);
}
static long la_follow_dangling(void)
{
	xsymlink("missing", "l");
	return la(AT_FDCWD, "l", AT_FDCWD, "x", AT_SYMLINK_FOLLOW);
}
static long la_follow_loop(void)
{
	loop();
	return la(AT_FDCWD, "loop", AT_FDCWD, "x", AT_SYMLINK_FOLLOW);
}
static long la_tmpfile(void)
{
	return la(xopen(".", O_TMPFILE | O_RDWR), "", AT_FDCWD, "x", AT_EMPTY_PATH);
}
static long la_unlinked(void)
{
	int fd = kc_file("f", 1);

	if (unlink("f"))
		kc_die("unlink");
	return la(fd, "", AT_FDCWD, "x", AT_EMPTY_PATH);
}
static long la_pipe(void)
{
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	return la(p[0], "", AT_FDCWD, "x", AT_EMPTY_PATH);
}
static long la_empty_ebadf(void) { return la(999, "", AT_FDCWD, "x", AT_EMPTY_PATH); }
static long la_empty_noflag(void) { return la(AT_FDCWD, "", AT_FDCWD, "x", 0); }
static long la_empty_cwd(void) { return la(AT_FDCWD, "", AT_FDCWD, "x", AT_EMPTY_PATH); }
static long la_flags_first(void) { return la(-1, (const char *)1, -1, (const char *)1, 0x1); }
static long la_other_creds(void)
{
	int fd = kc_file("f", 1);

	drop_to_nobody();
	return la(fd, "", AT_FDCWD, "x", AT_EMPTY_PATH);
}
static long la_own_fd_nobody(void)
{
	int fd = kc_file("f", 1);

	return la(fd, "", AT_FDCWD, "x", AT_EMPTY_PATH);
}

/* ---- rename, renameat, renameat2 -------------------------------------------------------- */

static long rn(const char *old, const char *new) { return syscall(SYS_rename, old, new); }
static long r2(const char *old, const char *new, unsigned int flags)
{
	return syscall(SYS_renameat2, AT_FDCWD, old, AT_FDCWD, new, flags);
}
static long rn_into_itself(void)
{
	xmkdir("d", 0755);
	return rn("d", "d/x");
}
static long rn_onto_ancestor(void)
{
	xmkdir("d", 0755);
	file("d/x");
	return rn("d/x", "d");
}
static long rn_dot_old(void)
{
	return rn(".", "x");
}
static long rn_dot_new(void)
{
	file("f");
	return rn("f", ".");
}
static long rn_dotdot_new(void)
{
	file("f");
	return rn("f", "..");
}
static long rn_notempty(void)
{
	xmkdir("d", 0755);
	xmkdir("e", 0755);
	file("e/x");
	return rn("d", "e");
}
static long rn_empty_dir(void)
{
	xmkdir("d", 0755);
	xmkdir("e", 0755);
	return rn("d", "e");
}
static long rn_dir_onto_file(void)
{
	xmkdir("d", 0755);
	file("f");
	return rn("d", "f");
}
static long rn_file_slash(void)
{
	file("f");
	return rn("f/", "g");
}
static long rn_dir_slash(void)
{
	xmkdir("d", 0755);
	return rn("d/", "e/");
}
static long rn_same_inode(void)
{
	file("f");
	if (link("f", "g"))
		kc_die("link");
	return rn("f", "g");
}
static long rn_exdev(void)
{
	file("f");
	tmpfs_at("m", 0, NULL);
	return kc_unmounting("m", rn("f", "m/f"));
}
static long rn_exdev_first(void)
{
	tmpfs_at("m", 0, NULL);
	return kc_unmounting("m", rn("missing", "m/."));
}
static long rn_exdev_proc(void)
{
	file("f");
	return rn("f", "/proc/x");
}
static long rn_mountpoint(void)
{
	tmpfs_at("m", 0, NULL);
	return kc_unmounting("m", rn("m", "n"));
}
static long rn_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", rn("ro/missing", "ro/x"));
}
static long rn_proc(void) { return rn("/proc/self/comm", "/proc/self/x"); }
static long rn_sysfs(void)
{
	mount_at("s", "sysfs", 0, NULL);
	return kc_unmounting("s", rn("s/kernel", "s/x"));
}
static long rn_eperm_immutable(void)
{
	tmpfs_at("m", 0, NULL);
	file("m/f");
	set_flags("m/f", IMMUTABLE_FL_);
	return kc_unmounting("m", rn("m/f", "m/g"));
}
static long rn_sticky_call(void) { return rn("s/f", "s/g"); }
static long rn_sticky(void)
{
	sticky();
	return as_nobody(rn_sticky_call);
}
static long rn_eacces(void)
{
	readonly_dir();
	return rn("p/f", "p/x");
}
/* As nobody: moving an own directory without write permission to another parent. */
static long rn_eacces_dotdot(void)
{
	xmkdir("a", 0755);
	xmkdir("b", 0755);
	xmkdir("a/c", 0555);
	return rn("a/c", "b/c");
}
static long rn_same_parent_readonly_dir(void)
{
	xmkdir("c", 0555);
	return rn("c", "e");
}
static long rn_eintr(void)
{
	file("f");
	delegated(".", 1);
	return rn("f", "g");
}
static long rat_dirfds(void)
{
	xmkdir("d", 0755);
	file("d/x");
	return syscall(SYS_renameat, xopen("d", O_RDONLY | O_DIRECTORY), "x", AT_FDCWD, "y");
}
static long rat_ebadf_new(void)
{
	file("f");
	return syscall(SYS_renameat, AT_FDCWD, "f", 999, "x");
}
static long r2_noreplace(void)
{
	file("f");
	file("g");
	return r2("f", "g", RENAME_NOREPLACE);
}
static long r2_noreplace_ok(void)
{
	file("f");
	return r2("f", "g", RENAME_NOREPLACE);
}
static long r2_noreplace_dot(void)
{
	file("f");
	return r2("f", ".", RENAME_NOREPLACE);
}
static long r2_noreplace_dot_old(void) { return r2(".", "x", RENAME_NOREPLACE); }
static long r2_exchange(void)
{
	file("f");
	xmkdir("d", 0755);
	return r2("f", "d", RENAME_EXCHANGE);
}
static long r2_exchange_missing(void)
{
	file("f");
	return r2("f", "missing", RENAME_EXCHANGE);
}
static long r2_exchange_ancestor(void)
{
	xmkdir("d", 0755);
	file("d/x");
	return r2("d/x", "d", RENAME_EXCHANGE);
}
static long r2_whiteout_call(void)
{
	file("f");
	return r2("f", "g", RENAME_WHITEOUT);
}
static long r2_whiteout_enospc(void)
{
	tmpfs_at("m", 0, "nr_inodes=2");
	file("m/f");
	return kc_unmounting("m", r2("m/f", "m/g", RENAME_WHITEOUT));
}
static long r2_sysfs_flag(void)
{
	mount_at("s", "sysfs", 0, NULL);
	return kc_unmounting("s", r2("s/kernel", "s/x", RENAME_NOREPLACE));
}
static long r2_flags_first(void)
{
	return syscall(SYS_renameat2, -1, (const char *)1, -1, (const char *)1,
		       RENAME_EXCHANGE | RENAME_NOREPLACE);
}
static long r2_exchange_whiteout(void)
{
	file("f");
	file("g");
	return r2("f", "g", RENAME_EXCHANGE | RENAME_WHITEOUT);
}

/* ---- readlink, readlinkat --------------------------------------------------------------- */

/* A success of another length than want is a failure the case reports (as EDOM). */
static long length(long r, long want)
{
	if (r < 0 || r == want)
		return r < 0 ? r : 0;
	errno = EDOM;
	return -1;
}

static long rl(const char *path, char *b, int size) { return syscall(SYS_readlink, path, b, size); }
static long rl_ok(void)
{
	xsymlink("target", "l");
	return length(rl("l", buf, sizeof(buf)), 6);
}
static long rl_truncated(void)
{
	xsymlink("target", "l");
	return length(rl("l", buf, 1), 1);
}
static long rl_bufsiz_first(void) { return rl((const char *)1, buf, -1); }
static long rl_efault_buf(void)
{
	xsymlink("target", "l");
	return rl("l", (char *)1, 64);
}
static long rl_long_target(void)
{
	static char target[4096];

	memset(target, 'a', 4095);
	xsymlink(target, "l");
	return length(rl("l", buf, sizeof(buf)), 4095);
}
static long rl_dangling_loop(void)
{
	loop();
	return length(rl("loop", buf, 64), 5);
}
static long rl_loop_prefix(void)
{
	loop();
	return rl("loop/x", buf, 64);
}
static long rl_proc_exe(void)
{
	long r = rl("/proc/self/exe", buf, sizeof(buf));

	return r > 0 ? 0 : length(r, 1);
}
static long rl_proc_init_exe(void) { return rl("/proc/1/exe", buf, sizeof(buf)); }
static long rl_dir(void) { return rl(".", buf, 64); }
static long rla_opath(void)
{
	xsymlink("target", "l");
	return length(syscall(SYS_readlinkat, xopen("l", O_PATH | O_NOFOLLOW), "", buf, 64), 6);
}
static long rla_empty_file(void)
{
	file("f");
	return syscall(SYS_readlinkat, xopen("f", O_RDONLY), "", buf, 64);
}
static long rla_dirfd(void)
{
	xmkdir("d", 0755);
	xsymlink("target", "d/l");
	return length(syscall(SYS_readlinkat, xopen("d", O_RDONLY | O_DIRECTORY), "l", buf, 64), 6);
}
static long rla_empty_ebadf(void) { return syscall(SYS_readlinkat, 999, "", buf, 64); }

/* ---- the cases -------------------------------------------------------------------------- */

static const struct kcase cases[] = {
	/* mkdir, mkdirat */
	{ "mkdir", "mkdir(\".\", 0755)", mk_dot, EEXIST, "", 0 },
	{ "mkdir", "mkdir(\"..\", 0755)", mk_dotdot, EEXIST, "", 0 },
	{ "mkdir", "mkdir(\"/\", 0755)", mk_root, EEXIST, "", 0 },
	{ "mkdir", "mkdir(\"x/\", 0755) (a trailing slash is fine)", mk_slash, 0, "", 0 },
	{ "mkdir", "mkdir(\"l\", 0755) (l: dangling symlink)", mk_dangling, EEXIST, "", 0 },
	{ "mkdir", "mkdir(<299-byte name>, 0755)", mk_long_component, ENAMETOOLONG, "", 0 },
	{ "mkdir", "mkdir(\"loop/x\", 0755) (loop -> loop2 -> loop)", mk_eloop, ELOOP, "", 0 },
	{ "mkdir", "mkdir(\"p/x\", 0755) as nobody (own dir p, mode 0555)", mk_eacces, EACCES, "",
	  KC_NOBODY },
	{ "mkdir", "mkdir(\"ro/x\", 0755) (read-only tmpfs)", mk_erofs, EROFS, "", 0 },
	{ "mkdir", "mkdir(\"ro/.\", 0755) (read-only tmpfs: EEXIST first)", mk_erofs_eexist, EEXIST,
	  "", 0 },
	{ "mkdir", "mkdir(\"m/x\", 0755) (tmpfs nr_inodes=1)", mk_enospc, ENOSPC, "", 0 },
	{ "mkdir", "mkdir(\"s/x\", 0755) (sysfs: no mkdir)", mk_eperm_sysfs, EPERM, "", 0 },
	{ "mkdir", "mkdir(\"m/d/x\", 0755) (d immutable)", mk_eperm_immutable, EPERM, "", 0 },
	{ "mkdir", "mkdir(\"/proc/x\", 0755) (the /proc lookup refuses it)", mk_proc, ENOENT, "",
	  0 },
	{ "mkdir", "mkdir(\"x\", 0755) in a removed working directory", mk_removed_cwd, ENOENT, "",
	  0 },
	{ "mkdir", "mkdir(\"x\", 0755) with a delegation on \".\", interrupted by SIGALRM",
	  mk_eintr, EINTR, "", 0 },
	{ "mkdirat", "mkdirat(dirfd of d, \"x\", 0755)", mkat_dirfd, 0, "", 0 },
	{ "mkdirat", "mkdirat(O_PATH fd of d, \"x\", 0755)", mkat_opath, 0, "", 0 },
	{ "mkdirat", "mkdirat(-1, \"<cwd>/x\", 0755) (dfd unused)", mkat_abs, 0, "", 0 },
	{ "mkdirat", "mkdirat(999, \"x\", 0755)", mkat_ebadf, EBADF, "", 0 },

	/* mknod, mknodat */
	{ "mknod", "mknod(\"x\", S_IFIFO|0600, 0)", mn_fifo, 0, "", 0 },
	{ "mknod", "mknod(\"x\", S_IFSOCK|0600, 0)", mn_sock, 0, "", 0 },
	{ "mknod", "mknod(\"x\", 0600, 0) (type 0: regular)", mn_zero, 0, "", 0 },
	{ "mknod", "mknod(\"x\", S_IFCHR|0600, 1:3)", mn_chr, 0, "", 0 },
	{ "mknod", "mknod(\"x\", S_IFBLK|0600, 7:0) (no CONFIG_BLOCK: still created)", mn_blk, 0,
	  "", 0 },
	{ "mknod", "mknod(\"x\", S_IFCHR|0600, 1:3) as nobody", mn_chr, EPERM, "", KC_NOBODY },
	{ "mknod", "mknod(\"x\", S_IFCHR|0600, 0) as nobody (a whiteout)", mn_whiteout, 0, "",
	  KC_NOBODY },
	{ "mknod", "mknod(\"x\", S_IFDIR|0755, 0)", mn_dir, EPERM, "", 0 },
	{ "mknod", "mknod(NULL, S_IFDIR|0755, 0) (the type is checked first)", mn_dir_null, EPERM,
	  "", 0 },
	{ "mknod", "mknod(\"x\", S_IFMT|0600, 0)", mn_ifmt, EINVAL, "", 0 },
	{ "mknod", "mknod(\"x\", S_IFLNK|0777, 0)", mn_lnk, EINVAL, "", 0 },
	{ "mknod", "mknod((char *)1, 0030600, 0) (the type is checked first)", mn_bad_type_efault,
	  EINVAL, "", 0 },
	{ "mknod", "mknod(\"x/\", S_IFREG|0600, 0)", mn_slash, ENOENT, "", 0 },
	{ "mknod", "mknod(\"f/\", S_IFREG|0600, 0) (f exists)", mn_slash_exists, EEXIST, "", 0 },
	{ "mknod", "mknod(\"ro/x\", S_IFIFO|0600, 0) (read-only tmpfs)", mn_erofs, EROFS, "", 0 },
	{ "mknod", "mknod(\"m/x\", S_IFREG|0600, 0) (tmpfs nr_inodes=1)", mn_enospc, ENOSPC, "",
	  0 },
	{ "mknod", "mknod(\"s/x\", S_IFREG|0600, 0) (sysfs: no create)", mn_sysfs_reg, EACCES, "",
	  0 },
	{ "mknod", "mknod(\"s/x\", S_IFIFO|0600, 0) (sysfs: no mknod)", mn_sysfs_fifo, EPERM, "",
	  0 },
	{ "mknod", "mknod(\"x\", S_IFIFO|0600, 0) with a delegation on \".\", interrupted",
	  mn_eintr, EINTR, "", 0 },
	{ "mknodat", "mknodat(dirfd of d, \"x\", S_IFIFO|0600, 0)", mnat_dirfd, 0, "", 0 },
	{ "mknodat", "mknodat(999, \"x\", S_IFDIR|0755, 0) (the type is checked first)",
	  mnat_dir_ebadf, EPERM, "", 0 },

	/* rmdir */
	{ "rmdir", "rmdir(\".\")", rd_dot, EINVAL, "", 0 },
	{ "rmdir", "rmdir(\"..\")", rd_dotdot, ENOTEMPTY, "", 0 },
	{ "rmdir", "rmdir(\"/\")", rd_root, EBUSY, "", 0 },
	{ "rmdir", "rmdir(\"d\") (d holds a file)", rd_notempty, ENOTEMPTY, "", 0 },
	{ "rmdir", "rmdir(\"l\") (l -> d, not followed)", rd_symlink_to_dir, ENOTDIR, "", 0 },
	{ "rmdir", "rmdir(\"d/\")", rd_slash, 0, "", 0 },
	{ "rmdir", "rmdir(\"../d\") (d is the working directory)", rd_cwd, 0, "", 0 },
	{ "rmdir", "rmdir(\"m\") (a mount point)", rd_mountpoint, EBUSY, "", 0 },
	{ "rmdir", "rmdir(\"ro/missing\") (read-only tmpfs: EROFS before the lookup)", rd_erofs,
	  EROFS, "", 0 },
	{ "rmdir", "rmdir(\"/proc/sys\") (procfs: no rmdir)", rd_proc, EPERM, "", 0 },
	{ "rmdir", "rmdir(\"m/d\") (d immutable)", rd_eperm_immutable, EPERM, "", 0 },
	{ "rmdir", "rmdir(\"m/a/d\") (a append-only)", rd_eperm_append_parent, EPERM, "", 0 },
	{ "rmdir", "rmdir(\"s/d\") as nobody (s sticky, s and d root's)", rd_sticky, EPERM, "", 0 },
	{ "rmdir", "rmdir(\"p/d\") as nobody (own dir p, mode 0555)", rd_eacces, EACCES, "",
	  KC_NOBODY },
	{ "rmdir", "rmdir(\"d\") with a delegation on \".\", interrupted by SIGALRM", rd_eintr,
	  EINTR, "", 0 },

	/* unlink, unlinkat */
	{ "unlink", "unlink(\".\")", ul_dot, EISDIR, "", 0 },
	{ "unlink", "unlink(\"..\")", ul_dotdot, EISDIR, "", 0 },
	{ "unlink", "unlink(\"/\")", ul_root, EISDIR, "", 0 },
	{ "unlink", "unlink(\"f/\") (f is a file)", ul_file_slash, ENOTDIR, "", 0 },
	{ "unlink", "unlink(\"d/\") (d is a directory)", ul_dir_slash, EISDIR, "", 0 },
	{ "unlink", "unlink(\"loop\") (the symlink itself)", ul_symlink, 0, "", 0 },
	{ "unlink", "unlink(\"ro/missing\") (read-only tmpfs: EROFS before the lookup)", ul_erofs,
	  EROFS, "", 0 },
	{ "unlink", "unlink(\"g\") (f bind-mounted on g)", ul_ebusy, EBUSY, "", 0 },
	{ "unlink", "unlink(\"/proc/self/status\") (procfs: no unlink)", ul_proc, EPERM, "", 0 },
	{ "unlink", "unlink(\"m/f\") (f immutable)", ul_eperm_immutable, EPERM, "", 0 },
	{ "unlink", "unlink(\"m/f\") (f append-only)", ul_eperm_append, EPERM, "", 0 },
	{ "unlink", "unlink(\"m/a/f\") (a append-only)", ul_eperm_append_parent, EPERM, "", 0 },
	{ "unlink", "unlink(\"s/f\") as nobody (s sticky, s and f root's)", ul_sticky, EPERM, "",
	  0 },
	{ "unlink", "unlink(\"s/mine\") as nobody (s sticky, mine nobody's)", ul_sticky_own, 0, "",
	  0 },
	{ "unlink", "unlink(\"p/f\") as nobody (own dir p, mode 0555)", ul_eacces, EACCES, "",
	  KC_NOBODY },
	{ "unlink", "unlink(\"f\") with a delegation on \".\", interrupted by SIGALRM",
	  ul_eintr_dir, EINTR, "", 0 },
	{ "unlink", "unlink(\"f\") with a delegation on f, interrupted by SIGALRM", ul_eintr_file,
	  EINTR, "", 0 },
	{ "unlinkat", "unlinkat(AT_FDCWD, \"d\", AT_REMOVEDIR)", ua_removedir, 0, "", 0 },
	{ "unlinkat", "unlinkat(AT_FDCWD, \"f\", AT_REMOVEDIR) (f is a file)", ua_removedir_file,
	  ENOTDIR, "", 0 },
	{ "unlinkat", "unlinkat(-1, (char *)1, 0x100) (the flag is checked first)", ua_flag_first,
	  EINVAL, "arg:flag", 0 },
	{ "unlinkat", "unlinkat(AT_FDCWD, \".\", AT_REMOVEDIR)", ua_dot_removedir, EINVAL, "", 0 },
	{ "unlinkat", "unlinkat(AT_FDCWD, \"..\", AT_REMOVEDIR)", ua_dotdot_removedir, ENOTEMPTY,
	  "", 0 },
	{ "unlinkat", "unlinkat(AT_FDCWD, \".\", 0)", ua_dot, EISDIR, "", 0 },
	{ "unlinkat", "unlinkat(dirfd of d, \"x\", 0)", ua_dirfd, 0, "", 0 },
	{ "unlinkat", "unlinkat(999, \"x\", AT_REMOVEDIR)", ua_ebadf, EBADF, "", 0 },
	{ "unlinkat", "unlinkat(AT_FDCWD, \"m\", AT_REMOVEDIR) (a mount point)", ua_mountpoint,
	  EBUSY, "", 0 },

	/* symlink, symlinkat */
	{ "symlink", "symlink(\"missing/nothing\", \"x\") (dangling)", sl_dangling, 0, "", 0 },
	{ "symlink", "symlink(\"\", \"x\")", sl_empty, ENOENT, "", 0 },
	{ "symlink", "symlink((char *)1, \"x\")", sl_efault_target, EFAULT, "", 0 },
	{ "symlink", "symlink(\"\", (char *)1) (the target is checked first)", sl_target_first,
	  ENOENT, "", 0 },
	{ "symlink", "symlink(<4095-byte target>, \"x\")", sl_4095, 0, "", 0 },
	{ "symlink", "symlink(<4096-byte target>, \"x\")", sl_4096, ENAMETOOLONG, "", 0 },
	{ "symlink", "symlink(\"f\", \"x/\")", sl_slash, ENOENT, "", 0 },
	{ "symlink", "symlink(\"f\", \"loop/x\") (loop -> loop2 -> loop)", sl_eloop, ELOOP, "", 0 },
	{ "symlink", "symlink(\"f\", \"ro/x\") (read-only tmpfs)", sl_erofs, EROFS, "", 0 },
	{ "symlink", "symlink(\"f\", \"m/x\") (tmpfs nr_inodes=1)", sl_enospc, ENOSPC, "", 0 },
	{ "symlink", "symlink(\"f\", \"s/x\") (sysfs: no symlink)", sl_sysfs, EPERM, "", 0 },
	{ "symlink", "symlink(\"f\", \"/proc/x\")", sl_proc, ENOENT, "", 0 },
	{ "symlink", "symlink(\"f\", \"p/x\") as nobody (own dir p, mode 0555)", sl_eacces, EACCES,
	  "", KC_NOBODY },
	{ "symlink", "symlink(\"f\", \"x\") with a delegation on \".\", interrupted by SIGALRM",
	  sl_eintr, EINTR, "", 0 },
	{ "symlinkat", "symlinkat(\"f\", 999, \"x\")", sla_ebadf, EBADF, "", 0 },
	{ "symlinkat", "symlinkat(\"\", 999, \"x\") (the target is checked first)",
	  sla_target_first, ENOENT, "", 0 },
	{ "symlinkat", "symlinkat(\"f\", dirfd of d, \"x\")", sla_dirfd, 0, "", 0 },

	/* link, linkat */
	{ "link", "link(\"l\", \"x\") (l: dangling symlink, linked itself)", ln_symlink, 0, "", 0 },
	{ "link", "link(\"f\", \"m/x\") (m: another tmpfs)", ln_exdev, EXDEV, "", 0 },
	{ "link", "link(\"/proc/self/status\", \"x\")", ln_exdev_proc, EXDEV, "", 0 },
	{ "link", "link(\"ro\", \"ro/x\") (read-only tmpfs: EROFS before EPERM for a directory)",
	  ln_erofs, EROFS, "", 0 },
	{ "link", "link(\"f\", \"ro/x\") (read-only tmpfs: EROFS before EXDEV)", ln_erofs_first,
	  EROFS, "", 0 },
	{ "link", "link(\"m/f\", \"m/g\") (tmpfs nr_inodes=2: a link takes an inode)", ln_enospc,
	  ENOSPC, "", 0 },
	{ "link", "link(\"m/f\", \"m/g\") (f immutable)", ln_eperm_immutable, EPERM, "", 0 },
	{ "link", "link(\"m/f\", \"m/g\") (f append-only)", ln_eperm_append, EPERM, "", 0 },
	{ "link", "link(\"f\", \"x\") as nobody (f root's, 0644; fs.protected_hardlinks 1)",
	  ln_protected_1, EPERM, "", 0 },
	{ "link", "link(\"f\", \"x\") as nobody (f root's, 0644; fs.protected_hardlinks 0)",
	  ln_protected_0, 0, "", 0 },
	{ "link", "link(\"p/f\", \"p/x\") as nobody (own dir p, mode 0555)", ln_eacces, EACCES, "",
	  KC_NOBODY },
	{ "link", "link(\"f\", \"x\") with a delegation on f, interrupted by SIGALRM", ln_eintr,
	  EINTR, "", 0 },
	{ "linkat", "linkat(AT_FDCWD, \"l\" -> f, AT_FDCWD, \"x\", AT_SYMLINK_FOLLOW)", la_follow,
	  0, "", 0 },
	{ "linkat", "linkat(AT_FDCWD, \"l\" (dangling), AT_FDCWD, \"x\", AT_SYMLINK_FOLLOW)",
	  la_follow_dangling, ENOENT, "", 0 },
	{ "linkat", "linkat(AT_FDCWD, \"loop\", AT_FDCWD, \"x\", AT_SYMLINK_FOLLOW)",
	  la_follow_loop, ELOOP, "", 0 },
	{ "linkat", "linkat(O_TMPFILE fd, \"\", AT_FDCWD, \"x\", AT_EMPTY_PATH)", la_tmpfile, 0, "",
	  0 },
	{ "linkat", "linkat(fd of an unlinked file, \"\", AT_FDCWD, \"x\", AT_EMPTY_PATH)",
	  la_unlinked, ENOENT, "", 0 },
	{ "linkat", "linkat(pipe, \"\", AT_FDCWD, \"x\", AT_EMPTY_PATH)", la_pipe, EXDEV, "", 0 },
	{ "linkat", "linkat(999, \"\", AT_FDCWD, \"x\", AT_EMPTY_PATH)", la_empty_ebadf, EBADF, "",
	  0 },
	{ "linkat", "linkat(AT_FDCWD, \"\", AT_FDCWD, \"x\", 0)", la_empty_noflag, ENOENT, "", 0 },
	{ "linkat", "linkat(AT_FDCWD, \"\", AT_FDCWD, \"x\", AT_EMPTY_PATH) (the working directory)",
	  la_empty_cwd, EPERM, "", 0 },
	{ "linkat", "linkat(-1, (char *)1, -1, (char *)1, 0x1) (flags are checked first)",
	  la_flags_first, EINVAL, "arg:flags", 0 },
	{ "linkat", "linkat(fd opened as root, \"\", AT_FDCWD, \"x\", AT_EMPTY_PATH) as nobody",
	  la_other_creds, ENOENT, "", 0 },
	{ "linkat", "linkat(own fd, \"\", AT_FDCWD, \"x\", AT_EMPTY_PATH) as nobody",
	  la_own_fd_nobody, 0, "", KC_NOBODY },

	/* rename, renameat, renameat2 */
	{ "rename", "rename(\"d\", \"d/x\")", rn_into_itself, EINVAL, "", 0 },
	{ "rename", "rename(\"d/x\", \"d\")", rn_onto_ancestor, ENOTEMPTY, "", 0 },
	{ "rename", "rename(\".\", \"x\")", rn_dot_old, EBUSY, "", 0 },
	{ "rename", "rename(\"f\", \".\")", rn_dot_new, EBUSY, "", 0 },
	{ "rename", "rename(\"f\", \"..\")", rn_dotdot_new, EBUSY, "", 0 },
	{ "rename", "rename(\"d\", \"e\") (e holds a file)", rn_notempty, ENOTEMPTY, "", 0 },
	{ "rename", "rename(\"d\", \"e\") (e empty)", rn_empty_dir, 0, "", 0 },
	{ "rename", "rename(\"d\", \"f\") (f is a file)", rn_dir_onto_file, ENOTDIR, "", 0 },
	{ "rename", "rename(\"f/\", \"g\") (f is a file)", rn_file_slash, ENOTDIR, "", 0 },
	{ "rename", "rename(\"d/\", \"e/\")", rn_dir_slash, 0, "", 0 },
	{ "rename", "rename(\"f\", \"g\") (g: a hard link of f; nothing done)", rn_same_inode, 0, "",
	  0 },
	{ "rename", "rename(\"f\", \"m/f\") (m: another tmpfs)", rn_exdev, EXDEV, "", 0 },
	{ "rename", "rename(\"missing\", \"m/.\") (EXDEV before ENOENT and EBUSY)", rn_exdev_first,
	  EXDEV, "", 0 },
	{ "rename", "rename(\"f\", \"/proc/x\")", rn_exdev_proc, EXDEV, "", 0 },
	{ "rename", "rename(\"m\", \"n\") (m: a mount point)", rn_mountpoint, EBUSY, "", 0 },
	{ "rename", "rename(\"ro/missing\", \"ro/x\") (read-only tmpfs: EROFS before the lookup)",
	  rn_erofs, EROFS, "", 0 },
	{ "rename", "rename(\"/proc/self/comm\", \"/proc/self/x\")", rn_proc, ENOENT, "", 0 },
	{ "rename", "rename(\"s/kernel\", \"s/x\") (sysfs)", rn_sysfs, EPERM, "", 0 },
	{ "rename", "rename(\"m/f\", \"m/g\") (f immutable)", rn_eperm_immutable, EPERM, "", 0 },
	{ "rename", "rename(\"s/f\", \"s/g\") as nobody (s sticky, s and f root's)", rn_sticky,
	  EPERM, "", 0 },
	{ "rename", "rename(\"p/f\", \"p/x\") as nobody (own dir p, mode 0555)", rn_eacces, EACCES,
	  "", KC_NOBODY },
	{ "rename", "rename(\"a/c\", \"b/c\") as nobody (own dir c, mode 0555, changes parent)",
	  rn_eacces_dotdot, EACCES, "", KC_NOBODY },
	{ "rename", "rename(\"c\", \"e\") as nobody (own dir c, mode 0555, same parent)",
	  rn_same_parent_readonly_dir, 0, "", KC_NOBODY },
	{ "rename", "rename(\"f\", \"g\") with a delegation on \".\", interrupted by SIGALRM",
	  rn_eintr, EINTR, "", 0 },
	{ "renameat", "renameat(dirfd of d, \"x\", AT_FDCWD, \"y\")", rat_dirfds, 0, "", 0 },
	{ "renameat", "renameat(AT_FDCWD, \"f\", 999, \"x\")", rat_ebadf_new, EBADF, "", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \"f\", AT_FDCWD, \"g\", RENAME_NOREPLACE) (g exists)",
	  r2_noreplace, EEXIST, "", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \"f\", AT_FDCWD, \"g\", RENAME_NOREPLACE)",
	  r2_noreplace_ok, 0, "", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \"f\", AT_FDCWD, \".\", RENAME_NOREPLACE)",
	  r2_noreplace_dot, EEXIST, "", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \".\", AT_FDCWD, \"x\", RENAME_NOREPLACE)",
	  r2_noreplace_dot_old, EBUSY, "", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \"f\", AT_FDCWD, \"d\", RENAME_EXCHANGE)", r2_exchange,
	  0, "", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \"f\", AT_FDCWD, \"missing\", RENAME_EXCHANGE)",
	  r2_exchange_missing, ENOENT, "", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \"d/x\", AT_FDCWD, \"d\", RENAME_EXCHANGE)",
	  r2_exchange_ancestor, EINVAL, "", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \"f\", AT_FDCWD, \"g\", RENAME_WHITEOUT) as nobody",
	  r2_whiteout_call, 0, "", KC_NOBODY },
	{ "renameat2", "renameat2(AT_FDCWD, \"m/f\", AT_FDCWD, \"m/g\", RENAME_WHITEOUT) (tmpfs "
	  "nr_inodes=2: no inode for the whiteout)", r2_whiteout_enospc, ENOSPC, "", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \"s/kernel\", AT_FDCWD, \"s/x\", RENAME_NOREPLACE) "
	  "(sysfs: no flags)", r2_sysfs_flag, EINVAL, "", 0 },
	{ "renameat2", "renameat2(-1, (char *)1, -1, (char *)1, RENAME_EXCHANGE|RENAME_NOREPLACE)",
	  r2_flags_first, EINVAL, "arg:flags", 0 },
	{ "renameat2", "renameat2(AT_FDCWD, \"f\", AT_FDCWD, \"g\", RENAME_EXCHANGE|RENAME_WHITEOUT)",
	  r2_exchange_whiteout, EINVAL, "arg:flags", 0 },

	/* readlink, readlinkat */
	{ "readlink", "readlink(\"l\" -> target, buf, 8192) = 6", rl_ok, 0, "", 0 },
	{ "readlink", "readlink(\"l\" -> target, buf, 1) = 1 (truncated)", rl_truncated, 0, "", 0 },
	{ "readlink", "readlink((char *)1, buf, -1) (bufsiz is checked first)", rl_bufsiz_first,
	  EINVAL, "arg:bufsiz", 0 },
	{ "readlink", "readlink(\"l\", (char *)1, 64)", rl_efault_buf, EFAULT, "", 0 },
	{ "readlink", "readlink(\"l\" -> <4095 bytes>, buf, 8192) = 4095", rl_long_target, 0, "",
	  0 },
	{ "readlink", "readlink(\"loop\", buf, 64) = 5 (not followed)", rl_dangling_loop, 0, "", 0 },
	{ "readlink", "readlink(\"loop/x\", buf, 64)", rl_loop_prefix, ELOOP, "", 0 },
	{ "readlink", "readlink(\"/proc/self/exe\", buf, 8192)", rl_proc_exe, 0, "", 0 },
	{ "readlink", "readlink(\"/proc/1/exe\", buf, 8192) as nobody", rl_proc_init_exe, EACCES,
	  "", KC_NOBODY },
	{ "readlink", "readlink(\".\", buf, 64)", rl_dir, EINVAL, "", 0 },
	{ "readlinkat", "readlinkat(O_PATH|O_NOFOLLOW fd of l, \"\", buf, 64) = 6", rla_opath, 0, "",
	  0 },
	{ "readlinkat", "readlinkat(fd of f, \"\", buf, 64)", rla_empty_file, ENOENT, "", 0 },
	{ "readlinkat", "readlinkat(dirfd of d, \"l\", buf, 64) = 6", rla_dirfd, 0, "", 0 },
	{ "readlinkat", "readlinkat(999, \"\", buf, 64)", rla_empty_ebadf, EBADF, "", 0 },
};

KC_GROUP(names, cases);

// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the perms group: chmod, fchmod, fchmodat, fchmodat2, chown, fchown, lchown,
 * fchownat, access, faccessat, faccessat2. See specs/decisions/perms.md for why each errno
 * happens.
 *
 * The single-rule calls (a flag or mode mask broken, a bad descriptor, each path and
 * descriptor kind) are generated from the specs by `kapi cases`. These cases are the errnos
 * that need state: privileges (as nobody), a read-only mount, immutable files, memfd seals,
 * /proc and its magic links, the /proc directory of an exited task, a delegation broken under
 * a signal; and the combinations where a mask check comes before a bad pointer or descriptor.
 */
#include "cases.h"

#include <grp.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>

#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif
#ifndef AT_EACCESS
#define AT_EACCESS 0x200
#endif
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif
#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x8U
#endif
/* include/uapi/linux/fs.h, without including it next to <sys/mount.h>. */
#define KC_FS_IOC_GETFLAGS 0x80086601UL
#define KC_FS_IOC_SETFLAGS 0x40086602UL
#define KC_FS_IMMUTABLE_FL 0x00000010
#define KC_FS_APPEND_FL 0x00000020
/* include/uapi/linux/fcntl.h (7.x): F_SETDELEG and its argument. */
#define KC_F_SETDELEG (1024 + 16)
struct kc_delegation {
	uint32_t d_flags;
	uint16_t d_type;
	uint16_t pad;
};

/* ---- helpers ---------------------------------------------------------------------------- */

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		kc_die(path);
	return fd;
}

/* ./f, one byte, created by the caller (root unless the case says otherwise), closed. */
static void mkf(void)
{
	close(kc_file("f", 1));
}

/* Drops to uid/gid 65534 without supplementary groups (after root made the fixtures). */
static void become_nobody(void)
{
	if (setgroups(0, NULL) || setresgid(65534, 65534, 65534) ||
	    setresuid(65534, 65534, 65534))
		kc_die("setresuid");
}

/* Mounts a fresh tmpfs on ./dir. */
static void tmpfs_at(const char *dir, unsigned long flags)
{
	if (mkdir(dir, 0777) && errno != EEXIST)
		kc_die("mkdir");
	if (mount("kapi-perms", dir, "tmpfs", flags, NULL))
		kc_die("mount tmpfs");
}

/* Sets the inode flags (FS_IOC_SETFLAGS) of ./f; tmpfs supports immutable and append. */
static void set_iflags(int flags)
{
	int fd = xopen("f", O_RDONLY);

	if (ioctl(fd, KC_FS_IOC_SETFLAGS, &flags))
		kc_die("FS_IOC_SETFLAGS");
	close(fd);
}

/* Clears the inode flags of ./f again (so the case directory can be removed), keeping errno. */
static long unflagging(long r)
{
	int e = errno;

	set_iflags(0);
	errno = e;
	return r;
}

/* A descriptor of the /proc/PID directory of a child that has exited and been reaped. */
static int dead_pid_dir(void)
{
	char path[64], c;
	int p[2], fd;
	pid_t pid;

	if (pipe(p))
		kc_die("pipe");
	pid = fork();
	if (pid < 0)
		kc_die("fork");
	if (pid == 0) {
		close(p[1]);
		while (read(p[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(p[0]);
	snprintf(path, sizeof(path), "/proc/%d", pid);
	fd = xopen(path, O_RDONLY | O_DIRECTORY);
	close(p[1]);
	if (waitpid(pid, NULL, 0) != pid)
		kc_die("waitpid");
	return fd;
}

/* "/proc/self/fd/N" for a descriptor N. */
static const char *fd_path(int fd)
{
	static char path[64];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return path;
}

static int xeventfd(void)
{
	int fd = eventfd(0, 0);

	if (fd < 0)
		kc_die("eventfd");
	return fd;
}

/* An O_PATH|O_NOFOLLOW descriptor of the symlink ./l -> f. */
static int link_opath(void)
{
	mkf();
	if (symlink("f", "l"))
		kc_die("symlink");
	return xopen("l", O_PATH | O_NOFOLLOW);
}

/*
 * ./f (root's, one byte) with a read delegation (F_SETDELEG) held by us through an O_RDONLY
 * descriptor (returned), and SIGALRM due in 100 ms: a chmod or chown of f, even by the holder,
 * must break the delegation and waits for it (fs.lease-break-time, 45 s) interruptibly, so it
 * fails with EINTR.
 */
static int delegated(void)
{
	struct kc_delegation d = { 0, F_RDLCK, 0 };
	int fd;

	mkf();
	fd = xopen("f", O_RDONLY);
	signal(SIGIO, SIG_IGN);	/* the break notifies the holder: us */
	if (fcntl(fd, KC_F_SETDELEG, &d))
		kc_die("F_SETDELEG");
	kc_interrupt_after(100);
	return fd;
}

static long xfchmodat2(int dfd, const char *path, mode_t mode, unsigned int flags)
{
	return syscall(SYS_fchmodat2, dfd, path, mode, flags);
}

static long xfaccessat2(int dfd, const char *path, int mode, int flags)
{
	return syscall(SYS_faccessat2, dfd, path, mode, flags);
}

/* ---- chmod, fchmodat, fchmodat2 --------------------------------------------------------- */

static long c_ok(void)
{
	mkf();
	return syscall(SYS_chmod, "f", 04755);
}
static long c_type_bits(void)
{
	mkf();
	return syscall(SYS_chmod, "f", S_IFDIR | 0600);	/* type bits are masked off */
}
static long c_eperm_nobody(void)
{
	mkf();
	become_nobody();
	return syscall(SYS_chmod, "f", 0600);
}
static long c_eperm_proc(void) { return syscall(SYS_chmod, "/proc/self/status", 0600); }
static long c_eperm_immutable(void)
{
	mkf();
	set_iflags(KC_FS_IMMUTABLE_FL);
	return unflagging(syscall(SYS_chmod, "f", 0600));
}
static long c_eperm_append(void)
{
	mkf();
	set_iflags(KC_FS_APPEND_FL);
	return unflagging(syscall(SYS_chmod, "f", 0600));
}
static long c_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY);
	return kc_unmounting("ro", syscall(SYS_chmod, "ro", 0700));
}
static long c_eopnotsupp_anon(void) { return syscall(SYS_chmod, fd_path(xeventfd()), 0600); }
static long c_eopnotsupp_link(void) { return syscall(SYS_chmod, fd_path(link_opath()), 0600); }
static long c_esrch(void)
{
	char path[96];

	snprintf(path, sizeof(path), "%s/status", fd_path(dead_pid_dir()));
	return syscall(SYS_chmod, path, 0600);
}
static long c_eintr(void)
{
	delegated();
	return syscall(SYS_chmod, "f", 0600);
}

static long ca_dirfd(void)
{
	mkf();
	return syscall(SYS_fchmodat, xopen(".", O_RDONLY | O_DIRECTORY), "f", 0600);
}
static long ca_esrch(void) { return syscall(SYS_fchmodat, dead_pid_dir(), "status", 0600); }

static long c2_nofollow_file(void)
{
	mkf();
	return xfchmodat2(AT_FDCWD, "f", 0600, AT_SYMLINK_NOFOLLOW);
}
static long c2_nofollow_link(void)
{
	close(link_opath());
	return xfchmodat2(AT_FDCWD, "l", 0600, AT_SYMLINK_NOFOLLOW);
}
static long c2_empty_opath(void)
{
	mkf();
	return xfchmodat2(xopen("f", O_PATH), "", 0600, AT_EMPTY_PATH);
}
static long c2_empty_link(void) { return xfchmodat2(link_opath(), "", 0600, AT_EMPTY_PATH); }
static long c2_empty_anon(void) { return xfchmodat2(xeventfd(), "", 0600, AT_EMPTY_PATH); }
static long c2_empty_ebadf(void) { return xfchmodat2(-1, "", 0600, AT_EMPTY_PATH); }
static long c2_flags_first(void) { return xfchmodat2(-1, (const char *)1, 0600, 0x4); }

/* ---- fchmod ----------------------------------------------------------------------------- */

static long fc_rdonly(void)
{
	mkf();
	return syscall(SYS_fchmod, xopen("f", O_RDONLY), 0600);
}
static long fc_pipe(void)
{
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	return syscall(SYS_fchmod, p[0], 0600);
}
static long fc_eperm_nobody(void)
{
	int fd;

	mkf();
	fd = xopen("f", O_RDONLY);
	become_nobody();
	return syscall(SYS_fchmod, fd, 0600);
}
static long fc_eperm_proc(void)
{
	return syscall(SYS_fchmod, xopen("/proc/self/status", O_RDONLY), 0600);
}
static long fc_eperm_seal_exec(void)
{
	int fd = memfd_create("kapi", MFD_NOEXEC_SEAL);

	if (fd < 0)
		kc_die("memfd_create");
	return syscall(SYS_fchmod, fd, 0755);
}
static long fc_seal_exec_same_x(void)
{
	int fd = memfd_create("kapi", MFD_NOEXEC_SEAL);

	if (fd < 0)
		kc_die("memfd_create");
	return syscall(SYS_fchmod, fd, 0600);	/* x bits stay clear: allowed */
}
static long fc_erofs(void)
{
	int fd;

	tmpfs_at("ro", MS_RDONLY);
	fd = xopen("ro", O_RDONLY | O_DIRECTORY);
	return kc_unmounting("ro", syscall(SYS_fchmod, fd, 0700));
}
static long fc_eintr(void)
{
	return syscall(SYS_fchmod, delegated(), 0600);	/* the holder's own descriptor */
}

/* ---- chown, lchown, fchownat ------------------------------------------------------------ */

static long o_ok(void)
{
	mkf();
	return syscall(SYS_chown, "f", 65534, 65534);
}
static long o_keep_nobody(void)
{
	mkf();
	become_nobody();
	return syscall(SYS_chown, "f", -1, -1);	/* root's file: only ctime changes */
}
static long o_eperm_nobody(void)
{
	mkf();	/* as nobody: nobody's file */
	return syscall(SYS_chown, "f", 0, -1);
}
static long o_self_nobody(void)
{
	mkf();	/* as nobody: nobody's file, to nobody's own ids */
	return syscall(SYS_chown, "f", 65534, 65534);
}
static long o_eperm_immutable(void)
{
	mkf();
	set_iflags(KC_FS_IMMUTABLE_FL);
	return unflagging(syscall(SYS_chown, "f", 0, 0));
}
static long o_keep_immutable(void)
{
	mkf();
	set_iflags(KC_FS_IMMUTABLE_FL);
	return unflagging(syscall(SYS_chown, "f", -1, -1));
}
static long o_eperm_sysctl(void) { return syscall(SYS_chown, "/proc/sys/fs/file-max", 0, 0); }
static long o_proc(void) { return syscall(SYS_chown, "/proc/self/status", 0, 0); }
static long o_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY);
	return kc_unmounting("ro", syscall(SYS_chown, "ro", 0, 0));
}
static long o_eopnotsupp_anon(void) { return syscall(SYS_chown, fd_path(xeventfd()), 0, 0); }
static long o_esrch(void)
{
	char path[96];

	snprintf(path, sizeof(path), "%s/status", fd_path(dead_pid_dir()));
	return syscall(SYS_chown, path, 0, 0);
}
static long o_eintr(void)
{
	delegated();
	return syscall(SYS_chown, "f", 0, 0);
}

static long l_link(void)
{
	close(link_opath());
	return syscall(SYS_lchown, "l", 65534, 65534);
}
static long l_loop(void)
{
	if (symlink("loop", "loop"))
		kc_die("symlink");
	return syscall(SYS_lchown, "loop", 0, 0);	/* the symlink itself: no ELOOP */
}
static long l_eloop_prefix(void)
{
	if (symlink("loop", "loop"))
		kc_die("symlink");
	return syscall(SYS_lchown, "loop/x", 0, 0);
}

static long oa_flag_first(void) { return syscall(SYS_fchownat, -1, (const char *)1, 0, 0, 0x4); }
static long oa_empty_opath(void)
{
	mkf();
	return syscall(SYS_fchownat, xopen("f", O_PATH), "", 0, 0, AT_EMPTY_PATH);
}
static long oa_empty_anon(void)
{
	return syscall(SYS_fchownat, xeventfd(), "", 0, 0, AT_EMPTY_PATH);
}
static long oa_empty_ebadf(void) { return syscall(SYS_fchownat, -1, "", 0, 0, AT_EMPTY_PATH); }
static long oa_esrch(void) { return syscall(SYS_fchownat, dead_pid_dir(), "status", 0, 0, 0); }
static long oa_nofollow_loop(void)
{
	if (symlink("loop", "loop"))
		kc_die("symlink");
	return syscall(SYS_fchownat, AT_FDCWD, "loop", 0, 0, AT_SYMLINK_NOFOLLOW);
}

/* ---- fchown ----------------------------------------------------------------------------- */

static long fo_keep_nobody(void)
{
	int fd;

	mkf();
	fd = xopen("f", O_RDONLY);
	become_nobody();
	return syscall(SYS_fchown, fd, -1, -1);
}
static long fo_eperm_nobody(void)
{
	int fd;

	mkf();
	fd = xopen("f", O_RDONLY);
	become_nobody();
	return syscall(SYS_fchown, fd, 65534, -1);
}
static long fo_socket(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		kc_die("socketpair");
	return syscall(SYS_fchown, sv[0], 65534, 65534);
}
static long fo_erofs(void)
{
	int fd;

	tmpfs_at("ro", MS_RDONLY);
	fd = xopen("ro", O_RDONLY | O_DIRECTORY);
	return kc_unmounting("ro", syscall(SYS_fchown, fd, 0, 0));
}
static long fo_eintr(void)
{
	return syscall(SYS_fchown, delegated(), 0, 0);
}

/* ---- access, faccessat, faccessat2 ------------------------------------------------------ */

static long a_ok(void)
{
	mkf();
	return syscall(SYS_access, "f", R_OK | W_OK);
}
static long a_mode_first(void) { return syscall(SYS_access, (const char *)1, 8); }
static long a_eacces_x_root(void)
{
	mkf();	/* mode 0644: no x bit, so not even root may execute it */
	return syscall(SYS_access, "f", X_OK);
}
static long a_eacces_nobody(void)
{
	close(kc_file("f", 1));
	if (chmod("f", 0))
		kc_die("chmod");
	return syscall(SYS_access, "f", R_OK);
}
static long a_eacces_sysctl(void)
{
	return syscall(SYS_access, "/proc/sys/fs/file-max", X_OK);
}
static long a_eperm_immutable(void)
{
	mkf();
	set_iflags(KC_FS_IMMUTABLE_FL);
	return unflagging(syscall(SYS_access, "f", W_OK));
}
static long a_read_immutable(void)
{
	mkf();
	set_iflags(KC_FS_IMMUTABLE_FL);
	return unflagging(syscall(SYS_access, "f", R_OK));
}
static long a_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY);
	return kc_unmounting("ro", syscall(SYS_access, "ro", W_OK));
}
static long a_read_rofs(void)
{
	tmpfs_at("ro", MS_RDONLY);
	return kc_unmounting("ro", syscall(SYS_access, "ro", R_OK));
}
static long a_esrch(void)
{
	char path[96];

	snprintf(path, sizeof(path), "%s/status", fd_path(dead_pid_dir()));
	return syscall(SYS_access, path, F_OK);
}

static long aa_esrch(void) { return syscall(SYS_faccessat, dead_pid_dir(), "status", F_OK); }
static long aa_dirfd(void)
{
	mkf();
	return syscall(SYS_faccessat, xopen(".", O_RDONLY | O_DIRECTORY), "f", R_OK);
}

static long a2_both_masks(void) { return xfaccessat2(AT_FDCWD, "f", 8, 0x4); }
static long a2_empty_esrch(void) { return xfaccessat2(dead_pid_dir(), "", F_OK, AT_EMPTY_PATH); }
static long a2_empty_ebadf(void) { return xfaccessat2(-1, "", F_OK, AT_EMPTY_PATH); }
static long a2_empty_opath(void)
{
	mkf();
	return xfaccessat2(xopen("f", O_PATH), "", R_OK, AT_EMPTY_PATH);
}
static long a2_nofollow_loop(void)
{
	if (symlink("loop", "loop"))
		kc_die("symlink");
	return xfaccessat2(AT_FDCWD, "loop", F_OK, AT_SYMLINK_NOFOLLOW);
}
static long a2_eaccess_nobody(void)
{
	close(kc_file("f", 1));
	if (chmod("f", 0))
		kc_die("chmod");
	return xfaccessat2(AT_FDCWD, "f", R_OK, AT_EACCESS);
}

static const struct kcase cases[] = {
	/* chmod */
	{ "chmod", "chmod(\"f\", 04755)", c_ok, 0, "", 0 },
	{ "chmod", "chmod(\"f\", S_IFDIR|0600) (type bits masked)", c_type_bits, 0, "", 0 },
	{ "chmod", "chmod(\"f\", 0600) as nobody (root's file)", c_eperm_nobody, EPERM, "", 0 },
	{ "chmod", "chmod(\"/proc/self/status\", 0600)", c_eperm_proc, EPERM, "", 0 },
	{ "chmod", "chmod(\"f\", 0600) (immutable)", c_eperm_immutable, EPERM, "", 0 },
	{ "chmod", "chmod(\"f\", 0600) (append-only)", c_eperm_append, EPERM, "", 0 },
	{ "chmod", "chmod(\"ro\", 0700) (read-only tmpfs)", c_erofs, EROFS, "", 0 },
	{ "chmod", "chmod(\"/proc/self/fd/N\", 0600) (N: eventfd)", c_eopnotsupp_anon, EOPNOTSUPP,
	  "", 0 },
	{ "chmod", "chmod(\"/proc/self/fd/N\", 0600) (N: O_PATH|O_NOFOLLOW of a symlink)",
	  c_eopnotsupp_link, EOPNOTSUPP, "", 0 },
	{ "chmod", "chmod(\"/proc/self/fd/N/status\", 0600) (N: /proc/<exited>)", c_esrch, ESRCH,
	  "", 0 },
	{ "chmod", "chmod(\"f\", 0600) (our read delegation) interrupted by SIGALRM", c_eintr, EINTR,
	  "", 0 },

	/* fchmodat */
	{ "fchmodat", "fchmodat(dirfd, \"f\", 0600)", ca_dirfd, 0, "", 0 },
	{ "fchmodat", "fchmodat(/proc/<exited> fd, \"status\", 0600)", ca_esrch, ESRCH, "", 0 },

	/* fchmodat2 */
	{ "fchmodat2", "fchmodat2(AT_FDCWD, \"f\", 0600, AT_SYMLINK_NOFOLLOW)", c2_nofollow_file, 0,
	  "", 0 },
	{ "fchmodat2", "fchmodat2(AT_FDCWD, \"l\", 0600, AT_SYMLINK_NOFOLLOW) (l: symlink)",
	  c2_nofollow_link, EOPNOTSUPP, "", 0 },
	{ "fchmodat2", "fchmodat2(O_PATH fd, \"\", 0600, AT_EMPTY_PATH)", c2_empty_opath, 0, "", 0 },
	{ "fchmodat2", "fchmodat2(O_PATH|O_NOFOLLOW fd of a symlink, \"\", 0600, AT_EMPTY_PATH)",
	  c2_empty_link, EOPNOTSUPP, "", 0 },
	{ "fchmodat2", "fchmodat2(eventfd, \"\", 0600, AT_EMPTY_PATH)", c2_empty_anon, EOPNOTSUPP,
	  "", 0 },
	{ "fchmodat2", "fchmodat2(-1, \"\", 0600, AT_EMPTY_PATH)", c2_empty_ebadf, EBADF, "", 0 },
	{ "fchmodat2", "fchmodat2(-1, (char *)1, 0600, 0x4) (flags first)", c2_flags_first, EINVAL,
	  "arg:flags", 0 },

	/* fchmod */
	{ "fchmod", "fchmod(O_RDONLY fd, 0600)", fc_rdonly, 0, "", 0 },
	{ "fchmod", "fchmod(pipe, 0600)", fc_pipe, 0, "", 0 },
	{ "fchmod", "fchmod(fd of root's file, 0600) as nobody", fc_eperm_nobody, EPERM, "", 0 },
	{ "fchmod", "fchmod(/proc/self/status, 0600)", fc_eperm_proc, EPERM, "", 0 },
	{ "fchmod", "fchmod(memfd MFD_NOEXEC_SEAL, 0755)", fc_eperm_seal_exec, EPERM, "", 0 },
	{ "fchmod", "fchmod(memfd MFD_NOEXEC_SEAL, 0600)", fc_seal_exec_same_x, 0, "", 0 },
	{ "fchmod", "fchmod(dir on read-only tmpfs, 0700)", fc_erofs, EROFS, "", 0 },
	{ "fchmod", "fchmod(fd, 0600) (our read delegation) interrupted by SIGALRM", fc_eintr, EINTR,
	  "", 0 },

	/* chown */
	{ "chown", "chown(\"f\", 65534, 65534)", o_ok, 0, "", 0 },
	{ "chown", "chown(\"f\", -1, -1) as nobody (root's file)", o_keep_nobody, 0, "", 0 },
	{ "chown", "chown(\"f\", 0, -1) as nobody (own file)", o_eperm_nobody, EPERM, "", KC_NOBODY },
	{ "chown", "chown(\"f\", 65534, 65534) as nobody (own file, own ids)", o_self_nobody, 0, "",
	  KC_NOBODY },
	{ "chown", "chown(\"f\", 0, 0) (immutable)", o_eperm_immutable, EPERM, "", 0 },
	{ "chown", "chown(\"f\", -1, -1) (immutable)", o_keep_immutable, 0, "", 0 },
	{ "chown", "chown(\"/proc/sys/fs/file-max\", 0, 0)", o_eperm_sysctl, EPERM, "", 0 },
	{ "chown", "chown(\"/proc/self/status\", 0, 0)", o_proc, 0, "", 0 },
	{ "chown", "chown(\"ro\", 0, 0) (read-only tmpfs)", o_erofs, EROFS, "", 0 },
	{ "chown", "chown(\"/proc/self/fd/N\", 0, 0) (N: eventfd)", o_eopnotsupp_anon, EOPNOTSUPP,
	  "", 0 },
	{ "chown", "chown(\"/proc/self/fd/N/status\", 0, 0) (N: /proc/<exited>)", o_esrch, ESRCH,
	  "", 0 },
	{ "chown", "chown(\"f\", 0, 0) (our read delegation) interrupted by SIGALRM", o_eintr, EINTR,
	  "", 0 },

	/* lchown */
	{ "lchown", "lchown(\"l\", 65534, 65534) (l: symlink)", l_link, 0, "", 0 },
	{ "lchown", "lchown(\"loop\", 0, 0) (loop -> loop)", l_loop, 0, "", 0 },
	{ "lchown", "lchown(\"loop/x\", 0, 0) (loop -> loop)", l_eloop_prefix, ELOOP, "", 0 },

	/* fchownat */
	{ "fchownat", "fchownat(-1, (char *)1, 0, 0, 0x4) (flag first)", oa_flag_first, EINVAL,
	  "arg:flag", 0 },
	{ "fchownat", "fchownat(O_PATH fd, \"\", 0, 0, AT_EMPTY_PATH)", oa_empty_opath, 0, "", 0 },
	{ "fchownat", "fchownat(eventfd, \"\", 0, 0, AT_EMPTY_PATH)", oa_empty_anon, EOPNOTSUPP, "",
	  0 },
	{ "fchownat", "fchownat(-1, \"\", 0, 0, AT_EMPTY_PATH)", oa_empty_ebadf, EBADF, "", 0 },
	{ "fchownat", "fchownat(/proc/<exited> fd, \"status\", 0, 0, 0)", oa_esrch, ESRCH, "", 0 },
	{ "fchownat", "fchownat(AT_FDCWD, \"loop\", 0, 0, AT_SYMLINK_NOFOLLOW) (loop -> loop)",
	  oa_nofollow_loop, 0, "", 0 },

	/* fchown */
	{ "fchown", "fchown(fd of root's file, -1, -1) as nobody", fo_keep_nobody, 0, "", 0 },
	{ "fchown", "fchown(fd of root's file, 65534, -1) as nobody", fo_eperm_nobody, EPERM, "", 0 },
	{ "fchown", "fchown(AF_UNIX socket, 65534, 65534)", fo_socket, 0, "", 0 },
	{ "fchown", "fchown(dir on read-only tmpfs, 0, 0)", fo_erofs, EROFS, "", 0 },
	{ "fchown", "fchown(fd, 0, 0) (our read delegation) interrupted by SIGALRM", fo_eintr, EINTR,
	  "", 0 },

	/* access */
	{ "access", "access(\"f\", R_OK|W_OK)", a_ok, 0, "", 0 },
	{ "access", "access((char *)1, 8) (mode first)", a_mode_first, EINVAL, "arg:mode", 0 },
	{ "access", "access(\"f\", X_OK) (mode 0644, root)", a_eacces_x_root, EACCES, "", 0 },
	{ "access", "access(\"f\", R_OK) as nobody (own file, mode 0)", a_eacces_nobody, EACCES, "",
	  KC_NOBODY },
	{ "access", "access(\"/proc/sys/fs/file-max\", X_OK)", a_eacces_sysctl, EACCES, "", 0 },
	{ "access", "access(\"f\", W_OK) (immutable)", a_eperm_immutable, EPERM, "", 0 },
	{ "access", "access(\"f\", R_OK) (immutable)", a_read_immutable, 0, "", 0 },
	{ "access", "access(\"ro\", W_OK) (read-only tmpfs)", a_erofs, EROFS, "", 0 },
	{ "access", "access(\"ro\", R_OK) (read-only tmpfs)", a_read_rofs, 0, "", 0 },
	{ "access", "access(\"/proc/self/fd/N/status\", F_OK) (N: /proc/<exited>)", a_esrch, ESRCH,
	  "", 0 },

	/* faccessat */
	{ "faccessat", "faccessat(dirfd, \"f\", R_OK)", aa_dirfd, 0, "", 0 },
	{ "faccessat", "faccessat(/proc/<exited> fd, \"status\", F_OK)", aa_esrch, ESRCH, "", 0 },

	/* faccessat2 */
	{ "faccessat2", "faccessat2(AT_FDCWD, \"f\", 8, 0x4)", a2_both_masks, EINVAL,
	  "arg:mode arg:flags", 0 },
	{ "faccessat2", "faccessat2(/proc/<exited> fd, \"\", F_OK, AT_EMPTY_PATH)", a2_empty_esrch,
	  ESRCH, "", 0 },
	{ "faccessat2", "faccessat2(-1, \"\", F_OK, AT_EMPTY_PATH)", a2_empty_ebadf, EBADF, "", 0 },
	{ "faccessat2", "faccessat2(O_PATH fd, \"\", R_OK, AT_EMPTY_PATH)", a2_empty_opath, 0, "",
	  0 },
	{ "faccessat2", "faccessat2(AT_FDCWD, \"loop\", F_OK, AT_SYMLINK_NOFOLLOW) (loop -> loop)",
	  a2_nofollow_loop, 0, "", 0 },
	{ "faccessat2", "faccessat2(AT_FDCWD, \"f\", R_OK, AT_EACCESS) as nobody (own file, mode 0)",
	  a2_eaccess_nobody, EACCES, "", KC_NOBODY },
};

KC_GROUP(perms, cases);

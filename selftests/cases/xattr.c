// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the xattr group: getxattr, lgetxattr, fgetxattr, listxattr, llistxattr, flistxattr,
 * removexattr, lremovexattr, fremovexattr, inotify_init1, inotify_add_watch, inotify_rm_watch.
 * See specs/decisions/xattr.md for why each errno happens.
 *
 * The single-rule calls (each constraint broken at its boundaries, every descriptor and path
 * kind) are generated from the specs by `kapi cases`. These cases are the rest: calls that need
 * an attribute or a watch to exist first, privileges (uid 65534), limits and sysctls, a
 * delegation break interrupted by a signal, and the combinations that show which check comes
 * first.
 */
#include "cases.h"

#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/xattr.h>

/* Not from <linux/fs.h>, whose MS_* clash with <sys/mount.h>. */
#ifndef FS_IOC_SETFLAGS
#define FS_IOC_SETFLAGS _IOW('f', 2, long)
#endif
#ifndef FS_APPEND_FL
#define FS_APPEND_FL 0x00000020
#endif
#ifndef F_SETDELEG
#define F_SETDELEG (1024 + 16)	/* F_LINUX_SPECIFIC_BASE + 16 */
#endif
/* struct delegation of <linux/fcntl.h> (7.2). */
struct kc_delegation {
	uint32_t d_flags;
	uint16_t d_type;
	uint16_t pad;
};
#ifndef IN_MASK_CREATE
#define IN_MASK_CREATE 0x10000000
#endif
#ifndef XATTR_LIST_MAX
#define XATTR_LIST_MAX 65536
#endif

static char buf[1 << 17];

/* ---- helpers ---------------------------------------------------------------------------- */

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		kc_die(path);
	return fd;
}

/* Mounts a fresh tmpfs on ./dir. */
static void tmpfs_at(const char *dir, unsigned long flags, const char *opts)
{
	if (mkdir(dir, 0777) && errno != EEXIST)
		kc_die("mkdir");
	if (mount("kapi-xattr", dir, "tmpfs", flags, opts))
		kc_die("mount tmpfs");
}

/* ./f (1 byte) with user.a = "v"; returns "f". */
static const char *f_with_a(void)
{
	close(kc_file("f", 1));
	if (setxattr("f", "user.a", "v", 1, 0))
		kc_die("setxattr user.a");
	return "f";
}

/* An fd of ./f (1 byte, O_RDWR) with user.a = "v". */
static int fd_with_a(void)
{
	int fd = kc_file("f", 1);

	if (fsetxattr(fd, "user.a", "v", 1, 0))
		kc_die("fsetxattr user.a");
	return fd;
}

static int sock(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		kc_die("socketpair");
	return sv[0];
}

static void drop_to_nobody(void)
{
	if (setresgid(65534, 65534, 65534) || setresuid(65534, 65534, 65534))
		kc_die("setresuid");
}

/*
 * Takes a read delegation (F_SETDELEG) on ./f through an O_RDONLY descriptor, which it returns;
 * SIGIO, by which the break notifies the holder (us), is ignored. A removal then breaks the
 * delegation and waits for it to be returned (lease-break-time, 45 s) until SIGALRM comes.
 */
static int delegated_f(void)
{
	struct kc_delegation d = { .d_flags = 0, .d_type = F_RDLCK, .pad = 0 };
	int fd;

	close(kc_file("f", 1));
	fd = xopen("f", O_RDONLY);
	signal(SIGIO, SIG_IGN);
	if (fcntl(fd, F_SETDELEG, &d))
		kc_die("F_SETDELEG");
	kc_interrupt_after(100);
	return fd;
}

/*
 * As uid 65534 (made dumpable again, so that /proc/self is ours), the /proc/self/map_files link
 * of a fresh one-page mapping of ./f: following it needs CAP_CHECKPOINT_RESTORE or
 * CAP_SYS_ADMIN (proc_map_files_get_link), so a walk through it fails with EPERM.
 */
static const char *map_files_link(void)
{
	static char path[96];
	int fd = kc_file("f", 4096);
	char *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		kc_die("mmap");
	drop_to_nobody();
	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0))
		kc_die("PR_SET_DUMPABLE");
	snprintf(path, sizeof(path), "/proc/self/map_files/%lx-%lx", (unsigned long)p,
		 (unsigned long)p + 4096);
	return path;
}

/* ---- getxattr, lgetxattr (one body, two calls), fgetxattr ------------------------------- */

static int via_l;

static long xg(const char *path, const char *name, void *value, size_t size)
{
	return syscall(via_l ? SYS_lgetxattr : SYS_getxattr, path, name, value, size);
}

#define BOTH(fn)                             \
	static long fn##_p(void)             \
	{                                    \
		via_l = 0;                   \
		return fn();                 \
	}                                    \
	static long fn##_l(void)             \
	{                                    \
		via_l = 1;                   \
		return fn();                 \
	}

static long g_ok(void) { return xg(f_with_a(), "user.a", buf, 16); }
static long g_query(void) { return xg(f_with_a(), "user.a", NULL, 0); }
static long g_huge_size(void) { return xg(f_with_a(), "user.a", buf, (size_t)LONG_MAX + 1); }
static long g_erange(void)
{
	close(kc_file("f", 1));
	if (setxattr("f", "user.a", "vvvv", 4, 0))
		kc_die("setxattr");
	return xg("f", "user.a", buf, 2);
}
static long g_efault(void) { return xg(f_with_a(), "user.a", (void *)1, 16); }
static long g_efault_empty(void)
{
	close(kc_file("f", 1));
	if (setxattr("f", "user.a", "", 0, 0))
		kc_die("setxattr");
	return xg("f", "user.a", (void *)1, 16);
}
static long g_name_empty(void) { return xg(f_with_a(), "", buf, 16); }
static long g_prefix(void) { return xg(f_with_a(), "user.", buf, 16); }
static long g_foo(void) { return xg(f_with_a(), "foo.a", buf, 16); }
static long g_acl(void) { return xg(f_with_a(), "system.posix_acl_access", buf, 16); }
static long g_proc(void) { return xg("/proc/self/status", "user.a", buf, 16); }
static long g_caps_empty(void)
{
	close(kc_file("f", 1));
	if (setxattr("f", "security.capability", "", 0, 0))
		kc_die("setxattr security.capability");
	return xg("f", "security.capability", buf, 64);
}
static long g_trusted_nobody(void)
{
	close(kc_file("f", 1));
	if (setxattr("f", "trusted.a", "v", 1, 0))
		kc_die("setxattr trusted.a");
	drop_to_nobody();
	return xg("f", "trusted.a", buf, 16);
}
static long g_eacces(void)
{
	f_with_a();
	if (chmod("f", 0))
		kc_die("chmod");
	return xg("f", "user.a", buf, 16);
}

BOTH(g_ok) BOTH(g_query) BOTH(g_huge_size) BOTH(g_erange) BOTH(g_efault) BOTH(g_efault_empty)
BOTH(g_name_empty) BOTH(g_prefix) BOTH(g_foo) BOTH(g_acl) BOTH(g_proc) BOTH(g_caps_empty)
BOTH(g_trusted_nobody) BOTH(g_eacces)

static long lg_link_trusted(void)
{
	f_with_a();
	if (symlink("f", "l") || lsetxattr("l", "trusted.a", "v", 1, 0))
		kc_die("symlink, lsetxattr trusted.a");
	return syscall(SYS_lgetxattr, "l", "trusted.a", buf, 16);
}
static long g_map_files(void) { return syscall(SYS_getxattr, map_files_link(), "user.a", buf, 16); }
static long g_link_follows(void)
{
	f_with_a();
	if (symlink("f", "l"))
		kc_die("symlink");
	return syscall(SYS_getxattr, "l", "user.a", buf, 16);
}

static long fg(int fd, const char *name, void *value, size_t size)
{
	return syscall(SYS_fgetxattr, fd, name, value, size);
}
static long fg_ok(void) { return fg(fd_with_a(), "user.a", buf, 16); }
static long fg_cwd(void)
{
	if (setxattr(".", "user.a", "v", 1, 0))
		kc_die("setxattr .");
	return fg(AT_FDCWD, "user.a", buf, 16);
}
static long fg_neg_erange(void) { return fg(-1, "", buf, 16); }
static long fg_erange(void)
{
	int fd = kc_file("f", 1);

	if (fsetxattr(fd, "user.a", "vvvv", 4, 0))
		kc_die("fsetxattr");
	return fg(fd, "user.a", buf, 2);
}
static long fg_sockprotoname(void) { return fg(sock(), "system.sockprotoname", buf, 64); }
static long fg_sockprotoname_erange(void) { return fg(sock(), "system.sockprotoname", buf, 1); }
static long fg_sock_security(void) { return fg(sock(), "security.a", buf, 64); }
static long fg_pipe_trusted(void)
{
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	return fg(p[0], "trusted.a", buf, 16);
}

/* ---- listxattr, llistxattr (one body, two calls), flistxattr ---------------------------- */

static long xl(const char *path, char *list, size_t size)
{
	return syscall(via_l ? SYS_llistxattr : SYS_listxattr, path, list, size);
}

static long l_ok(void) { return xl(f_with_a(), buf, 64); }
static long l_query(void) { return xl(f_with_a(), NULL, 0); }
static long l_erange(void) { return xl(f_with_a(), buf, 4); }
static long l_efault(void) { return xl(f_with_a(), (char *)1, 64); }
static long l_efault_empty(void)
{
	close(kc_file("f", 1));
	return xl("f", (char *)1, 64);
}
static long l_proc(void) { return xl("/proc/self/status", buf, 64); }

/*
 * 270 attributes with 249-byte names on big/f, a list of 270 * 250 = 67500 bytes: more than
 * XATTR_LIST_MAX.
 * On a tmpfs of our own, so that unmounting frees them.
 */
static const char *many_names(void)
{
	char name[256];

	tmpfs_at("big", 0, NULL);
	close(xopen("big/f", O_WRONLY | O_CREAT));
	memset(name, 'a', 249);
	memcpy(name, "user.", 5);
	name[249] = 0;
	for (int i = 0; i < 270; i++) {
		snprintf(name + 5, 8, "%03d", i);
		name[8] = 'a';
		if (setxattr("big/f", name, "", 0, 0))
			kc_die("setxattr of a long name");
	}
	return "big/f";
}
static long l_e2big(void) { return kc_unmounting("big", xl(many_names(), buf, XATTR_LIST_MAX)); }
static long l_big_query(void) { return kc_unmounting("big", xl(many_names(), NULL, 0)); }
static long l_big_erange(void) { return kc_unmounting("big", xl(many_names(), buf, XATTR_LIST_MAX - 1)); }

BOTH(l_ok) BOTH(l_query) BOTH(l_erange) BOTH(l_efault) BOTH(l_efault_empty) BOTH(l_proc)
BOTH(l_e2big) BOTH(l_big_query) BOTH(l_big_erange)

static long l_map_files(void) { return syscall(SYS_listxattr, map_files_link(), buf, 64); }

static long fl(int fd, char *list, size_t size)
{
	return syscall(SYS_flistxattr, fd, list, size);
}
static long fl_ok(void) { return fl(fd_with_a(), buf, 64); }
static long fl_erange(void) { return fl(fd_with_a(), buf, 4); }
static long fl_cwd(void) { return fl(AT_FDCWD, buf, 64); }
static long fl_sock(void) { return fl(sock(), buf, 64); }
static long fl_sock_erange(void) { return fl(sock(), buf, 4); }
static long fl_e2big(void)
{
	many_names();
	return kc_unmounting("big", fl(xopen("big/f", O_RDONLY), buf, XATTR_LIST_MAX));
}
static long fl_trusted_nobody(void)
{
	int fd = kc_file("f", 1);

	if (fsetxattr(fd, "trusted.a", "v", 1, 0))
		kc_die("fsetxattr trusted.a");
	drop_to_nobody();
	return fl(fd, buf, 1);	/* trusted.a is left out: an empty list, not ERANGE */
}

/* ---- removexattr, lremovexattr (one body, two calls), fremovexattr ---------------------- */

static long xr(const char *path, const char *name)
{
	return syscall(via_l ? SYS_lremovexattr : SYS_removexattr, path, name);
}

static long r_ok(void) { return xr(f_with_a(), "user.a"); }
static long r_enodata(void)
{
	close(kc_file("f", 1));
	return xr("f", "user.a");
}
static long r_name_empty(void) { return xr(f_with_a(), ""); }
static long r_efault(void) { return xr(f_with_a(), (const char *)1); }
static long r_prefix(void) { return xr(f_with_a(), "user."); }
static long r_foo(void) { return xr(f_with_a(), "foo.a"); }
static long r_acl(void) { return xr(f_with_a(), "system.posix_acl_access"); }
static long r_proc(void) { return xr("/proc/self/status", "user.a"); }
static long r_eacces(void)
{
	f_with_a();
	if (chmod("f", 0444))
		kc_die("chmod");
	return xr("f", "user.a");
}
static long r_trusted_nobody(void)
{
	close(kc_file("f", 1));
	return xr("f", "trusted.a");
}
static long r_security_nobody(void)
{
	close(kc_file("f", 1));
	return xr("f", "security.a");
}
static long r_append(void)
{
	int fd = fd_with_a();
	int attr = FS_APPEND_FL;
	long r;
	int e;

	if (ioctl(fd, FS_IOC_SETFLAGS, &attr))
		kc_die("chattr +a");
	r = xr("f", "user.a");
	e = errno;
	attr = 0;	/* chattr -a, so that the directory can be cleaned up */
	ioctl(fd, FS_IOC_SETFLAGS, &attr);
	errno = e;
	return r;
}
static long r_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", xr("ro", "user.a"));
}
static long r_sticky(void)
{
	/* Root's sticky directory, removed from by uid 65534 (owner check before write access). */
	if (mkdir("s", 01777) || chmod("s", 01777) || setxattr("s", "user.a", "v", 1, 0))
		kc_die("sticky dir");
	drop_to_nobody();
	return xr("s", "user.a");
}
static long r_eintr(void)
{
	delegated_f();
	return xr("f", "user.a");
}

BOTH(r_ok) BOTH(r_enodata) BOTH(r_name_empty) BOTH(r_efault) BOTH(r_prefix) BOTH(r_foo)
BOTH(r_acl) BOTH(r_proc) BOTH(r_eacces) BOTH(r_trusted_nobody) BOTH(r_security_nobody)
BOTH(r_append) BOTH(r_erofs) BOTH(r_sticky) BOTH(r_eintr)

static long lr_link_trusted(void)
{
	f_with_a();
	if (symlink("f", "l") || lsetxattr("l", "trusted.a", "v", 1, 0))
		kc_die("symlink, lsetxattr trusted.a");
	return syscall(SYS_lremovexattr, "l", "trusted.a");
}
static long r_proc_fd_sock_security(void)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", sock());
	return syscall(SYS_removexattr, path, "security.a");
}

static long fr(int fd, const char *name)
{
	return syscall(SYS_fremovexattr, fd, name);
}
static long fr_ok(void) { return fr(fd_with_a(), "user.a"); }
static long fr_neg_erange(void) { return fr(-1, ""); }
static long fr_cwd(void)
{
	if (setxattr(".", "user.a", "v", 1, 0))
		kc_die("setxattr .");
	return fr(AT_FDCWD, "user.a");
}
static long fr_rdonly(void)
{
	f_with_a();
	return fr(xopen("f", O_RDONLY), "user.a");
}
static long fr_sock_security(void) { return fr(sock(), "security.a"); }
static long fr_sock_user(void)
{
	int fd = sock();

	if (fsetxattr(fd, "user.a", "v", 1, 0))
		kc_die("fsetxattr socket");
	return fr(fd, "user.a");
}
static long fr_pipe_trusted(void)
{
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	return fr(p[0], "trusted.a");
}
static long fr_eintr(void) { return fr(delegated_f(), "user.a"); }
static long fr_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	int fd = xopen("ro", O_RDONLY | O_DIRECTORY);

	return kc_unmounting("ro", fr(fd, "user.a"));
}

/* ---- inotify_init1, inotify_add_watch, inotify_rm_watch --------------------------------- */

static long in_init(int flags) { return syscall(SYS_inotify_init1, flags); }
static long ii_ok(void) { return in_init(IN_CLOEXEC | IN_NONBLOCK); }
static long ii_bad_flag(void) { return in_init(O_APPEND); }
static long ii_max_instances(void)
{
	struct kc_sysctl s;
	long r;

	kc_sysctl_set(&s, "/proc/sys/fs/inotify/max_user_instances", "0\n");
	r = in_init(0);
	kc_sysctl_restore(&s);
	return r;
}
static long ii_rlimit(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return in_init(0);
}
static long ii_0(void) { return in_init(0); }
static long ii_enfile(void) { return kc_with_file_max_0(ii_0); }

static int ino(void)
{
	int fd = inotify_init1(0);

	if (fd < 0)
		kc_die("inotify_init1");
	return fd;
}
static long aw(int fd, const char *path, uint32_t mask)
{
	return syscall(SYS_inotify_add_watch, fd, path, mask);
}
static long aw_ok(void)
{
	close(kc_file("f", 1));
	return aw(ino(), "f", IN_MODIFY);
}
static long aw_again(void)
{
	int fd = ino();

	close(kc_file("f", 1));
	if (aw(fd, "f", IN_MODIFY) != 1)
		kc_die("first watch");
	return aw(fd, "f", IN_ATTRIB | IN_MASK_ADD);	/* the same watch: returns 1 */
}
static long aw_flags_only(void)
{
	close(kc_file("f", 1));
	return aw(ino(), "f", IN_DONT_FOLLOW);
}
static long aw_dont_follow(void)
{
	close(kc_file("f", 1));
	if (symlink("f", "l"))
		kc_die("symlink");
	return aw(ino(), "l", IN_MODIFY | IN_DONT_FOLLOW);
}
static long aw_loop_dont_follow(void)
{
	if (symlink("l2", "l1") || symlink("l1", "l2"))
		kc_die("symlink");
	return aw(ino(), "l1", IN_MODIFY | IN_DONT_FOLLOW);
}
static long aw_add_create(void)
{
	close(kc_file("f", 1));
	return aw(ino(), "f", IN_MODIFY | IN_MASK_ADD | IN_MASK_CREATE);
}
static long aw_add_create_badfd(void) { return aw(-1, "f", IN_MODIFY | IN_MASK_ADD | IN_MASK_CREATE); }
static long aw_zero_badfd(void) { return aw(-1, "f", 0); }
static long aw_eexist(void)
{
	int fd = ino();

	close(kc_file("f", 1));
	if (aw(fd, "f", IN_MODIFY) != 1)
		kc_die("first watch");
	return aw(fd, "f", IN_MODIFY | IN_MASK_CREATE);
}
static long aw_onlydir(void)
{
	close(kc_file("f", 1));
	return aw(ino(), "f", IN_MODIFY | IN_ONLYDIR);
}
static long aw_efault(void) { return aw(ino(), (const char *)1, IN_MODIFY); }
static long aw_eacces(void)
{
	close(kc_file("f", 1));
	if (chmod("f", 0))
		kc_die("chmod");
	return aw(ino(), "f", IN_MODIFY);
}
static long aw_enospc(void)
{
	struct kc_sysctl s;
	int fd = ino();
	long r;

	close(kc_file("f", 1));
	kc_sysctl_set(&s, "/proc/sys/fs/inotify/max_user_watches", "0\n");
	r = aw(fd, "f", IN_MODIFY);
	kc_sysctl_restore(&s);
	return r;
}
static long aw_map_files(void)
{
	int fd = ino();

	return aw(fd, map_files_link(), IN_MODIFY);
}
static long aw_proc(void) { return aw(ino(), "/proc/self/status", IN_ACCESS); }

static long rw(int fd, int wd) { return syscall(SYS_inotify_rm_watch, fd, wd); }
static long rw_twice(void)
{
	int fd = ino();

	close(kc_file("f", 1));
	if (aw(fd, "f", IN_MODIFY) != 1 || rw(fd, 1))
		kc_die("watch, unwatch");
	return rw(fd, 1);
}
static long rw_oneshot(void)
{
	int fd = ino();

	close(kc_file("f", 1));
	if (aw(fd, "f", IN_ATTRIB | IN_ONESHOT) != 1 || chmod("f", 0600))
		kc_die("one-shot watch, event");
	return rw(fd, 1);	/* the one event removed the watch */
}
static long rw_zero_badfd(void) { return rw(-1, 0); }
static long rw_zero_file(void) { return rw(kc_file("f", 1), 0); }

/* ---- the table -------------------------------------------------------------------------- */

/* One case each for the path call and its l-variant; note follows the call. */
#define GC(args, note, fn, err, rep, fl)                                        \
	{ "getxattr", "getxattr(" args ")" note, fn##_p, err, rep, fl },        \
	{ "lgetxattr", "lgetxattr(" args ")" note, fn##_l, err, rep, fl }
#define LC(args, note, fn, err, rep, fl)                                        \
	{ "listxattr", "listxattr(" args ")" note, fn##_p, err, rep, fl },      \
	{ "llistxattr", "llistxattr(" args ")" note, fn##_l, err, rep, fl }
#define RC(args, note, fn, err, rep, fl)                                        \
	{ "removexattr", "removexattr(" args ")" note, fn##_p, err, rep, fl },  \
	{ "lremovexattr", "lremovexattr(" args ")" note, fn##_l, err, rep, fl }

static const struct kcase cases[] = {
	/* getxattr, lgetxattr */
	GC("\"f\", \"user.a\", buf, 16", " (user.a = \"v\")", g_ok, 0, "", 0),
	GC("\"f\", \"user.a\", NULL, 0", " (length query)", g_query, 0, "", 0),
	GC("\"f\", \"user.a\", buf, LONG_MAX+1", " (size is clamped)", g_huge_size, 0, "", 0),
	GC("\"f\", \"user.a\", buf, 2", " (4-byte value)", g_erange, ERANGE, "", 0),
	GC("\"f\", \"user.a\", (void *)1, 16", " (1-byte value)", g_efault, EFAULT, "", 0),
	GC("\"f\", \"user.a\", (void *)1, 16", " (empty value: nothing copied)", g_efault_empty, 0,
	   "", 0),
	GC("\"f\", \"\", buf, 16", "", g_name_empty, ERANGE, "", 0),
	GC("\"f\", \"user.\", buf, 16", "", g_prefix, EINVAL, "", 0),
	GC("\"f\", \"foo.a\", buf, 16", "", g_foo, EOPNOTSUPP, "", 0),
	GC("\"f\", \"system.posix_acl_access\", buf, 16", " (no CONFIG_FS_POSIX_ACL)", g_acl,
	   EOPNOTSUPP, "", 0),
	GC("\"/proc/self/status\", \"user.a\", buf, 16", "", g_proc, EOPNOTSUPP, "", 0),
	GC("\"f\", \"security.capability\", buf, 64", " (empty value stored)", g_caps_empty, EINVAL,
	   "", 0),
	GC("\"f\", \"trusted.a\", buf, 16", " (set by root, read as nobody)", g_trusted_nobody,
	   ENODATA, "", 0),
	GC("\"f\", \"user.a\", buf, 16", " (own file, mode 0, as nobody)", g_eacces, EACCES, "",
	   KC_NOBODY),
	{ "lgetxattr", "lgetxattr(\"l\" (symlink), \"trusted.a\", buf, 16) (set on the link)",
	  lg_link_trusted, 0, "", 0 },
	{ "getxattr", "getxattr(\"l\" -> f, \"user.a\", buf, 16)", g_link_follows, 0, "", 0 },
	{ "getxattr", "getxattr(\"/proc/self/map_files/<f mapping>\", \"user.a\", buf, 16) as nobody",
	  g_map_files, EPERM, "", 0 },

	/* fgetxattr */
	{ "fgetxattr", "fgetxattr(fd, \"user.a\", buf, 16)", fg_ok, 0, "", 0 },
	{ "fgetxattr", "fgetxattr(AT_FDCWD, \"user.a\", buf, 16) (the working directory)", fg_cwd,
	  0, "", 0 },
	{ "fgetxattr", "fgetxattr(-1, \"\", buf, 16) (the name is checked first)", fg_neg_erange,
	  ERANGE, "arg:fd", 0 },
	{ "fgetxattr", "fgetxattr(fd, \"user.a\", buf, 2) (4-byte value)", fg_erange, ERANGE, "",
	  0 },
	{ "fgetxattr", "fgetxattr(socket, \"system.sockprotoname\", buf, 64)", fg_sockprotoname, 0,
	  "", 0 },
	{ "fgetxattr", "fgetxattr(socket, \"system.sockprotoname\", buf, 1)",
	  fg_sockprotoname_erange, ERANGE, "", 0 },
	{ "fgetxattr", "fgetxattr(socket, \"security.a\", buf, 64) (sockfs handler without get)",
	  fg_sock_security, EOPNOTSUPP, "", 0 },
	{ "fgetxattr", "fgetxattr(pipe, \"trusted.a\", buf, 16)", fg_pipe_trusted, EOPNOTSUPP, "",
	  0 },

	/* listxattr, llistxattr */
	LC("\"f\", buf, 64", " (user.a)", l_ok, 0, "", 0),
	LC("\"f\", NULL, 0", " (length query)", l_query, 0, "", 0),
	LC("\"f\", buf, 4", " (user.a needs 7)", l_erange, ERANGE, "", 0),
	LC("\"f\", (char *)1, 64", " (user.a)", l_efault, EFAULT, "", 0),
	LC("\"f\", (char *)1, 64", " (no attributes: nothing copied)", l_efault_empty, 0, "", 0),
	LC("\"/proc/self/status\", buf, 64", " (no xattrs: empty list)", l_proc, 0, "", 0),
	LC("\"big/f\", buf, XATTR_LIST_MAX", " (67500-byte list)", l_e2big, E2BIG, "", 0),
	LC("\"big/f\", NULL, 0", " (67500-byte list: more than XATTR_LIST_MAX)", l_big_query, 0,
	   "", 0),
	LC("\"big/f\", buf, XATTR_LIST_MAX-1", " (67500-byte list)", l_big_erange, ERANGE, "", 0),

	{ "listxattr", "listxattr(\"/proc/self/map_files/<f mapping>\", buf, 64) as nobody",
	  l_map_files, EPERM, "", 0 },

	/* flistxattr */
	{ "flistxattr", "flistxattr(fd, buf, 64)", fl_ok, 0, "", 0 },
	{ "flistxattr", "flistxattr(fd, buf, 4)", fl_erange, ERANGE, "", 0 },
	{ "flistxattr", "flistxattr(AT_FDCWD, buf, 64)", fl_cwd, EBADF, "arg:fd", 0 },
	{ "flistxattr", "flistxattr(socket, buf, 64) (system.sockprotoname)", fl_sock, 0, "", 0 },
	{ "flistxattr", "flistxattr(socket, buf, 4)", fl_sock_erange, ERANGE, "", 0 },
	{ "flistxattr", "flistxattr(big/f fd, buf, XATTR_LIST_MAX) (67500-byte list)", fl_e2big,
	  E2BIG, "", 0 },
	{ "flistxattr", "flistxattr(fd, buf, 1) as nobody (only trusted.a set)",
	  fl_trusted_nobody, 0, "", 0 },

	/* removexattr, lremovexattr */
	RC("\"f\", \"user.a\"", "", r_ok, 0, "", 0),
	RC("\"f\", \"user.a\"", " (not set)", r_enodata, ENODATA, "", 0),
	RC("\"f\", \"\"", "", r_name_empty, ERANGE, "", 0),
	RC("\"f\", (char *)1", "", r_efault, EFAULT, "", 0),
	RC("\"f\", \"user.\"", "", r_prefix, EINVAL, "", 0),
	RC("\"f\", \"foo.a\"", "", r_foo, EOPNOTSUPP, "", 0),
	RC("\"f\", \"system.posix_acl_access\"", " (no CONFIG_FS_POSIX_ACL)", r_acl, EOPNOTSUPP, "",
	   0),
	RC("\"/proc/self/status\", \"user.a\"", "", r_proc, EOPNOTSUPP, "", 0),
	RC("\"f\", \"user.a\"", " (own file, mode 0444, as nobody)", r_eacces, EACCES, "",
	   KC_NOBODY),
	RC("\"f\", \"trusted.a\"", " as nobody", r_trusted_nobody, EPERM, "", KC_NOBODY),
	RC("\"f\", \"security.a\"", " as nobody", r_security_nobody, EPERM, "", KC_NOBODY),
	RC("\"f\", \"user.a\"", " (chattr +a)", r_append, EPERM, "", 0),
	RC("\"ro\", \"user.a\"", " (read-only tmpfs)", r_erofs, EROFS, "", 0),
	RC("\"s\", \"user.a\"", " (root's sticky directory, as nobody)", r_sticky, EPERM, "", 0),
	RC("\"f\", \"user.a\"", " (we hold a read delegation; interrupted)", r_eintr, EINTR, "",
	   0),
	{ "lremovexattr", "lremovexattr(\"l\" (symlink), \"trusted.a\") (set on the link)",
	  lr_link_trusted, 0, "", 0 },
	{ "removexattr", "removexattr(\"/proc/self/fd/N\" -> socket, \"security.a\")",
	  r_proc_fd_sock_security, EAGAIN, "", 0 },

	/* fremovexattr */
	{ "fremovexattr", "fremovexattr(fd, \"user.a\")", fr_ok, 0, "", 0 },
	{ "fremovexattr", "fremovexattr(-1, \"\") (the name is checked first)", fr_neg_erange,
	  ERANGE, "arg:fd", 0 },
	{ "fremovexattr", "fremovexattr(AT_FDCWD, \"user.a\") (user.a set on .)", fr_cwd, EBADF,
	  "arg:fd", 0 },
	{ "fremovexattr", "fremovexattr(O_RDONLY fd, \"user.a\")", fr_rdonly, 0, "", 0 },
	{ "fremovexattr", "fremovexattr(socket, \"security.a\") (sockfs: EAGAIN)",
	  fr_sock_security, EAGAIN, "", 0 },
	{ "fremovexattr", "fremovexattr(socket, \"user.a\")", fr_sock_user, 0, "", 0 },
	{ "fremovexattr", "fremovexattr(pipe, \"trusted.a\")", fr_pipe_trusted, EOPNOTSUPP, "",
	  0 },
	{ "fremovexattr", "fremovexattr(delegated fd, \"user.a\") (interrupted)", fr_eintr, EINTR,
	  "", 0 },
	{ "fremovexattr", "fremovexattr(dir on read-only tmpfs, \"user.a\")", fr_erofs, EROFS, "",
	  0 },

	/* inotify_init1 */
	{ "inotify_init1", "inotify_init1(IN_CLOEXEC|IN_NONBLOCK)", ii_ok, 0, "", 0 },
	{ "inotify_init1", "inotify_init1(O_APPEND)", ii_bad_flag, EINVAL, "arg:flags", 0 },
	{ "inotify_init1", "inotify_init1(0) with fs.inotify.max_user_instances 0",
	  ii_max_instances, EMFILE, "", 0 },
	{ "inotify_init1", "inotify_init1(0) with RLIMIT_NOFILE 0", ii_rlimit, EMFILE, "", 0 },
	{ "inotify_init1", "inotify_init1(0) as nobody with fs.file-max 0", ii_enfile, ENFILE, "",
	  0 },

	/* inotify_add_watch */
	{ "inotify_add_watch", "inotify_add_watch(fd, \"f\", IN_MODIFY)", aw_ok, 0, "", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"f\", IN_ATTRIB|IN_MASK_ADD) (watched)",
	  aw_again, 0, "", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"f\", IN_DONT_FOLLOW) (no event bit)",
	  aw_flags_only, 0, "", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"l\" (symlink), IN_MODIFY|IN_DONT_FOLLOW)",
	  aw_dont_follow, 0, "", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"l1\" (loop), IN_MODIFY|IN_DONT_FOLLOW)",
	  aw_loop_dont_follow, 0, "", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"f\", IN_MODIFY|IN_MASK_ADD|IN_MASK_CREATE)",
	  aw_add_create, EINVAL, "", 0 },
	{ "inotify_add_watch",
	  "inotify_add_watch(-1, \"f\", IN_MODIFY|IN_MASK_ADD|IN_MASK_CREATE) (fd first)",
	  aw_add_create_badfd, EBADF, "arg:fd", 0 },
	{ "inotify_add_watch", "inotify_add_watch(-1, \"f\", 0) (mask first)", aw_zero_badfd,
	  EINVAL, "arg:fd arg:mask", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"f\", IN_MODIFY|IN_MASK_CREATE) (watched)",
	  aw_eexist, EEXIST, "", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"f\", IN_MODIFY|IN_ONLYDIR)", aw_onlydir,
	  ENOTDIR, "", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, (char *)1, IN_MODIFY)", aw_efault, EFAULT,
	  "", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"f\", IN_MODIFY) (own file, mode 0, as nobody)",
	  aw_eacces, EACCES, "", KC_NOBODY },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"f\", IN_MODIFY) with max_user_watches 0",
	  aw_enospc, ENOSPC, "", 0 },
	{ "inotify_add_watch",
	  "inotify_add_watch(fd, \"/proc/self/map_files/<f mapping>\", IN_MODIFY) as nobody",
	  aw_map_files, EPERM, "", 0 },
	{ "inotify_add_watch", "inotify_add_watch(fd, \"/proc/self/status\", IN_ACCESS)", aw_proc,
	  0, "", 0 },

	/* inotify_rm_watch */
	{ "inotify_rm_watch", "inotify_rm_watch(fd, 1) (already removed)", rw_twice, EINVAL, "", 0 },
	{ "inotify_rm_watch", "inotify_rm_watch(fd, 1) (IN_ONESHOT watch after its event)",
	  rw_oneshot, EINVAL, "", 0 },
	{ "inotify_rm_watch", "inotify_rm_watch(-1, 0) (fd first)", rw_zero_badfd, EBADF,
	  "arg:fd arg:wd", 0 },
	{ "inotify_rm_watch", "inotify_rm_watch(file fd, 0)", rw_zero_file, EINVAL, "arg:wd", 0 },
};

KC_GROUP(xattr, cases);

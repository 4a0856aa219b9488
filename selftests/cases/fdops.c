// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the fdops group: fcntl, ioctl, dup2, pipe, creat, close_range, openat2, flock,
 * umask. See specs/decisions/fdops.md for why each errno happens.
 *
 * Each constraint rule of these specs (one argument broken at its boundaries, the others valid)
 * is proven by the calls generated from the specs (`kapi cases` -> kapi_cases.txt, run by
 * kapi_conform), not here. These cases are the rest: errnos that need state (limits, sysctls,
 * privileges, signals, locks, leases, seals, file attributes, mounts) and combinations (which
 * errno and which reports win when a rule breaks together with another argument).
 */
#include "cases.h"

#include <linux/capability.h>
#include <linux/fiemap.h>
#include <linux/openat2.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>

/* Constants newer than the build host's headers, with the values of the 7.2 uapi. */
#ifndef F_LINUX_SPECIFIC_BASE
#define F_LINUX_SPECIFIC_BASE 1024
#endif
#ifndef F_DUPFD_QUERY
#define F_DUPFD_QUERY (F_LINUX_SPECIFIC_BASE + 3)
#endif
#ifndef F_CANCELLK
#define F_CANCELLK (F_LINUX_SPECIFIC_BASE + 5)
#endif
#ifndef F_ADD_SEALS
#define F_ADD_SEALS (F_LINUX_SPECIFIC_BASE + 9)
#define F_GET_SEALS (F_LINUX_SPECIFIC_BASE + 10)
#endif
#ifndef F_SEAL_WRITE
#define F_SEAL_WRITE 0x0008
#endif
#ifndef F_SEAL_SHRINK
#define F_SEAL_SHRINK 0x0002
#endif
#ifndef F_SET_RW_HINT
#define F_SET_RW_HINT (F_LINUX_SPECIFIC_BASE + 12)
#endif
#ifndef F_GETDELEG
#define F_GETDELEG (F_LINUX_SPECIFIC_BASE + 15)
#endif
#ifndef F_GETOWNER_UIDS
#define F_GETOWNER_UIDS 17
#endif
#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#endif
#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7)
#define F_GETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 8)
#endif
#ifndef DN_MODIFY
#define DN_MODIFY 0x00000002
#endif
#ifndef MFD_ALLOW_SEALING
#define MFD_ALLOW_SEALING 0x2U
#endif
#ifndef LOCK_MAND
#define LOCK_MAND 32
#endif
#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#ifndef RESOLVE_CACHED
#define RESOLVE_CACHED 0x20
#endif
#ifndef OPENAT2_REGULAR
#define OPENAT2_REGULAR (1ULL << 32)
#endif
#ifndef EFTYPE
#define EFTYPE 134
#endif
/* include/uapi/linux/fs.h (not included: it clashes with <sys/mount.h> on some hosts). */
#define K_FIBMAP 1
#define K_FIGETBSZ 2
#define K_FIFREEZE _IOWR('X', 119, int)
#define K_FICLONE _IOW(0x94, 9, int)
#define K_FS_IOC_GETFLAGS _IOR('f', 1, long)
#define K_FS_IOC_SETFLAGS _IOW('f', 2, long)
#define K_FS_APPEND_FL 0x00000020
#define K_FIOQSIZE 0x5460
#define K_FS_IOC_FIEMAP _IOWR('f', 11, struct fiemap)
#define K_SIOCGIFVLAN 0x8982
/* struct delegation of include/uapi/linux/fcntl.h. */
struct k_delegation {
	uint32_t d_flags;
	uint16_t d_type;
	uint16_t pad;
};

/* A descriptor number that is not open in a case's child. */
#define NOT_OPEN 100

/* ---- helpers ---------------------------------------------------------------------------- */

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		kc_die(path);
	return fd;
}

static void xpipe(int p[2])
{
	if (pipe2(p, 0))
		kc_die("pipe2");
}

static void xmkdir(const char *path, mode_t mode)
{
	if (mkdir(path, mode) || chmod(path, mode))
		kc_die(path);
}

#define CAPBIT(c) (1u << (c))

/*
 * Runs call() with the sysctl at val and without the capabilities of mask, then restores both
 * (keeping errno).
 */
static long with_sysctl(const char *path, const char *val, unsigned int mask, long (*call)(void))
{
	struct kc_sysctl s;
	long r;
	int e;

	kc_sysctl_set(&s, path, val);
	kc_caps_effective(1, mask);
	errno = 0;
	r = call();
	e = errno;
	kc_caps_effective(0, 0);
	errno = e;
	kc_sysctl_restore(&s);
	return r;
}

/* Sets or clears FS_APPEND_FL on ./name (tmpfs supports it; root has CAP_LINUX_IMMUTABLE). */
static void set_append(const char *name, int on)
{
	int fd = xopen(name, O_RDONLY);
	int fl = on ? K_FS_APPEND_FL : 0;

	if (ioctl(fd, K_FS_IOC_SETFLAGS, &fl))
		kc_die("FS_IOC_SETFLAGS");
	close(fd);
}

/* Clears FS_APPEND_FL of ./name after the call, keeping the call's result and errno. */
static long unappend(const char *name, long r)
{
	int e = errno;

	set_append(name, 0);
	errno = e;
	return r;
}

/* Mounts a read-only tmpfs on ./m (the cases run as root). */
static void ro_tmpfs(void)
{
	xmkdir("m", 0755);
	if (mount("tmpfs", "m", "tmpfs", MS_RDONLY, NULL))
		kc_die("mount ro tmpfs");
}

/* Unmounts ./m without touching errno. */
static long unmounting(long r)
{
	int e = errno;

	umount2("m", MNT_DETACH);
	errno = e;
	return r;
}

/* Two open file descriptions of ./f, the first holding an exclusive OFD lock on all of it. */
static int ofd_locked_pair(void)
{
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int a = kc_file("f", 4096), b = xopen("f", O_RDWR);

	if (fcntl(a, F_OFD_SETLK, &l))
		kc_die("F_OFD_SETLK");
	return b;
}

static long fcntl_lock(int fd, int cmd, short type, short whence, off_t start, off_t len,
		       pid_t pid)
{
	struct flock l = { .l_type = type, .l_whence = whence, .l_start = start, .l_len = len,
			   .l_pid = pid };

	return syscall(SYS_fcntl, fd, cmd, &l);
}

/* ---- fcntl ------------------------------------------------------------------------------ */

static long fc_opath_setfl(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_fcntl, xopen("f", O_PATH), F_SETFL, 0);
}

static long fc_opath_getfl(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_fcntl, xopen("f", O_PATH), F_GETFL, 0);
}

static long fc_opath_unknown(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_fcntl, xopen("f", O_PATH), 12, 0);
}

static long fc_neg_unknown(void)
{
	return syscall(SYS_fcntl, -1, 12, 0);
}

static long fc_cancellk(void)
{
	return syscall(SYS_fcntl, kc_file("f", 1), F_CANCELLK, 0);
}

static long fc_dupfd_neg(void)
{
	return syscall(SYS_fcntl, kc_file("f", 1), F_DUPFD, -1);
}

static long fc_dupfd_emfile(void)
{
	int fd = kc_file("f", 1);

	kc_rlimit(RLIMIT_NOFILE, fd + 1);
	return syscall(SYS_fcntl, fd, F_DUPFD, fd);
}

static long fc_dupfd_query_ebadf(void)
{
	return syscall(SYS_fcntl, kc_file("f", 1), F_DUPFD_QUERY, NOT_OPEN);
}

static long fc_ofd_eagain(void)
{
	return fcntl_lock(ofd_locked_pair(), F_OFD_SETLK, F_WRLCK, SEEK_SET, 0, 0, 0);
}

static long fc_ofd_eintr(void)
{
	int fd = ofd_locked_pair();

	kc_interrupt_after(100);
	return fcntl_lock(fd, F_OFD_SETLKW, F_WRLCK, SEEK_SET, 0, 0, 0);
}

/*
 * POSIX lock deadlock: a child holds byte 1 and waits for byte 0, which we hold; our wait for
 * byte 1 would close the cycle.
 */
static long fc_edeadlk(void)
{
	int fd = kc_file("f", 4096), p[2];
	pid_t pid;
	char c;
	long r;
	int e;

	if (fcntl_lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 1, 0))
		kc_die("lock byte 0");
	xpipe(p);
	pid = fork();
	if (pid < 0)
		kc_die("fork");
	if (pid == 0) {
		int cfd = xopen("f", O_RDWR);

		if (fcntl_lock(cfd, F_SETLK, F_WRLCK, SEEK_SET, 1, 1, 0))
			_exit(1);
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		fcntl_lock(cfd, F_SETLKW, F_WRLCK, SEEK_SET, 0, 1, 0);
		_exit(0);
	}
	if (read(p[0], &c, 1) != 1)
		kc_die("child lock");
	usleep(300 * 1000);	/* the child is now blocked on byte 0 */
	r = fcntl_lock(fd, F_SETLKW, F_WRLCK, SEEK_SET, 1, 1, 0);
	e = errno;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	errno = e;
	return r;
}

static long fc_whence_bad(void)
{
	return fcntl_lock(kc_file("f", 4096), F_SETLK, F_WRLCK, 3, 0, 0, 0);
}

static long fc_eoverflow(void)
{
	return fcntl_lock(kc_file("f", 4096), F_SETLK, F_WRLCK, SEEK_END, LLONG_MAX, 0, 0);
}

static long fc_rdlck_wronly(void)
{
	close(kc_file("f", 4096));
	return fcntl_lock(xopen("f", O_WRONLY), F_SETLK, F_RDLCK, SEEK_SET, 0, 0, 0);
}

static long fc_ofd_pid(void)
{
	return fcntl_lock(kc_file("f", 4096), F_OFD_SETLK, F_WRLCK, SEEK_SET, 0, 0, 1);
}

static long fc_getlk_null(void)
{
	return syscall(SYS_fcntl, kc_file("f", 4096), F_GETLK, NULL);
}

static long fc_setown_int_min(void)
{
	return syscall(SYS_fcntl, kc_file("f", 1), F_SETOWN, INT_MIN);
}

static long fc_setown_esrch(void)
{
	return syscall(SYS_fcntl, kc_file("f", 1), F_SETOWN, INT_MAX);
}

/* struct clone_args of include/uapi/linux/sched.h up to set_tid_size (CLONE_ARGS_SIZE_VER1). */
struct fc_clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
		set_tid_size;
};

/*
 * A child that leads a process group with an ID below 4096 (clone3 with set_tid: the first free
 * one from 300; the guest's processes are all in group 0, and after the thousands of children
 * of the tests a new PID is above 4096). Returns its PID; it waits in pause() to be killed.
 */
static pid_t low_group_leader(void)
{
	for (pid_t t = 300; t < 4096; t++) {
		struct fc_clone_args a = { .exit_signal = SIGCHLD, .set_tid = (uintptr_t)&t,
					   .set_tid_size = 1 };
		long pid = syscall(SYS_clone3, &a, sizeof(a));

		if (pid == 0) {
			if (setpgid(0, 0))
				_exit(1);
			for (;;)
				pause();
		}
		if (pid > 0) {
			while (getpgid(pid) != pid)
				usleep(1000);
			return pid;
		}
		if (errno != EEXIST)
			kc_die("clone3 with set_tid");
	}
	kc_die("a free PID below 4096");
}

/*
 * F_GETOWN of a process-group owner returns -pgid, which syscall() takes for an error when the
 * pgid is below 4096: the owner read back is a success here, and the validator must not call it
 * an errno (return-value-when: cmd, F_GETOWN). F_GETOWN only names a group that has a member
 * (pid_task()), hence the group leader.
 */
static long fc_getown_pgrp(void)
{
	int fd = kc_file("f", 1);
	pid_t pg = low_group_leader();
	long r;
	int e;

	if (syscall(SYS_fcntl, fd, F_SETOWN, -pg))
		kc_die("F_SETOWN -pgrp");
	r = syscall(SYS_fcntl, fd, F_GETOWN);
	e = errno;
	kill(pg, SIGKILL);
	waitpid(pg, NULL, 0);
	if (r == -1 && e == pg)
		return 0;
	errno = EPROTO;
	return -1;
}

static long fc_setown_ex_type(void)
{
	struct f_owner_ex o = { .type = 3, .pid = getpid() };

	return syscall(SYS_fcntl, kc_file("f", 1), F_SETOWN_EX, &o);
}

static long fc_setsig_65(void)
{
	return syscall(SYS_fcntl, kc_file("f", 1), F_SETSIG, 65);
}

static long fc_getowner_uids(void)
{
	uint32_t u[2];

	return syscall(SYS_fcntl, kc_file("f", 1), F_GETOWNER_UIDS, u);
}

static long fc_lease_eagain(void)
{
	return syscall(SYS_fcntl, kc_file("f", 1), F_SETLEASE, F_RDLCK);
}

static long fc_lease_eacces(void)
{
	return syscall(SYS_fcntl, xopen("/bin/busybox", O_RDONLY), F_SETLEASE, F_RDLCK);
}

static long fc_lease_pipe(void)
{
	int p[2];

	xpipe(p);
	return syscall(SYS_fcntl, p[0], F_SETLEASE, F_RDLCK);
}

static long fc_lease_dir(void)
{
	return syscall(SYS_fcntl, xopen(".", O_RDONLY), F_SETLEASE, F_RDLCK);
}

static long fc_notify_file(void)
{
	return syscall(SYS_fcntl, kc_file("f", 1), F_NOTIFY, DN_MODIFY);
}

static long fc_notify_dir(void)
{
	return syscall(SYS_fcntl, xopen(".", O_RDONLY), F_NOTIFY, DN_MODIFY);
}

static long fc_notify_disabled(void)
{
	return with_sysctl("/proc/sys/fs/dir-notify-enable", "0\n", 0, fc_notify_dir);
}

static long fc_pipe_sz_ebusy(void)
{
	static char data[8192];
	int p[2];

	xpipe(p);
	if (write(p[1], data, sizeof(data)) != sizeof(data))
		kc_die("fill pipe");
	return syscall(SYS_fcntl, p[1], F_SETPIPE_SZ, 4096);
}

static long fc_pipe_sz(unsigned int size)
{
	int p[2];

	xpipe(p);
	return syscall(SYS_fcntl, p[1], F_SETPIPE_SZ, size);
}

static long fc_pipe_sz_eperm(void)
{
	return fc_pipe_sz(2 << 20);
}

static long fc_pipe_sz_einval(void)
{
	return fc_pipe_sz(0x80000001u);
}

static long fc_pipe_sz_file(void)
{
	return syscall(SYS_fcntl, kc_file("f", 1), F_SETPIPE_SZ, 4096);
}

static long fc_getpipe_sz(void)
{
	int p[2];

	xpipe(p);
	return syscall(SYS_fcntl, p[0], F_GETPIPE_SZ, 0);
}

static int new_memfd(unsigned int flags)
{
	int fd = memfd_create("kapi", flags);

	if (fd < 0 || ftruncate(fd, 4096))
		kc_die("memfd");
	return fd;
}

static long fc_seals_eperm(void)
{
	return syscall(SYS_fcntl, new_memfd(0), F_ADD_SEALS, F_SEAL_SHRINK);
}

static long fc_seals_ebusy(void)
{
	int fd = new_memfd(MFD_ALLOW_SEALING);

	if (mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED)
		kc_die("mmap memfd");
	return syscall(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_WRITE);
}

static long fc_seals_unknown(void)
{
	return syscall(SYS_fcntl, new_memfd(MFD_ALLOW_SEALING), F_ADD_SEALS, 0x100);
}

static long fc_get_seals_pipe(void)
{
	int p[2];

	xpipe(p);
	return syscall(SYS_fcntl, p[0], F_GET_SEALS, 0);
}

static long fc_noatime_eperm(void)
{
	return syscall(SYS_fcntl, xopen("/bin/busybox", O_RDONLY), F_SETFL, O_NOATIME);
}

static long fc_append_eperm(void)
{
	int fd;

	close(kc_file("f", 1));
	set_append("f", 1);
	fd = xopen("f", O_WRONLY | O_APPEND);
	return unappend("f", syscall(SYS_fcntl, fd, F_SETFL, 0));
}

static long fc_rw_hint_eperm(void)
{
	uint64_t hint = 0;

	return syscall(SYS_fcntl, xopen("/bin/busybox", O_RDONLY), F_SET_RW_HINT, &hint);
}

static long fc_rw_hint_einval(void)
{
	uint64_t hint = 99;

	return syscall(SYS_fcntl, kc_file("f", 1), F_SET_RW_HINT, &hint);
}

static long fc_getdeleg_flags(void)
{
	struct k_delegation d = { .d_flags = 1 };

	return syscall(SYS_fcntl, kc_file("f", 1), F_GETDELEG, &d);
}

/* ---- ioctl ------------------------------------------------------------------------------ */

static long io_opath(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_ioctl, xopen("f", O_PATH), FIOCLEX, 0);
}

static long io_pipe_fionread(void)
{
	int p[2], n;

	xpipe(p);
	if (write(p[1], "x", 1) != 1)
		kc_die("write pipe");
	return syscall(SYS_ioctl, p[0], FIONREAD, &n);
}

static long io_pipe_fioqsize(void)
{
	long long q;
	int p[2];

	xpipe(p);
	return syscall(SYS_ioctl, p[0], K_FIOQSIZE, &q);
}

static long io_file_fioqsize(void)
{
	long long q;

	return syscall(SYS_ioctl, kc_file("f", 4096), K_FIOQSIZE, &q);
}

static long io_fiemap(void)
{
	struct fiemap fm = { .fm_length = ~0ULL };

	return syscall(SYS_ioctl, kc_file("f", 4096), K_FS_IOC_FIEMAP, &fm);
}

static long io_ficlone(void)
{
	int src = kc_file("f", 4096), dst = kc_file("g", 0);

	return syscall(SYS_ioctl, dst, K_FICLONE, src);
}

static long io_ficlone_exdev(void)
{
	int dst = kc_file("g", 0);

	return syscall(SYS_ioctl, dst, K_FICLONE, xopen("/proc/self/status", O_RDONLY));
}

static long io_ficlone_eisdir(void)
{
	int dst = kc_file("g", 0);

	xmkdir("d", 0755);
	return syscall(SYS_ioctl, dst, K_FICLONE, xopen("d", O_RDONLY));
}

static long io_ficlone_ebadf(void)
{
	return syscall(SYS_ioctl, kc_file("g", 0), K_FICLONE, NOT_OPEN);
}

static long io_fibmap(void)
{
	int blk = 0;

	return syscall(SYS_ioctl, kc_file("f", 4096), K_FIBMAP, &blk);
}

static long io_figetbsz(void)
{
	int n;

	return syscall(SYS_ioctl, kc_file("f", 1), K_FIGETBSZ, &n);
}

static long io_fifreeze_nobody(void)
{
	return syscall(SYS_ioctl, xopen(".", O_RDONLY), K_FIFREEZE, 0);
}

static long io_setflags_erofs(void)
{
	int fl = 0, fd;
	long r;

	ro_tmpfs();
	fd = xopen("m", O_RDONLY);
	r = syscall(SYS_ioctl, fd, K_FS_IOC_SETFLAGS, &fl);
	close(fd);
	return unmounting(r);
}

static long io_setflags_append_nobody(void)
{
	int fl = K_FS_APPEND_FL;

	return syscall(SYS_ioctl, kc_file("f", 1), K_FS_IOC_SETFLAGS, &fl);
}

static long io_fionbio_efault(void)
{
	return syscall(SYS_ioctl, kc_file("f", 1), FIONBIO, NULL);
}

static int unix_socket(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		kc_die("socketpair");
	return sv[0];
}

static long io_vlan_enopkg(void)
{
	char buf[64] = { 0 };

	return syscall(SYS_ioctl, unix_socket(), K_SIOCGIFVLAN, buf);
}

static long io_fiosetown_esrch(void)
{
	int pid = INT_MAX;

	return syscall(SYS_ioctl, unix_socket(), FIOSETOWN, &pid);
}

/* ---- flock ------------------------------------------------------------------------------ */

/* Two open file descriptions of ./f, the first holding LOCK_EX. */
static int flocked_pair(void)
{
	int a = kc_file("f", 1), b = xopen("f", O_RDWR);

	if (flock(a, LOCK_EX))
		kc_die("flock");
	return b;
}

static long fl_eagain(void)
{
	return syscall(SYS_flock, flocked_pair(), LOCK_EX | LOCK_NB);
}

static long fl_eintr(void)
{
	int fd = flocked_pair();

	kc_interrupt_after(100);
	return syscall(SYS_flock, fd, LOCK_SH);
}

/* open(O_ACCMODE): a descriptor open neither for reading nor for writing. */
static int noaccess_fd(void)
{
	close(kc_file("f", 1));
	return xopen("f", O_ACCMODE);
}

static long fl_noaccess_sh(void)
{
	return syscall(SYS_flock, noaccess_fd(), LOCK_SH);
}

static long fl_noaccess_un(void)
{
	return syscall(SYS_flock, noaccess_fd(), LOCK_UN);
}

static long fl_mand(void)
{
	return syscall(SYS_flock, -1, LOCK_MAND);
}

static long fl_bad_cmd(void)
{
	return syscall(SYS_flock, kc_file("f", 1), 3);
}

static long fl_bad_cmd_bad_fd(void)
{
	return syscall(SYS_flock, NOT_OPEN, 3);
}

static long fl_opath_un(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_flock, xopen("f", O_PATH), LOCK_UN);
}

/* ---- pipe ------------------------------------------------------------------------------- */

static int pipe_fds[2];

static long pp_call(void)
{
	return syscall(SYS_pipe, pipe_fds);
}

static long pp_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return pp_call();
}

static long pp_enfile_file_max(void)
{
	return with_sysctl("/proc/sys/fs/file-max", "0\n", CAPBIT(CAP_SYS_ADMIN), pp_call);
}

static long pp_enfile_user_pages(void)
{
	return with_sysctl("/proc/sys/fs/pipe-user-pages-hard", "1\n",
			   CAPBIT(CAP_SYS_ADMIN) | CAPBIT(CAP_SYS_RESOURCE), pp_call);
}

static long pp_efault(void)
{
	return syscall(SYS_pipe, (int *)1);
}

/* ---- dup2 ------------------------------------------------------------------------------- */

static long d2_same(void)
{
	int fd = kc_file("f", 1);

	return syscall(SYS_dup2, fd, fd);
}

static long d2_same_opath(void)
{
	int fd;

	close(kc_file("f", 1));
	fd = xopen("f", O_PATH);
	return syscall(SYS_dup2, fd, fd);
}

static long d2_same_closed(void)
{
	return syscall(SYS_dup2, NOT_OPEN, NOT_OPEN);
}

static long d2_rlimit(void)
{
	int fd = kc_file("f", 1);

	kc_rlimit(RLIMIT_NOFILE, 64);
	return syscall(SYS_dup2, fd, NOT_OPEN);
}

static long d2_both_neg(void)
{
	return syscall(SYS_dup2, -1, -1);
}

/* ---- close_range ------------------------------------------------------------------------ */

static long cr_reversed(void)
{
	return syscall(SYS_close_range, 5, 4, 0);
}

static long cr_unshare_cloexec(void)
{
	return syscall(SYS_close_range, 3, ~0U, CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC);
}

/* ---- creat ------------------------------------------------------------------------------ */

static long cr_creat(const char *path)
{
	return syscall(SYS_creat, path, 0644);
}

static long ct_fifo_eintr(void)
{
	if (mkfifo("fifo", 0600))
		kc_die("mkfifo");
	kc_interrupt_after(100);
	return cr_creat("fifo");
}

static long ct_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return cr_creat("new");
}

static long ct_eacces_nobody(void)
{
	xmkdir("ro", 0555);
	return cr_creat("ro/new");
}

static long ct_append_eperm(void)
{
	close(kc_file("f", 1));
	set_append("f", 1);
	return unappend("f", cr_creat("f"));
}

static long ct_erofs(void)
{
	ro_tmpfs();
	return unmounting(cr_creat("m/new"));
}

static long ct_sealed_memfd(void)
{
	char path[64];
	int fd = new_memfd(MFD_ALLOW_SEALING);

	if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK))
		kc_die("F_SEAL_SHRINK");
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return cr_creat(path);
}

/* ---- openat2 ---------------------------------------------------------------------------- */

static long o2(int dfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve)
{
	struct open_how how = { .flags = flags, .mode = mode, .resolve = resolve };

	return syscall(SYS_openat2, dfd, path, &how, sizeof(how));
}

static long o2_e2big(void)
{
	unsigned char how[32] = { 0 };

	how[24] = 1;
	close(kc_file("f", 1));
	return syscall(SYS_openat2, AT_FDCWD, "f", how, sizeof(how));
}

static long o2_size32(void)
{
	unsigned char how[32] = { 0 };

	close(kc_file("f", 1));
	return syscall(SYS_openat2, AT_FDCWD, "f", how, sizeof(how));
}

static long o2_flag_high(void)
{
	close(kc_file("f", 1));
	return o2(AT_FDCWD, "f", 1ULL << 40, 0, 0);
}

static long o2_mode_no_creat(void)
{
	close(kc_file("f", 1));
	return o2(AT_FDCWD, "f", O_RDONLY, 0644, 0);
}

static long o2_resolve_unknown(void)
{
	close(kc_file("f", 1));
	return o2(AT_FDCWD, "f", O_RDONLY, 0, 0x40);
}

static long o2_beneath_in_root(void)
{
	close(kc_file("f", 1));
	return o2(AT_FDCWD, "f", O_RDONLY, 0, RESOLVE_BENEATH | RESOLVE_IN_ROOT);
}

static long o2_opath_rdwr(void)
{
	close(kc_file("f", 1));
	return o2(AT_FDCWD, "f", O_PATH | O_RDWR, 0, 0);
}

static long o2_cached_creat(void)
{
	return o2(AT_FDCWD, "new", O_CREAT | O_WRONLY, 0644, RESOLVE_CACHED);
}

static long o2_beneath_dotdot(void)
{
	return o2(AT_FDCWD, "../x", O_RDONLY, 0, RESOLVE_BENEATH);
}

static long o2_beneath_abs(void)
{
	return o2(AT_FDCWD, "/", O_RDONLY, 0, RESOLVE_BENEATH);
}

static long o2_in_root_abs(void)
{
	close(kc_file("f", 1));
	return o2(AT_FDCWD, "/f", O_RDONLY, 0, RESOLVE_IN_ROOT);
}

static long o2_no_symlinks(void)
{
	close(kc_file("f", 1));
	if (symlink("f", "l"))
		kc_die("symlink");
	return o2(AT_FDCWD, "l", O_RDONLY, 0, RESOLVE_NO_SYMLINKS);
}

static long o2_no_xdev(void)
{
	return o2(AT_FDCWD, "/proc/self/status", O_RDONLY, 0, RESOLVE_NO_XDEV);
}

static long o2_regular_dir(void)
{
	xmkdir("d", 0755);
	return o2(AT_FDCWD, "d", O_RDONLY | OPENAT2_REGULAR, 0, 0);
}

static long o2_regular_directory(void)
{
	xmkdir("d", 0755);
	return o2(AT_FDCWD, "d", O_RDONLY | O_DIRECTORY | OPENAT2_REGULAR, 0, 0);
}

static long o2_how_null(void)
{
	return syscall(SYS_openat2, AT_FDCWD, "f", NULL, 24);
}

static long o2_small_null(void)
{
	return syscall(SYS_openat2, AT_FDCWD, "f", NULL, 23);
}

/* ---- umask ------------------------------------------------------------------------------ */

static long um_all_bits(void)
{
	long old;

	syscall(SYS_umask, 022);
	old = syscall(SYS_umask, -1);
	if (old != 022 || syscall(SYS_umask, 022) != 0777)
		kc_die("umask did not mask to 0777");
	return 0;
}

static const struct kcase cases[] = {
	/* fcntl */
	{ "fcntl", "fcntl(O_PATH fd, F_SETFL, 0)", fc_opath_setfl, EBADF, "", 0 },
	{ "fcntl", "fcntl(O_PATH fd, F_GETFL)", fc_opath_getfl, 0, "", 0 },
	{ "fcntl", "fcntl(O_PATH fd, 12 unknown, 0)", fc_opath_unknown, EBADF, "arg:cmd", 0 },
	{ "fcntl", "fcntl(-1, 12 unknown, 0)", fc_neg_unknown, EBADF, "arg:fd arg:cmd", 0 },
	{ "fcntl", "fcntl(fd, F_CANCELLK, 0)", fc_cancellk, EINVAL, "arg:cmd", 0 },
	{ "fcntl", "fcntl(fd, F_DUPFD, -1)", fc_dupfd_neg, EINVAL, "", 0 },
	{ "fcntl", "fcntl(fd, F_DUPFD, fd) with RLIMIT_NOFILE fd+1", fc_dupfd_emfile, EMFILE, "",
	  0 },
	{ "fcntl", "fcntl(fd, F_DUPFD_QUERY, 100 not open)", fc_dupfd_query_ebadf, EBADF, "", 0 },
	{ "fcntl", "fcntl(fd2, F_OFD_SETLK, {F_WRLCK}) against fd1's OFD lock", fc_ofd_eagain,
	  EAGAIN, "", 0 },
	{ "fcntl", "fcntl(fd2, F_OFD_SETLKW, {F_WRLCK}) against fd1's OFD lock, interrupted",
	  fc_ofd_eintr, EINTR, "", 0 },
	{ "fcntl", "fcntl(fd, F_SETLKW, {byte 1}) closing a wait cycle with a child",
	  fc_edeadlk, EDEADLK, "", 0 },
	{ "fcntl", "fcntl(fd, F_SETLK, {l_whence 3})", fc_whence_bad, EINVAL, "", 0 },
	{ "fcntl", "fcntl(fd, F_SETLK, {SEEK_END, l_start LLONG_MAX})", fc_eoverflow, EOVERFLOW,
	  "", 0 },
	{ "fcntl", "fcntl(O_WRONLY fd, F_SETLK, {F_RDLCK})", fc_rdlck_wronly, EBADF, "", 0 },
	{ "fcntl", "fcntl(fd, F_OFD_SETLK, {l_pid 1})", fc_ofd_pid, EINVAL, "", 0 },
	{ "fcntl", "fcntl(fd, F_GETLK, NULL)", fc_getlk_null, EFAULT, "", 0 },
	{ "fcntl", "fcntl(fd, F_SETOWN, INT_MIN)", fc_setown_int_min, EINVAL, "", 0 },
	{ "fcntl", "fcntl(fd, F_SETOWN, INT_MAX no such pid)", fc_setown_esrch, ESRCH, "", 0 },
	{ "fcntl", "fcntl(fd, F_GETOWN) of a process group below 4096 (returns -pgid)", fc_getown_pgrp,
	  0, "", 0 },
	{ "fcntl", "fcntl(fd, F_SETOWN_EX, {type 3})", fc_setown_ex_type, EINVAL, "", 0 },
	{ "fcntl", "fcntl(fd, F_SETSIG, 65)", fc_setsig_65, EINVAL, "", 0 },
	{ "fcntl", "fcntl(fd, F_GETOWNER_UIDS, u) without CONFIG_CHECKPOINT_RESTORE",
	  fc_getowner_uids, EINVAL, "", 0 },
	{ "fcntl", "fcntl(O_RDWR fd, F_SETLEASE, F_RDLCK)", fc_lease_eagain, EAGAIN, "", 0 },
	{ "fcntl", "fcntl(/bin/busybox, F_SETLEASE, F_RDLCK) as nobody", fc_lease_eacces, EACCES,
	  "", KC_NOBODY },
	{ "fcntl", "fcntl(pipe, F_SETLEASE, F_RDLCK)", fc_lease_pipe, EINVAL, "", 0 },
	{ "fcntl", "fcntl(dir, F_SETLEASE, F_RDLCK)", fc_lease_dir, EINVAL, "", 0 },
	{ "fcntl", "fcntl(file, F_NOTIFY, DN_MODIFY)", fc_notify_file, ENOTDIR, "", 0 },
	{ "fcntl", "fcntl(dir, F_NOTIFY, DN_MODIFY)", fc_notify_dir, 0, "", 0 },
	{ "fcntl", "fcntl(dir, F_NOTIFY, DN_MODIFY) with fs.dir-notify-enable 0",
	  fc_notify_disabled, EINVAL, "", 0 },
	{ "fcntl", "fcntl(pipe holding 8192 bytes, F_SETPIPE_SZ, 4096)", fc_pipe_sz_ebusy, EBUSY,
	  "", 0 },
	{ "fcntl", "fcntl(pipe, F_SETPIPE_SZ, 2 MiB) as nobody", fc_pipe_sz_eperm, EPERM, "",
	  KC_NOBODY },
	{ "fcntl", "fcntl(pipe, F_SETPIPE_SZ, 0x80000001)", fc_pipe_sz_einval, EINVAL, "", 0 },
	{ "fcntl", "fcntl(regular file, F_SETPIPE_SZ, 4096)", fc_pipe_sz_file, EBADF, "", 0 },
	{ "fcntl", "fcntl(pipe, F_GETPIPE_SZ)", fc_getpipe_sz, 0, "", KC_NOBODY },
	{ "fcntl", "fcntl(memfd without MFD_ALLOW_SEALING, F_ADD_SEALS, F_SEAL_SHRINK)",
	  fc_seals_eperm, EPERM, "", 0 },
	{ "fcntl", "fcntl(memfd mapped shared writable, F_ADD_SEALS, F_SEAL_WRITE)",
	  fc_seals_ebusy, EBUSY, "", 0 },
	{ "fcntl", "fcntl(memfd, F_ADD_SEALS, 0x100)", fc_seals_unknown, EINVAL, "", 0 },
	{ "fcntl", "fcntl(pipe, F_GET_SEALS)", fc_get_seals_pipe, EINVAL, "", 0 },
	{ "fcntl", "fcntl(/bin/busybox, F_SETFL, O_NOATIME) as nobody", fc_noatime_eperm, EPERM,
	  "", KC_NOBODY },
	{ "fcntl", "fcntl(append-only file, F_SETFL, 0)", fc_append_eperm, EPERM, "", 0 },
	{ "fcntl", "fcntl(/bin/busybox, F_SET_RW_HINT, &0) as nobody", fc_rw_hint_eperm, EPERM,
	  "", KC_NOBODY },
	{ "fcntl", "fcntl(fd, F_SET_RW_HINT, &99)", fc_rw_hint_einval, EINVAL, "", 0 },
	{ "fcntl", "fcntl(fd, F_GETDELEG, {d_flags 1})", fc_getdeleg_flags, EINVAL, "", 0 },
	/* ioctl */
	{ "ioctl", "ioctl(O_PATH fd, FIOCLEX)", io_opath, EBADF, "", 0 },
	{ "ioctl", "ioctl(pipe, FIONREAD, &n)", io_pipe_fionread, 0, "", KC_NOBODY },
	{ "ioctl", "ioctl(pipe, FIOQSIZE, &q)", io_pipe_fioqsize, ENOTTY, "", 0 },
	{ "ioctl", "ioctl(file, FIOQSIZE, &q)", io_file_fioqsize, 0, "", 0 },
	{ "ioctl", "ioctl(tmpfs file, K_FS_IOC_FIEMAP, &fm)", io_fiemap, EOPNOTSUPP, "", 0 },
	{ "ioctl", "ioctl(g, FICLONE, f) on tmpfs", io_ficlone, EOPNOTSUPP, "", 0 },
	{ "ioctl", "ioctl(g, FICLONE, /proc/self/status)", io_ficlone_exdev, EXDEV, "", 0 },
	{ "ioctl", "ioctl(g, FICLONE, directory)", io_ficlone_eisdir, EISDIR, "", 0 },
	{ "ioctl", "ioctl(g, FICLONE, 100 not open)", io_ficlone_ebadf, EBADF, "", 0 },
	{ "ioctl", "ioctl(tmpfs file, FIBMAP, &0)", io_fibmap, EINVAL, "", 0 },
	{ "ioctl", "ioctl(tmpfs file, FIBMAP, &0) as nobody", io_fibmap, EPERM, "", KC_NOBODY },
	{ "ioctl", "ioctl(file, FIGETBSZ, &n)", io_figetbsz, 0, "", 0 },
	{ "ioctl", "ioctl(dir, FIFREEZE) as nobody", io_fifreeze_nobody, EPERM, "", KC_NOBODY },
	{ "ioctl", "ioctl(dir on read-only tmpfs, FS_IOC_SETFLAGS, &0)", io_setflags_erofs, EROFS,
	  "", 0 },
	{ "ioctl", "ioctl(own file, FS_IOC_SETFLAGS, &FS_APPEND_FL) as nobody",
	  io_setflags_append_nobody, EPERM, "", KC_NOBODY },
	{ "ioctl", "ioctl(file, FIONBIO, NULL)", io_fionbio_efault, EFAULT, "", 0 },
	{ "ioctl", "ioctl(unix socket, SIOCGIFVLAN, buf) without 8021q", io_vlan_enopkg, ENOPKG,
	  "", 0 },
	{ "ioctl", "ioctl(unix socket, FIOSETOWN, &INT_MAX)", io_fiosetown_esrch, ESRCH, "", 0 },
	/* flock */
	{ "flock", "flock(fd2, LOCK_EX|LOCK_NB) against fd1's LOCK_EX", fl_eagain, EAGAIN, "", 0 },
	{ "flock", "flock(fd2, LOCK_SH) against fd1's LOCK_EX, interrupted", fl_eintr, EINTR, "",
	  0 },
	{ "flock", "flock(O_ACCMODE fd, LOCK_SH)", fl_noaccess_sh, EBADF, "", 0 },
	{ "flock", "flock(O_ACCMODE fd, LOCK_UN)", fl_noaccess_un, 0, "", 0 },
	{ "flock", "flock(-1, LOCK_MAND)", fl_mand, 0, "arg:fd arg:cmd", 0 },
	{ "flock", "flock(fd, 3)", fl_bad_cmd, EINVAL, "arg:cmd", 0 },
	{ "flock", "flock(100 not open, 3)", fl_bad_cmd_bad_fd, EINVAL, "arg:cmd", 0 },
	{ "flock", "flock(O_PATH fd, LOCK_UN)", fl_opath_un, EBADF, "", 0 },
	/* pipe */
	{ "pipe", "pipe(p) with RLIMIT_NOFILE 0", pp_emfile, EMFILE, "", 0 },
	{ "pipe", "pipe(p) at fs.file-max 0 without CAP_SYS_ADMIN", pp_enfile_file_max, ENFILE,
	  "", 0 },
	{ "pipe", "pipe(p) over fs.pipe-user-pages-hard 1 without CAP_SYS_RESOURCE/ADMIN",
	  pp_enfile_user_pages, ENFILE, "", 0 },
	{ "pipe", "pipe((int *)1)", pp_efault, EFAULT, "", 0 },
	/* dup2 */
	{ "dup2", "dup2(fd, fd)", d2_same, 0, "", 0 },
	{ "dup2", "dup2(O_PATH fd, same)", d2_same_opath, 0, "", 0 },
	{ "dup2", "dup2(100 not open, 100)", d2_same_closed, EBADF, "", 0 },
	{ "dup2", "dup2(fd, 100) with RLIMIT_NOFILE 64", d2_rlimit, EBADF, "", 0 },
	{ "dup2", "dup2(-1, -1)", d2_both_neg, EBADF, "arg:oldfd arg:newfd", 0 },
	/* close_range */
	{ "close_range", "close_range(5, 4, 0)", cr_reversed, EINVAL, "", 0 },
	{ "close_range", "close_range(3, ~0U, CLOSE_RANGE_UNSHARE|CLOSE_RANGE_CLOEXEC)",
	  cr_unshare_cloexec, 0, "", 0 },
	/* creat */
	{ "creat", "creat(\"fifo\", 0644) without a reader, interrupted", ct_fifo_eintr, EINTR, "",
	  0 },
	{ "creat", "creat(\"new\", 0644) with RLIMIT_NOFILE 0", ct_emfile, EMFILE, "", 0 },
	{ "creat", "creat(\"ro/new\", 0644) in a 0555 directory as nobody", ct_eacces_nobody,
	  EACCES, "", KC_NOBODY },
	{ "creat", "creat(append-only file, 0644)", ct_append_eperm, EPERM, "", 0 },
	{ "creat", "creat(\"m/new\", 0644) on a read-only tmpfs", ct_erofs, EROFS, "", 0 },
	{ "creat", "creat(/proc/self/fd/N of a memfd sealed F_SEAL_SHRINK)", ct_sealed_memfd,
	  EPERM, "", 0 },
	/* openat2 */
	{ "openat2", "openat2(AT_FDCWD, \"f\", how, 32) with byte 24 set", o2_e2big, E2BIG, "",
	  0 },
	{ "openat2", "openat2(AT_FDCWD, \"f\", zeroed how, 32)", o2_size32, 0, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"f\", {flags 1<<40}, 24)", o2_flag_high, EINVAL, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"f\", {O_RDONLY, mode 0644}, 24)", o2_mode_no_creat,
	  EINVAL, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"f\", {resolve 0x40}, 24)", o2_resolve_unknown, EINVAL,
	  "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"f\", {RESOLVE_BENEATH|RESOLVE_IN_ROOT}, 24)",
	  o2_beneath_in_root, EINVAL, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"f\", {O_PATH|O_RDWR}, 24)", o2_opath_rdwr, EINVAL, "",
	  0 },
	{ "openat2", "openat2(AT_FDCWD, \"new\", {O_CREAT, RESOLVE_CACHED}, 24)", o2_cached_creat,
	  EAGAIN, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"../x\", {RESOLVE_BENEATH}, 24)", o2_beneath_dotdot,
	  EXDEV, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"/\", {RESOLVE_BENEATH}, 24)", o2_beneath_abs, EXDEV, "",
	  0 },
	{ "openat2", "openat2(AT_FDCWD, \"/f\", {RESOLVE_IN_ROOT}, 24)", o2_in_root_abs, 0, "",
	  0 },
	{ "openat2", "openat2(AT_FDCWD, \"l\" -> f, {RESOLVE_NO_SYMLINKS}, 24)", o2_no_symlinks,
	  ELOOP, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"/proc/self/status\", {RESOLVE_NO_XDEV}, 24)",
	  o2_no_xdev, EXDEV, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"d\", {O_RDONLY|OPENAT2_REGULAR}, 24)", o2_regular_dir,
	  EFTYPE, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"d\", {O_DIRECTORY|OPENAT2_REGULAR}, 24)",
	  o2_regular_directory, EINVAL, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"f\", NULL, 24)", o2_how_null, EFAULT, "", 0 },
	{ "openat2", "openat2(AT_FDCWD, \"f\", NULL, 23)", o2_small_null, EINVAL, "arg:usize",
	  0 },
	/* umask */
	{ "umask", "umask(-1) keeps 0777 only", um_all_bits, 0, "", 0 },
};

KC_GROUP(fdops, cases);

// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the file group: open, openat, read, write, pread64, pwrite64, lseek, memfd_create,
 * setxattr, lsetxattr, fsetxattr. See specs/decisions/file.md for why each errno happens.
 *
 * Each constraint rule of these specs (one argument broken at its boundaries, the others valid)
 * is proven by the calls generated from the specs (`kapi cases` -> kapi_cases.txt, run by
 * kapi_conform), not here. These cases are the rest: valid calls, errnos that need state (limits,
 * sysctls, privileges, signals, file and mapping state) and combinations (which errno and which
 * reports win when a rule breaks together with another rule, a bad pointer or a bad descriptor).
 */
#include "cases.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/xattr.h>
#include <linux/netlink.h>
#include <linux/perf_event.h>
#include <time.h>

#ifndef O_EMPTYPATH
#define O_EMPTYPATH (1 << 26)
#endif
/* The bare __O_TMPFILE bit (glibc's __O_TMPFILE includes O_DIRECTORY). */
#define TMPFILE_BIT 020000000
#ifndef MFD_CLOEXEC
#define MFD_CLOEXEC 0x1U
#endif
#ifndef MFD_ALLOW_SEALING
#define MFD_ALLOW_SEALING 0x2U
#endif
#ifndef MFD_HUGETLB
#define MFD_HUGETLB 0x4U
#endif
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x8U
#endif
#ifndef MFD_EXEC
#define MFD_EXEC 0x10U
#endif
#define MFD_HUGE_2MB_ (21U << 26)
#ifndef SYS_fsopen
#define SYS_fsopen 430
#endif
#ifndef SYS_fsconfig
#define SYS_fsconfig 431
#endif
#define FSCONFIG_SET_FLAG_ 0

/* A count above SSIZE_MAX: breaks the count range of read, write, pread64, pwrite64. */
#define HUGE_COUNT ((size_t)LONG_MAX + 1)

static char buf[1 << 19];

/* ---- helpers ---------------------------------------------------------------------------- */

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		kc_die(path);
	return fd;
}

static void xsymlink(const char *target, const char *path)
{
	if (symlink(target, path))
		kc_die("symlink");
}

static void xpipe(int p[2], int flags)
{
	if (pipe2(p, flags))
		kc_die("pipe2");
}

/* A pipe whose (one page) buffer is full. */
static int full_pipe(int flags)
{
	int p[2];

	xpipe(p, O_NONBLOCK);
	if (fcntl(p[1], F_SETPIPE_SZ, 4096) < 0)
		kc_die("F_SETPIPE_SZ");
	while (write(p[1], buf, 4096) > 0)
		;
	if (!(flags & O_NONBLOCK) && fcntl(p[1], F_SETFL, 0))
		kc_die("F_SETFL");
	return p[1];
}

static void ignore(int sig)
{
	signal(sig, SIG_IGN);
}

/* Mounts a fresh tmpfs on ./dir. */
static void tmpfs_at(const char *dir, unsigned long flags, const char *opts)
{
	if (mkdir(dir, 0777) && errno != EEXIST)
		kc_die("mkdir");
	if (mount("kapi-file", dir, "tmpfs", flags, opts))
		kc_die("mount tmpfs");
}

/* Opens /proc/PID/<file> of a child, then lets the child exit and reaps it. */
static int dead_proc_fd(const char *file, int flags)
{
	char path[64];
	int p[2], fd;
	pid_t pid;

	xpipe(p, 0);
	pid = fork();
	if (pid < 0)
		kc_die("fork");
	if (pid == 0) {
		close(p[1]);
		while (read(p[0], buf, 1) > 0)
			;
		_exit(0);
	}
	close(p[0]);
	snprintf(path, sizeof(path), "/proc/%d/%s", pid, file);
	fd = xopen(path, flags);
	close(p[1]);
	if (waitpid(pid, NULL, 0) != pid)
		kc_die("waitpid");
	return fd;
}

/* As nobody, /proc/self must belong to us again (setuid() made the process non-dumpable). */
static void dumpable(void)
{
	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0))
		kc_die("PR_SET_DUMPABLE");
}

/* Opens a file of init as root, then drops to nobody: the ptrace-mode check of the read fails. */
static int init_file_as_nobody(const char *file)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/proc/1/%s", file);
	fd = xopen(path, O_RDONLY);
	if (setresgid(65534, 65534, 65534) || setresuid(65534, 65534, 65534))
		kc_die("setresuid");
	return fd;
}

/* /proc/self/mem positioned at pos. */
static int mem_at(int flags, unsigned long pos)
{
	int fd = xopen("/proc/self/mem", flags);

	lseek(fd, (off_t)pos, SEEK_SET);
	return fd;
}

/* /dev/kmsg positioned after its last record: the next read blocks. */
static int kmsg_end(int flags)
{
	int fd = xopen("/dev/kmsg", O_RDONLY | flags);

	if (lseek(fd, 0, SEEK_END) < 0)
		kc_die("lseek /dev/kmsg");
	return fd;
}

static int sealed_memfd(void)
{
	int fd = memfd_create("sealed", MFD_ALLOW_SEALING);

	if (fd < 0 || fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE))
		kc_die("sealed memfd");
	return fd;
}

/* open and openat: one body, two calls. */
static int via_at;

static long xo(const char *path, int flags, mode_t mode)
{
	if (via_at)
		return syscall(SYS_openat, AT_FDCWD, path, flags, mode);
	return syscall(SYS_open, path, flags, mode);
}

#define BOTH(fn)                             \
	static long fn##_o(void)             \
	{                                    \
		via_at = 0;                  \
		return fn();                 \
	}                                    \
	static long fn##_a(void)             \
	{                                    \
		via_at = 1;                  \
		return fn();                 \
	}

/* ---- open, openat ----------------------------------------------------------------------- */

static long o_rdonly(void)
{
	kc_file("f", 10);
	return xo("f", O_RDONLY, 0);
}
static long o_creat_excl(void) { return xo("new", O_WRONLY | O_CREAT | O_EXCL, 0600); }
static long o_tmpfile(void) { return xo(".", O_TMPFILE | O_RDWR, 0600); }
static long o_path(void) { return xo("/bin/busybox", O_PATH | O_CREAT | O_TRUNC, 0); }
static long o_unknown_bit(void)
{
	kc_file("f", 10);
	return xo("f", O_RDONLY | (1 << 29), 0);
}
static long o_directory(void) { return xo(".", O_RDONLY | O_DIRECTORY, 0); }
static long o_emptypath(void) { return xo("", O_RDONLY | O_EMPTYPATH, 0); }
static long o_dir_creat(void) { return xo("d", O_RDONLY | O_CREAT | O_DIRECTORY, 0700); }
static long o_tmpfile_bit(void) { return xo(".", TMPFILE_BIT | O_RDWR, 0600); }
static long o_tmpfile_rdonly(void) { return xo(".", O_TMPFILE | O_RDONLY, 0600); }
static long o_direct_proc(void) { return xo("/proc/self/status", O_RDONLY | O_DIRECT, 0); }
static long o_efault(void) { return xo((const char *)1, O_RDONLY, 0); }
static long o_long_name(void)
{
	char name[300];

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	return xo(name, O_RDONLY, 0);
}
static long o_enoent(void) { return xo("missing", O_RDONLY, 0); }
static long o_empty(void) { return xo("", O_RDONLY, 0); }
static long o_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return xo("/bin/busybox", O_RDONLY, 0);
}
static long o_enfile_call(void) { return xo("/bin/busybox", O_RDONLY, 0); }
static long o_enfile(void) { return kc_with_file_max_0(o_enfile_call); }
static long o_enotdir(void)
{
	kc_file("f", 1);
	return xo("f/x", O_RDONLY, 0);
}
static long o_eacces(void)
{
	close(kc_file("f", 1));
	chmod("f", 0);
	return xo("f", O_RDONLY, 0);
}
static long o_eloop(void)
{
	kc_file("f", 1);
	xsymlink("f", "l");
	return xo("l", O_RDONLY | O_NOFOLLOW, 0);
}
static long o_eexist(void)
{
	kc_file("f", 1);
	return xo("f", O_RDWR | O_CREAT | O_EXCL, 0600);
}
static long o_eisdir(void) { return xo(".", O_WRONLY, 0); }
static long o_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", xo("ro/f", O_WRONLY | O_CREAT, 0600));
}
static long o_etxtbsy(void) { return xo("/proc/self/exe", O_WRONLY, 0); }
static long o_eperm(void) { return xo("/bin/busybox", O_RDONLY | O_NOATIME, 0); }
static long o_enospc(void)
{
	tmpfs_at("m", 0, "nr_inodes=1");
	return kc_unmounting("m", xo("m/f", O_WRONLY | O_CREAT, 0600));
}
static long o_eopnotsupp(void) { return xo("/proc", O_TMPFILE | O_RDWR, 0600); }
static long o_enxio(void)
{
	if (mkfifo("fifo", 0600))
		kc_die("mkfifo");
	return xo("fifo", O_WRONLY | O_NONBLOCK, 0);
}
static long o_eagain(void)
{
	close(kc_file("f", 1));
	int fd = xopen("f", O_RDONLY);

	ignore(SIGIO);	/* the lease break notifies the holder: us */
	if (fcntl(fd, F_SETLEASE, F_RDLCK))
		kc_die("F_SETLEASE");
	return xo("f", O_WRONLY | O_NONBLOCK, 0);
}
static long o_eintr(void)
{
	if (mkfifo("fifo", 0600))
		kc_die("mkfifo");
	kc_interrupt_after(100);
	return xo("fifo", O_RDONLY, 0);
}

/* Reopening /proc/<exited>/environ through an O_PATH descriptor: the open method finds no task. */
static long o_esrch(void)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", dead_proc_fd("environ", O_PATH));
	return xo(path, O_RDONLY, 0);
}

BOTH(o_esrch) BOTH(o_rdonly) BOTH(o_creat_excl) BOTH(o_tmpfile) BOTH(o_path) BOTH(o_unknown_bit)
BOTH(o_directory) BOTH(o_emptypath) BOTH(o_dir_creat) BOTH(o_tmpfile_bit) BOTH(o_tmpfile_rdonly)
BOTH(o_direct_proc) BOTH(o_efault) BOTH(o_long_name) BOTH(o_enoent) BOTH(o_empty) BOTH(o_emfile)
BOTH(o_enfile) BOTH(o_enotdir) BOTH(o_eacces) BOTH(o_eloop) BOTH(o_eexist) BOTH(o_eisdir)
BOTH(o_erofs) BOTH(o_etxtbsy) BOTH(o_eperm) BOTH(o_enospc) BOTH(o_eopnotsupp) BOTH(o_enxio)
BOTH(o_eagain) BOTH(o_eintr)

/* openat only */
static long oa_dirfd(void)
{
	int d = xopen(".", O_RDONLY | O_DIRECTORY);

	kc_file("f", 1);
	return syscall(SYS_openat, d, "f", O_RDONLY, 0);
}
static long oa_abs_bad_dfd(void) { return syscall(SYS_openat, -1, "/proc/self/status", O_RDONLY, 0); }
static long oa_reopen(void)
{
	int fd = kc_file("f", 1);

	return syscall(SYS_openat, fd, "", O_RDONLY | O_EMPTYPATH, 0);
}
static long oa_esrch(void)
{
	return syscall(SYS_openat, dead_proc_fd("environ", O_PATH), "", O_RDONLY | O_EMPTYPATH, 0);
}
static long oa_ebadf(void) { return syscall(SYS_openat, -1, "f", O_RDONLY, 0); }
static long oa_ebadf_999(void) { return syscall(SYS_openat, 999, "f", O_RDONLY, 0); }
static long oa_enotdir(void)
{
	int fd = kc_file("f", 1);

	return syscall(SYS_openat, fd, "x", O_RDONLY, 0);
}

/* ---- read ------------------------------------------------------------------------------- */

static long r_ok(void) { return syscall(SYS_read, kc_file("f", 100), buf, 100); }
static long r_clamped(void) { return syscall(SYS_read, kc_file("f", 10), buf, 1UL << 31); }
static long r_fd_999(void) { return syscall(SYS_read, 999, buf, 16); }
static long r_wronly(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_read, xopen("f", O_WRONLY), buf, 16);
}
static long r_fd_count(void) { return syscall(SYS_read, -1, buf, HUGE_COUNT); }
static long r_einval(void)
{
	int fd = epoll_create1(0);

	if (fd < 0)
		kc_die("epoll_create1");
	return syscall(SYS_read, fd, buf, 16);
}
static long r_einval_eventfd(void)
{
	int fd = eventfd(1, 0);

	if (fd < 0)
		kc_die("eventfd");
	return syscall(SYS_read, fd, buf, 4);
}
static long r_efault(void) { return syscall(SYS_read, kc_file("f", 100), (void *)1, 16); }
static long r_eisdir(void) { return syscall(SYS_read, xopen(".", O_RDONLY), buf, 16); }
static long r_eagain(void)
{
	int p[2];

	xpipe(p, O_NONBLOCK);
	return syscall(SYS_read, p[0], buf, 16);
}
static long r_eintr(void)
{
	int p[2];

	xpipe(p, 0);
	kc_interrupt_after(100);
	return syscall(SYS_read, p[0], buf, 16);
}
static long r_eio(void)
{
	return syscall(SYS_read, mem_at(O_RDONLY, (unsigned long)kc_hole(1)), buf, 16);
}
static long r_eoverflow(void)
{
	return syscall(SYS_read, mem_at(O_RDONLY, -65536UL), buf, 65536);
}
static long r_esrch(void) { return syscall(SYS_read, dead_proc_fd("stat", O_RDONLY), buf, 16); }
static long r_eacces(void)
{
	dumpable();
	return syscall(SYS_read, xopen("/proc/self/stack", O_RDONLY), buf, 4096);
}
static long r_eperm(void) { return syscall(SYS_read, init_file_as_nobody("syscall"), buf, 4096); }
static long r_enotconn(void)
{
	int s = socket(AF_UNIX, SOCK_SEQPACKET, 0);

	if (s < 0)
		kc_die("socket");
	return syscall(SYS_read, s, buf, 16);
}
static long r_econnreset(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) || write(sv[0], "x", 1) != 1)
		kc_die("socketpair");
	close(sv[1]);
	return syscall(SYS_read, sv[0], buf, 16);
}

/* ---- write ------------------------------------------------------------------------------ */

static long w_ok(void) { return syscall(SYS_write, kc_file("f", 0), buf, 100); }
static long w_fd_999(void) { return syscall(SYS_write, 999, buf, 16); }
static long w_rdonly(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_write, xopen("f", O_RDONLY), buf, 16);
}
static long w_einval(void)
{
	int fd = eventfd(0, 0);

	if (fd < 0)
		kc_die("eventfd");
	return syscall(SYS_write, fd, buf, 4);
}
static long w_efault(void) { return syscall(SYS_write, kc_file("f", 0), (void *)1, 16); }
static long w_eagain(void) { return syscall(SYS_write, full_pipe(O_NONBLOCK), buf, 16); }
static long w_eintr(void)
{
	int fd = full_pipe(0);

	kc_interrupt_after(100);
	return syscall(SYS_write, fd, buf, 16);
}
static long w_epipe(void)
{
	int p[2];

	ignore(SIGPIPE);
	xpipe(p, 0);
	close(p[0]);
	return syscall(SYS_write, p[1], buf, 16);
}
static long w_efbig(void)
{
	int fd = kc_file("f", 0);

	ignore(SIGXFSZ);
	kc_rlimit(RLIMIT_FSIZE, 4);
	lseek(fd, 10, SEEK_SET);
	return syscall(SYS_write, fd, buf, 16);
}
static long w_enospc(void) { return syscall(SYS_write, xopen("/dev/full", O_WRONLY), buf, 16); }
static long w_eperm(void) { return syscall(SYS_write, sealed_memfd(), buf, 16); }
static long w_eio(void)
{
	return syscall(SYS_write, mem_at(O_RDWR, (unsigned long)kc_hole(1)), buf, 16);
}
static long w_eoverflow(void)
{
	return syscall(SYS_write, mem_at(O_RDWR, -65536UL), buf, 65536);
}
static long w_eacces(void)
{
	dumpable();
	return syscall(SYS_write, xopen("/proc/self/oom_score_adj", O_WRONLY), "-1000", 5);
}
static long w_esrch(void) { return syscall(SYS_write, dead_proc_fd("comm", O_WRONLY), "x", 1); }
static long w_enotconn(void)
{
	int s = socket(AF_UNIX, SOCK_STREAM, 0);

	if (s < 0)
		kc_die("socket");
	ignore(SIGPIPE);
	return syscall(SYS_write, s, buf, 16);
}
static long w_econnrefused(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		kc_die("socketpair");
	close(sv[1]);
	return syscall(SYS_write, sv[0], buf, 16);
}
static long w_emsgsize(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		kc_die("socketpair");
	return syscall(SYS_write, sv[0], buf, sizeof(buf));
}

#define TOO_BIG "99999999999999999999999\n"
static long w_erange(void)
{
	return syscall(SYS_write, xopen("/sys/kernel/tracing/buffer_size_kb", O_WRONLY), TOO_BIG,
		       sizeof(TOO_BIG) - 1);
}

/* ---- pread64 ---------------------------------------------------------------------------- */

static long p_ok(void) { return syscall(SYS_pread64, kc_file("f", 100), buf, 100, 50L); }
static long p_fd_pos(void) { return syscall(SYS_pread64, -1, buf, 16, -1L); }
static long p_fd_999(void) { return syscall(SYS_pread64, 999, buf, 16, 0L); }
static long p_wronly(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_pread64, xopen("f", O_WRONLY), buf, 16, 0L);
}
static long p_espipe(void)
{
	int p[2];

	xpipe(p, 0);
	return syscall(SYS_pread64, p[0], buf, 16, 0L);
}
static long p_einval(void) { return syscall(SYS_pread64, kc_file("f", 10), buf, 16, LONG_MAX - 1); }
static long p_efault(void) { return syscall(SYS_pread64, kc_file("f", 100), (void *)1, 16, 0L); }
static long p_eisdir(void) { return syscall(SYS_pread64, xopen(".", O_RDONLY), buf, 16, 0L); }
static long p_eio(void)
{
	return syscall(SYS_pread64, xopen("/proc/self/mem", O_RDONLY), buf, 16, (long)kc_hole(1));
}
static long p_esrch(void) { return syscall(SYS_pread64, dead_proc_fd("stat", O_RDONLY), buf, 16, 0L); }
static long p_eacces(void)
{
	dumpable();
	return syscall(SYS_pread64, xopen("/proc/self/stack", O_RDONLY), buf, 4096, 0L);
}
static long p_eperm(void)
{
	return syscall(SYS_pread64, init_file_as_nobody("syscall"), buf, 4096, 0L);
}
static long p_eagain(void) { return syscall(SYS_pread64, kmsg_end(O_NONBLOCK), buf, 8192, 0L); }
static long p_eintr(void)
{
	int fd = kmsg_end(0);

	kc_interrupt_after(100);
	return syscall(SYS_pread64, fd, buf, 8192, 0L);
}

/* ---- pwrite64 --------------------------------------------------------------------------- */

static long pw_ok(void) { return syscall(SYS_pwrite64, kc_file("f", 0), buf, 100, 4096L); }
static long pw_fd_999(void) { return syscall(SYS_pwrite64, 999, buf, 16, 0L); }
static long pw_rdonly(void)
{
	close(kc_file("f", 1));
	return syscall(SYS_pwrite64, xopen("f", O_RDONLY), buf, 16, 0L);
}
static long pw_espipe(void)
{
	int p[2];

	xpipe(p, 0);
	return syscall(SYS_pwrite64, p[1], buf, 16, 0L);
}
static long pw_einval(void) { return syscall(SYS_pwrite64, kc_file("f", 0), buf, 16, LONG_MAX - 1); }
static long pw_efault(void) { return syscall(SYS_pwrite64, kc_file("f", 0), (void *)1, 16, 0L); }
static long pw_efbig(void)
{
	int fd = kc_file("f", 0);

	ignore(SIGXFSZ);
	kc_rlimit(RLIMIT_FSIZE, 4);
	return syscall(SYS_pwrite64, fd, buf, 16, 10L);
}
static long pw_enospc(void) { return syscall(SYS_pwrite64, xopen("/dev/full", O_WRONLY), buf, 16, 0L); }
static long pw_eperm(void) { return syscall(SYS_pwrite64, sealed_memfd(), buf, 16, 0L); }
static long pw_eio(void)
{
	return syscall(SYS_pwrite64, xopen("/proc/self/mem", O_RDWR), buf, 16, (long)kc_hole(1));
}
static long pw_eacces(void)
{
	dumpable();
	return syscall(SYS_pwrite64, xopen("/proc/self/oom_score_adj", O_WRONLY), "-1000", 5, 0L);
}
/* Not comm: seq_file files have no positional write (ESPIPE). */
static long pw_esrch(void)
{
	return syscall(SYS_pwrite64, dead_proc_fd("oom_score_adj", O_WRONLY), "0", 1, 0L);
}

static long pw_erange(void)
{
	return syscall(SYS_pwrite64, xopen("/sys/kernel/tracing/buffer_size_kb", O_WRONLY), TOO_BIG,
		       sizeof(TOO_BIG) - 1, 0L);
}

/* ---- lseek ------------------------------------------------------------------------------ */

static long l_set(void) { return syscall(SYS_lseek, kc_file("f", 100), 10L, SEEK_SET); }
static long l_cur(void) { return syscall(SYS_lseek, kc_file("f", 100), 0L, SEEK_CUR); }
static long l_end(void) { return syscall(SYS_lseek, kc_file("f", 100), -10L, SEEK_END); }
static long l_data(void) { return syscall(SYS_lseek, kc_file("f", 100), 0L, SEEK_DATA); }
static long l_hole(void) { return syscall(SYS_lseek, kc_file("f", 100), 0L, SEEK_HOLE); }
static long l_fd_whence(void) { return syscall(SYS_lseek, -1, 0L, 9); }
static long l_fd_999(void) { return syscall(SYS_lseek, 999, 0L, SEEK_SET); }
static long l_espipe(void)
{
	int p[2];

	xpipe(p, 0);
	return syscall(SYS_lseek, p[0], 0L, SEEK_SET);
}
static long l_einval(void) { return syscall(SYS_lseek, kc_file("f", 100), -1L, SEEK_SET); }
static long l_enxio(void) { return syscall(SYS_lseek, kc_file("f", 100), 100L, SEEK_DATA); }
static long l_eacces(void)
{
	dumpable();
	return syscall(SYS_lseek, xopen("/proc/self/stack", O_RDONLY), 1L, SEEK_SET);
}
static long l_eperm(void) { return syscall(SYS_lseek, init_file_as_nobody("syscall"), 1L, SEEK_SET); }
static long l_esrch(void) { return syscall(SYS_lseek, dead_proc_fd("stat", O_RDONLY), 1L, SEEK_SET); }

/* ---- re-audit: errnos of the file systems and anonymous inodes ---------------------------- */

/* A CLOCK_REALTIME timerfd armed with TFD_TIMER_CANCEL_ON_SET, then the clock set to itself. */
static long r_ecanceled(void)
{
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };
	struct timespec now;
	int fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK);

	if (fd < 0 || clock_gettime(CLOCK_REALTIME, &now))
		kc_die("timerfd_create");
	its.it_value.tv_sec = now.tv_sec + 3600;
	if (timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL))
		kc_die("timerfd_settime");
	if (clock_gettime(CLOCK_REALTIME, &now) || clock_settime(CLOCK_REALTIME, &now))
		kc_die("clock_settime");
	return syscall(SYS_read, fd, buf, 8);
}

/* A software perf event read with a buffer smaller than its 8-byte record. */
static long r_enospc_perf(void)
{
	struct perf_event_attr a;
	int fd;

	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_SOFTWARE;
	a.size = sizeof(a);
	a.config = PERF_COUNT_SW_DUMMY;
	fd = syscall(SYS_perf_event_open, &a, 0, -1, -1, 0UL);
	if (fd < 0)
		kc_die("perf_event_open");
	return syscall(SYS_read, fd, buf, 1);
}

static int fsopen_tmpfs(void)
{
	int fd = syscall(SYS_fsopen, "tmpfs", 0U);

	if (fd < 0)
		kc_die("fsopen tmpfs");
	return fd;
}

/* An fsopen() context with no log message. */
static long r_enodata_fsopen(void) { return syscall(SYS_read, fsopen_tmpfs(), buf, 16); }

/* An fsopen() context whose log holds "tmpfs: Unknown parameter ...", read 4 bytes at a time. */
static long r_emsgsize_fsopen(void)
{
	int fd = fsopen_tmpfs();

	if (syscall(SYS_fsconfig, fd, FSCONFIG_SET_FLAG_, "kapi_nosuchopt", NULL, 0) != -1 ||
	    errno != EINVAL)
		kc_die("fsconfig(unknown parameter) did not fail with EINVAL");
	return syscall(SYS_read, fd, buf, 4);
}

/* A zero-length message on a netlink socket. */
static long w_enodata_netlink(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);

	if (fd < 0)
		kc_die("socket(AF_NETLINK)");
	return syscall(SYS_write, fd, buf, 0UL);
}

#define VGA_BAD_CMD "lock foo"
static long w_eproto_vgaarb(void)
{
	return syscall(SYS_write, xopen("/dev/vga_arbiter", O_RDWR), VGA_BAD_CMD,
		       strlen(VGA_BAD_CMD));
}
static long pw_eproto_vgaarb(void)
{
	return syscall(SYS_pwrite64, xopen("/dev/vga_arbiter", O_RDWR), VGA_BAD_CMD,
		       strlen(VGA_BAD_CMD), 0L);
}

/* A uprobe definition with 129 arguments (MAX_TRACE_ARGS is 128). */
static long w_e2big_uprobe(void)
{
	static char cmd[4 + 2 * 129 + 1];
	int i;

	strcpy(cmd, "p x");
	for (i = 0; i < 129; i++)
		strcat(cmd, " a");
	return syscall(SYS_write, xopen("/sys/kernel/tracing/uprobe_events", O_WRONLY | O_APPEND),
		       cmd, strlen(cmd));
}

/* /proc/self/fdinfo/N opened, then N closed: seq_lseek() runs show(), which finds no file. */
static long l_enoent_fdinfo(void)
{
	char path[64];
	int n = xopen(".", O_RDONLY | O_DIRECTORY), fd;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", n);
	fd = xopen(path, O_RDONLY);
	close(n);
	return syscall(SYS_lseek, fd, 1L, SEEK_SET);
}

/* ---- memfd_create ----------------------------------------------------------------------- */

static long m_ok(void) { return syscall(SYS_memfd_create, "kapi", 0U); }
static long m_sealing(void) { return syscall(SYS_memfd_create, "kapi", MFD_CLOEXEC | MFD_ALLOW_SEALING); }
static long m_noexec(void) { return syscall(SYS_memfd_create, "kapi", MFD_NOEXEC_SEAL); }
static long m_exec(void) { return syscall(SYS_memfd_create, "kapi", MFD_EXEC); }
static long m_badflag_name(void) { return syscall(SYS_memfd_create, (void *)1, 0x20U); }
static long m_exec_noexec(void) { return syscall(SYS_memfd_create, "kapi", MFD_EXEC | MFD_NOEXEC_SEAL); }
static long m_size_only(void) { return syscall(SYS_memfd_create, "kapi", MFD_HUGE_2MB_); }
static long m_hugetlb(void) { return syscall(SYS_memfd_create, "kapi", MFD_HUGETLB | MFD_HUGE_2MB_); }
static long m_null(void) { return syscall(SYS_memfd_create, NULL, 0U); }
static long m_efault(void) { return syscall(SYS_memfd_create, (void *)1, 0U); }
static long m_name(size_t len)
{
	char name[300];

	memset(name, 'n', len);
	name[len] = 0;
	return syscall(SYS_memfd_create, name, 0U);
}
static long m_249(void) { return m_name(249); }
static long m_250(void) { return m_name(250); }
static long m_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_memfd_create, "kapi", 0U);
}
static long m_enfile(void) { return kc_with_file_max_0(m_ok); }

/* ---- setxattr, lsetxattr (one body, two calls), fsetxattr ------------------------------- */

static long xs(const char *path, const char *name, const void *value, size_t size, int flags)
{
	return syscall(via_at ? SYS_lsetxattr : SYS_setxattr, path, name, value, size, flags);
}

#define XBOTH(fn)                            \
	static long fn##_s(void)             \
	{                                    \
		via_at = 0;                  \
		return fn();                 \
	}                                    \
	static long fn##_l(void)             \
	{                                    \
		via_at = 1;                  \
		return fn();                 \
	}

static const char *file_f(void)
{
	close(kc_file("f", 1));
	return "f";
}
static long x_ok(void) { return xs(file_f(), "user.a", "v", 1, 0); }
static long x_create(void) { return xs(file_f(), "user.a", "v", 1, XATTR_CREATE); }
static long x_replace(void)
{
	xs(file_f(), "user.a", "v", 1, 0);
	return xs("f", "user.a", "w", 1, XATTR_REPLACE);
}
static long x_empty(void) { return xs(file_f(), "user.a", NULL, 0, 0); }
static long x_trusted(void) { return xs(file_f(), "trusted.a", "v", 1, 0); }
static long x_dir(void) { return xs(".", "user.a", "v", 1, 0); }
static long x_size_flags(void) { return xs(file_f(), "user.a", buf, XATTR_SIZE_MAX + 1, 4); }
static long x_size_name(void) { return xs(file_f(), "", buf, XATTR_SIZE_MAX + 1, 0); }
static long x_prefix(void) { return xs(file_f(), "user.", "v", 1, 0); }
static long x_erange(void) { return xs(file_f(), "", "v", 1, 0); }
static long x_erange_long(void)
{
	char name[300] = "user.";

	memset(name + 5, 'a', 251);
	name[256] = 0;
	return xs(file_f(), name, "v", 1, 0);
}
static long x_efault_name(void) { return xs(file_f(), (const char *)1, "v", 1, 0); }
static long x_efault_value(void) { return xs(file_f(), "user.a", (void *)1, 4, 0); }
static long x_efault_path(void) { return xs((const char *)1, "user.a", "v", 1, 0); }
static long x_enoent(void) { return xs("missing", "user.a", "v", 1, 0); }
static long x_enotdir(void)
{
	file_f();
	return xs("f/x", "user.a", "v", 1, 0);
}
static long x_enametoolong(void)
{
	char name[300];

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	return xs(name, "user.a", "v", 1, 0);
}
static long x_eloop(void)
{
	xsymlink("l2", "l1");
	xsymlink("l1", "l2");
	return xs("l1/x", "user.a", "v", 1, 0);
}
static long x_eacces(void)
{
	chmod(file_f(), 0444);
	return xs("f", "user.a", "v", 1, 0);
}
static long x_eperm(void) { return xs(file_f(), "trusted.a", "v", 1, 0); }
static long x_eperm_security(void) { return xs(file_f(), "security.a", "v", 1, 0); }
static long x_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	return kc_unmounting("ro", xs("ro", "user.a", "v", 1, 0));
}
static long x_eopnotsupp(void) { return xs(file_f(), "foo.a", "v", 1, 0); }
static long x_eopnotsupp_proc(void) { return xs("/proc/self/status", "user.a", "v", 1, 0); }
static long x_eexist(void)
{
	xs(file_f(), "user.a", "v", 1, 0);
	return xs("f", "user.a", "v", 1, XATTR_CREATE);
}
static long x_enodata(void) { return xs(file_f(), "user.a", "v", 1, XATTR_REPLACE); }
static long x_enospc(void)
{
	tmpfs_at("m", 0, "nr_inodes=2");
	close(xopen("m/f", O_WRONLY | O_CREAT));
	return kc_unmounting("m", xs("m/f", "user.a", "v", 1, 0));
}
static long x_link_user(void)
{
	xsymlink(file_f(), "l");
	return xs("l", "user.a", "v", 1, 0);
}
static long x_link_trusted(void)
{
	xsymlink(file_f(), "l");
	return xs("l", "trusted.a", "v", 1, 0);
}

XBOTH(x_ok) XBOTH(x_create) XBOTH(x_replace) XBOTH(x_empty) XBOTH(x_trusted) XBOTH(x_dir)
XBOTH(x_size_flags) XBOTH(x_size_name) XBOTH(x_prefix)
XBOTH(x_erange) XBOTH(x_erange_long) XBOTH(x_efault_name) XBOTH(x_efault_value)
XBOTH(x_efault_path) XBOTH(x_enoent) XBOTH(x_enotdir) XBOTH(x_enametoolong) XBOTH(x_eloop)
XBOTH(x_eacces) XBOTH(x_eperm) XBOTH(x_eperm_security) XBOTH(x_erofs) XBOTH(x_eopnotsupp)
XBOTH(x_eopnotsupp_proc) XBOTH(x_eexist) XBOTH(x_enodata) XBOTH(x_enospc) XBOTH(x_link_user)
XBOTH(x_link_trusted)

static long xf(int fd, const char *name, const void *value, size_t size, int flags)
{
	return syscall(SYS_fsetxattr, fd, name, value, size, flags);
}
static int fd_f(void) { return kc_file("f", 1); }
static long f_ok(void) { return xf(fd_f(), "user.a", "v", 1, 0); }
static long f_cwd(void) { return xf(AT_FDCWD, "user.a", "v", 1, 0); }
static long f_fd_neg_erange(void) { return xf(-1, "", "v", 1, 0); }
static long f_fd_999(void) { return xf(999, "user.a", "v", 1, 0); }
static long f_opath(void) { return xf(xopen("/bin/busybox", O_PATH), "user.a", "v", 1, 0); }
static long f_prefix(void) { return xf(fd_f(), "user.", "v", 1, 0); }
static long f_erange(void) { return xf(fd_f(), "", "v", 1, 0); }
static long f_efault_name(void) { return xf(fd_f(), (const char *)1, "v", 1, 0); }
static long f_efault_value(void) { return xf(fd_f(), "user.a", (void *)1, 4, 0); }
static long f_eacces(void)
{
	int fd = fd_f();

	fchmod(fd, 0444);
	return xf(fd, "user.a", "v", 1, 0);
}
static long f_eperm(void) { return xf(fd_f(), "trusted.a", "v", 1, 0); }
static long f_eperm_fifo(void)
{
	int p[2];

	xpipe(p, 0);
	return xf(p[0], "user.a", "v", 1, 0);
}
static long f_erofs(void)
{
	tmpfs_at("ro", MS_RDONLY, NULL);
	int fd = xopen("ro", O_RDONLY | O_DIRECTORY);

	return kc_unmounting("ro", xf(fd, "user.a", "v", 1, 0));
}
static long f_eopnotsupp(void) { return xf(fd_f(), "foo.a", "v", 1, 0); }
static long f_eopnotsupp_proc(void) { return xf(xopen("/proc/self/status", O_RDONLY), "user.a", "v", 1, 0); }
static long f_eexist(void)
{
	int fd = fd_f();

	xf(fd, "user.a", "v", 1, 0);
	return xf(fd, "user.a", "v", 1, XATTR_CREATE);
}
static long f_enodata(void) { return xf(fd_f(), "user.a", "v", 1, XATTR_REPLACE); }
static long f_enospc(void)
{
	tmpfs_at("m", 0, "nr_inodes=2");
	int fd = xopen("m/f", O_WRONLY | O_CREAT);

	return kc_unmounting("m", xf(fd, "user.a", "v", 1, 0));
}

/* ---- the table -------------------------------------------------------------------------- */

/* One case each for open and openat (with AT_FDCWD); note follows the call. */
#define OC(args, note, fn, err, rep, fl)                                    \
	{ "open", "open(" args ")" note, fn##_o, err, rep, fl },            \
	{ "openat", "openat(AT_FDCWD, " args ")" note, fn##_a, err, rep, fl }
/* One case each for setxattr and lsetxattr. */
#define XC(args, note, fn, err, rep, fl)                                    \
	{ "setxattr", "setxattr(" args ")" note, fn##_s, err, rep, fl },     \
	{ "lsetxattr", "lsetxattr(" args ")" note, fn##_l, err, rep, fl }

static const struct kcase cases[] = {
	/* open, openat */
	OC("\"f\", O_RDONLY", "", o_rdonly, 0, "", 0),
	OC("\"new\", O_WRONLY|O_CREAT|O_EXCL, 0600", "", o_creat_excl, 0, "", 0),
	OC("\".\", O_TMPFILE|O_RDWR, 0600", "", o_tmpfile, 0, "", 0),
	OC("\"/bin/busybox\", O_PATH|O_CREAT|O_TRUNC", " (O_PATH drops the others)", o_path, 0, "", 0),
	OC("\"f\", O_RDONLY|1<<29", " (unknown bits are ignored)", o_unknown_bit, 0, "", 0),
	OC("\".\", O_RDONLY|O_DIRECTORY", "", o_directory, 0, "", 0),
	OC("\"\", O_RDONLY|O_EMPTYPATH", " (the working directory)", o_emptypath, 0, "", 0),
	OC("\"d\", O_CREAT|O_DIRECTORY, 0700", "", o_dir_creat, EINVAL, "", 0),
	OC("\".\", __O_TMPFILE|O_RDWR", " (no O_DIRECTORY)", o_tmpfile_bit, EINVAL, "", 0),
	OC("\".\", O_TMPFILE|O_RDONLY", "", o_tmpfile_rdonly, EINVAL, "", 0),
	OC("\"/proc/self/status\", O_RDONLY|O_DIRECT", "", o_direct_proc, EINVAL, "", 0),
	OC("(char *)1, O_RDONLY", "", o_efault, EFAULT, "", 0),
	OC("<299-byte name>, O_RDONLY", "", o_long_name, ENAMETOOLONG, "", 0),
	OC("\"missing\", O_RDONLY", "", o_enoent, ENOENT, "", 0),
	OC("\"\", O_RDONLY", "", o_empty, ENOENT, "", 0),
	OC("\"/bin/busybox\", O_RDONLY", " with RLIMIT_NOFILE 0", o_emfile, EMFILE, "", 0),
	OC("\"/bin/busybox\", O_RDONLY", " as nobody with fs.file-max 0", o_enfile, ENFILE, "", 0),
	OC("\"f/x\", O_RDONLY", " (f is a file)", o_enotdir, ENOTDIR, "", 0),
	OC("\"f\", O_RDONLY", " (own file, mode 0)", o_eacces, EACCES, "", KC_NOBODY),
	OC("\"l\", O_RDONLY|O_NOFOLLOW", " (l is a symlink)", o_eloop, ELOOP, "", 0),
	OC("\"f\", O_RDWR|O_CREAT|O_EXCL", " (f exists)", o_eexist, EEXIST, "", 0),
	OC("\".\", O_WRONLY", "", o_eisdir, EISDIR, "", 0),
	OC("\"ro/f\", O_WRONLY|O_CREAT", " (read-only tmpfs)", o_erofs, EROFS, "", 0),
	OC("\"/proc/self/exe\", O_WRONLY", "", o_etxtbsy, ETXTBSY, "", 0),
	OC("\"/bin/busybox\", O_RDONLY|O_NOATIME", " as nobody", o_eperm, EPERM, "", KC_NOBODY),
	OC("\"m/f\", O_WRONLY|O_CREAT", " (tmpfs nr_inodes=1)", o_enospc, ENOSPC, "", 0),
	OC("\"/proc\", O_TMPFILE|O_RDWR", "", o_eopnotsupp, EOPNOTSUPP, "", 0),
	OC("\"fifo\", O_WRONLY|O_NONBLOCK", " (no reader)", o_enxio, ENXIO, "", 0),
	OC("\"f\", O_WRONLY|O_NONBLOCK", " (we hold a read lease)", o_eagain, EAGAIN, "", 0),
	OC("\"fifo\", O_RDONLY", " interrupted by SIGALRM", o_eintr, EINTR, "", 0),
	OC("\"/proc/self/fd/N\", O_RDONLY", " (N: O_PATH fd of /proc/<exited>/environ)", o_esrch,
	   ESRCH, "", 0),
	{ "openat", "openat(dirfd, \"f\", O_RDONLY)", oa_dirfd, 0, "", 0 },
	{ "openat", "openat(-1, \"/proc/self/status\", O_RDONLY) (dfd unused)", oa_abs_bad_dfd, 0, "", 0 },
	{ "openat", "openat(fd, \"\", O_RDONLY|O_EMPTYPATH) (reopen)", oa_reopen, 0, "", 0 },
	{ "openat", "openat(O_PATH fd of /proc/<exited>/environ, \"\", O_RDONLY|O_EMPTYPATH)",
	  oa_esrch, ESRCH, "", 0 },
	{ "openat", "openat(-1, \"f\", O_RDONLY)", oa_ebadf, EBADF, "", 0 },
	{ "openat", "openat(999, \"f\", O_RDONLY)", oa_ebadf_999, EBADF, "", 0 },
	{ "openat", "openat(file_fd, \"x\", O_RDONLY)", oa_enotdir, ENOTDIR, "", 0 },

	/* read */
	{ "read", "read(file, buf, 100)", r_ok, 0, "", 0 },
	{ "read", "read(file, buf, 1<<31) (clamped)", r_clamped, 0, "", 0 },
	{ "read", "read(999, buf, 16)", r_fd_999, EBADF, "", 0 },
	{ "read", "read(O_WRONLY fd, buf, 16)", r_wronly, EBADF, "", 0 },
	{ "read", "read(-1, buf, LONG_MAX+1)", r_fd_count, EBADF, "arg:fd arg:count", 0 },
	{ "read", "read(epoll fd, buf, 16)", r_einval, EINVAL, "", 0 },
	{ "read", "read(eventfd, buf, 4)", r_einval_eventfd, EINVAL, "", 0 },
	{ "read", "read(file, (void *)1, 16)", r_efault, EFAULT, "", 0 },
	{ "read", "read(\".\", buf, 16)", r_eisdir, EISDIR, "", 0 },
	{ "read", "read(empty O_NONBLOCK pipe, buf, 16)", r_eagain, EAGAIN, "", 0 },
	{ "read", "read(empty pipe, buf, 16) interrupted by SIGALRM", r_eintr, EINTR, "", 0 },
	{ "read", "read(/proc/self/mem at an unmapped page, buf, 16)", r_eio, EIO, "", 0 },
	{ "read", "read(/proc/self/mem at 2^64-65536, buf, 65536)", r_eoverflow, EOVERFLOW, "", 0 },
	{ "read", "read(/proc/<exited>/stat, buf, 16)", r_esrch, ESRCH, "", 0 },
	{ "read", "read(/proc/self/stack, buf, 4096) as nobody", r_eacces, EACCES, "", KC_NOBODY },
	{ "read", "read(/proc/1/syscall opened as root, buf, 4096) as nobody", r_eperm, EPERM, "", 0 },
	{ "read", "read(unconnected AF_UNIX seqpacket, buf, 16)", r_enotconn, ENOTCONN, "", 0 },
	{ "read", "read(AF_UNIX stream whose peer closed with unread data, buf, 16)", r_econnreset,
	  ECONNRESET, "", 0 },
	{ "read", "read(CLOCK_REALTIME timerfd with TFD_TIMER_CANCEL_ON_SET after clock_settime, buf, 8)",
	  r_ecanceled, ECANCELED, "", 0 },
	{ "read", "read(perf_event fd, buf, 1)", r_enospc_perf, ENOSPC, "", 0 },
	{ "read", "read(fsopen(\"tmpfs\") fd without messages, buf, 16)", r_enodata_fsopen, ENODATA,
	  "", 0 },
	{ "read", "read(fsopen(\"tmpfs\") fd after an unknown parameter, buf, 4)",
	  r_emsgsize_fsopen, EMSGSIZE, "", 0 },

	/* write */
	{ "write", "write(file, buf, 100)", w_ok, 0, "", 0 },
	{ "write", "write(999, buf, 16)", w_fd_999, EBADF, "", 0 },
	{ "write", "write(O_RDONLY fd, buf, 16)", w_rdonly, EBADF, "", 0 },
	{ "write", "write(eventfd, buf, 4)", w_einval, EINVAL, "", 0 },
	{ "write", "write(file, (void *)1, 16)", w_efault, EFAULT, "", 0 },
	{ "write", "write(full O_NONBLOCK pipe, buf, 16)", w_eagain, EAGAIN, "", 0 },
	{ "write", "write(full pipe, buf, 16) interrupted by SIGALRM", w_eintr, EINTR, "", 0 },
	{ "write", "write(pipe without reader, buf, 16), SIGPIPE ignored", w_epipe, EPIPE, "", 0 },
	{ "write", "write(file at 10, buf, 16) with RLIMIT_FSIZE 4, SIGXFSZ ignored", w_efbig, EFBIG,
	  "", 0 },
	{ "write", "write(/dev/full, buf, 16)", w_enospc, ENOSPC, "", 0 },
	{ "write", "write(memfd with F_SEAL_WRITE, buf, 16)", w_eperm, EPERM, "", 0 },
	{ "write", "write(/proc/self/mem at an unmapped page, buf, 16)", w_eio, EIO, "", 0 },
	{ "write", "write(/proc/self/mem at 2^64-65536, buf, 65536)", w_eoverflow, EOVERFLOW, "", 0 },
	{ "write", "write(/proc/self/oom_score_adj, \"-1000\", 5) as nobody", w_eacces, EACCES, "",
	  KC_NOBODY },
	{ "write", "write(/proc/<exited>/comm, \"x\", 1)", w_esrch, ESRCH, "", 0 },
	{ "write", "write(unconnected AF_UNIX stream, buf, 16)", w_enotconn, ENOTCONN, "", 0 },
	{ "write", "write(AF_UNIX datagram whose peer closed, buf, 16)", w_econnrefused,
	  ECONNREFUSED, "", 0 },
	{ "write", "write(AF_UNIX datagram, buf, 512 KiB)", w_emsgsize, EMSGSIZE, "", 0 },
	{ "write", "write(tracing/buffer_size_kb, \"99999999999999999999999\\n\", 24)", w_erange,
	  ERANGE, "", 0 },
	{ "write", "write(netlink socket, buf, 0)", w_enodata_netlink, ENODATA, "", 0 },
	{ "write", "write(/dev/vga_arbiter, \"lock foo\", 8)", w_eproto_vgaarb, EPROTO, "", 0 },
	{ "write", "write(tracing/uprobe_events, \"p x\" and 129 arguments)", w_e2big_uprobe, E2BIG,
	  "", 0 },

	/* pread64 */
	{ "pread64", "pread64(file, buf, 100, 50)", p_ok, 0, "", 0 },
	{ "pread64", "pread64(-1, buf, 16, -1) (pos is checked first)", p_fd_pos, EINVAL,
	  "arg:fd arg:pos", 0 },
	{ "pread64", "pread64(999, buf, 16, 0)", p_fd_999, EBADF, "", 0 },
	{ "pread64", "pread64(O_WRONLY fd, buf, 16, 0)", p_wronly, EBADF, "", 0 },
	{ "pread64", "pread64(pipe, buf, 16, 0)", p_espipe, ESPIPE, "", 0 },
	{ "pread64", "pread64(file, buf, 16, LONG_MAX-1) (pos + count overflows)", p_einval, EINVAL,
	  "", 0 },
	{ "pread64", "pread64(file, (void *)1, 16, 0)", p_efault, EFAULT, "", 0 },
	{ "pread64", "pread64(\".\", buf, 16, 0)", p_eisdir, EISDIR, "", 0 },
	{ "pread64", "pread64(/proc/self/mem, buf, 16, unmapped page)", p_eio, EIO, "", 0 },
	{ "pread64", "pread64(/proc/<exited>/stat, buf, 16, 0)", p_esrch, ESRCH, "", 0 },
	{ "pread64", "pread64(/proc/self/stack, buf, 4096, 0) as nobody", p_eacces, EACCES, "",
	  KC_NOBODY },
	{ "pread64", "pread64(/proc/1/syscall opened as root, buf, 4096, 0) as nobody", p_eperm,
	  EPERM, "", 0 },
	{ "pread64", "pread64(/dev/kmsg O_NONBLOCK after the last record, buf, 8192, 0)", p_eagain,
	  EAGAIN, "", 0 },
	{ "pread64", "pread64(/dev/kmsg after the last record, buf, 8192, 0) interrupted", p_eintr,
	  EINTR, "", 0 },

	/* pwrite64 */
	{ "pwrite64", "pwrite64(file, buf, 100, 4096)", pw_ok, 0, "", 0 },
	{ "pwrite64", "pwrite64(999, buf, 16, 0)", pw_fd_999, EBADF, "", 0 },
	{ "pwrite64", "pwrite64(O_RDONLY fd, buf, 16, 0)", pw_rdonly, EBADF, "", 0 },
	{ "pwrite64", "pwrite64(pipe, buf, 16, 0)", pw_espipe, ESPIPE, "", 0 },
	{ "pwrite64", "pwrite64(file, buf, 16, LONG_MAX-1) (pos + count overflows)", pw_einval,
	  EINVAL, "", 0 },
	{ "pwrite64", "pwrite64(file, (void *)1, 16, 0)", pw_efault, EFAULT, "", 0 },
	{ "pwrite64", "pwrite64(file, buf, 16, 10) with RLIMIT_FSIZE 4, SIGXFSZ ignored", pw_efbig,
	  EFBIG, "", 0 },
	{ "pwrite64", "pwrite64(/dev/full, buf, 16, 0)", pw_enospc, ENOSPC, "", 0 },
	{ "pwrite64", "pwrite64(memfd with F_SEAL_WRITE, buf, 16, 0)", pw_eperm, EPERM, "", 0 },
	{ "pwrite64", "pwrite64(/proc/self/mem, buf, 16, unmapped page)", pw_eio, EIO, "", 0 },
	{ "pwrite64", "pwrite64(/proc/self/oom_score_adj, \"-1000\", 5, 0) as nobody", pw_eacces,
	  EACCES, "", KC_NOBODY },
	{ "pwrite64", "pwrite64(/proc/<exited>/oom_score_adj, \"0\", 1, 0)", pw_esrch, ESRCH, "", 0 },
	{ "pwrite64", "pwrite64(tracing/buffer_size_kb, \"99999999999999999999999\\n\", 24, 0)",
	  pw_erange, ERANGE, "", 0 },
	{ "pwrite64", "pwrite64(/dev/vga_arbiter, \"lock foo\", 8, 0)", pw_eproto_vgaarb, EPROTO, "",
	  0 },

	/* lseek */
	{ "lseek", "lseek(file, 10, SEEK_SET)", l_set, 0, "", 0 },
	{ "lseek", "lseek(file, 0, SEEK_CUR)", l_cur, 0, "", 0 },
	{ "lseek", "lseek(file, -10, SEEK_END)", l_end, 0, "", 0 },
	{ "lseek", "lseek(file, 0, SEEK_DATA)", l_data, 0, "", 0 },
	{ "lseek", "lseek(file, 0, SEEK_HOLE)", l_hole, 0, "", 0 },
	{ "lseek", "lseek(-1, 0, 9) (the descriptor is checked first)", l_fd_whence, EBADF,
	  "arg:fd arg:whence", 0 },
	{ "lseek", "lseek(999, 0, SEEK_SET)", l_fd_999, EBADF, "", 0 },
	{ "lseek", "lseek(pipe, 0, SEEK_SET)", l_espipe, ESPIPE, "", 0 },
	{ "lseek", "lseek(file, -1, SEEK_SET)", l_einval, EINVAL, "", 0 },
	{ "lseek", "lseek(100-byte file, 100, SEEK_DATA)", l_enxio, ENXIO, "", 0 },
	{ "lseek", "lseek(/proc/self/stack, 1, SEEK_SET) as nobody", l_eacces, EACCES, "",
	  KC_NOBODY },
	{ "lseek", "lseek(/proc/1/syscall opened as root, 1, SEEK_SET) as nobody", l_eperm, EPERM,
	  "", 0 },
	{ "lseek", "lseek(/proc/<exited>/stat, 1, SEEK_SET)", l_esrch, ESRCH, "", 0 },
	{ "lseek", "lseek(/proc/self/fdinfo/N, 1, SEEK_SET) after closing N", l_enoent_fdinfo, ENOENT,
	  "", 0 },

	/* memfd_create */
	{ "memfd_create", "memfd_create(\"kapi\", 0)", m_ok, 0, "", 0 },
	{ "memfd_create", "memfd_create(\"kapi\", MFD_CLOEXEC|MFD_ALLOW_SEALING)", m_sealing, 0,
	  "", 0 },
	{ "memfd_create", "memfd_create(\"kapi\", MFD_NOEXEC_SEAL)", m_noexec, 0, "", 0 },
	{ "memfd_create", "memfd_create(\"kapi\", MFD_EXEC)", m_exec, 0, "", 0 },
	{ "memfd_create", "memfd_create(<249 bytes>, 0)", m_249, 0, "", 0 },
	{ "memfd_create", "memfd_create((char *)1, 0x20) (flags first)", m_badflag_name, EINVAL,
	  "arg:flags", 0 },
	{ "memfd_create", "memfd_create(\"kapi\", MFD_EXEC|MFD_NOEXEC_SEAL)", m_exec_noexec, EINVAL,
	  "", 0 },
	{ "memfd_create", "memfd_create(\"kapi\", MFD_HUGE_2MB) (no MFD_HUGETLB)", m_size_only,
	  EINVAL, "", 0 },
	{ "memfd_create", "memfd_create(\"kapi\", MFD_HUGETLB|MFD_HUGE_2MB) (no hugetlbfs)",
	  m_hugetlb, ENOSYS, "", 0 },
	{ "memfd_create", "memfd_create(NULL, 0)", m_null, EFAULT, "", 0 },
	{ "memfd_create", "memfd_create((char *)1, 0)", m_efault, EFAULT, "", 0 },
	{ "memfd_create", "memfd_create(<250 bytes>, 0)", m_250, EINVAL, "", 0 },
	{ "memfd_create", "memfd_create(\"kapi\", 0) with RLIMIT_NOFILE 0", m_emfile, EMFILE, "", 0 },
	{ "memfd_create", "memfd_create(\"kapi\", 0) as nobody with fs.file-max 0", m_enfile, ENFILE,
	  "", 0 },

	/* setxattr, lsetxattr */
	XC("\"f\", \"user.a\", \"v\", 1, 0", "", x_ok, 0, "", 0),
	XC("\"f\", \"user.a\", \"v\", 1, XATTR_CREATE", "", x_create, 0, "", 0),
	XC("\"f\", \"user.a\", \"w\", 1, XATTR_REPLACE", " (exists)", x_replace, 0, "", 0),
	XC("\"f\", \"user.a\", NULL, 0, 0", "", x_empty, 0, "", 0),
	XC("\"f\", \"trusted.a\", \"v\", 1, 0", "", x_trusted, 0, "", 0),
	XC("\".\", \"user.a\", \"v\", 1, 0", "", x_dir, 0, "", 0),
	XC("\"f\", \"user.a\", buf, XATTR_SIZE_MAX+1, 4", " (flags first)", x_size_flags, EINVAL,
	   "arg:size arg:flags", 0),
	XC("\"f\", \"\", buf, XATTR_SIZE_MAX+1, 0", " (the name is checked first)", x_size_name,
	   ERANGE, "arg:size", 0),
	XC("\"f\", \"user.\", \"v\", 1, 0", "", x_prefix, EINVAL, "", 0),
	XC("\"f\", \"\", \"v\", 1, 0", "", x_erange, ERANGE, "", 0),
	XC("\"f\", <256-byte name>, \"v\", 1, 0", "", x_erange_long, ERANGE, "", 0),
	XC("\"f\", (char *)1, \"v\", 1, 0", "", x_efault_name, EFAULT, "", 0),
	XC("\"f\", \"user.a\", (void *)1, 4, 0", "", x_efault_value, EFAULT, "", 0),
	XC("(char *)1, \"user.a\", \"v\", 1, 0", "", x_efault_path, EFAULT, "", 0),
	XC("\"missing\", \"user.a\", \"v\", 1, 0", "", x_enoent, ENOENT, "", 0),
	XC("\"f/x\", \"user.a\", \"v\", 1, 0", "", x_enotdir, ENOTDIR, "", 0),
	XC("<299-byte name>, \"user.a\", \"v\", 1, 0", "", x_enametoolong, ENAMETOOLONG, "", 0),
	XC("\"l1/x\", \"user.a\", \"v\", 1, 0", " (l1 -> l2 -> l1)", x_eloop, ELOOP, "", 0),
	XC("\"f\", \"user.a\", \"v\", 1, 0", " as nobody (own file, mode 0444)", x_eacces, EACCES,
	   "", KC_NOBODY),
	XC("\"f\", \"trusted.a\", \"v\", 1, 0", " as nobody", x_eperm, EPERM, "", KC_NOBODY),
	XC("\"f\", \"security.a\", \"v\", 1, 0", " as nobody", x_eperm_security, EPERM, "",
	   KC_NOBODY),
	XC("\"ro\", \"user.a\", \"v\", 1, 0", " (read-only tmpfs)", x_erofs, EROFS, "", 0),
	XC("\"f\", \"foo.a\", \"v\", 1, 0", "", x_eopnotsupp, EOPNOTSUPP, "", 0),
	XC("\"/proc/self/status\", \"user.a\", \"v\", 1, 0", "", x_eopnotsupp_proc, EOPNOTSUPP,
	   "", 0),
	XC("\"f\", \"user.a\", \"v\", 1, XATTR_CREATE", " (exists)", x_eexist, EEXIST, "", 0),
	XC("\"f\", \"user.a\", \"v\", 1, XATTR_REPLACE", " (missing)", x_enodata, ENODATA, "", 0),
	XC("\"m/f\", \"user.a\", \"v\", 1, 0", " (tmpfs nr_inodes=2)", x_enospc, ENOSPC, "", 0),
	{ "setxattr", "setxattr(\"l\" -> f, \"user.a\", \"v\", 1, 0)", x_link_user_s, 0, "", 0 },
	{ "lsetxattr", "lsetxattr(\"l\" (symlink), \"user.a\", \"v\", 1, 0)", x_link_user_l, EPERM,
	  "", 0 },
	{ "setxattr", "setxattr(\"l\" -> f, \"trusted.a\", \"v\", 1, 0)", x_link_trusted_s, 0, "",
	  0 },
	{ "lsetxattr", "lsetxattr(\"l\" (symlink), \"trusted.a\", \"v\", 1, 0)", x_link_trusted_l, 0,
	  "", 0 },

	/* fsetxattr */
	{ "fsetxattr", "fsetxattr(fd, \"user.a\", \"v\", 1, 0)", f_ok, 0, "", 0 },
	{ "fsetxattr", "fsetxattr(AT_FDCWD, \"user.a\", \"v\", 1, 0) (the working directory)", f_cwd,
	  0, "", 0 },
	{ "fsetxattr", "fsetxattr(-1, \"\", \"v\", 1, 0) (the name is checked first)",
	  f_fd_neg_erange, ERANGE, "arg:fd", 0 },
	{ "fsetxattr", "fsetxattr(999, \"user.a\", \"v\", 1, 0)", f_fd_999, EBADF, "", 0 },
	{ "fsetxattr", "fsetxattr(O_PATH fd, \"user.a\", \"v\", 1, 0)", f_opath, EBADF, "", 0 },
	{ "fsetxattr", "fsetxattr(fd, \"user.\", \"v\", 1, 0)", f_prefix, EINVAL, "", 0 },
	{ "fsetxattr", "fsetxattr(fd, \"\", \"v\", 1, 0)", f_erange, ERANGE, "", 0 },
	{ "fsetxattr", "fsetxattr(fd, (char *)1, \"v\", 1, 0)", f_efault_name, EFAULT, "", 0 },
	{ "fsetxattr", "fsetxattr(fd, \"user.a\", (void *)1, 4, 0)", f_efault_value, EFAULT, "", 0 },
	{ "fsetxattr", "fsetxattr(own file, mode 0444, \"user.a\", \"v\", 1, 0) as nobody",
	  f_eacces, EACCES, "", KC_NOBODY },
	{ "fsetxattr", "fsetxattr(fd, \"trusted.a\", \"v\", 1, 0) as nobody", f_eperm, EPERM, "",
	  KC_NOBODY },
	{ "fsetxattr", "fsetxattr(pipe, \"user.a\", \"v\", 1, 0)", f_eperm_fifo, EPERM, "", 0 },
	{ "fsetxattr", "fsetxattr(dir on read-only tmpfs, \"user.a\", \"v\", 1, 0)", f_erofs, EROFS,
	  "", 0 },
	{ "fsetxattr", "fsetxattr(fd, \"foo.a\", \"v\", 1, 0)", f_eopnotsupp, EOPNOTSUPP, "", 0 },
	{ "fsetxattr", "fsetxattr(/proc/self/status, \"user.a\", \"v\", 1, 0)", f_eopnotsupp_proc,
	  EOPNOTSUPP, "", 0 },
	{ "fsetxattr", "fsetxattr(fd, \"user.a\", \"v\", 1, XATTR_CREATE) (exists)", f_eexist, EEXIST,
	  "", 0 },
	{ "fsetxattr", "fsetxattr(fd, \"user.a\", \"v\", 1, XATTR_REPLACE) (missing)", f_enodata,
	  ENODATA, "", 0 },
	{ "fsetxattr", "fsetxattr(tmpfs nr_inodes=2 file, \"user.a\", \"v\", 1, 0)", f_enospc, ENOSPC,
	  "", 0 },
};

KC_GROUP(file, cases);

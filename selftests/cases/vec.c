// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the vec group: readv, writev, preadv, pwritev, preadv2, pwritev2, vmsplice, tee,
 * splice, sendfile, copy_file_range. See specs/decisions/vec.md for why each errno happens.
 *
 * The single-rule calls (each constraint broken at its boundaries, every descriptor kind) are
 * generated from the specs by `kapi cases`. These cases are the rest: valid calls, the advisory
 * rules shown to be advisory (a descriptor or a vector count whose upper 32 bits the kernel
 * drops, a zero-length call that skips the flag check), errnos that need state (full or broken
 * pipes, limits, signals, append-only and immutable files, another tmpfs) and which check wins
 * when several rules break at once.
 */
#include "cases.h"

#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/uio.h>

#ifndef RWF_HIPRI
#define RWF_HIPRI 0x1
#endif
#ifndef RWF_DSYNC
#define RWF_DSYNC 0x2
#endif
#ifndef RWF_NOWAIT
#define RWF_NOWAIT 0x8
#endif
#ifndef RWF_APPEND
#define RWF_APPEND 0x10
#endif
#ifndef RWF_NOAPPEND
#define RWF_NOAPPEND 0x20
#endif
#ifndef RWF_ATOMIC
#define RWF_ATOMIC 0x40
#endif
#ifndef RWF_NOSIGNAL
#define RWF_NOSIGNAL 0x100
#endif
#ifndef SPLICE_F_NONBLOCK
#define SPLICE_F_NONBLOCK 0x2
#endif
/* Bit 4: the first bit outside SPLICE_F_ALL. */
#define SPLICE_BAD 0x10
/* FS_IOC_SETFLAGS (_IOW('f', 2, long)) and its flags, without <linux/fs.h>. */
#define KC_FS_IOC_SETFLAGS 0x40086602
#define KC_FS_IMMUTABLE_FL 0x10
#define KC_FS_APPEND_FL 0x20
/* Values of an unsigned long argument whose low 32 bits the kernel keeps. */
#define HIGH ((unsigned long)1 << 32)

static char buf[1 << 16];
static struct iovec iov[2];

/* ---- helpers ---------------------------------------------------------------------------- */

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd < 0)
		kc_die(path);
	return fd;
}

static void xpipe(int p[2], int flags)
{
	if (pipe2(p, flags))
		kc_die("pipe2");
}

/* A pipe holding one byte, both ends open; returns the read end. */
static int pipe_with_byte(int p[2])
{
	xpipe(p, 0);
	if (write(p[1], "x", 1) != 1)
		kc_die("write pipe");
	return p[0];
}

/* A pipe whose (one page) buffer is full; returns the write end (O_NONBLOCK as asked). */
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

/* The write end of a pipe whose read end is closed. */
static int broken_pipe(void)
{
	int p[2];

	xpipe(p, 0);
	close(p[0]);
	return p[1];
}

static void ignore(int sig)
{
	signal(sig, SIG_IGN);
}

/* One iovec of 16 bytes of buf. */
static struct iovec *iov16(void)
{
	iov[0].iov_base = buf;
	iov[0].iov_len = 16;
	return iov;
}

/* Sets the inode flags (chattr) of fd's file. */
static void setflags(int fd, int flags)
{
	if (ioctl(fd, KC_FS_IOC_SETFLAGS, &flags))
		kc_die("FS_IOC_SETFLAGS");
}

/* Clears the inode flags of fd's file without touching errno (so the directory can go). */
static long clearing(int fd, long r)
{
	int e = errno, flags = 0;

	ioctl(fd, KC_FS_IOC_SETFLAGS, &flags);
	errno = e;
	return r;
}

/* Mounts a fresh tmpfs on ./dir. */
static void tmpfs_at(const char *dir)
{
	if (mkdir(dir, 0777) && errno != EEXIST)
		kc_die("mkdir");
	if (mount("kapi-vec", dir, "tmpfs", 0, NULL))
		kc_die("mount tmpfs");
}

/* ---- readv, writev ------------------------------------------------------------------------ */

static long rv_ok(void)
{
	iov[0].iov_base = buf;
	iov[0].iov_len = 16;
	iov[1].iov_base = buf + 16;
	iov[1].iov_len = 16;
	return syscall(SYS_readv, kc_file("f", 100), iov, 2);
}
static long rv_vlen_big(void) { return syscall(SYS_readv, kc_file("f", 100), iov16(), 1025); }
static long rv_vlen_wrap(void)
{
	return syscall(SYS_readv, kc_file("f", 100), iov16(), HIGH | 1);
}
static long rv_fd_wrap(void)
{
	return syscall(SYS_readv, HIGH | (unsigned long)kc_file("f", 100), iov16(), 1);
}
static long rv_neg_len(void)
{
	iov16();
	iov[1].iov_base = buf;
	iov[1].iov_len = (size_t)-1;
	return syscall(SYS_readv, kc_file("f", 100), iov, 2);
}
static long rv_efault(void) { return syscall(SYS_readv, kc_file("f", 100), (void *)1, 2); }
static long rv_eisdir(void) { return syscall(SYS_readv, xopen(".", O_RDONLY), iov16(), 1); }
static long rv_eintr(void)
{
	int p[2];

	xpipe(p, 0);
	kc_interrupt_after(100);
	return syscall(SYS_readv, p[0], iov16(), 1);
}

static long wv_ok(void)
{
	iov16();
	iov[1] = iov[0];
	return syscall(SYS_writev, kc_file("f", 0), iov, 2);
}
static long wv_sum_overflow(void)
{
	iov[0].iov_base = buf;
	iov[0].iov_len = (size_t)1 << 62;
	iov[1] = iov[0];
	return syscall(SYS_writev, kc_file("f", 0), iov, 2);
}
static long wv_vlen_minus1(void)
{
	return syscall(SYS_writev, kc_file("f", 0), iov16(), (unsigned long)-1);
}
static long wv_epipe(void)
{
	ignore(SIGPIPE);
	return syscall(SYS_writev, broken_pipe(), iov16(), 1);
}
static long wv_efbig(void)
{
	int fd = kc_file("f", 0);

	ignore(SIGXFSZ);
	kc_rlimit(RLIMIT_FSIZE, 4);
	lseek(fd, 10, SEEK_SET);
	return syscall(SYS_writev, fd, iov16(), 1);
}

/* ---- preadv, pwritev ---------------------------------------------------------------------- */

static long prv_pos_h(void)
{
	return syscall(SYS_preadv, kc_file("f", 100), iov16(), 1, 0, 0xdeadbeefUL);
}
static long prv_neg_first(void)
{
	return syscall(SYS_preadv, -1L, (void *)1, 5000, -1L, 0);
}
static long prv_pos_wrap(void)
{
	return syscall(SYS_preadv, kc_file("f", 100), iov16(), 1, LONG_MAX - 8, 0);
}
static long pwv_efbig(void)
{
	ignore(SIGXFSZ);
	kc_rlimit(RLIMIT_FSIZE, 4096);
	return syscall(SYS_pwritev, kc_file("f", 0), iov16(), 1, 8192, 0);
}
static long pwv_eperm(void)
{
	int fd = memfd_create("sealed", MFD_ALLOW_SEALING);

	if (fd < 0 || fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE))
		kc_die("sealed memfd");
	return syscall(SYS_pwritev, fd, iov16(), 1, 0, 0);
}

/* ---- preadv2, pwritev2 -------------------------------------------------------------------- */

static long pr2_nowait(void)
{
	return syscall(SYS_preadv2, kc_file("f", 100), iov16(), 1, 0, 0, RWF_NOWAIT);
}
static long pr2_unknown(void)
{
	return syscall(SYS_preadv2, kc_file("f", 100), iov16(), 1, 0, 0, 0x200);
}
static long pr2_unknown_zero(void)
{
	iov[0].iov_base = NULL;
	iov[0].iov_len = 0;
	return syscall(SYS_preadv2, kc_file("f", 100), iov, 1, 0, 0, 0x200);
}
static long pr2_pipe_pos(void)
{
	int p[2];

	return syscall(SYS_preadv2, pipe_with_byte(p), iov16(), 1, -1L, 0, 0);
}
static long pr2_pos_m2(void)
{
	return syscall(SYS_preadv2, kc_file("f", 100), iov16(), 1, -2L, 0, 0);
}
static long pr2_append_noappend(void)
{
	return syscall(SYS_preadv2, kc_file("f", 100), iov16(), 1, 0, 0, RWF_APPEND | RWF_NOAPPEND);
}
static long pr2_atomic(void)
{
	return syscall(SYS_preadv2, kc_file("f", 100), iov16(), 1, 0, 0, RWF_ATOMIC);
}
static long pr2_nowait_pipe(void)
{
	int p[2];

	xpipe(p, 0);
	return syscall(SYS_preadv2, p[0], iov16(), 1, -1L, 0, RWF_NOWAIT);
}
static long pr2_loop(void)
{
	static char src[16] = "kapi";

	return syscall(SYS_preadv2, xopen("/proc/self/mem", O_RDONLY), iov16(), 1,
		       (unsigned long)src, 0, RWF_DSYNC);
}
static long pr2_loop_hipri(void)
{
	static char src[16] = "kapi";

	return syscall(SYS_preadv2, xopen("/proc/self/mem", O_RDONLY), iov16(), 1,
		       (unsigned long)src, 0, RWF_HIPRI);
}
static long pw2_append(void)
{
	return syscall(SYS_pwritev2, kc_file("f", 100), iov16(), 1, 0, 0, RWF_APPEND);
}
static long pw2_nosignal(void)
{
	/* SIGPIPE keeps its default action: the child would die if it were sent. */
	return syscall(SYS_pwritev2, broken_pipe(), iov16(), 1, -1L, 0, RWF_NOSIGNAL);
}
static long pw2_noappend(void)
{
	int fd;

	close(kc_file("f", 100));
	fd = xopen("f", O_WRONLY | O_APPEND);
	setflags(fd, KC_FS_APPEND_FL);
	return clearing(fd, syscall(SYS_pwritev2, fd, iov16(), 1, 0, 0, RWF_NOAPPEND));
}
static long pw2_bit31(void)
{
	return syscall(SYS_pwritev2, kc_file("f", 100), iov16(), 1, 0, 0, 0x80000000U);
}

/* ---- vmsplice ----------------------------------------------------------------------------- */

static long vs_ok(void)
{
	int p[2];

	xpipe(p, 0);
	return syscall(SYS_vmsplice, p[1], iov16(), 1, 0);
}
static long vs_read(void)
{
	int p[2];

	return syscall(SYS_vmsplice, pipe_with_byte(p), iov16(), 1, 0);
}
static long vs_file(void) { return syscall(SYS_vmsplice, kc_file("f", 100), iov16(), 1, 0); }
static long vs_file_zero(void)
{
	iov[0].iov_base = NULL;
	iov[0].iov_len = 0;
	return syscall(SYS_vmsplice, kc_file("f", 100), iov, 1, 0);
}
static long vs_eagain(void)
{
	return syscall(SYS_vmsplice, full_pipe(0), iov16(), 1, SPLICE_F_NONBLOCK);
}
static long vs_epipe(void)
{
	ignore(SIGPIPE);
	return syscall(SYS_vmsplice, broken_pipe(), iov16(), 1, 0);
}
static long vs_flags_first(void) { return syscall(SYS_vmsplice, -1, (void *)1, 1, SPLICE_BAD); }
static long vs_segs_wrap(void)
{
	int p[2];

	xpipe(p, 0);
	return syscall(SYS_vmsplice, p[1], iov16(), HIGH | 1, 0);
}
static long vs_efault(void)
{
	int p[2];

	xpipe(p, 0);
	iov[0].iov_base = kc_hole(1);
	iov[0].iov_len = 16;
	return syscall(SYS_vmsplice, p[1], iov, 1, 0);
}
static long vs_eintr(void)
{
	int p[2];

	xpipe(p, 0);
	kc_interrupt_after(100);
	return syscall(SYS_vmsplice, p[0], iov16(), 1, 0);
}

/* ---- tee ---------------------------------------------------------------------------------- */

static long tee_ok(void)
{
	int p[2], q[2];

	pipe_with_byte(p);
	xpipe(q, 0);
	return syscall(SYS_tee, p[0], q[1], 16, 0);
}
static long tee_same(void)
{
	int p[2];

	pipe_with_byte(p);
	return syscall(SYS_tee, p[0], p[1], 1, 0);
}
static long tee_file(void)
{
	int q[2];

	xpipe(q, 0);
	return syscall(SYS_tee, kc_file("f", 100), q[1], 1, 0);
}
static long tee_len0(void) { return syscall(SYS_tee, -1, -1, 0, 0); }
static long tee_flags(void) { return syscall(SYS_tee, -1, -1, 0, SPLICE_BAD); }
static long tee_eagain(void)
{
	int p[2], q[2];

	xpipe(p, 0);
	xpipe(q, 0);
	return syscall(SYS_tee, p[0], q[1], 1, SPLICE_F_NONBLOCK);
}
static long tee_eintr(void)
{
	int p[2], q[2];

	xpipe(p, 0);
	xpipe(q, 0);
	kc_interrupt_after(100);
	return syscall(SYS_tee, p[0], q[1], 1, 0);
}
static long tee_epipe(void)
{
	int p[2];

	ignore(SIGPIPE);
	pipe_with_byte(p);
	return syscall(SYS_tee, p[0], broken_pipe(), 1, 0);
}
static long tee_eof(void)
{
	int p[2], q[2];

	xpipe(p, 0);
	close(p[1]);
	xpipe(q, 0);
	return syscall(SYS_tee, p[0], q[1], 1, 0);
}

/* ---- splice ------------------------------------------------------------------------------- */

static long sp_ok(void)
{
	loff_t off = 0;
	int p[2];

	xpipe(p, 0);
	return syscall(SYS_splice, kc_file("f", 100), &off, p[1], NULL, 16, 0);
}
static long sp_len0(void) { return syscall(SYS_splice, -1, NULL, -1, NULL, 0, SPLICE_BAD); }
static long sp_flags(void) { return syscall(SYS_splice, -1, NULL, -1, NULL, 1, SPLICE_BAD); }
static long sp_neither(void)
{
	return syscall(SYS_splice, kc_file("f", 100), NULL, kc_file("g", 0), NULL, 16, 0);
}
static long sp_espipe(void)
{
	int p[2];

	return syscall(SYS_splice, pipe_with_byte(p), (loff_t *)1, kc_file("f", 0), NULL, 16, 0);
}
static long sp_same(void)
{
	int p[2];

	pipe_with_byte(p);
	return syscall(SYS_splice, p[0], NULL, p[1], NULL, 1, 0);
}
static long sp_append(void)
{
	int p[2];

	close(kc_file("g", 0));
	pipe_with_byte(p);
	return syscall(SYS_splice, p[0], NULL, xopen("g", O_WRONLY | O_APPEND), NULL, 1, 0);
}
static long sp_efault(void)
{
	int p[2];

	xpipe(p, 0);
	return syscall(SYS_splice, kc_file("f", 100), (loff_t *)1, p[1], NULL, 16, 0);
}
static long sp_eagain(void)
{
	return syscall(SYS_splice, kc_file("f", 100), NULL, full_pipe(0), NULL, 16,
		       SPLICE_F_NONBLOCK);
}
static long sp_epipe(void)
{
	ignore(SIGPIPE);
	return syscall(SYS_splice, kc_file("f", 100), NULL, broken_pipe(), NULL, 16, 0);
}
static long sp_eintr(void)
{
	int p[2];

	xpipe(p, 0);
	kc_interrupt_after(100);
	return syscall(SYS_splice, p[0], NULL, kc_file("f", 0), NULL, 16, 0);
}
static long sp_efbig(void)
{
	int p[2], fd = kc_file("g", 0);

	xpipe(p, 0);
	if (write(p[1], buf, 16) != 16)
		kc_die("write pipe");
	ignore(SIGXFSZ);
	kc_rlimit(RLIMIT_FSIZE, 4);
	lseek(fd, 10, SEEK_SET);
	return syscall(SYS_splice, p[0], NULL, fd, NULL, 16, 0);
}

/* ---- sendfile ----------------------------------------------------------------------------- */

static long sf_ok(void)
{
	loff_t off = 0;

	return syscall(SYS_sendfile, kc_file("g", 0), kc_file("f", 100), &off, 16);
}
static long sf_count(void)
{
	loff_t off = 0;

	return syscall(SYS_sendfile, kc_file("g", 0), kc_file("f", 100), &off,
		       (size_t)LONG_MAX + 1);
}
static long sf_eoverflow(void)
{
	loff_t off = (loff_t)1 << 31;

	return syscall(SYS_sendfile, kc_file("g", 0), xopen("/proc/self/status", O_RDONLY), &off,
		       16);
}
static long sf_append(void)
{
	close(kc_file("g", 0));
	return syscall(SYS_sendfile, xopen("g", O_WRONLY | O_APPEND), kc_file("f", 100), NULL, 16);
}
static long sf_offset_first(void) { return syscall(SYS_sendfile, -1, -1, (loff_t *)1, 16); }
static long sf_pipe_in(void)
{
	int p[2];

	return syscall(SYS_sendfile, kc_file("g", 0), pipe_with_byte(p), NULL, 16);
}
static long sf_eagain(void)
{
	return syscall(SYS_sendfile, full_pipe(O_NONBLOCK), kc_file("f", 100), NULL, 16);
}

/* ---- copy_file_range ---------------------------------------------------------------------- */

static long cfr(int in, loff_t *off_in, int out, loff_t *off_out, size_t len, unsigned int flags)
{
	return syscall(SYS_copy_file_range, in, off_in, out, off_out, len, flags);
}
static long cfr_ok(void)
{
	loff_t off = 0;

	return cfr(kc_file("f", 100), &off, kc_file("g", 0), NULL, 16, 0);
}
static long cfr_same_file(void)
{
	loff_t in = 0, out = 4096;
	int fd = kc_file("f", 100);

	return cfr(fd, &in, fd, &out, 16, 0);
}
static long cfr_overlap(void)
{
	loff_t in = 0, out = 8;
	int fd = kc_file("f", 100);

	return cfr(fd, &in, fd, &out, 16, 0);
}
static long cfr_exdev_proc(void)
{
	return cfr(xopen("/proc/self/status", O_RDONLY), NULL, kc_file("g", 0), NULL, 16, 0);
}
static long cfr_exdev_tmpfs(void)
{
	int in = kc_file("f", 100), out;

	tmpfs_at("m");
	out = open("m/h", O_RDWR | O_CREAT, 0644);
	if (out < 0)
		kc_die("m/h");
	return kc_unmounting("m", cfr(in, NULL, out, NULL, 16, 0));
}
static long cfr_eoverflow(void)
{
	loff_t off = -1;

	return cfr(kc_file("f", 100), &off, kc_file("g", 0), NULL, 16, 0);
}
static long cfr_neg_len0(void)
{
	loff_t off = -1;

	return cfr(kc_file("f", 100), &off, kc_file("g", 0), NULL, 0, 0);
}
static long cfr_immutable(void)
{
	int in = kc_file("f", 100), out = kc_file("g", 0);

	setflags(out, KC_FS_IMMUTABLE_FL);
	return clearing(out, cfr(in, NULL, out, NULL, 16, 0));
}
static long cfr_append(void)
{
	close(kc_file("g", 0));
	return cfr(kc_file("f", 100), NULL, xopen("g", O_WRONLY | O_APPEND), NULL, 16, 0);
}
static long cfr_efbig(void)
{
	loff_t off = 4096;
	int in = kc_file("f", 100), out = kc_file("g", 0);

	ignore(SIGXFSZ);
	kc_rlimit(RLIMIT_FSIZE, 4096);
	return cfr(in, NULL, out, &off, 16, 0);
}
static long cfr_bad_all(void) { return cfr(-1, (loff_t *)1, -1, NULL, 16, 1); }
static long cfr_efault_flags(void)
{
	return cfr(kc_file("f", 100), (loff_t *)1, kc_file("g", 0), NULL, 16, 1);
}
static long cfr_eof(void)
{
	loff_t off = 100;

	return cfr(kc_file("f", 100), &off, kc_file("g", 0), NULL, 16, 0);
}

static const struct kcase cases[] = {
	{ "readv", "readv(file, {16, 16}, 2)", rv_ok, 0, "", 0 },
	{ "readv", "readv(file, iov, 1025)", rv_vlen_big, EINVAL, "arg:vlen", 0 },
	{ "readv", "readv(file, {16}, 2^32 + 1) (read as 1)", rv_vlen_wrap, 0, "arg:vlen", 0 },
	{ "readv", "readv(2^32 + fd, {16}, 1) (read as fd)", rv_fd_wrap, 0, "arg:fd", 0 },
	{ "readv", "readv(file, {16, (size_t)-1}, 2)", rv_neg_len, EINVAL, "", 0 },
	{ "readv", "readv(file, (void *)1, 2)", rv_efault, EFAULT, "", 0 },
	{ "readv", "readv(\".\", {16}, 1)", rv_eisdir, EISDIR, "", 0 },
	{ "readv", "readv(empty pipe, {16}, 1) interrupted by SIGALRM", rv_eintr, EINTR, "", 0 },
	{ "writev", "writev(file, {16, 16}, 2)", wv_ok, 0, "", 0 },
	{ "writev", "writev(file, {2^62, 2^62}, 2) (sum overflows ssize_t: EFAULT, not EINVAL)",
	  wv_sum_overflow, EFAULT, "", 0 },
	{ "writev", "writev(file, {16}, -1)", wv_vlen_minus1, EINVAL, "arg:vlen", 0 },
	{ "writev", "writev(pipe without reader, {16}, 1), SIGPIPE ignored", wv_epipe, EPIPE, "", 0 },
	{ "writev", "writev(file at 10, {16}, 1) with RLIMIT_FSIZE 4, SIGXFSZ ignored", wv_efbig,
	  EFBIG, "", 0 },
	{ "preadv", "preadv(file, {16}, 1, 0, 0xdeadbeef) (pos_h ignored)", prv_pos_h, 0, "", 0 },
	{ "preadv", "preadv(-1, (void *)1, 5000, -1, 0) (the offset is checked first)",
	  prv_neg_first, EINVAL, "arg:fd arg:vlen arg:pos_l", 0 },
	{ "preadv", "preadv(file, {16}, 1, LONG_MAX - 8, 0)", prv_pos_wrap, EINVAL, "", 0 },
	{ "pwritev", "pwritev(file, {16}, 1, 8192, 0) with RLIMIT_FSIZE 4096, SIGXFSZ ignored",
	  pwv_efbig, EFBIG, "", 0 },
	{ "pwritev", "pwritev(memfd with F_SEAL_WRITE, {16}, 1, 0, 0)", pwv_eperm, EPERM, "", 0 },
	{ "preadv2", "preadv2(tmpfs file, {16}, 1, 0, 0, RWF_NOWAIT)", pr2_nowait, EOPNOTSUPP, "",
	  0 },
	{ "preadv2", "preadv2(file, {16}, 1, 0, 0, 0x200)", pr2_unknown, EOPNOTSUPP, "arg:flags", 0 },
	{ "preadv2", "preadv2(file, {NULL, 0}, 1, 0, 0, 0x200) (nothing to read: flags unchecked)",
	  pr2_unknown_zero, 0, "arg:flags", 0 },
	{ "preadv2", "preadv2(pipe holding 1 byte, {16}, 1, -1, 0, 0)", pr2_pipe_pos, 0, "", 0 },
	{ "preadv2", "preadv2(file, {16}, 1, -2, 0, 0)", pr2_pos_m2, EINVAL, "", 0 },
	{ "preadv2", "preadv2(file, {16}, 1, 0, 0, RWF_APPEND|RWF_NOAPPEND)", pr2_append_noappend,
	  EINVAL, "", 0 },
	{ "preadv2", "preadv2(file, {16}, 1, 0, 0, RWF_ATOMIC)", pr2_atomic, EOPNOTSUPP, "", 0 },
	{ "preadv2", "preadv2(empty pipe, {16}, 1, -1, 0, RWF_NOWAIT)", pr2_nowait_pipe, EAGAIN, "",
	  0 },
	{ "preadv2", "preadv2(/proc/self/mem, {16}, 1, &src, 0, RWF_DSYNC) (->read only)", pr2_loop,
	  EOPNOTSUPP, "", 0 },
	{ "preadv2", "preadv2(/proc/self/mem, {16}, 1, &src, 0, RWF_HIPRI)", pr2_loop_hipri, 0, "",
	  0 },
	{ "pwritev2", "pwritev2(file, {16}, 1, 0, 0, RWF_APPEND)", pw2_append, 0, "", 0 },
	{ "pwritev2", "pwritev2(pipe without reader, {16}, 1, -1, 0, RWF_NOSIGNAL), SIGPIPE default",
	  pw2_nosignal, EPIPE, "", 0 },
	{ "pwritev2", "pwritev2(O_APPEND fd of a chattr +a file, {16}, 1, 0, 0, RWF_NOAPPEND)",
	  pw2_noappend, EPERM, "", 0 },
	{ "pwritev2", "pwritev2(file, {16}, 1, 0, 0, 0x80000000)", pw2_bit31, EOPNOTSUPP, "arg:flags",
	  0 },
	{ "vmsplice", "vmsplice(pipe write end, {16}, 1, 0)", vs_ok, 0, "", 0 },
	{ "vmsplice", "vmsplice(pipe read end holding 1 byte, {16}, 1, 0)", vs_read, 0, "", 0 },
	{ "vmsplice", "vmsplice(file, {16}, 1, 0)", vs_file, EBADF, "", 0 },
	{ "vmsplice", "vmsplice(file, {NULL, 0}, 1, 0) (nothing to move)", vs_file_zero, 0, "", 0 },
	{ "vmsplice", "vmsplice(full pipe, {16}, 1, SPLICE_F_NONBLOCK)", vs_eagain, EAGAIN, "", 0 },
	{ "vmsplice", "vmsplice(pipe without reader, {16}, 1, 0), SIGPIPE ignored", vs_epipe, EPIPE,
	  "", 0 },
	{ "vmsplice", "vmsplice(-1, (void *)1, 1, 0x10) (flags are checked first)", vs_flags_first,
	  EINVAL, "arg:fd arg:flags", 0 },
	{ "vmsplice", "vmsplice(pipe, {16}, 2^32 + 1, 0) (read as 1)", vs_segs_wrap, 0,
	  "arg:nr_segs", 0 },
	{ "vmsplice", "vmsplice(pipe, {unmapped, 16}, 1, 0)", vs_efault, EFAULT, "", 0 },
	{ "vmsplice", "vmsplice(empty pipe read end, {16}, 1, 0) interrupted by SIGALRM", vs_eintr,
	  EINTR, "", 0 },
	{ "tee", "tee(pipe holding 1 byte, other pipe, 16, 0)", tee_ok, 0, "", 0 },
	{ "tee", "tee(p[0], p[1], 1, 0) (same pipe)", tee_same, EINVAL, "", 0 },
	{ "tee", "tee(file, pipe, 1, 0)", tee_file, EINVAL, "", 0 },
	{ "tee", "tee(-1, -1, 0, 0) (len 0 returns first)", tee_len0, 0, "arg:fdin arg:fdout", 0 },
	{ "tee", "tee(-1, -1, 0, 0x10) (flags are checked before len)", tee_flags, EINVAL,
	  "arg:fdin arg:fdout arg:flags", 0 },
	{ "tee", "tee(empty pipe, pipe, 1, SPLICE_F_NONBLOCK)", tee_eagain, EAGAIN, "", 0 },
	{ "tee", "tee(empty pipe, pipe, 1, 0) interrupted by SIGALRM", tee_eintr, EINTR, "", 0 },
	{ "tee", "tee(pipe holding 1 byte, pipe without reader, 1, 0), SIGPIPE ignored", tee_epipe,
	  EPIPE, "", 0 },
	{ "tee", "tee(empty pipe without writer, pipe, 1, 0)", tee_eof, 0, "", 0 },
	{ "splice", "splice(file, &0, pipe, NULL, 16, 0)", sp_ok, 0, "", 0 },
	{ "splice", "splice(-1, NULL, -1, NULL, 0, 0x10) (len 0 returns first)", sp_len0, 0,
	  "arg:fd_in arg:fd_out arg:flags", 0 },
	{ "splice", "splice(-1, NULL, -1, NULL, 1, 0x10)", sp_flags, EINVAL,
	  "arg:fd_in arg:fd_out arg:flags", 0 },
	{ "splice", "splice(file, NULL, file, NULL, 16, 0) (no pipe)", sp_neither, EINVAL, "", 0 },
	{ "splice", "splice(pipe, (loff_t *)1, file, NULL, 16, 0) (ESPIPE before the copy)",
	  sp_espipe, ESPIPE, "", 0 },
	{ "splice", "splice(p[0], NULL, p[1], NULL, 1, 0) (same pipe)", sp_same, EINVAL, "", 0 },
	{ "splice", "splice(pipe, NULL, O_APPEND file, NULL, 1, 0)", sp_append, EINVAL, "", 0 },
	{ "splice", "splice(file, (loff_t *)1, pipe, NULL, 16, 0)", sp_efault, EFAULT, "", 0 },
	{ "splice", "splice(file, NULL, full pipe, NULL, 16, SPLICE_F_NONBLOCK)", sp_eagain, EAGAIN,
	  "", 0 },
	{ "splice", "splice(file, NULL, pipe without reader, NULL, 16, 0), SIGPIPE ignored",
	  sp_epipe, EPIPE, "", 0 },
	{ "splice", "splice(empty pipe, NULL, file, NULL, 16, 0) interrupted by SIGALRM", sp_eintr,
	  EINTR, "", 0 },
	{ "splice", "splice(pipe, NULL, file at 10, NULL, 16, 0) with RLIMIT_FSIZE 4", sp_efbig,
	  EFBIG, "", 0 },
	{ "sendfile", "sendfile(file2, file, &0, 16)", sf_ok, 0, "", 0 },
	{ "sendfile", "sendfile(file2, file, &0, LONG_MAX + 1)", sf_count, EINVAL, "arg:count", 0 },
	{ "sendfile", "sendfile(file2, /proc/self/status, &2^31, 16) (procfs s_maxbytes)",
	  sf_eoverflow, EOVERFLOW, "", 0 },
	{ "sendfile", "sendfile(O_APPEND file, file, NULL, 16)", sf_append, EINVAL, "", 0 },
	{ "sendfile", "sendfile(-1, -1, (loff_t *)1, 16) (the offset is read first)",
	  sf_offset_first, EFAULT, "arg:out_fd arg:in_fd", 0 },
	{ "sendfile", "sendfile(file, pipe holding 1 byte, NULL, 16) (input not seekable)",
	  sf_pipe_in, EINVAL, "", 0 },
	{ "sendfile", "sendfile(full O_NONBLOCK pipe, file, NULL, 16)", sf_eagain, EAGAIN, "", 0 },
	{ "copy_file_range", "copy_file_range(f, &0, g, NULL, 16, 0)", cfr_ok, 0, "", 0 },
	{ "copy_file_range", "copy_file_range(f, &0, f, &4096, 16, 0) (same file, apart)",
	  cfr_same_file, 0, "", 0 },
	{ "copy_file_range", "copy_file_range(f, &0, f, &8, 16, 0) (overlap)", cfr_overlap, EINVAL,
	  "", 0 },
	{ "copy_file_range", "copy_file_range(/proc/self/status, NULL, g, NULL, 16, 0)",
	  cfr_exdev_proc, EXDEV, "", 0 },
	{ "copy_file_range", "copy_file_range(f, NULL, file on another tmpfs, NULL, 16, 0)",
	  cfr_exdev_tmpfs, EXDEV, "", 0 },
	{ "copy_file_range", "copy_file_range(f, &-1, g, NULL, 16, 0)", cfr_eoverflow, EOVERFLOW, "",
	  0 },
	{ "copy_file_range", "copy_file_range(f, &-1, g, NULL, 0, 0)", cfr_neg_len0, EINVAL, "", 0 },
	{ "copy_file_range", "copy_file_range(f, NULL, g made immutable after open, NULL, 16, 0)",
	  cfr_immutable, EPERM, "", 0 },
	{ "copy_file_range", "copy_file_range(f, NULL, O_APPEND g, NULL, 16, 0)", cfr_append, EBADF,
	  "", 0 },
	{ "copy_file_range", "copy_file_range(f, NULL, g, &4096, 16, 0) with RLIMIT_FSIZE 4096",
	  cfr_efbig, EFBIG, "", 0 },
	{ "copy_file_range", "copy_file_range(-1, (loff_t *)1, -1, NULL, 16, 1)", cfr_bad_all, EBADF,
	  "arg:fd_in arg:fd_out arg:flags", 0 },
	{ "copy_file_range", "copy_file_range(f, (loff_t *)1, g, NULL, 16, 1) (EFAULT before flags)",
	  cfr_efault_flags, EFAULT, "arg:flags", 0 },
	{ "copy_file_range", "copy_file_range(f, &size, g, NULL, 16, 0) (at the end)", cfr_eof, 0,
	  "", 0 },
};

KC_GROUP(vec, cases);

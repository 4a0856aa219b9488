// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the proc group: execve, execveat, socket, sched_setattr and the AIO calls io_setup,
 * io_destroy, io_submit, io_cancel. See specs/decisions/proc.md for why each errno is (or is
 * not) reachable.
 *
 * Each constraint rule of these specs (one argument broken at its boundaries, the others valid)
 * is proven by the calls generated from the specs (`kapi cases` -> kapi_cases.txt, run by
 * kapi_conform), not here. These cases are the rest: valid calls, errnos that need state (limits,
 * sysctls, privileges, signals, file and mapping state) and combinations (which errno and which
 * reports win when a rule breaks together with another rule, a bad pointer or a bad descriptor).
 */
#include "cases.h"

#include <elf.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/xattr.h>
#include <linux/aio_abi.h>
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/netlink.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <poll.h>

/*
 * The host's uapi headers (linux-libc-dev 6.1) predate these; the values are the 7.2 ones
 * (include/uapi/linux/fcntl.h, include/uapi/linux/fs.h).
 */
#ifndef AT_EXECVE_CHECK
#define AT_EXECVE_CHECK 0x10000
#endif
#ifndef RWF_NOAPPEND
#define RWF_NOAPPEND 0x00000020
#endif

static char *const true_argv[] = { "true", NULL };
static char *const no_env[] = { NULL };

/* ./name with len bytes of data and the given mode, closed (so not busy for exec). */
static void put_file(const char *name, const void *data, size_t len, mode_t mode)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0)
		kc_die(name);
	if (len && write(fd, data, len) != (ssize_t)len)
		kc_die("write");
	if (fchmod(fd, mode) || close(fd))
		kc_die("fchmod");
}

/*
 * ./name: a minimal static x86_64 ELF executable that calls exit(0); with interp, it also has a
 * PT_INTERP naming that file.
 */
static void put_elf(const char *name, const char *interp)
{
	static const unsigned char exit0[] = {
		0x31, 0xff,			/* xor %edi, %edi */
		0xb8, 0x3c, 0, 0, 0,		/* mov $60, %eax (exit) */
		0x0f, 0x05,			/* syscall */
	};
	unsigned char buf[512] = { 0 };
	Elf64_Ehdr *eh = (Elf64_Ehdr *)buf;
	Elf64_Phdr *ph = (Elf64_Phdr *)(buf + sizeof(*eh));
	int nph = interp ? 2 : 1;
	size_t code = sizeof(*eh) + nph * sizeof(*ph);
	size_t str = code + sizeof(exit0);
	size_t len = str + (interp ? strlen(interp) + 1 : 0);
	const Elf64_Addr base = 0x400000;

	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_entry = base + code;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	eh->e_phnum = nph;
	ph[0].p_type = PT_LOAD;
	ph[0].p_flags = PF_R | PF_X;
	ph[0].p_vaddr = ph[0].p_paddr = base;
	ph[0].p_filesz = ph[0].p_memsz = len;
	ph[0].p_align = 0x1000;
	memcpy(buf + code, exit0, sizeof(exit0));
	if (interp) {
		ph[1].p_type = PT_INTERP;
		ph[1].p_flags = PF_R;
		ph[1].p_offset = str;
		ph[1].p_vaddr = ph[1].p_paddr = base + str;
		ph[1].p_filesz = ph[1].p_memsz = strlen(interp) + 1;
		ph[1].p_align = 1;
		memcpy(buf + str, interp, strlen(interp) + 1);
	}
	put_file(name, buf, len, 0755);
}

/* fs.file-max, set by the cases that need ENFILE. */
static struct kc_sysctl file_max;

/*
 * RLIMIT_NPROC 0 and then setuid(65534) while another process of 65534 exists: set_user() marks
 * the task PF_NPROC_EXCEEDED, and the next exec fails with EAGAIN (its first test). Returns the
 * helper's pid, to be killed with end_nproc().
 */
static pid_t nproc_exceeded(void)
{
	int p[2];
	char c;
	pid_t pid;

	if (pipe(p))
		kc_die("pipe");
	pid = fork();
	if (pid < 0)
		kc_die("fork");
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	if (read(p[0], &c, 1) != 1)
		kc_die("helper");
	kc_rlimit(RLIMIT_NPROC, 0);
	if (setuid(65534))
		kc_die("setuid");
	return pid;
}

static void end_helper(pid_t pid)
{
	int e = errno;

	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	errno = e;
}

/* ---- execve ---- */

static long execve_true(void)
{
	return syscall(SYS_execve, "/bin/true", true_argv, no_env);
}

static long execve_script(void)
{
	put_file("s", "#!/bin/true\n", 12, 0755);
	return syscall(SYS_execve, "./s", true_argv, no_env);
}

static long execve_elf(void)
{
	put_elf("e", NULL);
	return syscall(SYS_execve, "./e", true_argv, no_env);
}

static long execve_enoent(void)
{
	return syscall(SYS_execve, "./missing", true_argv, no_env);
}

static long execve_empty(void)
{
	return syscall(SYS_execve, "", true_argv, no_env);
}

static long execve_noexec_bit(void)
{
	put_file("f", "#!/bin/true\n", 12, 0644);
	return syscall(SYS_execve, "./f", true_argv, no_env);
}

static long execve_dir(void)
{
	return syscall(SYS_execve, ".", true_argv, no_env);
}

static long execve_devnull(void)
{
	return syscall(SYS_execve, "/dev/null", true_argv, no_env);
}

static long execve_nosearch(void)
{
	if (mkdir("d", 0700))
		kc_die("mkdir");
	if (chmod("d", 0))
		kc_die("chmod");
	return syscall(SYS_execve, "d/x", true_argv, no_env);
}

static long execve_enotdir(void)
{
	put_file("f", "", 0, 0755);
	return syscall(SYS_execve, "./f/x", true_argv, no_env);
}

static long execve_eloop(void)
{
	if (symlink("l", "l"))
		kc_die("symlink");
	return syscall(SYS_execve, "./l", true_argv, no_env);
}

static long execve_nametoolong(void)
{
	static char path[PATH_MAX + 16];

	memset(path, 'a', sizeof(path) - 1);
	return syscall(SYS_execve, path, true_argv, no_env);
}

static long execve_efault_name(void)
{
	return syscall(SYS_execve, (char *)1, true_argv, no_env);
}

static long execve_efault_argv(void)
{
	return syscall(SYS_execve, "/bin/true", (char **)1, no_env);
}

static long execve_e2big(void)
{
	static char big[200 * 1024];
	char *argv[] = { "true", big, NULL };

	memset(big, 'x', sizeof(big) - 1);
	return syscall(SYS_execve, "/bin/true", argv, no_env);
}

static long execve_enoexec(void)
{
	put_file("g", "garbage, not a binary\n", 22, 0755);
	return syscall(SYS_execve, "./g", true_argv, no_env);
}

static long execve_etxtbsy(void)
{
	int fd = kc_file("s", 0);

	if (write(fd, "#!/bin/true\n", 12) != 12 || fchmod(fd, 0755))
		kc_die("script");
	return syscall(SYS_execve, "./s", true_argv, no_env);
}

static long execve_elibbad(void)
{
	static char junk[128];

	memset(junk, 'x', sizeof(junk));
	put_file("interp", junk, sizeof(junk), 0755);
	put_elf("e", "./interp");
	return syscall(SYS_execve, "./e", true_argv, no_env);
}

static long execve_eio(void)
{
	put_file("interp", "short", 5, 0755);
	put_elf("e", "./interp");
	return syscall(SYS_execve, "./e", true_argv, no_env);
}

static long execve_interp_missing(void)
{
	put_elf("e", "./nointerp");
	return syscall(SYS_execve, "./e", true_argv, no_env);
}

static long execve_eperm_fcaps(void)
{
	struct vfs_cap_data caps = {
		.magic_etc = VFS_CAP_REVISION_2 | VFS_CAP_FLAGS_EFFECTIVE,
		.data = { { .permitted = 1u << CAP_SYS_ADMIN } },
	};

	put_elf("e", NULL);
	if (setxattr("e", "security.capability", &caps, XATTR_CAPS_SZ_2, 0))
		kc_die("setxattr security.capability");
	if (prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN, 0, 0, 0))
		kc_die("PR_CAPBSET_DROP");
	return syscall(SYS_execve, "./e", true_argv, no_env);
}

static long execve_nproc(void)
{
	pid_t helper = nproc_exceeded();
	long r = syscall(SYS_execve, "/bin/true", true_argv, no_env);

	end_helper(helper);
	return r;
}

static long execve_enfile(void)
{
	long r;
	int e;

	kc_sysctl_set(&file_max, "/proc/sys/fs/file-max", "0");
	if (setresuid(65534, 65534, 0))
		kc_die("setresuid");
	r = syscall(SYS_execve, "/bin/true", true_argv, no_env);
	e = errno;
	if (setresuid(0, 0, 0))
		kc_die("setresuid back");
	errno = e;
	kc_sysctl_restore(&file_max);
	return r;
}

/* ---- execveat ---- */

static long execveat_cwd(void)
{
	return syscall(SYS_execveat, AT_FDCWD, "/bin/true", true_argv, no_env, 0);
}

static long execveat_empty_path(void)
{
	int fd = open("/bin/true", O_RDONLY);

	if (fd < 0)
		kc_die("open /bin/true");
	return syscall(SYS_execveat, fd, "", true_argv, no_env, AT_EMPTY_PATH);
}

static long execveat_dirfd(void)
{
	int fd = open("/bin", O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		kc_die("open /bin");
	return syscall(SYS_execveat, fd, "true", true_argv, no_env, 0);
}

static long execveat_check(void)
{
	return syscall(SYS_execveat, AT_FDCWD, "/bin/true", true_argv, no_env, AT_EXECVE_CHECK);
}

static long execveat_check_noexec(void)
{
	put_file("f", "#!/bin/true\n", 12, 0644);
	return syscall(SYS_execveat, AT_FDCWD, "./f", true_argv, no_env, AT_EXECVE_CHECK);
}

static long execveat_badflags_badfd(void)
{
	return syscall(SYS_execveat, -1, "true", true_argv, no_env, -1);
}

static long execveat_badflags_nproc(void)
{
	pid_t helper = nproc_exceeded();
	long r = syscall(SYS_execveat, AT_FDCWD, "/bin/true", true_argv, no_env, 0x1);

	end_helper(helper);
	return r;
}

static long execveat_badfd_abs(void)
{
	return syscall(SYS_execveat, -1, "/bin/true", true_argv, no_env, AT_EXECVE_CHECK);
}

static long execveat_closedfd(void)
{
	return syscall(SYS_execveat, 999, "true", true_argv, no_env, 0);
}

static long execveat_fd_not_dir(void)
{
	int fd = kc_file("f", 0);

	return syscall(SYS_execveat, fd, "true", true_argv, no_env, 0);
}

static long execveat_nofollow(void)
{
	if (symlink("/bin/true", "l"))
		kc_die("symlink");
	return syscall(SYS_execveat, AT_FDCWD, "l", true_argv, no_env, AT_SYMLINK_NOFOLLOW);
}

static long execveat_empty_noflag(void)
{
	int fd = open("/bin/true", O_RDONLY);

	if (fd < 0)
		kc_die("open /bin/true");
	return syscall(SYS_execveat, fd, "", true_argv, no_env, 0);
}

static long execveat_pipe(void)
{
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	return syscall(SYS_execveat, p[0], "", true_argv, no_env, AT_EMPTY_PATH);
}

static long execveat_cloexec_script(void)
{
	int fd;

	put_file("s", "#!/bin/sh\nexit 0\n", 17, 0755);
	fd = open("s", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		kc_die("open s");
	return syscall(SYS_execveat, fd, "", true_argv, no_env, AT_EMPTY_PATH);
}

static long execveat_etxtbsy(void)
{
	int fd = kc_file("s", 0);

	if (write(fd, "#!/bin/true\n", 12) != 12 || fchmod(fd, 0755))
		kc_die("script");
	return syscall(SYS_execveat, AT_FDCWD, "s", true_argv, no_env, AT_EXECVE_CHECK);
}

static long execveat_efault(void)
{
	return syscall(SYS_execveat, AT_FDCWD, (char *)1, true_argv, no_env, 0);
}

/* ---- socket ---- */

static long socket_unix_stream(void)
{
	return syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
}

static long socket_unix_dgram_flags(void)
{
	return syscall(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, PF_UNIX);
}

static long socket_unix_seqpacket(void)
{
	return syscall(SYS_socket, AF_UNIX, SOCK_SEQPACKET, 0);
}

static long socket_unix_raw(void)
{
	return syscall(SYS_socket, AF_UNIX, SOCK_RAW, 0);
}

static long socket_netlink(void)
{
	return syscall(SYS_socket, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
}

static long socket_both_bad(void)
{
	return syscall(SYS_socket, 99, SOCK_STREAM | 0x100, 0);
}

static long socket_inet(void)
{
	return syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
}

static long socket_unspec(void)
{
	return syscall(SYS_socket, AF_UNSPEC, SOCK_STREAM, 0);
}

static long socket_type_max(void)
{
	return syscall(SYS_socket, AF_UNIX, 11, 0);
}

static long socket_unix_type0(void)
{
	return syscall(SYS_socket, AF_UNIX, 0, 0);
}

static long socket_unix_rdm(void)
{
	return syscall(SYS_socket, AF_UNIX, SOCK_RDM, 0);
}

static long socket_unix_proto(void)
{
	return syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 5);
}

static long socket_netlink_stream(void)
{
	return syscall(SYS_socket, AF_NETLINK, SOCK_STREAM, NETLINK_ROUTE);
}

static long socket_netlink_proto(void)
{
	return syscall(SYS_socket, AF_NETLINK, SOCK_RAW, MAX_LINKS);
}

static long socket_emfile(void)
{
	kc_rlimit(RLIMIT_NOFILE, 0);
	return syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
}

static long socket_enfile(void)
{
	long r;

	kc_sysctl_set(&file_max, "/proc/sys/fs/file-max", "0");
	r = syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
	kc_sysctl_restore(&file_max);
	return r;
}

/* ---- sched_setattr ---- */

static long setattr(pid_t pid, struct sched_attr *a, unsigned int flags)
{
	return syscall(SYS_sched_setattr, pid, a, flags);
}

static long sched_other(void)
{
	struct sched_attr a = { .size = SCHED_ATTR_SIZE_VER0, .sched_policy = SCHED_NORMAL,
				.sched_nice = 5 };

	return setattr(0, &a, 0);
}

static long sched_size0(void)
{
	struct sched_attr a = { .size = 0, .sched_policy = SCHED_BATCH };

	return setattr(getpid(), &a, 0);
}

static long sched_fifo(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_FIFO, .sched_priority = 1 };

	return setattr(0, &a, 0);
}

static long sched_deadline(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_DEADLINE,
				.sched_runtime = 1000000, .sched_deadline = 10000000,
				.sched_period = 10000000 };

	return setattr(0, &a, 0);
}

static long sched_pid_flags(void)
{
	return setattr(-5, NULL, 0x80000000u);
}

static long sched_bad_policy(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = 99 };

	return setattr(0, &a, 0);
}

static long sched_rt_prio0(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_FIFO, .sched_priority = 0 };

	return setattr(0, &a, 0);
}

static long sched_bad_dl(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_DEADLINE,
				.sched_runtime = 20000000, .sched_deadline = 10000000,
				.sched_period = 10000000 };

	return setattr(0, &a, 0);
}

static long sched_clamp_ver0(void)
{
	struct sched_attr a = { .size = SCHED_ATTR_SIZE_VER0, .sched_policy = SCHED_NORMAL,
				.sched_flags = SCHED_FLAG_UTIL_CLAMP_MIN };

	return setattr(0, &a, 0);
}

static long sched_e2big_size(void)
{
	struct sched_attr a = { .size = 4097, .sched_policy = SCHED_NORMAL };

	return setattr(0, &a, 0);
}

static long sched_e2big_small(void)
{
	struct sched_attr a = { .size = 40, .sched_policy = SCHED_NORMAL };

	return setattr(0, &a, 0);
}

static long sched_e2big_tail(void)
{
	static unsigned char buf[sizeof(struct sched_attr) + 8];
	struct sched_attr *a = (struct sched_attr *)buf;

	a->size = sizeof(buf);
	a->sched_policy = SCHED_NORMAL;
	buf[sizeof(buf) - 1] = 1;
	return setattr(0, a, 0);
}

static long sched_efault(void)
{
	return setattr(0, (struct sched_attr *)1, 0);
}

static long sched_esrch(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_NORMAL };

	return setattr(INT_MAX, &a, 0);
}

static long sched_eperm_fifo(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_FIFO, .sched_priority = 1 };

	return setattr(0, &a, 0);
}

static long sched_eperm_other_user(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_NORMAL };

	return setattr(1, &a, 0);
}

static long sched_eperm_deadline(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_DEADLINE,
				.sched_runtime = 1000000, .sched_deadline = 10000000,
				.sched_period = 10000000 };

	return setattr(0, &a, 0);
}

static long sched_eopnotsupp(void)
{
	struct sched_attr a = { .size = SCHED_ATTR_SIZE_VER1, .sched_policy = SCHED_NORMAL,
				.sched_flags = SCHED_FLAG_UTIL_CLAMP_MIN, .sched_util_min = 0 };

	return setattr(0, &a, 0);
}

/*
 * Deadline admission: n - 1 helpers (n CPUs) each reserve a full CPU (runtime = period) and
 * sleep; the caller's full CPU then exceeds the root domain's 95 % per CPU.
 */
static long sched_ebusy(void)
{
	struct sched_attr a = { .size = sizeof(a), .sched_policy = SCHED_DEADLINE,
				.sched_runtime = 100000000, .sched_deadline = 100000000,
				.sched_period = 100000000 };
	long n = sysconf(_SC_NPROCESSORS_ONLN), r;
	pid_t helpers[64];
	int i, e;

	if (n < 1 || n > 64)
		kc_die("cpu count");
	for (i = 0; i < n - 1; i++) {
		int p[2];
		char c = 0;

		if (pipe(p))
			kc_die("pipe");
		helpers[i] = fork();
		if (helpers[i] < 0)
			kc_die("fork");
		if (helpers[i] == 0) {
			c = setattr(0, &a, 0) ? 'n' : 'y';
			if (write(p[1], &c, 1) != 1)
				_exit(1);
			pause();
			_exit(0);
		}
		if (read(p[0], &c, 1) != 1 || c != 'y')
			kc_die("deadline helper");
	}
	r = setattr(0, &a, 0);
	e = errno;
	for (i = 0; i < n - 1; i++)
		end_helper(helpers[i]);
	errno = e;
	return r;
}

/* ---- AIO ---- */

static aio_context_t aio_ctx(unsigned int nr)
{
	aio_context_t ctx = 0;

	if (syscall(SYS_io_setup, nr, &ctx))
		kc_die("io_setup");
	return ctx;
}

static long setup_ok(void)
{
	aio_context_t ctx = 0;

	return syscall(SYS_io_setup, 128, &ctx);
}

static long setup_zero_efault(void)
{
	return syscall(SYS_io_setup, 0, (aio_context_t *)1);
}

static long setup_ctx_set(void)
{
	aio_context_t ctx = 1;

	return syscall(SYS_io_setup, 1, &ctx);
}

static long setup_efault(void)
{
	return syscall(SYS_io_setup, 1, (aio_context_t *)1);
}

static long setup_over_max(void)
{
	aio_context_t ctx = 0;

	return syscall(SYS_io_setup, 65537, &ctx);
}

static long setup_huge(void)
{
	aio_context_t ctx = 0;

	return syscall(SYS_io_setup, 5000000, &ctx);
}

static long setup_wraps(void)
{
	aio_context_t ctx = 0;

	return syscall(SYS_io_setup, 0x80000000u, &ctx);
}

static long setup_aio_max_nr(void)
{
	aio_context_t ctx = 0;
	int fd = open("/proc/sys/fs/aio-max-nr", O_RDWR);
	char old[32];
	ssize_t n;
	long r;
	int e;

	if (fd < 0)
		kc_die("/proc/sys/fs/aio-max-nr");
	n = pread(fd, old, sizeof(old) - 1, 0);
	if (n <= 0 || pwrite(fd, "4", 1, 0) != 1)
		kc_die("aio-max-nr");
	r = syscall(SYS_io_setup, 8, &ctx);
	e = errno;
	if (pwrite(fd, old, n, 0) != n)
		kc_die("restore aio-max-nr");
	errno = e;
	return r;
}

static long destroy_ok(void)
{
	return syscall(SYS_io_destroy, aio_ctx(8));
}

static long destroy_zero(void)
{
	return syscall(SYS_io_destroy, (aio_context_t)0);
}

static long destroy_not_ctx(void)
{
	return syscall(SYS_io_destroy, (unsigned long)kc_pages(1));
}

static long destroy_twice(void)
{
	aio_context_t ctx = aio_ctx(8);

	if (syscall(SYS_io_destroy, ctx))
		kc_die("io_destroy");
	return syscall(SYS_io_destroy, ctx);
}

static char aio_buf[64];

static struct iocb pwrite_cb(int fd)
{
	struct iocb cb = { .aio_fildes = fd, .aio_lio_opcode = IOCB_CMD_PWRITE,
			   .aio_buf = (unsigned long)aio_buf, .aio_nbytes = sizeof(aio_buf) };

	return cb;
}

static struct iocb poll_cb(int fd)
{
	struct iocb cb = { .aio_fildes = fd, .aio_lio_opcode = IOCB_CMD_POLL, .aio_buf = POLLIN };

	return cb;
}

/* io_submit(ctx, 1, [cb]) */
static long submit1(aio_context_t ctx, struct iocb *cb)
{
	struct iocb *list[1] = { cb };

	return syscall(SYS_io_submit, ctx, 1L, list);
}

static long submit_pwrite(void)
{
	struct iocb cb = pwrite_cb(kc_file("f", 0));

	return submit1(aio_ctx(8), &cb);
}

static long submit_two(void)
{
	int fd = kc_file("f", 128);
	struct iocb a = pwrite_cb(fd), b = a;
	struct iocb *list[2] = { &a, &b };

	a.aio_lio_opcode = IOCB_CMD_PREAD;
	b.aio_offset = 64;
	return syscall(SYS_io_submit, aio_ctx(8), 2L, list);
}

static long submit_fsync(void)
{
	struct iocb cb = { .aio_fildes = kc_file("f", 0), .aio_lio_opcode = IOCB_CMD_FSYNC };

	return submit1(aio_ctx(8), &cb);
}

static long submit_poll(void)
{
	int p[2];
	struct iocb cb;

	if (pipe(p))
		kc_die("pipe");
	cb = poll_cb(p[0]);
	return submit1(aio_ctx(8), &cb);
}

static long submit_nr0(void)
{
	return syscall(SYS_io_submit, aio_ctx(8), 0L, NULL);
}

static long submit_nr_neg(void)
{
	return syscall(SYS_io_submit, aio_ctx(8), (long)-1, NULL);
}

static long submit_bad_both(void)
{
	return syscall(SYS_io_submit, (aio_context_t)0x123, (long)-5, NULL);
}

static long submit_not_ctx(void)
{
	struct iocb cb = pwrite_cb(kc_file("f", 0));

	return submit1((aio_context_t)kc_pages(1), &cb);
}

static long submit_efault_list(void)
{
	return syscall(SYS_io_submit, aio_ctx(8), 1L, (void *)1);
}

static long submit_efault_iocb(void)
{
	return submit1(aio_ctx(8), (struct iocb *)1);
}

static long submit_efault_buf(void)
{
	struct iocb cb = pwrite_cb(kc_file("f", 0));

	cb.aio_buf = (unsigned long)-4096;
	return submit1(aio_ctx(8), &cb);
}

static long submit_ebadf(void)
{
	struct iocb cb = pwrite_cb(-1);

	return submit1(aio_ctx(8), &cb);
}

static long submit_ebadf_mode(void)
{
	int fd = open("f", O_RDONLY | O_CREAT, 0644);
	struct iocb cb = pwrite_cb(fd);

	if (fd < 0)
		kc_die("open");
	return submit1(aio_ctx(8), &cb);
}

static long submit_ebadf_resfd(void)
{
	struct iocb cb = pwrite_cb(kc_file("f", 0));

	cb.aio_flags = IOCB_FLAG_RESFD;
	cb.aio_resfd = 999;
	return submit1(aio_ctx(8), &cb);
}

static long submit_resfd_not_eventfd(void)
{
	int fd = kc_file("f", 0);
	struct iocb cb = pwrite_cb(fd);

	cb.aio_flags = IOCB_FLAG_RESFD;
	cb.aio_resfd = fd;
	return submit1(aio_ctx(8), &cb);
}

static long submit_bad_opcode(void)
{
	struct iocb cb = pwrite_cb(kc_file("f", 0));

	cb.aio_lio_opcode = 99;
	return submit1(aio_ctx(8), &cb);
}

static long submit_reserved2(void)
{
	struct iocb cb = pwrite_cb(kc_file("f", 0));

	cb.aio_reserved2 = 1;
	return submit1(aio_ctx(8), &cb);
}

static long submit_neg_offset(void)
{
	struct iocb cb = pwrite_cb(kc_file("f", 0));

	cb.aio_offset = -4096;
	return submit1(aio_ctx(8), &cb);
}

static long submit_unknown_rwf(void)
{
	struct iocb cb = pwrite_cb(kc_file("f", 0));

	cb.aio_rw_flags = 0x40000000;
	return submit1(aio_ctx(8), &cb);
}

static long submit_ioprio(void)
{
	struct iocb cb = pwrite_cb(kc_file("f", 0));

	cb.aio_flags = IOCB_FLAG_IOPRIO;
	cb.aio_reqprio = 0;
	return submit1(aio_ctx(8), &cb);
}

static long submit_noappend(void)
{
	int fd = open("f", O_WRONLY | O_CREAT | O_APPEND, 0644);
	int attr = FS_APPEND_FL;
	struct iocb cb = pwrite_cb(fd);

	if (fd < 0 || ioctl(fd, FS_IOC_SETFLAGS, &attr))
		kc_die("chattr +a");
	cb.aio_rw_flags = RWF_NOAPPEND;
	return submit1(aio_ctx(8), &cb);
}

/* Fills the ring with pending polls on an empty pipe until io_submit refuses one. */
static long submit_eagain(void)
{
	aio_context_t ctx = aio_ctx(1);
	static struct iocb cbs[4096];
	int p[2];
	long r = 0;

	if (pipe(p))
		kc_die("pipe");
	for (int i = 0; i < 4096; i++) {
		cbs[i] = poll_cb(p[0]);
		r = submit1(ctx, &cbs[i]);
		if (r != 1)
			return r;
	}
	errno = 0;
	kc_die("ring never full");
}

static long cancel_poll(void)
{
	aio_context_t ctx = aio_ctx(8);
	struct io_event ev;
	struct iocb cb;
	int p[2];

	if (pipe(p))
		kc_die("pipe");
	cb = poll_cb(p[0]);
	if (submit1(ctx, &cb) != 1)
		kc_die("io_submit poll");
	return syscall(SYS_io_cancel, ctx, &cb, &ev);
}

static long cancel_not_submitted(void)
{
	struct iocb cb = pwrite_cb(0);
	struct io_event ev;

	return syscall(SYS_io_cancel, aio_ctx(8), &cb, &ev);
}

static long cancel_done(void)
{
	aio_context_t ctx = aio_ctx(8);
	struct iocb cb = pwrite_cb(kc_file("f", 0));
	struct io_event ev;

	if (submit1(ctx, &cb) != 1)
		kc_die("io_submit");
	return syscall(SYS_io_cancel, ctx, &cb, &ev);
}

static long cancel_bad_key(void)
{
	struct iocb cb = pwrite_cb(0);
	struct io_event ev;

	cb.aio_key = 0x1234;
	return syscall(SYS_io_cancel, aio_ctx(8), &cb, &ev);
}

static long cancel_efault(void)
{
	struct io_event ev;

	return syscall(SYS_io_cancel, aio_ctx(8), (struct iocb *)1, &ev);
}

static long cancel_bad_ctx_efault(void)
{
	struct io_event ev;

	return syscall(SYS_io_cancel, (aio_context_t)0x1008, (struct iocb *)1, &ev);
}

static const struct kcase cases[] = {
	/* execve */
	{ "execve", "execve(\"/bin/true\", [\"true\"], [])", execve_true, 0, "", KC_EXECS },
	{ "execve", "execve(\"./s\") of a script starting with a shebang line (/bin/true)", execve_script, 0, "", KC_EXECS },
	{ "execve", "execve(\"./e\") of a minimal static ELF", execve_elf, 0, "", KC_EXECS },
	{ "execve", "execve(\"./missing\")", execve_enoent, ENOENT, "", 0 },
	{ "execve", "execve(\"\")", execve_empty, ENOENT, "", 0 },
	{ "execve", "execve(\"./f\") of a mode 0644 file, as root", execve_noexec_bit, EACCES, "", 0 },
	{ "execve", "execve(\".\") (a directory)", execve_dir, EACCES, "", 0 },
	{ "execve", "execve(\"/dev/null\") (a device)", execve_devnull, EACCES, "", 0 },
	{ "execve", "execve(\"d/x\") with d mode 0, as nobody", execve_nosearch, EACCES, "",
	  KC_NOBODY },
	{ "execve", "execve(\"./f/x\") with f a file", execve_enotdir, ENOTDIR, "", 0 },
	{ "execve", "execve(\"./l\") with l -> l", execve_eloop, ELOOP, "", 0 },
	{ "execve", "execve(<PATH_MAX+15 bytes>)", execve_nametoolong, ENAMETOOLONG, "", 0 },
	{ "execve", "execve((char *)1)", execve_efault_name, EFAULT, "", 0 },
	{ "execve", "execve(\"/bin/true\", (char **)1, [])", execve_efault_argv, EFAULT, "", 0 },
	{ "execve", "execve(\"/bin/true\", [\"true\", <200 KiB>], [])", execve_e2big, E2BIG, "", 0 },
	{ "execve", "execve(\"./g\") of an executable text file without a shebang line", execve_enoexec,
	  ENOEXEC, "", 0 },
	{ "execve", "execve(\"./s\") while s is open for writing", execve_etxtbsy, ETXTBSY, "", 0 },
	{ "execve", "execve(\"./e\") with PT_INTERP a 128-byte non-ELF file", execve_elibbad,
	  ELIBBAD, "", 0 },
	{ "execve", "execve(\"./e\") with PT_INTERP a 5-byte file", execve_eio, EIO, "", 0 },
	{ "execve", "execve(\"./e\") with PT_INTERP missing", execve_interp_missing, ENOENT, "", 0 },
	{ "execve", "execve(\"./e\") with file cap CAP_SYS_ADMIN (effective) dropped from the bounding set",
	  execve_eperm_fcaps, EPERM, "", 0 },
	{ "execve", "execve(\"/bin/true\") after setuid(nobody) over RLIMIT_NPROC 0", execve_nproc,
	  EAGAIN, "", 0 },
	{ "execve", "execve(\"/bin/true\") with fs.file-max 0, euid nobody", execve_enfile, ENFILE,
	  "", 0 },

	/* execveat */
	{ "execveat", "execveat(AT_FDCWD, \"/bin/true\", ..., 0)", execveat_cwd, 0, "", KC_EXECS },
	{ "execveat", "execveat(fd of /bin/true, \"\", ..., AT_EMPTY_PATH)", execveat_empty_path, 0,
	  "", KC_EXECS },
	{ "execveat", "execveat(fd of /bin, \"true\", ..., 0)", execveat_dirfd, 0, "", KC_EXECS },
	{ "execveat", "execveat(AT_FDCWD, \"/bin/true\", ..., AT_EXECVE_CHECK)", execveat_check, 0,
	  "", 0 },
	{ "execveat", "execveat(AT_FDCWD, \"./f\" mode 0644, ..., AT_EXECVE_CHECK)",
	  execveat_check_noexec, EACCES, "", 0 },
	{ "execveat", "execveat(-1, \"true\", ..., -1)", execveat_badflags_badfd, EINVAL,
	  "arg:fd arg:flags", 0 },
	{ "execveat", "execveat(AT_FDCWD, \"/bin/true\", ..., 0x1) over RLIMIT_NPROC",
	  execveat_badflags_nproc, EAGAIN, "arg:flags", 0 },
	{ "execveat", "execveat(-1, \"/bin/true\", ..., AT_EXECVE_CHECK) (fd unused)",
	  execveat_badfd_abs, 0, "arg:fd", 0 },
	{ "execveat", "execveat(999, \"true\", ..., 0) (not open)", execveat_closedfd, EBADF, "", 0 },
	{ "execveat", "execveat(fd of a file, \"true\", ..., 0)", execveat_fd_not_dir, ENOTDIR, "", 0 },
	{ "execveat", "execveat(AT_FDCWD, \"l\" -> /bin/true, ..., AT_SYMLINK_NOFOLLOW)",
	  execveat_nofollow, ELOOP, "", 0 },
	{ "execveat", "execveat(fd of /bin/true, \"\", ..., 0)", execveat_empty_noflag, ENOENT, "", 0 },
	{ "execveat", "execveat(pipe fd, \"\", ..., AT_EMPTY_PATH)", execveat_pipe, EACCES, "", 0 },
	{ "execveat", "execveat(O_CLOEXEC fd of a script, \"\", ..., AT_EMPTY_PATH)",
	  execveat_cloexec_script, ENOENT, "", 0 },
	{ "execveat", "execveat(AT_FDCWD, \"s\" open for writing, ..., AT_EXECVE_CHECK)",
	  execveat_etxtbsy, ETXTBSY, "", 0 },
	{ "execveat", "execveat(AT_FDCWD, (char *)1, ..., 0)", execveat_efault, EFAULT, "", 0 },

	/* socket */
	{ "socket", "socket(AF_UNIX, SOCK_STREAM, 0)", socket_unix_stream, 0, "", 0 },
	{ "socket", "socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, PF_UNIX)",
	  socket_unix_dgram_flags, 0, "", 0 },
	{ "socket", "socket(AF_UNIX, SOCK_SEQPACKET, 0)", socket_unix_seqpacket, 0, "", 0 },
	{ "socket", "socket(AF_UNIX, SOCK_RAW, 0)", socket_unix_raw, 0, "", 0 },
	{ "socket", "socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE)", socket_netlink, 0,
	  "", 0 },
	{ "socket", "socket(99, SOCK_STREAM|0x100, 0)", socket_both_bad, EINVAL,
	  "arg:family arg:type", 0 },
	{ "socket", "socket(AF_INET, SOCK_STREAM, 0) (no INET)", socket_inet, EAFNOSUPPORT, "", 0 },
	{ "socket", "socket(AF_UNSPEC, SOCK_STREAM, 0)", socket_unspec, EAFNOSUPPORT, "", 0 },
	{ "socket", "socket(AF_UNIX, 11, 0) (>= SOCK_MAX)", socket_type_max, EINVAL, "", 0 },
	{ "socket", "socket(AF_UNIX, 0, 0)", socket_unix_type0, ESOCKTNOSUPPORT, "", 0 },
	{ "socket", "socket(AF_UNIX, SOCK_RDM, 0)", socket_unix_rdm, ESOCKTNOSUPPORT, "", 0 },
	{ "socket", "socket(AF_UNIX, SOCK_STREAM, 5)", socket_unix_proto, EPROTONOSUPPORT, "", 0 },
	{ "socket", "socket(AF_NETLINK, SOCK_STREAM, NETLINK_ROUTE)", socket_netlink_stream,
	  ESOCKTNOSUPPORT, "", 0 },
	{ "socket", "socket(AF_NETLINK, SOCK_RAW, MAX_LINKS)", socket_netlink_proto,
	  EPROTONOSUPPORT, "", 0 },
	{ "socket", "socket(AF_UNIX, SOCK_STREAM, 0) with RLIMIT_NOFILE 0", socket_emfile, EMFILE,
	  "", 0 },
	{ "socket", "socket(AF_UNIX, SOCK_STREAM, 0) with fs.file-max 0, as root", socket_enfile,
	  ENFILE, "", 0 },

	/* sched_setattr */
	{ "sched_setattr", "sched_setattr(0, {VER0, SCHED_NORMAL, nice 5}, 0)", sched_other, 0, "", 0 },
	{ "sched_setattr", "sched_setattr(getpid(), {size 0, SCHED_BATCH}, 0)", sched_size0, 0, "", 0 },
	{ "sched_setattr", "sched_setattr(0, {SCHED_FIFO, prio 1}, 0)", sched_fifo, 0, "", 0 },
	{ "sched_setattr", "sched_setattr(0, {SCHED_DEADLINE 1/10/10 ms}, 0)", sched_deadline, 0,
	  "", 0 },
	{ "sched_setattr", "sched_setattr(-5, NULL, 0x80000000)", sched_pid_flags, EINVAL,
	  "arg:pid arg:uattr arg:flags", 0 },
	{ "sched_setattr", "sched_setattr(0, {policy 99}, 0)", sched_bad_policy, EINVAL, "", 0 },
	{ "sched_setattr", "sched_setattr(0, {SCHED_FIFO, prio 0}, 0)", sched_rt_prio0, EINVAL, "", 0 },
	{ "sched_setattr", "sched_setattr(0, {SCHED_DEADLINE runtime > deadline}, 0)", sched_bad_dl,
	  EINVAL, "", 0 },
	{ "sched_setattr", "sched_setattr(0, {VER0, UTIL_CLAMP_MIN}, 0)", sched_clamp_ver0, EINVAL,
	  "", 0 },
	{ "sched_setattr", "sched_setattr(0, {size 4097}, 0)", sched_e2big_size, E2BIG, "", 0 },
	{ "sched_setattr", "sched_setattr(0, {size 40}, 0)", sched_e2big_small, E2BIG, "", 0 },
	{ "sched_setattr", "sched_setattr(0, {size +8, non-zero tail}, 0)", sched_e2big_tail, E2BIG,
	  "", 0 },
	{ "sched_setattr", "sched_setattr(0, (void *)1, 0)", sched_efault, EFAULT, "", 0 },
	{ "sched_setattr", "sched_setattr(INT_MAX, &attr, 0)", sched_esrch, ESRCH, "", 0 },
	{ "sched_setattr", "sched_setattr(0, {SCHED_FIFO, prio 1}, 0) as nobody", sched_eperm_fifo,
	  EPERM, "", KC_NOBODY },
	{ "sched_setattr", "sched_setattr(1, {SCHED_NORMAL}, 0) as nobody", sched_eperm_other_user,
	  EPERM, "", KC_NOBODY },
	{ "sched_setattr", "sched_setattr(0, {SCHED_DEADLINE}, 0) as nobody", sched_eperm_deadline,
	  EPERM, "", KC_NOBODY },
	{ "sched_setattr", "sched_setattr(0, {VER1, UTIL_CLAMP_MIN}, 0) (no UCLAMP_TASK)",
	  sched_eopnotsupp, EOPNOTSUPP, "", 0 },
	{ "sched_setattr", "sched_setattr(0, {SCHED_DEADLINE 100%}, 0) with n-1 CPUs reserved",
	  sched_ebusy, EBUSY, "", 0 },

	/* io_setup */
	{ "io_setup", "io_setup(128, &ctx)", setup_ok, 0, "", 0 },
	{ "io_setup", "io_setup(0, (void *)1)", setup_zero_efault, EFAULT, "arg:nr_events", 0 },
	{ "io_setup", "io_setup(1, &ctx) with ctx 1", setup_ctx_set, EINVAL, "", 0 },
	{ "io_setup", "io_setup(1, (void *)1)", setup_efault, EFAULT, "", 0 },
	{ "io_setup", "io_setup(65537, &ctx) (aio-max-nr 65536)", setup_over_max, EAGAIN, "", 0 },
	{ "io_setup", "io_setup(5000000, &ctx)", setup_huge, EINVAL, "", 0 },
	{ "io_setup", "io_setup(0x80000000, &ctx) (doubling wraps)", setup_wraps, EAGAIN, "", 0 },
	{ "io_setup", "io_setup(8, &ctx) with fs.aio-max-nr 4", setup_aio_max_nr, EAGAIN, "", 0 },

	/* io_destroy */
	{ "io_destroy", "io_destroy(ctx)", destroy_ok, 0, "", 0 },
	{ "io_destroy", "io_destroy(0)", destroy_zero, EINVAL, "", 0 },
	{ "io_destroy", "io_destroy(<a mapped page>)", destroy_not_ctx, EINVAL, "", 0 },
	{ "io_destroy", "io_destroy(ctx) twice", destroy_twice, EINVAL, "", 0 },

	/* io_submit */
	{ "io_submit", "io_submit(ctx, 1, [PWRITE on a tmpfs file])", submit_pwrite, 0, "", 0 },
	{ "io_submit", "io_submit(ctx, 2, [PREAD, PWRITE])", submit_two, 0, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [FSYNC])", submit_fsync, 0, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [POLL on an empty pipe])", submit_poll, 0, "", 0 },
	{ "io_submit", "io_submit(ctx, 0, NULL)", submit_nr0, 0, "", 0 },
	{ "io_submit", "io_submit(ctx, -1, NULL)", submit_nr_neg, EINVAL, "arg:nr", 0 },
	{ "io_submit", "io_submit(0x123, -5, NULL)", submit_bad_both, EINVAL, "arg:ctx_id arg:nr", 0 },
	{ "io_submit", "io_submit(<a mapped page>, 1, [...])", submit_not_ctx, EINVAL, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, (void *)1)", submit_efault_list, EFAULT, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [(void *)1])", submit_efault_iocb, EFAULT, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [PWRITE buf -4096])", submit_efault_buf, EFAULT, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [PWRITE fd -1])", submit_ebadf, EBADF, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [PWRITE on O_RDONLY fd])", submit_ebadf_mode, EBADF, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [RESFD 999])", submit_ebadf_resfd, EBADF, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [RESFD not an eventfd])", submit_resfd_not_eventfd,
	  EINVAL, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [opcode 99])", submit_bad_opcode, EINVAL, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [aio_reserved2 1])", submit_reserved2, EINVAL, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [PWRITE offset -4096])", submit_neg_offset, EINVAL, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [rw_flags 0x40000000])", submit_unknown_rwf, EOPNOTSUPP,
	  "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [IOCB_FLAG_IOPRIO]) (no CONFIG_BLOCK)", submit_ioprio,
	  ENOTBLK, "", 0 },
	{ "io_submit", "io_submit(ctx, 1, [RWF_NOAPPEND on chattr +a file])", submit_noappend,
	  EPERM, "", 0 },
	{ "io_submit", "io_submit(ctx of 1, 1, [POLL]) until the ring is full", submit_eagain,
	  EAGAIN, "", 0 },

	/* io_cancel */
	{ "io_cancel", "io_cancel(ctx, pending POLL, &ev)", cancel_poll, EINPROGRESS, "", 0 },
	{ "io_cancel", "io_cancel(ctx, never submitted, &ev)", cancel_not_submitted, EINVAL, "", 0 },
	{ "io_cancel", "io_cancel(ctx, completed PWRITE, &ev)", cancel_done, EINVAL, "", 0 },
	{ "io_cancel", "io_cancel(ctx, iocb with aio_key 0x1234, &ev)", cancel_bad_key, EINVAL, "", 0 },
	{ "io_cancel", "io_cancel(ctx, (void *)1, &ev)", cancel_efault, EFAULT, "", 0 },
	{ "io_cancel", "io_cancel(0x1008, (void *)1, &ev)", cancel_bad_ctx_efault, EFAULT,
	  "arg:ctx_id", 0 },
};

KC_GROUP(proc, cases);

// SPDX-License-Identifier: GPL-2.0
/*
 * Argument recipes: parsing (in the parent, once) and materialising (in the child, per call).
 * See recipes.h for the grammar.
 *
 * Everything a call's arguments point to is made fresh for the call, so that what one call
 * does to it (writes into a buffer, unmaps a mapping, closes a descriptor) cannot change the
 * next call of a fuzz batch: mappings are new and unmapped after the call (rcall_release()),
 * strings are copied into an arena of the child that is refilled per call, descriptors are
 * opened per call (the fuzzer closes them after it). Only the fixtures of the working
 * directory (./f, ./d, ./loop) live as long as the child.
 */
#define _GNU_SOURCE
#include "recipes.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define KIND_NAME(prefix, up, name) [prefix##up] = name,
#define FD_NAME(up, name) KIND_NAME(FD_, up, name)
#define PATH_NAME(up, name) KIND_NAME(P_, up, name)
#define PID_NAME(up, name) KIND_NAME(PID_, up, name)
static const char *const fd_kinds[] = { KAPI_FD_KINDS(FD_NAME) };
static const char *const path_kinds[] = { KAPI_PATH_KINDS(PATH_NAME) };
static const char *const pid_kinds[] = { KAPI_PID_KINDS(PID_NAME) };

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static int fail(char *err, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, size, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * A number as the grammar writes it: decimal or 0x hex, with a leading '-' if neg_ok. The
 * whole of s must be the number; it must fit 64 bits (negative ones: down to INT64_MIN).
 */
static int parse_num(const char *s, int neg_ok, uint64_t *out)
{
	int neg = 0, base = 10;
	unsigned long long v;
	char *end;

	if (*s == '-') {
		if (!neg_ok)
			return -1;
		neg = 1;
		s++;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	/* strtoull() would take a sign or blanks of its own: only digits here. */
	if (!*s || !(base == 16 ? strchr("0123456789abcdefABCDEF", *s) : strchr("0123456789", *s)))
		return -1;
	errno = 0;
	v = strtoull(s, &end, base);
	if (errno || *end)
		return -1;
	if (neg && v > (unsigned long long)INT64_MAX + 1)
		return -1;
	*out = neg ? -(uint64_t)v : v;
	return 0;
}

static int lookup(const char *name, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

int recipe_parse(const char *word, int flags, struct recipe *r, char *err, size_t size)
{
	const char *arg = strchr(word, ':');
	size_t pfx = arg ? (size_t)(arg - word) : strlen(word);
	uint64_t v;

	memset(r, 0, sizeof(*r));
	if (arg)
		arg++;
	if (!*word)
		return fail(err, size, "empty recipe");
	if (strpbrk(word, " \t"))
		return fail(err, size, "recipe '%s' has a blank", word);
	if (!arg && (isdigit((unsigned char)word[0]) || word[0] == '-')) {
		if (parse_num(word, 1, &v))
			return fail(err, size, "bad integer recipe '%s' (decimal, -decimal or 0x hex, 64 bits)",
				    word);
		r->kind = R_INT;
		r->val = v;
	} else if (!arg && !strcmp(word, "argv")) {
		r->kind = R_ARGV;
	} else if (!arg && !strcmp(word, "envp")) {
		r->kind = R_ENVP;
	} else if (!arg && (!strcmp(word, "rand") || !strcmp(word, "rand32"))) {
		if (!(flags & RECIPE_FUZZ))
			return fail(err, size, "recipe '%s' is for fuzz pools only", word);
		r->kind = word[4] ? R_RAND32 : R_RAND;
	} else if (arg && pfx == 3 && !strncmp(word, "map", 3)) {
		char num[32];
		const char *plus = strchr(arg, '+');
		size_t n = plus ? (size_t)(plus - arg) : strlen(arg);

		if (n >= sizeof(num))
			return fail(err, size, "bad page count in '%s'", word);
		memcpy(num, arg, n);
		num[n] = 0;
		if (parse_num(num, 0, &v) || v < 1 || v > 1 << 20)
			return fail(err, size, "bad page count in '%s' (1 to 1048576)", word);
		r->kind = R_MAP;
		r->val = v;
		if (plus && parse_num(plus + 1, 1, &v))
			return fail(err, size, "bad offset in '%s' (decimal or 0x hex, may be negative)",
				    word);
		r->off = plus ? (int64_t)v : 0;
	} else if (arg && pfx == 4 && !strncmp(word, "hole", 4)) {
		if (parse_num(arg, 0, &v) || v < 1 || v > 1 << 20)
			return fail(err, size, "bad page count in '%s' (1 to 1048576)", word);
		r->kind = R_HOLE;
		r->val = v;
	} else if (arg && pfx == 3 && !strncmp(word, "buf", 3)) {
		if (parse_num(arg, 0, &v) || v > 1 << 30)
			return fail(err, size, "bad size in '%s' (0 to 1 GiB)", word);
		r->kind = R_BUF;
		r->val = v;
	} else if (arg && pfx == 2 && !strncmp(word, "fd", 2)) {
		r->kind = R_FD;
		r->sub = lookup(arg, fd_kinds, ARRAY_SIZE(fd_kinds));
		if (r->sub < 0)
			return fail(err, size, "unknown descriptor kind in '%s'", word);
	} else if (arg && pfx == 4 && !strncmp(word, "path", 4)) {
		r->kind = R_PATH;
		r->sub = lookup(arg, path_kinds, ARRAY_SIZE(path_kinds));
		if (r->sub < 0)
			return fail(err, size, "unknown path kind in '%s'", word);
	} else if (arg && pfx == 3 && !strncmp(word, "pid", 3)) {
		r->kind = R_PID;
		r->sub = lookup(arg, pid_kinds, ARRAY_SIZE(pid_kinds));
		if (r->sub < 0)
			return fail(err, size, "unknown process ID kind in '%s'", word);
	} else if (arg && pfx == 3 && !strncmp(word, "str", 3)) {
		r->kind = R_STR;
		r->str = strdup(arg);
	} else {
		return fail(err, size, "unknown recipe '%s'", word);
	}
	r->text = strdup(word);
	return 0;
}

unsigned int recipe_needs(const struct recipe *r)
{
	if (r->kind == R_FD)
		switch (r->sub) {
		case FD_FILE: case FD_RDONLY: case FD_WRONLY: case FD_OPATH:
			return NEED_F;
		case FD_DIR:
			return NEED_D;
		case FD_FILE2:
			return NEED_G;
		}
	if (r->kind == R_PATH)
		switch (r->sub) {
		case P_FILE: case P_NOTDIR:
			return NEED_F;
		case P_DIR:
			return NEED_D;
		case P_LOOP:
			return NEED_LOOP;
		case P_SYMLINK:
			return NEED_F | NEED_LINK;
		}
	return 0;
}

/* Creates ./name holding 4096 bytes of 'x'. */
static int make_file(const char *name, char *err, size_t size)
{
	char buf[4096];
	int fd = open(name, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	memset(buf, 'x', sizeof(buf));
	if (fd < 0)
		return fail(err, size, "creating ./%s: %s", name, strerror(errno));
	if (write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf)) {
		close(fd);
		return fail(err, size, "writing ./%s: %s", name, strerror(errno));
	}
	close(fd);
	return 0;
}

int recipes_fixtures(unsigned int need, char *err, size_t size)
{
	if ((need & NEED_F) && make_file("f", err, size))
		return -1;
	if ((need & NEED_G) && make_file("g", err, size))
		return -1;
	if ((need & NEED_LINK) && symlink("f", "l") && errno != EEXIST)
		return fail(err, size, "symlink ./l: %s", strerror(errno));
	if ((need & NEED_D) && mkdir("d", 0755) && errno != EEXIST)
		return fail(err, size, "mkdir ./d: %s", strerror(errno));
	if (need & NEED_LOOP) {
		if (symlink("loop2", "loop") && errno != EEXIST)
			return fail(err, size, "symlink ./loop: %s", strerror(errno));
		if (symlink("loop", "loop2") && errno != EEXIST)
			return fail(err, size, "symlink ./loop2: %s", strerror(errno));
	}
	return 0;
}

/* ---- materialising ------------------------------------------------------------------------ */

static long page_size(void)
{
	static long ps;

	if (!ps)
		ps = sysconf(_SC_PAGESIZE);
	return ps;
}

/* The mappings of the last build, for rcall_release(). */
static struct {
	void *addr;
	size_t len;
} maps[2 * NARGS];
static int nmaps;

static void *new_map(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	maps[nmaps].addr = p;
	maps[nmaps++].len = len;
	return p;
}

/*
 * The arena of strings (paths, str:, argv, envp): the room for NARGS of the longest path,
 * followed by a page without access, so a call that writes past a string faults rather than
 * corrupting the child's other memory. Made at the first build in a process; refilled per call.
 */
#define ARENA_SIZE (9 * 4096)
static char *arena;
static size_t arena_used;

static void *arena_alloc(size_t n, char *err, size_t size)
{
	void *p;

	if (!arena) {
		arena = mmap(NULL, ARENA_SIZE + page_size(), PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (arena == MAP_FAILED) {
			arena = NULL;
			fail(err, size, "mmap of the string arena: %s", strerror(errno));
			return NULL;
		}
		if (mprotect(arena + ARENA_SIZE, page_size(), PROT_NONE)) {
			fail(err, size, "mprotect of the arena's guard page: %s", strerror(errno));
			return NULL;
		}
	}
	n = (n + 15) & ~(size_t)15;
	if (arena_used + n > ARENA_SIZE) {
		fail(err, size, "string arena full");
		return NULL;
	}
	p = arena + arena_used;
	arena_used += n;
	return p;
}

static const char *arena_str(const char *s, char *err, size_t size)
{
	char *p = arena_alloc(strlen(s) + 1, err, size);

	if (p)
		strcpy(p, s);
	return p;
}

/* (A switch over the enum: a kind added to the parser's list and not built here fails -Wswitch.) */
static int open_fd(enum fd_kind kind, char *err, size_t size)
{
	char x[4096];
	int p[2], fd = -1;

	switch (kind) {
	case FD_FILE:
		fd = open("f", O_RDWR);
		break;
	case FD_RDONLY:
		fd = open("f", O_RDONLY);
		break;
	case FD_WRONLY:
		fd = open("f", O_WRONLY);
		break;
	case FD_DIR:
		fd = open("d", O_RDONLY | O_DIRECTORY);
		break;
	case FD_OPATH:
		fd = open("f", O_PATH);
		break;
	case FD_PIPE_R:
	case FD_PIPE_W:
		/* Both ends stay open: a pipe with a writer (reader), not a broken one. */
		if (pipe(p))
			break;
		if (kind == FD_PIPE_R && write(p[1], "x", 1) != 1)
			return fail(err, size, "writing to the pipe of fd:pipe_r: %s", strerror(errno));
		fd = kind == FD_PIPE_R ? p[0] : p[1];
		break;
	case FD_SOCKET:
		/* The peer stays open and has written one byte: a read does not block. */
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, p))
			break;
		if (write(p[1], "x", 1) != 1)
			return fail(err, size, "writing to the peer of fd:socket: %s", strerror(errno));
		fd = p[0];
		break;
	case FD_EVENTFD:
		fd = eventfd(1, 0);
		break;
	case FD_EPOLL:
		fd = epoll_create1(0);
		break;
	case FD_MEMFD:
		fd = memfd_create("kapi", 0);
		memset(x, 'x', sizeof(x));
		if (fd >= 0 && (write(fd, x, sizeof(x)) != (ssize_t)sizeof(x) || lseek(fd, 0, SEEK_SET)))
			return fail(err, size, "filling the memfd of fd:memfd: %s", strerror(errno));
		break;
	case FD_FILE2:
		fd = open("g", O_RDWR);
		break;
	case FD_INOTIFY:
		/* Watching ., with the events of opening and closing . queued (readable). */
		fd = inotify_init1(0);
		if (fd >= 0 && inotify_add_watch(fd, ".", IN_ALL_EVENTS) != 1)
			return fail(err, size, "watching . for fd:inotify: %s", strerror(errno));
		if (fd >= 0 && close(open(".", O_RDONLY | O_DIRECTORY)))
			return fail(err, size, "queueing an event for fd:inotify: %s", strerror(errno));
		break;
	case FD_PIDFD:
		fd = syscall(SYS_pidfd_open, getpid(), 0);
		break;
	case FD_TIMERFD: {
		/* Expired once (1 ns after arming): a read returns its count. */
		struct itimerspec its = { .it_value = { .tv_nsec = 1 } };

		fd = timerfd_create(CLOCK_MONOTONIC, 0);
		if (fd >= 0 && (timerfd_settime(fd, 0, &its, NULL) ||
				poll(&(struct pollfd){ .fd = fd, .events = POLLIN }, 1, 1000) != 1))
			return fail(err, size, "arming fd:timerfd: %s", strerror(errno));
		break;
	}
	case FD_SIGNALFD: {
		/* SIGUSR2 blocked and pending: a read returns it. */
		sigset_t set;

		sigemptyset(&set);
		sigaddset(&set, SIGUSR2);
		if (sigprocmask(SIG_BLOCK, &set, NULL) || kill(getpid(), SIGUSR2))
			return fail(err, size, "a pending SIGUSR2 for fd:signalfd: %s", strerror(errno));
		fd = signalfd(-1, &set, 0);
		break;
	}
	case FD_LISTENER: {
		/* Bound to ./sock, listening, one connection queued: accept() does not block. */
		struct sockaddr_un a = { .sun_family = AF_UNIX, .sun_path = "sock" };
		int c;

		unlink("sock");
		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		if (fd < 0)
			break;
		c = socket(AF_UNIX, SOCK_STREAM, 0);
		if (c < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 8) ||
		    connect(c, (struct sockaddr *)&a, sizeof(a)))
			return fail(err, size, "making fd:listener: %s", strerror(errno));
		break;
	}
	case FD_DGRAM:
		if (socketpair(AF_UNIX, SOCK_DGRAM, 0, p))
			break;
		if (write(p[1], "x", 1) != 1)
			return fail(err, size, "a datagram for fd:dgram: %s", strerror(errno));
		fd = p[0];
		break;
	case FD_CLOSED:
		/* The lowest free number, freed again: made last, so nothing reuses it. */
		fd = open(".", O_RDONLY | O_DIRECTORY);
		if (fd >= 0 && close(fd))
			return fail(err, size, "closing for fd:closed: %s", strerror(errno));
		break;
	case FD_PAST: {
		struct rlimit rl;

		if (getrlimit(RLIMIT_NOFILE, &rl))
			break;
		return rl.rlim_cur > INT_MAX ? INT_MAX : (int)rl.rlim_cur;
	}
	case FD_ATFDCWD:
		return AT_FDCWD;
	}
	if (fd < 0)
		return fail(err, size, "making fd:%s: %s", fd_kinds[kind], strerror(errno));
	return fd;
}

static const char *make_path(enum path_kind kind, char *err, size_t size)
{
	static const char *const paths[] = {
		[P_FILE] = "f", [P_MISSING] = "missing", [P_DIR] = "d", [P_LOOP] = "loop",
		[P_NOTDIR] = "f/x", [P_EMPTY] = "", [P_SYMLINK] = "l",
	};
	_Static_assert(ARRAY_SIZE(paths) == NR_PATH_KINDS, "a path kind without its path");
	char *p;

	if (kind == P_LONG) {
		p = arena_alloc(PATH_MAX + 2, err, size);
		if (p) {
			memset(p, 'a', PATH_MAX + 1);
			p[PATH_MAX + 1] = 0;
		}
		return p;
	}
	/* An earlier call of a fuzz batch may have created it (open with O_CREAT). */
	if (kind == P_MISSING)
		unlink("missing");
	return arena_str(paths[kind], err, size);
}

/*
 * One phase of the build: the recipes of c whose kind is in the phase. The order of the
 * phases keeps what the grammar promises: holes are made after every mapping (a later mmap
 * would likely land in them), and fd:closed last of all (a later open would reuse its number).
 */
static int build_phase(struct rcall *c, int phase, char *err, size_t size)
{
	for (int i = 0; i < NARGS; i++) {
		const struct recipe *r = c->r[i];
		int ph;
		void *p;

		switch (r->kind) {
		case R_INT: case R_RAND: case R_RAND32: case R_PID:
			ph = 0;
			break;
		case R_FD:
			ph = r->sub == FD_CLOSED ? 5 : 1;
			break;
		case R_PATH: case R_STR: case R_ARGV: case R_ENVP:
			ph = 2;
			break;
		case R_MAP: case R_BUF:
			ph = 3;
			break;
		default:
			ph = 4;	/* R_HOLE */
		}
		if (ph != phase)
			continue;
		switch (r->kind) {
		case R_INT:
			c->word[i] = r->val;
			break;
		case R_RAND:
			c->word[i] = c->rnd[i];
			break;
		case R_RAND32:
			c->word[i] = c->rnd[i] & 0xffffffffULL;
			break;
		case R_FD: {
			int fd = open_fd(r->sub, err, size);

			if (fd < 0 && r->sub != FD_ATFDCWD)
				return -1;
			c->word[i] = (uint64_t)(int64_t)fd;
			break;
		}
		case R_PID: {
			pid_t pid = getpid();

			if (r->sub != PID_SELF) {
				siginfo_t si;

				pid = fork();
				if (pid < 0)
					return fail(err, size, "fork for %s: %s", r->text, strerror(errno));
				if (!pid)
					_exit(0);
				/* Exited: a zombie until reaped (WNOWAIT keeps it one). */
				if (waitid(P_PID, pid, &si, WEXITED | (r->sub == PID_ZOMBIE ? WNOWAIT : 0)))
					return fail(err, size, "waiting for %s: %s", r->text, strerror(errno));
			}
			c->word[i] = pid;
			break;
		}
		case R_PATH:
			p = (void *)make_path(r->sub, err, size);
			if (!p)
				return -1;
			c->word[i] = (uintptr_t)p;
			break;
		case R_STR:
			p = (void *)arena_str(r->str, err, size);
			if (!p)
				return -1;
			c->word[i] = (uintptr_t)p;
			break;
		case R_ARGV:
		case R_ENVP: {
			char **v = arena_alloc(2 * sizeof(char *), err, size);
			const char *s = r->kind == R_ARGV ? arena_str("kapi", err, size) : NULL;

			if (!v || (r->kind == R_ARGV && !s))
				return -1;
			v[0] = (char *)s;
			v[1] = NULL;
			c->word[i] = (uintptr_t)v;
			break;
		}
		case R_MAP:
			p = new_map(r->val * page_size());
			if (!p)
				return fail(err, size, "mmap for %s: %s", r->text, strerror(errno));
			c->word[i] = (uintptr_t)p + r->off;
			break;
		case R_BUF: {
			/* The bytes end where a page without access begins: overruns fault. */
			size_t len = (r->val + page_size() - 1) / page_size() * page_size();
			char *b = new_map(len + page_size());

			if (!b)
				return fail(err, size, "mmap for %s: %s", r->text, strerror(errno));
			if (mprotect(b + len, page_size(), PROT_NONE))
				return fail(err, size, "mprotect for %s: %s", r->text, strerror(errno));
			c->word[i] = (uintptr_t)(b + len - r->val);
			break;
		}
		case R_HOLE: {
			size_t len = r->val * page_size();
			void *h = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

			if (h == MAP_FAILED || munmap(h, len))
				return fail(err, size, "making %s: %s", r->text, strerror(errno));
			c->word[i] = (uintptr_t)h;
			break;
		}
		}
	}
	return 0;
}

int rcall_build(struct rcall *c, char *err, size_t size)
{
	nmaps = 0;
	arena_used = 0;
	for (int phase = 0; phase <= 5; phase++)
		if (build_phase(c, phase, err, size))
			return -1;
	return 0;
}

void rcall_release(void)
{
	for (int i = 0; i < nmaps; i++)
		munmap(maps[i].addr, maps[i].len);
	nmaps = 0;
}

void rcall_format(const struct rcall *c, char *out, size_t size)
{
	size_t len = 0;

	out[0] = 0;
	for (int i = 0; i < NARGS && len < size; i++)
		len += snprintf(out + len, size - len, "%s%s", i ? "," : "", c->r[i]->text);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One syscall call per case, for kapi_cases (selftests/kapi_cases.c): what the call is, the
 * errno it must fail with (or success), and exactly which reports the validator must make.
 *
 * Each case runs in a fresh child process (so its fds, mappings, limits and signal handlers
 * die with it), with its own empty working directory on a tmpfs with user xattrs, an alarm of
 * 10 s, and the trace buffer cleared just before the child starts. After the child exits, every
 * kapi_violation event in the buffer (from any task) is compared with the expected reports.
 */
#ifndef KAPI_CASES_H
#define KAPI_CASES_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Flags of a case. */
#define KC_NOBODY 0x1	/* run as uid/gid 65534 with no supplementary groups */
#define KC_EXECS  0x2	/* a successful call does not return (execve): the child's exit
			 * status 0 without returning from run() counts as success */

struct kcase {
	/* The spec the case is about ("read"); the case is skipped when it is not built in. */
	const char *syscall;
	/* What the call is, as a reader would write it: "read(-1, buf, 16)". */
	const char *call;
	/*
	 * Sets things up and makes the call with syscall(2), returning its result (-1 with errno
	 * set on failure). Runs in the child. Setup failures: call kc_die().
	 */
	long (*run)(void);
	/* The errno the call must fail with (EBADF), or 0: it must succeed. */
	int err;
	/*
	 * The validator's reports, exactly and in order, as "kind:param" words separated by one
	 * space ("arg:fd", "arg:flags arg:fd", "oracle_errno:flags"; "undeclared_errno" and
	 * "bad_success" have no param), or "" for none.
	 */
	const char *reports;
	int flags;
};

/* A case group: one per file of selftests/cases/, listed in kapi_cases.c. */
struct kgroup {
	const char *name;
	const struct kcase *cases;
	size_t n;
};

/* Defines the group kc_group_<name> (a prefix: a group may be named after a libc function). */
#define KC_GROUP(name_, arr_) \
	const struct kgroup kc_group_##name_ = { #name_, arr_, sizeof(arr_) / sizeof((arr_)[0]) }

/* Helpers for run() functions (in kapi_cases.c). */

/* Prints "setup failed: <what>: <strerror(errno)>" and exits the child with status 99. */
__attribute__((noreturn)) void kc_die(const char *what);
/* A fresh private anonymous read-write mapping of n pages (n >= 1). */
void *kc_pages(size_t n);
/* A page-aligned address with nothing mapped in the n pages from it. */
void *kc_hole(size_t n);
/* Creates ./name (in the case's own directory) holding len bytes of 'x'; returns an O_RDWR fd. */
int kc_file(const char *name, size_t len);
/* Sets an RLIMIT to soft = hard = v. */
void kc_rlimit(int resource, rlim_t v);
/*
 * Installs a handler (doing nothing, without SA_RESTART) for SIGALRM and arms a timer of ms
 * milliseconds: a blocking call made next is interrupted and fails with EINTR.
 */
void kc_interrupt_after(int ms);
/* Page size. */
long kc_page_size(void);
/*
 * A sysctl file (/proc/sys/...) set for the length of a call: kc_sysctl_set() writes val and
 * keeps the file open with its old value, kc_sysctl_restore() writes that back (keeping errno)
 * and closes it. Restoring allocates no struct file, so it works while fs.file-max is 0.
 */
struct kc_sysctl {
	int fd;
	char old[64];
};
void kc_sysctl_set(struct kc_sysctl *s, const char *path, const char *val);
void kc_sysctl_restore(struct kc_sysctl *s);

/* Unmounts ./dir (MNT_DETACH) and returns r, errno as it was (the call's result is taken). */
long kc_unmounting(const char *dir, long r);
/*
 * ENFILE: fs.file-max is lowered to 0 (with 1 the per-CPU file count may still read 0, below the
 * limit) and fn() runs in a child as nobody (root has CAP_SYS_ADMIN, which ignores the limit);
 * the limit is restored before returning. Returns fn()'s result (-1 with its errno, or 0).
 */
long kc_with_file_max_0(long (*fn)(void));
/*
 * Drops (drop = 1) the capabilities in mask (bits of CAP_* below 32) from the effective set of
 * the root child, or raises the effective set back to the permitted one (drop = 0).
 */
void kc_caps_effective(int drop, unsigned int mask);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the guest runners that make syscalls against the validator share: kapi_cases (the
 * hand-written cases), kapi_conform (the spec-generated cases) and kapi_fuzz (the fuzz pools).
 *
 * - Record files (kapi_cases.txt, kapi_fuzz.txt, the fuzz allow list): lines read one at a
 *   time, comments and blank lines skipped, split at TABs, and a bad record an error that
 *   names the file and line.
 * - The validator: its control files, whether a syscall's spec is built in, and its reports
 *   in the trace buffer reduced to "kind:param" words, the form the cases expect them in.
 * - The child that makes a call: the shared page it reports in, the tmpfs its working
 *   directory is on, stdio on /dev/null, SIGALRM that interrupts a blocked call, and the
 *   parent's fork and wait.
 *
 * Errors of the harness itself (no trace buffer, fork fails) exit with status 2, the runners'
 * status for "could not test", after a message on stderr.
 */
#ifndef KAPI_HARNESS_H
#define KAPI_HARNESS_H

#include <stddef.h>
#include <sys/types.h>

#define DBG "/sys/kernel/debug/kapi_validator"
#define TRACING "/sys/kernel/tracing"
#define TRACE TRACING "/trace"

/* ---- record files ------------------------------------------------------------------------ */

/*
 * Opens path for records_next(); exits with status 2 if it cannot. One file at a time: the
 * position (for records_line() and records_bad()) is that of the last one opened.
 */
void records_open(const char *path);

/*
 * The next line of the file that is neither blank (blanks and TABs only) nor a comment ('#'
 * first), without its line end; NULL at the end of the file, which is then closed. The line
 * lives until the next call: keep a copy of what you keep.
 */
char *records_next(void);

/*
 * The next record, split at TABs into at most max fields of f (the last one keeps the rest);
 * returns how many, 0 at the end of the file. The fields live on, in a copy of the line.
 */
int records_fields(char **f, int max);

/* The line number of the line read last. */
int records_line(void);

/*
 * A bad record: "PROGRAM: FILE:LINE: message" on stderr, exit status 2, so that a broken file
 * stops the run before any call is made.
 */
__attribute__((noreturn, format(printf, 1, 2))) void records_bad(const char *fmt, ...);

/*
 * The array of the records read so far (n of them, room for *alloc, each size bytes) with room
 * for one more: doubled when full. Out of memory is records_bad().
 */
void *records_grow(void *array, int n, int *alloc, size_t size);

/* ---- the validator ----------------------------------------------------------------------- */

/*
 * Reads the file at path into buf (at most size - 1 bytes, NUL-terminated); returns the
 * length, or -1 if it cannot be opened.
 */
ssize_t read_all(const char *path, char *buf, size_t size);

/* The first line of a control file is "1"? */
int is_on(const char *path);

/* Is the spec of syscall name built into the module (DBG/specs/NAME)? */
int have_spec(const char *name);

/*
 * From the text of the statistics table (DBG/stats: a header line naming the columns, then one
 * line per syscall), the columns cols[0..n) of syscall name's line into out[0..n): -1 for a
 * column the header does not name. Returns 0, or -1 (every out[] -1) if the table has no line
 * for name. The table is not changed.
 */
int stats_row(const char *table, const char *name, const char *const cols[], int n, long out[]);

/* Empties the trace buffer, so that what is in it afterwards was reported since. */
void trace_clear(void);

/*
 * The reports in the trace buffer as "kind:param" words ("kind" alone for a report without a
 * param), in the order made, separated by sep, into out; none as the text none. Whole words
 * only: the words that do not fit into size are left out, from the first that does not on.
 */
void trace_reports(char *out, size_t size, char sep, const char *none);

/* The name of errno e ("EINVAL"), "success" for 0, "?" for one without a name. */
const char *errname(int e);

/* ---- the child that makes a call -------------------------------------------------------- */

/* A page shared by the parent and the children it forks after (what a child tells it). */
void *shared_alloc(size_t size);

/*
 * Mounts a tmpfs of our own on dir (made if missing), named after dir's last component: user
 * xattrs for the calls, and nothing left behind after the run. Returns mount()'s result.
 */
int work_tmpfs(const char *dir);

/* Makes dir (it may exist already); exits with status 2 if it cannot. */
void work_dir(const char *dir);

/*
 * Makes SIGALRM interrupt what the process is blocked in (a handler without SA_RESTART: the
 * call fails with EINTR) rather than end it. Returns sigaction()'s result.
 */
int alarm_interrupts(void);

/*
 * Puts descriptors 0-2 on /dev/null: a call may write to fd 1, or exec a program that does,
 * and must not write into our TAP. Returns 0, or -1 with errno set.
 */
int stdio_to_null(void);

/*
 * Forks the child of one call, the trace buffer cleared just before, so that its reports are
 * all there is in it (the parent makes only valid calls until it reads them). Returns the
 * child's pid, 0 in the child; a failed fork exits with status 2.
 */
pid_t child_start(void);

/*
 * Waits for the child pid, its wait status into *status. With watchdog_s, a child still
 * running after that many seconds (a call its own alarm cannot interrupt) is killed; that
 * needs alarm_interrupts() in the parent. A failed wait exits with status 2.
 */
void child_wait(pid_t pid, int *status, unsigned int watchdog_s);

#endif

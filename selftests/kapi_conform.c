// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_conform: the spec-generated conformance cases (kapi_cases.txt, written by `kapi cases`)
 * against the validator, as KTAP.
 *
 *   kapi_conform CASES_FILE
 *
 * A record per line, fields separated by one TAB; '#' starts a comment line:
 *
 *   case NAME SYSCALL NR A0 A1 A2 A3 A4 A5 REPORTS OUTCOME WHY
 *   skip NAME REASON
 *
 * A0..A5 are argument recipes (recipes.h). REPORTS are the validator's reports the call must
 * make, exactly and in order, as comma-separated kind:param words ("arg:flags,arg:len"; a kind
 * without a param alone), or '-' for none. OUTCOME is any, fail, ok, or errno:EINVAL|EBADF.
 *
 * The whole file is read and checked first: a bad record is an error naming the file and line,
 * exit status 2, before any test runs. Then, for each case: the trace buffer is cleared, a
 * child enters a fresh directory on our tmpfs (user xattrs), creates the fixtures its recipes
 * need, builds the argument words, arms a 10 s alarm (no SA_RESTART: a blocked call fails with
 * EINTR) and makes the call with syscall(2); it tells the parent the result in a shared page.
 * The parent reduces every kapi_violation event in the buffer to kind:param words and checks
 * them and the result against the case. A case whose syscall has no spec built in is skipped.
 *
 * The module must be loaded and enabled, and the kapi_violation trace event enabled
 * (kapi_conform.sh does both). The parent makes only valid calls between clearing the buffer
 * and reading it, so every report there is the child's.
 *
 * Output (KTAP v1, with kselftest.h): "KTAP version 1", "1..N", then per record
 * "ok N NAME #  EINVAL arg:flags; WHY" (the result and the reports), "ok N NAME # SKIP REASON",
 * or "not ok N NAME" followed by "# WHY (FILE:LINE)", "# want ...", "# got ..." and the argument
 * words; then a summary line "# kapi_conform: N cases, N passed, N failed, N skipped; calls per
 * syscall: read=12 ..." and kselftest's "# Totals:".
 *
 * Exit status: 0 if no case failed, 1 if one did, 2 on a bad file or a missing precondition.
 */
#define _GNU_SOURCE
#include "harness.h"
#include "recipes.h"
#include "kselftest.h"
#include "kapi_report_format.h"	/* generated: the report line's markers and keys */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define WORK "/tmp/kapi-conform"
/* The child's alarm, and the parent's bound on a child that the alarm cannot stop. */
#define ALARM_S 10
#define WATCHDOG_S 30
/* The exit status of a child whose setup failed (its message is in the shared page). */
#define SETUP_FAILED 99

enum outcome { O_ANY, O_FAIL, O_OK, O_ERRNO };

struct kcase {
	int skip;		/* a skip record: only name and why */
	int line;
	char *name, *syscall, *why;
	long nr;
	struct recipe args[NARGS];
	char *reports;		/* as the file writes them, '-' for none */
	char *outcome_text;
	enum outcome outcome;
	int errnos[32];
	int nerrnos;
};

/* What the child tells the parent. */
struct result {
	int entered;		/* the child is making the call */
	int returned;		/* the call returned */
	long ret;
	int err;
	uint64_t word[NARGS];
	char msg[256];		/* why the setup failed */
};
static struct result *res;

static struct kcase *cases;
static int ncases;

static const char *file;

static int errno_by_name(const char *name)
{
	for (int e = 1; e < 4096; e++) {
		const char *n = strerrorname_np(e);

		if (n && !strcmp(n, name))
			return e;
	}
	return 0;
}

/* The kinds of the report line (KAPI_KINDS, blank-separated): is kind one of them? */
static int known_kind(const char *kind, size_t len)
{
	const char *k = KAPI_KINDS;

	while (*k) {
		size_t n = strcspn(k, " ");

		if (n == len && !strncmp(k, kind, len))
			return 1;
		k += n;
		k += strspn(k, " ");
	}
	return 0;
}

static void parse_reports(char *s)
{
	if (!strcmp(s, "-"))
		return;
	for (char *w = s; *w;) {
		size_t n = strcspn(w, ",");
		size_t k = strcspn(w, ":,");

		if (!n || !known_kind(w, k))
			records_bad("REPORTS '%s': '%.*s' is not a kind of " KAPI_KINDS, s, (int)n,
				    w);
		if (k < n && (k + 1 == n || strspn(w + k + 1, "abcdefghijklmnopqrstuvwxyz"
					    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != n - k - 1))
			records_bad("REPORTS '%s': bad param in '%.*s'", s, (int)n, w);
		w += n;
		if (*w == ',' && !*++w)
			records_bad("REPORTS '%s' ends with a comma", s);
	}
}

static void parse_outcome(struct kcase *c, char *s)
{
	c->outcome_text = s;
	if (!strcmp(s, "any")) {
		c->outcome = O_ANY;
	} else if (!strcmp(s, "fail")) {
		c->outcome = O_FAIL;
	} else if (!strcmp(s, "ok")) {
		c->outcome = O_OK;
	} else if (!strncmp(s, "errno:", 6)) {
		char *copy = strdup(s + 6), *save, *name;

		c->outcome = O_ERRNO;
		for (name = strtok_r(copy, "|", &save); name; name = strtok_r(NULL, "|", &save)) {
			int e = errno_by_name(name);

			if (!e)
				records_bad("OUTCOME '%s': unknown errno name '%s'", s, name);
			if (c->nerrnos == (int)(sizeof(c->errnos) / sizeof(c->errnos[0])))
				records_bad("OUTCOME '%s': too many errnos", s);
			c->errnos[c->nerrnos++] = e;
		}
		free(copy);
		if (!c->nerrnos)
			records_bad("OUTCOME '%s' names no errno", s);
	} else {
		records_bad("unknown OUTCOME '%s' (any, fail, ok or errno:NAME|NAME...)", s);
	}
}

static void parse_file(void)
{
	char *f[13];
	int n, alloc = 0;

	records_open(file);
	while ((n = records_fields(f, 13))) {
		char err[256];
		struct kcase *c;

		cases = records_grow(cases, ncases, &alloc, sizeof(*cases));
		c = &cases[ncases];
		memset(c, 0, sizeof(*c));
		c->line = records_line();
		if (!strcmp(f[0], "skip")) {
			if (n < 3)
				records_bad("a skip record has 3 fields (skip NAME REASON), this one %d",
					    n);
			c->skip = 1;
			c->name = f[1];
			c->why = f[2];
		} else if (!strcmp(f[0], "case")) {
			char *end;

			if (n < 13)
				records_bad("a case record has 13 fields (case NAME SYSCALL NR A0..A5 REPORTS OUTCOME WHY), this one %d",
					    n);
			c->name = f[1];
			c->syscall = f[2];
			c->nr = strtol(f[3], &end, 10);
			if (!*f[3] || *end || c->nr < 0)
				records_bad("bad syscall number '%s'", f[3]);
			if (!*c->syscall || strchr(c->syscall, '/'))
				records_bad("bad syscall name '%s'", c->syscall);
			for (int i = 0; i < NARGS; i++)
				if (recipe_parse(f[4 + i], 0, &c->args[i], err, sizeof(err)))
					records_bad("A%d: %s", i, err);
			c->reports = f[10];
			parse_reports(c->reports);
			parse_outcome(c, f[11]);
			c->why = f[12];
		} else {
			records_bad("unknown record '%s' (case or skip)", f[0]);
		}
		if (!*c->name || strpbrk(c->name, " "))
			records_bad("bad case name '%s'", c->name);
		for (int i = 0; i < ncases; i++)
			if (!strcmp(cases[i].name, c->name))
				records_bad("case name '%s' also on line %d", c->name,
					    cases[i].line);
		ncases++;
	}
}

/* ---- running ---------------------------------------------------------------------------- */

/* The child: fixtures, arguments, the call. Never returns. */
static void child(const struct kcase *c, const char *dir)
{
	struct rcall call;
	unsigned int need = 0;
	long r;

	if (stdio_to_null()) {
		snprintf(res->msg, sizeof(res->msg), "/dev/null: %s", strerror(errno));
		_exit(SETUP_FAILED);
	}
	if (chdir(dir)) {
		snprintf(res->msg, sizeof(res->msg), "chdir %s: %s", dir, strerror(errno));
		_exit(SETUP_FAILED);
	}
	for (int i = 0; i < NARGS; i++) {
		call.r[i] = &c->args[i];
		need |= recipe_needs(&c->args[i]);
	}
	if (recipes_fixtures(need, res->msg, sizeof(res->msg)) ||
	    rcall_build(&call, res->msg, sizeof(res->msg)))
		_exit(SETUP_FAILED);
	memcpy(res->word, call.word, sizeof(res->word));
	if (alarm_interrupts()) {
		snprintf(res->msg, sizeof(res->msg), "sigaction: %s", strerror(errno));
		_exit(SETUP_FAILED);
	}
	alarm(ALARM_S);
	res->entered = 1;
	errno = 0;
	r = syscall(c->nr, call.word[0], call.word[1], call.word[2], call.word[3], call.word[4],
		    call.word[5]);
	res->err = r == -1 ? errno : 0;
	res->ret = r;
	res->returned = 1;
	_exit(0);
}


/* Cases run per syscall, in the order of their first case, for the summary. */
static struct {
	const char *name;
	int n;
} calls[512];
static int ncalls;

static void count_call(const char *name)
{
	int i;

	for (i = 0; i < ncalls; i++)
		if (!strcmp(calls[i].name, name))
			break;
	if (i == ncalls) {
		if (ncalls == (int)(sizeof(calls) / sizeof(calls[0])))
			return;
		calls[ncalls++].name = name;
	}
	calls[i].n++;
}

static int outcome_ok(const struct kcase *c, int err)
{
	switch (c->outcome) {
	case O_ANY:
		return 1;
	case O_FAIL:
		return err != 0;
	case O_OK:
		return err == 0;
	case O_ERRNO:
		for (int i = 0; i < c->nerrnos; i++)
			if (c->errnos[i] == err)
				return 1;
	}
	return 0;
}

static void run_case(struct kcase *c, int index)
{
	char dir[64], got[1024], outcome[320];
	int status, result_ok;
	pid_t pid;

	if (c->skip || !have_spec(c->syscall)) {
		if (c->skip)
			ksft_test_result_code(KSFT_SKIP, c->name, "%s", c->why);
		else
			ksft_test_result_code(KSFT_SKIP, c->name, "no %s spec built in", c->syscall);
		return;
	}
	count_call(c->syscall);
	snprintf(dir, sizeof(dir), WORK "/%d", index);
	work_dir(dir);
	memset(res, 0, sizeof(*res));
	pid = child_start();
	if (pid == 0)
		child(c, dir);
	/* A call the alarm cannot interrupt: killed after WATCHDOG_S. */
	child_wait(pid, &status, WATCHDOG_S);
	trace_reports(got, sizeof(got), ',', "-");

	if (res->returned) {
		result_ok = outcome_ok(c, res->err);
		if (res->err)
			snprintf(outcome, sizeof(outcome), "%s", errname(res->err));
		else
			snprintf(outcome, sizeof(outcome), "success");
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == SETUP_FAILED && !res->entered) {
		result_ok = 0;
		snprintf(outcome, sizeof(outcome), "setup failed: %s", res->msg);
	} else if (WIFEXITED(status) && res->entered) {
		/* The call did not return but the process exited normally: execve() succeeded. */
		result_ok = c->outcome == O_ANY || c->outcome == O_OK;
		snprintf(outcome, sizeof(outcome), "success (did not return; exit status %d)",
			 WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		result_ok = 0;
		snprintf(outcome, sizeof(outcome), "child killed by SIG%s%s",
			 sigabbrev_np(WTERMSIG(status)) ?: "?",
			 WTERMSIG(status) == SIGKILL ? " (watchdog: the call did not return)" : "");
	} else {
		result_ok = 0;
		snprintf(outcome, sizeof(outcome), "child exited %d without making the call",
			 WEXITSTATUS(status));
	}
	if (result_ok && !strcmp(got, c->reports)) {
		ksft_test_result_code(KSFT_PASS, c->name, "%s %s; %s", outcome, got, c->why);
	} else {
		ksft_test_result_code(KSFT_FAIL, c->name, NULL);
		ksft_print_msg("%s (%s:%d)\n", c->why, file, c->line);
		ksft_print_msg("want %s, reports %s\n", c->outcome_text, c->reports);
		ksft_print_msg("got  %s, reports %s\n", outcome, got);
		if (res->entered)
			ksft_print_msg("words 0x%llx 0x%llx 0x%llx 0x%llx 0x%llx 0x%llx\n",
			       (unsigned long long)res->word[0], (unsigned long long)res->word[1],
			       (unsigned long long)res->word[2], (unsigned long long)res->word[3],
			       (unsigned long long)res->word[4], (unsigned long long)res->word[5]);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: kapi_conform CASES_FILE\n");
		return 2;
	}
	file = argv[1];
	setvbuf(stdout, NULL, _IOLBF, 0);
	parse_file();

	if (!is_on(DBG "/enabled")) {
		fprintf(stderr, "kapi_conform: the validator is not loaded and enabled (" DBG
			"/enabled); kapi_conform.sh does that\n");
		return 2;
	}
	if (!is_on(TRACING "/events/" KAPI_TRACE_EVENT "/enable")) {
		fprintf(stderr, "kapi_conform: the trace event " KAPI_TRACE_EVENT
			" is not enabled; kapi_conform.sh does that\n");
		return 2;
	}
	res = shared_alloc(sizeof(*res));
	/* The parent's alarm only interrupts waitpid(): the watchdog. */
	if (alarm_interrupts()) {
		perror("sigaction");
		return 2;
	}
	if (work_tmpfs(WORK)) {
		perror("mount tmpfs on " WORK);
		return 2;
	}

	/* KTAP v1 (kselftest.h's header line says TAP 13). */
	printf("KTAP version 1\n");
	ksft_set_plan(ncases);
	for (int i = 0; i < ncases; i++)
		run_case(&cases[i], i);
	umount2(WORK, MNT_DETACH);
	printf("# kapi_conform: %d cases, %d passed, %d failed, %d skipped; calls per syscall:",
	       ncases, ksft_get_pass_cnt(), ksft_get_fail_cnt(), ksft_get_xskip_cnt());
	for (int i = 0; i < ncalls; i++)
		printf(" %s=%d", calls[i].name, calls[i].n);
	printf("\n");
	ksft_finished();
}

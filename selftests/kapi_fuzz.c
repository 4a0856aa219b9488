// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_fuzz: oracle fuzzing of the spec'd syscalls from argument pools (kapi_fuzz.txt, written
 * by `kapi cases`), seeded and reproducible.
 *
 *   kapi_fuzz [-v] [--only a,b] [--allow FILE] POOLS SEED CALLS
 *   kapi_fuzz [-v] [--allow FILE] --replay SYSCALL:INDEX POOLS SEED
 *
 * POOLS has a record per line, fields separated by one TAB, '#' comment lines:
 *
 *   fuzz SYSCALL NR P0 P1 P2 P3 P4 P5
 *   nofuzz SYSCALL REASON
 *
 * Pn is the pool of argument n: recipes (recipes.h) separated by single blanks. Each argument
 * of a call is drawn uniformly from its pool. CALLS calls in all are spread evenly over the
 * fuzzable syscalls (those of --only, and whose spec is built in).
 *
 * Reproducible: call i of a syscall draws its recipes (and the words of rand, rand32) from a
 * generator seeded by a hash of (SEED, syscall, i) alone, so any call can be made again by
 * itself (--replay SYSCALL:INDEX). Pointers and descriptors are made fresh for every call.
 *
 * Calls run in child processes, in batches of BATCH calls of one syscall per child, each child
 * in a fresh directory of our tmpfs with the fixtures its pools need, stdio on /dev/null (a
 * call may write to fd 1), SIGPIPE ignored. Each call is interrupted by a one-shot timer after
 * INTERRUPT_MS (SIGALRM without SA_RESTART): a call that would block fails with EINTR. A call
 * may kill its child (munmap of the child's text, MAP_FIXED over its stack, ...): the parent
 * knows from a shared page which call the child was making, counts it, and goes on with a new
 * child from the next call; a child that stops making progress for WATCHDOG_S is killed.
 *
 * The oracle: after each batch the parent compares the syscall's undeclared_errno, bad_success,
 * oracle_errno and oracle_success counters (/sys/kernel/debug/kapi_validator/stats) with
 * before. If one grew, each call of the batch is replayed alone in its own child, the counters
 * read around it, and each call that made one is printed as a reproducer:
 *
 *   # DISAGREE SYSCALL kind=KIND args=RECIPE,... words=0x..,... seed=S index=I
 *   #   <the report line, from the trace buffer, when the trace event is enabled>
 *
 * A disagreement fails the run unless --allow FILE allows it: lines "SYSCALL KIND PARAM
 * REASON..." ('#' comments), matched on the syscall, kind and param ('-' for none) of the
 * report line.
 *
 * Output: per syscall "fuzz SYSCALL calls=N ok=N EXXX=N ..." (the calls made and their results;
 * SIGXXX=N for calls that killed their child, exit=N for ones after which it exited without
 * returning (execve), lost=N for calls whose record a later call wiped, replayed=N for the calls
 * made again alone), then "# kapi_fuzz: child deaths: ..." (by cause) and last "# kapi_fuzz:
 * seed=S calls=N children=N child_deaths=N disagreements=N allowed=N seconds=N". With -v,
 * every call, after its batch: "call SYSCALL INDEX RECIPES WORDS = RESULT", and why each child
 * died that was not killed by its call.
 *
 * Within a batch, the calls share the child: its fixtures (a call may truncate ./f or set an
 * xattr on it) and descriptors 0-2 (on /dev/null; close(1) stays closed for the next call). A
 * disagreement that depends on such state is reported as "not reproduced alone".
 *
 * Exit status: 0, 1 if a disagreement was not allowed, 2 on a bad pool file or a harness
 * failure (a fixture that cannot be made in a fresh child).
 */
#define _GNU_SOURCE
#include "harness.h"
#include "recipes.h"
#include "kapi_report_format.h"	/* generated: the report line's markers and keys */

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STATS DBG "/stats"
#define WORK "/tmp/kapi-fuzz"

/* Calls of one syscall per child: a fork per BATCH calls, and the stats read twice per batch. */
#define BATCH 100
/*
 * The one-shot timer of each call. Short, because calls that block (a read of an empty socket,
 * epoll_wait with a long timeout) are common in the pools and each costs this much; long
 * enough that a call which merely takes time under TCG is not cut short (and only calls that
 * wait are interrupted by a signal that is handled).
 */
#define INTERRUPT_MS 20
/* A child that makes no progress for this long is killed (a call the timer cannot interrupt). */
#define WATCHDOG_S 10
/* Where the shared page goes: 8 TiB below the top of the address space, far from the rest. */
#define SHARED_AT ((void *)0x7e0000000000UL)
/* The exit status of a child whose setup failed (the message is in the shared page). */
#define SETUP_FAILED 99
#define NERR 256

/* The disagreement counters of the stats table, by column name. */
enum { UNDECLARED, BAD_SUCCESS, ORACLE_ERRNO, ORACLE_SUCCESS, NKINDS };
static const char *const kinds[NKINDS] = {
	"undeclared_errno", "bad_success", "oracle_errno", "oracle_success",
};

struct fsys {
	char *name;
	long nr;
	int line;
	int fuzz;		/* a fuzz record (else nofuzz, with reason) */
	int selected;		/* fuzzed in this run */
	char *reason;
	struct recipe *pool[NARGS];
	int npool[NARGS];
	unsigned int need;	/* fixtures (NEED_*) */
	unsigned long target;	/* calls to make */
	unsigned long made, ok, replayed, errs[NERR], sigs[65], exits, lost;
};

static struct fsys *sys;
static int nsys;

/* The child's state of one call, in the shared page. */
enum { S_NONE, S_BUILDING, S_ENTERED, S_RETURNED, S_SETUP_FAILED };
struct slot {
	int state;
	long ret;
	int err;
	uint64_t word[NARGS];
};
static struct shared {
	struct slot slot[BATCH];
	char msg[256];		/* why a setup failed */
} *sh;

static uint64_t seed;
static int verbose;
static int replay_only;		/* --replay: the one call, printed */
static int have_stats, have_trace;
static unsigned long children, deaths, disagreements, allowed;
/* Why children died: in a call, after one, building the next call's arguments, by the watchdog. */
static unsigned long died_in_call, died_after, died_building, watchdog_kills;

/* ---- pools and allow list ---------------------------------------------------------------- */

__attribute__((noreturn, format(printf, 1, 2))) static void die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "kapi_fuzz: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void parse_pool(struct fsys *s, int arg, char *text)
{
	char err[256], *save, *w;
	int n = 1;

	if (!*text || text[0] == ' ' || text[strlen(text) - 1] == ' ' || strstr(text, "  "))
		records_bad("P%d: the pool '%s' must be recipes separated by single blanks", arg,
			    text);
	for (const char *p = text; *p; p++)
		n += *p == ' ';
	s->pool[arg] = calloc(n, sizeof(struct recipe));
	for (w = strtok_r(text, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		struct recipe *r = &s->pool[arg][s->npool[arg]++];

		if (recipe_parse(w, RECIPE_FUZZ, r, err, sizeof(err)))
			records_bad("P%d: %s", arg, err);
		s->need |= recipe_needs(r);
	}
}

static void parse_pools(const char *path)
{
	char *f[9];
	int n, alloc = 0;

	records_open(path);
	while ((n = records_fields(f, 9))) {
		struct fsys *s;
		char *end;

		sys = records_grow(sys, nsys, &alloc, sizeof(*sys));
		s = &sys[nsys];
		memset(s, 0, sizeof(*s));
		s->line = records_line();
		if (!strcmp(f[0], "nofuzz")) {
			if (n < 3)
				records_bad("a nofuzz record has 3 fields (nofuzz SYSCALL REASON), this one %d",
					    n);
			s->name = f[1];
			s->reason = f[2];
		} else if (!strcmp(f[0], "fuzz")) {
			if (n != 9)
				records_bad("a fuzz record has 9 fields (fuzz SYSCALL NR P0..P5), this one %d",
					    n);
			s->fuzz = 1;
			s->name = f[1];
			s->nr = strtol(f[2], &end, 10);
			if (!*f[2] || *end || s->nr < 0)
				records_bad("bad syscall number '%s'", f[2]);
			for (int i = 0; i < NARGS; i++)
				parse_pool(s, i, f[3 + i]);
		} else {
			records_bad("unknown record '%s' (fuzz or nofuzz)", f[0]);
		}
		if (!*s->name || strpbrk(s->name, " /"))
			records_bad("bad syscall name '%s'", s->name);
		for (int i = 0; i < nsys; i++)
			if (!strcmp(sys[i].name, s->name))
				records_bad("%s also on line %d", s->name, sys[i].line);
		nsys++;
	}
}

struct allow {
	char *syscall, *kind, *param, *reason;
};
static struct allow *allows;
static int nallows;

static void parse_allow(const char *path)
{
	char *line;

	records_open(path);
	while ((line = records_next())) {
		char sc[64], kind[32], param[64];
		struct allow *a;
		int at = 0, ok = 0;

		/* Here a comment may be indented. */
		if (line[strspn(line, " \t")] == '#')
			continue;
		if (sscanf(line, "%63s %31s %63s %n", sc, kind, param, &at) != 3 || !line[at])
			records_bad("an allowed finding is 'SYSCALL KIND PARAM REASON...'");
		for (int k = 0; k < NKINDS; k++)
			ok |= !strcmp(kind, kinds[k]);
		if (!ok)
			records_bad("'%s' is not a kind of " KAPI_DISAGREEMENT_KINDS, kind);
		allows = realloc(allows, (nallows + 1) * sizeof(*allows));
		a = &allows[nallows++];
		a->syscall = strdup(sc);
		a->kind = strdup(kind);
		a->param = strdup(param);
		a->reason = strdup(line + at);
	}
}

/* The allow entry of a finding (param NULL: not known, matches none but kinds without one). */
static const struct allow *allowed_by(const char *sc, const char *kind, const char *param)
{
	if (!param && (!strcmp(kind, "undeclared_errno") || !strcmp(kind, "bad_success")))
		param = KAPI_REPORT_NONE;
	for (int i = 0; param && i < nallows; i++)
		if (!strcmp(allows[i].syscall, sc) && !strcmp(allows[i].kind, kind) &&
		    !strcmp(allows[i].param, param))
			return &allows[i];
	return NULL;
}

/* ---- the calls ---------------------------------------------------------------------------- */

/* splitmix64: the generator of a call, and the hash that seeds it. */
static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Call i of s: its recipes and random words, from (seed, s->name, i) alone. */
static void draw(const struct fsys *s, unsigned long i, struct rcall *c)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a of the name */

	for (const char *p = s->name; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	h ^= seed;
	splitmix(&h);
	h ^= i;
	splitmix(&h);
	for (int a = 0; a < NARGS; a++) {
		c->r[a] = &s->pool[a][splitmix(&h) % s->npool[a]];
		c->rnd[a] = c->r[a]->kind == R_RAND || c->r[a]->kind == R_RAND32 ? splitmix(&h) : 0;
	}
}

__attribute__((noreturn, format(printf, 1, 2))) static void child_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sh->msg, sizeof(sh->msg), fmt, ap);
	va_end(ap);
	_exit(SETUP_FAILED);
}

/*
 * A child: calls from..to-1 of s (their state in sh->slot[i - first]), in dir. Never returns.
 */
static void child(const struct fsys *s, unsigned long first, unsigned long from, unsigned long to,
		  const char *dir)
{
	struct itimerval it = { .it_value = { 0, INTERRUPT_MS * 1000 } };

	/* Calls may write to any descriptor: stdio goes nowhere; nothing else is open. */
	if (stdio_to_null())
		child_fail("/dev/null: %s", strerror(errno));
	close_range(3, ~0U, 0);
	if (chdir(dir))
		child_fail("chdir %s: %s", dir, strerror(errno));
	if (recipes_fixtures(s->need, sh->msg, sizeof(sh->msg)))
		_exit(SETUP_FAILED);
	if (alarm_interrupts())
		child_fail("sigaction: %s", strerror(errno));
	for (unsigned long i = from; i < to; i++) {
		struct slot *sl = &sh->slot[i - first];
		struct rcall c;
		long r;

		sl->state = S_BUILDING;
		draw(s, i, &c);
		if (rcall_build(&c, sh->msg, sizeof(sh->msg))) {
			sl->state = S_SETUP_FAILED;
			_exit(SETUP_FAILED);
		}
		memcpy(sl->word, c.word, sizeof(sl->word));
		setitimer(ITIMER_REAL, &it, NULL);
		sl->state = S_ENTERED;
		r = syscall(s->nr, c.word[0], c.word[1], c.word[2], c.word[3], c.word[4], c.word[5]);
		sl->err = r == -1 ? errno : 0;
		sl->ret = r;
		sl->state = S_RETURNED;
		/* What the call made goes with it: the next call starts from the same state. */
		rcall_release();
		close_range(3, ~0U, 0);
	}
	_exit(0);
}

/* Removes dir and what is in it (the fixtures, files the calls created). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096 + 64];

	if (d) {
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			if (unlink(path) && (errno == EISDIR || errno == EPERM))
				remove_tree(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

/*
 * Runs calls from..to-1 of s in one child; returns its pid (for the trace lines), with its wait
 * status in *status. Slots are those of calls first.. .
 */
static pid_t run_child(const struct fsys *s, unsigned long first, unsigned long from,
		       unsigned long to, int *status)
{
	char dir[64];
	int still = 0, last = -1;
	pid_t pid, w;

	snprintf(dir, sizeof(dir), WORK "/%lu", children);
	if (mkdir(dir, 0755))
		die("mkdir %s: %s", dir, strerror(errno));
	children++;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0)
		child(s, first, from, to, dir);
	/*
	 * The watchdog: a second's alarm interrupts waitpid() (no SA_RESTART); a child whose
	 * progress (the slots' states) did not change for WATCHDOG_S is killed.
	 */
	for (;;) {
		alarm(1);
		w = waitpid(pid, status, 0);
		if (w == pid)
			break;
		if (errno != EINTR)
			die("waitpid: %s", strerror(errno));
		int progress = 0;

		for (unsigned long i = from; i < to; i++)
			progress += sh->slot[i - first].state;
		if (progress != last) {
			last = progress;
			still = 0;
		} else if (++still == WATCHDOG_S) {
			kill(pid, SIGKILL);
			watchdog_kills++;
		}
	}
	alarm(0);
	remove_tree(dir);
	return pid;
}

/* The disagreement counters of syscall name (zero without the stats file). */
static void read_stats(const char *name, unsigned long out[NKINDS])
{
	static char buf[1 << 16];
	long v[NKINDS];

	memset(out, 0, NKINDS * sizeof(out[0]));
	if (read_all(STATS, buf, sizeof(buf)) < 0)
		return;
	stats_row(buf, name, kinds, NKINDS, v);
	for (int k = 0; k < NKINDS; k++)
		out[k] = v[k] < 0 ? 0 : v[k];
}

static void count_call(struct fsys *s, const struct slot *sl, int status)
{
	s->made++;
	if (sl->state == S_RETURNED) {
		if (!sl->err)
			s->ok++;
		else if (sl->err < NERR)
			s->errs[sl->err]++;
	} else if (WIFSIGNALED(status) && WTERMSIG(status) < 65) {
		s->sigs[WTERMSIG(status)]++;
	} else {
		s->exits++;
	}
}

static void format_words(const uint64_t *w, char *out, size_t size)
{
	snprintf(out, size, "0x%llx,0x%llx,0x%llx,0x%llx,0x%llx,0x%llx",
		 (unsigned long long)w[0], (unsigned long long)w[1], (unsigned long long)w[2],
		 (unsigned long long)w[3], (unsigned long long)w[4], (unsigned long long)w[5]);
}

static void print_call(const struct fsys *s, unsigned long i, const struct slot *sl, int status)
{
	char args[512], words[160];
	struct rcall c;

	draw(s, i, &c);
	rcall_format(&c, args, sizeof(args));
	format_words(sl->word, words, sizeof(words));
	if (sl->state == S_RETURNED)
		printf("call %s %lu %s %s = %ld %s\n", s->name, i, args, words, sl->ret,
		       sl->err ? strerrorname_np(sl->err) ?: "?" : "");
	else if (WIFSIGNALED(status))
		printf("call %s %lu %s %s = killed by SIG%s\n", s->name, i, args, words,
		       sigabbrev_np(WTERMSIG(status)) ?: "?");
	else
		printf("call %s %lu %s %s = did not return (exit %d)\n", s->name, i, args, words,
		       WEXITSTATUS(status));
}

/* At most the children of a batch: one per call, and one retry per call (run_calls()). */
#define MAX_CHILDREN (2 * BATCH + 1)

/*
 * Runs calls first..first+n-1 of s in as many children as it takes; the calls' results are
 * in sh->slot[0..n-1] afterwards (S_NONE: not made), and for a call the child did not return
 * from (S_ENTERED), the child's wait status in cstatus[]. Returns the number of children,
 * their pids in pids[] (MAX_CHILDREN).
 */
static int run_calls(struct fsys *s, unsigned long first, unsigned long n, pid_t *pids,
		     int *cstatus)
{
	unsigned long from = first, end = first + n;
	int npids = 0;

	memset(sh, 0, sizeof(*sh));
	while (from < end) {
		unsigned long k;
		int status;

		pids[npids++] = run_child(s, first, from, end, &status);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
		    sh->slot[end - 1 - first].state == S_RETURNED)
			break;
		deaths++;
		/* The last call the child got to. */
		for (k = end; k > from && sh->slot[k - 1 - first].state == S_NONE; k--)
			;
		if (k == from) {
			die("%s: the child for calls %lu..%lu died before its first call (%s)", s->name,
			    from, end - 1, WIFEXITED(status) && WEXITSTATUS(status) == SETUP_FAILED ?
			    sh->msg : "no message");
		}
		k--;
		switch (sh->slot[k - first].state) {
		case S_BUILDING:
		case S_SETUP_FAILED:
			/*
			 * Its arguments could not be made: an earlier call of the child broke it
			 * (unmapped its heap, ...). Again in a fresh child; in one that fails too,
			 * the recipes cannot be made at all.
			 */
			if (k == from)
				die("%s call %lu: cannot build its arguments in a fresh child: %s",
				    s->name, k, sh->msg);
			if (verbose)
				printf("# kapi_fuzz: %s call %lu: the child died building its arguments (%s), again in a fresh child\n",
				       s->name, k, WIFSIGNALED(status) ? sigabbrev_np(WTERMSIG(status)) :
				       sh->msg);
			died_building++;
			sh->slot[k - first].state = S_NONE;
			from = k;
			break;
		case S_ENTERED:
			/* The call killed the child (or exec'd, or exited it). */
			died_in_call++;
			cstatus[k - first] = status;
			from = k + 1;
			break;
		default:
			/* S_RETURNED: it died after the call (in rcall_release(), say). */
			if (verbose)
				printf("# kapi_fuzz: %s call %lu: the child died after it (%s)\n", s->name,
				       k, WIFSIGNALED(status) ? sigabbrev_np(WTERMSIG(status)) : "exit");
			died_after++;
			from = k + 1;
		}
	}
	return npids;
}

/* The report lines of pid with a kind among kinds into lines (one per line, marker on). */
static int trace_lines(pid_t pid, const char *kind, char ***lines)
{
	FILE *fp;
	char *line = NULL, pidkey[32], kindkey[64];
	size_t cap = 0;
	int n = 0;

	*lines = NULL;
	if (!have_trace || !(fp = fopen(TRACE, "r")))
		return 0;
	snprintf(pidkey, sizeof(pidkey), " " KAPI_KEY_PID "%d ", (int)pid);
	snprintf(kindkey, sizeof(kindkey), " " KAPI_KEY_KIND "%s ", kind);
	while (getline(&line, &cap, fp) >= 0) {
		char *m = strstr(line, KAPI_TRACE_MARKER);

		if (!m || !strstr(m, pidkey) || !strstr(m, kindkey))
			continue;
		m += strlen(KAPI_TRACE_MARKER);
		m[strcspn(m, "\n")] = 0;
		*lines = realloc(*lines, (n + 1) * sizeof(char *));
		(*lines)[n++] = strdup(m);
	}
	free(line);
	fclose(fp);
	return n;
}

/* The param of a report line ("-" for none), into out. */
static const char *line_param(const char *line, char *out, size_t size)
{
	const char *p = strstr(line, " " KAPI_KEY_PARAM);
	char fmt[32];

	snprintf(fmt, sizeof(fmt), " " KAPI_KEY_PARAM "%%%zus", size - 1);
	if (!p || sscanf(p, fmt, out) != 1)
		return NULL;
	return out;
}

/* One finding: counted, allowed or not; prints its allowance. */
static void finding(const struct fsys *s, const char *kind, const char *line)
{
	char param[64];
	const struct allow *a = allowed_by(s->name, kind,
					   line ? line_param(line, param, sizeof(param)) : NULL);

	disagreements++;
	if (line)
		printf("#   %s\n", line);
	if (a) {
		allowed++;
		printf("#   allowed: %s\n", a->reason);
	}
}

/*
 * Makes call i of s alone, in its own child; prints and counts what it disagreed on, adding the
 * number of findings per kind to found[].
 */
static void replay(struct fsys *s, unsigned long i, unsigned long found[NKINDS])
{
	unsigned long before[NKINDS], after[NKINDS];
	char args[512], words[160];
	pid_t pids[MAX_CHILDREN];
	int cstatus[1] = { 0 };
	struct rcall c;

	read_stats(s->name, before);
	run_calls(s, i, 1, pids, cstatus);
	read_stats(s->name, after);
	if (replay_only) {
		print_call(s, i, &sh->slot[0], cstatus[0]);
		count_call(s, &sh->slot[0], cstatus[0]);
	}
	draw(s, i, &c);
	rcall_format(&c, args, sizeof(args));
	format_words(sh->slot[0].word, words, sizeof(words));
	for (int k = 0; k < NKINDS; k++) {
		unsigned long d = after[k] - before[k], j;
		char **lines;
		int nl;

		if (!d)
			continue;
		nl = trace_lines(pids[0], kinds[k], &lines);
		for (j = 0; j < d; j++) {
			printf("# DISAGREE %s kind=%s args=%s words=%s seed=%llu index=%lu\n", s->name,
			       kinds[k], args, words, (unsigned long long)seed, i);
			finding(s, kinds[k], (int)j < nl ? lines[j] : NULL);
		}
		found[k] += d;
		for (j = 0; (int)j < nl; j++)
			free(lines[j]);
		free(lines);
	}
}

/* A batch of calls first..first+n-1 of s, then the oracle. */
static void batch(struct fsys *s, unsigned long first, unsigned long n)
{
	unsigned long before[NKINDS], after[NKINDS], found[NKINDS] = { 0 }, grew = 0;
	static pid_t pids[MAX_CHILDREN];
	static int cstatus[BATCH];
	int np;

	read_stats(s->name, before);
	memset(cstatus, 0, sizeof(cstatus));
	np = run_calls(s, first, n, pids, cstatus);
	read_stats(s->name, after);
	for (unsigned long i = 0; i < n; i++) {
		if (sh->slot[i].state == S_NONE) {
			/*
			 * Made, but its record is gone: a call wrote over the shared page. Counted
			 * as made all the same, so the run goes on from the next index.
			 */
			printf("# kapi_fuzz: %s call %lu: its record was lost (a later call of the child wrote over the shared page)\n",
			       s->name, first + i);
			s->made++;
			s->lost++;
			continue;
		}
		count_call(s, &sh->slot[i], cstatus[i]);
		if (verbose)
			print_call(s, first + i, &sh->slot[i], cstatus[i]);
	}
	for (int k = 0; k < NKINDS; k++)
		grew += after[k] - before[k];
	if (!grew)
		return;

	/* Who disagreed: each call again, alone. */
	for (unsigned long i = 0; i < n; i++) {
		replay(s, first + i, found);
		s->replayed++;
	}
	/* Some did not happen again alone: what the batch's children reported, as it is. */
	for (int k = 0; k < NKINDS; k++) {
		unsigned long d = after[k] - before[k];

		if (d <= found[k])
			continue;
		printf("# DISAGREE %s kind=%s not reproduced alone: %lu of %lu in the calls %lu..%lu seed=%llu\n",
		       s->name, kinds[k], d - found[k], d, first, first + n - 1,
		       (unsigned long long)seed);
		for (int p = 0; p < np; p++) {
			char **lines;
			int nl = trace_lines(pids[p], kinds[k], &lines);

			for (int j = 0; j < nl; j++) {
				printf("#   %s\n", lines[j]);
				free(lines[j]);
			}
			free(lines);
		}
		/* Without knowing which report is which, none of them is allowed. */
		disagreements += d - found[k];
	}
}

static struct fsys *find_sys(const char *name)
{
	for (int i = 0; i < nsys; i++)
		if (!strcmp(sys[i].name, name))
			return &sys[i];
	return NULL;
}

static void usage(void)
{
	fprintf(stderr, "usage: kapi_fuzz [-v] [--only a,b] [--allow FILE] POOLS SEED CALLS\n"
			"       kapi_fuzz [-v] [--allow FILE] --replay SYSCALL:INDEX POOLS SEED\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *only = NULL, *allow = NULL, *rep = NULL;
	unsigned long calls = 0, total = 0;
	struct timespec t0, t1;
	int nfuzz = 0, a = 1;
	char *end;

	for (; a < argc && argv[a][0] == '-' && argv[a][1]; a++) {
		if (!strcmp(argv[a], "-v"))
			verbose = 1;
		else if (!strcmp(argv[a], "--only") && a + 1 < argc)
			only = argv[++a];
		else if (!strcmp(argv[a], "--allow") && a + 1 < argc)
			allow = argv[++a];
		else if (!strcmp(argv[a], "--replay") && a + 1 < argc)
			rep = argv[++a];
		else
			usage();
	}
	if (argc - a != (rep ? 2 : 3))
		usage();
	parse_pools(argv[a]);
	seed = strtoull(argv[a + 1], &end, 0);
	if (!*argv[a + 1] || *end)
		die("bad SEED '%s'", argv[a + 1]);
	if (!rep) {
		calls = strtoul(argv[a + 2], &end, 0);
		if (!*argv[a + 2] || *end)
			die("bad CALLS '%s'", argv[a + 2]);
	}
	if (allow)
		parse_allow(allow);
	setvbuf(stdout, NULL, _IOLBF, 0);
	have_stats = access(STATS, R_OK) == 0;
	have_trace = is_on(TRACING "/events/" KAPI_TRACE_EVENT "/enable");

	/* What to fuzz: --only's (each must be fuzzable), or all; with a spec built in. */
	if (rep) {
		char name[64];
		unsigned long idx;
		struct fsys *s;

		if (sscanf(rep, "%63[^:]:%lu", name, &idx) != 2)
			die("--replay wants SYSCALL:INDEX, not '%s'", rep);
		s = find_sys(name);
		if (!s || !s->fuzz)
			die("--replay: %s is not fuzzed in %s", name, argv[a]);
		only = strdup(name);
		(void)idx;
	}
	if (only) {
		char *copy = strdup(only), *save;

		for (char *n = strtok_r(copy, ",", &save); n; n = strtok_r(NULL, ",", &save)) {
			struct fsys *s = find_sys(n);

			if (!s)
				die("--only: %s is not in %s", n, argv[a]);
			if (!s->fuzz)
				die("--only: %s is not fuzzed: %s", n, s->reason);
			s->selected = 1;
		}
	} else {
		for (int i = 0; i < nsys; i++)
			sys[i].selected = sys[i].fuzz;
	}
	for (int i = 0; i < nsys; i++) {
		if (!sys[i].selected)
			continue;
		if (have_stats && !have_spec(sys[i].name)) {
			printf("# kapi_fuzz: %s: no spec built in, not fuzzed\n", sys[i].name);
			sys[i].selected = 0;
			continue;
		}
		nfuzz++;
	}
	if (!have_stats)
		printf("# kapi_fuzz: no %s (module not loaded): disagreements are not looked for\n", STATS);
	else if (!have_trace)
		printf("# kapi_fuzz: the trace event " KAPI_TRACE_EVENT
		       " is off: reproducers come without their report lines\n");

	/*
	 * The shared page far below where mmap() puts the children's mappings: a call on a range
	 * that runs past a fresh mapping (madvise(MADV_REMOVE) of map:4+4096 and 16 pages) would
	 * otherwise reach it and wipe the record of the calls.
	 */
	sh = mmap(SHARED_AT, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (sh == MAP_FAILED)
		sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		die("mmap: %s", strerror(errno));
	signal(SIGPIPE, SIG_IGN);
	if (alarm_interrupts())
		die("sigaction: %s", strerror(errno));
	/* A tmpfs of our own (see work_tmpfs()); without root, a plain directory. */
	if (work_tmpfs(WORK))
		printf("# kapi_fuzz: cannot mount a tmpfs on " WORK " (%s): using the directory\n",
		       strerror(errno));
	clock_gettime(CLOCK_MONOTONIC, &t0);

	if (rep) {
		struct fsys *s = find_sys(only);
		unsigned long idx = strtoul(strchr(rep, ':') + 1, NULL, 10), found[NKINDS] = { 0 };

		replay_only = 1;
		replay(s, idx, found);
		total = 1;
	} else if (nfuzz) {
		/* Round robin, a batch at a time: a run cut short has covered every syscall. */
		unsigned long per = calls / nfuzz, extra = calls % nfuzz;
		int more = 1;

		for (int i = 0; i < nsys; i++)
			if (sys[i].selected)
				sys[i].target = per + (extra ? (extra--, 1) : 0);
		while (more) {
			more = 0;
			for (int i = 0; i < nsys; i++) {
				struct fsys *s = &sys[i];
				unsigned long n;

				if (!s->selected || s->made >= s->target)
					continue;
				n = s->target - s->made < BATCH ? s->target - s->made : BATCH;
				batch(s, s->made, n);
				more = 1;
			}
		}
		for (int i = 0; i < nsys; i++)
			total += sys[i].made;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	umount2(WORK, MNT_DETACH);

	for (int i = 0; i < nsys; i++) {
		struct fsys *s = &sys[i];

		if (!s->selected || (rep && !s->made))
			continue;
		printf("fuzz %s calls=%lu ok=%lu", s->name, s->made, s->ok);
		for (int e = 1; e < NERR; e++)
			if (s->errs[e])
				printf(" %s=%lu", strerrorname_np(e) ?: "E?", s->errs[e]);
		for (int g = 1; g < 65; g++)
			if (s->sigs[g])
				printf(" SIG%s=%lu", sigabbrev_np(g) ?: "?", s->sigs[g]);
		if (s->exits)
			printf(" exit=%lu", s->exits);
		if (s->lost)
			printf(" lost=%lu", s->lost);
		if (s->replayed)
			printf(" replayed=%lu", s->replayed);
		printf("\n");
	}
	printf("# kapi_fuzz: child deaths: %lu in a call, %lu after one, %lu building the next call's arguments (made again in a fresh child); %lu killed by the watchdog\n",
	       died_in_call, died_after, died_building, watchdog_kills);
	printf("# kapi_fuzz: seed=%llu calls=%lu children=%lu child_deaths=%lu disagreements=%lu allowed=%lu seconds=%ld\n",
	       (unsigned long long)seed, total, children, deaths, disagreements, allowed,
	       (long)(t1.tv_sec - t0.tv_sec + (t1.tv_nsec >= t0.tv_nsec ? 0 : -1)));
	return disagreements > allowed ? 1 : 0;
}

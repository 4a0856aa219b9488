// SPDX-License-Identifier: GPL-2.0
/*
 * The runners' shared harness (kapi_cases, kapi_conform, kapi_fuzz): record files, the
 * validator's control files and reports, the child that makes a call. See harness.h.
 */
#define _GNU_SOURCE
#include "harness.h"
#include "kapi_report_format.h"	/* generated: the report line's markers and keys */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- record files ------------------------------------------------------------------------ */

/* The file being read: one at a time, so that records_bad() needs no handle. */
static struct {
	const char *path;
	FILE *fp;
	char *line;
	size_t cap;
	int lineno;
} rec;

void records_open(const char *path)
{
	rec.path = path;
	rec.lineno = 0;
	rec.fp = fopen(path, "r");
	if (!rec.fp) {
		fflush(stdout);
		fprintf(stderr, "%s: %s: %s\n", program_invocation_short_name, path, strerror(errno));
		exit(2);
	}
}

char *records_next(void)
{
	ssize_t len;

	while ((len = getline(&rec.line, &rec.cap, rec.fp)) >= 0) {
		rec.lineno++;
		while (len && (rec.line[len - 1] == '\n' || rec.line[len - 1] == '\r'))
			rec.line[--len] = 0;
		if (rec.line[0] != '#' && rec.line[strspn(rec.line, " \t")])
			return rec.line;
	}
	free(rec.line);
	rec.line = NULL;
	rec.cap = 0;
	fclose(rec.fp);
	rec.fp = NULL;
	return NULL;
}

int records_fields(char **f, int max)
{
	char *line = records_next();
	int n = 0;

	if (!line)
		return 0;
	line = strdup(line);
	if (!line)
		records_bad("out of memory");
	f[n++] = line;
	while (n < max && (line = strchr(line, '\t'))) {
		*line++ = 0;
		f[n++] = line;
	}
	return n;
}

int records_line(void)
{
	return rec.lineno;
}

void records_bad(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s:%d: ", program_invocation_short_name, rec.path, rec.lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *records_grow(void *array, int n, int *alloc, size_t size)
{
	if (n < *alloc)
		return array;
	*alloc = *alloc ? 2 * *alloc : 64;
	array = realloc(array, *alloc * size);
	if (!array)
		records_bad("out of memory");
	return array;
}

/* ---- the validator ----------------------------------------------------------------------- */

ssize_t read_all(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	size_t len = 0;
	ssize_t n;

	buf[0] = 0;
	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
	return len;
}

int is_on(const char *path)
{
	char buf[8];

	return read_all(path, buf, sizeof(buf)) > 0 && buf[0] == '1';
}

/* The next blank-separated word of *p (at most size - 1 bytes into word), before end. */
static int next_word(const char **p, const char *end, char *word, size_t size)
{
	size_t len = 0;

	while (*p < end && **p == ' ')
		(*p)++;
	while (*p < end && **p != ' ') {
		if (len < size - 1)
			word[len++] = **p;
		(*p)++;
	}
	word[len] = 0;
	return len > 0;
}

int stats_row(const char *table, const char *name, const char *const cols[], int n, long out[])
{
	const char *header_end = strchr(table, '\n'), *line, *p, *end;
	int idx[16], c;
	char word[64];

	for (int i = 0; i < n; i++)
		out[i] = -1;
	if (!header_end || n > (int)(sizeof(idx) / sizeof(idx[0])))
		return -1;
	for (int i = 0; i < n; i++)
		idx[i] = -1;
	for (p = table, c = 0; next_word(&p, header_end, word, sizeof(word)); c++)
		for (int i = 0; i < n; i++)
			if (!strcmp(word, cols[i]))
				idx[i] = c;
	for (line = header_end + 1; *line; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		p = line;
		if (!next_word(&p, end, word, sizeof(word)) || strcmp(word, name))
			continue;
		for (c = 1; next_word(&p, end, word, sizeof(word)); c++)
			for (int i = 0; i < n; i++)
				if (idx[i] == c)
					out[i] = strtol(word, NULL, 10);
		return 0;
	}
	return -1;
}

int have_spec(const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), DBG "/specs/%s", name);
	return access(path, F_OK) == 0;
}

void trace_clear(void)
{
	int fd = open(TRACE, O_WRONLY | O_TRUNC);

	if (fd < 0) {
		perror(TRACE);
		exit(2);
	}
	close(fd);
}

void trace_reports(char *out, size_t size, char sep, const char *none)
{
	/* The buffer holds the reports of one call: a few lines, far less than this. */
	static char buf[1 << 20];
	size_t used = 0;
	char *line, *save;
	int full = 0;

	if (read_all(TRACE, buf, sizeof(buf)) < 0) {
		perror(TRACE);
		exit(2);
	}
	out[0] = 0;
	for (line = strtok_r(buf, "\n", &save); line && !full; line = strtok_r(NULL, "\n", &save)) {
		char kind[32], param[64];
		const char *k = strstr(line, " " KAPI_KEY_KIND), *p = strstr(line, " " KAPI_KEY_PARAM);
		int n;

		if (line[0] == '#' || !strstr(line, KAPI_TRACE_MARKER) || !k || !p)
			continue;
		if (sscanf(k, " " KAPI_KEY_KIND "%31s", kind) != 1 ||
		    sscanf(p, " " KAPI_KEY_PARAM "%63s", param) != 1)
			continue;
		n = snprintf(out + used, size - used, "%.*s%s%s%s", used ? 1 : 0, &sep, kind,
			     strcmp(param, KAPI_REPORT_NONE) ? ":" : "",
			     strcmp(param, KAPI_REPORT_NONE) ? param : "");
		if (n < 0 || (size_t)n >= size - used) {
			out[used] = 0;	/* not a part of a word */
			full = 1;
		} else {
			used += n;
		}
	}
	if (!used)
		snprintf(out, size, "%s", none);
}

const char *errname(int e)
{
	const char *n = e ? strerrorname_np(e) : NULL;

	return e == 0 ? "success" : n ? n : "?";
}

/* ---- the child that makes a call -------------------------------------------------------- */

void *shared_alloc(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	return p;
}

int work_tmpfs(const char *dir)
{
	const char *name = strrchr(dir, '/');

	mkdir(dir, 0755);
	return mount(name ? name + 1 : dir, dir, "tmpfs", 0, "mode=0755");
}

void work_dir(const char *dir)
{
	if (mkdir(dir, 0777) && errno != EEXIST) {
		perror(dir);
		exit(2);
	}
}

static void on_alarm(int sig)
{
	(void)sig;
}

int alarm_interrupts(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */

	return sigaction(SIGALRM, &sa, NULL);
}

int stdio_to_null(void)
{
	int null = open("/dev/null", O_RDWR);

	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		return -1;
	if (null > 2)
		close(null);
	return 0;
}

pid_t child_start(void)
{
	pid_t pid;

	/* Or the child's copy of what stdout holds would be written twice. */
	fflush(stdout);
	trace_clear();
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	return pid;
}

void child_wait(pid_t pid, int *status, unsigned int watchdog_s)
{
	pid_t w;

	alarm(watchdog_s);
	while ((w = waitpid(pid, status, 0)) < 0 && errno == EINTR)
		kill(pid, SIGKILL);
	alarm(0);
	if (w != pid) {
		perror("waitpid");
		exit(2);
	}
}

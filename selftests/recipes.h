/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Argument recipes of the spec-generated tests (kapi_cases.txt, kapi_fuzz.txt; written by
 * `kapi cases`): one word that says how to build an argument of a syscall, parsed once in the
 * parent and materialised in the child that makes the call, in its own working directory.
 *
 *   0x1f  42  -100          the 64-bit word itself
 *   map:N  map:N+OFF        a fresh private anonymous read-write mapping of N pages, plus OFF
 *   hole:N                  a page-aligned address with nothing mapped in the N pages from it
 *   buf:N                   N zeroed writable bytes
 *   fd:KIND                 a descriptor of a kind (KAPI_FD_KINDS)
 *   path:KIND               a path of a kind (KAPI_PATH_KINDS)
 *   pid:KIND                a process ID of a kind (KAPI_PID_KINDS)
 *   str:TEXT  argv  envp    a string, {"kapi", NULL}, {NULL}
 *   rand  rand32            a random word (fuzz pools only)
 *
 * The kinds are the parser's (kapi_spec::parse::recipe, which says what each is), generated into
 * kapi_recipe_kinds.h by `kapi recipe-kinds`; recipes.c builds each.
 *
 * Used by kapi_conform (one call per child) and kapi_fuzz (batches of calls per child).
 */
#ifndef KAPI_RECIPES_H
#define KAPI_RECIPES_H

#include <stddef.h>
#include <stdint.h>

#include "kapi_recipe_kinds.h"

#define NARGS 6

enum recipe_kind {
	R_INT, R_MAP, R_HOLE, R_BUF, R_FD, R_PATH, R_PID, R_STR, R_ARGV, R_ENVP, R_RAND, R_RAND32,
};

#define KIND_ENUM(prefix, up, name) prefix##up,
#define FD_ENUM(up, name) KIND_ENUM(FD_, up, name)
#define PATH_ENUM(up, name) KIND_ENUM(P_, up, name)
#define PID_ENUM(up, name) KIND_ENUM(PID_, up, name)
enum fd_kind { KAPI_FD_KINDS(FD_ENUM) };
enum path_kind { KAPI_PATH_KINDS(PATH_ENUM) };
enum pid_kind { KAPI_PID_KINDS(PID_ENUM) };
#define KIND_ONE(up, name) + 1
#define NR_PATH_KINDS (0 KAPI_PATH_KINDS(KIND_ONE))

/* The fixtures of the working directory a recipe needs (recipe_needs()). */
#define NEED_F    0x1	/* ./f: a regular file of 4096 bytes */
#define NEED_D    0x2	/* ./d: a directory */
#define NEED_LOOP 0x4	/* ./loop -> loop2 -> loop */
#define NEED_G    0x8	/* ./g: a second regular file of 4096 bytes */
#define NEED_LINK 0x10	/* ./l -> f */

struct recipe {
	enum recipe_kind kind;
	int sub;		/* enum fd_kind, enum path_kind or enum pid_kind */
	uint64_t val;		/* R_INT: the word; R_MAP, R_HOLE: pages; R_BUF: bytes */
	int64_t off;		/* R_MAP: bytes added to the mapping's address */
	char *text;		/* the recipe as written, for reproducers */
	char *str;		/* R_STR: the text */
};

/* recipe_parse() flags. */
#define RECIPE_FUZZ 0x1		/* rand and rand32 are allowed (fuzz pools) */

/*
 * Parses one recipe word into r (which keeps copies of the text). Returns 0, or -1 with a
 * message (without the file:line, which the caller knows) in err.
 */
int recipe_parse(const char *word, int flags, struct recipe *r, char *err, size_t size);

/* The fixtures (NEED_*) the recipe needs in the working directory. */
unsigned int recipe_needs(const struct recipe *r);

/*
 * Creates the fixtures of need in the working directory, replacing what is there of them.
 * Returns 0, or -1 with a message in err.
 */
int recipes_fixtures(unsigned int need, char *err, size_t size);

/* One call: its recipes, the random words drawn for rand/rand32, and the built words. */
struct rcall {
	const struct recipe *r[NARGS];
	uint64_t rnd[NARGS];
	uint64_t word[NARGS];
};

/*
 * Builds the argument words of c in the calling process (the child that makes the call), in
 * its working directory, whose fixtures must exist. Returns 0, or -1 with a message in err.
 */
int rcall_build(struct rcall *c, char *err, size_t size);

/*
 * Unmaps the mappings the last rcall_build() made (map, buf), so a child making many calls
 * does not run out of address space. Descriptors are left to the caller (close_range()).
 */
void rcall_release(void);

/* "map:1,0x80,..." : the recipes of c as written, comma-separated, into out. */
void rcall_format(const struct rcall *c, char *out, size_t size);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interface between kapi_validator's Rust crate and its C file. bindgen generates the Rust
 * declarations from this header at build time; keep it to plain C types.
 */
#ifndef KAPI_VALIDATOR_H
#define KAPI_VALIDATOR_H

#include <linux/types.h>

struct task_struct;

/* A string that is not NUL-terminated: Rust `&str`s cross as pointer and length. */
struct kapi_str {
	const char *ptr;
	unsigned int len;
};

/*
 * One violation, as reported to tracefs: the report line (kapi_checker::report, the same text
 * as in dmesg) and, for filters, some of its fields.
 */
struct kapi_report {
	struct kapi_str line;		/* the report line, without a marker */
	struct kapi_str syscall;	/* name without the sys_ prefix */
	struct kapi_str kind;		/* arg, undeclared_errno, bad_success, oracle_errno, oracle_success */
	struct kapi_str param;		/* parameter name, or "-" */
	struct kapi_str err;		/* errno name returned, or "-" */
	__u64 value;			/* argument value (as its C type holds it) */
	__s64 ret;			/* return value; 0 for argument violations (ret=- in the line) */
	__u32 nr;			/* syscall number */
};

/* Registration of the sys_enter/sys_exit probes (C, kapi_validator_hooks.c). */
int kapi_probes_register(void);
void kapi_probes_unregister(void);

/*
 * The number of kinds of report (kapi_checker's ViolationKind; report.rs checks that they agree
 * when it is built).
 */
#define KAPI_NR_KINDS 5

/* Reporting helpers (C). Whether a report of kind `kind` (its index) may go to dmesg now. */
bool kapi_report_ratelimit(unsigned int kind);
bool kapi_trace_enabled(void);
void kapi_trace_violation(const struct kapi_report *report);
void kapi_current_comm(char *buf, size_t len);

/* Whether the trace event kapi_validator/kapi_violation has its tracefs directory. */
bool kapi_trace_event_ready(void);

/* Whether debugfs holds dir/sub/name (sub may be NULL). */
bool kapi_debugfs_exists(const char *dir, const char *sub, const char *name);

/*
 * How the exit of a syscall can be judged (probes.rs says why): from its registers at exit;
 * from what its entry saw, kept until its exit; not at all.
 */
enum kapi_pairing {
	KAPI_PAIRING_REGS,
	KAPI_PAIRING_ENTRY,
	KAPI_PAIRING_NONE,
};

/* Whether `task` (current) is being killed. */
bool kapi_fatal_signal_pending(struct task_struct *task);

/*
 * The Rust probes of one spec (probes.rs): its sys_enter with the syscall's six argument words,
 * how its exit is judged and the task (current); its sys_exit with the argument words as the
 * registers hold them at exit and the return value as well.
 */
typedef void (*kapi_enter_fn)(const unsigned long *args, enum kapi_pairing pairing,
			      struct task_struct *task);
typedef void (*kapi_exit_fn)(const unsigned long *args, long ret, enum kapi_pairing pairing,
			     struct task_struct *task);

/*
 * The probes by syscall number (Rust, probes.rs): kapi_sys_enter[nr] and kapi_sys_exit[nr] are
 * those of syscall nr's spec, or NULL; both have kapi_sys_probes_len entries.
 */
extern const kapi_enter_fn kapi_sys_enter[];
extern const kapi_exit_fn kapi_sys_exit[];
extern const __kernel_size_t kapi_sys_probes_len;

#endif /* KAPI_VALIDATOR_H */

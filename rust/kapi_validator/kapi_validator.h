/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interface between kapi_validator's Rust crate and its C file. bindgen generates the Rust
 * declarations from this header at build time; keep it to plain C types.
 */
#ifndef KAPI_VALIDATOR_H
#define KAPI_VALIDATOR_H

#include <linux/types.h>

struct pt_regs;
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

/* Reporting helpers (C). */
bool kapi_report_ratelimit(void);
bool kapi_trace_enabled(void);
void kapi_trace_violation(const struct kapi_report *report);
void kapi_current_comm(char *buf, size_t len);

/* Whether the trace event kapi_validator/kapi_violation has its tracefs directory. */
bool kapi_trace_event_ready(void);

/* Whether debugfs holds dir/sub/name (sub may be NULL). */
bool kapi_debugfs_exists(const char *dir, const char *sub, const char *name);

/* The six argument words of the syscall `task` (current) is making, from its registers. */
void kapi_syscall_get_arguments(struct task_struct *task, struct pt_regs *regs,
				unsigned long *args);

/*
 * The probes' entry points into Rust (probes.rs); `task` is current, passed along as the key
 * of the call's in-flight state.
 */
void kapi_validator_sys_enter(long nr, struct pt_regs *regs, struct task_struct *task);
void kapi_validator_sys_exit(long nr, long ret, struct task_struct *task);

#endif /* KAPI_VALIDATOR_H */

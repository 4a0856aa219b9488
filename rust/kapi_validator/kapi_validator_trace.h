/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module's trace event: events/kapi_validator/kapi_violation, one per violation. It prints
 * the report line the Rust side formatted (kapi_checker::report: the same text as the dmesg
 * line), and records beside it the fields a trace-cmd or perf user filters on.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM kapi_validator

#if !defined(KAPI_VALIDATOR_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define KAPI_VALIDATOR_TRACE_H

#include <linux/sched.h>
#include <linux/tracepoint.h>
#include "kapi_validator.h"

TRACE_EVENT(kapi_violation,
	TP_PROTO(const struct kapi_report *r),
	TP_ARGS(r),
	TP_STRUCT__entry(
		__field(u32, nr)
		__string_len(syscall, r->syscall.ptr, r->syscall.len)
		__string_len(kind, r->kind.ptr, r->kind.len)
		__string_len(param, r->param.ptr, r->param.len)
		__field(u64, value)
		__field(s64, ret)
		__string_len(err, r->err.ptr, r->err.len)
		__string_len(line, r->line.ptr, r->line.len)
	),
	TP_fast_assign(
		__entry->nr = r->nr;
		__assign_str(syscall);
		__assign_str(kind);
		__assign_str(param);
		__entry->value = r->value;
		__entry->ret = r->ret;
		__assign_str(err);
		__assign_str(line);
	),
	TP_printk("%s", __get_str(line))
);

#endif /* KAPI_VALIDATOR_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE kapi_validator_trace
#include <trace/define_trace.h>

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module's trace event: events/kapi_validator/kapi_violation, one per violation, with the
 * fields a trace_pipe, trace-cmd or perf user filters on.
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
		__field(int, nr)
		__string_len(syscall, r->syscall.ptr, r->syscall.len)
		__string_len(kind, r->kind.ptr, r->kind.len)
		__string_len(param, r->param.ptr, r->param.len)
		__field(u64, value)
		__string_len(allowed, r->allowed.ptr, r->allowed.len)
		__field(s64, ret)
		__string_len(err, r->err.ptr, r->err.len)
		__array(char, comm, TASK_COMM_LEN)
	),
	TP_fast_assign(
		__entry->nr = r->nr;
		__assign_str(syscall);
		__assign_str(kind);
		__assign_str(param);
		__entry->value = r->value;
		__assign_str(allowed);
		__entry->ret = r->ret;
		__assign_str(err);
		memcpy(__entry->comm, current->comm, TASK_COMM_LEN);
	),
	TP_printk("syscall=%s nr=%d comm=%s kind=%s param=%s value=%#llx allowed=\"%s\" ret=%lld errno=%s",
		  __get_str(syscall), __entry->nr, __entry->comm, __get_str(kind), __get_str(param),
		  __entry->value, __get_str(allowed), __entry->ret, __get_str(err))
);

#endif /* KAPI_VALIDATOR_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE kapi_validator_trace
#include <trace/define_trace.h>

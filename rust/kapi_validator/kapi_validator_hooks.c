// SPDX-License-Identifier: GPL-2.0
/*
 * The part of kapi_validator that only C can reach: finding the sys_enter/sys_exit tracepoints
 * (they are not exported), registering probes on them and synchronising their removal, reading
 * syscall arguments and work flags (static inline helpers), rate limiting, and the trace event.
 *
 * The probes do no checking: they look the syscall up in the probe tables the Rust side exports
 * and hand a syscall with a spec, its argument words and its work flags to its Rust probe.
 */
#include <linux/compat.h>
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/trace_events.h>
#include <linux/tracepoint.h>
#include <asm/syscall.h>

#include "kapi_validator.h"

#define CREATE_TRACE_POINTS
#include "kapi_validator_trace.h"

static struct tracepoint *tp_sys_enter;
static struct tracepoint *tp_sys_exit;

static void kapi_find_tracepoint(struct tracepoint *tp, void *priv)
{
	if (!strcmp(tp->name, "sys_enter"))
		tp_sys_enter = tp;
	else if (!strcmp(tp->name, "sys_exit"))
		tp_sys_exit = tp;
}

/*
 * How the exit of current's syscall can be judged, from its syscall work flags (probes.rs says
 * why): PTRACE_SYSEMU runs no syscall and fires no sys_enter; under seccomp an exit may come
 * without an entry.
 */
static __always_inline enum kapi_pairing kapi_pairing(void)
{
	unsigned long work = READ_ONCE(current_thread_info()->syscall_work);

	if (work & SYSCALL_WORK_SYSCALL_EMU)
		return KAPI_PAIRING_NONE;
	if (work & SYSCALL_WORK_SECCOMP)
		return KAPI_PAIRING_ENTRY;
	return KAPI_PAIRING_REGS;
}

/*
 * Syscall tracepoints are faultable in 7.2: the probes run in process context, preemptible,
 * under rcu_tasks_trace. Compat (ia32, x32) syscalls use other numbers and are skipped. Each
 * syscall is looked up here, inline, in the Rust probe tables, so that one without a spec costs
 * a bounds check and a load (a call into Rust cannot be inlined); one with a spec goes on to
 * its spec's Rust probe with its argument words read from pt_regs.
 */
static void kapi_probe_sys_enter(void *data, struct pt_regs *regs, long id)
{
	unsigned long args[6];
	kapi_enter_fn enter;

	if ((unsigned long)id >= kapi_sys_probes_len)
		return;
	enter = kapi_sys_enter[id];
	if (!enter || in_compat_syscall())
		return;
	syscall_get_arguments(current, regs, args);
	enter(args, kapi_pairing(), current);
}

/*
 * On x86_64, pt_regs at sys_exit still hold the number and argument registers the entry saw,
 * except in the cases probes.rs lists (and handles).
 */
static void kapi_probe_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	unsigned long nr = syscall_get_nr(current, regs), args[6];
	kapi_exit_fn exit;

	if (nr >= kapi_sys_probes_len)
		return;
	exit = kapi_sys_exit[nr];
	if (!exit || in_compat_syscall())
		return;
	syscall_get_arguments(current, regs, args);
	exit(args, ret, kapi_pairing(), current);
}

bool kapi_fatal_signal_pending(struct task_struct *task)
{
	return fatal_signal_pending(task);
}

int kapi_probes_register(void)
{
	int ret;

	if (!tp_sys_enter || !tp_sys_exit)
		for_each_kernel_tracepoint(kapi_find_tracepoint, NULL);
	if (!tp_sys_enter || !tp_sys_exit)
		return -ENOENT;	/* kernel without CONFIG_FTRACE_SYSCALLS */

	ret = tracepoint_probe_register(tp_sys_enter, kapi_probe_sys_enter, NULL);
	if (ret)
		return ret;
	ret = tracepoint_probe_register(tp_sys_exit, kapi_probe_sys_exit, NULL);
	if (ret) {
		tracepoint_probe_unregister(tp_sys_enter, kapi_probe_sys_enter, NULL);
		tracepoint_synchronize_unregister();
	}
	return ret;
}

/* Returns once no probe of this module is running or can start running. */
void kapi_probes_unregister(void)
{
	tracepoint_probe_unregister(tp_sys_exit, kapi_probe_sys_exit, NULL);
	tracepoint_probe_unregister(tp_sys_enter, kapi_probe_sys_enter, NULL);
	tracepoint_synchronize_unregister();
}

/*
 * dmesg lines: at most 10 every 5 seconds for each kind of report (in kapi_checker's order of
 * kinds), so that a flood of one kind (a workload's deliberate bad arguments) never hides a line
 * of another (a disagreement with the kernel). Counters and trace events are not limited.
 */
static struct ratelimit_state kapi_report_rs[KAPI_NR_KINDS] = {
	[0 ... KAPI_NR_KINDS - 1] = RATELIMIT_STATE_INIT(kapi_report_rs, 5 * HZ, 10),
};

bool kapi_report_ratelimit(unsigned int kind)
{
	if (kind >= KAPI_NR_KINDS)
		return false;
	return __ratelimit(&kapi_report_rs[kind]);
}

/* Whether the trace event is enabled (a static key): reports are formatted only when needed. */
bool kapi_trace_enabled(void)
{
	return trace_kapi_violation_enabled();
}

void kapi_trace_violation(const struct kapi_report *report)
{
	trace_kapi_violation(report);
}

/*
 * Whether debugfs holds dir/sub/name (sub may be NULL). Creating a debugfs file never reports a
 * failure (a file that could not be allocated is simply absent), so the module looks its files
 * up after creating them rather than load half-working.
 */
bool kapi_debugfs_exists(const char *dir, const char *sub, const char *name)
{
	struct dentry *d, *s = NULL, *f = NULL;

	d = debugfs_lookup(dir, NULL);
	if (IS_ERR_OR_NULL(d))
		return false;
	if (sub) {
		s = debugfs_lookup(sub, d);
		if (IS_ERR_OR_NULL(s)) {
			dput(d);
			return false;
		}
	}
	f = debugfs_lookup(name, s ? s : d);
	dput(s);
	dput(d);
	if (IS_ERR_OR_NULL(f))
		return false;
	dput(f);
	return true;
}

/*
 * Whether the module's trace event really has its tracefs directory. The module loader adds a
 * module's trace events after its memory is set up and before its init runs, and a failure
 * there (out of memory) is only logged: the event then exists without events/kapi_validator/,
 * so nobody could enable it. The module refuses to load half-working instead.
 *
 * Nothing public says whether an event has its directory: trace_get_event_file() (exported)
 * finds the event either way, and the eventfs inode pointer (file->ei, set only once the
 * directory exists, kernel/trace/trace_events.c:event_create_dir()) is the one sign. It is a
 * field of the public struct trace_event_file, read under the reference the lookup took.
 */
bool kapi_trace_event_ready(void)
{
	struct trace_event_file *file;
	bool ready;

	file = trace_get_event_file(NULL, "kapi_validator", "kapi_violation");
	if (IS_ERR(file))
		return false;
	ready = file->ei != NULL;
	trace_put_event_file(file);
	return ready;
}

void kapi_current_comm(char *buf, size_t len)
{
	strscpy(buf, current->comm, len);
}

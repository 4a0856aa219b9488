// SPDX-License-Identifier: GPL-2.0
/*
 * kapi_empty_probe: a sys_enter + sys_exit probe pair with empty bodies, for `make bench` only.
 *
 * It is the floor of any validator built on the syscall tracepoints: registering a probe sends
 * every syscall of every task through the syscall-work slow path and two indirect calls, before
 * the probe does anything. kapi_validator registers its probes the same way
 * (rust/kapi_validator/kapi_validator_hooks.c), so the difference between the two is the
 * validator's own work.
 */
#include <linux/module.h>
#include <linux/string.h>
#include <linux/tracepoint.h>

static struct tracepoint *tp_sys_enter;
static struct tracepoint *tp_sys_exit;

static void find_tracepoint(struct tracepoint *tp, void *priv)
{
	if (!strcmp(tp->name, "sys_enter"))
		tp_sys_enter = tp;
	else if (!strcmp(tp->name, "sys_exit"))
		tp_sys_exit = tp;
}

static void probe_sys_enter(void *data, struct pt_regs *regs, long id)
{
}

static void probe_sys_exit(void *data, struct pt_regs *regs, long ret)
{
}

static int __init kapi_empty_probe_init(void)
{
	int ret;

	for_each_kernel_tracepoint(find_tracepoint, NULL);
	if (!tp_sys_enter || !tp_sys_exit)
		return -ENOENT;	/* kernel without CONFIG_FTRACE_SYSCALLS */
	ret = tracepoint_probe_register(tp_sys_enter, probe_sys_enter, NULL);
	if (ret)
		return ret;
	ret = tracepoint_probe_register(tp_sys_exit, probe_sys_exit, NULL);
	if (ret) {
		tracepoint_probe_unregister(tp_sys_enter, probe_sys_enter, NULL);
		tracepoint_synchronize_unregister();
	}
	return ret;
}

static void __exit kapi_empty_probe_exit(void)
{
	tracepoint_probe_unregister(tp_sys_exit, probe_sys_exit, NULL);
	tracepoint_probe_unregister(tp_sys_enter, probe_sys_enter, NULL);
	tracepoint_synchronize_unregister();
}

module_init(kapi_empty_probe_init);
module_exit(kapi_empty_probe_exit);
MODULE_DESCRIPTION("Empty sys_enter/sys_exit probes: the floor for kapi_validator's benchmark");
MODULE_LICENSE("GPL");

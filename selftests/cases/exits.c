// SPDX-License-Identifier: GPL-2.0
/*
 * Cases of the calls whose success does not return: exit, exit_group, rt_sigreturn. See
 * specs/decisions/exits.md. None has generated calls (a valid call ends or redirects the
 * process that makes it), so every one is proven here.
 */
#include "cases.h"

#include <pthread.h>

/* exit(0): the case's child ends with status 0 without returning from run(). */
static long ex_exit(void)
{
	return syscall(SYS_exit, 0);
}

/* exit(0x1234): the status the parent sees is its low 8 bits (0x34): any int is valid. */
static long ex_exit_high_bits(void)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (!pid)
		syscall(SYS_exit, 0x1234);
	if (waitpid(pid, &status, 0) != pid)
		kc_die("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0x34) {
		errno = EPROTO;
		return -1;
	}
	return 0;
}

static void *ex_sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

/* exit_group(0) with a second thread blocked in pause(): both end, status 0. */
static long ex_exit_group(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, ex_sleeper, NULL))
		kc_die("pthread_create");
	return syscall(SYS_exit_group, 0);
}

static volatile sig_atomic_t ex_handled;

static void ex_handler(int sig)
{
	(void)sig;
	ex_handled = 1;
}

/*
 * A handler's return: the trampoline's rt_sigreturn restores the context (its exit carries
 * number -1: nothing judged), and the code after raise() goes on.
 */
static long ex_sigreturn_handler(void)
{
	struct sigaction sa = { .sa_handler = ex_handler };

	if (sigaction(SIGUSR1, &sa, NULL))
		kc_die("sigaction");
	if (raise(SIGUSR1))
		kc_die("raise");
	if (!ex_handled) {
		errno = EPROTO;
		return -1;
	}
	return 0;
}

/*
 * rt_sigreturn with its frame on an unmapped page: the kernel cannot read it, queues SIGSEGV
 * and returns 0 with its own number (the exit the validator judges: EXACT 0). Made in a
 * grandchild, which the SIGSEGV ends; the call succeeded if that is how it ended.
 */
static long ex_sigreturn_bad_frame(void)
{
	char *hole = kc_hole(1);
	int status;
	pid_t pid = fork();

	if (pid < 0)
		kc_die("fork");
	if (!pid) {
		__asm__ volatile("mov %0, %%rsp\n\t"
				 "mov %1, %%eax\n\t"
				 "syscall"
				 :
				 : "r"(hole + 4096), "i"(SYS_rt_sigreturn)
				 : "memory");
		__builtin_unreachable();
	}
	if (waitpid(pid, &status, 0) != pid)
		kc_die("waitpid");
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGSEGV) {
		errno = EPROTO;
		return -1;
	}
	return 0;
}

static const struct kcase cases[] = {
	{ "exit", "exit(0)", ex_exit, 0, "", KC_EXECS },
	{ "exit", "exit(0x1234) in a child: status 0x34", ex_exit_high_bits, 0, "", 0 },
	{ "exit_group", "exit_group(0) with a second thread in pause()", ex_exit_group, 0, "",
	  KC_EXECS },
	{ "rt_sigreturn", "rt_sigreturn() of a SIGUSR1 handler's return", ex_sigreturn_handler, 0,
	  "", 0 },
	{ "rt_sigreturn", "rt_sigreturn() with the frame on an unmapped page (SIGSEGV)",
	  ex_sigreturn_bad_frame, 0, "", 0 },
};

KC_GROUP(exits, cases);

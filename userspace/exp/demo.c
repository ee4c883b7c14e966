// SPDX-License-Identifier: GPL-2.0
/*
 * demo.c - the experiment "demo": lde demo privileged, in lde report.
 *
 * It runs this program again as "lde demo privileged" (cmd/demo.c), its
 * output and messages into demo_privileged.txt: a child's privileged read
 * in user mode ("mov %cr0" on x86-64, arch/cpu_arch.h) dies of a signal,
 * then lde's cpl trap reads that register in kernel mode.  A
 * child of its own, because the demo forks one that dies on purpose.
 */
#include <errno.h>
#include <string.h>

#include "arch/cpu_arch.h"
#include "exp/exp.h"
#include "lib/common.h"
#include "lib/spawn.h"

#define TEXT	"demo_privileged.txt"

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	char *const argv[] = {
		(char *)s->self, "demo", "privileged", NULL,
	};
	FILE *f = session_fopen(s, TEXT, "we");
	int *status = o->st;
	struct spawn_io io;

	(void)x;
	progress_step(&s->prog, "lde demo privileged");
	if (!f) {
		exp_fail(o, EXIT_FAIL, "cannot write " TEXT);
		return;
	}
	io = (struct spawn_io){ .out = fileno(f), .err = fileno(f) };
	*status = spawn_run(argv, &io);
	if (*status < 0)
		exp_fail(o, EXIT_FAIL, "%s: %s", s->self, strerror(errno));
	else if (*status)
		exp_fail(o, EXIT_FAIL, "lde demo privileged exited %d; see "
			 TEXT, *status);
	else
		exp_ok(o);
	session_fclose(s, f, TEXT);
}

static int status(const struct exp_out *o)
{
	return o->st ? *(const int *)o->st : 0;
}

static void md(FILE *f, const struct session *s, const struct exp_out *o)
{
	(void)s;
	fputs("\n## The privileged demo\n\n[" TEXT "](" TEXT "): ", f);
	if (status(o))
		fputs("**failed**\n", f);
	else
		fprintf(f, "a child's `%s` in user mode died of SIG%s (%s);"
			" the cpl trap read %s in kernel mode.\n",
			cpu_arch.insn, sigabbrev_np(cpu_arch.fault_signal) ?: "?",
			cpu_arch.fault_name, cpu_arch.ctl_name[0]);
}

static void json(FILE *f, const struct session *s, const struct exp_out *o)
{
	(void)s;
	fprintf(f, ",\n  \"demo_privileged\": {\"text\": \"" TEXT "\","
		" \"exit_status\": %d}", status(o));
}

const struct exp exp_demo = {
	.name = "demo", .steps = 1,
	.size = sizeof(int), .run = run,
	.md = md, .json = json,
};

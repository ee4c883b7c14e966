// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - lde, the user side of the "limited direct execution" lab.
 *
 * A process runs directly on the CPU, but limited: in user mode (CPL 3)
 * it cannot run privileged instructions, and it reaches the kernel only
 * through traps.  lde.ko adds a set of traps on /dev/lde; this tool
 * shows what they cost and what they allow:
 *
 *	lde trap [options]	time traps next to a call and real syscalls
 *	lde ctx [options]	time user-space context switches: the
 *				baselines for lde's own switch
 *	lde info		the ABI, the traps and how often each ran
 *	lde sched [options]	guests under lde's mini scheduler: who got
 *				the CPU, and what a context switch costs
 *	lde goals [options]	the mini scheduler's goals, in one run
 *	lde report [options]	the whole lab in one run: results/<time>/
 *				with JSON, CSV, plots and summary.md
 *	lde demo privileged	a privileged instruction, from user mode and
 *				then from a trap handler
 *	lde demo coop		cooperative scheduling loses the CPU to a
 *				hog; a timer takes it back
 *	lde help		this list
 *
 * Exit status: 0 success, 1 failure, 2 bad usage.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmds.h"

static void usage(FILE *f)
{
	fputs("usage: lde <command> [options]\n"
	      "\n"
	      "  trap [options]     time lde's traps next to a function call,"
	      " getppid,\n"
	      "                     vDSO clock_gettime and ioctl(/dev/null)"
	      " (lde trap --help)\n"
	      "  ctx [options]      time context switches: pipe and"
	      " sched_yield ping-pong\n"
	      "                     on one CPU, per switch (lde ctx --help)\n"
	      "  info               show lde.ko's ABI version, its traps and"
	      " their counters\n"
	      "  sched [options]    run guests under lde's mini scheduler"
	      " (lde sched --help)\n"
	      "  goals [options]    the mini scheduler's goals, measured in"
	      " one run\n"
	      "                     (lde goals --help)\n"
	      "  report [options]   the whole lab in one run: JSON, CSV,"
	      " plots and\n"
	      "                     summary.md in results/ (lde report"
	      " --help)\n"
	      "  demo privileged    run a privileged instruction in user mode,"
	      " then via a trap\n"
	      "  demo coop          a hog under cooperative scheduling, then"
	      " under a timer\n"
	      "  help               show this help\n"
	      "\n"
	      "lde needs /dev/lde from lde.ko (sudo insmod module/lde.ko),"
	      " except for\n"
	      "'lde trap --baseline-only' and 'lde ctx'.\n", f);
}

static bool is_help(const char *s)
{
	return !strcmp(s, "help") || !strcmp(s, "--help") ||
	       !strcmp(s, "-?") || !strcmp(s, "-h");
}

/* Run the subcommand argv[0]. */
static int dispatch(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv);
	} cmds[] = {
		{ "trap", cmd_trap },
		{ "info", cmd_info },
		{ "sched", cmd_sched },
		{ "demo", cmd_demo },
		{ "ctx",  cmd_ctx },
		{ "goals", cmd_goals },
		{ "report", cmd_report },
	};
	size_t i;

	if (is_help(argv[0])) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(argv[0], cmds[i].name))
			return cmds[i].run(argc, argv);
	fprintf(stderr, "lde: unknown command '%s'\n", argv[0]);
	usage(stderr);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	int ret;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	ret = dispatch(argc - 1, argv + 1);
	/* Output that never arrived (a full disk, a closed pipe) is failure. */
	if (fflush(stdout) || ferror(stdout)) {
		perror("lde: stdout");
		return EXIT_FAIL;
	}
	return ret;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - lde, the user side of the "limited direct execution" lab.
 *
 * A process runs directly on the CPU, but limited: in user mode (CPL 3 on
 * x86-64, EL0 on arm64) it cannot run privileged instructions, and it reaches the kernel only
 * through traps.  lde.ko adds a set of traps on /dev/lde; this tool
 * shows what they cost and what they allow.  Its commands, and the lines
 * of "lde help", are the table of cmd/list.h:
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
 * Exit status: 0 success, 1 failure, 2 bad usage (lib/common.h).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"

#define SYNOPSIS_W	18	/* "  trap [options]     time ..." */

/* One command's line of lde help: its text, continued under itself. */
static void help_line(FILE *f, const struct cmd_help *h)
{
	const char *s = h->text, *nl;

	fprintf(f, "  %-*s ", SYNOPSIS_W, h->synopsis);
	while ((nl = strchr(s, '\n'))) {
		fprintf(f, "%.*s\n%*s", (int)(nl - s), s, SYNOPSIS_W + 3, "");
		s = nl + 1;
	}
	fprintf(f, "%s\n", s);
}

static void usage(FILE *f)
{
	size_t i;

	fputs("usage: lde <command> [options]\n\n", f);
	for (i = 0; i < nr_cmd_help; i++)
		help_line(f, &cmd_help[i]);
	fputs("\nlde needs /dev/lde from lde.ko (sudo insmod module/lde.ko),"
	      " except for\n'lde trap --baseline-only' and 'lde ctx'.\n", f);
}

static bool is_help(const char *s)
{
	return !strcmp(s, "help") || !strcmp(s, "--help") ||
	       !strcmp(s, "-?") || !strcmp(s, "-h");
}

/* Run the command argv[0]. */
static int dispatch(int argc, char **argv)
{
	size_t i;

	if (is_help(argv[0])) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < nr_commands; i++)
		if (!strcmp(argv[0], commands[i].name))
			return commands[i].run(argc, argv);
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

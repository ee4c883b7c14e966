// SPDX-License-Identifier: GPL-2.0
/*
 * goals.c - "lde goals": the mini scheduler's goals, measured in one run.
 * (The experiments and the ratios are goalrun.c's, the output goalout.c's.)
 *
 * Five goals, each a ratio of two figures measured side by side on one
 * lab CPU (goalrun.c lists them): lde's switch against Linux's and against
 * pipe ping-pong, timer to guest against cyclictest, 1024 guests against
 * 2, and direct execution at a 1 ms quantum.
 *
 *	$ sudo lde goals		about 15 s in a TCG VM
 *	$ sudo lde goals --json
 *
 * It prints what it measured and whether each goal is met.  Exit status 0
 * if it could measure every figure (met or not), 1 if not, 2 bad usage.
 * These are benchmarks, not tests: a goal not met is a finding.
 */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#include "cmd/cmds.h"
#include "lib/cpulist.h"
#include "exp/goals.h"
#include "lib/opts.h"
#include "lib/progress.h"

#define WHO		"lde goals"

enum {
	OPT_JSON = 256,
	OPT_HELP,
};

static void usage(FILE *f)
{
	fputs("usage: lde goals [-a CPU] [--json]\n"
	      "\n"
	      "Measure the mini scheduler's goals in one run: lde's switch\n"
	      "against Linux's and against pipe ping-pong, timer to guest\n"
	      "against cyclictest, 1024 guests against 2, and direct\n"
	      "execution at a 1 ms quantum.  Needs lde.ko, root and\n"
	      "cyclictest (rt-tests).  About 15 s in a TCG VM.\n"
	      "\n"
	      "  -a, --affinity=CPU   the lab CPU (default: the last online)\n"
	      "      --json           print one JSON object\n"
	      "  -?, --help           show this help\n"
	      "\n"
	      "Exit status: 0 measured (met or not), 1 failed, 2 bad usage.\n",
	      f);
}

int cmd_goals(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "affinity", required_argument, NULL, 'a' },
		{ "json",     no_argument,       NULL, OPT_JSON },
		{ "help",     no_argument,       NULL, OPT_HELP },
		{ NULL,       0,                 NULL, 0 },
	};
	bool json = false, all = true;
	int c, fd, ret, cpu = -1;
	struct goal_runs gr;
	struct progress p;
	unsigned long v;
	unsigned int i;

	opterr = 0;		/* opts_other() says what was wrong */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (opts_num(WHO, "-a", optarg, 0, INT_MAX, &v))
				return EXIT_USAGE;
			if (cpulist_is_online((unsigned int)v) != 1) {
				fprintf(stderr, WHO ": -a %lu: not an online"
					" CPU\n", v);
				return EXIT_USAGE;
			}
			cpu = (int)v;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_HELP:
			usage(stdout);
			return 0;
		default:
			return opts_other(WHO, argv, c, usage) > 0 ?
			       0 : EXIT_USAGE;
		}
	}
	if (opts_no_args(WHO, argc, argv))
		return EXIT_USAGE;
	if (cpu < 0)
		cpu = cpulist_last_online();
	if (cpu < 0) {
		perror(WHO ": the online CPUs");
		return EXIT_FAIL;
	}
	fd = sched_open(WHO);
	if (fd < 0)
		return EXIT_FAIL;
	progress_init(&p, WHO, GOALS_STEPS);
	ret = goals_measure(fd, (unsigned int)cpu, &gr, &p, NULL);
	close(fd);
	if (!ret) {
		if (json)
			goalout_json(stdout, &gr);
		else
			goalout_table(stdout, &gr);
		for (i = 0; i < NR_GOALS; i++)
			all &= !isnan(goal_ratio(&gr.goal[i]));
		ret = all ? 0 : EXIT_FAIL;
	}
	goals_free(&gr);
	return ret;
}

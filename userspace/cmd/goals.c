// SPDX-License-Identifier: GPL-2.0
/*
 * goals.c - "lde goals": the mini scheduler's goals, measured in one run.
 *
 * The goals are the rows of exp/goals.c's table that are the mini
 * scheduler's, each a ratio of two figures measured side by side on one
 * lab CPU: lde's switch against Linux's and against pipe ping-pong,
 * timer to guest against cyclictest, 1024 guests against 2 on lde against
 * the same on Linux's switch, and direct execution at a 1 ms quantum.
 * It runs the experiments of the registry that those rows name, in the
 * registry's order, and prints the table.
 *
 *	$ sudo lde goals		about 25 s in a TCG VM
 *	$ sudo lde goals --json
 *
 * It prints what it measured and whether each goal is met.  Exit status 0
 * if it could measure every figure (met or not), 1 if not, 2 bad usage.
 * These are benchmarks, not tests: a goal not met is a finding.
 */
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/labcpu.h"
#include "dev/experiment.h"
#include "exp/goals.h"
#include "lib/opts.h"

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
	      "against cyclictest, 1024 guests against 2 on lde's switch\n"
	      "against the same on Linux's, and direct execution at a 1 ms\n"
	      "quantum.  Needs lde.ko, root and cyclictest (rt-tests).\n"
	      "About 25 s in a TCG VM.\n"
	      "\n"
	      "  -a, --affinity=CPU   the lab CPU (default: the last online)\n"
	      "      --json           print one JSON object\n"
	      "  -?, --help           show this help\n"
	      "\n"
	      "Exit status: 0 measured (met or not), 1 failed, 2 bad usage.\n",
	      f);
}

/* Every goal of lde goals measured? */
static bool all_measured(const struct session *s)
{
	struct goal_value v;
	size_t i;

	for (i = 0; i < nr_goals; i++) {
		if (goals[i].scope != GOAL_SCHED)
			continue;
		goal_measure(s, &goals[i], &v);
		/* A skipped experiment said why it could not measure. */
		if (isnan(goal_ratio(&v)) &&
		    session_out(s, goals[i].num.exp)->state != EXP_SKIPPED)
			return false;
	}
	return true;
}

int cmd_goals(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "affinity", required_argument, NULL, 'a' },
		{ "json",     no_argument,       NULL, OPT_JSON },
		{ "help",     no_argument,       NULL, OPT_HELP },
		{ NULL,       0,                 NULL, 0 },
	};
	int c, fd, ret = EXIT_FAIL, cpu = -1;
	struct session s;
	bool json = false;
	unsigned int failed;

	opterr = 0;		/* opts_other() says what was wrong */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (labcpu_arg(WHO, optarg, &cpu))
				return EXIT_USAGE;
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
	cpu = labcpu_pick(WHO, cpu);
	if (cpu < 0)
		return EXIT_FAIL;
	fd = sched_open(WHO);
	if (fd < 0)
		return EXIT_FAIL;
	if (session_init(&s, WHO, (unsigned int)cpu, fd)) {
		close(fd);
		return EXIT_FAIL;
	}
	failed = session_run(&s, goal_needs, 0);
	close(fd);
	if (!s.interrupted) {
		if (json)
			goals_print_json(stdout, &s);
		else
			goals_print_table(stdout, &s);
		ret = !failed && all_measured(&s) ? 0 : EXIT_FAIL;
	}
	session_free(&s);
	return ret;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * ctx.c - "lde ctx": what does a context switch cost, seen from user space?
 *
 * The baselines for lde's own switch engines, in one run on one CPU: a
 * pipe ping-pong between two processes (lmbench lat_ctx style) and a
 * sched_yield ping-pong between two threads, each reported per switch
 * with the cost of the same calls without a switch subtracted
 * (pingpong.c).  It needs no module.  Options use cyclictest's letters
 * where they mean the same (-a -l -q -h).
 *
 *	lde ctx				the table, with an explanation
 *	lde ctx -h			... and a log2 histogram per test
 *	lde ctx -q			only the two medians
 *	lde ctx --json | python3 -m json.tool
 *	lde ctx -a 0 -l 2000		on CPU 0, fewer round trips
 *
 * Exit status 1 also when the medians are printed but wrong, with a
 * warning that says why: the two threads did not take turns, or other
 * tasks ran on the CPU in most calls.  When they spoil only the tails, it
 * warns and exits 0.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmds.h"
#include "exp/ctx_output.h"
#include "bench/pingpong.h"
#include "bench/tsc.h"

/*
 * Per subject, and there are four (two round trips, two subtracted
 * calls): the run takes about 4 s at most, even in a slow TCG VM.
 */
#define BUDGET_S	1.0

static void usage(FILE *f);

static const struct cli_cmd ctx_cli = {
	.who = "lde ctx",
	.usage = usage,
	.loops = 10000,
	/* Buffers take about 100 bytes per round trip asked for. */
	.max_loops = 1000000,
	.batch = 100,
	.max_batch = 100000,
	.budget_s = BUDGET_S,
	.item = "test",
	.unit = "round trip",
	.quiet_help = "print only the median per switch of each test",
};

static void usage(FILE *f)
{
	fputs("usage: lde ctx [options]\n"
	      "\n"
	      "Time context switches between two tasks pinned to one CPU: a pipe\n"
	      "ping-pong between two processes and a sched_yield ping-pong between two\n"
	      "threads.  Figures are ns per switch: a round trip is two switches, and\n"
	      "the same calls made without a switch are subtracted.  No module needed.\n"
	      "\n", f);
	cli_usage_options(f, &ctx_cli);
	fputs("\nExit status: 0 done, 1 failed or the medians are wrong (a"
	      " warning says why),\n2 bad usage.\n", f);
}

int cmd_ctx(int argc, char **argv)
{
	struct measure_cfg cfg;
	struct ctx_report rep;
	struct pingpong pp;
	struct cli_opts o;
	struct tsc tsc;
	int cpu, ret;

	ret = cli_start(argc, argv, &ctx_cli, &o, &cpu, &tsc);
	if (ret != CLI_GO)
		return ret;

	cfg = (struct measure_cfg){
		.loops = o.loops,
		.batch = o.batch,
		.budget_ns = BUDGET_S * 1e9,
	};
	if (pingpong_run(&cfg, &tsc, &pp)) {
		fprintf(stderr, "lde ctx: %s: %s\n", pp.why, strerror(errno));
		return EXIT_FAIL;
	}
	rep = (struct ctx_report){
		.tsc = &tsc, .cpu = cpu, .loops = o.loops, .batch = o.batch,
		.budget_s = BUDGET_S, .pp = &pp,
	};
	ctx_output(stdout, &rep, o.fmt, o.quiet, o.histogram);
	return pingpong_trusted(&pp) ? 0 : EXIT_FAIL;
}

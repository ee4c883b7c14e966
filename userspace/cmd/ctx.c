// SPDX-License-Identifier: GPL-2.0
/*
 * ctx.c - "lde ctx": what does a context switch cost, seen from user space?
 *
 * The baselines for lde's own switch engines, in one run on one CPU: a
 * pipe ping-pong between two processes (lmbench lat_ctx style) and a
 * sched_yield ping-pong between two threads, each reported per switch
 * with the cost of the same calls without a switch subtracted
 * (bench/pingpong.c; the experiment and its output are exp/ctx.c's).  It
 * needs no module.  Options use cyclictest's letters where they mean the
 * same (-a -l -q -h).
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
#include "cmd/cmd.h"
#include "exp/ctx.h"

static const struct cli_cmd ctx_cli = {
	.who = "lde ctx",
	.about = "Time context switches between two tasks pinned to one CPU: a pipe\n"
		 "ping-pong between two processes and a sched_yield ping-pong between two\n"
		 "threads.  Figures are ns per switch: a round trip is two switches, and\n"
		 "the same calls made without a switch are subtracted.  No module needed.\n",
	.exits = "Exit status: 0 done, 1 failed or the medians are wrong (a warning"
		 " says why),\n2 bad usage.\n",
	/* Buffers take about 100 bytes per round trip asked for. */
	.loops = CTX_LOOPS, .max_loops = 1000000,
	.batch = CTX_BATCH, .max_batch = 100000,
	.budget_s = CTX_BUDGET_S, .item = "test", .unit = "round trip",
	.quiet_help = "print only the median per switch of each test",
};

int cmd_ctx(int argc, char **argv)
{
	struct ctx_bench c;
	struct cli_opts o;
	struct tsc tsc;
	int cpu, ret;

	ret = cli_start(argc, argv, &ctx_cli, &o, &cpu, &tsc);
	if (ret != CLI_GO)
		return ret;
	if (ctx_bench_run(&c, &tsc, cpu, o.loops, o.batch)) {
		fprintf(stderr, "lde ctx: %s: %s\n", c.pp.why, strerror(errno));
		return EXIT_FAIL;
	}
	render_print(stdout, &ctx_bench_ops, &c, o.fmt, o.quiet,
		     o.histogram);
	return pingpong_trusted(&c.pp) ? 0 : EXIT_FAIL;
}

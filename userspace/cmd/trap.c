// SPDX-License-Identifier: GPL-2.0
/*
 * trap.c - "lde trap": what does it cost to enter the kernel?
 *
 * In one run, pinned to one CPU, it times a plain function call, the
 * cheapest system call, a vDSO call, the cheapest ioctl and each trap of
 * /dev/lde, and prints them side by side with the ratios that matter.
 * Options use cyclictest's letters where they mean the same (-a -l -q -h).
 *
 *	lde trap			the table, with an explanation
 *	lde trap -h			... and a log2 histogram per subject
 *	lde trap -q			only the ratio lines
 *	lde trap --json | python3 -m json.tool
 *	lde trap --baseline-only	no /dev/lde needed
 *
 * Without /dev/lde it still measures and prints the baselines, then says
 * why /dev/lde is missing and exits 1.  --baseline-only does not try to
 * open it and exits 0.  The benchmark and its output are exp/trap.c's.
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "dev/device.h"
#include "exp/trap.h"

enum { FLAG_BASELINE };		/* index into trap_flags[] */

static const struct cli_flag trap_flags[] = {
	[FLAG_BASELINE] = { "baseline-only",
			    "measure the baselines only; do not open /dev/lde" },
};

static const struct cli_cmd trap_cli = {
	.who = "lde trap",
	.about = "Time one call of each subject, many times, pinned to one CPU: a function\n"
		 "call, getppid, vDSO clock_gettime, ioctl(/dev/null) and each trap of\n"
		 "/dev/lde.  Figures are ns per call with the loop+timer overhead subtracted.\n",
	.exits = "Exit status: 0 done, 1 failed (or /dev/lde missing), 2 bad"
		 " usage.\n",
	.loops = TRAP_LOOPS, .max_loops = 10000000,
	.batch = TRAP_BATCH, .max_batch = 1000000,
	.budget_s = TRAP_BUDGET_S, .item = "subject", .unit = "call",
	.quiet_help = "print only the ratio lines",
	.flags = trap_flags, .nflags = ARRAY_SIZE(trap_flags),
};

int cmd_trap(int argc, char **argv)
{
	struct trap_bench tb;
	struct cli_opts o;
	struct tsc tsc;
	int cpu, fd = -1, open_err = 0, ret = EXIT_FAIL, start;

	start = cli_start(argc, argv, &trap_cli, &o, &cpu, &tsc);
	if (start != CLI_GO)
		return start;

	if (!o.flag[FLAG_BASELINE]) {
		fd = lde_open();
		if (fd < 0)
			open_err = errno;	/* reported after the baselines */
	}
	if (trap_bench_run(&tb, "lde trap", fd, cpu, &tsc, o.loops, o.batch))
		goto out;
	render_print(stdout, &trap_bench_ops, &tb, o.fmt, o.quiet,
		     o.histogram);
	if (open_err) {
		fflush(stdout);		/* the reason goes below the table */
		lde_perror(open_err);
		goto out;
	}
	ret = 0;
out:
	trap_bench_free(&tb);
	if (fd >= 0)
		close(fd);
	return ret;
}

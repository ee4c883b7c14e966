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
 * open it and exits 0.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmds.h"
#include "ldedev.h"
#include "measure.h"
#include "output.h"
#include "subjects.h"
#include "tsc.h"

#define BUDGET_S	1.0	/* per subject: caps the slow echo sizes */

enum { FLAG_BASELINE };		/* index into trap_flags[] */

static const struct cli_flag trap_flags[] = {
	[FLAG_BASELINE] = { "baseline-only",
			    "measure the baselines only; do not open /dev/lde" },
};

static void usage(FILE *f);

static const struct cli_cmd trap_cli = {
	.who = "lde trap",
	.usage = usage,
	.loops = 20000,		/* ~0.1 s per syscall subject in a TCG VM */
	.max_loops = 10000000,
	.batch = 1000,
	.max_batch = 1000000,
	.budget_s = BUDGET_S,
	.item = "subject",
	.unit = "call",
	.quiet_help = "print only the ratio lines",
	.flags = trap_flags,
	.nflags = sizeof(trap_flags) / sizeof(trap_flags[0]),
};

static void usage(FILE *f)
{
	fputs("usage: lde trap [options]\n"
	      "\n"
	      "Time one call of each subject, many times, pinned to one CPU: a function\n"
	      "call, getppid, vDSO clock_gettime, ioctl(/dev/null) and each trap of\n"
	      "/dev/lde.  Figures are ns per call with the loop+timer overhead subtracted.\n"
	      "\n", f);
	cli_usage_options(f, &trap_cli);
	fputs("\nExit status: 0 done, 1 failed (or /dev/lde missing), 2 bad"
	      " usage.\n", f);
}

/* Calls that failed while timing make the figures suspect: say so. */
static bool report_errors(const struct result *res, size_t n)
{
	bool any = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!res[i].errors)
			continue;
		fprintf(stderr, "lde trap: %s: %lu of %lu calls failed while"
			" timing (first: %s)\n", res[i].name, res[i].errors,
			res[i].calls, strerror(res[i].first_errno));
		any = true;
	}
	return any;
}

int cmd_trap(int argc, char **argv)
{
	struct result res[SUBJECTS_MAX];
	struct measure_cfg cfg;
	struct cli_opts o;
	struct subjects ss;
	struct report rep;
	struct tsc tsc;
	int cpu, fd = -1, open_err = 0, ret = EXIT_FAIL, start;
	char err[400];

	start = cli_start(argc, argv, &trap_cli, &o, &cpu, &tsc);
	if (start != CLI_GO)
		return start;

	subjects_init(&ss);
	if (subjects_add_baselines(&ss, err, sizeof(err)))
		goto check_failed;
	if (!o.flag[FLAG_BASELINE]) {
		fd = lde_open();
		if (fd < 0)
			open_err = errno;	/* reported after the baselines */
		else if (subjects_add_lde(&ss, fd, err, sizeof(err)))
			goto check_failed;
	}

	cfg = (struct measure_cfg){
		.loops = o.loops,
		.batch = o.batch,
		.budget_ns = BUDGET_S * 1e9,
	};
	rep = (struct report){
		.tsc = &tsc, .cpu = cpu, .loops = o.loops, .batch = o.batch,
		.budget_s = BUDGET_S, .res = res, .n = ss.n,
		.call = ss.call, .getppid = ss.getppid,
		.ioctl = ss.ioctl, .null = ss.null,
		.clocksource = ss.clocksource, .note = ss.clock_note,
	};
	if (measure_run(&cfg, &tsc, ss.s, ss.n, res, &rep.ov)) {
		perror("lde trap: measuring");
		goto out;
	}
	if (report_errors(res, ss.n))
		goto out;
	output_report(stdout, &rep, o.fmt, o.quiet, o.histogram);
	if (open_err) {
		fflush(stdout);		/* the reason goes below the table */
		lde_perror(open_err);
		goto out;
	}
	ret = 0;
	goto out;

check_failed:
	fprintf(stderr, "lde trap: check before timing failed: %s\n", err);
out:
	subjects_free(&ss);
	if (fd >= 0)
		close(fd);
	return ret;
}

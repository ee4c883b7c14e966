// SPDX-License-Identifier: GPL-2.0
/*
 * trapbench.c - the subjects of the trap benchmark, checked and timed.
 *
 * Every subject is checked once before timing (subjects.c), then all are
 * timed in interleaved rounds (measure.c), so that a drifting VM slows
 * them alike.  A call that fails while timed makes its figures suspect:
 * the run then fails and says which.
 *
 * Use: see trapbench.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bench/trapbench.h"

/* Calls that failed while timing make the figures suspect: say so. */
static bool report_errors(const char *who, const struct result *res,
			  size_t n)
{
	bool any = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!res[i].errors)
			continue;
		fprintf(stderr, "%s: %s: %lu of %lu calls failed while"
			" timing (first: %s)\n", who, res[i].name,
			res[i].errors, res[i].calls,
			strerror(res[i].first_errno));
		any = true;
	}
	return any;
}

int trapbench_run(struct trapbench *tb, const char *who, int fd, int cpu,
		  const struct tsc *tsc, size_t loops, size_t batch)
{
	struct subjects *ss = &tb->ss;
	struct measure_cfg cfg = {
		.loops = loops,
		.batch = batch,
		.budget_ns = TRAPBENCH_BUDGET_S * 1e9,
	};
	char err[400];

	subjects_init(ss);
	if (subjects_add_baselines(ss, err, sizeof(err)) ||
	    (fd >= 0 && subjects_add_lde(ss, fd, err, sizeof(err)))) {
		fprintf(stderr, "%s: check before timing failed: %s\n", who,
			err);
		return -1;
	}
	tb->rep = (struct report){
		.tsc = tsc, .cpu = cpu, .loops = loops, .batch = batch,
		.budget_s = TRAPBENCH_BUDGET_S, .res = tb->res, .n = ss->n,
		.call = ss->call, .getppid = ss->getppid,
		.ioctl = ss->ioctl, .null = ss->null,
		.clocksource = ss->clocksource, .note = ss->clock_note,
	};
	if (measure_run(&cfg, tsc, ss->s, ss->n, tb->res, &tb->rep.ov)) {
		fprintf(stderr, "%s: measuring: %s\n", who, strerror(errno));
		return -1;
	}
	return report_errors(who, tb->res, ss->n) ? -1 : 0;
}

void trapbench_free(struct trapbench *tb)
{
	subjects_free(&tb->ss);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pingpong.h - what one context switch costs, seen from user space.
 *
 * Two ping-pongs on one CPU, in the manner of lmbench's lat_ctx:
 *
 *  - pipe: two processes pass a 4-byte token back and forth through two
 *    pipes.  A round trip A -> B -> A is two switches, two writes and two
 *    reads;
 *  - sched_yield: two threads of one process take turns to yield.  A
 *    round trip is two switches and two sched_yield() calls.
 *
 * The same calls made without a switch (a write and a read on a pipe
 * inside one process; sched_yield() with no other thread to run) are
 * timed in the same run, and
 *
 *	per switch = round trip / 2 - one such call.
 *
 * Use: pinned to one CPU with the TSC calibrated there, as for
 * measure_run(); the partners inherit the pinning.
 *
 *	struct measure_cfg cfg = { .loops = 10000, .batch = 100,
 *				   .budget_ns = 1e9 };
 *	struct pingpong pp;
 *
 *	cpus_pin(-1);		// lib/cpus.h
 *	tsc_calibrate(&tsc);
 *	if (pingpong_run(&cfg, &tsc, &pp))
 *		fprintf(stderr, "%s: %s\n", pp.why, strerror(errno));
 *	else
 *		printf("%.0f ns\n", pp.test[PP_PIPE].sw.p50);
 *
 * It takes about 4 * cfg->budget_ns at most, and ignores SIGPIPE while it
 * runs (a dead partner then shows as an error, not as our death).  Ask
 * pingpong_trusted() before trusting the medians; each test's spoiled
 * says which other figures may be too long.
 */
#ifndef LDE_PINGPONG_H
#define LDE_PINGPONG_H

#include <stdbool.h>
#include <stddef.h>

#include "bench/measure.h"
#include "bench/tsc.h"
#include "lib/stats.h"

/*
 * Which figures may be too long, by the share of round trips made longer
 * (by other tasks' runs, or uneven sched_yield turns) or of subtracted
 * calls hit by other tasks, whichever is worse:
 */
enum pp_spoiled {
	PP_CLEAN,	/* <= 1%: only the Max, about */
	PP_TAILS,	/* P99, Max, and the Avg (most batches hold a run) */
	PP_P90,		/* > 10% of the round trips: P90 as well */
	PP_ALL,		/* > 50% of either: the medians too */
};

enum pp_kind {
	PP_PIPE,
	PP_YIELD,
	PP_KINDS,
};

struct pp_result {
	const char *name;	/* "pipe", "sched_yield" */
	const char *solo_name;	/* what was subtracted: "pipe write+read" */
	struct stats sw;	/* ns per switch, one sample per round trip */
	double avg_ns;		/* ns per switch, from batches of round trips */
	double raw_ns;		/* P50 round trip / 2, nothing subtracted */
	double rt_p50_ns;	/* P50 round trip, timer cost subtracted */
	struct stats solo;	/* ns per subtracted call */
	double solo_avg_ns;
	bool capped;		/* fewer than cfg->loops, to fit the budget */
	/*
	 * sched_yield only: the two threads' yields, and the round trips in
	 * which one of them yielded more than once (the scheduler handed the
	 * CPU straight back to it): those are longer than two switches.
	 */
	unsigned long turns, partner_turns, uneven;
	/*
	 * Round trips and subtracted calls made (warm-up included), and how
	 * often another task ran on the CPU meanwhile: exact if
	 * pingpong.foreign_exact, else estimated from our own switches.
	 */
	unsigned long rt_calls, rt_foreign;
	unsigned long solo_calls, solo_foreign;
	enum pp_spoiled spoiled;
};

struct pingpong {
	struct pp_result test[PP_KINDS];
	struct overhead ov;	/* timer and loop cost, already subtracted */
	bool foreign_exact;	/* the CPU's switch counter could be read */
	char why[160];		/* after a failure: what failed */
};

/*
 * Are the medians switch costs: were most round trips even, and did other
 * tasks keep out of most calls?  (Each test's spoiled says more.)
 */
bool pingpong_trusted(const struct pingpong *pp);

/*
 * Run both ping-pongs and their baselines, interleaved (measure_run()
 * rounds).  Returns 0, or -1 with errno set and pp->why saying what
 * failed.
 */
int pingpong_run(const struct measure_cfg *cfg, const struct tsc *t,
		 struct pingpong *pp);

#endif /* LDE_PINGPONG_H */

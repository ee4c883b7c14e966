/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scaling.h - the experiment "scaling": switch cost against the number of
 * guests, on both engines, in interleaved rounds.
 *
 * Use (tests, and exp/scaling.c itself):
 *	unsigned int e, c;
 *
 *	scaling_point(round, i, &e, &c);	// the i-th run of a round
 *	sc.p50[e][c][round] = ...;		// its switch cost P50, ns
 *	v = scaling_ratio(&sc, e, c);		// median of the rounds' P50
 *						// at counts[c] / at counts[0]
 */
#ifndef LDE_EXP_SCALING_H
#define LDE_EXP_SCALING_H

#include "exp/sched.h"
#include "lib/stats.h"
#include "lde.h"

#define SCALE_ENGINES	2	/* lde, linux */
#define SCALE_COUNTS	5	/* 2, 16, 64, 256, 1024 guests */
#define SCALE_RUNS	(SCALE_ENGINES * SCALE_COUNTS)	/* per round */
#define SCALE_ROUNDS	9
#define SCALE_RUN_NS	200000000ULL	/* each run: 200 ms */

extern const __u32 scale_engines[SCALE_ENGINES];
extern const unsigned int scale_counts[SCALE_COUNTS];

struct scaling {
	/* Switch cost P50 of each run, ns; NAN if it did not run. */
	double p50[SCALE_ENGINES][SCALE_COUNTS][SCALE_ROUNDS];
	unsigned long long switches[SCALE_ENGINES][SCALE_COUNTS][SCALE_ROUNDS];
	unsigned int rounds;	/* rounds that ran to the end */
	struct sched_run r;	/* the run under way */
};

/*
 * The i-th run (0 .. SCALE_RUNS - 1) of a round: engine index *e and
 * count index *c.  Counts go up in even rounds and down in odd ones, each
 * count on both engines, one after the other, so that drift hits every
 * point alike.
 */
void scaling_point(unsigned int round, unsigned int i, unsigned int *e,
		   unsigned int *c);

/* Median over the rounds of P50 at counts[c] / P50 at counts[0]; or NAN. */
double scaling_ratio(const struct scaling *sc, unsigned int e,
		     unsigned int c);
/*
 * The goal's ratio: in each round, lde's 1024/2 over the linux engine's
 * 1024/2; its median over the rounds and its spread.
 */
struct stats_spread scaling_vs_linux(const struct scaling *sc);
/* Median over the rounds of the P50 at counts[c], ns; or NAN. */
double scaling_p50(const struct scaling *sc, unsigned int e, unsigned int c);

#endif /* LDE_EXP_SCALING_H */

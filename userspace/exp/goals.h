/* SPDX-License-Identifier: GPL-2.0 */
/*
 * goals.h - the mini scheduler's goals: the experiments that measure
 * them, the ratios, and every figure behind them.
 *
 * "lde goals" measures and prints them (goalrun.c, goalout.c); "lde
 * report" measures them the same way and also writes and plots the
 * figures behind them (the switch cost and timer histograms).
 *
 * Every goal is a ratio of two figures measured side by side in one run
 * (goalrun.c says which), so it holds where absolute times, inflated in a
 * VM, do not.
 *
 * Use:
 *	struct goal_runs gr;
 *	struct progress p;
 *
 *	progress_init(&p, "lde goals", GOALS_STEPS);
 *	ret = goals_measure(fd, cpu, &gr, &p, NULL);	// 0 or exit status
 *	if (!ret)
 *		goalout_table(stdout, &gr);
 *	goals_free(&gr);
 */
#ifndef LDE_GOALS_H
#define LDE_GOALS_H

#include <stdbool.h>
#include <stdio.h>

#include "bench/measure.h"
#include "bench/pingpong.h"
#include "lib/progress.h"
#include "dev/schedrun.h"
#include "dev/schedstats.h"
#include "lib/stats.h"
#include "bench/tsc.h"

enum goal_id {
	G_VS_LINUX,		/* lde switch / linux switch, P50 */
	G_VS_PIPE,		/* lde switch / pipe ping-pong switch, P50 */
	G_VS_CYCLICTEST,	/* timer to guest / cyclictest, P99 */
	G_O1,			/* switch at 1024 guests / at 2, P50 */
	G_DIRECT,		/* guest loop / plain kthread loop */
	NR_GOALS
};

/* A goal: a ratio of two figures and its target. */
struct goal {
	const char *what;	/* the ratio, in words */
	const char *key;	/* JSON */
	const char *num_name, *den_name;
	double num, den;	/* the two figures; ratio = num / den */
	double target;
	bool at_least;		/* met if ratio >= target, else if <= */
};

/* num / den, or NAN if either is missing. */
double goal_ratio(const struct goal *g);
/* The ratio is known and on the right side of the target. */
bool goal_met(const struct goal *g);

/* The experiments the goals are measured with, in the order they run. */
enum goal_exp {
	GX_LDE2,	/* coop, lde engine, 2 yield guests */
	GX_LINUX2,	/* coop, linux engine, 2 yield guests */
	GX_LDE1024,	/* coop, lde engine, 1024 yield guests */
	GX_RR,		/* rr 1 ms, lde engine, 2 spin guests */
	GX_NR
};

/* "coop-lde-2yield": for file names. */
extern const char *const goal_exp_names[GX_NR];

/* Steps goals_measure() announces to its struct progress. */
#define GOALS_STEPS	(GX_NR + 2)

struct goal_runs {
	unsigned int cpu;		/* the lab CPU */
	struct goal goal[NR_GOALS];
	double timer_late_p99;		/* of GX_RR: expiry to handler */
	struct sched_exp exp[GX_NR];
	struct sched_figures fig[GX_NR];
	/* The ping-pong (lde ctx's baselines), timed on cpu: */
	bool pp_ran;			/* pp holds figures */
	struct pingpong pp;
	struct measure_cfg pp_cfg;
	struct tsc tsc;			/* calibrated on cpu */
	/* cyclictest on cpu, ns: */
	bool cyclic_ran;
	struct stats cyclic;
};

/*
 * Run the experiments on cpu, then the ping-pong and cyclictest (cyclic_raw,
 * if not NULL, gets its output), and fill gr.  The calling thread ends up
 * pinned to cpu.  Returns 0 if the experiments ran (a ping-pong or
 * cyclictest that failed leaves its goal NAN), or the exit status after
 * saying why.  Call goals_free() either way.
 */
int goals_measure(int fd, unsigned int cpu, struct goal_runs *gr,
		  struct progress *p, FILE *cyclic_raw);
void goals_free(struct goal_runs *gr);

/* "lde goals": the table that explains itself, or one JSON object. */
void goalout_table(FILE *f, const struct goal_runs *gr);
void goalout_json(FILE *f, const struct goal_runs *gr);
/* One goal as a JSON object: {"key": ..., "met": ...}. */
void goalout_json_goal(FILE *f, const struct goal *g);

#endif /* LDE_GOALS_H */

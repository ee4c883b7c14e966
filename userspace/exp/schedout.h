/* SPDX-License-Identifier: GPL-2.0 */
/*
 * schedout.h - print one mini-scheduler experiment: a report that
 * explains itself, or JSON with every figure.
 *
 * Use:
 *	schedout_report(stdout, &e, &fg, histogram);	// lde sched
 *	schedout_json(stdout, &e, &fg);			// lde sched --json
 *
 *	schedout_guests(stdout, &e, &fg);	// pieces, for lde demo coop
 *	schedout_hog(stdout, &e, &fg);
 */
#ifndef LDE_SCHEDOUT_H
#define LDE_SCHEDOUT_H

#include <stdbool.h>
#include <stdio.h>

#include "dev/schedrun.h"
#include "dev/schedstats.h"

/* Direct-execution throughput ratio the issue asks for, at a 1 ms quantum. */
#define GOAL_DIRECT_RATIO	0.95

void schedout_report(FILE *f, const struct sched_exp *e,
		     const struct sched_figures *fg, bool histogram);
void schedout_json(FILE *f, const struct sched_exp *e,
		   const struct sched_figures *fg);

/* The per-guest table (per group when there are many guests). */
void schedout_guests(FILE *f, const struct sched_exp *e,
		     const struct sched_figures *fg);
/* Which guest the watchdog caught and for how long; nothing if none. */
void schedout_hog(FILE *f, const struct sched_exp *e,
		  const struct sched_figures *fg);

#endif /* LDE_SCHEDOUT_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * figures.h - the figures derived from one experiment's raw results:
 * exact percentiles from the event ring, quantum accuracy, fairness,
 * direct-execution ratio.
 *
 * Use:
 *	struct sched_figures fg;
 *
 *	if (sched_figures_compute(&e, &fg))	// e: after sched_exp_run()
 *		... ENOMEM ...
 *	fg.dist[SCHED_SWITCH_COST].ring.p99	// ns, if .ring.n
 */
#ifndef LDE_FIGURES_H
#define LDE_FIGURES_H

#include <stdint.h>

#include "dev/experiment.h"
#include "lib/stats.h"

/* In the order of LDE_SCHED_DISTS (lde.h), which names them. */
enum sched_dist_id {
	SCHED_SWITCH_COST,	/* leaving guest A to running guest B */
	SCHED_TIMER_LATE,	/* hrtimer expiry to its handler */
	SCHED_TIMER_TO_GUEST,	/* hrtimer expiry to the next guest */
	SCHED_HANDLER_TO_GUEST,	/* its handler to the next guest */
	SCHED_NR_DISTS
};

struct sched_dist_fig {
	const char *title;		/* "switch cost" */
	const char *key;		/* JSON: "switch_cost" */
	const struct lde_sched_dist *mod;	/* lde.ko's: every event */
	struct stats ring;		/* exact, from the events kept */
	double mod_mean_ns;		/* mod->sum_ns / count; NAN if none */
	uint64_t mod_hist[STATS_BUCKETS];	/* mod->hist, as uint64_t */
};

struct sched_figures {
	struct sched_dist_fig dist[SCHED_NR_DISTS];
	uint64_t switches;		/* all reasons */
	uint64_t guest_cpu_ns;		/* summed over the guests */
	uint64_t watchdog_ns;		/* in effect, default resolved */
	double mean_slice_ns;		/* timer slices; NAN if none */
	double mean_err_ns;		/* mean |slice - quantum|; NAN too */
	double jain;			/* 1.0 = equal CPU time; NAN if none */
	double guest_rate;		/* spin loop iterations per us ... */
	double host_rate;		/* ... and in the plain kthread */
	double direct;			/* guest_rate / host_rate, or NAN */
};

/* 0, or -1 with errno ENOMEM. */
int sched_figures_compute(const struct sched_exp *e,
			  struct sched_figures *fg);

#endif /* LDE_FIGURES_H */

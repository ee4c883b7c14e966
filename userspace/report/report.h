/* SPDX-License-Identifier: GPL-2.0 */
/*
 * report.h - "lde report": the whole registry in one run, and the
 * directory it leaves, results/<timestamp>/.
 *
 *   cmd/report.c       the command: options, the directory, the run
 *   report/files.c     every experiment's files, the goals', sched.csv,
 *                      guests.csv
 *   report/plots.c     the plots: their data, gnuplot scripts
 *                      (scripts/plots/) and PNGs
 *   report/summary.c   report.json, the run's index for programs;
 *                      summary.md, and its goal table on stdout
 *
 * Each is a loop over the registry (exp/list.h) and the goal table
 * (exp/goals.c): what an experiment writes, and what it adds to
 * summary.md and report.json, is the experiment's own (exp.h).
 *
 * Use:
 *	struct report r;		// r.s ran the registry in r.dir
 *
 *	report_files(&r);
 *	report_plots(&r);
 *	report_index(&r);
 *	report_summary(&r);
 */
#ifndef LDE_REPORT_H
#define LDE_REPORT_H

#include <limits.h>
#include <stdbool.h>

#include "exp/exp.h"

#define REPORT_PLOTS_MAX	8

struct report {
	struct session s;
	char dir[PATH_MAX];	/* results/<stamp>: every file goes here */
	char stamp[32];		/* when it began, UTC */
	char self[PATH_MAX];	/* this program: lde sched, lde demo */
	char scripts[PATH_MAX];	/* plots/ and lde-timeline live here */
	struct exp_out files;	/* its own two steps: the files ... */
	struct exp_out plots;	/* ... and the plots */
	bool plotted[REPORT_PLOTS_MAX];	/* plot i's PNG was made */
};

#define PLOT_SERIES_MAX	4

/* One series of a log2 histogram plot: a distribution of an experiment. */
struct plot_series {
	const struct exp *exp;
	const char *dist;	/* which of its distributions (exp.h) */
	const char *title;	/* the key: "lde engine: P50 96 ns" */
	unsigned int pct;	/* the title's percentile: 50 or 99 */
};

/* A plot: name.gp, drawing name.png from name.csv. */
struct plot {
	const char *name;	/* "switch_cost": a goal's plot */
	const char *what;	/* for summary.md */
	/* Its series, or none: an experiment writes name.csv itself. */
	struct plot_series series[PLOT_SERIES_MAX];
};

extern const struct plot plots[];
extern const size_t nr_plots;

/* The plot called name, or -1. */
int plot_index(const char *name);

/* Steps of report.json and summary.md besides the experiments'. */
#define REPORT_STEPS	2	/* JSON and CSV; plots */

/*
 * Every experiment's files, the goals' (goals.json, goals.csv),
 * sched.csv, guests.csv, and the plots' data; sets r->files.  0 if all
 * were written.
 */
int report_files(struct report *r);

/* The plots' CSV (report_files() calls it): 0 if written. */
int report_plot_data(const struct report *r);

/* The scripts into r->dir and gnuplot; sets r->plots.  0 if all drew. */
int report_plots(struct report *r);

/* report.json; then summary.md, and its goal table on stdout.  0 or -1. */
int report_index(const struct report *r);
int report_summary(const struct report *r);

/* The i-th mini-scheduler experiment that ran, in registry order; or NULL. */
const struct sched_run *report_sched(const struct session *s, size_t i);

/*
 * report.json's steps: the experiments', by their step (exp.h), then the
 * files and the plots.  Step i's name and outcome; false after the last.
 */
bool report_step(const struct report *r, size_t i, const char **name,
		 struct exp_out *o);

#endif /* LDE_REPORT_H */

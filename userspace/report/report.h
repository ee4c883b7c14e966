/* SPDX-License-Identifier: GPL-2.0 */
/*
 * report.h - "lde report": the whole lab in one run, and the directory it
 * leaves, results/<timestamp>/.  What the report's files share:
 *
 *   report.c          the command: options, the steps in order, progress
 *   report_hog.c      the hog experiments: coop and rr, both engines, 2
 *                     and 1024 guests, one of them a hog
 *   report_trace.c    the traced run: perf record, perf script, and
 *                     scripts/lde-timeline for the timeline picture
 *   report_write.c    the JSON and CSV files of every figure
 *   report_plot.c     the gnuplot scripts (scripts/plots/) and their PNGs
 *   report_summary.c  summary.md, and its goal table on stdout
 *
 * The measurements themselves are the other commands': trapbench.c (lde
 * trap), goalrun.c (lde goals, with lde ctx's ping-pong and cyclictest),
 * schedrun.c (lde sched); the JSON and CSV are their --json and --csv.
 */
#ifndef LDE_REPORT_H
#define LDE_REPORT_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

#include "exp/goals.h"
#include "lib/progress.h"
#include "dev/schedrun.h"
#include "dev/schedstats.h"
#include "bench/trapbench.h"
#include "bench/tsc.h"

#define REPORT_WHO	"lde report"

/* The hog experiments: {2, 1024 guests} x {lde, linux} x {coop, rr}. */
#define HOG_RUNS	8
#define HOG_BURST_QUANTA 10	/* the others' work between two yields */

struct hog_run {
	char name[32];		/* "coop-lde-2": sched-hog-coop-lde-2.json */
	unsigned int guests;	/* guest 0 is the hog, the others yield */
	bool ran;		/* e and fg hold its figures */
	struct sched_exp e;
	struct sched_figures fg;
	double hog_share;	/* guest 0's CPU time / the time it ran */
	double others_share;	/* the other guests', summed */
};

/* The report's steps, for its summary and report.json. */
enum lab_step {
	STEP_TRAP,		/* the trap benchmark and its baselines */
	STEP_GOALS,		/* lde goals, with the ping-pong, cyclictest */
	STEP_HOGS,		/* the hog experiments */
	STEP_DEMO,		/* lde demo privileged */
	STEP_TRACE,		/* perf record and perf script */
	STEP_TIMELINE,		/* scripts/lde-timeline */
	STEP_FILES,		/* JSON and CSV */
	STEP_PLOTS,		/* gnuplot */
	NR_STEPS
};

enum step_state {
	STEP_NOT_RUN,
	STEP_OK,
	STEP_FAILED,
	STEP_SKIPPED,		/* could not run, and that is no failure */
};

struct step {
	enum step_state state;
	char note[240];		/* what went wrong, or "" */
};

/* "trap", "goals", ...: for report.json; and "ok", "failed", ... */
extern const char *const lab_step_names[NR_STEPS];
extern const char *const lab_state_names[STEP_SKIPPED + 1];

enum lab_plot {
	PLOT_TRAP,		/* trap latency by kind, against baselines */
	PLOT_SWITCH,		/* switch cost: lde, linux, pipe ping-pong */
	PLOT_TIMER,		/* timer to guest against cyclictest */
	PLOT_SHARE,		/* CPU share per guest, coop against rr */
	NR_PLOTS
};

struct lab_plot_info {
	const char *gp;		/* the script, in scripts/plots/ */
	const char *png;	/* what it draws */
	const char *data;	/* the CSV it reads */
	const char *what;	/* for summary.md */
};

extern const struct lab_plot_info lab_plots[NR_PLOTS];

struct lab {
	char dir[PATH_MAX];	/* results/<stamp>: every file goes here */
	char stamp[32];		/* when it began, UTC */
	char self[PATH_MAX];	/* this program: lde sched, lde demo */
	char scripts[PATH_MAX];	/* plots/ and lde-timeline live here */
	unsigned int cpu;	/* the lab CPU */
	int fd;			/* /dev/lde */
	struct progress prog;
	struct step step[NR_STEPS];
	struct tsc tsc;		/* calibrated on cpu, for the traps */
	struct trapbench tb;
	struct goal trap_goal;	/* lde null / ioctl(/dev/null), P50 */
	struct goal_runs gr;
	bool goals_ran;		/* gr's experiments ran */
	struct hog_run hog[HOG_RUNS];
	int demo_status;	/* lde demo privileged's exit status */
	bool timeline_png;	/* lde-timeline drew timeline.png too */
	bool plotted[NR_PLOTS];	/* its PNG was made */
};

/* A step's outcome; fmt (may be NULL) says why, for summary.md. */
void lab_step_set(struct lab *l, enum lab_step s, enum step_state state,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* report_hog.c: run the hog experiments; 0 if all ran. */
#define HOG_STEPS	HOG_RUNS
int hog_runs_measure(struct lab *l);
void hog_runs_free(struct lab *l);

/* report_trace.c: the traced run and the timeline picture. */
#define TRACE_STEPS	3
void trace_run(struct lab *l);

/*
 * report_write.c: every figure as JSON and CSV, 0 if all were written
 * (the plots' data is lab_plot_data()'s).
 */
int lab_write_files(struct lab *l);
/* dir/name for writing, or NULL after saying why. */
FILE *lab_fopen(const struct lab *l, const char *name);
/* Close it; 0, or -1 after saying why (a full disk shows here). */
int lab_fclose(FILE *f, const char *name);
/* Write dir/name with fn; 0 or -1. */
typedef void (*lab_write_fn)(FILE *f, const struct lab *l);
int lab_write(const struct lab *l, const char *name, lab_write_fn fn);
/* v with printf's fmt, or nothing if it is not finite: CSV's "unknown". */
void csv_num(FILE *f, const char *fmt, double v);

/* One experiment that ran: a goal's or a hog's. */
struct exp_ref {
	char name[48];		/* "goal-coop-lde-2yield", "hog-rr-linux-2" */
	const struct sched_exp *e;
	const struct sched_figures *fg;
	const struct hog_run *hog;	/* or NULL */
};

#define LAB_EXP_MAX	(GX_NR + HOG_RUNS)

/* The experiments that ran, the goals' first, into r; how many. */
size_t lab_experiments(const struct lab *l, struct exp_ref *r);

/*
 * report_plot.c: the plots' data (CSV), 0 if written; then the scripts
 * into dir and gnuplot, 0 if every PNG was drawn.
 */
int lab_plot_data(const struct lab *l);
int lab_plot(struct lab *l);

/*
 * report_summary.c: report.json, the run's index for programs; then
 * summary.md, and its goal table on stdout.  0, or -1 if not written.
 */
int lab_write_index(struct lab *l);
int lab_summary(struct lab *l);

#endif /* LDE_REPORT_H */

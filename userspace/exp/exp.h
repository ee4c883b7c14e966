/* SPDX-License-Identifier: GPL-2.0 */
/*
 * exp.h - an experiment, the registry of them, and a session that runs
 * some of them one after the other on the lab CPU.
 *
 * An experiment is one file of exp/: what it runs, its figures, and how
 * they print.  The registry (exp/list.h, one line each) holds them in the
 * order they run.  "lde report" runs all of it; "lde goals" the ones its
 * goals need (exp/goals.c); lde trap, lde ctx and lde sched call one
 * experiment's own functions with options from the command line.
 *
 * What an experiment gives the others, by name (so that a table of data
 * can point at it):
 *   figures   one number each ("switch_cost_p50"): the goals divide them
 *   dists     one distribution each (a log2 histogram and its stats):
 *             the plots draw them
 *   sched     the mini-scheduler experiments it ran: sched.csv, sched-*.json
 * and, for lde report, its files (its printer's JSON and CSV, and others),
 * its section of summary.md and its members of report.json.
 *
 * Use:
 *	struct session s;
 *
 *	session_init(&s, "lde goals", cpu, fd);
 *	session_run(&s, wanted, 0);	// wanted(x): run x or not
 *	v = session_figure(&s, &exp_rr_lde_2spin, "guest_rate");
 *	session_free(&s);
 */
#ifndef LDE_EXP_H
#define LDE_EXP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lib/progress.h"
#include "lib/render.h"
#include "lib/stats.h"

struct machine;
struct sched_run;
struct session;
struct tsc;

/* How an experiment of a session went. */
enum exp_state {
	EXP_NOT_RUN,
	EXP_OK,
	EXP_FAILED,
	EXP_SKIPPED,		/* could not run, and that is no failure */
	EXP_NR_STATES
};

/* "not run", "ok", "failed", "skipped": report.json's words. */
extern const char *const exp_state_names[EXP_NR_STATES];

/* One experiment's outcome in a session. */
struct exp_out {
	enum exp_state state;
	int status;		/* failed: the exit status it would give */
	char note[240];		/* what went wrong, or "" */
	void *st;		/* its state, x->size bytes; NULL if not run */
};

/* A figure an experiment measures: one number, NAN when it has none. */
struct exp_figure {
	const char *name;
	double (*get)(const void *st);
};

/* A distribution it measures: its log2 histogram and its figures. */
struct exp_dist {
	const char *name;
	const uint64_t *(*hist)(const void *st);	/* STATS_BUCKETS */
	const struct stats *(*stats)(const void *st);	/* P50, P99... */
};

struct exp {
	const char *name;	/* "coop-lde-2yield": goals and plots say it */
	const char *step;	/* report.json's step it counts in (its name) */
	unsigned int steps;	/* progress lines its run prints */
	size_t size;		/* its state, zeroed before run() */
	const void *def;	/* an experiment kind's configuration */

	/* Run it: progress lines, then o->state (exp_ok(), exp_fail()...). */
	void (*run)(const struct exp *x, struct session *s, struct exp_out *o);
	/* Free what run() allocated in o->st, ran or not. */
	void (*free)(void *st);

	const struct exp_figure *figures;	/* ends with a NULL name */
	const struct exp_dist *dists;		/* ends with a NULL name */
	/* Its i-th mini-scheduler experiment, or NULL after the last. */
	const struct sched_run *(*sched)(const void *st, size_t i);

	/*
	 * Its printers, given its state (lib/render.h): lde report writes
	 * <name>.json and <name>.csv with those it has, its command's --json
	 * and --csv.
	 */
	const struct render_ops *ops;
	/* lde report: other files, ran or not; 0 or -1 after saying why. */
	int (*files)(const struct exp *x, const struct session *s,
		     const struct exp_out *o);
	/* Its section of summary.md (run or not), and of its picture list. */
	void (*md)(FILE *f, const struct session *s, const struct exp_out *o);
	void (*md_picture)(FILE *f, const struct session *s,
			   const struct exp_out *o);
	/* Its members of report.json, each after ",\n  "; pictures first. */
	void (*json_picture)(FILE *f, const struct session *s,
			     const struct exp_out *o);
	void (*json)(FILE *f, const struct session *s,
		     const struct exp_out *o);
};

/* The registry, in the order its experiments run: exp/list.h. */
extern const struct exp *const experiments[];
extern const size_t nr_experiments;

/* Every experiment of exp/list.h, declared: exp_trap, exp_ctx... */
#define EXP(name)	exp_##name,
extern const struct exp
#include "exp/list.h"
	exp_list_end;	/* not an experiment: ends the declaration */
#undef EXP

/* What the experiments of one command share. */
struct session {
	const char *who;	/* "lde report": starts every message */
	unsigned int cpu;	/* the lab CPU */
	int fd;			/* /dev/lde, checked by sched_open() */
	const char *dir;	/* lde report: every file goes here; or NULL */
	const char *self;	/* lde report: this program, for children */
	const char *scripts;	/* lde report: plots/ and lde-timeline */
	struct progress prog;
	bool interrupted;	/* a Ctrl-C stopped an experiment: no more */
	struct exp_out *out;	/* per registry entry, in its order */
};

/* 0, or -1 (ENOMEM) after saying why. */
int session_init(struct session *s, const char *who, unsigned int cpu,
		 int fd);
void session_free(struct session *s);

/*
 * Run the registry's experiments for which want(x) is true (all if want
 * is NULL), in order, until one is interrupted.  The progress line counts
 * their steps and extra ones of the caller's.  Returns how many failed.
 */
unsigned int session_run(struct session *s,
			 bool (*want)(const struct exp *x),
			 unsigned int extra);

/* x's outcome in s. */
const struct exp_out *session_out(const struct session *s,
				  const struct exp *x);

/* x's figure name if x ran, else NAN; NAN also for a name x lacks. */
double session_figure(const struct session *s, const struct exp *x,
		      const char *name);
/* x's distribution name if x ran: 0 with *hist and *st set, else -1. */
int session_dist(const struct session *s, const struct exp *x,
		 const char *name, const uint64_t **hist,
		 const struct stats **st);

/* Does x measure a figure, or a distribution, called name? */
bool exp_has_figure(const struct exp *x, const char *name);
bool exp_has_dist(const struct exp *x, const char *name);

/*
 * What the experiment machine read (lib/machine.h), if it ran in s, else
 * NULL; and the architecture lde was built for ("x86-64", "arm64").  The
 * one place lde report takes the machine's facts from.
 */
const struct machine *session_machine(const struct session *s);
const char *machine_arch(void);

/* For run(): the outcome, with fmt (may be NULL) saying why. */
void exp_ok(struct exp_out *o);
void exp_fail(struct exp_out *o, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void exp_skip(struct exp_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * For an experiment that times in user space: pin to the lab CPU and
 * calibrate tsc there.  0, or -1 after saying why, with o failed.
 */
int session_pin(const struct session *s, struct tsc *tsc,
		struct exp_out *o);

/* For files(): s->dir/name to write, or NULL after saying why. */
FILE *session_fopen(const struct session *s, const char *name,
		    const char *mode);
/* Close it: 0, or -1 after saying why (a full disk shows here). */
int session_fclose(const struct session *s, FILE *f, const char *name);
/* Write s->dir/name with fn(f, arg): 0 or -1. */
int session_write(const struct session *s, const char *name,
		  void (*fn)(FILE *f, const void *arg), const void *arg);

/*
 * Run argv, its stdout into s->dir/out (or into log if out is NULL) and
 * its stderr into log, after its command line ("$ perf record ...") in
 * log, so that a student can run it again by hand.  Returns its exit
 * status, or -1 if it did not start.
 */
int session_spawn(const struct session *s, FILE *log, char *const argv[],
		  const char *out);

#endif /* LDE_EXP_H */

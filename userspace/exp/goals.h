/* SPDX-License-Identifier: GPL-2.0 */
/*
 * goals.h - the lab's goals: a table of data, one row per goal.
 *
 * A goal is a ratio of two figures measured side by side in one run, so
 * that it holds where absolute times, inflated in a VM, do not.  A row
 * names its two figures (an experiment of the registry and one of its
 * figures, exp.h), their unit, the target and which side of it is met,
 * and the plot that shows them.  "lde goals" runs the experiments its
 * scheduler goals need and prints them; "lde report" prints them all;
 * "lde trap" and "lde sched" quote their targets.
 *
 * Use:
 *	const struct goal *g;
 *	struct goal_value v;
 *
 *	for (g = goals; g < goals + nr_goals; g++) {
 *		goal_measure(&session, g, &v);	// the two figures, or NAN
 *		printf("%s: %.3f%s\n", g->what, goal_ratio(&v),
 *		       goal_met(g, &v) ? "" : " (not met)");
 *	}
 */
#ifndef LDE_GOALS_H
#define LDE_GOALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "exp/exp.h"

enum goal_unit {
	GOAL_NS,		/* both figures are ns */
	GOAL_RATE,		/* both are loop iterations per us */
	GOAL_RATIO,		/* both are ratios themselves: no unit */
};

enum goal_sense {
	GOAL_AT_MOST,		/* met if the ratio <= target */
	GOAL_AT_LEAST,		/* met if the ratio >= target */
};

enum goal_scope {
	GOAL_TRAP,		/* lde trap's: lde report prints it too */
	GOAL_SCHED,		/* the mini scheduler's: lde goals runs it */
};

/* One of a goal's two figures. */
struct goal_fig {
	const struct exp *exp;	/* the experiment that measures it */
	const char *fig;	/* which of its figures (exp.h) */
	const char *name;	/* in the tables: "lde engine" */
};

struct goal {
	const char *key;	/* JSON and CSV: "lde_vs_linux" */
	const char *what;	/* the ratio, in words */
	struct goal_fig num, den;	/* ratio = num / den */
	enum goal_unit unit;
	enum goal_sense sense;
	double target;
	const char *plot;	/* the plot that shows the figures, or NULL */
	enum goal_scope scope;
	/*
	 * NULL: the ratio is num / den.  Else a figure of num's experiment
	 * that is the ratio itself, the median over interleaved rounds of
	 * each round's own ratio ("own_ratio"); then num and den are the
	 * rounds' medians, shown for scale, and the experiment's figures
	 * "<x>_lo" and "<x>_hi" ("own_lo", "own_hi") are the lowest and
	 * highest round's ratio: the spread.
	 */
	const char *rounds;
	/*
	 * Not set (exp NULL): num is the figure.  Else num less this
	 * figure: what num's measurement holds that den's does not (one
	 * clock read inside a switch's cost window), taken out so that
	 * like is divided by like.  A goal in rounds has each round take
	 * it off; the tables show it.
	 */
	struct goal_fig less;
};

/* How a goal's rounds figure ends: "own_ratio". */
#define GOAL_ROUNDS_SUFFIX	"_ratio"

/* The goals, in the order every table lists them. */
extern const struct goal goals[];
extern const size_t nr_goals;

/*
 * A figure lde goals shows besides its goals, and in its JSON: one that
 * explains a goal's figure.
 */
struct goal_aside {
	const char *key;	/* JSON: "timer_late_p99_ns" */
	const char *what;	/* the line in lde goals' table */
	struct goal_fig fig;
};

extern const struct goal_aside goal_asides[];
extern const size_t nr_goal_asides;

/* The goal called key, or NULL; its target, or NAN. */
const struct goal *goal_find(const char *key);
double goal_target(const char *key);

/* A goal's two figures, as one session measured them; NAN if missing. */
struct goal_value {
	double num, den;	/* the figures as measured */
	double less;		/* g->less's figure, or 0 if the goal has none */
	bool rounds;		/* the goal has rounds: ratio, lo, hi hold */
	double ratio, lo, hi;	/* ... the median ratio and its spread */
};

void goal_measure(const struct session *s, const struct goal *g,
		  struct goal_value *v);
/* (num - less) / den (or the rounds' median ratio), or NAN if missing. */
double goal_ratio(const struct goal_value *v);
/* The ratio is known and on the right side of the target. */
bool goal_met(const struct goal *g, const struct goal_value *v);
/* "<=" or ">=". */
const char *goal_sense_str(const struct goal *g);

/* Does a scheduler goal (or an aside) need experiment x?  lde goals. */
bool goal_needs(const struct exp *x);

/* lde goals: its table that explains itself, or one JSON object. */
void goals_print_table(FILE *f, const struct session *s);
void goals_print_json(FILE *f, const struct session *s);
/* One goal as a JSON object: {"key": ..., "met": ...}. */
void goal_print_json(FILE *f, const struct goal *g,
		     const struct goal_value *v);
/* Every goal as CSV: a header, then one row each. */
void goals_print_csv(FILE *f, const struct session *s);

#endif /* LDE_GOALS_H */

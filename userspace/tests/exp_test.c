// SPDX-License-Identifier: GPL-2.0
/*
 * exp_test.c - the tables: the registry of experiments, the goals, the
 * plots, and what lde report derives from them (its steps, the steps of
 * report.json).  What a table row names must exist; nothing is run.
 */
#include <math.h>
#include <stdlib.h>

#include "exp/exp.h"
#include "exp/goals.h"
#include "exp/scaling.h"
#include "lib/common.h"
#include "report/report.h"
#include "tests/test.h"

static bool in_registry(const struct exp *x)
{
	size_t i;

	for (i = 0; i < nr_experiments; i++)
		if (experiments[i] == x)
			return true;
	return false;
}

TEST(registry_every_experiment_is_complete)
{
	const struct exp_figure *f;
	const struct exp_dist *d;
	size_t i, j;

	CHECK(nr_experiments > 0);
	for (i = 0; i < nr_experiments; i++) {
		const struct exp *x = experiments[i];

		if (!CHECK(x && x->name && *x->name))
			continue;
		CHECK(x->run);
		/* Every one prints progress, but machine, which only reads. */
		CHECK(x->steps > 0 || x == &exp_machine);
		for (j = 0; j < i; j++)
			CHECK(strcmp(experiments[j]->name, x->name));
		for (f = x->figures; f && f->name; f++)
			CHECK(*f->name && f->get);
		for (d = x->dists; d && d->name; d++)
			CHECK(*d->name && d->hist && d->stats);
		/* A state to keep figures in, if it has figures. */
		CHECK(!x->figures || x->size);
	}
}

TEST(registry_order_is_the_run_order)
{
	static const char *const order[] = {
		"machine", "trap", "coop-lde-2yield", "floor",
		"coop-linux-2yield", "coop-lde-1024yield", "rr-lde-2spin",
	};
	size_t i;

	/*
	 * The machine's facts first, then as lde report has always run; the
	 * floor right after the switch it is the floor of.
	 */
	for (i = 0; i < ARRAY_SIZE(order) && i < nr_experiments; i++)
		CHECK_STR(experiments[i]->name, order[i]);
	/* The timeline draws the trace: after it. */
	for (i = 0; i < nr_experiments; i++)
		if (experiments[i] == &exp_timeline)
			break;
	CHECK(i > 0 && i < nr_experiments &&
	      experiments[i - 1] == &exp_trace);
}

/* A figure of a goal row: an experiment of the registry that has it. */
static void check_fig(struct test_ctx *t, const struct goal_fig *g)
{
	if (!CHECK(g->exp && in_registry(g->exp)))
		return;
	CHECK(g->name && *g->name);
	if (!test_check(t, g->fig && exp_has_figure(g->exp, g->fig),
			__FILE__, __LINE__, "%s has no figure %s", g->exp->name,
			g->fig ? g->fig : "(null)"))
		return;
}

TEST(goals_every_row_is_filled)
{
	size_t i, j;

	CHECK(nr_goals > 0);
	for (i = 0; i < nr_goals; i++) {
		const struct goal *g = &goals[i];

		CHECK(g->key && *g->key && g->what && *g->what);
		for (j = 0; j < i; j++)
			CHECK(strcmp(goals[j].key, g->key));
		check_fig(t, &g->num);
		check_fig(t, &g->den);
		CHECK(g->target > 0 && isfinite(g->target));
		CHECK(g->sense == GOAL_AT_MOST || g->sense == GOAL_AT_LEAST);
		CHECK(g->unit == GOAL_NS || g->unit == GOAL_RATE ||
		      g->unit == GOAL_RATIO);
		CHECK(!g->plot || plot_index(g->plot) >= 0);
		CHECK(g->scope == GOAL_TRAP || g->scope == GOAL_SCHED);
		CHECK(goal_find(g->key) == g);
	}
	for (i = 0; i < nr_goal_asides; i++) {
		CHECK(goal_asides[i].key && *goal_asides[i].key);
		CHECK(goal_asides[i].what && *goal_asides[i].what);
		check_fig(t, &goal_asides[i].fig);
	}
}

TEST(goals_the_commands_quote_are_there)
{
	CHECK(goal_target("null_vs_ioctl") > 0);	/* lde trap */
	CHECK(goal_target("direct") > 0);		/* lde sched */
	CHECK(isnan(goal_target("no such goal")));
	CHECK(!goal_find("no such goal"));
}

TEST(goals_ratio_and_met)
{
	const struct goal most = { .target = 0.5, .sense = GOAL_AT_MOST };
	const struct goal least = { .target = 0.95, .sense = GOAL_AT_LEAST };
	struct goal_value v = { .num = 1, .den = 2 };

	CHECK(goal_ratio(&v) == 0.5);
	CHECK(goal_met(&most, &v) && !goal_met(&least, &v));
	v.num = 2;
	CHECK(!goal_met(&most, &v) && goal_met(&least, &v));
	v.den = 0;
	CHECK(isnan(goal_ratio(&v)));
	CHECK(!goal_met(&most, &v) && !goal_met(&least, &v));
	v.den = NAN;
	CHECK(isnan(goal_ratio(&v)) && !goal_met(&least, &v));
	CHECK_STR(goal_sense_str(&most), "<=");
	CHECK_STR(goal_sense_str(&least), ">=");
}

TEST(goals_lde_goals_runs_what_its_goals_name)
{
	size_t i, n = 0;
	unsigned int steps = 0;

	for (i = 0; i < nr_experiments; i++) {
		if (!goal_needs(experiments[i]))
			continue;
		n++;
		steps += experiments[i]->steps;
	}
	CHECK(goal_needs(&exp_coop_lde_2yield) && goal_needs(&exp_ctx));
	CHECK(goal_needs(&exp_rr_lde_2spin));
	CHECK(goal_needs(&exp_switch_rounds) && goal_needs(&exp_scaling));
	/* Their single runs draw the plots; the rounds judge the goals. */
	CHECK(!goal_needs(&exp_floor) && !goal_needs(&exp_rr100us_lde_2spin));
	/* cyclictest's peer for the goal is in timer_rounds' rounds. */
	CHECK(!goal_needs(&exp_trap) && !goal_needs(&exp_hogs));
	CHECK(!goal_needs(&exp_cyclictest));
	CHECK(goal_needs(&exp_timer_rounds));
	/* One progress line each, but one per round for those in rounds. */
	CHECK(n >= 6 && steps == n - 3 + exp_timer_rounds.steps +
	      exp_scaling.steps + exp_switch_rounds.steps);
}

/* A goal judged in rounds names its median ratio and its spread. */
TEST(goals_in_rounds_name_their_ratio_and_spread)
{
	char name[64];
	size_t i, n, rounds = 0;

	for (i = 0; i < nr_goals; i++) {
		const struct goal *g = &goals[i];

		if (!g->rounds)
			continue;
		rounds++;
		n = strlen(g->rounds);
		if (!CHECK(n > strlen(GOAL_ROUNDS_SUFFIX) &&
			   !strcmp(g->rounds + n - strlen(GOAL_ROUNDS_SUFFIX),
				   GOAL_ROUNDS_SUFFIX)))
			continue;
		CHECK(exp_has_figure(g->num.exp, g->rounds));
		n -= strlen(GOAL_ROUNDS_SUFFIX);
		snprintf(name, sizeof(name), "%.*s_lo", (int)n, g->rounds);
		CHECK(exp_has_figure(g->num.exp, name));
		snprintf(name, sizeof(name), "%.*s_hi", (int)n, g->rounds);
		CHECK(exp_has_figure(g->num.exp, name));
	}
	CHECK(rounds >= 2);	/* lde's own timer path, and end to end */
	CHECK(goal_find("timer_own_vs_timerlat") &&
	      goal_find("timer_own_vs_timerlat")->rounds);
}

TEST(goals_in_rounds_are_judged_on_the_median_ratio)
{
	const struct goal most = { .target = 0.2, .sense = GOAL_AT_MOST };
	struct goal_value v = { .num = 1, .den = 2, .rounds = true,
				.ratio = 0.1, .lo = 0.05, .hi = 0.3 };

	/* Not num / den: the median of the rounds' own ratios. */
	CHECK(goal_ratio(&v) == 0.1 && goal_met(&most, &v));
	v.ratio = NAN;
	CHECK(isnan(goal_ratio(&v)) && !goal_met(&most, &v));
}

TEST(goals_unmeasured_in_an_empty_session)
{
	struct session s;
	struct goal_value v;
	size_t i;

	if (!CHECK(!session_init(&s, "test", 0, -1)))
		return;
	for (i = 0; i < nr_goals; i++) {
		goal_measure(&s, &goals[i], &v);
		CHECK(isnan(v.num) && isnan(v.den));
		CHECK(!goal_met(&goals[i], &v));
	}
	CHECK(isnan(session_figure(&s, &exp_trap, "null_p50")));
	session_free(&s);
}

/* full_vs_floor: the ratio takes the clock read off the full switch. */
TEST(goal_ratio_takes_less_off_the_measured_figure)
{
	const struct goal *g = goal_find("full_vs_floor");
	struct goal_value v = { .num = 221, .den = 50, .less = 100 };

	if (!CHECK(g && g->less.exp))
		return;
	CHECK(fabs(goal_ratio(&v) - 2.42) < 0.0001);
	CHECK(!goal_met(g, &v));
	v.less = 130;
	CHECK(goal_met(g, &v));			/* (221 - 130) / 50 = 1.82 */
	CHECK(v.num == 221);			/* the figure stays as measured */
	v.less = NAN;				/* the clock was not measured */
	CHECK(isnan(goal_ratio(&v)) && !goal_met(g, &v));
	v.less = 0;				/* a goal without less */
	CHECK(fabs(goal_ratio(&v) - 4.42) < 0.0001);
}

/* ---- scaling ------------------------------------------------------ */

TEST(scaling_rounds_run_every_point_once_interleaved)
{
	unsigned int seen[SCALE_ENGINES][SCALE_COUNTS];
	unsigned int round, i, e, c, prev_c = 0;

	for (round = 0; round < 2; round++) {
		memset(seen, 0, sizeof(seen));
		for (i = 0; i < SCALE_RUNS; i++) {
			scaling_point(round, i, &e, &c);
			if (!CHECK(e < SCALE_ENGINES && c < SCALE_COUNTS))
				return;
			seen[e][c]++;
			/* Both engines at a count, one after the other. */
			CHECK_INT(e, i % SCALE_ENGINES);
			if (e)
				CHECK_INT(c, prev_c);
			/* Up in even rounds, down in odd ones. */
			if (!e && i)
				CHECK(round ? c < prev_c : c > prev_c);
			prev_c = c;
		}
		for (e = 0; e < SCALE_ENGINES; e++)
			for (c = 0; c < SCALE_COUNTS; c++)
				CHECK_INT(seen[e][c], 1);
	}
	CHECK_INT(scale_counts[0], 2);
	CHECK_INT(scale_counts[SCALE_COUNTS - 1], LDE_SCHED_MAX_GUESTS);
	CHECK_INT(scale_engines[0], LDE_ENGINE_LDE);
	CHECK_INT(scale_engines[1], LDE_ENGINE_LINUX);
}

/* a and b, up to rounding. */
static bool near(double a, double b)
{
	return fabs(a - b) < 0.000001;
}

static double figure_of(const struct exp *x, const char *name,
			const void *st)
{
	const struct exp_figure *f;

	for (f = x->figures; f && f->name; f++)
		if (!strcmp(f->name, name))
			return f->get(st);
	return NAN;
}

TEST(scaling_ratio_is_the_median_of_each_rounds_ratio)
{
	/* Five rounds ran; the others (SCALE_ROUNDS > 5) did not. */
	static const double at2[] = { 100, 200, 100, 200, 100 };
	static const double at1024[] = { 150, 300, 200, 240, 110 };
	static const double linux2[] = { 5000, 5000, 5000, 5000, 5000 };
	struct scaling *sc = calloc(1, sizeof(*sc));
	unsigned int r, c, e, last = SCALE_COUNTS - 1;
	struct stats_spread vs;

	if (!CHECK(sc))
		return;
	for (c = 0; c < SCALE_COUNTS; c++)	/* as run() starts */
		for (r = 0; r < SCALE_ROUNDS; r++)
			for (e = 0; e < SCALE_ENGINES; e++)
				sc->p50[e][c][r] = NAN;
	for (r = 0; r < ARRAY_SIZE(at2) && r < SCALE_ROUNDS; r++) {
		sc->p50[0][0][r] = at2[r];
		sc->p50[0][last][r] = at1024[r];
		sc->p50[1][0][r] = linux2[r];
		sc->p50[1][last][r] = r ? 5500 : NAN;	/* round 0 failed */
	}
	/*
	 * Rounds' ratios 1.5 1.5 2.0 1.2 1.1: the median is 1.5, while the
	 * medians' ratio would be 200 / 100 = 2.
	 */
	CHECK(near(scaling_ratio(sc, 0, last), 1.5));
	CHECK(scaling_p50(sc, 0, last) == 200 && scaling_p50(sc, 0, 0) == 100);
	CHECK(near(scaling_ratio(sc, 1, last), 1.1));
	CHECK(near(scaling_ratio(sc, 0, 0), 1.0));
	/* The goal's figures are these. */
	CHECK(figure_of(&exp_scaling, "lde_1024_over_2", sc) ==
	      scaling_ratio(sc, 0, last));
	CHECK(figure_of(&exp_scaling, "linux_1024_over_2", sc) ==
	      scaling_ratio(sc, 1, last));
	CHECK(figure_of(&exp_scaling, "linux_1024_p50", sc) == 5500);
	/*
	 * The goal: each round's lde ratio over its linux one, 1.5 / 1.1,
	 * 2.0 / 1.1, 1.2 / 1.1, 1.1 / 1.1 (round 0 has no linux one): the
	 * lower middle of four, 1.2 / 1.1, and the spread 1.0 .. 2.0 / 1.1.
	 */
	vs = scaling_vs_linux(sc);
	CHECK(near(vs.med, 1.2 / 1.1) && near(vs.lo, 1.0) &&
	      near(vs.hi, 2.0 / 1.1));
	CHECK(figure_of(&exp_scaling, "vs_linux_ratio", sc) == vs.med);
	/* A count with no run: unknown, not 0. */
	CHECK(isnan(scaling_ratio(sc, 0, 1)) && isnan(scaling_p50(sc, 0, 1)));
	free(sc);
}

TEST(plots_every_series_exists)
{
	size_t i, k;

	for (i = 0; i < nr_plots; i++) {
		const struct plot *p = &plots[i];

		CHECK(p->name && *p->name && p->what && *p->what);
		CHECK_INT(plot_index(p->name), i);
		for (k = 0; k < PLOT_SERIES_MAX && p->series[k].exp; k++) {
			const struct plot_series *s = &p->series[k];

			CHECK(in_registry(s->exp));
			CHECK(exp_has_dist(s->exp, s->dist));
			CHECK(s->title && *s->title);
			CHECK(s->pct == 50 || s->pct == 99);
		}
	}
	CHECK_INT(plot_index("no such plot"), -1);
	CHECK_INT(plot_index(NULL), -1);
}

TEST(report_steps_keep_their_names)
{
	static const char *const want[] = {
		"machine", "trap", "goals", "footprint", "timer-rounds", "hogs",
		"demo", "trace", "timeline", "files", "plots",
	};
	struct report *r = calloc(1, sizeof(*r));
	const char *name;
	struct exp_out o;
	size_t i;

	if (!CHECK(r) || !CHECK(!session_init(&r->s, "test", 0, -1))) {
		free(r);
		return;
	}
	for (i = 0; report_step(r, i, &name, &o); i++) {
		if (CHECK(i < ARRAY_SIZE(want)))
			CHECK_STR(name, want[i]);
		CHECK_INT(o.state, EXP_NOT_RUN);
	}
	CHECK_INT(i, ARRAY_SIZE(want));
	session_free(&r->s);
	free(r);
}

TEST(report_step_count_is_derived)
{
	unsigned int steps = REPORT_STEPS;
	size_t i;

	for (i = 0; i < nr_experiments; i++)
		steps += experiments[i]->steps;
	/* trap, 4 goal runs, ctx, cyclictest, 8 hogs, demo, 3 trace, 2. */
	CHECK(steps >= 21);
	CHECK_INT(exp_hogs.steps, 8);
	CHECK_INT(exp_trace.steps + exp_timeline.steps, 3);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * goals.c - the lab's goals, one row each, and how they print.
 *
 * Absolute times in a VM, and most of all under QEMU's TCG, say little:
 * they are inflated, and they drift.  What carries over to real hardware
 * is how two things measured side by side compare.  So every goal is a
 * ratio of two figures that one run measures, one after the other, on
 * one lab CPU:
 *
 *   lde null against ioctl(/dev/null): lde's own dispatch      <= 1.10
 *   lde's switch against Linux's: the same cooperative experiment (two
 *     yield guests) on both engines, switch cost P50         <= 1/10
 *   lde's switch against a pipe ping-pong between two processes (lde
 *     ctx's lat_ctx figure, per switch), P50                  <= 1/20
 *   timer to guest against cyclictest: lde rr at 1 ms, from the timer's
 *     expiry to the next guest, against cyclictest -m -p95 on the same
 *     CPU, P99, in interleaved rounds (exp/timer_rounds.c)    <= 0.5
 *   lde's own timer path against Linux's: the handler to the guest,
 *     against rtla timerlat's thread less IRQ latency, P99, in the same
 *     rounds                                                  <= 0.2
 *   ... and against the linux engine's handler to guest, the same rr
 *     with Linux's switch, in the same rounds: every kernel has this
 *     peer, and only 6.12-rt of Debian's has timerlat         <= 0.2
 *   scaling judged against a peer that pays the same: switch cost P50
 *     with 1024 yield guests against 2, lde engine's ratio against the
 *     linux engine's, in the same interleaved rounds           <= 1.0
 *   direct execution: a spin guest's loop at a 1 ms quantum against the
 *     same loop in a plain kthread, in interleaved rounds
 *     (exp/switch_rounds.c)                                   >= 0.95
 *   a forced switch against a yield: switch cost P50 under rr at 100 us
 *     (two spin guests) against coop (two yield guests), in the same
 *     rounds                                                  <= 2.0
 *   lde's full switch against its floor: coop's switch cost P50, less
 *     the one clock read its window holds, against lde_swtch() alone,
 *     swapping two contexts (exp/floor.c), in the same rounds <= 2.0
 *
 * Each row names its figures by experiment (the compiler checks that it
 * exists) and by figure name (tests/ check that the experiment has it).
 * GOAL() and FIG() take every field, and FILLED() refuses an empty
 * string when this file is compiled: no row can be half written.
 *
 * Use: see goals.h.
 */
#include <math.h>
#include <string.h>

#include "exp/goals.h"
#include "lib/common.h"
#include "lib/json.h"
#include "lib/render.h"

/* A string literal, and not an empty one: a compile error otherwise. */
#define FILLED(s)	(s "" + BUILD_BUG_ON_ZERO(sizeof(s) <= 1))

/* Figure fig of experiment x (exp_<x>), called name in the tables. */
#define FIG(x, fig, name)	{ &exp_##x, FILLED(fig), FILLED(name) }

#define GOAL(key_, what_, num_, den_, unit_, sense_, target_, plot_,	\
	     scope_)							\
	{ .key = FILLED(key_), .what = FILLED(what_), .num = num_,	\
	  .den = den_, .unit = unit_, .sense = sense_,			\
	  .target = target_, .plot = plot_, .scope = scope_ }

/*
 * A goal measured in interleaved rounds (exp/timer_rounds.c,
 * exp/switch_rounds.c): judged on
 * the median of the rounds' own ratios, the figure rounds_ of num's
 * experiment (goals.h).
 */
#define GOAL_ROUNDS(key_, what_, num_, den_, rounds_, unit_, sense_,	\
		    target_, plot_, scope_)				\
	{ .key = FILLED(key_), .what = FILLED(what_), .num = num_,	\
	  .den = den_, .rounds = FILLED(rounds_), .unit = unit_,	\
	  .sense = sense_, .target = target_, .plot = plot_,		\
	  .scope = scope_ }

/* The same, with a figure less_ that each round takes off num. */
#define GOAL_ROUNDS_LESS(key_, what_, num_, less_, den_, rounds_,	\
			 unit_, sense_, target_, plot_, scope_)		\
	{ .key = FILLED(key_), .what = FILLED(what_), .num = num_,	\
	  .less = less_, .den = den_, .rounds = FILLED(rounds_),	\
	  .unit = unit_, .sense = sense_, .target = target_,		\
	  .plot = plot_, .scope = scope_ }

const struct goal goals[] = {
	GOAL("null_vs_ioctl", "lde null / ioctl(/dev/null), P50",
	     FIG(trap, "null_p50", "lde null"),
	     FIG(trap, "ioctl_p50", "ioctl(/dev/null)"),
	     GOAL_NS, GOAL_AT_MOST, 1.10, "trap", GOAL_TRAP),
	GOAL("lde_vs_linux", "lde switch / linux switch, P50",
	     FIG(coop_lde_2yield, "switch_cost_p50", "lde engine"),
	     FIG(coop_linux_2yield, "switch_cost_p50", "linux engine"),
	     GOAL_NS, GOAL_AT_MOST, 0.10, "switch_cost", GOAL_SCHED),
	GOAL("lde_vs_pipe", "lde switch / pipe ping-pong switch, P50",
	     FIG(coop_lde_2yield, "switch_cost_p50", "lde engine"),
	     FIG(ctx, "pipe_p50", "pipe ping-pong"),
	     GOAL_NS, GOAL_AT_MOST, 0.05, "switch_cost", GOAL_SCHED),
	GOAL_ROUNDS("scaling_vs_linux", "lde 1024/2 guests / linux 1024/2, P50",
		    FIG(scaling, "lde_1024_over_2", "lde engine"),
		    FIG(scaling, "linux_1024_over_2", "linux engine"),
		    "vs_linux_ratio", GOAL_RATIO, GOAL_AT_MOST, 1.0, "scaling",
		    GOAL_SCHED),
	GOAL_ROUNDS("direct", "guest loop / plain kthread loop, 1 ms",
		    FIG(switch_rounds, "guest_rate", "guest"),
		    FIG(switch_rounds, "host_rate", "kthread"),
		    "direct_ratio", GOAL_RATE, GOAL_AT_LEAST, 0.95, NULL,
		    GOAL_SCHED),
	GOAL_ROUNDS("rr_vs_coop_switch",
		    "switch under rr 100 us / under coop, P50",
		    FIG(switch_rounds, "forced_p50", "rr 100 us"),
		    FIG(switch_rounds, "coop_p50", "coop"),
		    "forced_ratio", GOAL_NS, GOAL_AT_MOST, 2.0, NULL,
		    GOAL_SCHED),
	GOAL_ROUNDS_LESS("full_vs_floor",
			 "full switch less its clock read / bare swap, P50",
			 FIG(switch_rounds, "coop_p50", "full switch"),
			 FIG(switch_rounds, "clock_p50", "one clock read"),
			 FIG(switch_rounds, "swap_p50", "bare swap"),
			 "floor_ratio", GOAL_NS, GOAL_AT_MOST, 2.0,
			 "switch_cost", GOAL_SCHED),
	GOAL_ROUNDS("timer_own_vs_timerlat",
		    "lde's own timer path / Linux's, P99",
		    FIG(timer_rounds, "lde_own_p99", "lde handler to guest"),
		    FIG(timer_rounds, "linux_own_p99",
			"timerlat thread - IRQ"),
		    "own_ratio", GOAL_NS, GOAL_AT_MOST, 0.2, NULL, GOAL_SCHED),
	GOAL_ROUNDS("timer_own_vs_linux_engine",
		    "lde's own timer path / the linux engine's, P99",
		    FIG(timer_rounds, "lde_own_p99", "lde handler to guest"),
		    FIG(timer_rounds, "linux_engine_own_p99",
			"linux engine handler to guest"),
		    "engine_ratio", GOAL_NS, GOAL_AT_MOST, 0.2, NULL,
		    GOAL_SCHED),
	GOAL_ROUNDS("timer_vs_cyclictest",
		    "timer to guest / cyclictest, P99, in rounds",
		    FIG(timer_rounds, "lde_e2e_p99", "lde rr 1 ms"),
		    FIG(timer_rounds, "cyclictest_p99", "cyclictest"),
		    "e2e_ratio", GOAL_NS, GOAL_AT_MOST, 0.5, "timer",
		    GOAL_SCHED),
};

const size_t nr_goals = ARRAY_SIZE(goals);

const struct goal_aside goal_asides[] = {
	{ "timer_late_p99_ns",
	  "of which the timer's own lateness (expiry to handler), P99",
	  FIG(rr_lde_2spin, "timer_late_p99", "timer lateness") },
};

const size_t nr_goal_asides = ARRAY_SIZE(goal_asides);

const struct goal *goal_find(const char *key)
{
	size_t i;

	for (i = 0; i < nr_goals; i++)
		if (!strcmp(goals[i].key, key))
			return &goals[i];
	return NULL;
}

double goal_target(const char *key)
{
	const struct goal *g = goal_find(key);

	return g ? g->target : NAN;
}

void goal_measure(const struct session *s, const struct goal *g,
		  struct goal_value *v)
{
	char name[64];
	size_t n;

	v->num = session_figure(s, g->num.exp, g->num.fig);
	v->den = session_figure(s, g->den.exp, g->den.fig);
	v->less = 0;
	if (g->less.exp)
		v->less = session_figure(s, g->less.exp, g->less.fig);
	v->rounds = g->rounds;
	v->ratio = NAN;
	v->lo = NAN;
	v->hi = NAN;
	if (!g->rounds)
		return;
	v->ratio = session_figure(s, g->num.exp, g->rounds);
	/* "own_ratio": its spread is "own_lo" .. "own_hi". */
	n = strlen(g->rounds) - strlen(GOAL_ROUNDS_SUFFIX);
	snprintf(name, sizeof(name), "%.*s_lo", (int)n, g->rounds);
	v->lo = session_figure(s, g->num.exp, name);
	snprintf(name, sizeof(name), "%.*s_hi", (int)n, g->rounds);
	v->hi = session_figure(s, g->num.exp, name);
}

double goal_ratio(const struct goal_value *v)
{
	if (v->rounds)
		return v->ratio;
	/* A NAN in less (not measured) makes the ratio NAN too. */
	return v->den > 0 ? (v->num - v->less) / v->den : NAN;
}

bool goal_met(const struct goal *g, const struct goal_value *v)
{
	double r = goal_ratio(v);

	if (isnan(r))
		return false;
	return g->sense == GOAL_AT_LEAST ? r >= g->target : r <= g->target;
}

const char *goal_sense_str(const struct goal *g)
{
	return g->sense == GOAL_AT_LEAST ? ">=" : "<=";
}

bool goal_needs(const struct exp *x)
{
	size_t i;

	for (i = 0; i < nr_goals; i++)
		if (goals[i].scope == GOAL_SCHED &&
		    (goals[i].num.exp == x || goals[i].den.exp == x ||
		     goals[i].less.exp == x))
			return true;
	for (i = 0; i < nr_goal_asides; i++)
		if (goal_asides[i].fig.exp == x)
			return true;
	return false;
}

/* ---- lde goals ------------------------------------------------------ */

/* Decimals of a goal's figures: a ratio needs more than ns. */
static int prec(const struct goal *g)
{
	return g->unit == GOAL_RATIO ? 2 : 1;
}

void goals_print_table(FILE *f, const struct session *s)
{
	struct goal_value v;
	const struct goal *g;
	size_t i;

	fprintf(f, "lde goals: lab CPU %u; every figure measured in this"
		" run\n\n", s->cpu);
	fprintf(f, "%-42s %8s %8s  %s\n", "goal", "ratio", "target", "met");
	for (g = goals; g < goals + nr_goals; g++) {
		if (g->scope != GOAL_SCHED)
			continue;
		goal_measure(s, g, &v);
		fprintf(f, "%-42s %8.3f %2s %5.2f  %s\n", g->what,
			goal_ratio(&v), goal_sense_str(g), g->target,
			isnan(goal_ratio(&v)) ? "n/a" :
			goal_met(g, &v) ? "yes" : "NO");
	}
	fprintf(f, "\nThe figures (ns; the direct row in loop iterations per"
		" us; the scaling row\nin ratios, switch cost P50 at 1024"
		" guests / at 2):\n");
	for (g = goals; g < goals + nr_goals; g++) {
		if (g->scope != GOAL_SCHED)
			continue;
		goal_measure(s, g, &v);
		fprintf(f, "  %-42s %s %.*f, %s %.*f\n", g->what, g->num.name,
			prec(g), v.num, g->den.name, prec(g), v.den);
		if (g->less.exp)
			fprintf(f, "  %-42s (the ratio takes %s %.*f off %s)\n",
				"", g->less.name, prec(g), v.less,
				g->num.name);
		if (v.rounds && !isnan(v.lo))
			fprintf(f, "  %-42s (medians; the ratio is the median"
				" of the rounds', lowest %.3f, highest %.3f)\n",
				"", v.lo, v.hi);
	}
	for (i = 0; i < nr_goal_asides; i++)
		fprintf(f, "  %s: %.1f\n", goal_asides[i].what,
			session_figure(s, goal_asides[i].fig.exp,
				       goal_asides[i].fig.fig));
	fputs("\nWhat this shows: each ratio compares two figures measured side\n"
	      "by side, so it holds where absolute times do not (an emulated\n"
	      "CPU is 10 to 100 times slower than hardware).  Switch costs are\n"
	      "from leaving one guest to running the next; timer to guest is\n"
	      "from the timer's expiry to the next guest's first instruction,\n"
	      "and cyclictest's is from its timer's expiry to its thread\n"
	      "running.  Documentation/sched.md explains each figure.\n", f);
}

void goal_print_json(FILE *f, const struct goal *g,
		     const struct goal_value *v)
{
	fputc('{', f);
	json_kstr(f, "key", g->key, ", ");
	json_kstr(f, "what", g->what, ", ");
	json_kstr(f, "num_name", g->num.name, ", ");
	json_dbl(f, "num", v->num, ", ");
	if (g->less.exp) {
		json_kstr(f, "less_name", g->less.name, ", ");
		json_dbl(f, "less", v->less, ", ");
	}
	json_kstr(f, "den_name", g->den.name, ", ");
	json_dbl(f, "den", v->den, ", ");
	json_dbl(f, "ratio", goal_ratio(v), ", ");
	if (v->rounds) {
		json_dbl(f, "rounds_lo", v->lo, ", ");
		json_dbl(f, "rounds_hi", v->hi, ", ");
	}
	fprintf(f, "\"target\": %.2f, \"at_least\": %s, \"met\": %s}",
		g->target, g->sense == GOAL_AT_LEAST ? "true" : "false",
		goal_met(g, v) ? "true" : "false");
}

void goals_print_json(FILE *f, const struct session *s)
{
	const struct goal *g;
	struct goal_value v;
	const char *sep = "";
	size_t i;

	fprintf(f, "{\n  \"cpu\": %u,\n  \"goals\": [\n", s->cpu);
	for (g = goals; g < goals + nr_goals; g++) {
		if (g->scope != GOAL_SCHED)
			continue;
		goal_measure(s, g, &v);
		fprintf(f, "%s    ", sep);
		goal_print_json(f, g, &v);
		sep = ",\n";
	}
	fputs("\n  ]", f);
	for (i = 0; i < nr_goal_asides; i++) {
		fprintf(f, ",\n  \"%s\": ", goal_asides[i].key);
		json_num(f, session_figure(s, goal_asides[i].fig.exp,
					   goal_asides[i].fig.fig));
	}
	fputs("\n}\n", f);
}

/* ---- goals.csv ------------------------------------------------------ */

void goals_print_csv(FILE *f, const struct session *s)
{
	const struct goal *g;
	struct goal_value v;
	double r;

	fputs("key,what,num_name,num,den_name,den,ratio,target,sense,met\n",
	      f);
	for (g = goals; g < goals + nr_goals; g++) {
		goal_measure(s, g, &v);
		r = goal_ratio(&v);
		fprintf(f, "\"%s\",\"%s\",\"%s\",", g->key, g->what,
			g->num.name);
		csv_num(f, "%.3f", v.num);
		fprintf(f, ",\"%s\",", g->den.name);
		csv_num(f, "%.3f", v.den);
		fputc(',', f);
		csv_num(f, "%.4f", r);
		fprintf(f, ",%.2f,%s,%s\n", g->target, goal_sense_str(g),
			isnan(r) ? "" : goal_met(g, &v) ? "yes" : "no");
	}
}

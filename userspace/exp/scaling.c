// SPDX-License-Identifier: GPL-2.0
/*
 * scaling.c - the experiment "scaling": what a switch costs with 2, 16,
 * 64, 256 and 1024 guests, on both engines, measured in one run.
 *
 * Picking the next guest is O(1) on both engines (a FIFO's head), so
 * whatever a switch costs more with 1024 guests than with 2 is not the
 * pick: it is the state of a guest that has not run for 1023 switches,
 * its stack and its struct, no longer in the caches and TLBs (under
 * QEMU's TCG, its software TLB).  The linux engine pays that too, for a
 * larger state (a task_struct, a kernel stack), on top of a larger base
 * cost.  So lde's growth, 1024 guests against 2, is judged against the
 * linux engine's in the same run: the goal scaling_vs_linux.
 *
 * One round runs every point once, each for SCALE_RUN_NS under coop with
 * yield guests: the counts upwards in even rounds and downwards in odd
 * ones, each on both engines one after the other, so that the drift of
 * an emulated CPU hits all points alike.  A point's figure is the median
 * over the rounds of its runs' P50; a ratio's is the median over the
 * rounds of the ratio within each round.
 *
 * Files: scaling.csv, one row per count (scaling.gp draws scaling.png
 * from it); scaling.json, every run's P50 and switches.  Its section of
 * summary.md is the table of the same.
 *
 * Use: see scaling.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dev/names.h"
#include "exp/scaling.h"
#include "lib/common.h"
#include "lib/duration.h"
#include "lib/json.h"
#include "lib/render.h"

const __u32 scale_engines[SCALE_ENGINES] = { LDE_ENGINE_LDE,
					     LDE_ENGINE_LINUX };
const unsigned int scale_counts[SCALE_COUNTS] = { 2, 16, 64, 256, 1024 };

#define SCALE_LAST	(SCALE_COUNTS - 1)	/* 1024 guests */

void scaling_point(unsigned int round, unsigned int i, unsigned int *e,
		   unsigned int *c)
{
	unsigned int k = i / SCALE_ENGINES % SCALE_COUNTS;

	*e = i % SCALE_ENGINES;
	*c = round % 2 ? SCALE_LAST - k : k;
}

double scaling_p50(const struct scaling *sc, unsigned int e, unsigned int c)
{
	return stats_median(sc->p50[e][c], SCALE_ROUNDS);
}

double scaling_ratio(const struct scaling *sc, unsigned int e,
		     unsigned int c)
{
	double v[SCALE_ROUNDS];
	unsigned int r;

	for (r = 0; r < SCALE_ROUNDS; r++)
		v[r] = sc->p50[e][0][r] > 0 ?
		       sc->p50[e][c][r] / sc->p50[e][0][r] : NAN;
	return stats_median(v, SCALE_ROUNDS);
}

struct stats_spread scaling_vs_linux(const struct scaling *sc)
{
	double v[SCALE_ROUNDS];
	unsigned int r;

	for (r = 0; r < SCALE_ROUNDS; r++) {
		double lde = sc->p50[0][SCALE_LAST][r] / sc->p50[0][0][r];
		double lnx = sc->p50[1][SCALE_LAST][r] / sc->p50[1][0][r];

		/* A run that did not run is NAN, and so is its round. */
		v[r] = lnx > 0 ? lde / lnx : NAN;
	}
	return stats_spread(v, SCALE_ROUNDS);
}

/* One run: count guests on engine, under coop; its P50 into sc. */
static int run_point(struct session *s, struct scaling *sc,
		     unsigned int round, unsigned int e, unsigned int c)
{
	const struct sched_dist_fig *d;
	struct sched_run *r = &sc->r;
	int ret;

	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "scaling-%s-%u",
		 NAME_OF(sched_engines, scale_engines[e]), scale_counts[c]);
	r->e.cfg = (struct lde_sched_config){
		.cpu = s->cpu,
		.engine = scale_engines[e],
		.policy = LDE_POLICY_COOP,
		.duration_ns = SCALE_RUN_NS,
		.nr_groups = 1,
		.groups[0] = { .workload = LDE_WL_YIELD,
			       .count = scale_counts[c] },
	};
	ret = sched_run_session(s, r);
	d = &r->fg.dist[SCHED_SWITCH_COST];
	if (!ret && d->ring.n) {
		sc->p50[e][c][round] = d->ring.p50;
		sc->switches[e][c][round] = r->fg.switches;
	}
	sched_run_free(r);
	return ret;
}

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	struct scaling *sc = o->st;
	unsigned int round, i, e, c;
	int failed = 0;

	(void)x;
	for (e = 0; e < SCALE_ENGINES; e++)
		for (c = 0; c < SCALE_COUNTS; c++)
			for (round = 0; round < SCALE_ROUNDS; round++)
				sc->p50[e][c][round] = NAN;
	for (round = 0; round < SCALE_ROUNDS && !s->interrupted; round++) {
		progress_step(&s->prog, "scaling: round %u of %u, coop, %u to"
			      " %u yield guests, lde and linux engines",
			      round + 1, SCALE_ROUNDS, scale_counts[0],
			      scale_counts[SCALE_LAST]);
		for (i = 0; i < SCALE_RUNS && !s->interrupted; i++) {
			scaling_point(round, i, &e, &c);
			failed |= run_point(s, sc, round, e, c);
		}
		sc->rounds += !s->interrupted;
	}
	if (failed)
		exp_fail(o, EXIT_FAIL, "not every scaling run ran; see stderr");
	else
		exp_ok(o);
}

static void free_scaling(void *st)
{
	sched_run_free(&((struct scaling *)st)->r);
}

/* ---- its figures ----------------------------------------------------- */

static double lde_1024_over_2(const void *st)
{
	return scaling_ratio(st, 0, SCALE_LAST);
}

static double linux_1024_over_2(const void *st)
{
	return scaling_ratio(st, 1, SCALE_LAST);
}

static double vs_linux_ratio(const void *st)
{
	return scaling_vs_linux(st).med;
}

static double vs_linux_lo(const void *st)
{
	return scaling_vs_linux(st).lo;
}

static double vs_linux_hi(const void *st)
{
	return scaling_vs_linux(st).hi;
}

static double lde_2_p50(const void *st)
{
	return scaling_p50(st, 0, 0);
}

static double lde_1024_p50(const void *st)
{
	return scaling_p50(st, 0, SCALE_LAST);
}

static double linux_2_p50(const void *st)
{
	return scaling_p50(st, 1, 0);
}

static double linux_1024_p50(const void *st)
{
	return scaling_p50(st, 1, SCALE_LAST);
}

static const struct exp_figure figures[] = {
	{ "lde_1024_over_2", lde_1024_over_2 },		/* no unit */
	{ "linux_1024_over_2", linux_1024_over_2 },
	/* The goal: their ratio within each round, median and spread. */
	{ "vs_linux_ratio", vs_linux_ratio },
	{ "vs_linux_lo", vs_linux_lo },
	{ "vs_linux_hi", vs_linux_hi },
	{ "lde_2_p50", lde_2_p50 },			/* ns */
	{ "lde_1024_p50", lde_1024_p50 },
	{ "linux_2_p50", linux_2_p50 },
	{ "linux_1024_p50", linux_1024_p50 },
	{ NULL, NULL },
};

/* ---- its files ------------------------------------------------------- */

/* The smallest and largest P50 of the rounds at a point, or NAN. */
static void spread(const struct scaling *sc, unsigned int e, unsigned int c,
		   double *lo, double *hi)
{
	unsigned int r;

	*lo = *hi = NAN;
	for (r = 0; r < SCALE_ROUNDS; r++) {
		double v = sc->p50[e][c][r];

		if (isnan(v))
			continue;
		if (isnan(*lo) || v < *lo)
			*lo = v;
		if (isnan(*hi) || v > *hi)
			*hi = v;
	}
}

/* guests, then per engine: median P50, lowest, highest, against 2. */
static void write_csv(FILE *f, const void *arg)
{
	const struct scaling *sc = arg;
	unsigned int e, c;
	double lo, hi;

	fputs("guests", f);
	for (e = 0; e < SCALE_ENGINES; e++) {
		const char *n = NAME_OF(sched_engines, scale_engines[e]);

		fprintf(f, ",%s_p50_ns,%s_lo_ns,%s_hi_ns,%s_over_2", n, n, n,
			n);
	}
	fputc('\n', f);
	for (c = 0; c < SCALE_COUNTS; c++) {
		fprintf(f, "%u", scale_counts[c]);
		for (e = 0; e < SCALE_ENGINES; e++) {
			spread(sc, e, c, &lo, &hi);
			fputc(',', f);
			csv_num(f, "%.0f", scaling_p50(sc, e, c));
			fputc(',', f);
			csv_num(f, "%.0f", lo);
			fputc(',', f);
			csv_num(f, "%.0f", hi);
			fputc(',', f);
			csv_num(f, "%.4f", scaling_ratio(sc, e, c));
		}
		fputc('\n', f);
	}
}

static void json_rounds(FILE *f, const struct scaling *sc, unsigned int e,
			unsigned int c)
{
	unsigned int r;

	fprintf(f, "      {\"guests\": %u, ", scale_counts[c]);
	json_dbl(f, "p50_ns", scaling_p50(sc, e, c), ", ");
	json_dbl(f, "over_2", scaling_ratio(sc, e, c), ",\n       ");
	fputs("\"rounds_p50_ns\": [", f);
	for (r = 0; r < SCALE_ROUNDS; r++) {
		fputs(r ? ", " : "", f);
		json_num(f, sc->p50[e][c][r]);
	}
	fputs("], \"rounds_switches\": [", f);
	for (r = 0; r < SCALE_ROUNDS; r++)
		fprintf(f, "%s%llu", r ? ", " : "", sc->switches[e][c][r]);
	fprintf(f, "]}%s\n", c < SCALE_LAST ? "," : "");
}

static void write_json(FILE *f, const void *arg)
{
	const struct scaling *sc = arg;
	unsigned int e, c;

	fprintf(f, "{\n  \"policy\": \"coop\",\n  \"workload\": \"yield\",\n"
		"  \"run_ns\": %llu,\n  \"rounds\": %u,\n  ", SCALE_RUN_NS,
		sc->rounds);
	json_dbl(f, "lde_1024_over_2", lde_1024_over_2(sc), ",\n  ");
	json_dbl(f, "linux_1024_over_2", linux_1024_over_2(sc), ",\n  ");
	json_dbl(f, "vs_linux_ratio", vs_linux_ratio(sc), ", ");
	json_dbl(f, "vs_linux_lo", vs_linux_lo(sc), ", ");
	json_dbl(f, "vs_linux_hi", vs_linux_hi(sc), ",\n");
	fputs("  \"engines\": {\n", f);
	for (e = 0; e < SCALE_ENGINES; e++) {
		fprintf(f, "    \"%s\": [\n",
			NAME_OF(sched_engines, scale_engines[e]));
		for (c = 0; c < SCALE_COUNTS; c++)
			json_rounds(f, sc, e, c);
		fprintf(f, "    ]%s\n", e + 1 < SCALE_ENGINES ? "," : "");
	}
	fputs("  }\n}\n", f);
}

static int files(const struct exp *x, const struct session *s,
		 const struct exp_out *o)
{
	(void)x;
	if (!o->st)
		return 0;
	return session_write(s, "scaling.csv", write_csv, o->st) |
	       session_write(s, "scaling.json", write_json, o->st);
}

/* ---- summary.md ------------------------------------------------------ */

/* A median P50, or "n/a". */
static const char *p50_words(char *buf, size_t len, double ns)
{
	return isnan(ns) ? "n/a" : duration_fmt(buf, len, ns);
}

static void md(FILE *f, const struct session *s, const struct exp_out *o)
{
	const struct scaling *sc = o->st;
	char a[DURATION_BUF], b[DURATION_BUF];
	unsigned int c;

	(void)s;
	fprintf(f, "\n## Switch cost against the number of guests\n\n"
		"Coop, yield guests, both engines: %u rounds, each running"
		" every count on both\nengines for %llu ms, the counts"
		" interleaved.  Each figure is the median over the\nrounds of"
		" a run's switch cost P50; \"/ 2\" is the median of the rounds'"
		" ratios\nto 2 guests ([scaling.png](scaling.png)).\n\n",
		SCALE_ROUNDS, SCALE_RUN_NS / 1000000);
	if (!sc || !sc->rounds) {
		fputs("Did not run.\n", f);
		return;
	}
	fputs("| guests | lde engine, P50 | / 2 | linux engine, P50 | / 2 |\n"
	      "|-------:|----------------:|----:|------------------:|----:|\n",
	      f);
	for (c = 0; c < SCALE_COUNTS; c++)
		fprintf(f, "| %u | %s | %.2f | %s | %.2f |\n", scale_counts[c],
			p50_words(a, sizeof(a), scaling_p50(sc, 0, c)),
			scaling_ratio(sc, 0, c),
			p50_words(b, sizeof(b), scaling_p50(sc, 1, c)),
			scaling_ratio(sc, 1, c));
}

const struct exp exp_scaling = {
	.name = "scaling", .step = "goals", .steps = SCALE_ROUNDS,
	.size = sizeof(struct scaling), .run = run, .free = free_scaling,
	.figures = figures, .files = files, .md = md,
};

// SPDX-License-Identifier: GPL-2.0
/*
 * floor.c - the experiment "floor": what lde_swtch() alone costs, the
 * floor under lde's full switch.
 *
 * lde.ko swaps two contexts on the lab CPU with lde_swtch() and nothing
 * else (module/floor.c), in batches timed with the clock that times a
 * switch's cost, the clock's own cost taken out (module/uapi/lde.h,
 * LDE_TRAP_FLOOR).  Its figures: floor_p50 and floor_p99, ns per swap,
 * and clock_p50, what one clock read costs; the goal full_vs_floor
 * divides coop-lde-2yield's switch cost by floor_p50 (exp/goals.c).  Its
 * distribution "swap" is drawn in switch_cost.png, its figures go to
 * floor.json, and summary.md says where the rest of a switch goes.
 *
 * It runs right after coop-lde-2yield (exp/list.h), so that the two
 * figures it compares are measured side by side.
 */
#include <math.h>

#include "dev/floor.h"
#include "exp/exp.h"
#include "lib/common.h"
#include "lib/json.h"

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	struct floor_figs *fl = o->st;
	int ret;

	(void)x;
	progress_step(&s->prog, "the floor: lde_swtch alone, %d batches of"
		      " %d swaps", LDE_FLOOR_DEFAULT_BATCHES,
		      LDE_FLOOR_DEFAULT_BATCH);
	ret = floor_measure(s->fd, s->cpu, LDE_FLOOR_DEFAULT_BATCHES,
			    LDE_FLOOR_DEFAULT_BATCH, fl, s->who);
	if (ret)
		exp_fail(o, ret, "the floor did not run; see stderr");
	else
		exp_ok(o);
}

static const struct stats *swap_stats(const void *st)
{
	return &((const struct floor_figs *)st)->swap;
}

static double p(const struct stats *st, double v)
{
	return st->n ? v : NAN;
}

static double floor_p50(const void *st)
{
	return p(swap_stats(st), swap_stats(st)->p50);
}

static double floor_p99(const void *st)
{
	return p(swap_stats(st), swap_stats(st)->p99);
}

static double clock_p50(const void *st)
{
	const struct stats *c = &((const struct floor_figs *)st)->clock;

	return p(c, c->p50);
}

static const struct exp_figure figures[] = {
	{ "floor_p50", floor_p50 },	/* ns per swap */
	{ "floor_p99", floor_p99 },
	{ "clock_p50", clock_p50 },	/* ns per clock read */
	{ NULL, NULL },
};

static const uint64_t *swap_hist(const void *st)
{
	return swap_stats(st)->hist;
}

static const struct exp_dist dists[] = {
	{ "swap", swap_hist, swap_stats },
	{ NULL, NULL, NULL },
};

/* floor.json: the figures, ns, and lde.ko's own count and mean. */
static void print_json(FILE *f, const void *st)
{
	const struct floor_figs *fl = st;

	fprintf(f, "{\n  \"unit\": \"ns\",\n  \"cpu\": %u,\n  \"batches\":"
		" %u,\n  \"batch\": %u,\n  \"swaps\": %llu,\n  \"swap\": {",
		fl->f.cpu, fl->f.batches, fl->f.batch,
		(unsigned long long)fl->f.swaps);
	json_percentiles(f, &fl->swap);
	fputs(", ", f);
	json_dbl(f, "mean", fl->swap.mean, ", \"hist\": ");
	json_hist(f, fl->swap.hist, STATS_BUCKETS);
	fputs("},\n  \"clock\": {", f);
	json_percentiles(f, &fl->clock);
	fputs(", ", f);
	json_dbl(f, "mean", fl->clock.mean, "}\n}\n");
}

/* summary.md: the floor, and where the rest of a full switch goes. */
static void md(FILE *f, const struct session *s, const struct exp_out *o)
{
	double full = session_figure(s, &exp_coop_lde_2yield,
				     "switch_cost_p50");
	const struct floor_figs *fl = o->st;

	fputs("\n## The floor of a switch\n\n", f);
	if (o->state != EXP_OK || !fl) {
		fputs("The floor did not run.\n", f);
		return;
	}
	fprintf(f, "lde_swtch() alone, %u batches of %u swaps: P50 %.1f ns,"
		" P99 %.1f ns a swap ([floor.json](floor.json)).  One clock"
		" read, which every switch cost contains once: P50 %.1f ns.\n",
		fl->f.batches, fl->f.batch, fl->swap.p50, fl->swap.p99,
		fl->clock.p50);
	if (isnan(full) || !(fl->swap.p50 > 0))
		return;
	fprintf(f, "\nlde's full switch (coop-lde-2yield), P50 %.1f ns = %.2f"
		" x the floor: the swap %.1f, the clock read %.1f, and %.1f ns"
		" of the rest (the engine's indirect call, lde_switch()'s and"
		" lde_finish_switch()'s books up to the clock read).\n", full,
		full / fl->swap.p50, fl->swap.p50, fl->clock.p50,
		full - fl->swap.p50 - fl->clock.p50);
}

const struct exp exp_floor = {
	.name = "floor", .step = "goals", .steps = 1,
	.size = sizeof(struct floor_figs), .run = run,
	.figures = figures, .dists = dists, .md = md,
	.ops = &(const struct render_ops){ .json = print_json },
};

// SPDX-License-Identifier: GPL-2.0
/*
 * ctx.c - what a context switch costs, seen from user space: the
 * baselines for lde's own switch engines.
 *
 * A pipe ping-pong between two processes (lmbench lat_ctx style) and a
 * sched_yield ping-pong between two threads, each reported per switch
 * with the cost of the same calls without a switch subtracted
 * (bench/pingpong.c).  It needs no module.
 *
 * The results, for people (a table that says what was subtracted and
 * what a switch includes) and for programs (--json, --csv).  Every figure
 * in the first table is ns per switch, after the same calls made without
 * a switch were taken away; the second table shows those calls, so that
 * nothing subtracted is hidden.  The columns, histograms and JSON figures
 * are render.c's and the JSON values json.c's, as in "lde trap".
 *
 * As the experiment "ctx" of lde report and lde goals: on the lab CPU,
 * with lde ctx's defaults; figure pipe_p50 (the goal lde_vs_pipe: NAN if
 * other tasks spoiled the medians), distribution "pipe" (switch_cost.png),
 * files ctx.json and ctx.csv.
 *
 * Use: see ctx.h.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "exp/ctx.h"
#include "exp/exp.h"
#include "lib/common.h"
#include "lib/cpus.h"
#include "lib/json.h"

#define NAME_W	23

/* The table's row names, longer than pp's test names. */
static const char *const row_name[PP_KINDS] = {
	[PP_PIPE] = "pipe, 2 processes",
	[PP_YIELD] = "sched_yield, 2 threads",
};

static double share(unsigned long part, unsigned long whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0;
}

static void print_medians(FILE *f, const struct pingpong *pp)
{
	unsigned int k;

	for (k = 0; k < PP_KINDS; k++)
		fprintf(f, "%s switch median: %.1f ns\n", pp->test[k].name,
			pp->test[k].sw.p50);
}

/* Did the two threads take one turn each per round trip? */
static void print_turns(FILE *f, const struct pp_result *y)
{
	fprintf(f, "sched_yield turns: %lu of %lu round trips were even, one"
		" yield each way", y->rt_calls - y->uneven, y->rt_calls);
	if (!y->uneven) {
		fputs(".\n", f);
		return;
	}
	fprintf(f, ";\nin %lu a thread yielded again before the other ran"
		" (the scheduler gave it the\nCPU back, as it was owed time),"
		" which makes them longer.\n", y->uneven);
}

/* What enum pp_spoiled means for our figures. */
static const char *const spoiled_text[] = {
	[PP_CLEAN] = NULL,
	[PP_TAILS] = "P99, Max and Avg",
	[PP_P90] = "P90, P99, Max and Avg",
	[PP_ALL] = "every figure",
};

/* Did anyone else run on the CPU in between?  Say so either way. */
static void print_foreign(FILE *f, const struct ctx_bench *r)
{
	const struct pingpong *pp = &r->pp;
	unsigned int k;

	fprintf(f, "Runs of other tasks on CPU %d%s, per 100 calls:\n",
		r->cpu, pp->foreign_exact ? "" : " (estimated)");
	for (k = 0; k < PP_KINDS; k++) {
		const struct pp_result *t = &pp->test[k];

		fprintf(f, "  %-12s %lu in %lu round trips (%.2f), %lu in %lu"
			" subtracted calls (%.2f)\n", t->name, t->rt_foreign,
			t->rt_calls, share(t->rt_foreign, t->rt_calls),
			t->solo_foreign, t->solo_calls,
			share(t->solo_foreign, t->solo_calls));
	}
	if (!pp->foreign_exact)
		fputs("(Estimated from our own switches, which miss runs that"
		      " slip in at a hand-over;\nthe CPU's switch counter needs"
		      " perf_event_paranoid <= 0, or root.)\n", f);
}

static bool any_spoiled(const struct pingpong *pp)
{
	return pp->test[PP_PIPE].spoiled != PP_CLEAN ||
	       pp->test[PP_YIELD].spoiled != PP_CLEAN;
}

/* For each test whose figures may be too long: which, and why. */
static void print_warnings(FILE *f, const struct pingpong *pp)
{
	bool busy = false;
	unsigned int k;

	for (k = 0; k < PP_KINDS; k++) {
		const struct pp_result *t = &pp->test[k];
		bool others = share(t->rt_foreign, t->rt_calls) > 1 ||
			      share(t->solo_foreign, t->solo_calls) > 1;
		bool uneven = share(t->uneven, t->rt_calls) > 1;

		if (t->spoiled == PP_CLEAN)
			continue;
		fprintf(f, "WARNING: %s: %s may be too long (%s%s%s).\n",
			t->name, spoiled_text[t->spoiled],
			others ? "other tasks ran" : "",
			others && uneven ? ", and " : "",
			uneven ? "uneven turns" : "");
		busy |= others;
	}
	if (busy)
		fputs("Try a quieter CPU (-a).\n", f);
}

/* The checks: in full, or with -q only when a figure may be wrong. */
static void print_checks(FILE *f, const struct ctx_bench *r, bool quiet)
{
	if (quiet && !any_spoiled(&r->pp))
		return;
	print_turns(f, &r->pp.test[PP_YIELD]);
	print_foreign(f, r);
	print_warnings(f, &r->pp);
}

static void print_rows(FILE *f, const char *title, const struct pingpong *pp,
		       bool solo)
{
	unsigned int k;

	fprintf(f, "\n%-*s", NAME_W, title);
	render_columns(f);
	fputc('\n', f);
	for (k = 0; k < PP_KINDS; k++) {
		const struct pp_result *t = &pp->test[k];
		char name[NAME_W + 2];

		snprintf(name, sizeof(name), "%s%s",
			 solo ? t->solo_name : row_name[k],
			 !solo && t->capped ? "*" : "");
		fprintf(f, "%-*s", NAME_W, name);
		if (solo)
			render_figures(f, &t->solo, t->solo_avg_ns);
		else
			render_figures(f, &t->sw, t->avg_ns);
		fputc('\n', f);
	}
}

static void print_explanation(FILE *f, const struct ctx_bench *r)
{
	const struct pingpong *pp = &r->pp;

	fprintf(f,
		"\nEach test hands CPU %d back and forth between two tasks pinned to it.  A\n"
		"round trip A -> B -> A is two switches, timed whole by the CPU counter.\n"
		"  pipe:         two processes; A writes a 4-byte token into a pipe, B\n"
		"                reads it and writes it back through a second pipe.\n"
		"  sched_yield:  two threads of one process call sched_yield() in turn.\n"
		"Per switch = round trip / 2 - one subtracted call: the same call made\n"
		"without a switch, a write and a read on a pipe inside one process, or\n"
		"sched_yield() with no other task to run.  Min..Max take its P50 from each\n"
		"round trip, Avg its Avg.  Without subtracting, P50 round trip / 2 is\n"
		"%.1f ns (pipe) and %.1f ns (sched_yield).\n"
		"Min..Max: round trips timed one by one, minus %.1f ns of timer overhead.\n"
		"Avg: median of the means of batches of %zu round trips.\n",
		r->cpu, pp->test[PP_PIPE].raw_ns, pp->test[PP_YIELD].raw_ns,
		pp->ov.sample_ns, r->batch);
	fputs("\nWhat this shows: a switch is what the kernel does from one task giving\n"
	      "up the CPU to the other running in user mode again: the scheduler picks\n"
	      "the next task, saves one task's registers and stack, loads the other's\n"
	      "and returns to user mode.  The pipe switch also puts the reader to sleep\n"
	      "and wakes it, and changes the address space (B is another process); the\n"
	      "two threads share theirs, so their switch keeps the page tables.\n", f);
}

static void print_table(FILE *f, const void *arg, bool histogram)
{
	const struct ctx_bench *r = arg;
	const struct pingpong *pp = &r->pp;
	char rate[48], grain[160];
	unsigned int k;

	fprintf(f, "lde ctx: ns per context switch on CPU %d, %s,"
		" %zu round trips per test\n", r->cpu,
		tsc_rate(&r->tsc, rate, sizeof(rate)), r->loops);
	if (!r->tsc.invariant)
		fprintf(f, "Note: this CPU does not report an invariant TSC;"
			" ns figures assume its rate held\nsince calibration.\n");
	fputs(tsc_grain_note(&r->tsc, grain, sizeof(grain)), f);
	print_rows(f, "per switch", pp, false);
	print_rows(f, "subtracted, per call", pp, true);
	for (k = 0; k < PP_KINDS; k++)
		if (pp->test[k].capped)
			fprintf(f, "* %s: only %zu round trips, to take about"
				" %.0f s at most.\n", pp->test[k].name,
				pp->test[k].sw.n, CTX_BUDGET_S);
	fputc('\n', f);
	print_checks(f, r, false);
	print_explanation(f, r);
	if (!histogram)
		return;
	fprintf(f, "\nHistograms: ns per switch in log2 buckets [low, high),"
		" count, share.\n");
	for (k = 0; k < PP_KINDS; k++)
		render_hist(f, row_name[k], &pp->test[k].sw);
}

static void json_test(FILE *f, const struct pp_result *t, bool yield)
{
	fputs("    {\"name\": ", f);
	json_str(f, t->name);
	fputs(", ", f);
	render_json_figures(f, &t->sw, t->avg_ns);
	fprintf(f, ", \"samples\": %zu, \"capped\": %s,\n     ", t->sw.n,
		t->capped ? "true" : "false");
	json_dbl(f, "raw_p50", t->raw_ns, ", ");
	json_dbl(f, "round_trip_p50", t->rt_p50_ns,
		 ",\n     \"subtracted\": {\"name\": ");
	json_str(f, t->solo_name);
	fputs(", ", f);
	render_json_figures(f, &t->solo, t->solo_avg_ns);
	fputs("},\n", f);
	fprintf(f, "     \"foreign\": {\"round_trips\": %lu, \"runs\": %lu,"
		" \"subtracted_calls\": %lu, \"subtracted_runs\": %lu,"
		" \"spoiled\": ", t->rt_calls, t->rt_foreign, t->solo_calls,
		t->solo_foreign);
	json_str(f, spoiled_text[t->spoiled] ?
		 spoiled_text[t->spoiled] : "nothing");
	fputs("},\n", f);
	if (yield)
		fprintf(f, "     \"turns\": {\"uneven_round_trips\": %lu,"
			" \"yields\": %lu, \"partner_yields\": %lu},\n",
			t->uneven, t->turns, t->partner_turns);
	fputs("     \"hist\": ", f);
	json_hist(f, t->sw.hist, STATS_BUCKETS);
	fputc('}', f);
}

static void print_json(FILE *f, const void *arg)
{
	const struct ctx_bench *r = arg;
	unsigned int k;

	measure_json_head(f, "ns per switch", &r->tsc, r->cpu, &r->pp.ov);
	fprintf(f, "  \"round_trips\": %zu,\n  \"batch\": %zu,\n", r->loops,
		r->batch);
	fprintf(f, "  \"trusted\": %s,\n  \"foreign_exact\": %s,\n",
		pingpong_trusted(&r->pp) ? "true" : "false",
		r->pp.foreign_exact ? "true" : "false");
	fputs("  \"tests\": [\n", f);
	for (k = 0; k < PP_KINDS; k++) {
		json_test(f, &r->pp.test[k], k == PP_YIELD);
		fputs(k + 1 < PP_KINDS ? ",\n" : "\n", f);
	}
	fputs("  ]\n}\n", f);
}

static void print_csv(FILE *f, const void *arg)
{
	const struct ctx_bench *r = arg;
	unsigned int k;

	fprintf(f, "name,samples,min_ns,p50_ns,p90_ns,p99_ns,max_ns,avg_ns,"
		"raw_p50_ns,subtracted_p50_ns,subtracted_avg_ns,"
		"uneven_share,foreign_rt_share,foreign_subtracted_share\n");
	for (k = 0; k < PP_KINDS; k++) {
		const struct pp_result *t = &r->pp.test[k];

		fprintf(f, "\"%s\",%zu,", t->name, t->sw.n);
		render_csv_figures(f, &t->sw, t->avg_ns);
		fprintf(f, ",%.1f,%.1f,%.1f,", t->raw_ns, t->solo.p50,
			t->solo_avg_ns);
		/* Only the yield test can be uneven. */
		if (k == PP_YIELD)
			fprintf(f, "%.4f", share(t->uneven, t->rt_calls) / 100);
		fprintf(f, ",%.4f,%.4f\n",
			share(t->rt_foreign, t->rt_calls) / 100,
			share(t->solo_foreign, t->solo_calls) / 100);
	}
}

/* -q: the two medians, and the checks only if a figure may be wrong. */
static void print_quiet(FILE *f, const void *arg)
{
	const struct ctx_bench *r = arg;

	print_medians(f, &r->pp);
	print_checks(f, r, true);
}

const struct render_ops ctx_bench_ops = {
	.table = print_table, .quiet = print_quiet,
	.json = print_json, .csv = print_csv,
};

int ctx_bench_run(struct ctx_bench *c, const struct tsc *tsc, int cpu,
		  size_t loops, size_t batch)
{
	struct measure_cfg cfg = {
		.loops = loops,
		.batch = batch,
		.budget_ns = CTX_BUDGET_S * 1e9,
	};

	*c = (struct ctx_bench){
		.tsc = *tsc, .cpu = cpu, .loops = loops, .batch = batch,
	};
	return pingpong_run(&cfg, tsc, &c->pp);
}

/* ---- the experiment "ctx" of lde report and lde goals --------------- */

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	struct ctx_bench *c = o->st;
	struct tsc tsc;

	(void)x;
	progress_step(&s->prog, "pipe and sched_yield ping-pong on CPU %u",
		      s->cpu);
	if (session_pin(s, &tsc, o))
		return;
	if (ctx_bench_run(c, &tsc, (int)s->cpu, CTX_LOOPS, CTX_BATCH)) {
		fprintf(stderr, "%s: %s: %s\n", s->who, c->pp.why,
			strerror(errno));
		exp_fail(o, EXIT_FAIL, "the ping-pong: %s", c->pp.why);
		return;
	}
	if (!pingpong_trusted(&c->pp))
		fprintf(stderr, "%s: other tasks spoiled the ping-pong\n",
			s->who);
	exp_ok(o);
}

/* The pipe's P50 per switch, if the medians can be trusted. */
static double pipe_p50(const void *st)
{
	const struct pingpong *pp = &((const struct ctx_bench *)st)->pp;

	return pingpong_trusted(pp) ? pp->test[PP_PIPE].sw.p50 : NAN;
}

static double yield_p50(const void *st)
{
	const struct pingpong *pp = &((const struct ctx_bench *)st)->pp;

	return pingpong_trusted(pp) ? pp->test[PP_YIELD].sw.p50 : NAN;
}

static const struct exp_figure figures[] = {
	{ "pipe_p50", pipe_p50 },
	{ "yield_p50", yield_p50 },
	{ NULL, NULL },
};

static const uint64_t *pipe_hist(const void *st)
{
	return ((const struct ctx_bench *)st)->pp.test[PP_PIPE].sw.hist;
}

static const struct stats *pipe_stats(const void *st)
{
	return &((const struct ctx_bench *)st)->pp.test[PP_PIPE].sw;
}

static const struct exp_dist dists[] = {
	{ "pipe", pipe_hist, pipe_stats },	/* ns per switch */
	{ NULL, NULL, NULL },
};

const struct exp exp_ctx = {
	.name = "ctx", .step = "goals", .steps = 1,
	.size = sizeof(struct ctx_bench), .run = run,
	.figures = figures, .dists = dists,
	.ops = &ctx_bench_ops,
};

// SPDX-License-Identifier: GPL-2.0
/*
 * trap.c - the trap benchmark: what does it cost to enter the kernel?
 *
 * The subjects (bench/subjects.c) are checked once, then all are timed in
 * interleaved rounds (bench/measure.c), so that a drifting VM slows them
 * alike.  A call that fails while timed makes its figures suspect: the
 * run then fails and says which.
 *
 * The results, for people (a table that explains itself) and for programs
 * (--json, --csv).  Every figure is ns per call.  The table's Min..Max
 * come from calls timed one by one; Avg from batches of calls, where the
 * timer cost is spread thin (the median batch, so one preemption does not
 * move it).  The ratio column divides each median by that of
 * ioctl(/dev/null), the cheapest ioctl the kernel has: how much dearer is
 * this than the bare ioctl path?  The columns, histograms and JSON figures
 * are render.c's and the JSON values json.c's, shared with the other
 * experiments.
 *
 * As the experiment "trap" of lde report: pinned to the lab CPU, the TSC
 * calibrated there, TRAP_LOOPS calls per subject; figures null_p50 and
 * ioctl_p50 (the goal null_vs_ioctl), files trap.json and trap.csv (the
 * plot trap.png reads that).
 *
 * Use: see trap.h.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "exp/exp.h"
#include "exp/goals.h"
#include "exp/trap.h"
#include "lib/common.h"
#include "lib/cpus.h"
#include "lib/json.h"
#include "lib/render.h"

/* ---- the run -------------------------------------------------------- */

/* Calls that failed while timing make the figures suspect: say so. */
static bool report_errors(const char *who, const struct result *res,
			  size_t n)
{
	bool any = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!res[i].errors)
			continue;
		fprintf(stderr, "%s: %s: %lu of %lu calls failed while"
			" timing (first: %s)\n", who, res[i].name,
			res[i].errors, res[i].calls,
			strerror(res[i].first_errno));
		any = true;
	}
	return any;
}

int trap_bench_run(struct trap_bench *tb, const char *who, int fd, int cpu,
		   const struct tsc *tsc, size_t loops, size_t batch)
{
	struct subjects *ss = &tb->ss;
	struct measure_cfg cfg = {
		.loops = loops,
		.batch = batch,
		.budget_ns = TRAP_BUDGET_S * 1e9,
	};
	char err[400];

	*tb = (struct trap_bench){
		.tsc = *tsc, .cpu = cpu, .loops = loops, .batch = batch,
	};
	subjects_init(ss);
	if (subjects_add_baselines(ss, err, sizeof(err)) ||
	    (fd >= 0 && subjects_add_lde(ss, fd, err, sizeof(err)))) {
		fprintf(stderr, "%s: check before timing failed: %s\n", who,
			err);
		return -1;
	}
	if (measure_run(&cfg, tsc, ss->s, ss->n, tb->res, &tb->ov)) {
		fprintf(stderr, "%s: measuring: %s\n", who, strerror(errno));
		return -1;
	}
	return report_errors(who, tb->res, ss->n) ? -1 : 0;
}

void trap_bench_free(struct trap_bench *tb)
{
	subjects_free(&tb->ss);
}

/* ---- the output ----------------------------------------------------- */

/* Median of res[num] / median of res[den], or NAN if either is missing. */
static double ratio(const struct trap_bench *tb, int num, int den)
{
	double d;

	if (num < 0 || den < 0)
		return NAN;
	d = tb->res[den].st.p50;
	return d > 0 ? tb->res[num].st.p50 / d : NAN;
}

/* The goal null_vs_ioctl's target, from the goal table. */
static double target(void)
{
	return goal_target("null_vs_ioctl");
}

static void print_ratio(FILE *f, const char *what, double v, bool goal)
{
	if (isnan(v)) {
		fprintf(f, "%s median: n/a\n", what);
		return;
	}
	fprintf(f, "%s median: %.2f", what, v);
	if (goal)
		fprintf(f, " (goal <= %.2f: %s)", target(),
			v <= target() ? "met" : "NOT met");
	fputc('\n', f);
}

static void print_ratios(FILE *f, const void *arg)
{
	const struct trap_bench *tb = arg;

	if (tb->ss.null >= 0) {
		print_ratio(f, "lde null / ioctl(/dev/null)",
			    ratio(tb, tb->ss.null, tb->ss.ioctl), true);
		print_ratio(f, "lde null / getppid",
			    ratio(tb, tb->ss.null, tb->ss.getppid), false);
	}
	print_ratio(f, "ioctl(/dev/null) / getppid",
		    ratio(tb, tb->ss.ioctl, tb->ss.getppid), false);
}

static void print_table(FILE *f, const void *arg, bool histogram)
{
	const struct trap_bench *tb = arg;
	double base = tb->ss.ioctl >= 0 ? tb->res[tb->ss.ioctl].st.p50 : 0;
	char rate[48], grain[160];
	bool capped = false;
	size_t i;

	fprintf(f, "lde trap: ns per call on CPU %d, %s, %zu samples"
		" per subject\n", tb->cpu,
		tsc_rate(&tb->tsc, rate, sizeof(rate)), tb->loops);
	fprintf(f, "Min..Max: calls timed one by one, minus %.1f ns of"
		" loop+timer overhead.\n", tb->ov.sample_ns);
	fprintf(f, "Avg: median of the per-call means of batches of %zu"
		" calls, minus %.2f ns.\n", tb->batch, tb->ov.batch_ns);
	if (!tb->tsc.invariant)
		fprintf(f, "Note: this CPU does not report an invariant TSC;"
			" ns figures assume its rate held\nsince calibration.\n");
	fputs(tsc_grain_note(&tb->tsc, grain, sizeof(grain)), f);
	if (*tb->ss.clock_note)
		fprintf(f, "Note: %s.\n", tb->ss.clock_note);

	fprintf(f, "\n%-19s", "subject");
	render_columns(f);
	fprintf(f, " %7s\n", "ratio");
	for (i = 0; i < tb->ss.n; i++) {
		const struct result *res = &tb->res[i];
		char name[SUBJECT_NAME_LEN + 2], rt[16] = "-";

		snprintf(name, sizeof(name), "%s%s", res->name,
			 res->capped ? "*" : "");
		capped |= res->capped;
		if (base > 0)
			snprintf(rt, sizeof(rt), "%.2f", res->st.p50 / base);
		fprintf(f, "%-19s", name);
		render_figures(f, &res->st, res->avg_ns);
		fprintf(f, " %7s\n", rt);
	}
	fprintf(f, "ratio = P50 / P50 of ioctl(/dev/null).\n");
	for (i = 0; capped && i < tb->ss.n; i++)
		if (tb->res[i].capped)
			fprintf(f, "* %s: only %zu samples, to take about %.0f s"
				" at most.\n", tb->res[i].name,
				tb->res[i].samples, TRAP_BUDGET_S);
	fputc('\n', f);
	print_ratios(f, tb);
	fprintf(f,
		"\nWhat this shows: every row is the same loop around a different call.  A\n"
		"function call and vDSO clock_gettime stay in user mode.  getppid is about\n"
		"the cheapest real system call, so its time is mostly the crossing itself:\n"
		"syscall enters the kernel at CPL 0, sysret returns to CPL 3.\n"
		"ioctl(/dev/null) adds the file descriptor lookup and the VFS ioctl path.\n"
		"lde null takes that same path into lde's trap table and does nothing there,\n"
		"so lde null / ioctl(/dev/null) is the price of lde's own dispatch.\n");
	if (histogram) {
		fprintf(f, "\nHistograms: ns per call in log2 buckets"
			" [low, high), count, share.\n");
		for (i = 0; i < tb->ss.n; i++)
			render_hist(f, tb->res[i].name, &tb->res[i].st);
	}
}

static void json_subject(FILE *f, const struct result *res)
{
	fputs("    {\"name\": ", f);
	json_str(f, res->name);
	fputs(", ", f);
	render_json_figures(f, &res->st, res->avg_ns);
	fprintf(f, ", \"samples\": %zu,\n     \"hist\": ", res->samples);
	json_hist(f, res->st.hist, STATS_BUCKETS);
	fputc('}', f);
}

static void print_json(FILE *f, const void *arg)
{
	const struct trap_bench *tb = arg;
	double nvi = ratio(tb, tb->ss.null, tb->ss.ioctl);
	size_t i;

	measure_json_head(f, "ns per call", &tb->tsc, tb->cpu, &tb->ov);
	fprintf(f, "  \"samples\": %zu,\n", tb->loops);
	fputs("  \"clocksource\": ", f);
	if (*tb->ss.clocksource)
		json_str(f, tb->ss.clocksource);
	else
		fputs("null", f);
	fputs(",\n  \"note\": ", f);
	if (*tb->ss.clock_note)
		json_str(f, tb->ss.clock_note);
	else
		fputs("null", f);
	fputs(",\n  \"subjects\": [\n", f);
	for (i = 0; i < tb->ss.n; i++) {
		json_subject(f, &tb->res[i]);
		fputs(i + 1 < tb->ss.n ? ",\n" : "\n", f);
	}
	fputs("  ],\n  \"ratios\": {\"null_vs_ioctl\": ", f);
	json_num(f, nvi);
	fputs(", \"null_vs_getppid\": ", f);
	json_num(f, ratio(tb, tb->ss.null, tb->ss.getppid));
	fputs(", \"ioctl_vs_getppid\": ", f);
	json_num(f, ratio(tb, tb->ss.ioctl, tb->ss.getppid));
	fprintf(f, ",\n             \"goal_null_vs_ioctl\": %.2f,"
		" \"goal_met\": %s}\n}\n", target(),
		isnan(nvi) ? "null" :
		nvi <= target() ? "true" : "false");
}

static void print_csv(FILE *f, const void *arg)
{
	const struct trap_bench *tb = arg;
	double base = tb->ss.ioctl >= 0 ? tb->res[tb->ss.ioctl].st.p50 : 0;
	size_t i;

	fprintf(f, "name,samples,min_ns,p50_ns,p90_ns,p99_ns,max_ns,avg_ns,"
		"ratio_vs_ioctl\n");
	for (i = 0; i < tb->ss.n; i++) {
		const struct result *res = &tb->res[i];

		/* Our names hold no quotes or commas; quote them anyway. */
		fprintf(f, "\"%s\",%zu,", res->name, res->samples);
		render_csv_figures(f, &res->st, res->avg_ns);
		fputc(',', f);
		if (base > 0)
			fprintf(f, "%.3f", res->st.p50 / base);
		fputc('\n', f);
	}
}

const struct render_ops trap_bench_ops = {
	.table = print_table, .quiet = print_ratios,
	.json = print_json, .csv = print_csv,
};

/* ---- the experiment "trap" of lde report ---------------------------- */

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	struct trap_bench *tb = o->st;
	struct tsc tsc;

	(void)x;
	subjects_init(&tb->ss);		/* for free(), if it fails first */
	progress_step(&s->prog, "trap benchmark: lde's traps against a call,"
		      " getppid, vDSO and ioctl(/dev/null)");
	if (session_pin(s, &tsc, o))
		return;
	if (trap_bench_run(tb, s->who, s->fd, (int)s->cpu, &tsc, TRAP_LOOPS,
			   TRAP_BATCH))
		exp_fail(o, EXIT_FAIL, "the trap benchmark failed; its message"
			 " is on stderr");
	else
		exp_ok(o);
}

static void free_exp(void *st)
{
	trap_bench_free(st);
}

/* The P50 of subject index i, or NAN if it was not timed. */
static double p50(const struct trap_bench *tb, int i)
{
	return i >= 0 ? tb->res[i].st.p50 : NAN;
}

static double null_p50(const void *st)
{
	return p50(st, ((const struct trap_bench *)st)->ss.null);
}

static double ioctl_p50(const void *st)
{
	return p50(st, ((const struct trap_bench *)st)->ss.ioctl);
}

static double getppid_p50(const void *st)
{
	return p50(st, ((const struct trap_bench *)st)->ss.getppid);
}

static const struct exp_figure figures[] = {
	{ "null_p50", null_p50 },	/* lde null */
	{ "ioctl_p50", ioctl_p50 },	/* ioctl(/dev/null) */
	{ "getppid_p50", getppid_p50 },
	{ NULL, NULL },
};

const struct exp exp_trap = {
	.name = "trap", .steps = 1,
	.size = sizeof(struct trap_bench), .run = run, .free = free_exp,
	.figures = figures,
	.ops = &trap_bench_ops,
};

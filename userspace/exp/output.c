// SPDX-License-Identifier: GPL-2.0
/*
 * output.c - the results of "lde trap" for people (a table that explains
 * itself) and for programs (--json, --csv).
 *
 * Every figure is ns per call.  The table's Min..Max come from calls timed
 * one by one; Avg from batches of calls, where the timer cost is spread
 * thin (the median batch, so one preemption does not move it).  The ratio
 * column divides each median by that of ioctl(/dev/null), the cheapest
 * ioctl the kernel has: how much dearer is this than the bare ioctl path?
 * The columns, histograms and JSON figures are render.c's and the JSON
 * values json.c's, shared with the other commands.
 *
 * Use: see output.h.
 */
#include <math.h>
#include <string.h>

#include "lib/json.h"
#include "exp/output.h"
#include "lib/render.h"

/* Median of res[num] / median of res[den], or NAN if either is missing. */
static double ratio(const struct report *r, int num, int den)
{
	double d;

	if (num < 0 || den < 0)
		return NAN;
	d = r->res[den].st.p50;
	return d > 0 ? r->res[num].st.p50 / d : NAN;
}

static void print_ratio(FILE *f, const char *what, double v, bool goal)
{
	if (isnan(v)) {
		fprintf(f, "%s median: n/a\n", what);
		return;
	}
	fprintf(f, "%s median: %.2f", what, v);
	if (goal)
		fprintf(f, " (goal <= %.2f: %s)", GOAL_NULL_VS_IOCTL,
			v <= GOAL_NULL_VS_IOCTL ? "met" : "NOT met");
	fputc('\n', f);
}

static void print_ratios(FILE *f, const struct report *r)
{
	if (r->null >= 0) {
		print_ratio(f, "lde null / ioctl(/dev/null)",
			    ratio(r, r->null, r->ioctl), true);
		print_ratio(f, "lde null / getppid",
			    ratio(r, r->null, r->getppid), false);
	}
	print_ratio(f, "ioctl(/dev/null) / getppid",
		    ratio(r, r->ioctl, r->getppid), false);
}

static void print_table(FILE *f, const struct report *r, bool histogram)
{
	double base = r->ioctl >= 0 ? r->res[r->ioctl].st.p50 : 0;
	bool capped = false;
	size_t i;

	fprintf(f, "lde trap: ns per call on CPU %d, TSC %.3f GHz, %zu samples"
		" per subject\n", r->cpu, r->tsc->hz / 1e9, r->loops);
	fprintf(f, "Min..Max: calls timed one by one, minus %.1f ns of"
		" loop+timer overhead.\n", r->ov.sample_ns);
	fprintf(f, "Avg: median of the per-call means of batches of %zu"
		" calls, minus %.2f ns.\n", r->batch, r->ov.batch_ns);
	if (!r->tsc->invariant)
		fprintf(f, "Note: this CPU does not report an invariant TSC;"
			" ns figures assume its rate held\nsince calibration.\n");
	if (*r->note)
		fprintf(f, "Note: %s.\n", r->note);

	fprintf(f, "\n%-19s", "subject");
	render_columns(f);
	fprintf(f, " %7s\n", "ratio");
	for (i = 0; i < r->n; i++) {
		const struct result *res = &r->res[i];
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
	for (i = 0; capped && i < r->n; i++)
		if (r->res[i].capped)
			fprintf(f, "* %s: only %zu samples, to take about %.0f s"
				" at most.\n", r->res[i].name,
				r->res[i].samples, r->budget_s);
	fputc('\n', f);
	print_ratios(f, r);
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
		for (i = 0; i < r->n; i++)
			render_hist(f, r->res[i].name, &r->res[i].st);
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

static void print_json(FILE *f, const struct report *r)
{
	double nvi = ratio(r, r->null, r->ioctl);
	size_t i;

	fprintf(f, "{\n  \"unit\": \"ns per call\",\n");
	fprintf(f, "  \"tsc_hz\": %.0f,\n", r->tsc->hz);
	fprintf(f, "  \"tsc_invariant\": %s,\n",
		r->tsc->invariant ? "true" : "false");
	fprintf(f, "  \"cpu\": %d,\n", r->cpu);
	fputs("  \"overhead_ns\": ", f);
	json_num(f, r->ov.sample_ns);
	fputs(",\n  \"batch_overhead_ns\": ", f);
	json_num(f, r->ov.batch_ns);
	fprintf(f, ",\n  \"samples\": %zu,\n", r->loops);
	fputs("  \"clocksource\": ", f);
	if (*r->clocksource)
		json_str(f, r->clocksource);
	else
		fputs("null", f);
	fputs(",\n  \"note\": ", f);
	if (*r->note)
		json_str(f, r->note);
	else
		fputs("null", f);
	fputs(",\n  \"subjects\": [\n", f);
	for (i = 0; i < r->n; i++) {
		json_subject(f, &r->res[i]);
		fputs(i + 1 < r->n ? ",\n" : "\n", f);
	}
	fputs("  ],\n  \"ratios\": {\"null_vs_ioctl\": ", f);
	json_num(f, nvi);
	fputs(", \"null_vs_getppid\": ", f);
	json_num(f, ratio(r, r->null, r->getppid));
	fputs(", \"ioctl_vs_getppid\": ", f);
	json_num(f, ratio(r, r->ioctl, r->getppid));
	fprintf(f, ",\n             \"goal_null_vs_ioctl\": %.2f,"
		" \"goal_met\": %s}\n}\n", GOAL_NULL_VS_IOCTL,
		isnan(nvi) ? "null" :
		nvi <= GOAL_NULL_VS_IOCTL ? "true" : "false");
}

static void print_csv(FILE *f, const struct report *r)
{
	double base = r->ioctl >= 0 ? r->res[r->ioctl].st.p50 : 0;
	size_t i;

	fprintf(f, "name,samples,min_ns,p50_ns,p90_ns,p99_ns,max_ns,avg_ns,"
		"ratio_vs_ioctl\n");
	for (i = 0; i < r->n; i++) {
		const struct result *res = &r->res[i];

		/* Our names hold no quotes or commas; quote them anyway. */
		fprintf(f, "\"%s\",%zu,", res->name, res->samples);
		render_csv_figures(f, &res->st, res->avg_ns);
		fputc(',', f);
		if (base > 0)
			fprintf(f, "%.3f", res->st.p50 / base);
		fputc('\n', f);
	}
}

void output_report(FILE *f, const struct report *r, enum output_format fmt,
		   bool quiet, bool histogram)
{
	switch (fmt) {
	case OUT_JSON:
		print_json(f, r);
		break;
	case OUT_CSV:
		print_csv(f, r);
		break;
	case OUT_TABLE:
		if (quiet)
			print_ratios(f, r);
		else
			print_table(f, r, histogram);
		break;
	}
}

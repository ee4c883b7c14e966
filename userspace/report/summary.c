// SPDX-License-Identifier: GPL-2.0
/*
 * summary.c - what one "lde report" run found, for programs (report.json:
 * the goals, each step's outcome, the files) and for people (summary.md:
 * the goals with their figures and whether each is met, links to the
 * plots, each experiment's own section, what went wrong).
 *
 * stdout gets summary.md's goal table and where the run's files are:
 * that is what "make run" ends with.
 *
 * A step of report.json is a group of experiments (exp.h: their step),
 * then the files and the plots.  A step failed if one of its experiments
 * did, or if a goal whose numerator it measures came out unknown.
 *
 * Use: see report.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "exp/goals.h"
#include "exp/sched.h"
#include "lib/common.h"
#include "lib/duration.h"
#include "lib/json.h"
#include "lib/machine.h"
#include "report/report.h"

/* ---- the steps ------------------------------------------------------ */

static const char *step_of(const struct exp *x)
{
	return x->step ? x->step : x->name;
}

/* Goals whose numerator step measures, if unknown: "not measured: a, b". */
static void unmeasured(const struct report *r, const char *step,
		       struct exp_out *o)
{
	char missing[160] = "";
	struct goal_value v;
	size_t i;
	int n = 0;

	for (i = 0; i < nr_goals; i++) {
		if (strcmp(step_of(goals[i].num.exp), step))
			continue;
		goal_measure(&r->s, &goals[i], &v);
		if (isnan(goal_ratio(&v)) && n >= 0)
			n = snprintf(missing + n, sizeof(missing) - n, "%s%s",
				     n ? ", " : "", goals[i].key);
	}
	if (*missing)
		exp_fail(o, EXIT_FAIL, "not measured: %s", missing);
}

/* The outcome of step: its experiments' together. */
static void step_outcome(const struct report *r, const char *step,
			 struct exp_out *o)
{
	bool ran = false;
	size_t i;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < nr_experiments; i++) {
		const struct exp_out *e = &r->s.out[i];

		if (strcmp(step_of(experiments[i]), step))
			continue;
		if (e->state == EXP_FAILED) {
			exp_fail(o, e->status, "%s", e->note);
			return;
		}
		if (e->state == EXP_SKIPPED && o->state != EXP_SKIPPED)
			exp_skip(o, "%s", e->note);
		ran |= e->state != EXP_NOT_RUN;
	}
	if (!ran)
		return;
	if (o->state == EXP_SKIPPED)
		return;		/* it said what it could not measure */
	exp_ok(o);
	unmeasured(r, step, o);
}

bool report_step(const struct report *r, size_t i, const char **name,
		 struct exp_out *o)
{
	size_t x, y, n = 0;

	for (x = 0; x < nr_experiments; x++) {
		const char *step = step_of(experiments[x]);

		for (y = 0; y < x; y++)
			if (!strcmp(step_of(experiments[y]), step))
				break;
		if (y < x)
			continue;	/* not the step's first experiment */
		if (n++ == i) {
			*name = step;
			step_outcome(r, step, o);
			return true;
		}
	}
	if (i - n >= REPORT_STEPS)
		return false;
	*name = i == n ? "files" : "plots";
	*o = i == n ? r->files : r->plots;
	return true;
}

/* ---- report.json --------------------------------------------------- */

static void index_goals(FILE *f, const struct report *r)
{
	struct goal_value v;
	size_t i;

	fputs("  \"goals\": [", f);
	for (i = 0; i < nr_goals; i++) {
		goal_measure(&r->s, &goals[i], &v);
		fputs(i ? ",\n    " : "\n    ", f);
		goal_print_json(f, &goals[i], &v);
	}
	fputs("\n  ],\n", f);
}

static void index_steps(FILE *f, const struct report *r)
{
	const char *name, *sep = "";
	struct exp_out o;
	size_t i;

	fputs("  \"steps\": {\n", f);
	for (i = 0; report_step(r, i, &name, &o); i++) {
		fprintf(f, "%s    \"%s\": {", sep, name);
		json_kstr(f, "state", exp_state_names[o.state], ", ");
		json_kstr(f, "note", o.note, "}");
		sep = ",\n";
	}
	fputs("\n  },\n", f);
}

static void index_files(FILE *f, const struct report *r)
{
	const struct session *s = &r->s;
	const struct sched_run *run;
	size_t i;

	fputs("  \"experiments\": [", f);
	for (i = 0; (run = report_sched(s, i)); i++)
		fprintf(f, "%s\n    {\"name\": \"%s\", \"json\": \"sched-%s."
			"json\"}", i ? "," : "", run->name, run->name);
	fputs("\n  ],\n  \"plots\": [", f);
	for (i = 0; i < nr_plots; i++)
		fprintf(f, "%s\n    {\"png\": \"%s.png\", \"script\":"
			" \"%s.gp\", \"data\": \"%s.csv\", \"made\": %s}",
			i ? "," : "", plots[i].name, plots[i].name,
			plots[i].name, r->plotted[i] ? "true" : "false");
	fputs("\n  ]", f);
	for (i = 0; i < nr_experiments; i++)
		if (experiments[i]->json_picture)
			experiments[i]->json_picture(f, s, &s->out[i]);
	for (i = 0; i < nr_experiments; i++)
		if (experiments[i]->json)
			experiments[i]->json(f, s, &s->out[i]);
	fputs("\n", f);
}

static void write_index(FILE *f, const void *arg)
{
	const struct report *r = arg;
	const struct machine *m = session_machine(&r->s);

	fputs("{\n  ", f);
	json_kstr(f, "started", r->stamp, ",\n  ");
	json_kstr(f, "dir", r->dir, ",\n  ");
	json_kstr(f, "kernel", m ? m->release : "", ",\n  ");
	json_kstr(f, "arch", machine_arch(), ",\n  ");
	fprintf(f, "\"cpu\": %u,\n", r->s.cpu);
	index_goals(f, r);
	index_steps(f, r);
	index_files(f, r);
	fputs("}\n", f);
}

int report_index(const struct report *r)
{
	return session_write(&r->s, "report.json", write_index, r);
}

/* ---- summary.md ---------------------------------------------------- */

/* A goal's figure: ns as a duration, a rate in iterations/us, a ratio. */
static const char *figure(char *buf, size_t len, const struct goal *g,
			  double v)
{
	if (isnan(v))
		return "n/a";
	if (g->unit == GOAL_RATE) {
		snprintf(buf, len, "%.1f iterations/us", v);
		return buf;
	}
	if (g->unit == GOAL_RATIO) {
		snprintf(buf, len, "%.2f", v);
		return buf;
	}
	return duration_fmt(buf, len, v);
}

static void goal_row(FILE *f, const struct report *r, const struct goal *g)
{
	char a[DURATION_BUF + 16], b[DURATION_BUF + 16];
	int p = plot_index(g->plot);
	struct goal_value v;
	double ratio;
	bool rounds;

	goal_measure(&r->s, g, &v);
	ratio = goal_ratio(&v);
	rounds = v.rounds && !isnan(v.lo);
	fprintf(f, "| %s | %s %s, %s %s", g->what, g->num.name,
		figure(a, sizeof(a), g, v.num), g->den.name,
		figure(b, sizeof(b), g, v.den));
	/* One parenthesis: "(medians of the rounds; the ratio takes ...)". */
	if (rounds)
		fputs(" (medians of the rounds", f);
	if (g->less.exp)
		fprintf(f, "%sthe ratio takes %s %s off the %s",
			rounds ? "; " : " (", g->less.name,
			figure(b, sizeof(b), g, v.less), g->num.name);
	if (rounds)
		fprintf(f, "; ratio: the rounds' median, lowest %.3f, highest"
			" %.3f", v.lo, v.hi);
	if (rounds || g->less.exp)
		fputc(')', f);
	fputs(" | ", f);
	if (isnan(ratio))
		fputs("n/a", f);
	else
		fprintf(f, "%.3f", ratio);
	fprintf(f, " | %s %.2f | %s | ", goal_sense_str(g), g->target,
		isnan(ratio) ? "n/a" : goal_met(g, &v) ? "yes" : "**no**");
	if (p >= 0 && r->plotted[p])
		fprintf(f, "[%s.png](%s.png) |\n", plots[p].name,
			plots[p].name);
	else
		fputs("- |\n", f);
}

/* The goal table, and how many are met. */
static void goal_table(FILE *f, const struct report *r)
{
	struct goal_value v;
	unsigned int met = 0;
	size_t i;

	fputs("| goal | figures | ratio | target | met | plot |\n"
	      "|------|---------|------:|-------:|-----|------|\n", f);
	for (i = 0; i < nr_goals; i++) {
		goal_row(f, r, &goals[i]);
		goal_measure(&r->s, &goals[i], &v);
		met += goal_met(&goals[i], &v);
	}
	fprintf(f, "\nMet: %u of %zu.\n", met, nr_goals);
}

static void plot_list(FILE *f, const struct report *r)
{
	const struct session *s = &r->s;
	size_t i;

	fputs("\n## Plots\n\n", f);
	for (i = 0; i < nr_plots; i++)
		if (r->plotted[i])
			fprintf(f, "- [%s.png](%s.png): %s (data %s.csv, script"
				" %s.gp)\n", plots[i].name, plots[i].name,
				plots[i].what, plots[i].name, plots[i].name);
		else
			fprintf(f, "- %s.png: not drawn (%s); see plots.log\n",
				plots[i].name, plots[i].what);
	for (i = 0; i < nr_experiments; i++)
		if (experiments[i]->md_picture)
			experiments[i]->md_picture(f, s, &s->out[i]);
	fputs("\nTo draw a plot again, with a script changed or not:"
	      " `gnuplot share.gp` in this\ndirectory.\n", f);
}

static void problems(FILE *f, const struct report *r)
{
	const char *name;
	struct exp_out o;
	bool any = false;
	size_t i;

	fputs("\n## Problems\n\n", f);
	for (i = 0; report_step(r, i, &name, &o); i++) {
		if (o.state == EXP_OK)
			continue;
		fprintf(f, "- %s: %s%s%s\n", name, exp_state_names[o.state],
			o.note[0] ? ": " : "", o.note);
		any = true;
	}
	if (!any)
		fputs("None: every step ran.\n", f);
}

static void write_summary(FILE *f, const void *arg)
{
	const struct report *r = arg;
	const struct session *s = &r->s;
	const struct machine *m = session_machine(s);
	size_t i;

	fprintf(f, "# lde report, %s\n\n", r->stamp);
	fprintf(f, "Linux %s on %s, lab CPU %u.  Every figure was measured"
		" in this one run,\none experiment after the other on the lab"
		" CPU.  In a VM absolute times are\ninflated, and under QEMU's"
		" TCG, which emulates the CPU instruction by\ninstruction, they"
		" are not hardware's at all: 10 to 100 times slower, and"
		" drifting.\nEach goal is a ratio of two figures measured side"
		" by side, which carries over\nto hardware.\n\n## Goals\n\n",
		m ? m->release : "?", machine_arch(), s->cpu);
	goal_table(f, r);
	plot_list(f, r);
	for (i = 0; i < nr_experiments; i++)
		if (experiments[i]->md)
			experiments[i]->md(f, s, &s->out[i]);
	problems(f, r);
	fputs("\n## Files\n\n"
	      "report.json (this summary for programs); trap, ctx, goals:"
	      " .json and .csv as\n`lde trap`, `lde ctx`, `lde goals`"
	      " print them; sched-*.json, one `lde sched\n--json` per"
	      " experiment, and sched.csv, guests.csv; cyclictest.json and"
	      "\ncyclictest.txt; scaling.json, every round of the experiment"
	      " scaling, and\nfootprint.csv; the plots' CSV, .gp and .png;"
	      " trace.data, trace.txt and\ntrace.log of the traced run.\n",
	      f);
}

int report_summary(const struct report *r)
{
	int ret = session_write(&r->s, "summary.md", write_summary, r);

	printf("\nlde report: %s\n\n", r->stamp);
	goal_table(stdout, r);
	printf("\nEverything is in %s/: summary.md, %s.\n", r->dir,
	       r->plots.state == EXP_OK ? "the plots" :
	       "not every plot (see summary.md)");
	return ret;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * report_summary.c - what one "lde report" run found, for programs
 * (report.json: the goals, each step's outcome, the files) and for
 * people (summary.md: the goals with their figures and whether each is
 * met, links to the plots, the hog experiments, what went wrong).
 *
 * stdout gets summary.md's goal table and where the run's files are:
 * that is what "make run" ends with.
 *
 * Use: see report.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include "lib/duration.h"
#include "lib/json.h"
#include "report/report.h"
#include "dev/schednames.h"

/* ---- report.json --------------------------------------------------- */

static void index_goals(FILE *f, const struct lab *l)
{
	unsigned int i;

	fputs("  \"goals\": [\n    ", f);
	goalout_json_goal(f, &l->trap_goal);
	for (i = 0; i < NR_GOALS; i++) {
		fputs(",\n    ", f);
		goalout_json_goal(f, &l->gr.goal[i]);
	}
	fputs("\n  ],\n", f);
}

static void index_steps(FILE *f, const struct lab *l)
{
	unsigned int i;

	fputs("  \"steps\": {\n", f);
	for (i = 0; i < NR_STEPS; i++) {
		fprintf(f, "    \"%s\": {", lab_step_names[i]);
		json_kstr(f, "state", lab_state_names[l->step[i].state], ", ");
		json_kstr(f, "note", l->step[i].note,
			  i + 1 < NR_STEPS ? "},\n" : "}\n");
	}
	fputs("  },\n", f);
}

static void index_files(FILE *f, const struct lab *l)
{
	struct exp_ref r[LAB_EXP_MAX];
	size_t i, n = lab_experiments(l, r);

	fputs("  \"experiments\": [", f);
	for (i = 0; i < n; i++)
		fprintf(f, "%s\n    {\"name\": \"%s\", \"json\": \"sched-%s."
			"json\"}", i ? "," : "", r[i].name, r[i].name);
	fputs("\n  ],\n  \"plots\": [", f);
	for (i = 0; i < NR_PLOTS; i++)
		fprintf(f, "%s\n    {\"png\": \"%s\", \"script\": \"%s\","
			" \"data\": \"%s\", \"made\": %s}", i ? "," : "",
			lab_plots[i].png, lab_plots[i].gp, lab_plots[i].data,
			l->plotted[i] ? "true" : "false");
	fprintf(f, "\n  ],\n  \"timeline\": %s,\n  \"timeline_png\": %s,\n",
		l->step[STEP_TIMELINE].state == STEP_OK ?
		"\"timeline.svg\"" : "null",
		l->timeline_png ? "\"timeline.png\"" : "null");
	fprintf(f, "  \"demo_privileged\": {\"text\": \"demo_privileged.txt\","
		" \"exit_status\": %d}\n", l->demo_status);
}

static void write_index(FILE *f, const struct lab *l)
{
	struct utsname u;

	fputs("{\n  ", f);
	json_kstr(f, "started", l->stamp, ",\n  ");
	json_kstr(f, "dir", l->dir, ",\n  ");
	json_kstr(f, "kernel", uname(&u) ? "" : u.release, ",\n  ");
	fprintf(f, "\"cpu\": %u,\n", l->cpu);
	index_goals(f, l);
	index_steps(f, l);
	index_files(f, l);
	fputs("}\n", f);
}

int lab_write_index(struct lab *l)
{
	return lab_write(l, "report.json", write_index);
}

/* ---- summary.md ---------------------------------------------------- */

/* A goal's figure: ns as a duration, the direct goal's in iterations/us. */
static const char *figure(char *buf, size_t len, const struct lab *l,
			  const struct goal *g, double v)
{
	if (isnan(v))
		return "n/a";
	if (g == &l->gr.goal[G_DIRECT]) {
		snprintf(buf, len, "%.1f iterations/us", v);
		return buf;
	}
	return duration_fmt(buf, len, v);
}

/* The plot that shows a goal's figures, or NR_PLOTS for none. */
static enum lab_plot goal_plot(const struct lab *l, const struct goal *g)
{
	if (g == &l->trap_goal)
		return PLOT_TRAP;
	if (g == &l->gr.goal[G_VS_LINUX] || g == &l->gr.goal[G_VS_PIPE])
		return PLOT_SWITCH;
	if (g == &l->gr.goal[G_VS_CYCLICTEST])
		return PLOT_TIMER;
	return NR_PLOTS;
}

static void goal_row(FILE *f, const struct lab *l, const struct goal *g)
{
	char a[DURATION_BUF + 16], b[DURATION_BUF + 16];
	enum lab_plot p = goal_plot(l, g);
	double r = goal_ratio(g);

	fprintf(f, "| %s | %s %s, %s %s | ", g->what, g->num_name,
		figure(a, sizeof(a), l, g, g->num), g->den_name,
		figure(b, sizeof(b), l, g, g->den));
	if (isnan(r))
		fputs("n/a", f);
	else
		fprintf(f, "%.3f", r);
	fprintf(f, " | %s %.2f | %s | ", g->at_least ? ">=" : "<=",
		g->target, isnan(r) ? "n/a" : goal_met(g) ? "yes" : "**no**");
	if (p < NR_PLOTS && l->plotted[p])
		fprintf(f, "[%s](%s) |\n", lab_plots[p].png, lab_plots[p].png);
	else
		fputs("- |\n", f);
}

/* The goal table, and how many are met. */
static void goal_table(FILE *f, const struct lab *l)
{
	unsigned int i, met = goal_met(&l->trap_goal);

	fputs("| goal | figures | ratio | target | met | plot |\n"
	      "|------|---------|------:|-------:|-----|------|\n", f);
	goal_row(f, l, &l->trap_goal);
	for (i = 0; i < NR_GOALS; i++) {
		goal_row(f, l, &l->gr.goal[i]);
		met += goal_met(&l->gr.goal[i]);
	}
	fprintf(f, "\nMet: %u of %d.\n", met, NR_GOALS + 1);
}

static void plot_list(FILE *f, const struct lab *l)
{
	const struct step *tl = &l->step[STEP_TIMELINE];
	unsigned int i;

	fputs("\n## Plots\n\n", f);
	for (i = 0; i < NR_PLOTS; i++)
		if (l->plotted[i])
			fprintf(f, "- [%s](%s): %s (data %s, script %s)\n",
				lab_plots[i].png, lab_plots[i].png,
				lab_plots[i].what, lab_plots[i].data,
				lab_plots[i].gp);
		else
			fprintf(f, "- %s: not drawn (%s); see plots.log\n",
				lab_plots[i].png, lab_plots[i].what);
	if (tl->state == STEP_OK)
		fprintf(f, "- [timeline.svg](timeline.svg)%s: the timeline of"
			" a traced run, OSTEP's limited direct execution"
			" protocol: 2 spin guests under rr at 1 ms for about 5"
			" quanta (trace.txt, from perf script)\n",
			l->timeline_png ?
			", [timeline.png](timeline.png)" : "");
	else
		fprintf(f, "- timeline.svg: not drawn: %s\n", tl->note[0] ?
			tl->note : "the traced run failed (see Problems)");
	fputs("\nTo draw a plot again, with a script changed or not:"
	      " `gnuplot share.gp` in this\ndirectory.\n", f);
}

static void hog_table(FILE *f, const struct lab *l)
{
	unsigned int i;

	fprintf(f, "\n## Coop against rr, with a hog\n\n"
		"Guest 0 spins and never traps; the other guests compute about"
		" %d quanta,\nthen trap to yield.  Shares are of the time each"
		" experiment ran ([share.png](share.png)).\n\n",
		HOG_BURST_QUANTA);
	fputs("| experiment | ended because | guest 0, the hog | the other"
	      " guests | switches |\n"
	      "|------------|---------------|-----------------:|"
	      "-----------------:|---------:|\n", f);
	for (i = 0; i < HOG_RUNS; i++) {
		const struct hog_run *h = &l->hog[i];

		if (!h->ran) {
			fprintf(f, "| %s | did not run | | | |\n", h->name);
			continue;
		}
		fprintf(f, "| %s | %s | %.1f%% | %.1f%% | %llu |\n", h->name,
			sched_end_why(h->e.res.summary.end),
			100 * h->hog_share, 100 * h->others_share,
			(unsigned long long)h->fg.switches);
	}
}

static void problems(FILE *f, const struct lab *l)
{
	unsigned int i;
	bool any = false;

	fputs("\n## Problems\n\n", f);
	for (i = 0; i < NR_STEPS; i++) {
		const struct step *s = &l->step[i];

		if (s->state == STEP_OK)
			continue;
		fprintf(f, "- %s: %s%s%s\n", lab_step_names[i],
			lab_state_names[s->state], s->note[0] ? ": " : "",
			s->note);
		any = true;
	}
	if (!any)
		fputs("None: every step ran.\n", f);
}

static void write_summary(FILE *f, const struct lab *l)
{
	struct utsname u;

	fprintf(f, "# lde report, %s\n\n", l->stamp);
	fprintf(f, "Linux %s, lab CPU %u.  Every figure was measured in this"
		" one run, one\nexperiment after the other on the lab CPU."
		"  In a VM, and most of all under\nQEMU's TCG, absolute times"
		" are inflated and drift; each goal is a ratio of\ntwo figures"
		" measured side by side, which carries over to hardware.\n\n"
		"## Goals\n\n", uname(&u) ? "?" : u.release, l->cpu);
	goal_table(f, l);
	plot_list(f, l);
	hog_table(f, l);
	fprintf(f, "\n## The privileged demo\n\n[demo_privileged.txt]"
		"(demo_privileged.txt): %s\n", l->demo_status ? "**failed**"
		: "a child's `mov %cr0` in user mode died of SIGSEGV (#GP);"
		" the cpl trap read CR0 at CPL 0.");
	problems(f, l);
	fputs("\n## Files\n\n"
	      "report.json (this summary for programs); trap, ctx, goals:"
	      " .json and .csv as\n`lde trap`, `lde ctx`, `lde goals`"
	      " print them; sched-*.json, one `lde sched\n--json` per"
	      " experiment, and sched.csv, guests.csv; cyclictest.json and"
	      "\ncyclictest.txt; the plots' CSV, .gp and .png; trace.data,"
	      " trace.txt and\ntrace.log of the traced run.\n", f);
}

int lab_summary(struct lab *l)
{
	int ret = lab_write(l, "summary.md", write_summary);

	printf("\nlde report: %s\n\n", l->stamp);
	goal_table(stdout, l);
	printf("\nEverything is in %s/: summary.md, %s.\n", l->dir,
	       l->step[STEP_PLOTS].state == STEP_OK ? "the plots" :
	       "not every plot (see summary.md)");
	return ret;
}

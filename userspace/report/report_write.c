// SPDX-License-Identifier: GPL-2.0
/*
 * report_write.c - every figure of "lde report" as JSON and CSV, in the
 * run's directory:
 *
 *   trap.json trap.csv        lde trap --json / --csv
 *   ctx.json ctx.csv          lde ctx --json / --csv (the goal run's
 *                             ping-pong)
 *   goals.json goals.csv      lde goals --json; the CSV adds the trap goal
 *   cyclictest.json           cyclictest's figures, ns (cyclictest.txt has
 *                             its own output)
 *   sched-*.json              lde sched --json, one per experiment:
 *                             goal-* the goals', hog-* the hog experiments
 *   sched.csv guests.csv      one row per experiment; one per guest
 *
 * The plots' data is report_plot.c's, report.json report_summary.c's.
 * The JSON values are json.c's and the per-command files the commands'
 * own printers, so that one script reads "lde report" and "lde sched
 * --json" alike.  In CSV an unknown number is an empty field.
 *
 * Use: see report.h.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include "exp/ctx_output.h"
#include "bench/cyclictest.h"
#include "lib/duration.h"
#include "lib/json.h"
#include "exp/output.h"
#include "report/report.h"
#include "dev/schednames.h"
#include "exp/schedout.h"

FILE *lab_fopen(const struct lab *l, const char *name)
{
	char path[PATH_MAX + 64];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", l->dir, name);
	f = fopen(path, "we");		/* close on exec: children get none */
	if (!f)
		fprintf(stderr, REPORT_WHO ": %s: %s\n", path, strerror(errno));
	return f;
}

int lab_fclose(FILE *f, const char *name)
{
	int bad = ferror(f);

	if (fclose(f) || bad) {
		fprintf(stderr, REPORT_WHO ": writing %s failed\n", name);
		return -1;
	}
	return 0;
}

size_t lab_experiments(const struct lab *l, struct exp_ref *r)
{
	size_t i, n = 0;

	for (i = 0; l->goals_ran && i < GX_NR; i++, n++) {
		snprintf(r[n].name, sizeof(r[n].name), "goal-%s",
			 goal_exp_names[i]);
		r[n].e = &l->gr.exp[i];
		r[n].fg = &l->gr.fig[i];
		r[n].hog = NULL;
	}
	for (i = 0; i < HOG_RUNS; i++) {
		if (!l->hog[i].ran)
			continue;
		snprintf(r[n].name, sizeof(r[n].name), "hog-%s",
			 l->hog[i].name);
		r[n].e = &l->hog[i].e;
		r[n].fg = &l->hog[i].fg;
		r[n].hog = &l->hog[i];
		n++;
	}
	return n;
}

void csv_num(FILE *f, const char *fmt, double v)
{
	if (isfinite(v))
		fprintf(f, fmt, v);
}

/* ---- the commands' own formats ------------------------------------- */

static void write_trap(FILE *json, FILE *csv, const struct lab *l)
{
	output_report(json, &l->tb.rep, OUT_JSON, false, false);
	output_report(csv, &l->tb.rep, OUT_CSV, false, false);
}

static void write_ctx(FILE *json, FILE *csv, const struct lab *l)
{
	const struct goal_runs *gr = &l->gr;
	struct ctx_report r = {
		.tsc = &gr->tsc, .cpu = (int)gr->cpu,
		.loops = gr->pp_cfg.loops, .batch = gr->pp_cfg.batch,
		.budget_s = gr->pp_cfg.budget_ns / 1e9, .pp = &gr->pp,
	};

	ctx_output(json, &r, OUT_JSON, false, false);
	ctx_output(csv, &r, OUT_CSV, false, false);
}

static void csv_goal(FILE *f, const struct goal *g)
{
	fprintf(f, "\"%s\",\"%s\",\"%s\",", g->key, g->what, g->num_name);
	csv_num(f, "%.3f", g->num);
	fprintf(f, ",\"%s\",", g->den_name);
	csv_num(f, "%.3f", g->den);
	fputc(',', f);
	csv_num(f, "%.4f", goal_ratio(g));
	fprintf(f, ",%.2f,%s,%s\n", g->target, g->at_least ? ">=" : "<=",
		isnan(goal_ratio(g)) ? "" : goal_met(g) ? "yes" : "no");
}

static void write_goals(FILE *json, FILE *csv, const struct lab *l)
{
	unsigned int i;

	goalout_json(json, &l->gr);
	fputs("key,what,num_name,num,den_name,den,ratio,target,sense,met\n",
	      csv);
	csv_goal(csv, &l->trap_goal);
	for (i = 0; i < NR_GOALS; i++)
		csv_goal(csv, &l->gr.goal[i]);
}

static void write_cyclictest(FILE *f, const struct lab *l)
{
	const struct stats *st = &l->gr.cyclic;

	fprintf(f, "{\n  \"command\": \"cyclictest -m -p95 -a %u -t1 -i 1000"
		" -l %d -q -h %d\",\n  \"unit\": \"ns\",\n  \"samples\": %zu,\n"
		"  ", l->cpu, CYCLICTEST_LOOPS, CYCLICTEST_HIST_US, st->n);
	json_percentiles(f, st);
	fputs(",\n  ", f);
	json_dbl(f, "mean", st->mean, ",\n  \"hist\": ");
	json_hist(f, st->hist, STATS_BUCKETS);
	fputs("\n}\n", f);
}

/* ---- the experiments ----------------------------------------------- */

static void csv_exp(FILE *f, const struct exp_ref *r)
{
	const struct sched_dist_fig *sw = &r->fg->dist[SCHED_SWITCH_COST];
	const struct sched_dist_fig *tg = &r->fg->dist[SCHED_TIMER_TO_GUEST];
	const struct lde_sched_config *c = &r->e->cfg;
	const struct lde_sched_summary *s = &r->e->res.summary;

	fprintf(f, "\"%s\",%s,%s,%llu,%zu,%s,%llu,%llu,", r->name,
		SCHED_NAME(sched_engines, c->engine),
		SCHED_NAME(sched_policies, c->policy),
		(unsigned long long)c->quantum_ns, r->e->nr_guests,
		SCHED_NAME(sched_ends, s->end),
		(unsigned long long)s->elapsed_ns,
		(unsigned long long)r->fg->switches);
	csv_num(f, "%.0f,", sw->ring.n ? sw->ring.p50 : NAN);
	csv_num(f, "%.0f", sw->ring.n ? sw->ring.p99 : NAN);
	fputc(',', f);
	csv_num(f, "%.0f", tg->ring.n ? tg->ring.p50 : NAN);
	fputc(',', f);
	csv_num(f, "%.0f", tg->ring.n ? tg->ring.p99 : NAN);
	fputc(',', f);
	csv_num(f, "%.4f", r->fg->jain);
	fputc(',', f);
	csv_num(f, "%.4f", r->fg->direct);
	fputc(',', f);
	csv_num(f, "%.4f", r->hog ? r->hog->hog_share : NAN);
	fputc(',', f);
	csv_num(f, "%.4f", r->hog ? r->hog->others_share : NAN);
	fputc('\n', f);
}

static void write_sched_csv(FILE *f, const struct exp_ref *r, size_t n)
{
	size_t i;

	fputs("experiment,engine,policy,quantum_ns,guests,end,elapsed_ns,"
	      "switches,switch_p50_ns,switch_p99_ns,timer_to_guest_p50_ns,"
	      "timer_to_guest_p99_ns,jain,direct,hog_share,others_share\n", f);
	for (i = 0; i < n; i++)
		csv_exp(f, &r[i]);
}

static void write_guests_csv(FILE *f, const struct exp_ref *r, size_t n)
{
	size_t i, g;

	fputs("experiment,guest,workload,cpu_ns,share,runs,iters,preempted,"
	      "exited\n", f);
	for (i = 0; i < n; i++) {
		double el = (double)r[i].e->res.summary.elapsed_ns;

		for (g = 0; g < r[i].e->nr_guests; g++) {
			const struct lde_sched_guest *q = &r[i].e->guests[g];

			fprintf(f, "\"%s\",%zu,%s,%llu,", r[i].name, g,
				SCHED_NAME(sched_workloads, q->workload),
				(unsigned long long)q->cpu_ns);
			csv_num(f, "%.6f", el > 0 ? q->cpu_ns / el : NAN);
			fprintf(f, ",%llu,%llu,%llu,%u\n",
				(unsigned long long)q->runs,
				(unsigned long long)q->iters,
				(unsigned long long)q->preempted, q->exited);
		}
	}
}

/* ---- putting them in files ----------------------------------------- */

typedef void (*write2_fn)(FILE *json, FILE *csv, const struct lab *l);

int lab_write(const struct lab *l, const char *name, lab_write_fn fn)
{
	FILE *f = lab_fopen(l, name);

	if (!f)
		return -1;
	fn(f, l);
	return lab_fclose(f, name);
}

/* name.json and name.csv, from one printer. */
static int pair(const struct lab *l, const char *name, write2_fn fn)
{
	char jn[32], cn[32];
	FILE *json, *csv;
	int ret;

	snprintf(jn, sizeof(jn), "%s.json", name);
	snprintf(cn, sizeof(cn), "%s.csv", name);
	json = lab_fopen(l, jn);
	csv = lab_fopen(l, cn);
	if (json && csv)
		fn(json, csv, l);
	ret = json && csv ? 0 : -1;
	if (json)
		ret |= lab_fclose(json, jn);
	if (csv)
		ret |= lab_fclose(csv, cn);
	return ret;
}

static int write_experiments(const struct lab *l)
{
	struct exp_ref r[LAB_EXP_MAX];
	size_t i, n = lab_experiments(l, r);
	char name[64];
	FILE *f;
	int ret = 0;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "sched-%.47s.json", r[i].name);
		f = lab_fopen(l, name);
		if (!f) {
			ret = -1;
			continue;
		}
		schedout_json(f, r[i].e, r[i].fg);
		ret |= lab_fclose(f, name);
	}
	f = lab_fopen(l, "sched.csv");
	if (f)
		write_sched_csv(f, r, n);
	ret |= f ? lab_fclose(f, "sched.csv") : -1;
	f = lab_fopen(l, "guests.csv");
	if (f)
		write_guests_csv(f, r, n);
	return ret | (f ? lab_fclose(f, "guests.csv") : -1);
}

int lab_write_files(struct lab *l)
{
	int ret = 0;

	if (l->step[STEP_TRAP].state == STEP_OK)
		ret |= pair(l, "trap", write_trap);
	if (l->gr.pp_ran)
		ret |= pair(l, "ctx", write_ctx);
	if (l->goals_ran)
		ret |= pair(l, "goals", write_goals);
	if (l->gr.cyclic_ran)
		ret |= lab_write(l, "cyclictest.json", write_cyclictest);
	ret |= write_experiments(l);
	ret |= lab_plot_data(l);
	if (ret)
		lab_step_set(l, STEP_FILES, STEP_FAILED, "some files could"
			     " not be written; see stderr");
	else
		lab_step_set(l, STEP_FILES, STEP_OK, NULL);
	return ret;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * files.c - every figure of "lde report" as JSON and CSV, in the run's
 * directory.  Each experiment writes its own (exp.h), which are the
 * commands' own --json and --csv:
 *
 *   trap.json trap.csv        lde trap --json / --csv
 *   ctx.json ctx.csv          lde ctx --json / --csv
 *   cyclictest.json           cyclictest's figures, ns (cyclictest.txt has
 *                             its own output)
 *   sched-*.json              lde sched --json, one per experiment:
 *                             goal-* the goals', hog-* the hog experiments
 *   share.csv                 the hog experiments' shares (share.png)
 *   scaling.csv scaling.json  switch cost by guest count, both engines
 *                             (scaling.png); every round's
 *   footprint.csv             ns per visit of n regions, by layout
 *
 * and this file the ones that span experiments:
 *
 *   goals.json goals.csv      lde goals --json; the CSV has every goal
 *   sched.csv guests.csv      one row per mini-scheduler experiment; one
 *                             per guest
 *
 * The plots' data is plots.c's, report.json summary.c's.  In CSV an
 * unknown number is an empty field.
 *
 * Use: see report.h.
 */
#include <math.h>
#include <stdio.h>

#include "dev/names.h"
#include "exp/goals.h"
#include "exp/sched.h"
#include "lib/common.h"
#include "lib/render.h"
#include "report/report.h"

const struct sched_run *report_sched(const struct session *s, size_t i)
{
	const struct sched_run *r;
	size_t x, k;

	for (x = 0; x < nr_experiments; x++) {
		if (!experiments[x]->sched || !s->out[x].st)
			continue;
		for (k = 0; (r = experiments[x]->sched(s->out[x].st, k)); k++)
			if (!i--)
				return r;
	}
	return NULL;
}

static void csv_run(FILE *f, const struct sched_run *r)
{
	const struct sched_dist_fig *sw = &r->fg.dist[SCHED_SWITCH_COST];
	const struct sched_dist_fig *tg = &r->fg.dist[SCHED_TIMER_TO_GUEST];
	const struct lde_sched_config *c = &r->e.cfg;
	const struct lde_sched_summary *s = &r->e.res.summary;

	fprintf(f, "\"%s\",%s,%s,%llu,%zu,%s,%llu,%llu,", r->name,
		NAME_OF(sched_engines, c->engine),
		NAME_OF(sched_policies, c->policy),
		(unsigned long long)c->quantum_ns, r->e.nr_guests,
		NAME_OF(sched_ends, s->end),
		(unsigned long long)s->elapsed_ns,
		(unsigned long long)r->fg.switches);
	csv_num(f, "%.0f,", sw->ring.n ? sw->ring.p50 : NAN);
	csv_num(f, "%.0f", sw->ring.n ? sw->ring.p99 : NAN);
	fputc(',', f);
	csv_num(f, "%.0f", tg->ring.n ? tg->ring.p50 : NAN);
	fputc(',', f);
	csv_num(f, "%.0f", tg->ring.n ? tg->ring.p99 : NAN);
	fputc(',', f);
	csv_num(f, "%.4f", r->fg.jain);
	fputc(',', f);
	csv_num(f, "%.4f", r->fg.direct);
	fputc(',', f);
	csv_num(f, "%.4f", r->hog ? r->hog_share : NAN);
	fputc(',', f);
	csv_num(f, "%.4f", r->hog ? r->others_share : NAN);
	fputc('\n', f);
}

static void write_sched_csv(FILE *f, const void *arg)
{
	const struct session *s = arg;
	const struct sched_run *r;
	size_t i;

	fputs("experiment,engine,policy,quantum_ns,guests,end,elapsed_ns,"
	      "switches,switch_p50_ns,switch_p99_ns,timer_to_guest_p50_ns,"
	      "timer_to_guest_p99_ns,jain,direct,hog_share,others_share\n", f);
	for (i = 0; (r = report_sched(s, i)); i++)
		csv_run(f, r);
}

static void write_guests_csv(FILE *f, const void *arg)
{
	const struct session *s = arg;
	const struct sched_run *r;
	size_t i, g;

	fputs("experiment,guest,workload,cpu_ns,share,runs,iters,preempted,"
	      "exited\n", f);
	for (i = 0; (r = report_sched(s, i)); i++) {
		double el = (double)r->e.res.summary.elapsed_ns;

		for (g = 0; g < r->e.nr_guests; g++) {
			const struct lde_sched_guest *q = &r->e.guests[g];

			fprintf(f, "\"%s\",%zu,%s,%llu,", r->name, g,
				sched_workload(q->workload),
				(unsigned long long)q->cpu_ns);
			csv_num(f, "%.6f", el > 0 ? q->cpu_ns / el : NAN);
			fprintf(f, ",%llu,%llu,%llu,%u\n",
				(unsigned long long)q->runs,
				(unsigned long long)q->iters,
				(unsigned long long)q->preempted, q->exited);
		}
	}
}

struct print_arg {
	void (*print)(FILE *f, const void *st);
	const void *st;
};

static void print(FILE *f, const void *arg)
{
	const struct print_arg *a = arg;

	a->print(f, a->st);
}

/* x's <name>.json and <name>.csv, if it ran: 0 or -1. */
static int print_files(const struct session *s, const struct exp *x,
		       const struct exp_out *o)
{
	struct print_arg json = { .st = o->st }, csv = { .st = o->st };
	char name[64];
	int ret = 0;

	/* A skipped experiment may have measured part (session.c). */
	if (!x->ops || !o->st ||
	    (o->state != EXP_OK && o->state != EXP_SKIPPED))
		return 0;
	json.print = x->ops->json;
	csv.print = x->ops->csv;
	snprintf(name, sizeof(name), "%s.json", x->name);
	if (json.print)
		ret |= session_write(s, name, print, &json);
	snprintf(name, sizeof(name), "%s.csv", x->name);
	if (csv.print)
		ret |= session_write(s, name, print, &csv);
	return ret;
}

static void write_goals_json(FILE *f, const void *arg)
{
	goals_print_json(f, arg);
}

static void write_goals_csv(FILE *f, const void *arg)
{
	goals_print_csv(f, arg);
}

int report_files(struct report *r)
{
	const struct session *s = &r->s;
	size_t i;
	int ret = 0;

	for (i = 0; i < nr_experiments; i++) {
		ret |= print_files(s, experiments[i], &s->out[i]);
		if (experiments[i]->files)
			ret |= experiments[i]->files(experiments[i], s,
						     &s->out[i]);
	}
	ret |= session_write(s, "goals.json", write_goals_json, s);
	ret |= session_write(s, "goals.csv", write_goals_csv, s);
	ret |= session_write(s, "sched.csv", write_sched_csv, s);
	ret |= session_write(s, "guests.csv", write_guests_csv, s);
	ret |= report_plot_data(r);
	if (ret)
		exp_fail(&r->files, EXIT_FAIL, "some files could not be"
			 " written; see stderr");
	else
		exp_ok(&r->files);
	return ret;
}

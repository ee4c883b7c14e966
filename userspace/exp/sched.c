// SPDX-License-Identifier: GPL-2.0
/*
 * sched.c - one mini-scheduler experiment: run it, derive its figures,
 * and print them as JSON, with every figure; the report for people is
 * sched_table.c's.
 *
 * lde sched, lde demo coop, and lde report's experiments all run one the
 * same way, sched_run_measure(): start, wait, collect (dev/experiment.c),
 * then the figures (dev/figures.c).  What happens on a Ctrl-C is each
 * caller's to decide: lde sched prints what was measured, a session
 * stops.
 *
 * A registry experiment that is one sched_run (SCHED_EXP(), sched.h)
 * runs its one group of guests on the lab CPU for SCHED_EXP_NS; its
 * figures and distributions are the tables below, its file
 * sched-goal-<name>.json.
 *
 * Use: see sched.h.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "dev/guestspec.h"
#include "dev/names.h"
#include "exp/goals.h"
#include "exp/sched.h"
#include "lib/common.h"
#include "lib/duration.h"
#include "lib/json.h"

double sched_share(uint64_t ns, const struct sched_exp *e)
{
	uint64_t el = e->res.summary.elapsed_ns;

	return el ? (double)ns / (double)el : NAN;
}

const char *sched_workload(unsigned int w)
{
	return NAME_OF(sched_workloads, w);
}

/* Guest 0's share of the time the experiment ran, and the others'. */
static void shares(struct sched_run *r)
{
	const struct sched_exp *e = &r->e;
	double el = (double)e->res.summary.elapsed_ns;
	double others = 0;
	size_t i;

	for (i = 1; i < e->nr_guests; i++)
		others += (double)e->guests[i].cpu_ns;
	r->hog_share = el > 0 && e->nr_guests ?
		       (double)e->guests[0].cpu_ns / el : NAN;
	r->others_share = el > 0 ? others / el : NAN;
}

int sched_run_measure(int fd, struct sched_run *r, const char *who)
{
	int ret = sched_exp_run(fd, &r->e, who);

	if (ret)
		return ret;
	if (sched_figures_compute(&r->e, &r->fg)) {
		fprintf(stderr, "%s: figures: %s\n", who, strerror(errno));
		return EXIT_FAIL;
	}
	r->ran = !r->e.interrupted;
	shares(r);
	return 0;
}

void sched_run_free(struct sched_run *r)
{
	sched_exp_free(&r->e);
}

int sched_run_session(struct session *s, struct sched_run *r)
{
	int ret = sched_run_measure(s->fd, r, s->who);

	if (r->e.interrupted)
		s->interrupted = true;
	return ret || !r->ran ? -1 : 0;
}

const char *sched_policy_words(char *buf, size_t len,
			       const struct lde_sched_config *cfg)
{
	char q[DURATION_BUF];

	if (cfg->policy != LDE_POLICY_RR)
		return NAME_OF(sched_policies, cfg->policy);
	snprintf(buf, len, "rr %s",
		 duration_words(q, sizeof(q), cfg->quantum_ns));
	return buf;
}

/* ---- its figures and distributions, by name ------------------------- */

static const struct sched_dist_fig *dist(const void *st, unsigned int id)
{
	return &((const struct sched_run *)st)->fg.dist[id];
}

static double switch_cost_p50(const void *st)
{
	return dist(st, SCHED_SWITCH_COST)->ring.p50;
}

static double switch_cost_p99(const void *st)
{
	return dist(st, SCHED_SWITCH_COST)->ring.p99;
}

static double timer_to_guest_p50(const void *st)
{
	return dist(st, SCHED_TIMER_TO_GUEST)->ring.p50;
}

static double timer_to_guest_p99(const void *st)
{
	return dist(st, SCHED_TIMER_TO_GUEST)->ring.p99;
}

static double timer_late_p99(const void *st)
{
	return dist(st, SCHED_TIMER_LATE)->ring.p99;
}

static double handler_to_guest_p99(const void *st)
{
	return dist(st, SCHED_HANDLER_TO_GUEST)->ring.p99;
}

static double guest_rate(const void *st)
{
	return ((const struct sched_run *)st)->fg.guest_rate;
}

static double host_rate(const void *st)
{
	return ((const struct sched_run *)st)->fg.host_rate;
}

static double jain(const void *st)
{
	return ((const struct sched_run *)st)->fg.jain;
}

/* Percentiles are exact, from the event ring: 0 if it kept none. */
const struct exp_figure sched_run_figures[] = {
	{ "switch_cost_p50", switch_cost_p50 },		/* ns */
	{ "switch_cost_p99", switch_cost_p99 },
	{ "timer_to_guest_p50", timer_to_guest_p50 },
	{ "timer_to_guest_p99", timer_to_guest_p99 },
	{ "timer_late_p99", timer_late_p99 },
	{ "handler_to_guest_p99", handler_to_guest_p99 },
	{ "guest_rate", guest_rate },	/* spin loop iterations per us */
	{ "host_rate", host_rate },	/* ... in a plain kthread */
	{ "jain", jain },		/* Jain's fairness index */
	{ NULL, NULL },
};

/* The ring's events, which the percentiles come from, or lde.ko's. */
static const uint64_t *hist(const void *st, unsigned int id)
{
	const struct sched_dist_fig *d = dist(st, id);

	return d->ring.n ? d->ring.hist : d->mod_hist;
}

static const uint64_t *switch_cost_hist(const void *st)
{
	return hist(st, SCHED_SWITCH_COST);
}

static const struct stats *switch_cost_stats(const void *st)
{
	return &dist(st, SCHED_SWITCH_COST)->ring;
}

static const uint64_t *timer_to_guest_hist(const void *st)
{
	return hist(st, SCHED_TIMER_TO_GUEST);
}

static const struct stats *timer_to_guest_stats(const void *st)
{
	return &dist(st, SCHED_TIMER_TO_GUEST)->ring;
}

static const uint64_t *handler_to_guest_hist(const void *st)
{
	return hist(st, SCHED_HANDLER_TO_GUEST);
}

static const struct stats *handler_to_guest_stats(const void *st)
{
	return &dist(st, SCHED_HANDLER_TO_GUEST)->ring;
}

const struct exp_dist sched_run_dists[] = {
	{ "switch_cost", switch_cost_hist, switch_cost_stats },
	{ "timer_to_guest", timer_to_guest_hist, timer_to_guest_stats },
	{ "handler_to_guest", handler_to_guest_hist, handler_to_guest_stats },
	{ NULL, NULL, NULL },
};

/* ---- a registry experiment that is one sched_run --------------------- */

void sched_one_run(const struct exp *x, struct session *s,
		   struct exp_out *o)
{
	const struct sched_def *d = x->def;
	struct sched_run *r = o->st;
	char pol[32];

	snprintf(r->name, sizeof(r->name), "goal-%s", x->name);
	r->e.cfg = (struct lde_sched_config){
		.cpu = s->cpu,
		.engine = d->engine,
		.policy = d->policy,
		.quantum_ns = d->policy == LDE_POLICY_RR ? d->quantum_ns : 0,
		.duration_ns = SCHED_EXP_NS,
		.nr_groups = 1,
		.groups[0] = { .workload = d->workload, .count = d->count },
	};
	progress_step(&s->prog, "%s engine, %s, %u %s guests",
		      NAME_OF(sched_engines, d->engine),
		      sched_policy_words(pol, sizeof(pol), &r->e.cfg),
		      d->count, sched_workload(d->workload));
	if (sched_run_session(s, r))
		exp_fail(o, EXIT_FAIL, "%s did not run%s; see stderr", x->name,
			 r->e.interrupted ? " to the end" : "");
	else
		exp_ok(o);
}

void sched_one_free(void *st)
{
	sched_run_free(st);
}

const struct sched_run *sched_one_sched(const void *st, size_t i)
{
	const struct sched_run *r = st;

	return !i && r->ran ? r : NULL;
}

static void write_json(FILE *f, const void *st)
{
	const struct sched_run *r = st;

	sched_print_json(f, &r->e, &r->fg);
}

int sched_run_file(const struct session *s, const struct sched_run *r)
{
	char name[64];

	snprintf(name, sizeof(name), "sched-%.47s.json", r->name);
	return session_write(s, name, write_json, r);
}

int sched_one_files(const struct exp *x, const struct session *s,
		    const struct exp_out *o)
{
	(void)x;
	if (o->state != EXP_OK)
		return 0;
	return sched_run_file(s, o->st);
}

/* ---- JSON ---------------------------------------------------------- */

/* A group's work between traps as lde.ko runs it; 0: it never traps. */
static uint64_t iters(const struct lde_sched_group *g)
{
	if (g->workload == LDE_WL_SPIN || g->workload == LDE_WL_REGS)
		return 0;
	return g->iters ? g->iters : LDE_SCHED_DEFAULT_ITERS;
}

static void json_config(FILE *f, const struct sched_exp *e,
			const struct sched_figures *fg)
{
	const struct lde_sched_config *c = &e->cfg;
	unsigned int g;

	fprintf(f, "  \"config\": {\"cpu\": %u, \"engine\": ", c->cpu);
	json_str(f, NAME_OF(sched_engines, c->engine));
	fputs(", \"policy\": ", f);
	json_str(f, NAME_OF(sched_policies, c->policy));
	fputs(",\n             ", f);
	json_u64(f, "quantum_ns", c->quantum_ns, ", ");
	json_u64(f, "watchdog_ns", fg->watchdog_ns, ", ");
	json_u64(f, "duration_ns", c->duration_ns, ",\n             ");
	json_u64(f, "ring_events", c->ring_events ? c->ring_events :
		 LDE_SCHED_DEFAULT_RING, ",\n             \"groups\": [");
	for (g = 0; g < c->nr_groups && g < LDE_SCHED_MAX_GROUPS; g++) {
		const struct lde_sched_group *gr = &c->groups[g];

		fputs(g ? ",\n                        {\"workload\": " :
		      "{\"workload\": ", f);
		json_str(f, sched_workload(gr->workload));
		fprintf(f, ", \"count\": %u, ", gr->count);
		json_u64(f, "iters", iters(gr), ", ");
		json_u64(f, "sleep_ns", gr->sleep_ns, "}");
	}
	fputs("]},\n", f);
}

static void json_end(FILE *f, const struct sched_exp *e)
{
	const struct lde_sched_summary *s = &e->res.summary;

	fprintf(f, "  \"interrupted\": %s,\n  \"state\": %u,\n  \"end\": ",
		e->interrupted ? "true" : "false", s->state);
	json_str(f, NAME_OF(sched_ends, s->end));
	fprintf(f, ",\n  \"nr_guests\": %u,\n  ", s->nr_guests);
	json_u64(f, "elapsed_ns", s->elapsed_ns, ",\n  \"hog\": ");
	if (s->hog_guest == LDE_SCHED_NO_GUEST) {
		fputs("null,\n", f);
		return;
	}
	fprintf(f, "{\"guest\": %u, \"workload\": ", s->hog_guest);
	json_str(f, s->hog_guest < e->nr_guests ?
		 sched_workload(e->guests[s->hog_guest].workload) : "?");
	fputs(", ", f);
	json_u64(f, "ns", s->hog_ns, "},\n");
}

static void json_switches(FILE *f, const struct sched_exp *e,
			  const struct sched_figures *fg)
{
	const struct lde_sched_summary *s = &e->res.summary;
	unsigned int i;

	fputs("  \"switches\": {", f);
	for (i = 0; i < LDE_NR_SWITCH_REASONS; i++)
		json_u64(f, NAME_OF(sched_reasons, i), s->switches[i], ", ");
	json_u64(f, "total", fg->switches, "},\n  \"ticks\": {");
	json_u64(f, "total", s->ticks, ", ");
	for (i = 0; i < LDE_NR_MODES; i++)
		json_u64(f, NAME_OF(sched_modes, i), s->ticks_in[i], ", ");
	json_u64(f, "deferred", s->ticks_deferred, "},\n  ");
	json_u64(f, "corruptions", s->corruptions, ",\n");
}

/* Quantum accuracy, fairness, direct execution, and how full the ring got. */
static void json_quality(FILE *f, const struct sched_exp *e,
			 const struct sched_figures *fg)
{
	const struct lde_sched_summary *s = &e->res.summary;

	fputs("  \"quantum\": {", f);
	json_u64(f, "slices", s->slices, ", ");
	json_u64(f, "slice_ns", s->slice_ns, ", ");
	json_u64(f, "slice_err_ns", s->slice_err_ns, ", ");
	json_dbl(f, "mean_slice_ns", fg->mean_slice_ns, ", ");
	json_dbl(f, "mean_abs_err_ns", fg->mean_err_ns, "},\n  ");
	json_u64(f, "jain_ppm", s->jain_ppm, ", ");
	json_dbl(f, "jain", fg->jain, ",\n  \"direct\": {");
	json_u64(f, "guest_iters", s->guest_iters, ", ");
	json_u64(f, "guest_ns", s->guest_ns, ", ");
	json_u64(f, "host_iters", s->host_iters, ", ");
	json_u64(f, "host_ns", s->host_ns, ",\n             ");
	json_u64(f, "ratio_ppm", s->direct_ppm, ", ");
	json_dbl(f, "ratio", fg->direct, ", ");
	json_dbl(f, "guest_iters_per_us", fg->guest_rate, ", ");
	json_dbl(f, "host_iters_per_us", fg->host_rate, ", ");
	json_dbl(f, "goal_ratio", goal_target("direct"), "},\n  \"events\": {");
	json_u64(f, "recorded", s->events, ", ");
	json_u64(f, "lost", s->events_lost, ", ");
	json_u64(f, "copied", e->nr_events, "},\n  \"guest_stack\": {");
	json_u64(f, "max_bytes", s->stack_max, ", ");
	json_u64(f, "size_bytes", LDE_GUEST_STACK_BYTES, "},\n");
}

static void json_dist(FILE *f, const struct sched_dist_fig *d)
{
	const struct lde_sched_dist *m = d->mod;

	fprintf(f, "    \"%s\": {\"ring\": ", d->key);
	if (d->ring.n) {
		fprintf(f, "{\"samples\": %zu, ", d->ring.n);
		json_percentiles(f, &d->ring);
		fputs(", ", f);
		json_dbl(f, "mean", d->ring.mean, "}");
	} else {
		fputs("null", f);
	}
	fputs(",\n      \"module\": {", f);
	json_u64(f, "count", m->count, ", ");
	json_u64(f, "sum_ns", m->sum_ns, ", ");
	json_u64(f, "min_ns", m->min_ns, ", ");
	json_u64(f, "max_ns", m->max_ns, ", ");
	json_dbl(f, "mean_ns", d->mod_mean_ns, ",\n                 \"hist\": ");
	json_hist(f, d->mod_hist, STATS_BUCKETS);
	fputs("}}", f);
}

static void json_guests(FILE *f, const struct sched_exp *e)
{
	size_t i;

	fputs("  \"guests\": [\n", f);
	for (i = 0; i < e->nr_guests; i++) {
		const struct lde_sched_guest *g = &e->guests[i];

		fprintf(f, "    {\"guest\": %zu, \"group\": %d, \"workload\": ",
			i, guestspec_group_of(&e->cfg, (unsigned int)i));
		json_str(f, sched_workload(g->workload));
		fprintf(f, ", \"exited\": %s, ", g->exited ? "true" : "false");
		json_u64(f, "cpu_ns", g->cpu_ns, ", ");
		json_dbl(f, "share", sched_share(g->cpu_ns, e), ", ");
		json_u64(f, "runs", g->runs, ", ");
		json_u64(f, "iters", g->iters, ", ");
		json_u64(f, "preempted", g->preempted, ", ");
		json_u64(f, "corruptions", g->corruptions, "}");
		fputs(i + 1 < e->nr_guests ? ",\n" : "\n", f);
	}
	fputs("  ]\n", f);
}

void sched_print_json(FILE *f, const struct sched_exp *e,
		      const struct sched_figures *fg)
{
	unsigned int i;

	fputs("{\n", f);
	json_config(f, e, fg);
	json_end(f, e);
	json_switches(f, e, fg);
	json_quality(f, e, fg);
	fputs("  \"latency_ns\": {\n", f);
	for (i = 0; i < SCHED_NR_DISTS; i++) {
		json_dist(f, &fg->dist[i]);
		fputs(i + 1 < SCHED_NR_DISTS ? ",\n" : "\n", f);
	}
	fputs("  },\n", f);
	json_guests(f, e);
	fputs("}\n", f);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * hogs.c - the experiment "hogs": coop against rr, with a hog.  Who gets
 * the CPU?
 *
 * Eight experiments on the lab CPU, {2, 1024 guests} x {lde, linux
 * engine} x {coop, rr at 1 ms}.  Guest 0 spins and never traps: the hog,
 * and it runs first.  The other guests compute about HOG_BURST_QUANTA
 * quanta of work, then trap to yield.  How much work that is comes from
 * rr-lde-2spin's spin guests (their loop speed here, a TCG VM being some
 * 50 times slower than hardware); without it, lde.ko's default.
 *
 *   coop  the CPU changes hands only on a trap, and the hog never traps:
 *         it keeps the CPU until the watchdog (HOG_WATCHDOG_NS) ends the
 *         experiment, and the others get nothing;
 *   rr    a timer interrupt takes the CPU back every quantum, so the hog
 *         gets one turn in N like every other guest.
 *
 * Files: sched-hog-<name>.json each, and share.csv, the shares of guest 0
 * against all the others, which share.gp draws in this order; its section
 * of summary.md is the table of the same.
 *
 * Use: see hogs.h.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dev/names.h"
#include "exp/exp.h"
#include "exp/hogs.h"
#include "exp/sched.h"
#include "lib/common.h"
#include "lib/render.h"

static const unsigned int hog_guests[] = { 2, 1024 };
static const __u32 hog_engines[] = { LDE_ENGINE_LDE, LDE_ENGINE_LINUX };
static const __u32 hog_policies[] = { LDE_POLICY_COOP, LDE_POLICY_RR };

#define HOG_RUNS	(ARRAY_SIZE(hog_guests) * ARRAY_SIZE(hog_engines) * \
			 ARRAY_SIZE(hog_policies))

struct hog {
	char name[32];		/* "coop-lde-2": sched-hog-coop-lde-2.json */
	unsigned int guests;	/* guest 0 is the hog, the others yield */
	struct sched_run r;
};

struct hogs {
	struct hog hog[HOG_RUNS];
};

__u64 hog_burst_iters(double rate)
{
	if (!(rate > 0))	/* also NAN: no rate was measured */
		return 0;
	return (__u64)(rate * (HOG_BURST_QUANTA * HOG_QUANTUM_NS / 1000.0));
}

void hog_config(struct lde_sched_config *cfg, unsigned int cpu,
		__u32 engine, __u32 policy)
{
	*cfg = (struct lde_sched_config){
		.cpu = cpu, .engine = engine, .policy = policy,
		.quantum_ns = policy == LDE_POLICY_RR ? HOG_QUANTUM_NS : 0,
		.watchdog_ns = HOG_WATCHDOG_NS,
		.duration_ns = HOG_DURATION_NS,
	};
}

/* Hog n, in share.gp's order: by guests, then engine, then policy. */
static void setup(struct hog *h, unsigned int n, unsigned int cpu,
		  __u64 iters)
{
	unsigned int np = ARRAY_SIZE(hog_policies);
	unsigned int ne = ARRAY_SIZE(hog_engines);
	__u32 policy = hog_policies[n % np];
	__u32 engine = hog_engines[n / np % ne];
	struct lde_sched_config *c = &h->r.e.cfg;

	h->guests = hog_guests[n / np / ne];
	snprintf(h->name, sizeof(h->name), "%s-%s-%u",
		 NAME_OF(sched_policies, policy),
		 NAME_OF(sched_engines, engine), h->guests);
	snprintf(h->r.name, sizeof(h->r.name), "hog-%s", h->name);
	h->r.hog = true;
	hog_config(c, cpu, engine, policy);
	c->nr_groups = 2;
	c->groups[0] = (struct lde_sched_group){
		.workload = LDE_WL_SPIN, .count = 1,
	};
	c->groups[1] = (struct lde_sched_group){
		.workload = LDE_WL_YIELD, .count = h->guests - 1,
		.iters = iters,
	};
}

static int run_one(struct session *s, struct hog *h)
{
	char pol[32];

	progress_step(&s->prog, "hog: %s, %s engine, %u guests (guest 0"
		      " never traps)",
		      sched_policy_words(pol, sizeof(pol), &h->r.e.cfg),
		      NAME_OF(sched_engines, h->r.e.cfg.engine), h->guests);
	return sched_run_session(s, &h->r);
}

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	double rate = session_figure(s, &exp_rr_lde_2spin, "guest_rate");
	struct hogs *hs = o->st;
	__u64 iters;
	unsigned int n;
	int failed = 0;

	(void)x;
	if (!(rate > 0))
		rate = session_figure(s, &exp_rr_lde_2spin, "host_rate");
	iters = hog_burst_iters(rate);
	for (n = 0; n < HOG_RUNS; n++)
		setup(&hs->hog[n], n, s->cpu, iters);
	for (n = 0; n < HOG_RUNS && !s->interrupted; n++)
		failed |= run_one(s, &hs->hog[n]);
	if (failed)
		exp_fail(o, EXIT_FAIL, "not every hog experiment ran; see"
			 " stderr");
	else
		exp_ok(o);
}

static void free_hogs(void *st)
{
	struct hogs *hs = st;
	unsigned int n;

	for (n = 0; n < HOG_RUNS; n++)
		sched_run_free(&hs->hog[n].r);
}

static const struct sched_run *sched(const void *st, size_t i)
{
	const struct hogs *hs = st;
	size_t n;

	for (n = 0; n < HOG_RUNS; n++)
		if (hs->hog[n].r.ran && !i--)
			return &hs->hog[n].r;
	return NULL;
}

/* Hog n as it ran, or, if the experiment never started, as it would. */
static const struct hog *hog(const struct exp_out *o, unsigned int n,
			     struct hog *tmp)
{
	const struct hogs *hs = o->st;

	if (hs)
		return &hs->hog[n];
	memset(tmp, 0, sizeof(*tmp));
	setup(tmp, n, 0, 0);
	return tmp;
}

static void write_share(FILE *f, const void *arg)
{
	const struct exp_out *o = arg;
	const struct hog *h;
	struct hog tmp;
	unsigned int n;

	fputs("experiment,guests,engine,policy,hog_pct,others_pct,"
	      "no_guest_pct,end\n", f);
	for (n = 0; n < HOG_RUNS; n++) {
		const struct sched_run *r;
		double rest;

		h = hog(o, n, &tmp);
		r = &h->r;
		rest = 100 * (1 - r->hog_share - r->others_share);
		fprintf(f, "\"%s\",%u,%s,%s,", h->name, h->guests,
			NAME_OF(sched_engines, r->e.cfg.engine),
			NAME_OF(sched_policies, r->e.cfg.policy));
		csv_num(f, "%.2f", r->ran ? 100 * r->hog_share : NAN);
		fputc(',', f);
		csv_num(f, "%.2f", r->ran ? 100 * r->others_share : NAN);
		fputc(',', f);
		csv_num(f, "%.2f", r->ran ? (rest > 0 ? rest : 0) : NAN);
		fprintf(f, ",%s\n", !r->ran ? "" :
			NAME_OF(sched_ends, r->e.res.summary.end));
	}
}

static int files(const struct exp *x, const struct session *s,
		 const struct exp_out *o)
{
	const struct sched_run *r;
	size_t i;
	int ret = 0;

	(void)x;
	for (i = 0; o->st && (r = sched(o->st, i)); i++)
		ret |= sched_run_file(s, r);
	return ret | session_write(s, "share.csv", write_share, o);
}

static void md(FILE *f, const struct session *s, const struct exp_out *o)
{
	const struct hog *h;
	struct hog tmp;
	unsigned int n;

	(void)s;
	fprintf(f, "\n## Coop against rr, with a hog\n\n"
		"Guest 0 spins and never traps; the other guests compute about"
		" %d quanta,\nthen trap to yield.  Shares are of the time each"
		" experiment ran ([share.png](share.png)).\n\n",
		HOG_BURST_QUANTA);
	fputs("| experiment | ended because | guest 0, the hog | the other"
	      " guests | switches |\n"
	      "|------------|---------------|-----------------:|"
	      "-----------------:|---------:|\n", f);
	for (n = 0; n < HOG_RUNS; n++) {
		h = hog(o, n, &tmp);
		if (!h->r.ran) {
			fprintf(f, "| %s | did not run | | | |\n", h->name);
			continue;
		}
		fprintf(f, "| %s | %s | %.1f%% | %.1f%% | %llu |\n", h->name,
			sched_end_why(h->r.e.res.summary.end),
			100 * h->r.hog_share, 100 * h->r.others_share,
			(unsigned long long)h->r.fg.switches);
	}
}

const struct exp exp_hogs = {
	.name = "hogs", .steps = HOG_RUNS,
	.size = sizeof(struct hogs), .run = run, .free = free_hogs,
	.sched = sched, .files = files, .md = md,
};

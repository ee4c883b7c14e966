// SPDX-License-Identifier: GPL-2.0
/*
 * report_hog.c - coop against rr, with a hog: who gets the CPU?
 *
 * Eight experiments on the lab CPU, {2, 1024 guests} x {lde, linux
 * engine} x {coop, rr at 1 ms}.  Guest 0 spins and never traps: the hog,
 * and it runs first.  The other guests compute about HOG_BURST_QUANTA
 * quanta of work, then trap to yield.  How much work that is comes from
 * the goal run's spin guests (their loop speed here, a TCG VM being some
 * 50 times slower than hardware); without it, lde.ko's default.
 *
 *   coop  the CPU changes hands only on a trap, and the hog never traps:
 *         it keeps the CPU until the watchdog (HOG_WATCHDOG_NS) ends the
 *         experiment, and the others get nothing;
 *   rr    a timer interrupt takes the CPU back every quantum, so the hog
 *         gets one turn in N like every other guest.
 *
 * The shares, guest 0 against all the others, are what share.gp draws.
 *
 * Use: see report.h.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/report.h"
#include "dev/schednames.h"

#define HOG_QUANTUM_NS	1000000ULL	/* rr: 1 ms */
#define HOG_WATCHDOG_NS	200000000ULL	/* coop: the hog is caught quickly */
#define HOG_DURATION_NS	500000000ULL	/* rr: 500 quanta */

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))

static const unsigned int hog_guests[] = { 2, 1024 };
static const __u32 hog_engines[] = { LDE_ENGINE_LDE, LDE_ENGINE_LINUX };
static const __u32 hog_policies[] = { LDE_POLICY_COOP, LDE_POLICY_RR };
static_assert(COUNT(hog_guests) * COUNT(hog_engines) * COUNT(hog_policies)
	      == HOG_RUNS, "one struct hog_run per experiment");

/* Iterations of about HOG_BURST_QUANTA quanta here, or 0 (lde.ko's). */
static __u64 burst_iters(const struct lab *l)
{
	const struct sched_figures *rr = &l->gr.fig[GX_RR];
	double rate = rr->guest_rate > 0 ? rr->guest_rate : rr->host_rate;

	if (!(rate > 0))	/* also NAN: the goal run did not get there */
		return 0;
	return (__u64)(rate * (HOG_BURST_QUANTA * HOG_QUANTUM_NS / 1000.0));
}

static void setup(struct hog_run *h, unsigned int cpu, unsigned int guests,
		  __u32 engine, __u32 policy, __u64 iters)
{
	struct lde_sched_config *c = &h->e.cfg;

	h->guests = guests;
	snprintf(h->name, sizeof(h->name), "%s-%s-%u",
		 SCHED_NAME(sched_policies, policy),
		 SCHED_NAME(sched_engines, engine), guests);
	*c = (struct lde_sched_config){
		.cpu = cpu, .engine = engine, .policy = policy,
		.quantum_ns = policy == LDE_POLICY_RR ? HOG_QUANTUM_NS : 0,
		.watchdog_ns = HOG_WATCHDOG_NS,
		.duration_ns = HOG_DURATION_NS,
		.nr_groups = 2,
		.groups[0] = { .workload = LDE_WL_SPIN, .count = 1 },
		.groups[1] = { .workload = LDE_WL_YIELD, .count = guests - 1,
			       .iters = iters },
	};
}

/* Guest 0's share of the time the experiment ran, and the others'. */
static void shares(struct hog_run *h)
{
	const struct sched_exp *e = &h->e;
	double el = (double)e->res.summary.elapsed_ns;
	double others = 0;
	size_t i;

	for (i = 1; i < e->nr_guests; i++)
		others += (double)e->guests[i].cpu_ns;
	h->hog_share = el > 0 && e->nr_guests ?
		       (double)e->guests[0].cpu_ns / el : NAN;
	h->others_share = el > 0 ? others / el : NAN;
}

static int run_one(struct lab *l, struct hog_run *h)
{
	const struct lde_sched_config *c = &h->e.cfg;

	progress_step(&l->prog, "hog: %s, %s engine, %u guests (guest 0"
		      " never traps)", c->policy == LDE_POLICY_RR ?
		      "rr 1 ms" : "coop", SCHED_NAME(sched_engines, c->engine),
		      h->guests);
	if (sched_exp_run(l->fd, &h->e, REPORT_WHO) || h->e.interrupted)
		return -1;
	if (sched_figures_compute(&h->e, &h->fg)) {
		perror(REPORT_WHO ": figures");
		return -1;
	}
	h->ran = true;
	shares(h);
	return 0;
}

int hog_runs_measure(struct lab *l)
{
	__u64 iters = burst_iters(l);
	unsigned int g, e, p, n = 0;
	int failed = 0;

	/* In share.gp's order: by guests, then engine, then policy. */
	for (g = 0; g < COUNT(hog_guests); g++)
		for (e = 0; e < COUNT(hog_engines); e++)
			for (p = 0; p < COUNT(hog_policies); p++, n++)
				setup(&l->hog[n], l->cpu, hog_guests[g],
				      hog_engines[e], hog_policies[p], iters);
	for (n = 0; n < HOG_RUNS; n++)
		failed |= run_one(l, &l->hog[n]);
	return failed;
}

void hog_runs_free(struct lab *l)
{
	unsigned int n;

	for (n = 0; n < HOG_RUNS; n++)
		sched_exp_free(&l->hog[n].e);
}

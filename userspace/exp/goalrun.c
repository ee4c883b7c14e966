// SPDX-License-Identifier: GPL-2.0
/*
 * goalrun.c - measure the mini scheduler's goals in one run.
 *
 * Absolute times in a VM, and most of all under QEMU's TCG, say little:
 * they are inflated, and they drift.  What carries over to real hardware
 * is how two things measured side by side compare.  So every goal here is
 * a ratio of two figures that this one process measures, one after the
 * other, on one lab CPU:
 *
 *   1. lde's switch against Linux's: the same cooperative experiment
 *      (two yield guests) on the lde engine and on the linux engine,
 *      switch cost P50 against P50;                     goal <= 1/10
 *   2. lde's switch against pipe ping-pong between two processes (lde
 *      ctx's lat_ctx figure, per switch), P50 against P50; goal <= 1/20
 *   3. timer to guest against cyclictest: lde rr at 1 ms with two spin
 *      guests, the P99 from the timer's expiry to the next guest, against
 *      the P99 of cyclictest -m -p95 -a CPU on the same CPU; goal <= 0.5
 *   4. O(1) pick: switch cost P50 with 1024 yield guests against 2;
 *                                                       goal <= 1.2
 *   5. direct execution: a spin guest's loop throughput at a 1 ms
 *      quantum against the same loop in a plain kthread; goal >= 0.95
 *
 * The ping-pong also times sched_yield between two threads: both are the
 * baselines of "lde ctx", kept in struct goal_runs for "lde report".
 *
 * Use: see goals.h.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmds.h"
#include "bench/cyclictest.h"
#include "exp/goals.h"

#define RUN_NS		1000000000ULL	/* each experiment: 1 s */
#define QUANTUM_NS	1000000ULL	/* the 1 ms of goals 3 and 5 */

static const struct goal goal_table[NR_GOALS] = {
	[G_VS_LINUX] = { "lde switch / linux switch, P50", "lde_vs_linux",
			 "lde engine", "linux engine", .target = 0.10 },
	[G_VS_PIPE] = { "lde switch / pipe ping-pong switch, P50",
			"lde_vs_pipe", "lde engine", "pipe ping-pong",
			.target = 0.05 },
	[G_VS_CYCLICTEST] = { "timer to guest / cyclictest, P99",
			      "timer_vs_cyclictest", "lde rr 1 ms",
			      "cyclictest", .target = 0.5 },
	[G_O1] = { "switch at 1024 guests / at 2, P50", "o1_pick",
		   "1024 guests", "2 guests", .target = 1.2 },
	[G_DIRECT] = { "guest loop / plain kthread loop, 1 ms", "direct",
		       "guest", "kthread", .target = 0.95, .at_least = true },
};

/* Each experiment: engine, policy, workload of its count guests. */
static const struct {
	__u32 engine, policy, workload, count;
} exp_table[GX_NR] = {
	[GX_LDE2] = { LDE_ENGINE_LDE, LDE_POLICY_COOP, LDE_WL_YIELD, 2 },
	[GX_LINUX2] = { LDE_ENGINE_LINUX, LDE_POLICY_COOP, LDE_WL_YIELD, 2 },
	[GX_LDE1024] = { LDE_ENGINE_LDE, LDE_POLICY_COOP, LDE_WL_YIELD, 1024 },
	[GX_RR] = { LDE_ENGINE_LDE, LDE_POLICY_RR, LDE_WL_SPIN, 2 },
};

const char *const goal_exp_names[GX_NR] = {
	[GX_LDE2] = "coop-lde-2yield",
	[GX_LINUX2] = "coop-linux-2yield",
	[GX_LDE1024] = "coop-lde-1024yield",
	[GX_RR] = "rr-lde-2spin",
};

double goal_ratio(const struct goal *g)
{
	return g->den > 0 ? g->num / g->den : NAN;
}

bool goal_met(const struct goal *g)
{
	double r = goal_ratio(g);

	return !isnan(r) && (g->at_least ? r >= g->target : r <= g->target);
}

/* Experiment x of exp_table, into gr->exp[x] and gr->fig[x]. */
static int experiment(int fd, struct goal_runs *gr, enum goal_exp x,
		      struct progress *p, const char *who)
{
	struct sched_exp *e = &gr->exp[x];
	int ret;

	e->cfg = (struct lde_sched_config){
		.cpu = gr->cpu,
		.engine = exp_table[x].engine,
		.policy = exp_table[x].policy,
		.quantum_ns = exp_table[x].policy == LDE_POLICY_RR ?
			      QUANTUM_NS : 0,
		.duration_ns = RUN_NS,
		.nr_groups = 1,
		.groups[0] = { .workload = exp_table[x].workload,
			       .count = exp_table[x].count },
	};
	progress_step(p, "%s engine, %s, %u %s guests",
		      e->cfg.engine == LDE_ENGINE_LDE ? "lde" : "linux",
		      e->cfg.policy == LDE_POLICY_RR ? "rr 1 ms" : "coop",
		      exp_table[x].count,
		      exp_table[x].workload == LDE_WL_SPIN ? "spin" : "yield");
	ret = sched_exp_run(fd, e, who);
	if (!ret && e->interrupted)
		ret = EXIT_FAIL;
	if (!ret && sched_figures_compute(e, &gr->fig[x])) {
		fprintf(stderr, "%s: figures: %s\n", who, strerror(errno));
		ret = EXIT_FAIL;
	}
	return ret;
}

/* The ping-pong, pinned to gr->cpu; the pipe's P50, or NAN. */
static double run_pingpong(struct goal_runs *gr, struct progress *p,
			   const char *who)
{
	struct pingpong *pp = &gr->pp;

	gr->pp_cfg = (struct measure_cfg){
		.loops = 10000, .batch = 100, .budget_ns = 1e9,
	};
	progress_step(p, "pipe and sched_yield ping-pong on CPU %u",
		      gr->cpu);
	if (measure_pin_cpu((int)gr->cpu) < 0 || tsc_calibrate(&gr->tsc)) {
		fprintf(stderr, "%s: pinning and calibrating: %s\n", who,
			strerror(errno));
		return NAN;
	}
	if (pingpong_run(&gr->pp_cfg, &gr->tsc, pp)) {
		fprintf(stderr, "%s: %s: %s\n", who, pp->why, strerror(errno));
		return NAN;
	}
	gr->pp_ran = true;
	if (!pingpong_trusted(pp)) {
		fprintf(stderr, "%s: other tasks spoiled the ping-pong\n", who);
		return NAN;
	}
	return pp->test[PP_PIPE].sw.p50;
}

/* cyclictest on gr->cpu; its P99 in ns, or NAN. */
static double run_cyclictest(struct goal_runs *gr, struct progress *p,
			     const char *who, FILE *raw)
{
	progress_step(p, "cyclictest -m -p95 -a %u -i 1000 -l %d", gr->cpu,
		      CYCLICTEST_LOOPS);
	if (cyclictest_run(who, gr->cpu, CYCLICTEST_LOOPS, &gr->cyclic, raw))
		return NAN;
	gr->cyclic_ran = true;
	return gr->cyclic.p99;
}

int goals_measure(int fd, unsigned int cpu, struct goal_runs *gr,
		  struct progress *p, FILE *cyclic_raw)
{
	const struct sched_figures *fg = gr->fig;
	struct goal *g = gr->goal;
	unsigned int x;
	int ret = 0;

	memset(gr, 0, sizeof(*gr));
	memcpy(gr->goal, goal_table, sizeof(goal_table));
	gr->cpu = cpu;
	for (x = 0; x < GX_NR && !ret; x++)
		ret = experiment(fd, gr, (enum goal_exp)x, p, p->who);
	if (ret)
		return ret;

	g[G_VS_LINUX].num = fg[GX_LDE2].dist[SCHED_SWITCH_COST].ring.p50;
	g[G_VS_LINUX].den = fg[GX_LINUX2].dist[SCHED_SWITCH_COST].ring.p50;
	g[G_VS_PIPE].num = fg[GX_LDE2].dist[SCHED_SWITCH_COST].ring.p50;
	g[G_VS_PIPE].den = run_pingpong(gr, p, p->who);
	g[G_VS_CYCLICTEST].num = fg[GX_RR].dist[SCHED_TIMER_TO_GUEST].ring.p99;
	gr->timer_late_p99 = fg[GX_RR].dist[SCHED_TIMER_LATE].ring.p99;
	g[G_VS_CYCLICTEST].den = run_cyclictest(gr, p, p->who, cyclic_raw);
	g[G_O1].num = fg[GX_LDE1024].dist[SCHED_SWITCH_COST].ring.p50;
	g[G_O1].den = fg[GX_LDE2].dist[SCHED_SWITCH_COST].ring.p50;
	g[G_DIRECT].num = fg[GX_RR].guest_rate;
	g[G_DIRECT].den = fg[GX_RR].host_rate;
	return 0;
}

void goals_free(struct goal_runs *gr)
{
	unsigned int x;

	for (x = 0; x < GX_NR; x++)
		sched_exp_free(&gr->exp[x]);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * switch_rounds.c - the experiment "switch-rounds": lde's switch against
 * its floor, a forced switch against a yield, and a guest's loop against
 * a kthread's, in interleaved rounds.
 *
 * Three goals divide two figures of lde's own switch path that lie close
 * to each other, so close that an emulated CPU's drift between two runs a
 * few seconds apart (QEMU's TCG grows and flushes its translation cache,
 * the host's other core runs something) is as large as the difference the
 * goal asks about.  So, as timer_rounds.c does for the timer, each round
 * runs one short run of each part, in an order that rotates from round to
 * round, and a round's ratios are taken within it:
 *
 *   coop     lde coop, 2 yield guests: the full switch's cost, P50
 *   floor    lde_swtch() alone (module/floor.c): a bare swap, P50, and
 *            one clock read, P50
 *   forced   lde rr at 100 us, 2 spin guests: every switch a preemption
 *   direct   lde rr at 1 ms, 2 spin guests: their loop against the same
 *            loop in the lab's plain kthread, which lde.ko times for
 *            20 ms before and after each run; DIRECT_RUNS runs a round,
 *            their loops and times added up, so that one hiccup of the
 *            emulator in a 20 ms baseline does not set the round
 *
 *   floor_ratio    (coop - clock read) / bare swap: a switch's cost window
 *                  holds one clock read that the swap's does not
 *   forced_ratio   forced / coop
 *   direct_ratio   the guests' loop rate / the kthread's
 *
 * Each goal is judged on its ratio's median over the rounds, and the
 * lowest and highest round's ratio are its spread (exp/goals.c).  The
 * single runs of the registry (coop-lde-2yield, floor, rr100us-lde-2spin,
 * rr-lde-2spin) still draw the distributions; these rounds only judge.
 * In lde report the rounds go to switch-rounds.json.
 */
#include <math.h>
#include <stddef.h>

#include "dev/floor.h"
#include "exp/exp.h"
#include "exp/sched.h"
#include "lib/common.h"
#include "lib/json.h"

#define SWITCH_ROUNDS	9
#define SWITCH_RUN_NS	300000000ULL	/* each scheduler run: 300 ms */
#define DIRECT_RUNS	3

enum part { PART_COOP, PART_FLOOR, PART_FORCED, PART_DIRECT, NR_PARTS };

/* One round's figures (NAN: not measured), and its ratios. */
struct sround {
	double coop, swap, clock, forced;	/* P50s, ns */
	double guest_rate, host_rate;		/* loop iterations per us */
	double floor, forced_ratio, direct;
};

struct srounds {
	unsigned int cpu, n;	/* rounds done */
	struct sround r[SWITCH_ROUNDS];
	struct stats_spread floor, forced_ratio, direct;
	/* The figures' medians over the rounds, for the goal tables. */
	double coop, swap, clock, forced, guest_rate, host_rate;
	struct floor_figs fl;	/* the last floor run's, reused */
};

static double ratio(double num, double den)
{
	return den > 0 && !isnan(num) ? num / den : NAN;
}

/* Two workload guests on the lde engine for SWITCH_RUN_NS: 0 or -1. */
static int run_sched(struct session *s, __u32 policy, __u64 quantum_ns,
		     __u32 workload, struct sched_run *r)
{
	r->e.cfg = (struct lde_sched_config){
		.cpu = s->cpu, .engine = LDE_ENGINE_LDE,
		.policy = policy, .quantum_ns = quantum_ns,
		.duration_ns = SWITCH_RUN_NS, .nr_groups = 1,
		.groups[0] = { .workload = workload, .count = 2 },
	};
	return sched_run_session(s, r);
}

/* DIRECT_RUNS runs of rr 1 ms, their loops added up: 0 or -1. */
static int run_direct(struct session *s, struct sround *rd)
{
	double gi = 0, gns = 0, hi = 0, hns = 0;
	unsigned int k;
	int ret = 0;

	for (k = 0; k < DIRECT_RUNS && !ret; k++) {
		struct sched_run r = { .name = "switch-rounds" };
		const struct lde_sched_summary *sum = &r.e.res.summary;

		ret = run_sched(s, LDE_POLICY_RR, 1000000, LDE_WL_SPIN, &r);
		if (!ret) {
			gi += sum->guest_iters;
			gns += sum->guest_ns;
			hi += sum->host_iters;
			hns += sum->host_ns;
		}
		sched_run_free(&r);
	}
	if (!ret) {
		/* Iterations per us, as lde sched prints them. */
		rd->guest_rate = ratio(gi, gns) * 1e3;
		rd->host_rate = ratio(hi, hns) * 1e3;
	}
	return ret;
}

static int run_part(struct session *s, struct srounds *rs, enum part p,
		    struct sround *rd)
{
	struct sched_run r = { .name = "switch-rounds" };
	int ret;

	switch (p) {
	case PART_COOP:
		ret = run_sched(s, LDE_POLICY_COOP, 0, LDE_WL_YIELD, &r);
		if (!ret && r.fg.dist[SCHED_SWITCH_COST].ring.n)
			rd->coop = r.fg.dist[SCHED_SWITCH_COST].ring.p50;
		break;
	case PART_FLOOR:
		ret = floor_measure(s->fd, s->cpu, LDE_FLOOR_DEFAULT_BATCHES,
				    LDE_FLOOR_DEFAULT_BATCH, &rs->fl, s->who);
		if (!ret && rs->fl.swap.n) {
			rd->swap = rs->fl.swap.p50;
			rd->clock = rs->fl.clock.p50;
		}
		return ret ? -1 : 0;
	case PART_FORCED:
		ret = run_sched(s, LDE_POLICY_RR, 100000, LDE_WL_SPIN, &r);
		if (!ret && r.fg.dist[SCHED_SWITCH_COST].ring.n)
			rd->forced = r.fg.dist[SCHED_SWITCH_COST].ring.p50;
		break;
	case PART_DIRECT:
		return run_direct(s, rd);
	default:
		return -1;
	}
	sched_run_free(&r);
	return ret;
}

#define SPREAD(rs, field)	STATS_SPREAD_OF((rs)->r, (rs)->n, field)

static void summarize(struct srounds *rs)
{
	unsigned int i;

	for (i = 0; i < rs->n; i++) {
		struct sround *rd = &rs->r[i];

		rd->floor = ratio(rd->coop - rd->clock, rd->swap);
		rd->forced_ratio = ratio(rd->forced, rd->coop);
		rd->direct = ratio(rd->guest_rate, rd->host_rate);
	}
	rs->floor = SPREAD(rs, floor);
	rs->forced_ratio = SPREAD(rs, forced_ratio);
	rs->direct = SPREAD(rs, direct);
	rs->coop = SPREAD(rs, coop).med;
	rs->swap = SPREAD(rs, swap).med;
	rs->clock = SPREAD(rs, clock).med;
	rs->forced = SPREAD(rs, forced).med;
	rs->guest_rate = SPREAD(rs, guest_rate).med;
	rs->host_rate = SPREAD(rs, host_rate).med;
}

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	struct srounds *rs = o->st;
	unsigned int i, k;
	int ret = 0;

	(void)x;
	rs->cpu = s->cpu;
	for (i = 0; i < SWITCH_ROUNDS && !ret && !s->interrupted; i++) {
		struct sround *rd = &rs->r[i];

		*rd = (struct sround){
			.coop = NAN, .swap = NAN, .clock = NAN, .forced = NAN,
			.guest_rate = NAN, .host_rate = NAN,
		};
		progress_step(&s->prog, "switch round %u of %u: lde coop, the"
			      " floor, rr 100 us, rr 1 ms", i + 1,
			      SWITCH_ROUNDS);
		for (k = 0; k < NR_PARTS && !ret; k++)
			ret = run_part(s, rs, (enum part)((k + i) % NR_PARTS),
				       rd);
		rs->n += !ret && !s->interrupted;
	}
	summarize(rs);
	if (ret)
		exp_fail(o, EXIT_FAIL, "switch round %u did not run; see"
			 " stderr", i);
	else
		exp_ok(o);
}

/* ---- its figures ---------------------------------------------------- */

static double floor_ratio(const void *st)
{
	return ((const struct srounds *)st)->floor.med;
}

static double floor_lo(const void *st)
{
	return ((const struct srounds *)st)->floor.lo;
}

static double floor_hi(const void *st)
{
	return ((const struct srounds *)st)->floor.hi;
}

static double forced_ratio(const void *st)
{
	return ((const struct srounds *)st)->forced_ratio.med;
}

static double forced_lo(const void *st)
{
	return ((const struct srounds *)st)->forced_ratio.lo;
}

static double forced_hi(const void *st)
{
	return ((const struct srounds *)st)->forced_ratio.hi;
}

static double direct_ratio(const void *st)
{
	return ((const struct srounds *)st)->direct.med;
}

static double direct_lo(const void *st)
{
	return ((const struct srounds *)st)->direct.lo;
}

static double direct_hi(const void *st)
{
	return ((const struct srounds *)st)->direct.hi;
}

static double coop_p50(const void *st)
{
	return ((const struct srounds *)st)->coop;
}

static double swap_p50(const void *st)
{
	return ((const struct srounds *)st)->swap;
}

static double clock_p50(const void *st)
{
	return ((const struct srounds *)st)->clock;
}

static double forced_p50(const void *st)
{
	return ((const struct srounds *)st)->forced;
}

static double guest_rate(const void *st)
{
	return ((const struct srounds *)st)->guest_rate;
}

static double host_rate(const void *st)
{
	return ((const struct srounds *)st)->host_rate;
}

/*
 * A goal judged on the median of per-round ratios names "<x>_ratio"; its
 * spread is "<x>_lo" and "<x>_hi" (exp/goals.c).  The others are the
 * figures' medians over the rounds: ns, and the rates in iterations/us.
 */
static const struct exp_figure figures[] = {
	{ "floor_ratio", floor_ratio },
	{ "floor_lo", floor_lo },
	{ "floor_hi", floor_hi },
	{ "forced_ratio", forced_ratio },
	{ "forced_lo", forced_lo },
	{ "forced_hi", forced_hi },
	{ "direct_ratio", direct_ratio },
	{ "direct_lo", direct_lo },
	{ "direct_hi", direct_hi },
	{ "coop_p50", coop_p50 },
	{ "swap_p50", swap_p50 },
	{ "clock_p50", clock_p50 },
	{ "forced_p50", forced_p50 },
	{ "guest_rate", guest_rate },
	{ "host_rate", host_rate },
	{ NULL, NULL },
};

static void json_spread(FILE *f, const char *key,
			const struct stats_spread *sp, const char *after)
{
	fprintf(f, "\"%s\": {", key);
	json_dbl(f, "median", sp->med, ", ");
	json_dbl(f, "lo", sp->lo, ", ");
	json_dbl(f, "hi", sp->hi, "}");
	fputs(after, f);
}

/* switch-rounds.json: each round's figures and ratios, then the medians. */
static void print_json(FILE *f, const void *st)
{
	const struct srounds *rs = st;
	unsigned int i;

	fprintf(f, "{\n  \"cpu\": %u,\n  \"run_ns\": %llu,\n  \"rounds\": [",
		rs->cpu, (unsigned long long)SWITCH_RUN_NS);
	for (i = 0; i < rs->n; i++) {
		const struct sround *rd = &rs->r[i];

		fprintf(f, "%s\n    {", i ? "," : "");
		json_dbl(f, "coop_p50_ns", rd->coop, ", ");
		json_dbl(f, "swap_p50_ns", rd->swap, ", ");
		json_dbl(f, "clock_p50_ns", rd->clock, ", ");
		json_dbl(f, "forced_p50_ns", rd->forced, ", ");
		json_dbl(f, "guest_iters_per_us", rd->guest_rate, ", ");
		json_dbl(f, "host_iters_per_us", rd->host_rate, ", ");
		json_dbl(f, "floor_ratio", rd->floor, ", ");
		json_dbl(f, "forced_ratio", rd->forced_ratio, ", ");
		json_dbl(f, "direct_ratio", rd->direct, "}");
	}
	fputs("\n  ],\n  ", f);
	json_spread(f, "floor_ratio", &rs->floor, ",\n  ");
	json_spread(f, "forced_ratio", &rs->forced_ratio, ",\n  ");
	json_spread(f, "direct_ratio", &rs->direct, "\n}\n");
}

/* The table: one line per round, then the medians and the spread. */
static void print_table(FILE *f, const void *st, bool histogram)
{
	const struct srounds *rs = st;
	const struct {
		const char *name;
		const struct stats_spread *sp;
	} lines[] = {
		{ "(coop - clock) / swap", &rs->floor },
		{ "rr 100 us / coop", &rs->forced_ratio },
		{ "guest loop / kthread", &rs->direct },
	};
	unsigned int i;

	(void)histogram;
	fprintf(f, "P50s, ns        coop   swap  clock  rr100us    guest/us"
		"  kthread/us\n");
	for (i = 0; i < rs->n; i++) {
		const struct sround *rd = &rs->r[i];

		fprintf(f, "round %-4u %7.1f %6.1f %6.1f %8.1f %11.1f %11.1f\n",
			i + 1, rd->coop, rd->swap, rd->clock, rd->forced,
			rd->guest_rate, rd->host_rate);
	}
	fprintf(f, "median     %7.1f %6.1f %6.1f %8.1f %11.1f %11.1f\n",
		rs->coop, rs->swap, rs->clock, rs->forced, rs->guest_rate,
		rs->host_rate);
	for (i = 0; i < ARRAY_SIZE(lines); i++)
		fprintf(f, "%-22s median %.3f, rounds %.3f .. %.3f\n",
			lines[i].name, lines[i].sp->med, lines[i].sp->lo,
			lines[i].sp->hi);
}

const struct exp exp_switch_rounds = {
	.name = "switch-rounds", .step = "goals",
	.steps = SWITCH_ROUNDS,
	.size = sizeof(struct srounds), .run = run,
	.figures = figures,
	.ops = &(const struct render_ops){ .table = print_table,
					   .json = print_json },
};

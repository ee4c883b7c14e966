// SPDX-License-Identifier: GPL-2.0
/*
 * timer_rounds.c - the experiment "timer-rounds": the timer path split in
 * two, lde against Linux, in interleaved rounds.
 *
 * A timer switch takes two paths one after the other.  The interrupt's
 * lateness, the hrtimer's expiry to its handler, is the hardware's and
 * Linux's; from the handler to the next guest's first instruction is
 * lde's own (the handler, the trampoline, the switch).  Linux's peers:
 *   rtla timerlat  IRQ latency (expiry to handler) and thread latency
 *                  (expiry to the woken thread running): thread minus IRQ
 *                  is Linux's own path from a handler to a woken thread;
 *   linux engine   the same rr, lde's handler and trampoline, but the
 *                  switch is Linux's (engine_linux.c): its handler to
 *                  guest is Linux's path from a handler to a woken kthread
 *                  with lde's trampoline in front, on every kernel;
 *   cyclictest     expiry to its thread running, end to end.
 * Each round runs, on the lab CPU and in an order that rotates from round
 * to round, one short run of each: lde rr at 1 ms with two spin guests
 * for 1 s on either engine, rtla timerlat hist at a 1 ms period for 1 s,
 * and cyclictest at a 1 ms interval for 1000 loops.  Within a round the
 * runs are close in time, so the ratios are taken there, and the goals
 * are judged on their median over the rounds: drift of the emulator
 * between rounds cancels.
 * The spread is the lowest and the highest round's ratio.
 *
 *   own     lde's handler to guest P99 / (timerlat thread P99 - IRQ P99)
 *   engine  lde's handler to guest P99 / the linux engine's
 *   e2e     lde's timer to guest P99 / cyclictest's P99
 *
 * Linux's own path is a difference of P99s: rtla prints its two
 * histograms, not each wakeup's pair.  A kernel without the timerlat
 * tracer (Debian's 6.1, 6.12 and sid's: CONFIG_TIMERLAT_TRACER is off)
 * runs the rounds without it: the experiment is skipped, says why, and
 * keeps engine and e2e.  In lde report the tools' own output goes to
 * timer-rounds.txt, the rounds to timer-rounds.json.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "bench/cyclictest.h"
#include "bench/timerlat.h"
#include "exp/exp.h"
#include "exp/sched.h"
#include "lib/common.h"
#include "lib/json.h"

#define TIMER_ROUNDS	9
#define ROUND_LOOPS	1000	/* cyclictest's, at its 1 ms interval */
#define ROUND_SECONDS	1	/* rtla's and lde's */

enum peer {
	PEER_LDE, PEER_TIMERLAT, PEER_LINUX_ENGINE, PEER_CYCLICTEST, NR_PEERS
};

/* One round's P99s, ns (NAN: not measured), and its ratios. */
struct round {
	double lde_t2g;		/* lde: timer to guest */
	double lde_h2g;		/* ... handler to guest */
	double lde_late;	/* ... timer lateness */
	double lnx_h2g;		/* the linux engine: handler to guest */
	double cyc;				/* cyclictest */
	double irq, thread;			/* rtla timerlat */
	double linux_own;			/* thread - irq */
	double own, engine, e2e;
};

struct rounds {
	unsigned int cpu, n;	/* rounds done */
	bool timerlat;		/* the kernel has the tracer */
	struct round r[TIMER_ROUNDS];
	struct stats_spread own, engine, e2e;
	/* The P99s' medians over the rounds, for the goal tables. */
	double lde_h2g, linux_own, lnx_h2g, lde_t2g, cyc;
};

#define SPREAD(rs, field)	STATS_SPREAD_OF((rs)->r, (rs)->n, field)

static double ratio(double num, double den)
{
	return den > 0 && !isnan(num) ? num / den : NAN;
}

/* rr at 1 ms, two spin guests, on engine: 0 or -1. */
static int run_lde(struct session *s, __u32 engine, struct round *rd)
{
	struct sched_run r = { .name = "timer-rounds" };
	int ret;

	r.e.cfg = (struct lde_sched_config){
		.cpu = s->cpu, .engine = engine,
		.policy = LDE_POLICY_RR, .quantum_ns = 1000000,
		.duration_ns = ROUND_SECONDS * 1000000000ULL, .nr_groups = 1,
		.groups[0] = { .workload = LDE_WL_SPIN, .count = 2 },
	};
	ret = sched_run_session(s, &r);
	if (!ret && engine == LDE_ENGINE_LINUX) {
		rd->lnx_h2g = r.fg.dist[SCHED_HANDLER_TO_GUEST].ring.p99;
	} else if (!ret) {
		rd->lde_t2g = r.fg.dist[SCHED_TIMER_TO_GUEST].ring.p99;
		rd->lde_h2g = r.fg.dist[SCHED_HANDLER_TO_GUEST].ring.p99;
		rd->lde_late = r.fg.dist[SCHED_TIMER_LATE].ring.p99;
	}
	sched_run_free(&r);
	return ret;
}

static int run_peer(struct session *s, enum peer p, struct round *rd,
		    bool timerlat, FILE *raw)
{
	struct timerlat_stats tl;
	struct stats st;

	switch (p) {
	case PEER_LDE:
		return run_lde(s, LDE_ENGINE_LDE, rd);
	case PEER_LINUX_ENGINE:
		return run_lde(s, LDE_ENGINE_LINUX, rd);
	case PEER_TIMERLAT:
		if (!timerlat)
			return 0;
		if (raw)
			fprintf(raw, "# rtla timerlat hist -c %u\n", s->cpu);
		if (timerlat_run(s->who, s->cpu, ROUND_SECONDS, &tl, raw))
			return -1;
		rd->irq = tl.irq.p99;
		rd->thread = tl.thread.p99;
		return 0;
	case PEER_CYCLICTEST:
		if (raw)
			fprintf(raw, "# cyclictest -a %u\n", s->cpu);
		if (cyclictest_run(s->who, s->cpu, ROUND_LOOPS, &st, raw))
			return -1;
		rd->cyc = st.p99;
		return 0;
	case NR_PEERS:
		break;
	}
	return -1;
}

static void summarize(struct rounds *rs)
{
	unsigned int i;

	for (i = 0; i < rs->n; i++) {
		struct round *rd = &rs->r[i];

		rd->linux_own = rd->thread - rd->irq;
		rd->own = ratio(rd->lde_h2g, rd->linux_own);
		rd->engine = ratio(rd->lde_h2g, rd->lnx_h2g);
		rd->e2e = ratio(rd->lde_t2g, rd->cyc);
	}
	rs->own = SPREAD(rs, own);
	rs->engine = SPREAD(rs, engine);
	rs->e2e = SPREAD(rs, e2e);
	rs->lde_h2g = SPREAD(rs, lde_h2g).med;
	rs->linux_own = SPREAD(rs, linux_own).med;
	rs->lnx_h2g = SPREAD(rs, lnx_h2g).med;
	rs->lde_t2g = SPREAD(rs, lde_t2g).med;
	rs->cyc = SPREAD(rs, cyc).med;
}

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	FILE *raw = s->dir ? session_fopen(s, "timer-rounds.txt", "we") : NULL;
	struct rounds *rs = o->st;
	unsigned int i, k;
	int ret = 0;

	(void)x;
	rs->cpu = s->cpu;
	rs->timerlat = timerlat_available();
	for (i = 0; i < TIMER_ROUNDS && !ret && !s->interrupted; i++) {
		struct round *rd = &rs->r[i];

		*rd = (struct round){
			.lde_t2g = NAN, .lde_h2g = NAN, .lde_late = NAN,
			.lnx_h2g = NAN,
			.cyc = NAN, .irq = NAN, .thread = NAN,
		};
		progress_step(&s->prog, "timer round %u of %u: rr 1 ms on both"
			      " engines, %scyclictest on CPU %u", i + 1,
			      TIMER_ROUNDS,
			      rs->timerlat ? "rtla timerlat, " : "", s->cpu);
		for (k = 0; k < NR_PEERS && !ret; k++)
			ret = run_peer(s, (enum peer)((k + i) % NR_PEERS), rd,
				       rs->timerlat, raw);
		rs->n += !ret;
	}
	if (raw)
		session_fclose(s, raw, "timer-rounds.txt");
	summarize(rs);
	if (ret)
		exp_fail(o, EXIT_FAIL, "timer round %u did not run; see stderr",
			 i);
	else if (!rs->timerlat)
		exp_skip(o, "no timerlat tracer in this kernel"
			 " (CONFIG_TIMERLAT_TRACER): lde's own timer path"
			 " against the linux engine's only, and end to end"
			 " against cyclictest");
	else
		exp_ok(o);
}

/* ---- its figures ---------------------------------------------------- */

static double own_ratio(const void *st)
{
	return ((const struct rounds *)st)->own.med;
}

static double own_lo(const void *st)
{
	return ((const struct rounds *)st)->own.lo;
}

static double own_hi(const void *st)
{
	return ((const struct rounds *)st)->own.hi;
}

static double engine_ratio(const void *st)
{
	return ((const struct rounds *)st)->engine.med;
}

static double engine_lo(const void *st)
{
	return ((const struct rounds *)st)->engine.lo;
}

static double engine_hi(const void *st)
{
	return ((const struct rounds *)st)->engine.hi;
}

static double linux_engine_own_p99(const void *st)
{
	return ((const struct rounds *)st)->lnx_h2g;
}

static double e2e_ratio(const void *st)
{
	return ((const struct rounds *)st)->e2e.med;
}

static double e2e_lo(const void *st)
{
	return ((const struct rounds *)st)->e2e.lo;
}

static double e2e_hi(const void *st)
{
	return ((const struct rounds *)st)->e2e.hi;
}

static double lde_own_p99(const void *st)
{
	return ((const struct rounds *)st)->lde_h2g;
}

static double linux_own_p99(const void *st)
{
	return ((const struct rounds *)st)->linux_own;
}

static double lde_e2e_p99(const void *st)
{
	return ((const struct rounds *)st)->lde_t2g;
}

static double cyclictest_p99(const void *st)
{
	return ((const struct rounds *)st)->cyc;
}

/*
 * A goal judged on the median of per-round ratios names "<x>_ratio"; its
 * spread is "<x>_lo" and "<x>_hi" (exp/goals.c).  The P99s are medians
 * over the rounds, ns.
 */
static const struct exp_figure figures[] = {
	{ "own_ratio", own_ratio },
	{ "own_lo", own_lo },
	{ "own_hi", own_hi },
	{ "engine_ratio", engine_ratio },
	{ "engine_lo", engine_lo },
	{ "engine_hi", engine_hi },
	{ "linux_engine_own_p99", linux_engine_own_p99 },
	{ "e2e_ratio", e2e_ratio },
	{ "e2e_lo", e2e_lo },
	{ "e2e_hi", e2e_hi },
	{ "lde_own_p99", lde_own_p99 },
	{ "linux_own_p99", linux_own_p99 },
	{ "lde_e2e_p99", lde_e2e_p99 },
	{ "cyclictest_p99", cyclictest_p99 },
	{ NULL, NULL },
};

/* timer-rounds.json: each round's P99s and ratios, then the medians. */
static void print_json(FILE *f, const void *st)
{
	const struct rounds *rs = st;
	unsigned int i;

	fprintf(f, "{\n  \"cpu\": %u,\n  \"timerlat\": %s,\n  \"unit\": \"ns\","
		"\n  \"rounds\": [", rs->cpu, rs->timerlat ? "true" : "false");
	for (i = 0; i < rs->n; i++) {
		const struct round *rd = &rs->r[i];

		fprintf(f, "%s\n    {", i ? "," : "");
		json_dbl(f, "lde_timer_to_guest_p99", rd->lde_t2g, ", ");
		json_dbl(f, "lde_handler_to_guest_p99", rd->lde_h2g, ", ");
		json_dbl(f, "lde_timer_late_p99", rd->lde_late, ", ");
		json_dbl(f, "timerlat_irq_p99", rd->irq, ", ");
		json_dbl(f, "timerlat_thread_p99", rd->thread, ", ");
		json_dbl(f, "linux_own_p99", rd->linux_own, ", ");
		json_dbl(f, "linux_engine_handler_to_guest_p99", rd->lnx_h2g,
			 ", ");
		json_dbl(f, "cyclictest_p99", rd->cyc, ", ");
		json_dbl(f, "own_ratio", rd->own, ", ");
		json_dbl(f, "engine_ratio", rd->engine, ", ");
		json_dbl(f, "e2e_ratio", rd->e2e, "}");
	}
	fputs("\n  ],\n  ", f);
	json_dbl(f, "own_ratio", rs->own.med, ", ");
	json_dbl(f, "own_lo", rs->own.lo, ", ");
	json_dbl(f, "own_hi", rs->own.hi, ",\n  ");
	json_dbl(f, "engine_ratio", rs->engine.med, ", ");
	json_dbl(f, "engine_lo", rs->engine.lo, ", ");
	json_dbl(f, "engine_hi", rs->engine.hi, ",\n  ");
	json_dbl(f, "e2e_ratio", rs->e2e.med, ", ");
	json_dbl(f, "e2e_lo", rs->e2e.lo, ", ");
	json_dbl(f, "e2e_hi", rs->e2e.hi, "\n}\n");
}

/* The table: one line per round, then the medians and the spread. */
static void print_table(FILE *f, const void *st, bool histogram)
{
	const struct rounds *rs = st;
	unsigned int i;

	(void)histogram;
	fprintf(f, "P99s, ns     lde own  timerlat own ratio linux eng"
		" eng ratio  lde e2e cyclictest e2e ratio\n");
	for (i = 0; i < rs->n; i++) {
		const struct round *rd = &rs->r[i];

		fprintf(f, "round %-3u %10.0f %9.0f %9.3f %9.0f %9.3f %8.0f"
			" %10.0f %9.3f\n", i + 1, rd->lde_h2g, rd->linux_own,
			rd->own, rd->lnx_h2g, rd->engine, rd->lde_t2g, rd->cyc,
			rd->e2e);
	}
	fprintf(f, "median    %10.0f %9.0f %9.3f %9.0f %9.3f %8.0f %10.0f"
		" %9.3f\n", rs->lde_h2g, rs->linux_own, rs->own.med,
		rs->lnx_h2g, rs->engine.med, rs->lde_t2g, rs->cyc,
		rs->e2e.med);
	fprintf(f, "spread (lowest .. highest round): own %.3f .. %.3f,"
		" engine %.3f .. %.3f, e2e %.3f .. %.3f\n", rs->own.lo,
		rs->own.hi, rs->engine.lo, rs->engine.hi, rs->e2e.lo,
		rs->e2e.hi);
	if (!rs->timerlat)
		fputs("No timerlat tracer in this kernel: no own ratio.\n", f);
}

const struct exp exp_timer_rounds = {
	.name = "timer-rounds", .step = "timer-rounds",
	.steps = TIMER_ROUNDS,
	.size = sizeof(struct rounds), .run = run,
	.figures = figures,
	.ops = &(const struct render_ops){ .table = print_table,
					   .json = print_json },
};

// SPDX-License-Identifier: GPL-2.0
/*
 * cyclictest.c - the experiment "cyclictest": the usual yardstick of timer
 * latency, on the lab CPU, as the peer of lde's timer to guest.
 *
 * cyclictest sets a timer, sleeps until it expires, and measures how late
 * its thread runs: from a timer's expiry to a task running, the path that
 * lde's timer to guest takes too (bench/cyclictest.c runs it and reads
 * its histogram).  Its distribution "latency" is drawn in timer.png, next
 * to lde's (timer_vs_cyclictest itself is judged in exp/timer_rounds.c's
 * interleaved rounds).  In lde report its own
 * output goes to cyclictest.txt, its figures to cyclictest.json.
 */
#include "bench/cyclictest.h"
#include "exp/exp.h"
#include "lib/common.h"
#include "lib/json.h"

/* Its latencies, ns, and where it ran. */
struct cyclic {
	struct stats st;
	unsigned int cpu;
};

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	FILE *raw = s->dir ? session_fopen(s, "cyclictest.txt", "we") : NULL;
	struct cyclic *c = o->st;
	int ret;

	(void)x;
	c->cpu = s->cpu;
	progress_step(&s->prog, "cyclictest -m -p95 -a %u -i 1000 -l %d",
		      s->cpu, CYCLICTEST_LOOPS);
	ret = cyclictest_run(s->who, s->cpu, CYCLICTEST_LOOPS, &c->st, raw);
	if (raw)
		session_fclose(s, raw, "cyclictest.txt");
	if (ret)
		exp_fail(o, EXIT_FAIL, "cyclictest did not run; see stderr");
	else
		exp_ok(o);
}

static double p99(const void *st)
{
	return ((const struct cyclic *)st)->st.p99;
}

static const struct exp_figure figures[] = {
	{ "p99", p99 },		/* ns; NAN if among its overflows */
	{ NULL, NULL },
};

static const uint64_t *latency_hist(const void *st)
{
	return ((const struct cyclic *)st)->st.hist;
}

static const struct stats *latency_stats(const void *st)
{
	return &((const struct cyclic *)st)->st;
}

static const struct exp_dist dists[] = {
	{ "latency", latency_hist, latency_stats },
	{ NULL, NULL, NULL },
};

/* cyclictest.json: its figures, in ns, as lde's own. */
static void print_json(FILE *f, const void *st)
{
	const struct cyclic *c = st;

	fprintf(f, "{\n  \"command\": \"cyclictest -m -p95 -a %u -t1 -i 1000"
		" -l %d -q -h %d\",\n  \"unit\": \"ns\",\n  \"samples\": %zu,\n"
		"  ", c->cpu, CYCLICTEST_LOOPS, CYCLICTEST_HIST_US, c->st.n);
	json_percentiles(f, &c->st);
	fputs(",\n  ", f);
	json_dbl(f, "mean", c->st.mean, ",\n  \"hist\": ");
	json_hist(f, c->st.hist, STATS_BUCKETS);
	fputs("\n}\n", f);
}

const struct exp exp_cyclictest = {
	.name = "cyclictest", .step = "goals", .steps = 1,
	.size = sizeof(struct cyclic), .run = run,
	.figures = figures, .dists = dists,
	.ops = &(const struct render_ops){ .json = print_json },
};

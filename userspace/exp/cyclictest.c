// SPDX-License-Identifier: GPL-2.0
/*
 * cyclictest.c - the experiment "cyclictest": the usual yardstick of timer
 * latency, on the lab CPU, as the peer of lde's timer to guest.
 *
 * cyclictest sets a timer, sleeps until it expires, and measures how late
 * its thread runs: from a timer's expiry to a task running, the path that
 * lde's timer to guest takes too (bench/cyclictest.c runs it and reads
 * its histogram).  Its P99 is the denominator of timer_vs_cyclictest; its
 * distribution "latency" is drawn in timer.png.  In lde report its own
 * output goes to cyclictest.txt, its figures to cyclictest.json.
 */
#include "bench/cyclictest.h"
#include "exp/exp.h"
#include "lib/common.h"
#include "lib/json.h"

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	FILE *raw = s->dir ? session_fopen(s, "cyclictest.txt", "we") : NULL;
	struct stats *st = o->st;
	int ret;

	(void)x;
	progress_step(&s->prog, "cyclictest -m -p95 -a %u -i 1000 -l %d",
		      s->cpu, CYCLICTEST_LOOPS);
	ret = cyclictest_run(s->who, s->cpu, CYCLICTEST_LOOPS, st, raw);
	if (raw)
		session_fclose(s, raw, "cyclictest.txt");
	if (ret)
		exp_fail(o, EXIT_FAIL, "cyclictest did not run; see stderr");
	else
		exp_ok(o);
}

static double p99(const void *st)
{
	return ((const struct stats *)st)->p99;
}

static const struct exp_figure figures[] = {
	{ "p99", p99 },		/* ns; NAN if among its overflows */
	{ NULL, NULL },
};

static const uint64_t *latency_hist(const void *st)
{
	return ((const struct stats *)st)->hist;
}

static const struct stats *latency_stats(const void *st)
{
	return st;
}

static const struct exp_dist dists[] = {
	{ "latency", latency_hist, latency_stats },
	{ NULL, NULL, NULL },
};

struct json_arg {
	const struct stats *st;
	unsigned int cpu;
};

static void write_json(FILE *f, const void *arg)
{
	const struct json_arg *a = arg;

	fprintf(f, "{\n  \"command\": \"cyclictest -m -p95 -a %u -t1 -i 1000"
		" -l %d -q -h %d\",\n  \"unit\": \"ns\",\n  \"samples\": %zu,\n"
		"  ", a->cpu, CYCLICTEST_LOOPS, CYCLICTEST_HIST_US, a->st->n);
	json_percentiles(f, a->st);
	fputs(",\n  ", f);
	json_dbl(f, "mean", a->st->mean, ",\n  \"hist\": ");
	json_hist(f, a->st->hist, STATS_BUCKETS);
	fputs("\n}\n", f);
}

static int files(const struct exp *x, const struct session *s,
		 const struct exp_out *o)
{
	struct json_arg a = { .st = o->st, .cpu = s->cpu };

	(void)x;
	if (o->state != EXP_OK)
		return 0;
	return session_write(s, "cyclictest.json", write_json, &a);
}

const struct exp exp_cyclictest = {
	.name = "cyclictest",
	.step = "goals",
	.steps = 1,
	.size = sizeof(struct stats),
	.run = run,
	.figures = figures,
	.dists = dists,
	.files = files,
};

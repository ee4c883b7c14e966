/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctx.h - the ping-pong: what a context switch costs between two tasks
 * on one CPU, seen from user space, and how it prints: a table, JSON or
 * CSV.  "lde ctx" runs it with its options; "lde report" and "lde goals"
 * as the experiment "ctx".
 *
 * Use: pinned to cpu, with tsc calibrated there (cli_start() does both).
 *	struct ctx_bench c;
 *
 *	if (ctx_bench_run(&c, &tsc, cpu, CTX_LOOPS, CTX_BATCH))
 *		fprintf(stderr, "%s: %s\n", c.pp.why, strerror(errno));
 *	else
 *		render_print(stdout, &ctx_bench_ops, &c, OUT_TABLE, quiet,
 *			     histogram);
 */
#ifndef LDE_EXP_CTX_H
#define LDE_EXP_CTX_H

#include <stdbool.h>
#include <stdio.h>

#include "bench/pingpong.h"
#include "bench/tsc.h"
#include "lib/render.h"

/*
 * Per subject, and there are four (two round trips, two subtracted
 * calls): the run takes about 4 s at most, even in a slow TCG VM.
 */
#define CTX_BUDGET_S	1.0
#define CTX_LOOPS	10000	/* round trips per test */
#define CTX_BATCH	100	/* round trips per batch for the Avg */

struct ctx_bench {
	struct tsc tsc;			/* as calibrated on cpu */
	int cpu;
	size_t loops;			/* round trips asked for per test */
	size_t batch;			/* round trips per batch */
	struct pingpong pp;
};

/* 0, or -1 with errno set and c->pp.why saying what failed. */
int ctx_bench_run(struct ctx_bench *c, const struct tsc *tsc, int cpu,
		  size_t loops, size_t batch);

/*
 * Its printers, for render_print(): the table (with -q only the medians,
 * with -h histograms), JSON or CSV.
 */
extern const struct render_ops ctx_bench_ops;

#endif /* LDE_EXP_CTX_H */

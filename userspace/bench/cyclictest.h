/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cyclictest.h - run cyclictest (rt-tests), the usual yardstick of timer
 * latency, on one CPU and read its figures as lde reads its own.
 *
 * Use:
 *	struct stats st;
 *
 *	if (cyclictest_run("lde goals", cpu, CYCLICTEST_LOOPS, &st, NULL))
 *		... it said why (not installed, failed) ...
 *	printf("P99 %.0f ns\n", st.p99);	// NAN if among the overflows
 */
#ifndef LDE_CYCLICTEST_H
#define LDE_CYCLICTEST_H

#include <stdio.h>

#include "lib/stats.h"

#define CYCLICTEST_LOOPS	2000	/* 2 s at its 1 ms interval */
#define CYCLICTEST_HIST_US	100000	/* its histogram: up to 100 ms */

/*
 * cyclictest -m -p95 -a cpu -t1 -i 1000 -l loops -q -h
 * CYCLICTEST_HIST_US, its latencies in ns into *st (stats.h: percentiles,
 * min, mean, max, log2 histogram).  raw, if not NULL, gets its output but
 * for the histogram's empty bins.  Returns 0, or -1 after saying why on
 * stderr (prefixed by who).
 */
int cyclictest_run(const char *who, unsigned int cpu, unsigned int loops,
		   struct stats *st, FILE *raw);

/*
 * Read cyclictest's output (-q -h CYCLICTEST_HIST_US) from in into *st,
 * as above; raw, if not NULL, gets it but for the empty bins.  0, or -1
 * with errno ENOMEM.
 */
int cyclictest_read(FILE *in, struct stats *st, FILE *raw);

#endif /* LDE_CYCLICTEST_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hist.h - print a log2 histogram of ns figures (the buckets of stats.h,
 * which are also those of lde.h's struct lde_sched_dist).
 *
 * Use:
 *	fprintf(f, "\nswitch cost (%llu switches)\n", n);
 *	hist_print(f, st.hist, STATS_BUCKETS);
 */
#ifndef LDE_HIST_H
#define LDE_HIST_H

#include <stdint.h>
#include <stdio.h>

/* One line per bucket from the first non-empty one to the last. */
void hist_print(FILE *f, const uint64_t *hist, unsigned int buckets);

#endif /* LDE_HIST_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stats.h - summarise a set of per-call times.
 *
 * Use:
 *	struct stats st;
 *
 *	stats_compute(ns, n, &st);	// sorts ns[] in place
 *	printf("%.1f\n", st.p50);
 *
 * The histogram is log2 in ns, so that 30 ns and 30 µs fit on one screen:
 * bucket 0 holds [0, 1) ns (calls cheaper than the timer overhead that was
 * subtracted end up there), bucket b >= 1 holds [2^(b-1), 2^b) ns.
 */
#ifndef LDE_STATS_H
#define LDE_STATS_H

#include <stddef.h>
#include <stdint.h>

#define STATS_BUCKETS	40	/* up to 2^39 ns, about 9 minutes */

struct stats {
	size_t n;
	double min, p50, p90, p99, max, mean;	/* ns */
	uint64_t hist[STATS_BUCKETS];
};

void stats_compute(double *ns, size_t n, struct stats *st);
/* The histogram bucket ns falls in: 0 for [0, 1) ns or NaN. */
unsigned int stats_bucket(double ns);
double stats_bucket_lo(unsigned int b);
double stats_bucket_hi(unsigned int b);

/*
 * The median of the numbers of v[] that are not NaN, by the same
 * nearest-rank rule (of an even count, the lower middle one): a figure of
 * one round of several.  NAN if there are none.  v[] is left as it was;
 * n is at most STATS_MEDIAN_MAX.
 */
#define STATS_MEDIAN_MAX	64
double stats_median(const double *v, size_t n);

/*
 * A figure measured in rounds: the median of v[] as above, with the
 * lowest and the highest of its numbers, the spread.  All NAN if v[] has
 * no number.
 */
struct stats_spread {
	double med, lo, hi;
};

struct stats_spread stats_spread(const double *v, size_t n);

/*
 * The same of one double member of n structs from base, stride bytes
 * apart, at off in each: a figure of each round, kept in the round's
 * struct.  n is at most STATS_MEDIAN_MAX.
 */
struct stats_spread stats_spread_member(const void *base, size_t n,
					size_t stride, size_t off);
#define STATS_SPREAD_OF(rounds, n, member)				\
	stats_spread_member(rounds, n, sizeof(*(rounds)),		\
			    offsetof(__typeof__(*(rounds)), member))

#endif /* LDE_STATS_H */

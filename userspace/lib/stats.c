// SPDX-License-Identifier: GPL-2.0
/*
 * stats.c - min, percentiles, max, mean and a log2 histogram.
 *
 * Percentiles use the nearest-rank rule (the smallest sample with at least
 * p% of the samples at or below it), so every figure is a time that was
 * really measured, not an interpolation between two.
 *
 * Use: see stats.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/stats.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The sample at percentile pct of n sorted samples, n > 0. */
static double rank(const double *sorted, size_t n, unsigned int pct)
{
	size_t r = (n * pct + 99) / 100;	/* ceil(n * pct / 100) */

	return sorted[r ? r - 1 : 0];
}

unsigned int stats_bucket(double ns)
{
	unsigned int b;

	if (!(ns >= 1.0))		/* also catches NaN */
		return 0;
	if (ns >= stats_bucket_lo(STATS_BUCKETS - 1))
		return STATS_BUCKETS - 1;
	/* floor(log2(ns)) + 1, from the position of the top bit. */
	b = 64 - __builtin_clzll((unsigned long long)ns);
	return b;
}

void stats_compute(double *ns, size_t n, struct stats *st)
{
	double sum = 0;
	size_t i;

	memset(st, 0, sizeof(*st));
	st->n = n;
	if (!n)
		return;
	qsort(ns, n, sizeof(*ns), cmp_double);
	for (i = 0; i < n; i++) {
		sum += ns[i];
		st->hist[stats_bucket(ns[i])]++;
	}
	st->min = ns[0];
	st->p50 = rank(ns, n, 50);
	st->p90 = rank(ns, n, 90);
	st->p99 = rank(ns, n, 99);
	st->max = ns[n - 1];
	st->mean = sum / n;
}

double stats_bucket_lo(unsigned int b)
{
	return b ? (double)(1ull << (b - 1)) : 0.0;
}

double stats_bucket_hi(unsigned int b)
{
	return (double)(1ull << b);
}

double stats_median(const double *v, size_t n)
{
	double known[STATS_MEDIAN_MAX];
	size_t i, k = 0;

	for (i = 0; i < n && k < STATS_MEDIAN_MAX; i++)
		if (!isnan(v[i]))
			known[k++] = v[i];
	if (!k)
		return NAN;
	qsort(known, k, sizeof(*known), cmp_double);
	return rank(known, k, 50);
}

struct stats_spread stats_spread(const double *v, size_t n)
{
	struct stats_spread sp = { stats_median(v, n), NAN, NAN };
	size_t i;

	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		if (isnan(sp.lo) || v[i] < sp.lo)
			sp.lo = v[i];
		if (isnan(sp.hi) || v[i] > sp.hi)
			sp.hi = v[i];
	}
	return sp;
}

struct stats_spread stats_spread_member(const void *base, size_t n,
					size_t stride, size_t off)
{
	double v[STATS_MEDIAN_MAX];
	size_t i;

	if (n > STATS_MEDIAN_MAX)
		n = STATS_MEDIAN_MAX;
	for (i = 0; i < n; i++)
		memcpy(&v[i], (const char *)base + i * stride + off,
		       sizeof(v[i]));
	return stats_spread(v, n);
}

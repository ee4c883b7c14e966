// SPDX-License-Identifier: GPL-2.0
/*
 * hist.c - a log2 histogram as text: range, count, share and a bar.
 *
 *	        [256, 512)     1234  61.7% |########################        |
 *
 * Bars are scaled to the fullest bucket and rounded up, so a bucket with
 * a single sample still shows one '#': in a latency histogram, the rare
 * slow ones are the point.
 *
 * Use: see hist.h.
 */
#include <assert.h>

#include "lib/hist.h"
#include "lib/stats.h"

#define BAR_WIDTH	40

void hist_print(FILE *f, const uint64_t *hist, unsigned int buckets)
{
	static const char hashes[] = "########################################";
	unsigned int b, first = buckets, last = 0;
	uint64_t max = 0, total = 0;
	char range[40];

	static_assert(sizeof(hashes) - 1 == BAR_WIDTH, "one '#' per column");
	for (b = 0; b < buckets; b++) {
		if (!hist[b])
			continue;
		if (first == buckets)
			first = b;
		last = b;
		total += hist[b];
		if (hist[b] > max)
			max = hist[b];
	}
	for (b = first; b <= last && b < buckets; b++) {
		uint64_t c = hist[b];
		int bar = (int)((c * BAR_WIDTH + max - 1) / max);

		snprintf(range, sizeof(range), "[%.0f, %.0f)",
			 stats_bucket_lo(b), stats_bucket_hi(b));
		fprintf(f, "  %19s %8llu %5.1f%% |%-*.*s|\n", range,
			(unsigned long long)c, 100.0 * c / total,
			BAR_WIDTH, bar, hashes);
	}
}

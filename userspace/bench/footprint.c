// SPDX-License-Identifier: GPL-2.0
/*
 * footprint.c - visit n small working sets in turn, and time a visit.
 *
 * The regions live in one anonymous mapping (MAP_NORESERVE: conflict's
 * spans 4 GiB, of which it touches 1024 pages).  A pass visits the
 * regions in order, round after round, FOOTPRINT_VISITS visits at least
 * and every region at least FOOTPRINT_MIN_ROUNDS times; the first round
 * is not timed: it takes the page faults, and brings what fits into the
 * caches and TLBs.  The
 * figure is the median of FOOTPRINT_PASSES passes.
 *
 * Use: see footprint.h.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include "bench/footprint.h"
#include "bench/tsc.h"
#include "lib/stats.h"

#define FOOTPRINT_VISITS	65536
#define FOOTPRINT_MIN_ROUNDS	8
#define FOOTPRINT_PASSES	5

const char *const footprint_names[FOOTPRINT_NR_LAYOUTS] = {
	[FOOTPRINT_STACKS] = "stacks",
	[FOOTPRINT_PAGES] = "pages",
	[FOOTPRINT_PACKED] = "packed",
	[FOOTPRINT_CONFLICT] = "conflict",
};

unsigned long footprint_stride(enum footprint_layout l)
{
	if (l == FOOTPRINT_PACKED)
		return FOOTPRINT_LINES * FOOTPRINT_LINE;
	return l == FOOTPRINT_CONFLICT ? FOOTPRINT_CONFLICT_STRIDE :
	       FOOTPRINT_STRIDE;
}

/* The lines a visit touches: the top of a stack region, or all of it. */
static unsigned int lines_of(enum footprint_layout l)
{
	return l == FOOTPRINT_PAGES || l == FOOTPRINT_CONFLICT ? 1 :
	       FOOTPRINT_LINES;
}

/*
 * Read and write each line of a region, as a pop and a push would.  The
 * empty asm that "may read memory" keeps every visit's loads and stores:
 * the compiler may not merge the rounds into one.
 */
static inline void visit(uint64_t *top, unsigned int lines)
{
	unsigned int i;

	for (i = 0; i < lines; i++)
		top[i * (FOOTPRINT_LINE / sizeof(*top))] += 1;
	asm volatile("" : : "r"(top) : "memory");
}

/* One pass: ns per visit over rounds visits of all n regions. */
static double pass(const struct tsc *t, char *base, unsigned long stride,
		   unsigned long top, unsigned int lines, unsigned int n,
		   unsigned int rounds)
{
	uint64_t t0 = 0;
	unsigned int r, i;

	for (r = 0; r <= rounds; r++) {
		if (r == 1)
			t0 = tsc_begin();
		for (i = 0; i < n; i++)
			visit((uint64_t *)(base + i * stride + top),
			      lines);
	}
	return (double)(tsc_end(t->rdtscp) - t0) * t->ns_per_cycle /
	       ((double)rounds * n);
}

int footprint_ns(const struct tsc *t, enum footprint_layout l,
		 unsigned int n, double *ns)
{
	unsigned long stride = footprint_stride(l);
	unsigned long top = l == FOOTPRINT_PACKED ? 0 :
			    FOOTPRINT_STRIDE - 4096 -
			    FOOTPRINT_LINES * FOOTPRINT_LINE;
	unsigned int rounds = FOOTPRINT_VISITS / (n ? n : 1);
	double v[FOOTPRINT_PASSES];
	size_t len = n * stride;
	unsigned int p;
	char *base;

	if (!n || n > FOOTPRINT_VISITS) {
		errno = EINVAL;
		return -1;
	}
	base = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED)
		return -1;
	if (rounds < FOOTPRINT_MIN_ROUNDS)
		rounds = FOOTPRINT_MIN_ROUNDS;
	for (p = 0; p < FOOTPRINT_PASSES; p++)
		v[p] = pass(t, base, stride, top, lines_of(l), n, rounds);
	munmap(base, len);
	*ns = stats_median(v, FOOTPRINT_PASSES);
	return 0;
}

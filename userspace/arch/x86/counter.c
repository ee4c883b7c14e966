// SPDX-License-Identifier: GPL-2.0
/*
 * counter.c (x86-64) - how fast does the time-stamp counter tick?
 *
 * We read the TSC and CLOCK_MONOTONIC_RAW together, sleep about 80 ms,
 * read both again and divide.  RAW, because NTP may be slewing
 * CLOCK_MONOTONIC while we measure; the TSC is never slewed.  80 ms makes
 * the error from reading the two clocks at slightly different moments
 * (a few µs even in a slow VM) negligible, and is short enough not to
 * notice.
 *
 * Use: see tsc.h.
 */
#include <cpuid.h>
#include <errno.h>
#include <time.h>

#include "bench/tsc.h"

#define CALIBRATE_NS	80000000L
#define PAIR_TRIES	8

/*
 * Read the TSC on both sides of clock_gettime() and keep the try with the
 * tightest bracket: its midpoint is the best guess of the TSC value at
 * the moment the clock was read.
 */
static int read_pair(uint64_t *cyc, uint64_t *ns)
{
	uint64_t best = UINT64_MAX;
	struct timespec ts;
	int i;

	for (i = 0; i < PAIR_TRIES; i++) {
		uint64_t t0, t1;
		int rc;

		t0 = tsc_begin();
		rc = clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
		t1 = tsc_end(false);
		if (rc)
			return -1;
		if (t1 - t0 < best) {
			best = t1 - t0;
			*cyc = t0 + (t1 - t0) / 2;
			*ns = (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
		}
	}
	return 0;
}

static void cpu_features(struct tsc *t)
{
	unsigned int a, b, c, d;

	t->rdtscp = __get_cpuid(0x80000001, &a, &b, &c, &d) &&
		    (d & (1u << 27));
	t->invariant = __get_cpuid(0x80000007, &a, &b, &c, &d) &&
		       (d & (1u << 8));
}

int tsc_calibrate(struct tsc *t)
{
	struct timespec nap = { 0, CALIBRATE_NS };
	uint64_t c0, n0, c1, n1;

	t->name = "TSC";
	cpu_features(t);
	if (read_pair(&c0, &n0))
		return -1;
	/* Only the two readings matter: a short nap just costs precision. */
	while (nanosleep(&nap, &nap))
		if (errno != EINTR)
			return -1;
	if (read_pair(&c1, &n1))
		return -1;
	if (n1 <= n0 || c1 <= c0) {
		errno = ERANGE;
		return -1;
	}
	t->hz = (double)(c1 - c0) * 1e9 / (double)(n1 - n0);
	/* Anything outside 100 MHz..100 GHz means a broken clock. */
	if (t->hz < 1e8 || t->hz > 1e11) {
		errno = ERANGE;
		return -1;
	}
	t->ns_per_cycle = 1e9 / t->hz;
	return 0;
}

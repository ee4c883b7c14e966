/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tsc.h - a clock fine enough to time one system call.
 *
 * clock_gettime() costs about as much as the calls we want to time (and
 * far more in a VM), so we read a counter of the CPU's own directly and
 * turn its ticks into ns with its rate:
 *
 *   x86-64  the time-stamp counter (rdtsc), its rate measured once by
 *           tsc_calibrate() against CLOCK_MONOTONIC_RAW;
 *   arm64   the generic timer's virtual count (CNTVCT_EL0), its rate
 *           the one the firmware wrote in CNTFRQ_EL0.
 *
 * The names say TSC, for the x86 counter lde was first written for; the
 * reads are the architecture's own (arch/<arch>/counter.h), each with the
 * barriers that keep it in order: tsc_begin() and tsc_end() bound
 * exactly the code between them.  The generic timer ticks far slower than
 * a TSC (62.5 MHz under QEMU, 24 MHz on Apple silicon, 54 MHz on a
 * Raspberry Pi 4): one tick is 16 to 42 ns, the grain of a single timed
 * call.  tsc_grain_note() says so where it matters.
 *
 * Use:
 *	struct tsc t;
 *
 *	if (tsc_calibrate(&t))
 *		...;
 *	t0 = tsc_begin();
 *	work();
 *	t1 = tsc_end(t.rdtscp);
 *	ns = (t1 - t0) * t.ns_per_cycle;
 */
#ifndef LDE_TSC_H
#define LDE_TSC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "counter.h"	/* tsc_begin(), tsc_end(): arch/<arch>/ */

struct tsc {
	const char *name;	/* "TSC", "generic timer" */
	double hz;		/* counter ticks per second */
	double ns_per_cycle;
	bool rdtscp;		/* CPU has rdtscp (QEMU's qemu64 model lacks it) */
	bool invariant;		/* rate does not change with P- or C-states */
};

/*
 * Find the counter's rate (x86-64: measured over about 80 ms; arm64: read).
 * Returns 0, or -1 with errno set.  Call it on the CPU you will time on.
 */
int tsc_calibrate(struct tsc *t);

/* "TSC 2.995 GHz", "generic timer 62.50 MHz": for a table's header. */
const char *tsc_rate(const struct tsc *t, char *buf, size_t len);

/*
 * A note for the reader when one tick is coarse next to what is timed
 * (the generic timer): "Note: ...\n".  Empty for a TSC.
 */
const char *tsc_grain_note(const struct tsc *t, char *buf, size_t len);

#endif /* LDE_TSC_H */

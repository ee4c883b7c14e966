/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tsc.h - a clock fine enough to time one system call.
 *
 * clock_gettime() costs about as much as the calls we want to time (and
 * far more in a VM), so we read the CPU's time-stamp counter directly and
 * turn cycles into ns with a rate measured once by tsc_calibrate().
 *
 * rdtsc is not an ordered instruction: the CPU may run it before earlier
 * instructions finish, or start later ones before it.  tsc_begin() and
 * tsc_end() put fences around it so that an interval covers exactly the
 * code between the two reads.
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
#include <stdint.h>

#ifndef __x86_64__
#error "lde times x86-64 traps with rdtsc: build it for x86-64"
#endif

struct tsc {
	double hz;		/* counter ticks per second */
	double ns_per_cycle;
	bool rdtscp;		/* CPU has rdtscp (QEMU's qemu64 model lacks it) */
	bool invariant;		/* rate does not change with P- or C-states */
};

/*
 * Measure the TSC rate against CLOCK_MONOTONIC_RAW over about 80 ms.
 * Returns 0, or -1 with errno set.  Call it on the CPU you will time on.
 */
int tsc_calibrate(struct tsc *t);

/*
 * lfence waits until every earlier instruction has completed, so the first
 * one keeps earlier work out of the interval and the second keeps the
 * timed code from starting before the counter is read.  (On AMD, lfence
 * orders like this because Linux sets it "dispatch serializing".)
 */
static inline __attribute__((always_inline)) uint64_t tsc_begin(void)
{
	uint32_t lo, hi;

	asm volatile("lfence\n\trdtsc\n\tlfence"
		     : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

/*
 * rdtscp itself waits for earlier instructions to complete; the lfence
 * after it keeps the code that stores the result from overlapping.  Pass
 * a constant so that the compiler keeps only one of the two forms.
 */
static inline __attribute__((always_inline)) uint64_t tsc_end(bool rdtscp)
{
	uint32_t lo, hi, aux;

	if (rdtscp)
		asm volatile("rdtscp\n\tlfence"
			     : "=a"(lo), "=d"(hi), "=c"(aux) : : "memory");
	else
		asm volatile("lfence\n\trdtsc\n\tlfence"
			     : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

#endif /* LDE_TSC_H */

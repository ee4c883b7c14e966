/* SPDX-License-Identifier: GPL-2.0 */
/*
 * counter.h (x86-64) - reading the time-stamp counter, for tsc.h.
 *
 * rdtsc is not an ordered instruction: the CPU may run it before earlier
 * instructions finish, or start later ones before it.  tsc_begin() and
 * tsc_end() put fences around it so that an interval covers exactly the
 * code between the two reads.
 */
#ifndef LDE_COUNTER_H
#define LDE_COUNTER_H

#include <stdbool.h>
#include <stdint.h>

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

#endif /* LDE_COUNTER_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * counter.h (arm64) - reading the generic timer's virtual count, for
 * tsc.h.
 *
 * CNTVCT_EL0 counts at the constant rate of CNTFRQ_EL0 on every core, and
 * Linux lets user mode read it (the vDSO's clock_gettime() does).  Like
 * rdtsc, the read is not ordered: the CPU may execute it before earlier
 * instructions, or start later ones before it.  An isb before the mrs
 * makes every earlier instruction complete first (Linux's own
 * arch_timer_read_cntvct_el0() does the same); an isb after it keeps the
 * timed code from starting before the count is read.  The rdtscp argument
 * of tsc_end() means nothing here.
 */
#ifndef LDE_COUNTER_H
#define LDE_COUNTER_H

#include <stdbool.h>
#include <stdint.h>

static inline __attribute__((always_inline)) uint64_t tsc_begin(void)
{
	uint64_t cnt;

	asm volatile("isb\n\tmrs %0, cntvct_el0\n\tisb"
		     : "=r"(cnt) : : "memory");
	return cnt;
}

static inline __attribute__((always_inline)) uint64_t tsc_end(bool rdtscp)
{
	uint64_t cnt;

	(void)rdtscp;
	asm volatile("isb\n\tmrs %0, cntvct_el0\n\tisb"
		     : "=r"(cnt) : : "memory");
	return cnt;
}

#endif /* LDE_COUNTER_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * counter.c (arm64) - how fast does the generic timer count?
 *
 * No measuring: the firmware writes the rate into CNTFRQ_EL0, user mode
 * may read it, and the architecture fixes it (it does not change with
 * the CPU's clock, so the counter is what x86 calls invariant).  Under
 * QEMU it is 62.5 MHz, on Apple silicon 24 MHz, on a Raspberry Pi 4
 * 54 MHz; Armv8.6 and later CPUs count at 1 GHz.
 *
 * Use: see tsc.h.
 */
#include <errno.h>
#include <stdint.h>

#include "bench/tsc.h"

int tsc_calibrate(struct tsc *t)
{
	uint64_t hz;

	asm volatile("mrs %0, cntfrq_el0" : "=r"(hz));
	t->name = "generic timer";
	t->rdtscp = false;
	t->invariant = true;
	/* Anything outside 1 MHz..10 GHz means firmware that forgot it. */
	if (hz < 1000000 || hz > 10000000000ULL) {
		errno = ERANGE;
		return -1;
	}
	t->hz = (double)hz;
	t->ns_per_cycle = 1e9 / t->hz;
	return 0;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hogs.h - what the hog experiments of lde report and lde demo coop
 * share: a spin guest that never traps, yield guests that compute about
 * HOG_BURST_QUANTA quanta between two yields, under coop (the watchdog
 * catches the hog) or rr (the timer shares the CPU).
 *
 * Use:
 *	struct lde_sched_config cfg;
 *
 *	hog_config(&cfg, cpu, LDE_ENGINE_LDE, LDE_POLICY_RR);	// no guests
 *	iters = hog_burst_iters(rate);	// rate: a spin guest's, per us
 */
#ifndef LDE_EXP_HOGS_H
#define LDE_EXP_HOGS_H

#include "lde.h"

#define HOG_QUANTUM_NS	1000000ULL	/* rr: 1 ms */
#define HOG_WATCHDOG_NS	200000000ULL	/* coop: the hog is caught quickly */
#define HOG_DURATION_NS	500000000ULL	/* 500 quanta */
#define HOG_BURST_QUANTA 10	/* a yield guest's work between two yields */

/*
 * Loop iterations of HOG_BURST_QUANTA quanta at rate (iterations per us,
 * a spin guest's: a TCG VM is some 50 times slower than hardware), or 0
 * if the rate is unknown (NAN) or not positive.
 */
__u64 hog_burst_iters(double rate);

/* cfg for cpu, engine and policy, with the constants above; no guests. */
void hog_config(struct lde_sched_config *cfg, unsigned int cpu,
		__u32 engine, __u32 policy);

#endif /* LDE_EXP_HOGS_H */

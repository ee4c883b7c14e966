// SPDX-License-Identifier: GPL-2.0
/*
 * rr_lde_2spin.c - the experiment "rr-lde-2spin": the timer takes the CPU
 * back, every 1 ms.
 *
 * Two spin guests, which never trap, under round robin at a 1 ms quantum
 * on the lde engine: every switch is a timer interrupt's.  It measures
 * timer to guest (the hrtimer's expiry to the next guest's first
 * instruction, drawn in timer.png), the timer's own lateness, and how
 * fast the guests' loop runs against the same loop in a plain kthread
 * (direct).  The hog experiments size their guests' work by its loop.
 */
#include "exp/sched.h"

const struct exp exp_rr_lde_2spin =
	SCHED_EXP("rr-lde-2spin", LDE_ENGINE_LDE, LDE_POLICY_RR, 1000000,
		  LDE_WL_SPIN, 2);

// SPDX-License-Identifier: GPL-2.0
/*
 * rr100us_lde_2spin.c - the experiment "rr100us-lde-2spin": what a switch
 * costs when the timer forces it, every 100 us.
 *
 * Two spin guests, which never trap, under round robin at a 100 us
 * quantum on the lde engine: every switch is a preemption.  The timer
 * interrupt's return is bent into lde's trampoline (module/preempt.S),
 * which saves every register of the guest before the same swtch a yield
 * takes.  Its switch cost P50 against coop-lde-2yield's, a yield's, is
 * the goal rr_vs_coop_switch: what taking the CPU by force adds.
 */
#include "exp/sched.h"

const struct exp exp_rr100us_lde_2spin =
	SCHED_EXP("rr100us-lde-2spin", LDE_ENGINE_LDE, LDE_POLICY_RR, 100000,
		  LDE_WL_SPIN, 2);

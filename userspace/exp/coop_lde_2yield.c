// SPDX-License-Identifier: GPL-2.0
/*
 * coop_lde_2yield.c - the experiment "coop-lde-2yield": lde's own switch,
 * with nothing else in the way.
 *
 * Two yield guests under the cooperative policy on the lde engine: every
 * switch is a guest's yield trap, then lde's swtch (module/switch.S) from
 * one guest's stack to the other's, on one kthread.  Its switch cost is
 * the numerator of lde_vs_linux and lde_vs_pipe (exp/goals.c).
 */
#include "exp/sched.h"

const struct exp exp_coop_lde_2yield =
	SCHED_EXP("coop-lde-2yield", LDE_ENGINE_LDE, LDE_POLICY_COOP, 0,
		  LDE_WL_YIELD, 2);

// SPDX-License-Identifier: GPL-2.0
/*
 * coop_linux_2yield.c - the experiment "coop-linux-2yield": the same two
 * yield guests as coop-lde-2yield, on the linux engine.
 *
 * Each guest is a kthread of its own, and a switch wakes the next and
 * blocks the current one: Linux's scheduler and switch_to do it.  The
 * policy code is the same as on the lde engine, so the two switch costs
 * differ by the engine alone: the denominator of lde_vs_linux.
 */
#include "exp/sched.h"

const struct exp exp_coop_linux_2yield =
	SCHED_EXP("coop-linux-2yield", LDE_ENGINE_LINUX, LDE_POLICY_COOP, 0,
		  LDE_WL_YIELD, 2);

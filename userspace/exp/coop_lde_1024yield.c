// SPDX-License-Identifier: GPL-2.0
/*
 * coop_lde_1024yield.c - the experiment "coop-lde-1024yield": lde's
 * switch among 1024 guests.
 *
 * The same as coop-lde-2yield with 1024 yield guests, for 1 s: lde
 * report keeps its whole lde sched report (sched-goal-coop-lde-1024yield
 * .json, a row of sched.csv and 1024 of guests.csv).  The goal about 1024
 * guests, scaling_vs_linux, takes its figures from the experiment scaling
 * instead, which runs 2 to 1024 guests on both engines in interleaved
 * rounds.
 */
#include "exp/sched.h"

const struct exp exp_coop_lde_1024yield =
	SCHED_EXP("coop-lde-1024yield", LDE_ENGINE_LDE, LDE_POLICY_COOP, 0,
		  LDE_WL_YIELD, 1024);

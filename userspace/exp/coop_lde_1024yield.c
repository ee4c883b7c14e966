// SPDX-License-Identifier: GPL-2.0
/*
 * coop_lde_1024yield.c - the experiment "coop-lde-1024yield": lde's
 * switch among 1024 guests.
 *
 * The same as coop-lde-2yield with 1024 yield guests: if picking the next
 * guest is O(1), its switch cost stays that of 2 guests.  Caches and TLBs
 * that no longer hold every guest's stack are what it may cost: the
 * numerator of o1_pick.
 */
#include "exp/sched.h"

const struct exp exp_coop_lde_1024yield =
	SCHED_EXP("coop-lde-1024yield", LDE_ENGINE_LDE, LDE_POLICY_COOP, 0,
		  LDE_WL_YIELD, 1024);

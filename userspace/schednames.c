// SPDX-License-Identifier: GPL-2.0
/*
 * schednames.c - the mini scheduler's enums as words, both ways.
 *
 * Designated initializers indexed by lde.h's own constants: a renumbered
 * constant moves its word along with it, and a new one without a word
 * shows up as "?" instead of as its neighbour's name.
 *
 * Use: see schednames.h.
 */
#include <string.h>

#include "schednames.h"

const char *const sched_engines[LDE_NR_ENGINES] = {
	[LDE_ENGINE_LDE]	= "lde",
	[LDE_ENGINE_LINUX]	= "linux",
};

const char *const sched_policies[LDE_NR_POLICIES] = {
	[LDE_POLICY_COOP]	= "coop",
	[LDE_POLICY_RR]		= "rr",
};

const char *const sched_workloads[LDE_NR_WORKLOADS] = {
	[LDE_WL_SPIN]	= "spin",
	[LDE_WL_YIELD]	= "yield",
	[LDE_WL_SLEEP]	= "sleep",
	[LDE_WL_REGS]	= "regs",
	[LDE_WL_EXIT]	= "exit",
};

const char *const sched_reasons[LDE_NR_SWITCH_REASONS] = {
	[LDE_SW_YIELD]		= "yield",
	[LDE_SW_TIMER]		= "timer",
	[LDE_SW_SLEEP]		= "sleep",
	[LDE_SW_EXIT]		= "exit",
	[LDE_SW_WATCHDOG]	= "watchdog",
	[LDE_SW_HOST]		= "host",
};

const char *const sched_ends[SCHED_NR_ENDS] = {
	[LDE_END_NONE]		= "running",
	[LDE_END_DURATION]	= "duration",
	[LDE_END_EXITED]	= "exited",
	[LDE_END_WATCHDOG]	= "watchdog",
	[LDE_END_STOPPED]	= "stopped",
	[LDE_END_UNLOAD]	= "unload",
	[LDE_END_OFFLINE]	= "offline",
};

const char *const sched_modes[SCHED_NR_MODES] = {
	[LDE_MODE_HOST]		= "host",
	[LDE_MODE_KERNEL]	= "kernel",
	[LDE_MODE_GUEST]	= "guest",
};

const char *sched_name(const char *const *names, unsigned int n,
		       unsigned int v)
{
	return v < n && names[v] ? names[v] : "?";
}

int sched_lookup(const char *const *names, unsigned int n, const char *s)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (names[i] && !strcmp(names[i], s))
			return (int)i;
	return -1;
}

const char *sched_end_why(unsigned int end)
{
	switch (end) {
	case LDE_END_NONE:
		return "it is still running";
	case LDE_END_DURATION:
		return "its duration passed";
	case LDE_END_EXITED:
		return "every guest exited";
	case LDE_END_WATCHDOG:
		return "the watchdog caught a guest hogging the CPU";
	case LDE_END_STOPPED:
		return "it was stopped (sched_stop)";
	case LDE_END_UNLOAD:
		return "lde.ko was unloaded";
	case LDE_END_OFFLINE:
		return "the lab CPU went offline (CPU hotplug or suspend)";
	}
	return "of a reason this tool does not know";
}

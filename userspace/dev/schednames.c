// SPDX-License-Identifier: GPL-2.0
/*
 * schednames.c - the mini scheduler's enums as words, both ways.
 *
 * The words are lde.h's own lists (LDE_ENGINES()...), the ones lde.ko's
 * tracepoints print, expanded into arrays indexed by the enums.  A number
 * this tool does not know shows up as "?" instead of as its neighbour.
 *
 * Use: see schednames.h.
 */
#include <string.h>

#include "dev/schednames.h"

const char *const sched_engines[LDE_NR_ENGINES] = {
	LDE_ENGINES(LDE_NAME, LDE_NAME)
};

const char *const sched_policies[LDE_NR_POLICIES] = {
	LDE_POLICIES(LDE_NAME, LDE_NAME)
};

const char *const sched_workloads[LDE_NR_WORKLOADS] = {
	LDE_WORKLOADS(LDE_NAME, LDE_NAME)
};

const char *const sched_reasons[LDE_NR_SWITCH_REASONS] = {
	LDE_SWITCH_REASONS(LDE_NAME, LDE_NAME)
};

const char *const sched_ends[SCHED_NR_ENDS] = {
	LDE_ENDS(LDE_NAME, LDE_NAME)
};

const char *const sched_modes[SCHED_NR_MODES] = {
	LDE_MODES(LDE_NAME, LDE_NAME)
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

// SPDX-License-Identifier: GPL-2.0
/*
 * names.c - the mini scheduler's enums as words, both ways.
 *
 * The words are lde.h's own lists (LDE_ENGINES()...), expanded into
 * arrays indexed by the enums.  A number this tool does not know shows up
 * as "?" instead of as its neighbour's name.
 *
 * Use: see names.h.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "dev/names.h"

/* Sized by names.h's declarations: a list of another length is an error. */
const char *const sched_engines[] = { LDE_ENGINES(LDE_NAME, LDE_NAME) };
const char *const sched_policies[] = { LDE_POLICIES(LDE_NAME, LDE_NAME) };
const char *const sched_workloads[] = { LDE_WORKLOADS(LDE_NAME, LDE_NAME) };
const char *const sched_reasons[] = {
	LDE_SWITCH_REASONS(LDE_NAME, LDE_NAME)
};

const char *const sched_ends[] = { LDE_ENDS(LDE_NAME, LDE_NAME) };
const char *const sched_modes[] = { LDE_MODES(LDE_NAME, LDE_NAME) };

/* Why an experiment ended, as the end of "It ended because ...". */
static const char *const end_why[] = {
	[LDE_END_NONE]		= "it is still running",
	[LDE_END_DURATION]	= "its duration passed",
	[LDE_END_EXITED]	= "every guest exited",
	[LDE_END_WATCHDOG]	= "the watchdog caught a guest hogging the CPU",
	[LDE_END_STOPPED]	= "it was stopped (sched_stop)",
	[LDE_END_UNLOAD]	= "lde.ko was unloaded",
	[LDE_END_OFFLINE]	= "the lab CPU went offline (CPU hotplug or"
				  " suspend)",
};

static_assert(ARRAY_SIZE(end_why) == LDE_NR_ENDS,
	      "a sentence for every end of lde.h's LDE_ENDS()");

const char *name_of(const char *const *names, size_t n, unsigned int v)
{
	return v < n && names[v] ? names[v] : "?";
}

int name_lookup(const char *const *names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (names[i] && !strcmp(names[i], s))
			return (int)i;
	return -1;
}

const char *names_or(char *buf, size_t len, const char *const *names,
		     size_t n)
{
	size_t i, at = 0;
	int k;

	buf[0] = '\0';
	for (i = 0; i < n && at < len; i++) {
		k = snprintf(buf + at, len - at, "%s%s", !i ? "" :
			     i + 1 < n ? ", " : " or ", names[i]);
		if (k < 0)
			break;
		at += (size_t)k;
	}
	return buf;
}

const char *sched_end_why(unsigned int end)
{
	if (end < ARRAY_SIZE(end_why) && end_why[end])
		return end_why[end];
	return "of a reason this tool does not know";
}

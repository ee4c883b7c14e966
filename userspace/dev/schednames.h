/* SPDX-License-Identifier: GPL-2.0 */
/*
 * schednames.h - the words for the mini scheduler's numbers (lde.h):
 * engines, policies, workloads, switch reasons, end reasons, modes.
 *
 * The same word is used on the command line, in the tables and as the
 * JSON value, so that "-e linux" reads back as "engine": "linux".
 *
 * Use:
 *	int w = SCHED_LOOKUP(sched_workloads, "spin");	// LDE_WL_SPIN or -1
 *	puts(SCHED_NAME(sched_reasons, LDE_SW_TIMER));	// "timer"
 */
#ifndef LDE_SCHEDNAMES_H
#define LDE_SCHEDNAMES_H

#include "lde.h"

extern const char *const sched_engines[LDE_NR_ENGINES];
extern const char *const sched_policies[LDE_NR_POLICIES];
extern const char *const sched_workloads[LDE_NR_WORKLOADS];
extern const char *const sched_reasons[LDE_NR_SWITCH_REASONS];
#define SCHED_NR_ENDS	LDE_NR_ENDS
extern const char *const sched_ends[SCHED_NR_ENDS];
#define SCHED_NR_MODES	LDE_NR_MODES
extern const char *const sched_modes[SCHED_NR_MODES];

/* names[v], or "?" for a number this tool does not know. */
const char *sched_name(const char *const *names, unsigned int n,
		       unsigned int v);
/* The index of s in names, or -1. */
int sched_lookup(const char *const *names, unsigned int n, const char *s);

/*
 * tab is one of the arrays above.  The macros use it once, and otherwise
 * only under sizeof, which does not evaluate it.
 */
#define SCHED_COUNT(tab)	((unsigned int)(sizeof(tab) / sizeof((tab)[0])))
#define SCHED_NAME(tab, v)	\
	sched_name(tab, (unsigned int)(sizeof(tab) / sizeof((tab)[0])), v)
#define SCHED_LOOKUP(tab, s)	\
	sched_lookup(tab, (unsigned int)(sizeof(tab) / sizeof((tab)[0])), s)

/* "the duration passed", "a guest hogged the CPU", ...: for sentences. */
const char *sched_end_why(unsigned int end);

#endif /* LDE_SCHEDNAMES_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * names.h - the words for the mini scheduler's numbers: engines,
 * policies, workloads, switch reasons, end reasons, modes.
 *
 * They are lde.h's own lists (LDE_ENGINES()...), the words lde.ko's
 * tracepoints print.  The same word is used on the command line, in the
 * tables and as the JSON value, so that "-e linux" reads back as
 * "engine": "linux".
 *
 * Use:
 *	int w = NAME_LOOKUP(sched_workloads, "spin");	// LDE_WL_SPIN or -1
 *	puts(NAME_OF(sched_reasons, LDE_SW_TIMER));	// "timer"
 *	puts(names_or(buf, sizeof(buf), sched_engines,
 *		      ARRAY_SIZE(sched_engines)));	// "lde or linux"
 */
#ifndef LDE_NAMES_H
#define LDE_NAMES_H

#include <stddef.h>

#include "lde.h"
#include "lib/common.h"

extern const char *const sched_engines[LDE_NR_ENGINES];
extern const char *const sched_policies[LDE_NR_POLICIES];
extern const char *const sched_workloads[LDE_NR_WORKLOADS];
extern const char *const sched_reasons[LDE_NR_SWITCH_REASONS];
extern const char *const sched_ends[LDE_NR_ENDS];
extern const char *const sched_modes[LDE_NR_MODES];

/* names[v], or "?" for a number this tool does not know. */
const char *name_of(const char *const *names, size_t n, unsigned int v);
/* The index of s in names, or -1. */
int name_lookup(const char *const *names, size_t n, const char *s);
/* "a, b or c": the words of names, for a message. */
const char *names_or(char *buf, size_t len, const char *const *names,
		     size_t n);

/* tab is one of the arrays above: its size comes with it. */
#define NAME_OF(tab, v)		name_of(tab, ARRAY_SIZE(tab), v)
#define NAME_LOOKUP(tab, s)	name_lookup(tab, ARRAY_SIZE(tab), s)

/* "its duration passed", "the watchdog caught...": for sentences. */
const char *sched_end_why(unsigned int end);

#endif /* LDE_NAMES_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * tsc.c - how the counter behind tsc.h is described to the reader.  The
 * counter itself, and how its rate is found, are the architecture's
 * (arch/<arch>/counter.c).
 */
#include <stdio.h>

#include "bench/tsc.h"

/* A counter slower than this times a single call in visible steps. */
#define COARSE_NS	4.0

const char *tsc_rate(const struct tsc *t, char *buf, size_t len)
{
	if (t->hz >= 1e9)
		snprintf(buf, len, "%s %.3f GHz", t->name, t->hz / 1e9);
	else
		snprintf(buf, len, "%s %.2f MHz", t->name, t->hz / 1e6);
	return buf;
}

const char *tsc_grain_note(const struct tsc *t, char *buf, size_t len)
{
	if (t->ns_per_cycle < COARSE_NS) {
		*buf = '\0';
		return buf;
	}
	snprintf(buf, len, "Note: the %s ticks every %.1f ns: a call timed on"
		 " its own (Min..Max) is\ncounted in whole ticks; Avg, over"
		 " batches, is finer.\n", t->name, t->ns_per_cycle);
	return buf;
}

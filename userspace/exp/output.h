/* SPDX-License-Identifier: GPL-2.0 */
/*
 * output.h - print what "lde trap" measured: a table, JSON or CSV.
 *
 * Use:
 *	struct report r = { .tsc = &tsc, .cpu = cpu, ... };
 *
 *	output_report(stdout, &r, OUT_TABLE, quiet, histogram);
 */
#ifndef LDE_OUTPUT_H
#define LDE_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "bench/measure.h"
#include "lib/render.h"
#include "bench/tsc.h"

/* lde null may cost at most this much more than ioctl(/dev/null). */
#define GOAL_NULL_VS_IOCTL	1.10

struct report {
	const struct tsc *tsc;
	int cpu;
	size_t loops;			/* samples asked for per subject */
	size_t batch;			/* calls per batch */
	double budget_s;		/* per subject */
	struct overhead ov;
	const struct result *res;
	size_t n;
	int call, getppid, ioctl, null;	/* indices into res; -1: absent */
	const char *clocksource;	/* "" if unknown */
	const char *note;		/* "" or a remark about the figures */
};

void output_report(FILE *f, const struct report *r, enum output_format fmt,
		   bool quiet, bool histogram);

#endif /* LDE_OUTPUT_H */

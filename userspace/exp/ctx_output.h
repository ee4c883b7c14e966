/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctx_output.h - print what "lde ctx" measured: a table, JSON or CSV.
 *
 * Use:
 *	struct ctx_report r = { .tsc = &tsc, .cpu = cpu, .pp = &pp, ... };
 *
 *	ctx_output(stdout, &r, OUT_TABLE, quiet, histogram);
 */
#ifndef LDE_CTX_OUTPUT_H
#define LDE_CTX_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "bench/pingpong.h"
#include "lib/render.h"
#include "bench/tsc.h"

struct ctx_report {
	const struct tsc *tsc;
	int cpu;
	size_t loops;			/* round trips asked for per test */
	size_t batch;			/* round trips per batch */
	double budget_s;		/* per subject */
	const struct pingpong *pp;
};

void ctx_output(FILE *f, const struct ctx_report *r, enum output_format fmt,
		bool quiet, bool histogram);

#endif /* LDE_CTX_OUTPUT_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trapbench.h - the trap benchmark: lde's traps timed next to a function
 * call, getppid, vDSO clock_gettime and ioctl(/dev/null), in one run.
 * "lde trap" prints it; "lde report" writes and plots it.
 *
 * Use: pinned to cpu, with tsc calibrated there (cli_start() does both).
 *	struct trapbench tb;
 *
 *	if (trapbench_run(&tb, "lde trap", fd, cpu, &tsc,
 *			  TRAPBENCH_LOOPS, TRAPBENCH_BATCH) == 0)
 *		output_report(stdout, &tb.rep, OUT_TABLE, false, false);
 *	trapbench_free(&tb);
 */
#ifndef LDE_TRAPBENCH_H
#define LDE_TRAPBENCH_H

#include <stddef.h>

#include "bench/measure.h"
#include "exp/output.h"
#include "bench/subjects.h"
#include "bench/tsc.h"

#define TRAPBENCH_BUDGET_S	1.0	/* per subject: caps the slow echoes */
#define TRAPBENCH_LOOPS		20000	/* ~0.1 s per syscall subject, TCG */
#define TRAPBENCH_BATCH		1000	/* calls per batch for the Avg */

struct trapbench {
	struct subjects ss;
	struct result res[SUBJECTS_MAX];
	struct report rep;	/* for output_report(); points into this */
};

/*
 * Check, then time, the baselines, and lde's traps on /dev/lde if fd >= 0.
 * Returns 0, or -1 after saying why on stderr (prefixed by who).
 */
int trapbench_run(struct trapbench *tb, const char *who, int fd, int cpu,
		  const struct tsc *tsc, size_t loops, size_t batch);
void trapbench_free(struct trapbench *tb);

#endif /* LDE_TRAPBENCH_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trap.h - the trap benchmark: lde's traps timed next to a function call,
 * getppid, vDSO clock_gettime and ioctl(/dev/null), in one run, and how
 * it prints: a table, JSON or CSV.  "lde trap" runs it with its options;
 * "lde report" runs it as the experiment "trap" (trap.json, trap.csv).
 *
 * Use: pinned to cpu, with tsc calibrated there (cli_start() does both).
 *	struct trap_bench tb;
 *
 *	if (trap_bench_run(&tb, "lde trap", fd, cpu, &tsc,
 *			   TRAP_LOOPS, TRAP_BATCH) == 0)
 *		render_print(stdout, &trap_bench_ops, &tb, OUT_TABLE,
 *			     false, false);
 *	trap_bench_free(&tb);
 */
#ifndef LDE_EXP_TRAP_H
#define LDE_EXP_TRAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "bench/measure.h"
#include "bench/subjects.h"
#include "bench/tsc.h"
#include "lib/render.h"

#define TRAP_BUDGET_S	1.0	/* per subject: caps the slow echoes */
#define TRAP_LOOPS	20000	/* ~0.1 s per syscall subject, TCG */
#define TRAP_BATCH	1000	/* calls per batch for the Avg */

struct trap_bench {
	struct tsc tsc;			/* as calibrated on cpu */
	int cpu;
	size_t loops;			/* samples asked for per subject */
	size_t batch;			/* calls per batch */
	struct subjects ss;		/* what was timed, and the indices */
	struct result res[SUBJECTS_MAX];
	struct overhead ov;
};

/*
 * Check, then time, the baselines, and lde's traps on /dev/lde if fd >= 0.
 * Returns 0, or -1 after saying why on stderr (prefixed by who).  Call
 * trap_bench_free() either way.
 */
int trap_bench_run(struct trap_bench *tb, const char *who, int fd, int cpu,
		   const struct tsc *tsc, size_t loops, size_t batch);
void trap_bench_free(struct trap_bench *tb);

/*
 * Its printers, for render_print(): the table (with -q only the ratios,
 * with -h histograms), JSON or CSV.
 */
extern const struct render_ops trap_bench_ops;

#endif /* LDE_EXP_TRAP_H */

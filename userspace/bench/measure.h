/* SPDX-License-Identifier: GPL-2.0 */
/*
 * measure.h - time calls, many times, the same way for every subject.
 *
 * A subject is one call to time: fn(ctx) makes it once and returns 0 when
 * the result is the expected one (anything else is counted as an error).
 *
 * Use:
 *	struct measure_cfg cfg = { .loops = 20000, .batch = 1000,
 *				   .budget_ns = 1e9 };
 *	cpu = cpus_pin(-1);		// lib/cpus.h
 *	tsc_calibrate(&tsc);
 *	measure_run(&cfg, &tsc, subjects, n, results, &overhead);
 */
#ifndef LDE_MEASURE_H
#define LDE_MEASURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "bench/tsc.h"
#include "lib/stats.h"

#define SUBJECT_NAME_LEN	24

struct subject {
	char name[SUBJECT_NAME_LEN];
	int (*fn)(void *ctx);	/* one call; 0 if the result is as expected */
	void *ctx;
	/*
	 * Optional.  Called before and after each stretch of this subject's
	 * calls (its warm-up, its slice of every round).  A subject that
	 * needs a partner thread running wakes it in enter() and parks it
	 * in leave(), so that the partner does not compete for the CPU
	 * while the other subjects are timed.  enter() returns 0, or -1
	 * with errno set, which ends measure_run().
	 */
	int (*enter)(void *ctx);
	void (*leave)(void *ctx);
};

struct measure_cfg {
	size_t loops;		/* individually timed calls per subject, max */
	size_t batch;		/* calls per batch for the mean */
	double budget_ns;	/* rough time limit per subject */
	bool keep;		/* fill result.ns with the samples */
};

/* What the loop and the timer cost by themselves; subtracted below. */
struct overhead {
	double sample_ns;	/* one individually timed call */
	double batch_ns;	/* one call in a batch of cfg->batch */
};

struct result {
	const char *name;	/* the subject's */
	struct stats st;	/* individually timed calls, ns */
	double avg_ns;		/* median of the batch means, ns */
	size_t samples;		/* == st.n */
	bool capped;		/* fewer than cfg->loops, to fit the budget */
	unsigned long calls;	/* all calls made, warm-up included */
	unsigned long errors;	/* calls whose fn() did not return 0 */
	int first_errno;	/* errno after the first of those */
	/* cfg->keep: the samples, ns, sorted; free() it.  Otherwise NULL. */
	double *ns;
};

/*
 * Measure subj[0..n-1] into res[0..n-1] and report the overhead that was
 * subtracted.  Returns 0, or -1 with errno set (ENOMEM, or what a
 * subject's enter() set).  Calls that failed are counted in
 * res[i].errors; the caller decides what that means.
 */
int measure_run(const struct measure_cfg *cfg, const struct tsc *t,
		const struct subject *subj, size_t n,
		struct result *res, struct overhead *ov);

/*
 * What every --json of a timing run opens with: "{", the unit, the clock,
 * the CPU and the overhead subtracted, each a member followed by ",\n".
 */
void measure_json_head(FILE *f, const char *unit, const struct tsc *t,
		       int cpu, const struct overhead *ov);

#endif /* LDE_MEASURE_H */

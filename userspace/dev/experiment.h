/* SPDX-License-Identifier: GPL-2.0 */
/*
 * experiment.h - run one mini-scheduler experiment in lde.ko and bring
 * its results home: sched_start, then sched_result with LDE_SCHED_WAIT.
 * (The module's side of it is module/experiment.c.)
 *
 * Use:
 *	struct sched_exp e = { .cfg = cfg };	// cfg filled and checked
 *	int fd = sched_open("lde sched");	// -1: it said why
 *
 *	ret = sched_exp_run(fd, &e, "lde sched");	// 0 or an exit status
 *	... e.res.summary, e.guests[0..e.nr_guests), e.events[...] ...
 *	sched_exp_free(&e);
 *
 * Ctrl-C (or SIGTERM) while it waits sends sched_stop and still collects
 * the figures, marked e.interrupted; a second Ctrl-C kills the tool, and
 * the experiment then ends by itself when its duration is up.
 */
#ifndef LDE_DEV_EXPERIMENT_H
#define LDE_DEV_EXPERIMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "lde.h"

struct sched_exp {
	struct lde_sched_config cfg;	/* in */
	struct lde_sched_result res;	/* out: res.summary */
	struct lde_sched_guest *guests;	/* out */
	size_t nr_guests;
	struct lde_sched_event *events;	/* out, in time order */
	size_t nr_events;
	bool interrupted;		/* a signal made us send sched_stop */
};

/*
 * Open /dev/lde and check that it speaks our ABI and has the scheduler
 * traps.  Returns the fd, or -1 after printing why (prefixed by who).
 */
int sched_open(const char *who);

/*
 * Start e->cfg, wait for the end and collect.  Returns 0, or after
 * printing what went wrong EXIT_USAGE (lde.ko refused the configuration)
 * or EXIT_FAIL.
 */
int sched_exp_run(int fd, struct sched_exp *e, const char *who);

void sched_exp_free(struct sched_exp *e);

#endif /* LDE_DEV_EXPERIMENT_H */

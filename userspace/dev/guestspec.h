/* SPDX-License-Identifier: GPL-2.0 */
/*
 * guestspec.h - the guests of an experiment, as written after -g:
 *
 *	GROUP[,GROUP...]			up to LDE_SCHED_MAX_GROUPS
 *	GROUP = WORKLOAD[:COUNT[:ITERS[:SLEEP]]]
 *
 *	spin:3,yield:1,regs:1	3 spin guests, 1 yield, 1 regs
 *	yield:2:500		2 guests that yield every 500 iterations
 *	sleep:4::200us		4 guests: default work, then sleep 200 us
 *	exit:8:1000000		8 guests that exit after 10^6 iterations
 *
 * COUNT defaults to 1.  ITERS (yield, sleep, exit only) is the work
 * between two traps; empty means lde.ko's default.  SLEEP (sleep only) is
 * a duration with its unit (duration.h); the default is
 * GUESTSPEC_DEFAULT_SLEEP_NS.
 *
 * Use:
 *	char err[160];
 *
 *	if (guestspec_parse("spin:2,regs:1", &cfg, err, sizeof(err)))
 *		fprintf(stderr, "-g: %s\n", err);
 *	n = guestspec_count(&cfg);	// 3
 */
#ifndef LDE_GUESTSPEC_H
#define LDE_GUESTSPEC_H

#include <stddef.h>

#include "lde.h"

#define GUESTSPEC_DEFAULT_SLEEP_NS	100000ULL	/* 100 us, like I/O */

/* Fill cfg->groups and cfg->nr_groups; -1 with a reason in err. */
int guestspec_parse(const char *spec, struct lde_sched_config *cfg,
		    char *err, size_t len);

/* The number of guests cfg asks for. */
unsigned int guestspec_count(const struct lde_sched_config *cfg);

/*
 * The group guest index i belongs to: lde.ko numbers guests in group
 * order.  -1 if i is beyond the last group.
 */
int guestspec_group_of(const struct lde_sched_config *cfg, unsigned int i);

#endif /* LDE_GUESTSPEC_H */

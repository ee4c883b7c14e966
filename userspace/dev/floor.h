/* SPDX-License-Identifier: GPL-2.0 */
/*
 * floor.h - the floor of a switch, from user space: LDE_IOC_FLOOR on the
 * lab CPU, and its samples as figures.  (module/floor.c is the other
 * side; module/uapi/lde.h, "LDE_TRAP_FLOOR", says what a sample is.)
 *
 * Use:
 *	struct floor_figs fl;
 *
 *	ret = floor_measure(fd, cpu, LDE_FLOOR_DEFAULT_BATCHES,
 *			    LDE_FLOOR_DEFAULT_BATCH, &fl, "lde goals");
 *	if (!ret)
 *		printf("%.1f ns a swap\n", fl.swap.p50);
 */
#ifndef LDE_DEV_FLOOR_H
#define LDE_DEV_FLOOR_H

#include <stddef.h>

#include "lde.h"
#include "lib/stats.h"

struct floor_figs {
	struct lde_floor f;	/* lde.ko's answer: its own distributions */
	struct stats swap;	/* ns per swap, one value per batch: exact */
	struct stats clock;	/* ns per clock read, one per batch */
};

/*
 * n samples of batch swaps each into swap and clock: a sample's swap time
 * is (batch_ns - clock_ns) / batch, as lde.ko's own distribution, but in
 * fractions of a ns.  0, or -1 (ENOMEM).
 */
int floor_stats(const struct lde_floor_sample *s, size_t n,
		unsigned int batch, struct stats *swap, struct stats *clock);

/*
 * LDE_IOC_FLOOR on cpu: batches samples of batch swaps.  0, or after
 * saying why (prefixed by who) EXIT_USAGE (lde.ko refused the numbers)
 * or EXIT_FAIL.
 */
int floor_measure(int fd, unsigned int cpu, unsigned int batches,
		  unsigned int batch, struct floor_figs *fl, const char *who);

#endif /* LDE_DEV_FLOOR_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * timerlat.h - run rtla timerlat (Debian package rtla), Linux's own split
 * of timer latency, on one CPU, and read its two distributions as lde
 * reads its own.
 *
 * The kernel's timerlat tracer arms an hrtimer per CPU and wakes a thread
 * with it: its IRQ latency is the timer's expiry to the timer's handler,
 * its thread latency the expiry to the woken thread running.  Thread
 * minus IRQ is Linux's own path from the handler to a woken thread, the
 * peer of lde's handler to guest.  The tracer is CONFIG_TIMERLAT_TRACER:
 * of Debian's kernels, 6.12-rt has it, 6.1, 6.12 and sid's do not.
 *
 * Use:
 *	struct timerlat_stats tl;
 *
 *	if (!timerlat_available())
 *		... the kernel has no timerlat tracer ...
 *	else if (timerlat_run("lde goals", cpu, 1, &tl, NULL))
 *		... it said why (not installed, failed) ...
 *	printf("%.0f\n", tl.thread.p99 - tl.irq.p99);	// ns
 */
#ifndef LDE_TIMERLAT_H
#define LDE_TIMERLAT_H

#include <stdbool.h>
#include <stdio.h>

#include "lib/stats.h"

#define TIMERLAT_PERIOD_US	1000	/* as cyclictest -i 1000, rr 1 ms */
#define TIMERLAT_BUCKET_NS	1000	/* its histogram: 1 us bins ... */
#define TIMERLAT_ENTRIES	100000	/* ... up to 100 ms, as cyclictest's */

struct timerlat_stats {
	struct stats irq;	/* expiry to the timer's handler, ns */
	struct stats thread;	/* expiry to the woken thread running, ns */
};

/* Does the running kernel have the timerlat tracer (tracefs says)? */
bool timerlat_available(void);

/*
 * rtla timerlat hist -c cpu -p TIMERLAT_PERIOD_US -d seconds -n
 * -b TIMERLAT_BUCKET_NS -E TIMERLAT_ENTRIES --dma-latency 0, its
 * distributions in ns into *tl (stats.h; a percentile that falls among
 * the overflows is NAN).  raw, if not NULL, gets its output.  Returns 0,
 * or -1 after saying why on stderr (prefixed by who).
 */
int timerlat_run(const char *who, unsigned int cpu, unsigned int seconds,
		 struct timerlat_stats *tl, FILE *raw);

/*
 * Read rtla timerlat hist -n's output for one CPU (the columns "Index",
 * "IRQ-nnn", "Thr-nnn", then "over:", "count:", "min:", "avg:", "max:")
 * from in into *tl; raw as above.  0, or -1 with errno ENOMEM, or EINVAL
 * if it holds no histogram.
 */
int timerlat_read(FILE *in, struct timerlat_stats *tl, FILE *raw);

#endif /* LDE_TIMERLAT_H */

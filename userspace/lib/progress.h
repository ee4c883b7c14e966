/* SPDX-License-Identifier: GPL-2.0 */
/*
 * progress.h - one line on stderr per step of a long command, so that
 * whoever waits sees which experiment runs now and how long it has been:
 *
 *	lde report [5/21, 42 s] sched: coop, linux engine, 2 guests, 1 hog
 *
 * One line per step, not a line redrawn with '\r': the VM's serial port
 * and make's log are not terminals.
 *
 * Use:
 *	struct progress p;
 *
 *	progress_init(&p, "lde report", 21);
 *	progress_step(&p, "trap benchmark, %u subjects", n);
 */
#ifndef LDE_PROGRESS_H
#define LDE_PROGRESS_H

#include <time.h>

struct progress {
	const char *who;	/* starts each line */
	unsigned int step;	/* the last step begun */
	unsigned int steps;	/* how many there will be; 0: unknown */
	struct timespec t0;	/* when progress_init() was called */
};

void progress_init(struct progress *p, const char *who, unsigned int steps);

/* The next step begins: print its line, numbered. */
void progress_step(struct progress *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* LDE_PROGRESS_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * progress.c - "lde report [5/21, 42 s] what runs now" on stderr.
 *
 * The time is wall time since progress_init(), from CLOCK_MONOTONIC, so
 * that a slow step shows as a jump between two lines.
 *
 * Use: see progress.h.
 */
#include <stdarg.h>
#include <stdio.h>

#include "lib/progress.h"

void progress_init(struct progress *p, const char *who, unsigned int steps)
{
	p->who = who;
	p->step = 0;
	p->steps = steps;
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
}

void progress_step(struct progress *p, const char *fmt, ...)
{
	struct timespec now;
	va_list ap;
	long s;

	clock_gettime(CLOCK_MONOTONIC, &now);
	s = (long)(now.tv_sec - p->t0.tv_sec);
	p->step++;
	if (p->steps >= p->step)
		fprintf(stderr, "%s [%u/%u, %ld s] ", p->who, p->step,
			p->steps, s);
	else
		fprintf(stderr, "%s [%u, %ld s] ", p->who, p->step, s);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

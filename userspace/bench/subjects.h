/* SPDX-License-Identifier: GPL-2.0 */
/*
 * subjects.h - the calls "lde trap" times, side by side.
 *
 * Use:
 *	struct subjects ss;
 *	char err[256];
 *
 *	subjects_init(&ss);
 *	if (subjects_add_baselines(&ss, err, sizeof(err)) ||
 *	    subjects_add_lde(&ss, lde_fd, err, sizeof(err)))
 *		... err says which subject misbehaved ...
 *	measure_run(..., ss.s, ss.n, ...);
 *	subjects_free(&ss);
 *
 * Every subject is checked once when it is added: a call that does not do
 * what we think it does would make its timing meaningless.
 */
#ifndef LDE_SUBJECTS_H
#define LDE_SUBJECTS_H

#include <stddef.h>

#include "bench/measure.h"

#define SUBJECTS_MAX	16

struct subjects {
	struct subject s[SUBJECTS_MAX];
	size_t n;
	/* Indices of the subjects the ratios are built from; -1: absent. */
	int call, getppid, ioctl, null;
	int devnull_fd;
	char clocksource[32];	/* "" if unknown */
	char clock_note[200];	/* why clock_gettime() may not be vDSO */
};

void subjects_init(struct subjects *ss);
int subjects_add_baselines(struct subjects *ss, char *err, size_t len);
int subjects_add_lde(struct subjects *ss, int fd, char *err, size_t len);
void subjects_free(struct subjects *ss);

#endif /* LDE_SUBJECTS_H */

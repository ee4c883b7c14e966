// SPDX-License-Identifier: GPL-2.0
/*
 * floor.c - the floor of a switch, from user space (floor.h).
 *
 * lde.ko answers with its own log2 distributions, in whole ns per swap;
 * the samples it copies out give the exact percentiles, as the event
 * ring does for a switch's cost.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "dev/floor.h"
#include "lib/common.h"

int floor_stats(const struct lde_floor_sample *s, size_t n,
		unsigned int batch, struct stats *swap, struct stats *clock)
{
	double *ns = calloc(n ? 2 * n : 1, sizeof(*ns));
	size_t i;

	if (!ns)
		return -1;
	for (i = 0; i < n; i++) {
		uint32_t c = s[i].clock_ns < s[i].batch_ns ? s[i].clock_ns :
							     s[i].batch_ns;

		ns[i] = (double)(s[i].batch_ns - c) / batch;
		ns[n + i] = s[i].clock_ns;
	}
	stats_compute(ns, n, swap);
	stats_compute(ns + n, n, clock);
	free(ns);
	return 0;
}

/* Why LDE_IOC_FLOOR failed, in words; the exit status that goes with it. */
static int explain(const char *who, unsigned int cpu, int err)
{
	fprintf(stderr, "%s: floor on CPU %u: %s\n", who, cpu, strerror(err));
	switch (err) {
	case EPERM:
		fputs("The floor needs root (CAP_SYS_ADMIN).\n", stderr);
		return EXIT_FAIL;
	case ENOSYS:
		fputs("This lde.ko has no \"floor\" trap: load one built from"
		      " this tree.\n", stderr);
		return EXIT_FAIL;
	case EINVAL:
		fputs("lde.ko refused the numbers or the CPU (offline?):"
		      " module/uapi/lde.h, LDE_TRAP_FLOOR, says what it"
		      " takes.\n", stderr);
		return EXIT_USAGE;
	default:
		return EXIT_FAIL;
	}
}

int floor_measure(int fd, unsigned int cpu, unsigned int batches,
		  unsigned int batch, struct floor_figs *fl, const char *who)
{
	struct lde_floor_sample *s = calloc(batches ? batches : 1,
					    sizeof(*s));
	int ret = EXIT_FAIL;

	memset(fl, 0, sizeof(*fl));
	if (!s) {
		fprintf(stderr, "%s: floor: out of memory\n", who);
		return EXIT_FAIL;
	}
	fl->f = (struct lde_floor){
		.cpu = cpu, .batches = batches, .batch = batch,
		.samples = (uintptr_t)s,
		.samples_size = batches * sizeof(*s),
	};
	if (ioctl(fd, LDE_IOC_FLOOR, &fl->f)) {
		ret = explain(who, cpu, errno);
	} else if (floor_stats(s, fl->f.nr_samples_out, batch, &fl->swap,
			       &fl->clock)) {
		fprintf(stderr, "%s: floor: out of memory\n", who);
	} else {
		ret = 0;
	}
	free(s);
	return ret;
}

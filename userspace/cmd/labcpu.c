// SPDX-License-Identifier: GPL-2.0
/*
 * labcpu.c - -a, and which CPU is the lab CPU without it.
 *
 * An offline CPU is refused when the command line is read, with a message
 * that says so, instead of lde.ko's bare EINVAL later.  When the online
 * list cannot be read, lde.ko (or sched_setaffinity) judges.
 *
 * Use: see labcpu.h.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cmd/labcpu.h"
#include "lib/cpus.h"
#include "lib/opts.h"

int labcpu_arg(const char *who, const char *arg, int *cpu)
{
	unsigned long v;

	if (opts_num(who, "-a", arg, 0, INT_MAX, &v))
		return -1;
	if (cpus_is_online((unsigned int)v) == 0) {
		fprintf(stderr, "%s: -a %lu: that CPU is offline or does not"
			" exist\n", who, v);
		return -1;
	}
	*cpu = (int)v;
	return 0;
}

int labcpu_pick(const char *who, int cpu)
{
	if (cpu >= 0)
		return cpu;
	cpu = cpus_last_usable();
	if (cpu < 0)
		fprintf(stderr, "%s: no online CPU this process may run on"
			" (%s); name the lab CPU with -a\n", who,
			strerror(errno));
	return cpu;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * cpulist.c - read the kernel's list of online CPUs ("0-3,6,8-9").
 *
 * The mini scheduler takes a lab CPU by number, and lde.ko refuses an
 * offline one.  Asking sysfs first lets the CLI say "CPU 5 is offline"
 * instead of relaying a bare EINVAL.  It is the online list, not this
 * process's affinity mask (measure_pin_cpu() uses that): the guests run
 * in the kernel, where our own affinity does not reach.
 *
 * Use: see cpulist.h.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/cpulist.h"

#define CPULIST_LEN	4096

/* Read CPULIST_ONLINE into buf; 0 or -1 with errno. */
static int read_list(char *buf, size_t len)
{
	FILE *f = fopen(CPULIST_ONLINE, "re");

	if (!f)
		return -1;
	if (!fgets(buf, (int)len, f)) {
		fclose(f);
		errno = EIO;
		return -1;
	}
	fclose(f);
	return 0;
}

/* A decimal number at *s, advancing *s past it. */
static int number(const char **s, unsigned long *v)
{
	char *end;

	if (!isdigit((unsigned char)**s))
		return -1;
	*v = strtoul(*s, &end, 10);
	*s = end;
	return 0;
}

/*
 * Call fn(lo, hi, arg) for each range of the list; a lone CPU is a range
 * with lo == hi.  0, or -1 with errno (EPROTO: a list we cannot read).
 */
static int each_range(void (*fn)(unsigned long lo, unsigned long hi,
				 void *arg), void *arg)
{
	char buf[CPULIST_LEN];
	const char *s = buf;
	unsigned long lo, hi;

	if (read_list(buf, sizeof(buf)))
		return -1;
	while (*s && *s != '\n') {
		if (number(&s, &lo))
			goto bad;
		hi = lo;
		if (*s == '-' && (s++, number(&s, &hi) || hi < lo))
			goto bad;
		fn(lo, hi, arg);
		if (*s == ',')
			s++;
	}
	return 0;
bad:
	errno = EPROTO;
	return -1;
}

static void track_last(unsigned long lo, unsigned long hi, void *arg)
{
	long *last = arg;

	(void)lo;
	if ((long)hi > *last)
		*last = (long)hi;
}

int cpulist_last_online(void)
{
	long last = -1;

	if (each_range(track_last, &last))
		return -1;
	if (last < 0) {
		errno = EPROTO;
		return -1;
	}
	return (int)last;
}

struct find {
	unsigned long cpu;
	int found;
};

static void track_find(unsigned long lo, unsigned long hi, void *arg)
{
	struct find *fd = arg;

	if (fd->cpu >= lo && fd->cpu <= hi)
		fd->found = 1;
}

int cpulist_is_online(unsigned int cpu)
{
	struct find fd = { .cpu = cpu };

	if (each_range(track_find, &fd))
		return -1;
	return fd.found;
}

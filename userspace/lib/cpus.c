// SPDX-License-Identifier: GPL-2.0
/*
 * cpus.c - read the kernel's list of online CPUs ("0-3,6,8-9") and this
 * process's affinity mask, and pin to a CPU.
 *
 * The online list is the kernel's view (sysfs); the affinity mask is this
 * process's (sched_setaffinity, cpusets).  A CPU in both is one the lab
 * can use: lde.ko's guests run on any online CPU, but the commands that
 * time something in user space (lde trap, lde ctx, the ping-pong of lde
 * goals) must run there themselves.
 *
 * Use: see cpus.h.
 */
#include <ctype.h>
#include <errno.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/cpus.h"

#define LIST_LEN	4096
#define MAX_CPUS	(1u << 20)	/* a mask larger than this is a bug */

/* A decimal number at *s, advancing *s past it. */
static int number(const char **s, unsigned long *v)
{
	char *end;

	if (!isdigit((unsigned char)**s))
		return -1;
	errno = 0;
	*v = strtoul(*s, &end, 10);
	if (errno || *v >= MAX_CPUS)
		return -1;
	*s = end;
	return 0;
}

/* One pass over the list: check it (fn NULL), or call fn per range. */
static int ranges(const char *list, void (*fn)(unsigned long lo,
					       unsigned long hi, void *arg),
		  void *arg)
{
	const char *s = list;
	unsigned long lo, hi;

	if (!*s || *s == '\n')
		return -1;
	while (*s && *s != '\n') {
		if (number(&s, &lo))
			return -1;
		hi = lo;
		if (*s == '-' && (s++, number(&s, &hi) || hi < lo))
			return -1;
		if (fn)
			fn(lo, hi, arg);
		if (*s == ',' && s[1] && s[1] != '\n')
			s++;
		else if (*s && *s != '\n')
			return -1;
	}
	return *s && s[1] ? -1 : 0;
}

int cpus_parse(const char *list, void (*fn)(unsigned long lo,
					    unsigned long hi, void *arg),
	       void *arg)
{
	if (ranges(list, NULL, NULL)) {
		errno = EPROTO;
		return -1;
	}
	return ranges(list, fn, arg);
}

static void track_last(unsigned long lo, unsigned long hi, void *arg)
{
	long *last = arg;

	(void)lo;
	if ((long)hi > *last)
		*last = (long)hi;
}

int cpus_last(const char *list)
{
	long last = -1;

	if (cpus_parse(list, track_last, &last))
		return -1;
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

int cpus_has(const char *list, unsigned int cpu)
{
	struct find fd = { .cpu = cpu };

	if (cpus_parse(list, track_find, &fd))
		return -1;
	return fd.found;
}

/* Read CPUS_ONLINE into buf; 0 or -1 with errno. */
static int read_online(char *buf, size_t len)
{
	FILE *f = fopen(CPUS_ONLINE, "re");

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

int cpus_last_online(void)
{
	char buf[LIST_LEN];

	return read_online(buf, sizeof(buf)) ? -1 : cpus_last(buf);
}

int cpus_is_online(unsigned int cpu)
{
	char buf[LIST_LEN];

	return read_online(buf, sizeof(buf)) ? -1 : cpus_has(buf, cpu);
}

/*
 * This process's affinity mask, CPU_ALLOC()ed: the kernel rejects a mask
 * shorter than its own, so grow until it fits.  NULL with errno set.
 */
static cpu_set_t *allowed(size_t *size)
{
	long conf = sysconf(_SC_NPROCESSORS_CONF);
	size_t ncpu = conf > 0 ? (size_t)conf : 1;
	cpu_set_t *set;
	int err;

	for (;;) {
		set = CPU_ALLOC(ncpu);
		if (!set)
			return NULL;
		*size = CPU_ALLOC_SIZE(ncpu);
		if (!sched_getaffinity(0, *size, set))
			return set;
		err = errno;
		CPU_FREE(set);
		if (err != EINVAL || ncpu >= MAX_CPUS) {
			errno = err;
			return NULL;
		}
		ncpu *= 2;
	}
}

int cpus_last_usable(void)
{
	char list[LIST_LEN];
	bool online;
	size_t size;
	cpu_set_t *set = allowed(&size);
	int c;

	if (!set)
		return -1;
	/* Without the online list, the mask alone: it holds no offline CPU. */
	online = !read_online(list, sizeof(list)) && cpus_last(list) >= 0;
	for (c = (int)(size * 8) - 1; c >= 0; c--)
		if (CPU_ISSET_S(c, size, set) &&
		    (!online || cpus_has(list, (unsigned int)c) == 1))
			break;
	CPU_FREE(set);
	if (c < 0)
		errno = ENODEV;
	return c;
}

int cpus_pin(int cpu)
{
	size_t size;
	cpu_set_t *set;
	int ret = -1, err = EINVAL;

	if (cpu < 0)
		cpu = cpus_last_usable();
	if (cpu < 0)
		return -1;
	set = allowed(&size);
	if (!set)
		return -1;
	/* Offline CPUs are never in the affinity mask. */
	if ((size_t)cpu < size * 8 && CPU_ISSET_S(cpu, size, set)) {
		CPU_ZERO_S(size, set);
		CPU_SET_S(cpu, size, set);
		if (!sched_setaffinity(0, size, set))
			ret = cpu;
		else
			err = errno;
	}
	CPU_FREE(set);
	if (ret < 0)
		errno = err;
	return ret;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * guestspec.c - turn "spin:3,yield:1:500,sleep:2::1ms" into the
 * struct lde_sched_group array of lde.h.
 *
 * It checks what lde.ko checks, so that a typing error gets a message
 * that names the faulty group instead of a bare EINVAL: a known
 * workload; 1..LDE_SCHED_MAX_GUESTS guests in 1..LDE_SCHED_MAX_GROUPS
 * groups; ITERS only where a workload traps; SLEEP only for sleep, from
 * 1 us to LDE_SCHED_MAX_SLEEP_NS.
 *
 * Use: see guestspec.h.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev/guestspec.h"
#include "dev/names.h"
#include "lib/duration.h"

#define FIELDS_MAX	4	/* WORKLOAD:COUNT:ITERS:SLEEP */
#define GROUP_LEN	64	/* longer than any sensible group */
#define MIN_SLEEP_NS	1000ULL	/* lde.h: sleep_ns from 1 us */

/* A decimal number in [1, max], no sign or spaces. */
static int parse_count(const char *s, unsigned long long max,
		       unsigned long long *v)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno || *end || *v < 1 || *v > max ? -1 : 0;
}

/* Split group at ':' into field[]; the number of fields, or -1. */
static int split(char *group, char *field[FIELDS_MAX])
{
	int n = 0;
	char *s = group;

	for (;;) {
		if (n == FIELDS_MAX)
			return -1;
		field[n++] = s;
		s = strchr(s, ':');
		if (!s)
			return n;
		*s++ = '\0';
	}
}

static int parse_workload(const char *s, struct lde_sched_group *g,
			  char *err, size_t len)
{
	int w = NAME_LOOKUP(sched_workloads, s);
	char all[80];

	if (w < 0) {
		snprintf(err, len, "unknown workload '%s' (%s)", s,
			 names_or(all, sizeof(all), sched_workloads,
				  ARRAY_SIZE(sched_workloads)));
		return -1;
	}
	g->workload = (__u32)w;
	g->count = 1;
	if (w == LDE_WL_SLEEP)
		g->sleep_ns = GUESTSPEC_DEFAULT_SLEEP_NS;
	return 0;
}

/* ITERS: only for workloads that trap; empty keeps lde.ko's default. */
static int parse_iters(const char *s, struct lde_sched_group *g,
		       char *err, size_t len)
{
	unsigned long long v;

	if (!*s)
		return 0;
	if (g->workload == LDE_WL_SPIN || g->workload == LDE_WL_REGS) {
		snprintf(err, len, "%s never traps, so it takes no ITERS",
			 NAME_OF(sched_workloads, g->workload));
		return -1;
	}
	if (parse_count(s, ~0ULL, &v)) {
		snprintf(err, len, "ITERS wants a number from 1, not '%s'", s);
		return -1;
	}
	g->iters = v;
	return 0;
}

static int parse_sleep(const char *s, struct lde_sched_group *g,
		       char *err, size_t len)
{
	uint64_t ns;

	if (g->workload != LDE_WL_SLEEP) {
		snprintf(err, len, "only sleep guests take a SLEEP time");
		return -1;
	}
	if (duration_parse(s, &ns) || ns < MIN_SLEEP_NS ||
	    ns > LDE_SCHED_MAX_SLEEP_NS) {
		snprintf(err, len, "SLEEP wants a duration from 1us to %llums,"
			 " with its unit, not '%s'",
			 LDE_SCHED_MAX_SLEEP_NS / 1000000, s);
		return -1;
	}
	g->sleep_ns = ns;
	return 0;
}

/* One WORKLOAD[:COUNT[:ITERS[:SLEEP]]]; -1 with a reason in err. */
static int parse_group(char *group, struct lde_sched_group *g,
		       char *err, size_t len)
{
	char *field[FIELDS_MAX];
	unsigned long long count;
	int n = split(group, field);

	if (n < 0) {
		snprintf(err, len, "more than %d fields", FIELDS_MAX);
		return -1;
	}
	if (parse_workload(field[0], g, err, len))
		return -1;
	if (n > 1) {
		if (parse_count(field[1], LDE_SCHED_MAX_GUESTS, &count)) {
			snprintf(err, len, "COUNT wants a number from 1 to %d,"
				 " not '%s'", LDE_SCHED_MAX_GUESTS, field[1]);
			return -1;
		}
		g->count = (__u32)count;
	}
	if (n > 2 && parse_iters(field[2], g, err, len))
		return -1;
	if (n > 3 && parse_sleep(field[3], g, err, len))
		return -1;
	return 0;
}

int guestspec_parse(const char *spec, struct lde_sched_config *cfg,
		    char *err, size_t len)
{
	struct lde_sched_group groups[LDE_SCHED_MAX_GROUPS] = { { 0 } };
	char group[GROUP_LEN], why[120];
	unsigned int n = 0, total = 0;
	const char *s = spec;
	size_t glen;

	for (;;) {
		glen = strcspn(s, ",");
		if (n == LDE_SCHED_MAX_GROUPS) {
			snprintf(err, len, "more than %d groups",
				 LDE_SCHED_MAX_GROUPS);
			return -1;
		}
		if (!glen || glen >= sizeof(group)) {
			snprintf(err, len, "group %u is %s", n + 1,
				 glen ? "too long" : "empty");
			return -1;
		}
		memcpy(group, s, glen);
		group[glen] = '\0';
		if (parse_group(group, &groups[n], why, sizeof(why))) {
			snprintf(err, len, "group %u ('%.*s'): %s", n + 1,
				 (int)glen, s, why);
			return -1;
		}
		total += groups[n++].count;
		if (total > LDE_SCHED_MAX_GUESTS) {
			snprintf(err, len, "more than %d guests in all",
				 LDE_SCHED_MAX_GUESTS);
			return -1;
		}
		s += glen;
		if (!*s++)
			break;
	}
	memcpy(cfg->groups, groups, sizeof(groups));
	cfg->nr_groups = n;
	return 0;
}

unsigned int guestspec_count(const struct lde_sched_config *cfg)
{
	unsigned int g, n = 0;

	for (g = 0; g < cfg->nr_groups && g < LDE_SCHED_MAX_GROUPS; g++)
		n += cfg->groups[g].count;
	return n;
}

int guestspec_group_of(const struct lde_sched_config *cfg, unsigned int i)
{
	unsigned int g;

	for (g = 0; g < cfg->nr_groups && g < LDE_SCHED_MAX_GROUPS; g++) {
		if (i < cfg->groups[g].count)
			return (int)g;
		i -= cfg->groups[g].count;
	}
	return -1;
}

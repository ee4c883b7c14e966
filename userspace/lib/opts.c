// SPDX-License-Identifier: GPL-2.0
/*
 * opts.c - checked numbers and clear messages for getopt_long() users.
 *
 * strtoul() alone accepts " 1", "-1" (as a huge number) and "1x"; an
 * option that silently means something else than what was typed is worse
 * than an error, so these refuse all three.
 *
 * Use: see opts.h.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/opts.h"

int opts_num(const char *who, const char *opt, const char *s,
	     unsigned long min, unsigned long max, unsigned long *out)
{
	unsigned long v;
	char *end;

	if (!isdigit((unsigned char)*s))
		goto bad;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max)
		goto bad;
	*out = v;
	return 0;
bad:
	fprintf(stderr, "%s: %s wants a number from %lu to %lu, not '%s'\n",
		who, opt, min, max, s);
	return -1;
}

static void bad(const char *who, char **argv, int c)
{
	if (c == ':')
		fprintf(stderr, "%s: %s needs a value\n", who,
			argv[optind - 1]);
	else if (optopt > 0 && optopt < 128 && isprint(optopt))
		fprintf(stderr, "%s: unknown option -%c\n", who, optopt);
	else
		fprintf(stderr, "%s: bad option '%s'\n", who,
			argv[optind - 1]);
	fprintf(stderr, "Try '%s --help'.\n", who);
}

int opts_other(const char *who, char **argv, int c,
	       void (*usage)(FILE *f))
{
	if (c == '?' && optopt == '?' && usage) {	/* -? is not in optstring */
		usage(stdout);
		return 1;
	}
	bad(who, argv, c);
	return -1;
}

int opts_no_args(const char *who, int argc, char **argv)
{
	if (optind >= argc)
		return 0;
	fprintf(stderr, "%s: unexpected argument '%s'\n", who, argv[optind]);
	return -1;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * opts.h - what every subcommand's option parsing needs alike: a number
 * in a range, and a message for a bad option.  who is the subcommand as
 * the user typed it ("lde trap"), the prefix of every message.  The
 * timing commands' shared options (cli.c) are parsed with these too.
 *
 * Use:
 *	unsigned long v;
 *
 *	while ((c = getopt_long(argc, argv, ":a:", longopts, NULL)) != -1)
 *		switch (c) {
 *		case 'a':
 *			if (opts_num("lde trap", "-a", optarg, 0, 63, &v))
 *				return -1;	// it said why
 *			...
 *		default:	// '?', ':'
 *			return opts_other("lde trap", argv, c, usage);
 *		}
 *	if (opts_no_args("lde trap", argc, argv))
 *		return -1;
 */
#ifndef LDE_OPTS_H
#define LDE_OPTS_H

#include <stdio.h>

/* A decimal number in [min, max]: no sign, no spaces, nothing after. */
int opts_num(const char *who, const char *opt, const char *s,
	     unsigned long min, unsigned long max, unsigned long *out);

/*
 * After getopt_long() returned '?' or ':' (optstring starts with ':'):
 * for -? print usage (if not NULL) to stdout and return 1, else say what
 * was wrong and return -1.
 */
int opts_other(const char *who, char **argv, int c,
	       void (*usage)(FILE *f));

/* After the options: 0 if nothing follows, else -1 and a message. */
int opts_no_args(const char *who, int argc, char **argv);

#endif /* LDE_OPTS_H */

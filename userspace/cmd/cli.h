/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cli.h - the command line that lde's timing commands share.
 *
 * "lde trap" and "lde ctx" take the same options, with cyclictest's
 * letters where the meaning matches, and answer bad ones the same way:
 *
 *	-a CPU   -l N   --batch=N   -q   -h   --json   --csv   -? --help
 *
 * A command may add a few flags of its own (--baseline-only).  The checks
 * and messages underneath are opts.c's, which every command uses.
 *
 * Use:
 *	static const struct cli_cmd cmd = {
 *		.who = "lde ctx", .about = "Time context switches...\n",
 *		.exits = "Exit status: 0 done, 1 failed, 2 bad usage.\n",
 *		.loops = 10000, .max_loops = 1000000, ...
 *	};
 *	struct cli_opts o;
 *	struct tsc tsc;
 *	int cpu, ret;
 *
 *	ret = cli_start(argc, argv, &cmd, &o, &cpu, &tsc);
 *	if (ret != CLI_GO)
 *		return ret;	// after --help, or a message
 */
#ifndef LDE_CLI_H
#define LDE_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "bench/tsc.h"
#include "lib/render.h"

#define CLI_FLAGS_MAX	4

/* A command's own --name flag, without a value. */
struct cli_flag {
	const char *name;	/* "baseline-only" */
	const char *help;	/* one line, for --help */
};

struct cli_cmd {
	const char *who;		/* "lde trap": starts each message */
	const char *about;		/* --help: what it does, ... */
	const char *exits;		/* ... and its exit statuses */
	size_t loops, max_loops;	/* -l: default and limit */
	size_t batch, max_batch;	/* --batch: default and limit */
	double budget_s;		/* for --help: the time cap per item */
	const char *item;		/* for --help: "subject" ... */
	const char *unit;		/* ... "call": what -l counts */
	const char *quiet_help;		/* for --help: what -q leaves */
	const struct cli_flag *flags;	/* up to CLI_FLAGS_MAX, or NULL */
	size_t nflags;
};

struct cli_opts {
	int cpu;			/* -a; -1: the default lab CPU */
	size_t loops;			/* -l */
	size_t batch;			/* --batch */
	bool quiet;			/* -q */
	bool histogram;			/* -h */
	enum output_format fmt;		/* --json, --csv */
	bool flag[CLI_FLAGS_MAX];	/* cmd->flags[i] was given */
};

enum {
	CLI_BAD = -1,		/* a bad command line, already explained */
	CLI_OK = 0,
	CLI_HELP = 1,		/* -? or --help: print the usage */
};

/*
 * Parse argv (argv[0] is the command's name).  Returns a CLI_ value; for
 * CLI_HELP it has printed the usage.
 */
int cli_parse(int argc, char **argv, const struct cli_cmd *cmd,
	      struct cli_opts *o);

/* --help: about, the options with cmd's defaults and flags, the exits. */
void cli_usage(FILE *f, const struct cli_cmd *cmd);

/*
 * Pin to the lab CPU: cpu (-a), or the default one (labcpu.h), with a
 * message on failure that starts with who.  Returns the CPU, or
 * -EXIT_USAGE (cpu offline or not allowed) or -EXIT_FAIL.
 */
int cli_pin(const char *who, int cpu);

#define CLI_GO	(-1)	/* not an exit status: go on */

/*
 * What a timing command does first: parse argv (printing the usage for
 * --help), pin to the CPU asked for, and calibrate the TSC there.
 * Returns CLI_GO with *o, *cpu and *tsc set, or the exit status.
 */
int cli_start(int argc, char **argv, const struct cli_cmd *cmd,
	      struct cli_opts *o, int *cpu, struct tsc *tsc);

#endif /* LDE_CLI_H */

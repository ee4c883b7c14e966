// SPDX-License-Identifier: GPL-2.0
/*
 * cli.c - parse the options lde's timing commands share, and pin.
 *
 * Numbers are checked strictly (opts_num(): no sign, no spaces, nothing
 * after, within limits), because a typo such as "-l 1O000" that strtoul()
 * would read as 1 gives a run that looks fine and means nothing.  Every
 * message starts with the command ("lde trap: "), and a bad command line
 * exits 2.
 *
 * Use: see cli.h.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/labcpu.h"
#include "lib/common.h"
#include "lib/cpus.h"
#include "lib/opts.h"

/* getopt_long() values of the long options that have no letter. */
enum {
	OPT_BATCH = 256,
	OPT_JSON,
	OPT_CSV,
	OPT_HELP,
	OPT_FLAG0,		/* cmd->flags[i] is OPT_FLAG0 + i */
};

#define COMMON_OPTS	8	/* the entries before the flags, below */

static int set_format(const char *who, struct cli_opts *o,
		      enum output_format fmt)
{
	if (o->fmt != OUT_TABLE && o->fmt != fmt) {
		fprintf(stderr, "%s: choose one of --json and --csv\n", who);
		return -1;
	}
	o->fmt = fmt;
	return 0;
}

/* The common long options, then cmd's flags, then the end marker. */
static void long_options(const struct cli_cmd *cmd, struct option *lo)
{
	static const struct option common[COMMON_OPTS] = {
		{ "affinity",  required_argument, NULL, 'a' },
		{ "loops",     required_argument, NULL, 'l' },
		{ "batch",     required_argument, NULL, OPT_BATCH },
		{ "quiet",     no_argument,       NULL, 'q' },
		{ "histogram", no_argument,       NULL, 'h' },
		{ "json",      no_argument,       NULL, OPT_JSON },
		{ "csv",       no_argument,       NULL, OPT_CSV },
		{ "help",      no_argument,       NULL, OPT_HELP },
	};
	size_t i;

	memcpy(lo, common, sizeof(common));
	for (i = 0; i < cmd->nflags; i++)
		lo[COMMON_OPTS + i] = (struct option){
			cmd->flags[i].name, no_argument, NULL,
			OPT_FLAG0 + (int)i,
		};
	lo[COMMON_OPTS + cmd->nflags] = (struct option){ NULL, 0, NULL, 0 };
}

/* One option c; returns a CLI_ value, after printing the usage for help. */
static int take(const struct cli_cmd *cmd, char **argv, int c,
		struct cli_opts *o)
{
	unsigned long v;

	switch (c) {
	case 'a':
		return labcpu_arg(cmd->who, optarg, &o->cpu) ? CLI_BAD : CLI_OK;
	case 'l':
		if (opts_num(cmd->who, "-l", optarg, 1, cmd->max_loops, &v))
			return CLI_BAD;
		o->loops = v;
		return CLI_OK;
	case OPT_BATCH:
		if (opts_num(cmd->who, "--batch", optarg, 1, cmd->max_batch,
			     &v))
			return CLI_BAD;
		o->batch = v;
		return CLI_OK;
	case 'q':
		o->quiet = true;
		return CLI_OK;
	case 'h':
		o->histogram = true;
		return CLI_OK;
	case OPT_JSON:
	case OPT_CSV:
		return set_format(cmd->who, o, c == OPT_JSON ? OUT_JSON :
				  OUT_CSV) ? CLI_BAD : CLI_OK;
	case OPT_HELP:
		cli_usage(stdout, cmd);
		return CLI_HELP;
	}
	if (c >= OPT_FLAG0 && c < OPT_FLAG0 + (int)cmd->nflags) {
		o->flag[c - OPT_FLAG0] = true;
		return CLI_OK;
	}
	if (c == '?' && optopt == '?') {	/* -? is not in optstring */
		cli_usage(stdout, cmd);
		return CLI_HELP;
	}
	/* Any other '?' or ':': a message. */
	return opts_other(cmd->who, argv, c, NULL) > 0 ? CLI_HELP : CLI_BAD;
}

int cli_parse(int argc, char **argv, const struct cli_cmd *cmd,
	      struct cli_opts *o)
{
	struct option lo[COMMON_OPTS + CLI_FLAGS_MAX + 1];
	int c, ret;

	if (cmd->nflags > CLI_FLAGS_MAX)	/* a bug in the command */
		abort();
	long_options(cmd, lo);
	*o = (struct cli_opts){
		.cpu = -1,
		.loops = cmd->loops,
		.batch = cmd->batch,
		.fmt = OUT_TABLE,
	};
	opterr = 0;		/* we print our own messages */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:l:qh", lo, NULL)) != -1) {
		ret = take(cmd, argv, c, o);
		if (ret != CLI_OK)
			return ret;
	}
	return opts_no_args(cmd->who, argc, argv) ? CLI_BAD : CLI_OK;
}

void cli_usage(FILE *f, const struct cli_cmd *cmd)
{
	size_t i;

	fprintf(f, "usage: %s [options]\n\n%s\n", cmd->who, cmd->about);
	fprintf(f,
		"  -a, --affinity=CPU   run on CPU (default: the last CPU we may use)\n"
		"  -l, --loops=N        individually timed %ss per %s (default %zu);\n"
		"                       slow %ss take fewer, about %.0f s at most each\n"
		"      --batch=N        %ss per batch for the Avg column (default %zu)\n"
		"  -q, --quiet          %s\n"
		"  -h, --histogram      print a log2 histogram per %s\n"
		"      --json           print one JSON object instead of the table\n"
		"      --csv            print CSV: a header and one row per %s\n",
		cmd->unit, cmd->item, cmd->loops, cmd->item, cmd->budget_s,
		cmd->unit, cmd->batch, cmd->quiet_help, cmd->item, cmd->item);
	for (i = 0; i < cmd->nflags; i++)
		fprintf(f, "      --%-13s  %s\n", cmd->flags[i].name,
			cmd->flags[i].help);
	fputs("  -?, --help           show this help\n", f);
	fprintf(f, "\n%s", cmd->exits);
}

int cli_pin(const char *who, int cpu)
{
	int got = labcpu_pick(who, cpu);

	if (got < 0)
		return -EXIT_FAIL;
	got = cpus_pin(got);
	if (got >= 0)
		return got;
	if (errno == EINVAL && cpu >= 0) {
		fprintf(stderr, "%s: -a %d: that CPU is offline or not"
			" allowed for this process\n", who, cpu);
		return -EXIT_USAGE;
	}
	fprintf(stderr, "%s: sched_setaffinity: %s\n", who,
		strerror(errno));
	return -EXIT_FAIL;
}

int cli_start(int argc, char **argv, const struct cli_cmd *cmd,
	      struct cli_opts *o, int *cpu, struct tsc *tsc)
{
	switch (cli_parse(argc, argv, cmd, o)) {
	case CLI_HELP:
		return 0;
	case CLI_BAD:
		return EXIT_USAGE;
	}
	*cpu = cli_pin(cmd->who, o->cpu);
	if (*cpu < 0)
		return -*cpu;
	/* After pinning: the rate is measured on the CPU we time on. */
	if (tsc_calibrate(tsc)) {
		fprintf(stderr, "%s: calibrating the clock: %s\n", cmd->who,
			strerror(errno));
		return EXIT_FAIL;
	}
	return CLI_GO;
}

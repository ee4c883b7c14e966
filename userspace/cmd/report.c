// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - "lde report": the whole lab in one go, in one run.
 *
 * It runs every experiment of the registry (exp/list.h), in its order,
 * on one lab CPU, with one progress line on stderr per step:
 *   1. the trap benchmark with its baselines (what lde trap prints);
 *   2. the mini scheduler's goal experiments (lde goals): both engines'
 *      switch cost, its growth from 2 to 1024 guests on both engines
 *      (scaling), direct execution, the ping-pong baselines of lde ctx,
 *      and cyclictest as the peer for timer latency; then where a cold
 *      guest's cost goes (footprint);
 *   3. the hog experiments: coop and rr, both engines, 2 and 1024 guests,
 *      guest 0 a hog;
 *   4. lde demo privileged;
 *   5. a short traced run, and the timeline picture of it;
 * then JSON and CSV of every figure, gnuplot's PNGs, summary.md
 * (report/).  An experiment that fails is written down in summary.md,
 * and the next one runs.  Everything goes into one new directory,
 * results/<timestamp>/.
 *
 *	$ sudo insmod module/lde.ko
 *	$ sudo lde report			under a minute in a TCG VM
 *	$ sudo lde report -a 1 -o /tmp/lab
 *
 * stdout gets summary.md's goal table and where the results are.  Exit
 * status 0 if every step ran (a goal not met is a finding, not a failure),
 * 1 if one failed, 2 bad usage.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/labcpu.h"
#include "dev/experiment.h"
#include "lib/opts.h"
#include "report/report.h"

#define WHO		"lde report"
#define DEFAULT_OUT	"results"
#define DIR_TRIES	9	/* <stamp>-2 ...: runs in the same second */

enum {
	OPT_SCRIPTS = 256,
	OPT_HELP,
};

struct report_opts {
	int cpu;		/* -a, or -1 */
	const char *out;	/* -o */
	const char *scripts;	/* --scripts, or NULL */
};

static void usage(FILE *f)
{
	fputs("usage: lde report [-a CPU] [-o DIR] [--scripts=DIR]\n"
	      "\n"
	      "Run the whole lab in one go: the trap benchmark and its baselines,\n"
	      "the ping-pong baselines, cyclictest, the mini scheduler's goals, coop\n"
	      "and rr with a hog on both engines with 2 and 1024 guests, the privileged\n"
	      "demo and a short traced run for the timeline picture.  Writes JSON and\n"
	      "CSV of every figure, gnuplot PNGs and summary.md into DIR/<timestamp>/.\n"
	      "Needs lde.ko, root, cyclictest, perf and gnuplot (rtla for timerlat).\n"
	      "One to two minutes in a TCG VM.\n"
	      "\n"
	      "  -a, --affinity=CPU   the lab CPU (default: the last online)\n"
	      "  -o, --output=DIR     where the run's directory goes (default results)\n"
	      "      --scripts=DIR    plots/*.gp and lde-timeline (default: the scripts/\n"
	      "                       next to the directory of this lde)\n"
	      "  -?, --help           show this help\n"
	      "\n"
	      "Exit status: 0 every step ran (goals met or not), 1 a step failed,\n"
	      "2 bad usage.\n", f);
}

/* Returns 0 to go on, 1 after --help, -1 after a bad option. */
static int parse_opts(int argc, char **argv, struct report_opts *o)
{
	static const struct option longopts[] = {
		{ "affinity", required_argument, NULL, 'a' },
		{ "output",   required_argument, NULL, 'o' },
		{ "scripts",  required_argument, NULL, OPT_SCRIPTS },
		{ "help",     no_argument,       NULL, OPT_HELP },
		{ NULL,       0,                 NULL, 0 },
	};
	int c;

	*o = (struct report_opts){ .cpu = -1, .out = DEFAULT_OUT };
	opterr = 0;		/* opts_other() says what was wrong */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (labcpu_arg(WHO, optarg, &o->cpu))
				return -1;
			break;
		case 'o':
			o->out = optarg;
			break;
		case OPT_SCRIPTS:
			o->scripts = optarg;
			break;
		case OPT_HELP:
			usage(stdout);
			return 1;
		default:	/* '?', ':' */
			return opts_other(WHO, argv, c, usage);
		}
	}
	return opts_no_args(WHO, argc, argv);
}

/*
 * Where this program is (lde sched and lde demo run as children) and
 * where the scripts are: by default ../scripts from its own directory,
 * which is userspace/ in a checkout.
 */
static int find_paths(struct report *r, const char *scripts)
{
	ssize_t n = readlink("/proc/self/exe", r->self, sizeof(r->self) - 1);
	char guess[PATH_MAX];
	const char *slash;

	if (n < 0) {
		perror(WHO ": /proc/self/exe");
		return -1;
	}
	r->self[n] = '\0';
	if (scripts) {
		snprintf(r->scripts, sizeof(r->scripts), "%s", scripts);
		return 0;
	}
	slash = strrchr(r->self, '/');
	n = slash ? slash - r->self : 0;
	if (n + sizeof("/../scripts") > sizeof(guess)) {
		fprintf(stderr, WHO ": %s: path too long\n", r->self);
		return -1;
	}
	memcpy(guess, r->self, (size_t)n);
	strcpy(guess + n, "/../scripts");
	if (!realpath(guess, r->scripts))
		memcpy(r->scripts, guess, sizeof(guess));
	return 0;
}

/* out/<UTC date-time>, new: a second run never writes into the first. */
static int make_dir(struct report *r, const char *out)
{
	time_t now = time(NULL);
	char name[32];
	struct tm tm;
	int i, n;

	gmtime_r(&now, &tm);
	strftime(r->stamp, sizeof(r->stamp), "%Y-%m-%d %H:%M:%S UTC", &tm);
	strftime(name, sizeof(name), "%Y-%m-%d-%H%M%S", &tm);
	if (mkdir(out, 0755) && errno != EEXIST) {
		fprintf(stderr, WHO ": mkdir %s: %s\n", out, strerror(errno));
		return -1;
	}
	for (i = 1; i <= DIR_TRIES; i++) {
		n = snprintf(r->dir, sizeof(r->dir), "%s/%s", out, name);
		if (i > 1)
			snprintf(r->dir + n, sizeof(r->dir) - n, "-%d", i);
		if (!mkdir(r->dir, 0755))
			return 0;
		if (errno != EEXIST)
			break;
	}
	fprintf(stderr, WHO ": mkdir %s: %s\n", r->dir, strerror(errno));
	return -1;
}

/* Every experiment, then the files and the summary even after failures. */
static int run_all(struct report *r)
{
	struct session *s = &r->s;
	const char *name;
	struct exp_out o;
	size_t i;
	int failed = 0;

	s->dir = r->dir;
	s->self = r->self;
	s->scripts = r->scripts;
	fprintf(stderr, WHO ": lab CPU %u, results in %s/\n", s->cpu, r->dir);
	session_run(s, NULL, REPORT_STEPS);
	progress_step(&s->prog, "JSON and CSV of every figure");
	report_files(r);
	progress_step(&s->prog, "plots: gnuplot");
	report_plots(r);
	report_index(r);
	report_summary(r);
	for (i = 0; report_step(r, i, &name, &o); i++)
		failed |= o.state == EXP_FAILED;
	return failed ? EXIT_FAIL : 0;
}

int cmd_report(int argc, char **argv)
{
	struct report_opts o;
	struct report *r;
	int cpu, fd = -1, ret = EXIT_FAIL;

	switch (parse_opts(argc, argv, &o)) {
	case 1:
		return 0;
	case -1:
		return EXIT_USAGE;
	}
	r = calloc(1, sizeof(*r));	/* large: paths */
	if (!r) {
		perror(WHO);
		return EXIT_FAIL;
	}
	cpu = labcpu_pick(WHO, o.cpu);
	if (cpu < 0 || find_paths(r, o.scripts))
		goto out;
	fd = sched_open(WHO);
	if (fd < 0 || make_dir(r, o.out) ||
	    session_init(&r->s, WHO, (unsigned int)cpu, fd))
		goto out;
	ret = run_all(r);
	session_free(&r->s);
out:
	if (fd >= 0)
		close(fd);
	free(r);
	return ret;
}

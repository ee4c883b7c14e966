// SPDX-License-Identifier: GPL-2.0
/*
 * trap.c - "lde trap": what does it cost to enter the kernel?
 *
 * In one run, pinned to one CPU, it times a plain function call, the
 * cheapest system call, a vDSO call, the cheapest ioctl and each trap of
 * /dev/lde, and prints them side by side with the ratios that matter.
 * Options use cyclictest's letters where they mean the same (-a -l -q -h).
 *
 *	lde trap			the table, with an explanation
 *	lde trap -h			... and a log2 histogram per subject
 *	lde trap -q			only the ratio lines
 *	lde trap --json | python3 -m json.tool
 *	lde trap --baseline-only	no /dev/lde needed
 *
 * Without /dev/lde it still measures and prints the baselines, then says
 * why /dev/lde is missing and exits 1.  --baseline-only does not try to
 * open it and exits 0.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "ldedev.h"
#include "measure.h"
#include "opts.h"
#include "output.h"
#include "subjects.h"
#include "tsc.h"

#define WHO		"lde trap"	/* the prefix of our messages */
#define DEFAULT_LOOPS	20000	/* ~0.1 s per syscall subject in a TCG VM */
#define MAX_LOOPS	10000000
#define DEFAULT_BATCH	1000
#define MAX_BATCH	1000000
#define BUDGET_S	1.0	/* per subject: caps the slow echo sizes */

struct trap_opts {
	int cpu;		/* -1: the last CPU we may use */
	size_t loops;
	size_t batch;
	bool quiet;
	bool histogram;
	bool baseline_only;
	enum output_format fmt;
};

enum {
	OPT_BATCH = 256,
	OPT_JSON,
	OPT_CSV,
	OPT_BASELINE,
	OPT_HELP,
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: lde trap [options]\n"
		"\n"
		"Time one call of each subject, many times, pinned to one CPU: a function\n"
		"call, getppid, vDSO clock_gettime, ioctl(/dev/null) and each trap of\n"
		"/dev/lde.  Figures are ns per call with the loop+timer overhead subtracted.\n"
		"\n"
		"  -a, --affinity=CPU   run on CPU (default: the last CPU we may use)\n"
		"  -l, --loops=N        individually timed calls per subject (default %d);\n"
		"                       slow subjects take fewer, about %.0f s at most each\n"
		"      --batch=N        calls per batch for the Avg column (default %d)\n"
		"  -q, --quiet          print only the ratio lines\n"
		"  -h, --histogram      print a log2 histogram per subject\n"
		"      --json           print one JSON object instead of the table\n"
		"      --csv            print CSV: a header and one row per subject\n"
		"      --baseline-only  measure the baselines only; do not open /dev/lde\n"
		"  -?, --help           show this help\n"
		"\n"
		"Exit status: 0 done, 1 failed (or /dev/lde missing), 2 bad usage.\n",
		DEFAULT_LOOPS, BUDGET_S, DEFAULT_BATCH);
}

static int set_format(struct trap_opts *o, enum output_format fmt)
{
	if (o->fmt != OUT_TABLE && o->fmt != fmt) {
		fprintf(stderr, "lde trap: choose one of --json and --csv\n");
		return -1;
	}
	o->fmt = fmt;
	return 0;
}

/* Returns 0 to go on, 1 after --help, -1 after a bad option. */
static int parse_opts(int argc, char **argv, struct trap_opts *o)
{
	static const struct option longopts[] = {
		{ "affinity",      required_argument, NULL, 'a' },
		{ "loops",         required_argument, NULL, 'l' },
		{ "batch",         required_argument, NULL, OPT_BATCH },
		{ "quiet",         no_argument,       NULL, 'q' },
		{ "histogram",     no_argument,       NULL, 'h' },
		{ "json",          no_argument,       NULL, OPT_JSON },
		{ "csv",           no_argument,       NULL, OPT_CSV },
		{ "baseline-only", no_argument,       NULL, OPT_BASELINE },
		{ "help",          no_argument,       NULL, OPT_HELP },
		{ NULL,            0,                 NULL, 0 },
	};
	unsigned long v;
	int c;

	*o = (struct trap_opts){
		.cpu = -1,
		.loops = DEFAULT_LOOPS,
		.batch = DEFAULT_BATCH,
		.fmt = OUT_TABLE,
	};
	opterr = 0;		/* we print our own messages */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:l:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (opts_num(WHO, "-a", optarg, 0, INT_MAX, &v))
				return -1;
			o->cpu = (int)v;
			break;
		case 'l':
			if (opts_num(WHO, "-l", optarg, 1, MAX_LOOPS, &v))
				return -1;
			o->loops = v;
			break;
		case OPT_BATCH:
			if (opts_num(WHO, "--batch", optarg, 1, MAX_BATCH, &v))
				return -1;
			o->batch = v;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'h':
			o->histogram = true;
			break;
		case OPT_JSON:
		case OPT_CSV:
			if (set_format(o, c == OPT_JSON ? OUT_JSON : OUT_CSV))
				return -1;
			break;
		case OPT_BASELINE:
			o->baseline_only = true;
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

/* Calls that failed while timing make the figures suspect: say so. */
static bool report_errors(const struct result *res, size_t n)
{
	bool any = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!res[i].errors)
			continue;
		fprintf(stderr, "lde trap: %s: %lu of %lu calls failed while"
			" timing (first: %s)\n", res[i].name, res[i].errors,
			res[i].calls, strerror(res[i].first_errno));
		any = true;
	}
	return any;
}

static int pin(const struct trap_opts *o)
{
	int cpu = measure_pin_cpu(o->cpu);

	if (cpu >= 0)
		return cpu;
	if (errno == EINVAL && o->cpu >= 0) {
		fprintf(stderr, "lde trap: -a %d: that CPU is offline or not"
			" allowed for this process\n", o->cpu);
		return -EXIT_USAGE;
	}
	perror("lde trap: sched_setaffinity");
	return -EXIT_FAIL;
}

int cmd_trap(int argc, char **argv)
{
	struct result res[SUBJECTS_MAX];
	struct measure_cfg cfg;
	struct trap_opts o;
	struct subjects ss;
	struct report rep;
	struct tsc tsc;
	int cpu, fd = -1, open_err = 0, ret = EXIT_FAIL;
	char err[400];

	switch (parse_opts(argc, argv, &o)) {
	case 1:
		return 0;
	case -1:
		return EXIT_USAGE;
	}
	cpu = pin(&o);
	if (cpu < 0)
		return -cpu;
	/* After pinning: the rate is measured on the CPU we time on. */
	if (tsc_calibrate(&tsc)) {
		perror("lde trap: calibrating the TSC");
		return EXIT_FAIL;
	}

	subjects_init(&ss);
	if (subjects_add_baselines(&ss, err, sizeof(err)))
		goto check_failed;
	if (!o.baseline_only) {
		fd = lde_open();
		if (fd < 0)
			open_err = errno;	/* reported after the baselines */
		else if (subjects_add_lde(&ss, fd, err, sizeof(err)))
			goto check_failed;
	}

	cfg = (struct measure_cfg){
		.loops = o.loops,
		.batch = o.batch,
		.budget_ns = BUDGET_S * 1e9,
	};
	rep = (struct report){
		.tsc = &tsc, .cpu = cpu, .loops = o.loops, .batch = o.batch,
		.budget_s = BUDGET_S, .res = res, .n = ss.n,
		.call = ss.call, .getppid = ss.getppid,
		.ioctl = ss.ioctl, .null = ss.null,
		.clocksource = ss.clocksource, .note = ss.clock_note,
	};
	if (measure_run(&cfg, &tsc, ss.s, ss.n, res, &rep.ov)) {
		perror("lde trap: measuring");
		goto out;
	}
	if (report_errors(res, ss.n))
		goto out;
	output_report(stdout, &rep, o.fmt, o.quiet, o.histogram);
	if (open_err) {
		fflush(stdout);		/* the reason goes below the table */
		lde_perror(open_err);
		goto out;
	}
	ret = 0;
	goto out;

check_failed:
	fprintf(stderr, "lde trap: check before timing failed: %s\n", err);
out:
	subjects_free(&ss);
	if (fd >= 0)
		close(fd);
	return ret;
}

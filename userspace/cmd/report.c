// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - "lde report": the whole lab in one go, in one run.
 *
 * In this order, on one lab CPU, with one progress line on stderr per
 * experiment:
 *   1. the trap benchmark with its baselines (what lde trap prints);
 *   2. the mini scheduler's goals (lde goals): both engines' switch cost,
 *      1024 guests against 2, direct execution, the ping-pong baselines of
 *      lde ctx, and cyclictest as the peer for timer latency;
 *   3. the hog experiments: coop and rr, both engines, 2 and 1024 guests,
 *      guest 0 a hog (report_hog.c);
 *   4. lde demo privileged;
 *   5. a short traced run for the timeline picture (report_trace.c);
 *   6. JSON and CSV of every figure, gnuplot's PNGs, summary.md.
 * A step that fails is written down in summary.md, and the next one runs.
 * Everything goes into one new directory, results/<timestamp>/.
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
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmds.h"
#include "lib/cpulist.h"
#include "bench/measure.h"
#include "lib/opts.h"
#include "exp/output.h"
#include "report/report.h"
#include "lib/spawn.h"

#define WHO		REPORT_WHO
#define DEFAULT_OUT	"results"
#define DIR_TRIES	9	/* <stamp>-2 ...: runs in the same second */

/* Steps as the progress line counts them. */
#define REPORT_STEPS	(1 + GOALS_STEPS + HOG_STEPS + 1 + TRACE_STEPS + 2)

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
	      "Needs lde.ko, root, cyclictest, perf and gnuplot.  Under a minute in a\n"
	      "TCG VM.\n"
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
	unsigned long v;
	int c;

	*o = (struct report_opts){ .cpu = -1, .out = DEFAULT_OUT };
	opterr = 0;		/* opts_other() says what was wrong */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (opts_num(WHO, "-a", optarg, 0, INT_MAX, &v))
				return -1;
			if (cpulist_is_online((unsigned int)v) == 0) {
				fprintf(stderr, WHO ": -a %lu: that CPU is"
					" offline or does not exist\n", v);
				return -1;
			}
			o->cpu = (int)v;
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

const char *const lab_step_names[NR_STEPS] = {
	[STEP_TRAP] = "trap", [STEP_GOALS] = "goals", [STEP_HOGS] = "hogs",
	[STEP_DEMO] = "demo", [STEP_TRACE] = "trace",
	[STEP_TIMELINE] = "timeline", [STEP_FILES] = "files",
	[STEP_PLOTS] = "plots",
};

const char *const lab_state_names[STEP_SKIPPED + 1] = {
	[STEP_NOT_RUN] = "not run", [STEP_OK] = "ok",
	[STEP_FAILED] = "failed", [STEP_SKIPPED] = "skipped",
};

void lab_step_set(struct lab *l, enum lab_step s, enum step_state state,
		  const char *fmt, ...)
{
	va_list ap;

	l->step[s].state = state;
	l->step[s].note[0] = '\0';
	if (!fmt)
		return;
	va_start(ap, fmt);
	vsnprintf(l->step[s].note, sizeof(l->step[s].note), fmt, ap);
	va_end(ap);
}

/* The lab CPU: -a, or the last online one. */
static int pick_cpu(struct lab *l, int cpu)
{
	if (cpu < 0)
		cpu = cpulist_last_online();
	if (cpu < 0) {
		fprintf(stderr, WHO ": %s: %s; name the lab CPU with -a\n",
			CPULIST_ONLINE, strerror(errno));
		return -1;
	}
	l->cpu = (unsigned int)cpu;
	return 0;
}

/*
 * Where this program is (lde sched and lde demo run as children) and
 * where the scripts are: by default ../scripts from its own directory,
 * which is userspace/ in a checkout.
 */
static int find_paths(struct lab *l, const char *scripts)
{
	ssize_t n = readlink("/proc/self/exe", l->self, sizeof(l->self) - 1);
	char guess[PATH_MAX];
	const char *slash;

	if (n < 0) {
		perror(WHO ": /proc/self/exe");
		return -1;
	}
	l->self[n] = '\0';
	if (scripts) {
		snprintf(l->scripts, sizeof(l->scripts), "%s", scripts);
		return 0;
	}
	slash = strrchr(l->self, '/');
	n = slash ? slash - l->self : 0;
	if (n + sizeof("/../scripts") > sizeof(guess)) {
		fprintf(stderr, WHO ": %s: path too long\n", l->self);
		return -1;
	}
	memcpy(guess, l->self, (size_t)n);
	strcpy(guess + n, "/../scripts");
	if (!realpath(guess, l->scripts))
		memcpy(l->scripts, guess, sizeof(guess));
	return 0;
}

/* out/<UTC date-time>, new: a second run never writes into the first. */
static int make_dir(struct lab *l, const char *out)
{
	time_t now = time(NULL);
	char name[32];
	struct tm tm;
	int i, n;

	gmtime_r(&now, &tm);
	strftime(l->stamp, sizeof(l->stamp), "%Y-%m-%d %H:%M:%S UTC", &tm);
	strftime(name, sizeof(name), "%Y-%m-%d-%H%M%S", &tm);
	if (mkdir(out, 0755) && errno != EEXIST) {
		fprintf(stderr, WHO ": mkdir %s: %s\n", out, strerror(errno));
		return -1;
	}
	for (i = 1; i <= DIR_TRIES; i++) {
		n = snprintf(l->dir, sizeof(l->dir), "%s/%s", out, name);
		if (i > 1)
			snprintf(l->dir + n, sizeof(l->dir) - n, "-%d", i);
		if (!mkdir(l->dir, 0755))
			return 0;
		if (errno != EEXIST)
			break;
	}
	fprintf(stderr, WHO ": mkdir %s: %s\n", l->dir, strerror(errno));
	return -1;
}

/* 1. lde trap: pinned to the lab CPU, the TSC calibrated there. */
static void run_trap(struct lab *l)
{
	const struct trapbench *tb = &l->tb;

	progress_step(&l->prog, "trap benchmark: lde's traps against a call,"
		      " getppid, vDSO and ioctl(/dev/null)");
	l->trap_goal = (struct goal){
		.what = "lde null / ioctl(/dev/null), P50",
		.key = "null_vs_ioctl", .num_name = "lde null",
		.den_name = "ioctl(/dev/null)", .num = NAN, .den = NAN,
		.target = GOAL_NULL_VS_IOCTL,
	};
	if (measure_pin_cpu((int)l->cpu) < 0 || tsc_calibrate(&l->tsc)) {
		lab_step_set(l, STEP_TRAP, STEP_FAILED, "pinning to CPU %u and"
			     " calibrating the TSC: %s", l->cpu,
			     strerror(errno));
		return;
	}
	if (trapbench_run(&l->tb, WHO, l->fd, (int)l->cpu, &l->tsc,
			  TRAPBENCH_LOOPS, TRAPBENCH_BATCH)) {
		lab_step_set(l, STEP_TRAP, STEP_FAILED, "the trap benchmark"
			     " failed; its message is on stderr");
		return;
	}
	if (tb->ss.null >= 0 && tb->ss.ioctl >= 0) {
		l->trap_goal.num = tb->res[tb->ss.null].st.p50;
		l->trap_goal.den = tb->res[tb->ss.ioctl].st.p50;
	}
	lab_step_set(l, STEP_TRAP, STEP_OK, NULL);
}

/* 2. lde goals, keeping every figure behind them. */
static void run_goals(struct lab *l)
{
	FILE *raw = lab_fopen(l, "cyclictest.txt");
	char missing[160] = "";
	unsigned int i;
	int ret, n = 0;

	ret = goals_measure(l->fd, l->cpu, &l->gr, &l->prog, raw);
	if (raw)
		lab_fclose(raw, "cyclictest.txt");
	l->goals_ran = !ret;
	if (ret) {
		lab_step_set(l, STEP_GOALS, STEP_FAILED, "a goal experiment"
			     " did not run (exit status %d); see stderr", ret);
		return;
	}
	for (i = 0; i < NR_GOALS; i++)
		if (isnan(goal_ratio(&l->gr.goal[i])) && n >= 0)
			n = snprintf(missing + n, sizeof(missing) - n, "%s%s",
				     n ? ", " : "", l->gr.goal[i].key);
	if (*missing)
		lab_step_set(l, STEP_GOALS, STEP_FAILED, "not measured: %s",
			     missing);
	else
		lab_step_set(l, STEP_GOALS, STEP_OK, NULL);
}

/* 4. lde demo privileged, its output into demo_privileged.txt. */
static void run_demo(struct lab *l)
{
	char *const argv[] = { l->self, "demo", "privileged", NULL };
	FILE *f = lab_fopen(l, "demo_privileged.txt");
	struct spawn_io io;

	progress_step(&l->prog, "lde demo privileged");
	if (!f) {
		lab_step_set(l, STEP_DEMO, STEP_FAILED, "cannot write"
			     " demo_privileged.txt");
		return;
	}
	io = (struct spawn_io){ .out = fileno(f), .err = fileno(f) };
	l->demo_status = spawn_run(argv, &io);
	if (l->demo_status < 0)
		lab_step_set(l, STEP_DEMO, STEP_FAILED, "%s: %s", l->self,
			     strerror(errno));
	else if (l->demo_status)
		lab_step_set(l, STEP_DEMO, STEP_FAILED, "lde demo privileged"
			     " exited %d; see demo_privileged.txt",
			     l->demo_status);
	else
		lab_step_set(l, STEP_DEMO, STEP_OK, NULL);
	lab_fclose(f, "demo_privileged.txt");
}

/* Every step, in order; the files and the summary even after failures. */
static int run_all(struct lab *l)
{
	unsigned int i;
	int failed = 0;

	progress_init(&l->prog, WHO, REPORT_STEPS);
	fprintf(stderr, WHO ": lab CPU %u, results in %s/\n", l->cpu, l->dir);
	run_trap(l);
	run_goals(l);
	if (hog_runs_measure(l))
		lab_step_set(l, STEP_HOGS, STEP_FAILED, "not every hog"
			     " experiment ran; see stderr");
	else
		lab_step_set(l, STEP_HOGS, STEP_OK, NULL);
	run_demo(l);
	trace_run(l);
	progress_step(&l->prog, "JSON and CSV of every figure");
	lab_write_files(l);
	progress_step(&l->prog, "plots: gnuplot");
	lab_plot(l);
	lab_write_index(l);
	lab_summary(l);
	for (i = 0; i < NR_STEPS; i++)
		failed |= l->step[i].state == STEP_FAILED;
	return failed ? EXIT_FAIL : 0;
}

int cmd_report(int argc, char **argv)
{
	struct report_opts o;
	struct lab *l;
	int ret = EXIT_FAIL;

	switch (parse_opts(argc, argv, &o)) {
	case 1:
		return 0;
	case -1:
		return EXIT_USAGE;
	}
	l = calloc(1, sizeof(*l));	/* large: the experiments' figures */
	if (!l) {
		perror(WHO);
		return EXIT_FAIL;
	}
	l->fd = -1;
	subjects_init(&l->tb.ss);	/* trapbench_free() may come first */
	if (pick_cpu(l, o.cpu) || find_paths(l, o.scripts))
		goto out;
	l->fd = sched_open(WHO);
	if (l->fd < 0 || make_dir(l, o.out))
		goto out;
	ret = run_all(l);
out:
	trapbench_free(&l->tb);
	goals_free(&l->gr);
	hog_runs_free(l);
	if (l->fd >= 0)
		close(l->fd);
	free(l);
	return ret;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * goals.c - "lde goals": the mini scheduler's goals, measured in one run.
 *
 * Absolute times in a VM, and most of all under QEMU's TCG, say little:
 * they are inflated, and they drift.  What carries over to real hardware
 * is how two things measured side by side compare.  So every goal here is
 * a ratio of two figures that this one process measures, one after the
 * other, on one lab CPU:
 *
 *   1. lde's switch against Linux's: the same cooperative experiment
 *      (two yield guests) on the lde engine and on the linux engine,
 *      switch cost P50 against P50;                     goal <= 1/10
 *   2. lde's switch against pipe ping-pong between two processes (lde
 *      ctx's lat_ctx figure, per switch), P50 against P50; goal <= 1/20
 *   3. timer to guest against cyclictest: lde rr at 1 ms with two spin
 *      guests, the P99 from the timer's expiry to the next guest, against
 *      the P99 of cyclictest -m -p95 -a CPU on the same CPU; goal <= 0.5
 *   4. O(1) pick: switch cost P50 with 1024 yield guests against 2;
 *                                                       goal <= 1.2
 *   5. direct execution: a spin guest's loop throughput at a 1 ms
 *      quantum against the same loop in a plain kthread; goal >= 0.95
 *
 *	$ sudo lde goals		about 15 s in a TCG VM
 *	$ sudo lde goals --json
 *
 * It prints what it measured and whether each goal is met.  Exit status 0
 * if it could measure every figure (met or not), 1 if not, 2 bad usage.
 * These are benchmarks, not tests: a goal not met is a finding.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmds.h"
#include "cpulist.h"
#include "json.h"
#include "measure.h"
#include "opts.h"
#include "pingpong.h"
#include "schedrun.h"
#include "schedstats.h"
#include "tsc.h"

#define WHO		"lde goals"
#define RUN_NS		1000000000ULL	/* each experiment: 1 s */
#define QUANTUM_NS	1000000ULL	/* the 1 ms of goals 3 and 5 */
#define CYCLIC_LOOPS	"2000"		/* 2 s at 1 ms */
#define CYCLIC_HIST_US	100000		/* histogram up to 100 ms */

enum {
	OPT_JSON = 256,
	OPT_HELP,
};

enum goal_id {
	G_VS_LINUX,
	G_VS_PIPE,
	G_VS_CYCLICTEST,
	G_O1,
	G_DIRECT,
	NR_GOALS
};

struct goal {
	const char *what;	/* the ratio, in words */
	const char *key;	/* JSON */
	const char *num_name, *den_name;
	double num, den;	/* the two figures; ratio = num / den */
	double target;
	bool at_least;		/* ratio >= target, else <= */
};

static struct goal goals[NR_GOALS] = {
	[G_VS_LINUX] = { "lde switch / linux switch, P50", "lde_vs_linux",
			 "lde engine", "linux engine", .target = 0.10 },
	[G_VS_PIPE] = { "lde switch / pipe ping-pong switch, P50",
			"lde_vs_pipe", "lde engine", "pipe ping-pong",
			.target = 0.05 },
	[G_VS_CYCLICTEST] = { "timer to guest / cyclictest, P99",
			      "timer_vs_cyclictest", "lde rr 1 ms",
			      "cyclictest", .target = 0.5 },
	[G_O1] = { "switch at 1024 guests / at 2, P50", "o1_pick",
		   "1024 guests", "2 guests", .target = 1.2 },
	[G_DIRECT] = { "guest loop / plain kthread loop, 1 ms", "direct",
		       "guest", "kthread", .target = 0.95, .at_least = true },
};

/*
 * The timer's own lateness, expiry to handler, P99: the part of timer to
 * guest that passes before any lde code runs.
 */
static double timer_late_p99;

static double ratio(const struct goal *g)
{
	return g->den > 0 ? g->num / g->den : NAN;
}

static bool met(const struct goal *g)
{
	double r = ratio(g);

	return !isnan(r) && (g->at_least ? r >= g->target : r <= g->target);
}

/* One experiment of count guests of workload; its figures into *fg. */
static int experiment(int fd, unsigned int cpu, __u32 engine, __u32 policy,
		      __u32 workload, __u32 count, struct sched_figures *fg)
{
	struct sched_exp e = {
		.cfg = {
			.cpu = cpu,
			.engine = engine,
			.policy = policy,
			.quantum_ns = policy == LDE_POLICY_RR ? QUANTUM_NS : 0,
			.duration_ns = RUN_NS,
			.nr_groups = 1,
			.groups[0] = { .workload = workload, .count = count },
		},
	};
	int ret;

	fprintf(stderr, "%s: %s engine, %s, %u %s guests...\n", WHO,
		engine == LDE_ENGINE_LDE ? "lde" : "linux",
		policy == LDE_POLICY_RR ? "rr 1 ms" : "coop", count,
		workload == LDE_WL_SPIN ? "spin" : "yield");
	ret = sched_exp_run(fd, &e, WHO);
	if (!ret && e.interrupted)
		ret = EXIT_FAIL;
	if (!ret && sched_figures_compute(&e, fg)) {
		perror(WHO ": figures");
		ret = EXIT_FAIL;
	}
	sched_exp_free(&e);
	return ret;
}

/*
 * cyclictest's histogram (-h) has one "usec count" line per microsecond;
 * overflows are counted in a comment.  The P99 in ns, or NAN.
 */
static double cyclictest_p99(FILE *in)
{
	static unsigned long long count[CYCLIC_HIST_US + 1];
	unsigned long long total = 0, seen = 0, c, over = 0;
	unsigned long us;
	char line[256];

	memset(count, 0, sizeof(count));
	while (fgets(line, sizeof(line), in)) {
		if (sscanf(line, "# Histogram Overflows: %llu", &c) == 1)
			over += c;
		else if (sscanf(line, "%lu %llu", &us, &c) == 2 &&
			 us <= CYCLIC_HIST_US)
			count[us] += c;
	}
	for (us = 0; us <= CYCLIC_HIST_US; us++)
		total += count[us];
	total += over;
	for (us = 0; us <= CYCLIC_HIST_US && total; us++) {
		seen += count[us];
		if (seen * 100 >= total * 99)
			return us * 1000.0;
	}
	return NAN;	/* empty, or the P99 overflowed the histogram */
}

/* Run cyclictest -m -p95 -a cpu on one thread; its P99 in ns, or NAN. */
static double run_cyclictest(unsigned int cpu)
{
	static char cpus[16], hist[16];
	static char *const argv[] = {
		"cyclictest", "-m", "-p95", "-a", cpus, "-t1", "-i", "1000",
		"-l", CYCLIC_LOOPS, "-q", "-h", hist, NULL,
	};
	posix_spawn_file_actions_t fa;
	double p99 = NAN;
	int pfd[2], status;
	FILE *in;
	pid_t pid;

	snprintf(cpus, sizeof(cpus), "%u", cpu);
	snprintf(hist, sizeof(hist), "%d", CYCLIC_HIST_US);
	fprintf(stderr, "%s: cyclictest -m -p95 -a %u -i 1000 -l %s...\n",
		WHO, cpu, CYCLIC_LOOPS);
	if (pipe(pfd)) {
		perror(WHO ": pipe");
		return NAN;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, pfd[0]);
	errno = posix_spawnp(&pid, "cyclictest", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(pfd[1]);
	if (errno) {
		perror(WHO ": cyclictest (apt-get install rt-tests)");
		close(pfd[0]);
		return NAN;
	}
	in = fdopen(pfd[0], "r");
	if (in) {
		p99 = cyclictest_p99(in);
		fclose(in);
	} else {
		close(pfd[0]);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		fprintf(stderr, "%s: cyclictest failed (status %#x)\n", WHO,
			status);
		return NAN;
	}
	return p99;
}

/* The pipe ping-pong per-switch P50, pinned to cpu; NAN if untrusted. */
static double run_pipe(unsigned int cpu)
{
	struct measure_cfg cfg = {
		.loops = 10000, .batch = 100, .budget_ns = 1e9,
	};
	struct pingpong pp;
	struct tsc tsc;

	fprintf(stderr, "%s: pipe ping-pong on CPU %u...\n", WHO, cpu);
	if (measure_pin_cpu((int)cpu) < 0 || tsc_calibrate(&tsc)) {
		perror(WHO ": pinning and calibrating");
		return NAN;
	}
	if (pingpong_run(&cfg, &tsc, &pp)) {
		fprintf(stderr, "%s: %s: %s\n", WHO, pp.why, strerror(errno));
		return NAN;
	}
	if (!pingpong_trusted(&pp)) {
		fprintf(stderr, "%s: other tasks spoiled the ping-pong\n", WHO);
		return NAN;
	}
	return pp.test[PP_PIPE].sw.p50;
}

static int measure_all(int fd, unsigned int cpu)
{
	struct sched_figures lde2, linux2, lde1024, rr;
	int ret;

	ret = experiment(fd, cpu, LDE_ENGINE_LDE, LDE_POLICY_COOP,
			 LDE_WL_YIELD, 2, &lde2);
	ret = ret ?: experiment(fd, cpu, LDE_ENGINE_LINUX, LDE_POLICY_COOP,
				LDE_WL_YIELD, 2, &linux2);
	ret = ret ?: experiment(fd, cpu, LDE_ENGINE_LDE, LDE_POLICY_COOP,
				LDE_WL_YIELD, 1024, &lde1024);
	ret = ret ?: experiment(fd, cpu, LDE_ENGINE_LDE, LDE_POLICY_RR,
				LDE_WL_SPIN, 2, &rr);
	if (ret)
		return ret;

	goals[G_VS_LINUX].num = lde2.dist[SCHED_SWITCH_COST].ring.p50;
	goals[G_VS_LINUX].den = linux2.dist[SCHED_SWITCH_COST].ring.p50;
	goals[G_VS_PIPE].num = lde2.dist[SCHED_SWITCH_COST].ring.p50;
	goals[G_VS_PIPE].den = run_pipe(cpu);
	goals[G_VS_CYCLICTEST].num = rr.dist[SCHED_TIMER_TO_GUEST].ring.p99;
	timer_late_p99 = rr.dist[SCHED_TIMER_LATE].ring.p99;
	goals[G_VS_CYCLICTEST].den = run_cyclictest(cpu);
	goals[G_O1].num = lde1024.dist[SCHED_SWITCH_COST].ring.p50;
	goals[G_O1].den = lde2.dist[SCHED_SWITCH_COST].ring.p50;
	goals[G_DIRECT].num = rr.guest_rate;
	goals[G_DIRECT].den = rr.host_rate;
	return 0;
}

static void print_table(unsigned int cpu)
{
	const struct goal *g;
	unsigned int i;

	printf("lde goals: lab CPU %u; every figure measured in this run\n\n",
	       cpu);
	printf("%-42s %8s %8s  %s\n", "goal", "ratio", "target", "met");
	for (i = 0; i < NR_GOALS; i++) {
		g = &goals[i];
		printf("%-42s %8.3f %2s %5.2f  %s\n", g->what, ratio(g),
		       g->at_least ? ">=" : "<=", g->target,
		       isnan(ratio(g)) ? "n/a" : met(g) ? "yes" : "NO");
	}
	printf("\nThe figures (ns; the direct row in loop iterations per us):\n");
	for (i = 0; i < NR_GOALS; i++) {
		g = &goals[i];
		printf("  %-42s %s %.1f, %s %.1f\n", g->what, g->num_name,
		       g->num, g->den_name, g->den);
	}
	printf("  of which the timer's own lateness (expiry to handler), P99: "
	       "%.1f\n", timer_late_p99);
	fputs("\nWhat this shows: each ratio compares two figures measured side\n"
	      "by side, so it holds where absolute times do not (an emulated\n"
	      "CPU is 10 to 100 times slower than hardware).  Switch costs are\n"
	      "from leaving one guest to running the next; timer to guest is\n"
	      "from the timer's expiry to the next guest's first instruction,\n"
	      "and cyclictest's is from its timer's expiry to its thread\n"
	      "running.  Documentation/sched.md explains each figure.\n",
	      stdout);
}

static void print_json(unsigned int cpu)
{
	const struct goal *g;
	unsigned int i;

	printf("{\n  \"cpu\": %u,\n  \"goals\": [\n", cpu);
	for (i = 0; i < NR_GOALS; i++) {
		g = &goals[i];
		printf("    {\"key\": ");
		json_str(stdout, g->key);
		printf(", \"what\": ");
		json_str(stdout, g->what);
		printf(", \"num\": ");
		json_num(stdout, g->num);
		printf(", \"den\": ");
		json_num(stdout, g->den);
		printf(", \"ratio\": ");
		json_num(stdout, ratio(g));
		printf(", \"target\": %.2f, \"at_least\": %s, \"met\": %s}%s\n",
		       g->target, g->at_least ? "true" : "false",
		       met(g) ? "true" : "false", i + 1 < NR_GOALS ? "," : "");
	}
	printf("  ],\n  \"timer_late_p99_ns\": ");
	json_num(stdout, timer_late_p99);
	printf("\n}\n");
}

static void usage(FILE *f)
{
	fputs("usage: lde goals [-a CPU] [--json]\n"
	      "\n"
	      "Measure the mini scheduler's goals in one run: lde's switch\n"
	      "against Linux's and against pipe ping-pong, timer to guest\n"
	      "against cyclictest, 1024 guests against 2, and direct\n"
	      "execution at a 1 ms quantum.  Needs lde.ko, root and\n"
	      "cyclictest (rt-tests).  About 15 s in a TCG VM.\n"
	      "\n"
	      "  -a, --affinity=CPU   the lab CPU (default: the last online)\n"
	      "      --json           print one JSON object\n"
	      "  -?, --help           show this help\n"
	      "\n"
	      "Exit status: 0 measured (met or not), 1 failed, 2 bad usage.\n",
	      f);
}

int cmd_goals(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "affinity", required_argument, NULL, 'a' },
		{ "json",     no_argument,       NULL, OPT_JSON },
		{ "help",     no_argument,       NULL, OPT_HELP },
		{ NULL,       0,                 NULL, 0 },
	};
	bool json = false, all = true;
	int c, fd, ret, cpu = -1;
	unsigned long v;
	unsigned int i;

	opterr = 0;		/* opts_other() says what was wrong */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (opts_num(WHO, "-a", optarg, 0, INT_MAX, &v))
				return EXIT_USAGE;
			if (cpulist_is_online((unsigned int)v) != 1) {
				fprintf(stderr, WHO ": -a %lu: not an online"
					" CPU\n", v);
				return EXIT_USAGE;
			}
			cpu = (int)v;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_HELP:
			usage(stdout);
			return 0;
		default:
			return opts_other(WHO, argv, c, usage) > 0 ?
			       0 : EXIT_USAGE;
		}
	}
	if (opts_no_args(WHO, argc, argv))
		return EXIT_USAGE;
	if (cpu < 0)
		cpu = cpulist_last_online();
	if (cpu < 0) {
		perror(WHO ": the online CPUs");
		return EXIT_FAIL;
	}
	fd = sched_open(WHO);
	if (fd < 0)
		return EXIT_FAIL;
	ret = measure_all(fd, (unsigned int)cpu);
	close(fd);
	if (ret)
		return ret;
	if (json)
		print_json((unsigned int)cpu);
	else
		print_table((unsigned int)cpu);
	for (i = 0; i < NR_GOALS; i++)
		all &= !isnan(ratio(&goals[i]));
	return all ? 0 : EXIT_FAIL;
}

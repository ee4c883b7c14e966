// SPDX-License-Identifier: GPL-2.0
/*
 * cyclictest.c - cyclictest as the peer for lde's timer latency.
 *
 * cyclictest sets a timer, sleeps until it expires, and measures how late
 * its thread runs: from a timer's expiry to a task running, the same path
 * that lde's "timer to guest" takes.  We run one SCHED_FIFO thread of it
 * on the lab CPU and read its histogram (-q -h N): one "usec count" line
 * per microsecond up to N, then "# Min Latencies: 00015" style comments
 * (Min, Avg, Max) and "# Histogram Overflows:" for the ones beyond N.
 *
 * Into struct stats (stats.h), in ns:
 *   percentiles by the nearest-rank rule over the 1 us bins, each bin at
 *     its lower edge, as cyclictest prints it; one that falls among the
 *     overflows is NAN;
 *   min, mean and max from cyclictest's own comments;
 *   the log2 histogram with each 1 us bin at its middle (a bin [u, u+1)
 *     us counts at u + 0.5 us, so that "0 us" is not "0 ns"); overflows
 *     count in the bucket of CYCLICTEST_HIST_US.
 *
 * Use: see cyclictest.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/cyclictest.h"
#include "lib/spawn.h"

/* What cyclictest printed, as read. */
struct cyc_out {
	unsigned long long *count;	/* [us], 0..CYCLICTEST_HIST_US */
	unsigned long long over;	/* beyond the histogram */
	double min_us, avg_us, max_us;	/* NAN if not printed */
};

/* Take in one line of its output; false if it was an empty bin. */
static bool parse_line(const char *line, struct cyc_out *o)
{
	unsigned long long c;
	unsigned long us;
	double v;

	if (sscanf(line, "# Histogram Overflows: %llu", &c) == 1)
		o->over += c;
	else if (sscanf(line, "# Min Latencies: %lf", &v) == 1)
		o->min_us = v;
	else if (sscanf(line, "# Avg Latencies: %lf", &v) == 1)
		o->avg_us = v;
	else if (sscanf(line, "# Max Latencies: %lf", &v) == 1)
		o->max_us = v;
	else if (sscanf(line, "%lu %llu", &us, &c) != 2)
		return true;		/* another comment */
	else if (!c)
		return false;
	else if (us <= CYCLICTEST_HIST_US)
		o->count[us] += c;
	return true;
}

/* The nearest-rank percentile pct of n latencies, in ns, or NAN. */
static double percentile(const struct cyc_out *o, unsigned long long n,
			 unsigned int pct)
{
	unsigned long long want = (n * pct + 99) / 100, seen = 0;
	unsigned long us;

	for (us = 0; us <= CYCLICTEST_HIST_US && n; us++) {
		seen += o->count[us];
		if (seen >= want)
			return us * 1000.0;
	}
	return NAN;
}

static void to_stats(const struct cyc_out *o, struct stats *st)
{
	unsigned long long n = o->over;
	unsigned long us;

	memset(st, 0, sizeof(*st));
	for (us = 0; us <= CYCLICTEST_HIST_US; us++) {
		n += o->count[us];
		st->hist[stats_bucket(us * 1000.0 + 500)] += o->count[us];
	}
	st->hist[stats_bucket(CYCLICTEST_HIST_US * 1000.0)] += o->over;
	st->n = n;
	st->min = o->min_us * 1000;
	st->mean = o->avg_us * 1000;
	st->max = o->max_us * 1000;
	st->p50 = percentile(o, n, 50);
	st->p90 = percentile(o, n, 90);
	st->p99 = percentile(o, n, 99);
}

int cyclictest_read(FILE *in, struct stats *st, FILE *raw)
{
	struct cyc_out o = { .min_us = NAN, .avg_us = NAN, .max_us = NAN };
	char line[256];

	o.count = calloc(CYCLICTEST_HIST_US + 1, sizeof(*o.count));
	if (!o.count)
		return -1;
	/* Its empty bins are most of its 100001 lines: not those. */
	while (fgets(line, sizeof(line), in))
		if (parse_line(line, &o) && raw)
			fputs(line, raw);
	to_stats(&o, st);
	free(o.count);
	return 0;
}

int cyclictest_run(const char *who, unsigned int cpu, unsigned int loops,
		   struct stats *st, FILE *raw)
{
	char cpus[16], hist[16], nloops[16];
	char *const argv[] = {
		"cyclictest", "-m", "-p95", "-a", cpus, "-t1", "-i", "1000",
		"-l", nloops, "-q", "-h", hist, NULL,
	};
	struct stats got;
	int pfd[2], status, ret;
	struct spawn_io io;
	FILE *in;
	pid_t pid;

	snprintf(cpus, sizeof(cpus), "%u", cpu);
	snprintf(nloops, sizeof(nloops), "%u", loops);
	snprintf(hist, sizeof(hist), "%d", CYCLICTEST_HIST_US);
	if (pipe2(pfd, O_CLOEXEC)) {
		fprintf(stderr, "%s: cyclictest: %s\n", who, strerror(errno));
		return -1;
	}
	io = (struct spawn_io){ .out = pfd[1], .err = -1 };
	pid = spawn_start(argv, &io);
	close(pfd[1]);
	if (pid < 0) {
		fprintf(stderr, "%s: cyclictest: %s%s\n", who, strerror(errno),
			errno == ENOENT ? " (apt-get install rt-tests)" : "");
		close(pfd[0]);
		return -1;
	}
	in = fdopen(pfd[0], "r");
	ret = in ? cyclictest_read(in, &got, raw) : -1;
	if (ret)
		fprintf(stderr, "%s: cyclictest's output: %s\n", who,
			strerror(errno));
	if (in)
		fclose(in);
	else
		close(pfd[0]);
	status = spawn_wait(pid);
	if (!ret && status) {
		fprintf(stderr, "%s: cyclictest failed (status %d)\n", who,
			status);
		ret = -1;
	}
	if (!ret)
		*st = got;
	return ret;
}

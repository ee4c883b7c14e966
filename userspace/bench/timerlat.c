// SPDX-License-Identifier: GPL-2.0
/*
 * timerlat.c - rtla timerlat as the peer of lde's two timer paths.
 *
 * rtla timerlat hist -n prints, for each CPU it ran on, two columns of a
 * histogram in ns: IRQ latency (the hrtimer's expiry to its handler, the
 * peer of lde's timer lateness) and thread latency (the expiry to the
 * thread the handler woke, running: the peer of lde's timer to guest).
 * One line per non-empty bin, "<low edge> <irq count> <thread count>",
 * then "over:" (beyond the last bin), "count:", "min:", "avg:" and
 * "max:" lines with one figure per column.
 *
 * Into struct stats (stats.h), in ns, as bench/cyclictest.c does it:
 * percentiles by the nearest-rank rule over the bins, each at its lower
 * edge, NAN among the overflows; min, mean and max from rtla's summary;
 * the log2 histogram with each bin at its middle.
 *
 * Use: see timerlat.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/timerlat.h"
#include "lib/common.h"
#include "lib/spawn.h"

/* One column of rtla's histogram, as read. */
struct tl_col {
	unsigned long long *count;	/* [bin], 0..TIMERLAT_ENTRIES - 1 */
	unsigned long long over;
	double min, avg, max;		/* ns; NAN if not printed */
};

bool timerlat_available(void)
{
	static const char *const paths[] = {
		"/sys/kernel/tracing/available_tracers",
		"/sys/kernel/debug/tracing/available_tracers",
	};
	char line[512], *t;
	bool found = false;
	unsigned int i;
	FILE *f;

	for (i = 0; i < ARRAY_SIZE(paths) && !found; i++) {
		f = fopen(paths[i], "re");
		if (!f)
			continue;
		/* One line of names, each followed by a space. */
		while (fgets(line, sizeof(line), f)) {
			line[strcspn(line, "\n")] = '\0';
			for (t = strtok(line, " "); t; t = strtok(NULL, " "))
				found |= !strcmp(t, "timerlat");
		}
		fclose(f);
	}
	return found;
}

/* "min:  12  34": the figure of each column into its field. */
static void summary_line(const char *line, struct tl_col col[2])
{
	static const char *const keys[] = { "over:", "min:", "avg:", "max:" };
	double a, b;
	unsigned int k;

	for (k = 0; k < 4; k++) {
		size_t n = strlen(keys[k]);

		if (strncmp(line, keys[k], n) ||
		    sscanf(line + n, "%lf %lf", &a, &b) != 2)
			continue;
		switch (k) {
		case 0:
			col[0].over = (unsigned long long)a;
			col[1].over = (unsigned long long)b;
			break;
		case 1:
			col[0].min = a;
			col[1].min = b;
			break;
		case 2:
			col[0].avg = a;
			col[1].avg = b;
			break;
		default:
			col[0].max = a;
			col[1].max = b;
		}
	}
}

/* The nearest-rank percentile pct of n latencies, in ns, or NAN. */
static double percentile(const struct tl_col *c, unsigned long long n,
			 unsigned int pct)
{
	unsigned long long want = (n * pct + 99) / 100, seen = 0;
	unsigned long bin;

	for (bin = 0; bin < TIMERLAT_ENTRIES && n; bin++) {
		seen += c->count[bin];
		if (seen >= want)
			return (double)bin * TIMERLAT_BUCKET_NS;
	}
	return NAN;
}

static void to_stats(const struct tl_col *c, struct stats *st)
{
	unsigned long long n = c->over;
	unsigned long bin;

	memset(st, 0, sizeof(*st));
	for (bin = 0; bin < TIMERLAT_ENTRIES; bin++) {
		if (!c->count[bin])
			continue;
		n += c->count[bin];
		st->hist[stats_bucket((bin + 0.5) * TIMERLAT_BUCKET_NS)] +=
			c->count[bin];
	}
	st->hist[stats_bucket((double)TIMERLAT_ENTRIES * TIMERLAT_BUCKET_NS)] +=
		c->over;
	st->n = n;
	st->min = c->min;
	st->mean = c->avg;
	st->max = c->max;
	st->p50 = percentile(c, n, 50);
	st->p90 = percentile(c, n, 90);
	st->p99 = percentile(c, n, 99);
}

int timerlat_read(FILE *in, struct timerlat_stats *tl, FILE *raw)
{
	struct tl_col col[2] = {
		{ .min = NAN, .avg = NAN, .max = NAN },
		{ .min = NAN, .avg = NAN, .max = NAN },
	};
	unsigned long long lo, a, b;
	bool header = false;
	char line[256];
	int ret = 0;

	col[0].count = calloc(TIMERLAT_ENTRIES, sizeof(*col[0].count));
	col[1].count = calloc(TIMERLAT_ENTRIES, sizeof(*col[1].count));
	if (!col[0].count || !col[1].count) {
		ret = -1;
		goto out;
	}
	while (fgets(line, sizeof(line), in)) {
		if (raw)
			fputs(line, raw);
		if (!strncmp(line, "Index", 5)) {
			header = true;
		} else if (sscanf(line, "%llu %llu %llu", &lo, &a, &b) == 3 &&
			   lo / TIMERLAT_BUCKET_NS < TIMERLAT_ENTRIES) {
			col[0].count[lo / TIMERLAT_BUCKET_NS] += a;
			col[1].count[lo / TIMERLAT_BUCKET_NS] += b;
		} else {
			summary_line(line, col);
		}
	}
	if (!header) {
		errno = EINVAL;
		ret = -1;
		goto out;
	}
	to_stats(&col[0], &tl->irq);
	to_stats(&col[1], &tl->thread);
out:
	if (ret && errno != EINVAL)
		errno = ENOMEM;
	free(col[0].count);
	free(col[1].count);
	return ret;
}

int timerlat_run(const char *who, unsigned int cpu, unsigned int seconds,
		 struct timerlat_stats *tl, FILE *raw)
{
	char cpus[16], period[16], dur[16], bucket[16], entries[16];
	char *const argv[] = {
		"rtla", "timerlat", "hist", "-c", cpus, "-p", period,
		"-d", dur, "-n", "-b", bucket, "-E", entries,
		"--dma-latency", "0", NULL,
	};
	struct timerlat_stats got;
	int pfd[2], status, ret;
	struct spawn_io io;
	FILE *in;
	pid_t pid;

	snprintf(cpus, sizeof(cpus), "%u", cpu);
	snprintf(period, sizeof(period), "%d", TIMERLAT_PERIOD_US);
	snprintf(dur, sizeof(dur), "%u", seconds);
	snprintf(bucket, sizeof(bucket), "%d", TIMERLAT_BUCKET_NS);
	snprintf(entries, sizeof(entries), "%d", TIMERLAT_ENTRIES);
	if (pipe2(pfd, O_CLOEXEC)) {
		fprintf(stderr, "%s: rtla: %s\n", who, strerror(errno));
		return -1;
	}
	io = (struct spawn_io){ .out = pfd[1], .err = -1 };
	pid = spawn_start(argv, &io);
	close(pfd[1]);
	if (pid < 0) {
		fprintf(stderr, "%s: rtla: %s%s\n", who, strerror(errno),
			errno == ENOENT ? " (apt-get install rtla)" : "");
		close(pfd[0]);
		return -1;
	}
	in = fdopen(pfd[0], "r");
	ret = in ? timerlat_read(in, &got, raw) : -1;
	if (ret)
		fprintf(stderr, "%s: rtla timerlat's output: %s\n", who,
			errno == EINVAL ? "no histogram" : strerror(errno));
	if (in)
		fclose(in);
	else
		close(pfd[0]);
	status = spawn_wait(pid);
	if (status) {
		fprintf(stderr, "%s: rtla timerlat failed (status %d)\n", who,
			status);
		ret = -1;
	}
	if (!ret)
		*tl = got;
	return ret;
}

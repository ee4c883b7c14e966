// SPDX-License-Identifier: GPL-2.0
/*
 * plots.c - the plots of "lde report": their data, their gnuplot scripts,
 * their PNGs.
 *
 *   trap.png         trap latency by kind, against the baselines
 *                    (trap.gp reads trap.csv: the experiment trap's)
 *   switch_cost.png  switch cost histograms: lde engine, lde_swtch
 *                    alone, linux engine, pipe ping-pong (switch_cost.gp,
 *                    switch_cost.csv)
 *   timer.png        timer to guest against cyclictest (timer.gp,
 *                    timer.csv)
 *   share.png        CPU share per guest, coop against rr, with a hog
 *                    (share.gp reads share.csv: the experiment hogs')
 *   scaling.png      switch cost against the number of guests, both
 *                    engines (scaling.gp reads scaling.csv: the
 *                    experiment scaling's)
 *
 * The scripts live in scripts/plots/ and are copied next to their data,
 * so that a student can change one and draw it again:
 *
 *	cd results/<run> && gnuplot share.gp
 *
 * A histogram plot is a table row: its series, each a distribution of an
 * experiment (exp.h).  Its CSV has one row per log2 bucket [lo_ns, hi_ns)
 * and one column per series, in % of that series' count, the key title
 * (with its P50 or P99) in the header.  switch_cost.gp and timer.gp share
 * their body, log2hist.gp.
 *
 * Use: see report.h.
 */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/duration.h"
#include "lib/spawn.h"
#include "report/report.h"

/* Scripts that the plots' scripts load. */
static const char *const plot_shared[] = { "log2hist.gp" };

const struct plot plots[] = {
	{ .name = "trap",
	  .what = "trap latency by kind, against the baselines" },
	{ .name = "switch_cost",
	  .what = "switch cost: lde engine, lde_swtch alone, linux engine,"
		  " pipe ping-pong",
	  .series = {
		{ &exp_coop_lde_2yield, "switch_cost", "lde engine", 50 },
		{ &exp_floor, "swap", "lde_swtch alone", 50 },
		{ &exp_coop_linux_2yield, "switch_cost", "linux engine", 50 },
		{ &exp_ctx, "pipe", "pipe ping-pong", 50 },
	} },
	{ .name = "timer",
	  .what = "timer to guest and lde's own part of it, against"
		  " cyclictest",
	  .series = {
		{ &exp_rr_lde_2spin, "timer_to_guest",
		  "lde timer to guest (rr 1 ms)", 99 },
		{ &exp_rr_lde_2spin, "handler_to_guest",
		  "lde handler to guest (rr 1 ms)", 99 },
		{ &exp_cyclictest, "latency", "cyclictest", 99 },
	} },
	{ .name = "share",
	  .what = "CPU share per guest, coop against rr, with a hog" },
	{ .name = "scaling",
	  .what = "switch cost against the number of guests, both engines" },
};

const size_t nr_plots = ARRAY_SIZE(plots);

static_assert(ARRAY_SIZE(plots) <= REPORT_PLOTS_MAX, "plotted[] holds all");

int plot_index(const char *name)
{
	size_t i;

	for (i = 0; name && i < nr_plots; i++)
		if (!strcmp(plots[i].name, name))
			return (int)i;
	return -1;
}

/* ---- the plots' data ----------------------------------------------- */

/* One series as drawn: its key title and counts. */
struct series {
	char title[80];
	const uint64_t *hist;	/* STATS_BUCKETS counts */
};

/*
 * lo_ns,hi_ns,"title"...: one row per log2 bucket from the first used by
 * any series to the last, each series in % of its own count.
 */
static void write_log2(FILE *f, const struct series *s, unsigned int n)
{
	unsigned int b, i, first = STATS_BUCKETS, last = 0;
	double total[PLOT_SERIES_MAX] = { 0 };

	for (i = 0; i < n; i++)
		for (b = 0; b < STATS_BUCKETS; b++) {
			total[i] += (double)s[i].hist[b];
			if (s[i].hist[b] && b < first)
				first = b;
			if (s[i].hist[b] && b > last)
				last = b;
		}
	fputs("lo_ns,hi_ns", f);
	for (i = 0; i < n; i++)
		fprintf(f, ",\"%s\"", s[i].title);
	fputc('\n', f);
	for (b = first; b <= last && b < STATS_BUCKETS; b++) {
		fprintf(f, "%.0f,%.0f", stats_bucket_lo(b),
			stats_bucket_hi(b));
		for (i = 0; i < n; i++)
			fprintf(f, ",%.3f", total[i] > 0 ?
				100 * s[i].hist[b] / total[i] : 0.0);
		fputc('\n', f);
	}
}

struct plot_arg {
	const struct session *s;
	const struct plot *p;
};

/* The series whose experiment ran, titled "who: P50 96 ns". */
static void write_series(FILE *f, const void *arg)
{
	const struct plot_arg *a = arg;
	struct series s[PLOT_SERIES_MAX];
	const struct plot_series *ps;
	const struct stats *st;
	char b[DURATION_BUF];
	unsigned int n = 0;
	double v;

	for (ps = a->p->series; ps < a->p->series + PLOT_SERIES_MAX &&
	     ps->exp; ps++) {
		if (session_dist(a->s, ps->exp, ps->dist, &s[n].hist, &st))
			continue;
		v = ps->pct == 99 ? st->p99 : st->p50;
		snprintf(s[n].title, sizeof(s[n].title), "%s: P%u %s",
			 ps->title, ps->pct,
			 isnan(v) ? "n/a" : duration_fmt(b, sizeof(b), v));
		n++;
	}
	write_log2(f, s, n);
}

int report_plot_data(const struct report *r)
{
	struct plot_arg a = { .s = &r->s };
	char name[64];
	int ret = 0;

	for (a.p = plots; a.p < plots + nr_plots; a.p++) {
		if (!a.p->series[0].exp)
			continue;	/* an experiment wrote it */
		snprintf(name, sizeof(name), "%s.csv", a.p->name);
		ret |= session_write(&r->s, name, write_series, &a);
	}
	return ret;
}

/* ---- gnuplot ------------------------------------------------------- */

/* scripts/plots/name to dir/name. */
static int copy_script(const struct report *r, const char *name)
{
	char path[PATH_MAX + 64], buf[4096];
	FILE *in, *out;
	size_t n;
	int ret;

	snprintf(path, sizeof(path), "%s/plots/%s", r->scripts, name);
	in = fopen(path, "re");
	if (!in) {
		fprintf(stderr, "%s: %s: %s\n", r->s.who, path,
			strerror(errno));
		return -1;
	}
	out = session_fopen(&r->s, name, "we");
	if (!out) {
		fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)))
		fwrite(buf, 1, n, out);
	ret = ferror(in) ? -1 : 0;
	fclose(in);
	return session_fclose(&r->s, out, name) | ret;
}

/* gnuplot <name>.gp in dir, its messages into log; 0 if it drew. */
static int draw(struct report *r, size_t p, FILE *log)
{
	char gp[64], png[PATH_MAX + 64];
	char *const argv[] = { "gnuplot", gp, NULL };
	struct spawn_io io = {
		.out = fileno(log), .err = fileno(log), .dir = r->dir,
	};
	int status;

	snprintf(gp, sizeof(gp), "%s.gp", plots[p].name);
	if (copy_script(r, gp))
		return -1;
	fprintf(log, "$ gnuplot %s\n", gp);
	fflush(log);		/* before gnuplot writes to the same file */
	status = spawn_run(argv, &io);
	if (status < 0) {
		fprintf(stderr, "%s: gnuplot: %s%s\n", r->s.who,
			strerror(errno), errno == ENOENT ?
			" (apt-get install gnuplot-nox)" : "");
		return -1;
	}
	snprintf(png, sizeof(png), "%s/%s.png", r->dir, plots[p].name);
	r->plotted[p] = !status && !access(png, R_OK);
	return r->plotted[p] ? 0 : -1;
}

int report_plots(struct report *r)
{
	FILE *log = session_fopen(&r->s, "plots.log", "we");
	char failed[160] = "";
	size_t i;
	int n = 0, ret = 0;

	for (i = 0; i < ARRAY_SIZE(plot_shared); i++)
		ret |= copy_script(r, plot_shared[i]);
	for (i = 0; log && i < nr_plots; i++)
		if (draw(r, i, log) && n >= 0)
			n = snprintf(failed + n, sizeof(failed) - n,
				     "%s%s.png", n ? ", " : "", plots[i].name);
	if (log)
		ret |= session_fclose(&r->s, log, "plots.log");
	if (!log || *failed || ret)
		exp_fail(&r->plots, EXIT_FAIL, "not drawn: %s; see plots.log",
			 *failed ? failed : "scripts missing");
	else
		exp_ok(&r->plots);
	return log && !*failed && !ret ? 0 : -1;
}

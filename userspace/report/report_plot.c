// SPDX-License-Identifier: GPL-2.0
/*
 * report_plot.c - the four plots of "lde report": their data, their
 * gnuplot scripts, their PNGs.
 *
 *   trap.png         trap latency by kind, against the baselines
 *                    (trap.gp reads trap.csv, lde trap --csv)
 *   switch_cost.png  switch cost histograms: lde engine, linux engine,
 *                    pipe ping-pong (switch_cost.gp, switch_cost.csv)
 *   timer.png        timer to guest against cyclictest (timer.gp,
 *                    timer.csv)
 *   share.png        CPU share per guest, coop against rr, with a hog
 *                    (share.gp, share.csv)
 *
 * The scripts live in scripts/plots/ and are copied next to their data,
 * so that a student can change one and draw it again:
 *
 *	cd results/<run> && gnuplot share.gp
 *
 * The histograms' CSV has one row per log2 bucket [lo_ns, hi_ns) and one
 * column per series, in % of that series' count, the key title (with its
 * P50 or P99) in the header.  switch_cost.gp and timer.gp share their
 * body, log2hist.gp.
 *
 * Use: see report.h.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/duration.h"
#include "report/report.h"
#include "dev/schednames.h"
#include "lib/spawn.h"

#define SERIES_MAX	3	/* series in one histogram plot */

/* Scripts that the plots' scripts load. */
static const char *const plot_shared[] = { "log2hist.gp" };

const struct lab_plot_info lab_plots[NR_PLOTS] = {
	[PLOT_TRAP] = { "trap.gp", "trap.png", "trap.csv",
			"trap latency by kind, against the baselines" },
	[PLOT_SWITCH] = { "switch_cost.gp", "switch_cost.png",
			  "switch_cost.csv", "switch cost: lde engine, linux"
			  " engine, pipe ping-pong" },
	[PLOT_TIMER] = { "timer.gp", "timer.png", "timer.csv",
			 "timer to guest, against cyclictest" },
	[PLOT_SHARE] = { "share.gp", "share.png", "share.csv",
			 "CPU share per guest, coop against rr, with a hog" },
};

/* ---- the plots' data ----------------------------------------------- */

/* One series of a log2 histogram plot: its key title and counts. */
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
	double total[SERIES_MAX] = { 0 };

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

/* A series titled "who: P50 96 ns", from its figure v. */
static void series(struct series *s, const uint64_t *hist, const char *who,
		   const char *pct, double v)
{
	char b[DURATION_BUF];

	s->hist = hist;
	snprintf(s->title, sizeof(s->title), "%s: %s %s", who, pct,
		 isnan(v) ? "n/a" : duration_fmt(b, sizeof(b), v));
}

/*
 * An experiment's distribution: the ring's events, which its percentiles
 * come from, or lde.ko's histogram if the ring kept none.
 */
static const uint64_t *dist_hist(const struct sched_dist_fig *d)
{
	return d->ring.n ? d->ring.hist : d->mod_hist;
}

static void write_switch_cost(FILE *f, const struct lab *l)
{
	const struct sched_figures *fg = l->gr.fig;
	const struct goal *g = &l->gr.goal[G_VS_LINUX];
	const struct pp_result *pipe = &l->gr.pp.test[PP_PIPE];
	struct series s[SERIES_MAX];
	unsigned int n = 0;

	if (l->goals_ran) {
		series(&s[n++], dist_hist(&fg[GX_LDE2].dist[SCHED_SWITCH_COST]),
		       "lde engine", "P50", g->num);
		series(&s[n++],
		       dist_hist(&fg[GX_LINUX2].dist[SCHED_SWITCH_COST]),
		       "linux engine", "P50", g->den);
	}
	if (l->gr.pp_ran)
		series(&s[n++], pipe->sw.hist, "pipe ping-pong", "P50",
		       pipe->sw.p50);
	write_log2(f, s, n);
}

static void write_timer(FILE *f, const struct lab *l)
{
	const struct goal *g = &l->gr.goal[G_VS_CYCLICTEST];
	const struct sched_figures *rr = &l->gr.fig[GX_RR];
	struct series s[SERIES_MAX];
	unsigned int n = 0;

	if (l->goals_ran)
		series(&s[n++], dist_hist(&rr->dist[SCHED_TIMER_TO_GUEST]),
		       "lde timer to guest (rr 1 ms)", "P99", g->num);
	if (l->gr.cyclic_ran)
		series(&s[n++], l->gr.cyclic.hist, "cyclictest", "P99",
		       l->gr.cyclic.p99);
	write_log2(f, s, n);
}

/* share.gp draws the rows in this order: report_hog.c runs them so. */
static void write_share(FILE *f, const struct lab *l)
{
	unsigned int i;

	fputs("experiment,guests,engine,policy,hog_pct,others_pct,"
	      "no_guest_pct,end\n", f);
	for (i = 0; i < HOG_RUNS; i++) {
		const struct hog_run *h = &l->hog[i];
		const struct lde_sched_config *c = &h->e.cfg;
		double rest = 100 * (1 - h->hog_share - h->others_share);

		fprintf(f, "\"%s\",%u,%s,%s,", h->name, h->guests,
			SCHED_NAME(sched_engines, c->engine),
			SCHED_NAME(sched_policies, c->policy));
		csv_num(f, "%.2f", h->ran ? 100 * h->hog_share : NAN);
		fputc(',', f);
		csv_num(f, "%.2f", h->ran ? 100 * h->others_share : NAN);
		fputc(',', f);
		csv_num(f, "%.2f", h->ran ? (rest > 0 ? rest : 0) : NAN);
		fprintf(f, ",%s\n", !h->ran ? "" :
			SCHED_NAME(sched_ends, h->e.res.summary.end));
	}
}

int lab_plot_data(const struct lab *l)
{
	int ret = 0;

	ret |= lab_write(l, lab_plots[PLOT_SWITCH].data, write_switch_cost);
	ret |= lab_write(l, lab_plots[PLOT_TIMER].data, write_timer);
	ret |= lab_write(l, lab_plots[PLOT_SHARE].data, write_share);
	return ret;
}

/* ---- gnuplot ------------------------------------------------------- */

/* scripts/plots/name to dir/name. */
static int copy_script(const struct lab *l, const char *name)
{
	char path[PATH_MAX + 64], buf[4096];
	FILE *in, *out;
	size_t n;
	int ret;

	snprintf(path, sizeof(path), "%s/plots/%s", l->scripts, name);
	in = fopen(path, "re");
	if (!in) {
		fprintf(stderr, REPORT_WHO ": %s: %s\n", path, strerror(errno));
		return -1;
	}
	out = lab_fopen(l, name);
	if (!out) {
		fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)))
		fwrite(buf, 1, n, out);
	ret = ferror(in) ? -1 : 0;
	fclose(in);
	return lab_fclose(out, name) | ret;
}

/* gnuplot name.gp in dir, its messages into log; 0 if it drew. */
static int draw(struct lab *l, enum lab_plot p, FILE *log)
{
	char *const argv[] = { "gnuplot", (char *)lab_plots[p].gp, NULL };
	struct spawn_io io = {
		.out = fileno(log), .err = fileno(log), .dir = l->dir,
	};
	char png[PATH_MAX + 64];
	int status;

	if (copy_script(l, lab_plots[p].gp))
		return -1;
	fprintf(log, "$ gnuplot %s\n", lab_plots[p].gp);
	fflush(log);		/* before gnuplot writes to the same file */
	status = spawn_run(argv, &io);
	if (status < 0) {
		fprintf(stderr, REPORT_WHO ": gnuplot: %s%s\n", strerror(errno),
			errno == ENOENT ? " (apt-get install gnuplot-nox)" :
			"");
		return -1;
	}
	snprintf(png, sizeof(png), "%s/%s", l->dir, lab_plots[p].png);
	l->plotted[p] = !status && !access(png, R_OK);
	return l->plotted[p] ? 0 : -1;
}

int lab_plot(struct lab *l)
{
	FILE *log = lab_fopen(l, "plots.log");
	char failed[160] = "";
	unsigned int i;
	int n = 0, ret = 0;

	for (i = 0; i < sizeof(plot_shared) / sizeof(plot_shared[0]); i++)
		ret |= copy_script(l, plot_shared[i]);
	for (i = 0; log && i < NR_PLOTS; i++)
		if (draw(l, (enum lab_plot)i, log) && n >= 0)
			n = snprintf(failed + n, sizeof(failed) - n, "%s%s",
				     n ? ", " : "", lab_plots[i].png);
	if (log)
		ret |= lab_fclose(log, "plots.log");
	if (!log || *failed || ret)
		lab_step_set(l, STEP_PLOTS, STEP_FAILED, "not drawn: %s; see"
			     " plots.log", *failed ? failed :
			     "scripts missing");
	else
		lab_step_set(l, STEP_PLOTS, STEP_OK, NULL);
	return log && !*failed && !ret ? 0 : -1;
}

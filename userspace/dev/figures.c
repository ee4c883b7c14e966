// SPDX-License-Identifier: GPL-2.0
/*
 * figures.c - from lde.ko's counters and event ring to the figures
 * "lde sched" prints.
 *
 * lde.ko keeps two views of each latency: a struct lde_sched_dist over
 * every event (count, sum, min, max, log2 histogram), and a ring of the
 * first ring_events events, one by one.  Percentiles need the events
 * themselves, so they come from the ring, through stats.c like every other
 * percentile of lde; when the ring holds none of a kind (ring full, or
 * none happened) the module's min/mean/max stand in.
 *
 * Which events feed which distribution (lde.h, struct lde_sched_event):
 *   switch cost      LDE_EV_SWITCH from a guest to a guest, value_ns (the
 *                    host thread's switches, at the start, when idle and
 *                    at the end, are not the cost of one guest to another)
 *   timer lateness   every LDE_EV_TICK, value_ns
 *   timer to guest   LDE_EV_SWITCH with reason LDE_SW_TIMER to a guest,
 *                    latency_ns
 *   handler to guest the same switches, latency_ns less the value_ns of
 *                    the last LDE_EV_TICK before them: the tick whose
 *                    expiry and handler lde.ko measured both from
 * These are the rules module/sched.c applies to its own distributions, so
 * that the ring's counts match lde.ko's while nothing is lost.
 *
 * Use: see figures.h.
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dev/figures.h"
#include "lib/common.h"

/* hist.c and JSON label lde.ko's buckets with stats.c's bounds. */
static_assert(LDE_SCHED_HIST_BUCKETS == STATS_BUCKETS,
	      "lde_sched_dist and stats.h share their log2 buckets");

/*
 * The distributions of struct lde_sched_summary, named once in lde.h, in
 * the order of enum sched_dist_id.
 */
static const struct {
	const char *title, *key;
	size_t off;
} dist_names[] = {
#define DIST_NAME(m, title)	{ title, #m, offsetof(struct lde_sched_summary, m) },
	LDE_SCHED_DISTS(DIST_NAME, DIST_NAME)
#undef DIST_NAME
};

static_assert(ARRAY_SIZE(dist_names) == SCHED_NR_DISTS,
	      "enum sched_dist_id lists LDE_SCHED_DISTS");

/*
 * Does event ev belong to distribution id, and with which value?  late is
 * the lateness of the last tick before ev, or -1 if none.
 */
static bool pick(const struct lde_sched_event *ev, enum sched_dist_id id,
		 double late, double *ns)
{
	bool sw = ev->type == LDE_EV_SWITCH;
	bool timer_sw = sw && ev->reason == LDE_SW_TIMER &&
			ev->next != LDE_SCHED_HOST;

	switch (id) {
	case SCHED_SWITCH_COST:
		*ns = ev->value_ns;
		return sw && ev->prev != LDE_SCHED_HOST &&
		       ev->next != LDE_SCHED_HOST;
	case SCHED_TIMER_LATE:
		*ns = ev->value_ns;
		return ev->type == LDE_EV_TICK;
	case SCHED_TIMER_TO_GUEST:
		*ns = ev->latency_ns;
		return timer_sw;
	case SCHED_HANDLER_TO_GUEST:
		*ns = ev->latency_ns - late;
		return timer_sw && late >= 0 && *ns >= 0;
	case SCHED_NR_DISTS:
		break;
	}
	return false;
}

static void ring_stats(const struct sched_exp *e, enum sched_dist_id id,
		       double *buf, struct stats *st)
{
	double ns, late = -1;
	size_t i, n = 0;

	for (i = 0; i < e->nr_events; i++) {
		if (pick(&e->events[i], id, late, &ns))
			buf[n++] = ns;
		if (e->events[i].type == LDE_EV_TICK)
			late = e->events[i].value_ns;
	}
	stats_compute(buf, n, st);
}

static void init_dist(struct sched_dist_fig *d, const char *title,
		      const char *key, const struct lde_sched_dist *mod)
{
	unsigned int b;

	d->title = title;
	d->key = key;
	d->mod = mod;
	d->mod_mean_ns = mod->count ? (double)mod->sum_ns / mod->count : NAN;
	/* __u64 is unsigned long long; uint64_t may be unsigned long. */
	for (b = 0; b < STATS_BUCKETS; b++)
		d->mod_hist[b] = mod->hist[b];
}

static double ratio(uint64_t num, uint64_t den)
{
	return den ? (double)num / (double)den : NAN;
}

int sched_figures_compute(const struct sched_exp *e,
			  struct sched_figures *fg)
{
	const struct lde_sched_summary *s = &e->res.summary;
	double *buf;
	size_t i;

	memset(fg, 0, sizeof(*fg));
	for (i = 0; i < SCHED_NR_DISTS; i++)
		init_dist(&fg->dist[i], dist_names[i].title, dist_names[i].key,
			  (const void *)((const char *)s + dist_names[i].off));
	buf = malloc((e->nr_events ? e->nr_events : 1) * sizeof(*buf));
	if (!buf) {
		errno = ENOMEM;
		return -1;
	}
	for (i = 0; i < SCHED_NR_DISTS; i++)
		ring_stats(e, (enum sched_dist_id)i, buf, &fg->dist[i].ring);
	free(buf);

	for (i = 0; i < LDE_NR_SWITCH_REASONS; i++)
		fg->switches += s->switches[i];
	for (i = 0; i < e->nr_guests; i++)
		fg->guest_cpu_ns += e->guests[i].cpu_ns;
	fg->watchdog_ns = e->cfg.watchdog_ns ? e->cfg.watchdog_ns :
			  LDE_SCHED_DEFAULT_WATCHDOG_NS;
	fg->mean_slice_ns = ratio(s->slice_ns, s->slices);
	fg->mean_err_ns = ratio(s->slice_err_ns, s->slices);
	fg->jain = s->nr_guests ? s->jain_ppm / 1e6 : NAN;
	/* iterations per ns * 1000: per us reads better. */
	fg->guest_rate = ratio(s->guest_iters, s->guest_ns) * 1e3;
	fg->host_rate = ratio(s->host_iters, s->host_ns) * 1e3;
	fg->direct = s->guest_ns && s->host_ns ? s->direct_ppm / 1e6 : NAN;
	return 0;
}

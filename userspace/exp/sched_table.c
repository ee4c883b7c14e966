// SPDX-License-Identifier: GPL-2.0
/*
 * sched_table.c - one mini-scheduler experiment for people: the report of
 * "lde sched", which says what its numbers mean (--json is sched.c's).
 *
 * The report, top to bottom:
 *   what ran and why it ended
 *   the guests: CPU time, share of the run, runs, work, preemptions
 *   switches by reason, and where the quantum timer found the CPU
 *   switch cost, timer lateness, timer to guest: Min/P50/P90/P99/Max, exact
 *     from the event ring (or lde.ko's min/mean/max when the ring has none)
 *   quantum accuracy, Jain's fairness index, direct-execution ratio,
 *     register corruptions, the hog report
 *   with -h: log2 histograms, over every event (lde.ko's struct
 *     lde_sched_dist, not only the events the ring kept)
 *   what it shows, in plain words
 *
 * Use: see sched.h.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "dev/names.h"
#include "exp/goals.h"
#include "exp/sched.h"
#include "lib/duration.h"
#include "lib/hist.h"

#define LINE_WIDTH	80	/* what the report fits in */

/* Above this many guests, the table has one row per group. */
#define GUEST_ROWS_MAX	32

/* One row of the guest table: a guest, or the sum over a group. */
struct row {
	char who[24];		/* "3" or "0-99" */
	char what[16];		/* "spin", "exit*", "spin x100" */
	uint64_t cpu_ns, runs, iters, preempted, corruptions;
	bool regs;		/* corruptions are meaningful */
};

static const char *dur(char *buf, double ns)
{
	return duration_fmt(buf, DURATION_BUF, ns);
}

/*
 * "Guests: 2 spin, 1 yield (500 iters), 4 sleep (sleeps 200 us).": the
 * -g that ran, wrapped before LINE_WIDTH.
 */
static void print_groups(FILE *f, const struct lde_sched_config *cfg)
{
	char b[DURATION_BUF], item[80];
	unsigned int g;
	int col, n;

	col = fprintf(f, "Guests:");
	for (g = 0; g < cfg->nr_groups && g < LDE_SCHED_MAX_GROUPS; g++) {
		const struct lde_sched_group *gr = &cfg->groups[g];

		n = snprintf(item, sizeof(item), "%u %s", gr->count,
			     sched_workload(gr->workload));
		if (gr->iters)
			n += snprintf(item + n, sizeof(item) - n,
				      " (%llu iters%s",
				      (unsigned long long)gr->iters,
				      gr->sleep_ns ? "," : ")");
		if (gr->sleep_ns)
			snprintf(item + n, sizeof(item) - n, "%ssleeps %s)",
				 gr->iters ? " " : " (",
				 dur(b, (double)gr->sleep_ns));
		if (col + 2 + (int)strlen(item) >= LINE_WIDTH)
			col = fprintf(f, "\n ") - 1;
		col += fprintf(f, " %s%s", item,
			       g + 1 < cfg->nr_groups ? "," : ".\n");
	}
}

static void print_header(FILE *f, const struct sched_exp *e,
			 const struct sched_figures *fg)
{
	const struct lde_sched_config *cfg = &e->cfg;
	const struct lde_sched_summary *s = &e->res.summary;
	char a[DURATION_BUF], b[DURATION_BUF];

	fprintf(f, "lde sched: engine %s, policy %s",
		NAME_OF(sched_engines, cfg->engine),
		NAME_OF(sched_policies, cfg->policy));
	if (cfg->policy == LDE_POLICY_RR)
		fprintf(f, ", quantum %s", dur(a, (double)cfg->quantum_ns));
	fprintf(f, ", watchdog %s, lab CPU %u\n",
		dur(b, (double)fg->watchdog_ns), cfg->cpu);
	print_groups(f, cfg);
	fprintf(f, "Ran %s of the %s asked for.\n",
		dur(a, (double)s->elapsed_ns), dur(b, (double)cfg->duration_ns));
	if (e->interrupted && s->end == LDE_END_STOPPED)
		fprintf(f, "It ended early: Ctrl-C made this tool stop it.\n");
	else
		fprintf(f, "It ended because %s.\n", sched_end_why(s->end));
}

static void add_guest(struct row *r, const struct lde_sched_guest *g)
{
	r->cpu_ns += g->cpu_ns;
	r->runs += g->runs;
	r->iters += g->iters;
	r->preempted += g->preempted;
	r->corruptions += g->corruptions;
	r->regs |= g->workload == LDE_WL_REGS;
}

static void print_row(FILE *f, const struct sched_exp *e,
		      const struct row *r)
{
	char cpu[DURATION_BUF], sh[16] = "-", cor[24] = "-";
	double s = sched_share(r->cpu_ns, e);

	if (!isnan(s))
		snprintf(sh, sizeof(sh), "%.1f%%", 100 * s);
	if (r->regs)
		snprintf(cor, sizeof(cor), "%llu",
			 (unsigned long long)r->corruptions);
	fprintf(f, "%7s  %-10s %10s %6s %9llu %13llu %9llu %7s\n", r->who,
		r->what, dur(cpu, (double)r->cpu_ns), sh,
		(unsigned long long)r->runs, (unsigned long long)r->iters,
		(unsigned long long)r->preempted, cor);
}

/* One row per group: guests are numbered in group order (guestspec.h). */
static void print_group_rows(FILE *f, const struct sched_exp *e)
{
	unsigned int g, first = 0;
	size_t i;

	for (g = 0; g < e->cfg.nr_groups && g < LDE_SCHED_MAX_GROUPS; g++) {
		const struct lde_sched_group *gr = &e->cfg.groups[g];
		struct row r = { .cpu_ns = 0 };

		if (gr->count == 1)
			snprintf(r.who, sizeof(r.who), "%u", first);
		else
			snprintf(r.who, sizeof(r.who), "%u-%u", first,
				 first + gr->count - 1);
		snprintf(r.what, sizeof(r.what), "%s x%u",
			 sched_workload(gr->workload), gr->count);
		for (i = first; i < first + gr->count && i < e->nr_guests; i++)
			add_guest(&r, &e->guests[i]);
		print_row(f, e, &r);
		first += gr->count;
	}
}

void sched_print_guests(FILE *f, const struct sched_exp *e,
			const struct sched_figures *fg)
{
	bool exited = false;
	size_t i;

	fprintf(f, "\n%7s  %-10s %10s %6s %9s %13s %9s %7s\n", "guest",
		"workload", "CPU time", "share", "runs", "iterations",
		"preempted", "corrupt");
	if (e->nr_guests > GUEST_ROWS_MAX) {
		print_group_rows(f, e);
	} else {
		for (i = 0; i < e->nr_guests; i++) {
			const struct lde_sched_guest *g = &e->guests[i];
			struct row r = { .cpu_ns = 0 };

			snprintf(r.who, sizeof(r.who), "%zu", i);
			snprintf(r.what, sizeof(r.what), "%s%s",
				 sched_workload(g->workload), g->exited ? "*" : "");
			exited |= g->exited;
			add_guest(&r, g);
			print_row(f, e, &r);
		}
	}
	fprintf(f, "share: CPU time (in the guest, and in lde's mini-kernel"
		" for it) over the time\nthe experiment ran; all guests"
		" together: %.1f%%.", 100 * sched_share(fg->guest_cpu_ns, e));
	fprintf(f, "%s%s\n", exited ? "  * exited." : "",
		e->nr_guests > GUEST_ROWS_MAX ?
		"\nOne row per group, summed; --json lists every guest." : "");
}

static void print_switches(FILE *f, const struct sched_exp *e,
			   const struct sched_figures *fg)
{
	const struct lde_sched_summary *s = &e->res.summary;
	unsigned int i;

	fprintf(f, "\n%-8s", "switches");
	for (i = 0; i < LDE_NR_SWITCH_REASONS; i++)
		fprintf(f, " %8s", NAME_OF(sched_reasons, i));
	fprintf(f, " %8s %7s\n%-8s", "total", "per s", "");
	for (i = 0; i < LDE_NR_SWITCH_REASONS; i++)
		fprintf(f, " %8llu", (unsigned long long)s->switches[i]);
	fprintf(f, " %8llu %7.0f\n", (unsigned long long)fg->switches,
		s->elapsed_ns ? fg->switches * 1e9 / s->elapsed_ns : 0.0);
	fprintf(f, "host: to the host thread, at the end or to let Linux"
		" run on the lab CPU.\n");
	if (e->cfg.policy != LDE_POLICY_RR)
		return;
	fprintf(f, "Timer: %llu interrupts.  They found a guest"
		" %llu times, lde's mini-kernel\n"
		"%llu (%llu switched on the trap's return),"
		" the host thread %llu.  A tick that finds a guest\n"
		"preempts it at once, unless the interrupt came on top of"
		" other kernel work\n(softirqs): then the guest runs on to"
		" the next tick.\n", (unsigned long long)s->ticks,
		(unsigned long long)s->ticks_in[LDE_MODE_GUEST],
		(unsigned long long)s->ticks_in[LDE_MODE_KERNEL],
		(unsigned long long)s->ticks_deferred,
		(unsigned long long)s->ticks_in[LDE_MODE_HOST]);
}

/* Whole ns: lde.ko measures in whole ns, only means have fractions. */
static const char *ns(char *buf, size_t len, double v)
{
	snprintf(buf, len, "%.0f", v);
	return buf;
}

static void print_dist_row(FILE *f, const struct sched_dist_fig *d)
{
	const struct stats *st = &d->ring;
	char a[6][24];

	if (st->n) {
		fprintf(f, "%-15s %8s %8s %8s %8s %8s %8s %9zu\n", d->title,
			ns(a[0], 24, st->min), ns(a[1], 24, st->p50),
			ns(a[2], 24, st->p90), ns(a[3], 24, st->p99),
			ns(a[4], 24, st->max), ns(a[5], 24, st->mean), st->n);
	} else if (d->mod->count) {
		/* The ring kept none: lde.ko's own min, mean and max. */
		fprintf(f, "%-15s %8s %8s %8s %8s %8s %8s %9s\n", d->title,
			ns(a[0], 24, (double)d->mod->min_ns), "-", "-", "-",
			ns(a[4], 24, (double)d->mod->max_ns),
			ns(a[5], 24, d->mod_mean_ns), "lde.ko");
	} else {
		fprintf(f, "%-15s %8s %8s %8s %8s %8s %8s %9d\n", d->title,
			"-", "-", "-", "-", "-", "-", 0);
	}
}

/* Say when a row covers only part of its events, or none of them. */
static void print_dist_note(FILE *f, const struct sched_dist_fig *d)
{
	uint64_t all = d->mod->count;

	if (!all || d->ring.n >= all)
		return;
	if (d->ring.n)
		fprintf(f, "%s: the first %zu of %llu events.\n",
			d->title, d->ring.n, (unsigned long long)all);
	else
		fprintf(f, "%s: none in the ring; Min, Mean and Max of all"
			" %llu from lde.ko.\n", d->title,
			(unsigned long long)all);
}

static void print_latency(FILE *f, const struct sched_exp *e,
			  const struct sched_figures *fg)
{
	const struct lde_sched_summary *s = &e->res.summary;
	unsigned int i;

	fprintf(f, "\n%-15s %8s %8s %8s %8s %8s %8s %9s\n", "ns", "Min", "P50",
		"P90", "P99", "Max", "Mean", "events");
	for (i = 0; i < SCHED_NR_DISTS; i++)
		print_dist_row(f, &fg->dist[i]);
	fprintf(f, "Exact, from the %zu events in the ring: %llu"
		" recorded, %llu lost.\n", e->nr_events,
		(unsigned long long)s->events,
		(unsigned long long)s->events_lost);
	if (s->events_lost)
		fprintf(f, "The ring keeps the first events only;"
			" --ring=N keeps more.\n");
	if (s->stack_max)
		fprintf(f, "Guest stacks: the deepest guest used %llu of its"
			" %u bytes.\n", (unsigned long long)s->stack_max,
			LDE_GUEST_STACK_BYTES);
	for (i = 0; i < SCHED_NR_DISTS; i++)
		print_dist_note(f, &fg->dist[i]);
}

static void print_quantum(FILE *f, const struct sched_exp *e,
			  const struct sched_figures *fg)
{
	const struct lde_sched_summary *s = &e->res.summary;
	char q[DURATION_BUF], m[DURATION_BUF], err[DURATION_BUF];
	double qns = (double)e->cfg.quantum_ns;

	if (e->cfg.policy != LDE_POLICY_RR)
		return;
	fprintf(f, "Quantum %s: ", dur(q, qns));
	if (!s->slices) {
		fprintf(f, "no guest ran a full slice.\n");
		return;
	}
	fprintf(f, "%llu slices ran from a switch-in to the"
		" timer;\nmean %s (%+.1f%%), mean |error| %s.\n",
		(unsigned long long)s->slices,
		dur(m, fg->mean_slice_ns), 100 * (fg->mean_slice_ns / qns - 1),
		dur(err, fg->mean_err_ns));
}

static bool quantum_is_1ms(const struct sched_exp *e)
{
	return e->cfg.policy == LDE_POLICY_RR &&
	       e->cfg.quantum_ns == 1000000;
}

static void print_direct(FILE *f, const struct sched_exp *e,
			 const struct sched_figures *fg)
{
	double target = goal_target("direct");

	if (isnan(fg->direct)) {
		fprintf(f, "Direct execution: not measured (no spin guest"
			" ran).\n");
		return;
	}
	fprintf(f, "Direct execution: the spin loop ran %.1f iterations/us"
		" in the guests,\n%.1f in a plain kthread: ratio %.3f",
		fg->guest_rate, fg->host_rate, fg->direct);
	if (quantum_is_1ms(e))
		fprintf(f, " (goal >= %.2f at a 1 ms quantum: %s)", target,
			fg->direct >= target ? "met" : "NOT met");
	fprintf(f, ".\n");
}

static void print_corruptions(FILE *f, const struct sched_exp *e)
{
	uint64_t guests = 0, preempted = 0;
	size_t i;

	for (i = 0; i < e->nr_guests; i++) {
		if (e->guests[i].workload != LDE_WL_REGS)
			continue;
		guests++;
		preempted += e->guests[i].preempted;
	}
	if (!guests) {
		fprintf(f, "Register corruptions: no regs guest ran.\n");
		return;
	}
	fprintf(f, "Register corruptions: %llu in %llu regs"
		" guest%s, preempted %llu times%s.\n",
		(unsigned long long)e->res.summary.corruptions,
		(unsigned long long)guests, guests == 1 ? "" : "s",
		(unsigned long long)preempted,
		e->res.summary.corruptions ? ": a preemption lost registers!"
		: "");
}

void sched_print_hog(FILE *f, const struct sched_exp *e,
		     const struct sched_figures *fg)
{
	const struct lde_sched_summary *s = &e->res.summary;
	char a[DURATION_BUF], b[DURATION_BUF];

	if (s->hog_guest == LDE_SCHED_NO_GUEST)
		return;
	fprintf(f, "Hog: guest %u (%s) kept the CPU for %s without trapping."
		"  The watchdog\n(limit %s) took the CPU back and ended the"
		" experiment.\n", s->hog_guest,
		s->hog_guest < e->nr_guests ?
		sched_workload(e->guests[s->hog_guest].workload) : "?",
		dur(a, (double)s->hog_ns), dur(b, (double)fg->watchdog_ns));
}

static void print_histograms(FILE *f, const struct sched_figures *fg)
{
	unsigned int i;

	fprintf(f, "\nHistograms: ns in log2 buckets [low, high), count,"
		" share; every event,\nnot only those the ring kept.\n");
	for (i = 0; i < SCHED_NR_DISTS; i++) {
		const struct sched_dist_fig *d = &fg->dist[i];

		fprintf(f, "\n%s (%llu events)\n", d->title,
			(unsigned long long)d->mod->count);
		if (d->mod->count)
			hist_print(f, d->mod_hist, STATS_BUCKETS);
	}
}

static void print_explanation(FILE *f, const struct sched_exp *e)
{
	if (e->cfg.policy == LDE_POLICY_COOP)
		fprintf(f, "\nWhat this shows: cooperative scheduling.  The CPU"
			" changed hands only\nwhen a guest trapped (yield,"
			" sleep, exit).  A guest that never traps keeps it:\n"
			"the mini-kernel regains control only through its"
			" watchdog, lde's stand-in\nfor a reboot.\n");
	else
		fprintf(f, "\nWhat this shows: round robin.  Every quantum a"
			" hard-IRQ timer interrupted\nthe lab CPU; if it found"
			" a guest running, lde saved all its registers and\n"
			"ran the next one.  No guest had to cooperate, so CPU"
			" time is shared even\nwith a hog.  Jain's index is 1"
			" for equal shares, 1/n if one guest had it\nall.\n");
	if (e->cfg.engine == LDE_ENGINE_LDE)
		fprintf(f, "Engine lde: a switch is lde's own swtch, which"
			" saves the callee-saved\nregisters and the stack"
			" pointer and loads the next guest's, on one kthread.\n");
	else
		fprintf(f, "Engine linux: each guest is a kthread; a switch"
			" wakes the next and blocks\nthe current one, so it"
			" goes through Linux's scheduler and switch_to.\n");
	fprintf(f, "Switch cost is leaving one guest to running the next."
		"  Timer lateness is the\nhrtimer's expiry to its handler;"
		" timer to guest, expiry to the next guest's\nfirst"
		" instruction.\n");
}

void sched_print_table(FILE *f, const struct sched_exp *e,
		       const struct sched_figures *fg, bool histogram)
{
	const struct lde_sched_summary *s = &e->res.summary;

	print_header(f, e, fg);
	sched_print_guests(f, e, fg);
	print_switches(f, e, fg);
	print_latency(f, e, fg);
	fputc('\n', f);
	print_quantum(f, e, fg);
	fprintf(f, "Fairness: Jain's index %.3f over the CPU time of %u"
		" guest%s.\n", fg->jain, s->nr_guests,
		s->nr_guests == 1 ? "" : "s");
	print_direct(f, e, fg);
	print_corruptions(f, e);
	sched_print_hog(f, e, fg);
	if (histogram)
		print_histograms(f, fg);
	print_explanation(f, e);
}

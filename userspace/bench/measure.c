// SPDX-License-Identifier: GPL-2.0
/*
 * measure.c - time every subject the same way, so that they compare.
 *
 * Each subject gets two kinds of measurement:
 *
 *  - samples: every call timed on its own (tsc_begin(); call; tsc_end()).
 *    They give the distribution: Min, P50, P90, P99, Max.  The two TSC
 *    reads cost tens of cycles themselves, so the same loop with nothing
 *    between them is timed as well and its median is subtracted from
 *    every sample (clamped at 0).
 *  - batches: many calls between two TSC reads.  Batch cycles / batch
 *    size is a mean per call in which the timer cost is spread thin.  Avg
 *    is the median of these batch means: a mean per call that one
 *    preemption in one batch (milliseconds, in a busy VM) cannot skew.
 *    An empty loop of the same length gives the overhead.
 *
 * The empty loops contain no call at all, so the plain function-call
 * subject shows what a call costs and is not subtracted away.
 *
 * Subjects are measured in ROUNDS: every round takes a slice of every
 * subject's calls.  A busy host or a TCG VM speeds up and slows down over
 * seconds; interleaving spreads that drift over all subjects alike, which
 * keeps the ratios between them honest.
 *
 * Slow subjects (a 64 KiB echo under TCG) get fewer samples, so that none
 * takes much longer than cfg->budget_ns; the warm-up calls tell how slow.
 *
 * A subject may need company to make its call, such as a thread to yield
 * to: its enter() and leave() bracket every stretch of its calls, so the
 * company is parked while the others are timed.
 *
 * Use: see measure.h.
 */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/measure.h"
#include "lib/json.h"

#define ROUNDS		10
#define WARMUP_CALLS	1000	/* at most, per subject */
#define WARMUP_NS	20e6	/* at most, per subject */
#define ROUND_WARMUP	8	/* calls before each round's slice */
#define MIN_SAMPLES	100	/* even for very slow subjects */
#define OV_BATCHES	31	/* empty batches timed for the overhead */

typedef int (*call_fn)(void *ctx);

/* One subject's measurement in progress. */
struct plan {
	uint64_t *cyc;		/* samples, in cycles, overhead included */
	size_t want;		/* samples to take */
	size_t got;
	size_t bsize;		/* calls per batch */
	size_t batches;		/* batches to run */
	size_t bdone;
	uint64_t *bcyc;		/* cycles of each batch */
	struct result *res;
};

/*
 * Hide the function pointer from the optimizer (an empty asm that "may
 * change" it, like the kernel's OPTIMIZER_HIDE_VAR()): the compiler then
 * cannot know which function it calls, so it can neither inline the call
 * nor drop it, even for the empty function-call baseline.
 */
static call_fn load_fn(const struct subject *s)
{
	call_fn fn = s->fn;

	asm volatile("" : "+r"(fn));
	return fn;
}

/* Out of line and cold: keeps the timed loops short. */
static __attribute__((noinline, cold)) void note_error(struct result *r)
{
	if (!r->errors++)
		r->first_errno = errno;
}

/*
 * The timed loops.  They are always inlined into wrappers that pass a
 * constant for rdtscp, so each wrapper holds one straight loop without a
 * branch on the timer kind.
 */
static inline __attribute__((always_inline)) void
sample_loop(call_fn fn, void *ctx, uint64_t *cyc, size_t n,
	    struct result *r, bool rdtscp)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint64_t t0, t1;
		int rc;

		t0 = tsc_begin();
		rc = fn(ctx);
		t1 = tsc_end(rdtscp);
		cyc[i] = t1 - t0;
		if (rc)
			note_error(r);
	}
}

static inline __attribute__((always_inline)) void
empty_sample_loop(uint64_t *cyc, size_t n, bool rdtscp)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint64_t t0, t1;

		t0 = tsc_begin();
		t1 = tsc_end(rdtscp);
		cyc[i] = t1 - t0;
	}
}

static inline __attribute__((always_inline)) uint64_t
batch_loop(call_fn fn, void *ctx, size_t n, struct result *r, bool rdtscp)
{
	uint64_t t0 = tsc_begin();
	size_t i;

	for (i = 0; i < n; i++)
		if (fn(ctx))
			note_error(r);
	return tsc_end(rdtscp) - t0;
}

static inline __attribute__((always_inline)) uint64_t
empty_batch_loop(size_t n, bool rdtscp)
{
	uint64_t t0 = tsc_begin();
	size_t i;

	/* A volatile asm cannot be removed, so neither can the loop. */
	for (i = 0; i < n; i++)
		asm volatile("");
	return tsc_end(rdtscp) - t0;
}

static void take_samples(const struct subject *s, struct plan *p, size_t n,
			 bool rdtscp)
{
	call_fn fn = load_fn(s);
	uint64_t *cyc = p->cyc + p->got;

	if (rdtscp)
		sample_loop(fn, s->ctx, cyc, n, p->res, true);
	else
		sample_loop(fn, s->ctx, cyc, n, p->res, false);
	p->got += n;
	p->res->calls += n;
}

static void take_batches(const struct subject *s, struct plan *p, size_t nb,
			 bool rdtscp)
{
	call_fn fn = load_fn(s);
	size_t i;

	for (i = 0; i < nb; i++, p->bdone++) {
		if (rdtscp)
			p->bcyc[p->bdone] = batch_loop(fn, s->ctx, p->bsize,
						       p->res, true);
		else
			p->bcyc[p->bdone] = batch_loop(fn, s->ctx, p->bsize,
						       p->res, false);
	}
	p->res->calls += nb * p->bsize;
}

static void take_empty_samples(uint64_t *cyc, size_t n, bool rdtscp)
{
	if (rdtscp)
		empty_sample_loop(cyc, n, true);
	else
		empty_sample_loop(cyc, n, false);
}

static uint64_t take_empty_batch(size_t n, bool rdtscp)
{
	return rdtscp ? empty_batch_loop(n, true) : empty_batch_loop(n, false);
}

/* Calls that are not measured: wake caches, TLB and branch predictors. */
static void warm(const struct subject *s, struct result *r, size_t n)
{
	call_fn fn = load_fn(s);
	size_t i;

	for (i = 0; i < n; i++)
		if (fn(s->ctx))
			note_error(r);
	r->calls += n;
}

/* Warm up for a while and return roughly how many cycles one call takes. */
static double warm_up(const struct subject *s, struct result *r,
		      const struct tsc *t)
{
	uint64_t limit = (uint64_t)(WARMUP_NS / t->ns_per_cycle);
	uint64_t t0 = tsc_begin(), el;
	size_t n = 0;

	do {
		warm(s, r, 1);
		n++;
		el = tsc_end(false) - t0;
	} while (n < WARMUP_CALLS && el < limit);
	return (double)el / n;
}

/* How many of total things round r of ROUNDS does; they add up to total. */
static size_t slice(size_t total, unsigned int r)
{
	return total * (r + 1) / ROUNDS - total * r / ROUNDS;
}

static void plan_subject(struct plan *p, const struct measure_cfg *cfg,
			 double cycles_per_call, const struct tsc *t)
{
	double budget = cfg->budget_ns / t->ns_per_cycle;
	double fit;

	/* The budget covers the samples and the batches: twice the calls. */
	if (cycles_per_call < 1)
		cycles_per_call = 1;
	fit = budget / (2 * cycles_per_call);
	if (fit < MIN_SAMPLES)
		fit = MIN_SAMPLES;
	p->want = fit < (double)cfg->loops ? (size_t)fit : cfg->loops;
	p->res->capped = p->want < cfg->loops;
	p->bsize = cfg->batch < p->want ? cfg->batch : p->want;
	p->batches = p->want / p->bsize;
}

/* The median of n cycle counts (reorders nothing: copies into tmp). */
static double median_cycles(const uint64_t *cyc, size_t n, double *tmp)
{
	struct stats st;
	size_t i;

	for (i = 0; i < n; i++)
		tmp[i] = (double)cyc[i];
	stats_compute(tmp, n, &st);
	return st.p50;
}

/*
 * Time the empty loops.  Returns the timer cost of one sample and the
 * loop cost of one batch iteration, in cycles.
 */
static void measure_overhead(const struct measure_cfg *cfg, bool rdtscp,
			     uint64_t *cyc, double *tmp,
			     double *sample_cyc, double *iter_cyc)
{
	uint64_t b[OV_BATCHES];
	double med;
	size_t i;

	take_empty_samples(cyc, cfg->loops / 10 + 1, rdtscp);	/* warm */
	take_empty_samples(cyc, cfg->loops, rdtscp);
	*sample_cyc = median_cycles(cyc, cfg->loops, tmp);

	take_empty_batch(cfg->batch, rdtscp);
	for (i = 0; i < OV_BATCHES; i++)
		b[i] = take_empty_batch(cfg->batch, rdtscp);
	med = median_cycles(b, OV_BATCHES, tmp);
	/* A batch is one timer pair plus batch loop iterations. */
	*iter_cyc = med > *sample_cyc ?
		    (med - *sample_cyc) / (double)cfg->batch : 0;
}

/*
 * Turn a plan's cycles into the result's ns, minus the overheads.  With
 * keep, hand a copy of the samples to the result.  Returns 0 or -1.
 */
static int finish(struct plan *p, const struct tsc *t, double sample_cyc,
		  double iter_cyc, double *tmp, bool keep)
{
	double per_call, ov;
	size_t i;

	for (i = 0; i < p->got; i++) {
		double c = (double)p->cyc[i] - sample_cyc;

		/*
		 * A TSC read on one CPU never goes backwards, but a
		 * wrapped difference would be huge: treat it as 0.
		 */
		if (c < 0 || p->cyc[i] > (UINT64_MAX >> 1))
			c = 0;
		tmp[i] = c * t->ns_per_cycle;
	}
	stats_compute(tmp, p->got, &p->res->st);	/* sorts tmp */
	p->res->samples = p->got;
	if (keep) {
		p->res->ns = malloc(p->got * sizeof(*tmp));
		if (!p->res->ns)
			return -1;
		memcpy(p->res->ns, tmp, p->got * sizeof(*tmp));
	}

	per_call = median_cycles(p->bcyc, p->bdone, tmp) / (double)p->bsize;
	ov = iter_cyc + sample_cyc / (double)p->bsize;
	p->res->avg_ns = per_call > ov ? (per_call - ov) * t->ns_per_cycle : 0;
	return 0;
}

static int enter(const struct subject *s)
{
	return s->enter ? s->enter(s->ctx) : 0;
}

static void leave(const struct subject *s)
{
	if (s->leave)
		s->leave(s->ctx);
}

int measure_run(const struct measure_cfg *cfg, const struct tsc *t,
		const struct subject *subj, size_t n,
		struct result *res, struct overhead *ov)
{
	size_t ntmp = cfg->loops > OV_BATCHES ? cfg->loops : OV_BATCHES;
	double sample_cyc, iter_cyc, *tmp;
	struct plan *plan;
	unsigned int r;
	size_t i;
	int ret = -1, err = ENOMEM;

	if (!n || !cfg->loops || !cfg->batch) {
		errno = EINVAL;
		return -1;
	}
	/* All of res[] now: the error path frees res[i].ns. */
	memset(res, 0, n * sizeof(*res));
	plan = calloc(n, sizeof(*plan));
	tmp = malloc(ntmp * sizeof(*tmp));
	if (!plan || !tmp)
		goto out;
	/*
	 * Write every page of the buffers now: a page fault inside a timed
	 * call would land in the samples.
	 */
	memset(tmp, 0, ntmp * sizeof(*tmp));
	for (i = 0; i < n; i++) {
		res[i].name = subj[i].name;
		plan[i].res = &res[i];
		/* Both hold at most cfg->loops: batches <= samples. */
		plan[i].cyc = malloc(cfg->loops * sizeof(*plan[i].cyc));
		plan[i].bcyc = malloc(cfg->loops * sizeof(*plan[i].bcyc));
		if (!plan[i].cyc || !plan[i].bcyc)
			goto out;
		memset(plan[i].cyc, 0, cfg->loops * sizeof(*plan[i].cyc));
		memset(plan[i].bcyc, 0, cfg->loops * sizeof(*plan[i].bcyc));
	}

	measure_overhead(cfg, t->rdtscp, plan[0].cyc, tmp,
			 &sample_cyc, &iter_cyc);
	ov->sample_ns = sample_cyc * t->ns_per_cycle;
	ov->batch_ns = (iter_cyc + sample_cyc / (double)cfg->batch) *
		       t->ns_per_cycle;

	for (i = 0; i < n; i++) {
		if (enter(&subj[i]))
			goto enter_failed;
		plan_subject(&plan[i], cfg, warm_up(&subj[i], &res[i], t), t);
		leave(&subj[i]);
	}

	for (r = 0; r < ROUNDS; r++) {
		for (i = 0; i < n; i++) {
			if (enter(&subj[i]))
				goto enter_failed;
			warm(&subj[i], &res[i], ROUND_WARMUP);
			take_samples(&subj[i], &plan[i],
				     slice(plan[i].want, r), t->rdtscp);
			take_batches(&subj[i], &plan[i],
				     slice(plan[i].batches, r), t->rdtscp);
			leave(&subj[i]);
		}
	}

	for (i = 0; i < n; i++)
		if (finish(&plan[i], t, sample_cyc, iter_cyc, tmp, cfg->keep))
			goto out;
	ret = 0;
	goto out;

enter_failed:
	err = errno;
out:
	if (ret) {
		for (i = 0; i < n; i++) {
			free(res[i].ns);
			res[i].ns = NULL;
		}
		errno = err;
	}
	if (plan)
		for (i = 0; i < n; i++) {
			free(plan[i].cyc);
			free(plan[i].bcyc);
		}
	free(plan);
	free(tmp);
	return ret;
}

void measure_json_head(FILE *f, const char *unit, const struct tsc *t,
		       int cpu, const struct overhead *ov)
{
	fprintf(f, "{\n  \"unit\": \"%s\",\n", unit);
	fprintf(f, "  \"tsc_hz\": %.0f,\n", t->hz);
	fprintf(f, "  \"tsc_invariant\": %s,\n",
		t->invariant ? "true" : "false");
	fprintf(f, "  \"cpu\": %d,\n  ", cpu);
	json_dbl(f, "overhead_ns", ov->sample_ns, ",\n  ");
	json_dbl(f, "batch_overhead_ns", ov->batch_ns, ",\n");
}

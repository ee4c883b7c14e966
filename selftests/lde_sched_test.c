// SPDX-License-Identifier: GPL-2.0
/*
 * lde_sched_test - what lde's mini scheduler does, one experiment per test
 * on the lab CPU (the last online one):
 *   - each policy (coop, rr) with each engine (lde, linux): the experiment
 *     ends for the expected reason, every guest runs, the CPU changes hands
 *     for the expected reason only, and the guests' CPU time and the
 *     switches between them add up to the elapsed time;
 *   - a hog under coop: the watchdog catches it, reports it, and the
 *     machine stays responsive (a heartbeat on CPU 0 never stalls for more
 *     than 50 ms);
 *   - rr with a hog among spin guests: Jain's index stays high and every
 *     guest gets its share;
 *   - regs guests under rr: no register changes over 100k preemptions
 *     (as many runs as that takes);
 *   - sched_stop, and repeated start/stop and start/result cycles.
 * lde_sched_errors_test covers the error paths, lde_module_test rmmod
 * during an experiment.
 *
 * Needs lde.ko loaded, root (CAP_SYS_ADMIN) and nothing else using the lab
 * CPU's experiment slot; SKIPs without the device or root.  About a
 * minute in a TCG VM, most of it in the regs tests.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_sched_test			(this one, from selftests/)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#include "lde_sched.h"

#define GUESTS			3U		/* per policy/engine run */
#define RUN_NS			(300 * LDE_MSEC)
/*
 * Work before exiting: about 40 ms per guest in a TCG VM, so that the
 * host thread's fixed share (waking the first guest, being woken by the
 * last) stays a small part of the elapsed time.
 */
#define EXIT_ITERS		30000000
/*
 * The exit variants end when the last guest exits: their duration is a
 * bound, not a budget.  The linux engine's three guests took longer than
 * RUN_NS on arm64 under TCG, and on Linux 7.2, so the run ended by its
 * duration and the test failed on how fast the machine was.
 */
#define EXIT_RUN_NS		(10 * LDE_SEC)
#define SLEEP_NS		LDE_MSEC

/*
 * Where the lab CPU's time goes, in percent of the elapsed time.  A guest's
 * cpu_ns runs from the end of the switch to it to the start of the switch
 * away from it; a switch between two guests is in switch_cost.  So the
 * guests' CPU time plus the guest-to-guest switches is all of the elapsed
 * time but the host thread's share (the first and last switch, and the
 * moments Linux borrows the CPU): 90% leaves room for that and still fails
 * if the accounting misses a guest or a kind of switch.  The upper bound
 * is the elapsed time itself plus 1% for where each side reads its clock.
 */
#define CPU_FILL_MIN_PCT	90
#define CPU_FILL_MAX_PCT	101

/* The guests' CPU time plus the guest-to-guest switches, in ns. */
static __u64 accounted_ns(const struct lde_sched_figures *f)
{
	return lde_guests_cpu_ns(f) + f->res.summary.switch_cost.sum_ns;
}

/* ---- Each policy with each engine --------------------------------------- */

FIXTURE(policy) {
	int fd;
	unsigned int cpu;
	struct lde_sched_figures f;
};

FIXTURE_VARIANT(policy) {
	__u32 engine;
	__u32 policy;
	__u32 workload;
	__u64 iters;
	__u64 sleep_ns;
	__u32 end;		/* the enum lde_sched_end expected */
	__u32 reason;		/* the one guest switch reason expected */
	bool busy;		/* guests never leave the CPU idle */
	__u64 run_ns;		/* the experiment's duration; 0: RUN_NS */
};

/* Yield guests under coop: only yields pass the CPU on. */
FIXTURE_VARIANT_ADD(policy, lde_coop_yield) {
	.engine = LDE_ENGINE_LDE, .policy = LDE_POLICY_COOP,
	.workload = LDE_WL_YIELD, .end = LDE_END_DURATION,
	.reason = LDE_SW_YIELD, .busy = true,
};

FIXTURE_VARIANT_ADD(policy, linux_coop_yield) {
	.engine = LDE_ENGINE_LINUX, .policy = LDE_POLICY_COOP,
	.workload = LDE_WL_YIELD, .end = LDE_END_DURATION,
	.reason = LDE_SW_YIELD, .busy = true,
};

/* Spin guests under rr: only the timer takes the CPU back. */
FIXTURE_VARIANT_ADD(policy, lde_rr_spin) {
	.engine = LDE_ENGINE_LDE, .policy = LDE_POLICY_RR,
	.workload = LDE_WL_SPIN, .end = LDE_END_DURATION,
	.reason = LDE_SW_TIMER, .busy = true,
};

FIXTURE_VARIANT_ADD(policy, linux_rr_spin) {
	.engine = LDE_ENGINE_LINUX, .policy = LDE_POLICY_RR,
	.workload = LDE_WL_SPIN, .end = LDE_END_DURATION,
	.reason = LDE_SW_TIMER, .busy = true,
};

/* Exit guests under coop: each runs once, and the last exit ends it all. */
FIXTURE_VARIANT_ADD(policy, lde_coop_exit) {
	.engine = LDE_ENGINE_LDE, .policy = LDE_POLICY_COOP,
	.workload = LDE_WL_EXIT, .iters = EXIT_ITERS, .end = LDE_END_EXITED,
	.reason = LDE_SW_EXIT, .busy = true, .run_ns = EXIT_RUN_NS,
};

FIXTURE_VARIANT_ADD(policy, linux_coop_exit) {
	.engine = LDE_ENGINE_LINUX, .policy = LDE_POLICY_COOP,
	.workload = LDE_WL_EXIT, .iters = EXIT_ITERS, .end = LDE_END_EXITED,
	.reason = LDE_SW_EXIT, .busy = true, .run_ns = EXIT_RUN_NS,
};

/* Sleep guests under coop: the CPU changes hands when they block. */
FIXTURE_VARIANT_ADD(policy, lde_coop_sleep) {
	.engine = LDE_ENGINE_LDE, .policy = LDE_POLICY_COOP,
	.workload = LDE_WL_SLEEP, .sleep_ns = SLEEP_NS,
	.end = LDE_END_DURATION, .reason = LDE_SW_SLEEP,
};

FIXTURE_VARIANT_ADD(policy, linux_coop_sleep) {
	.engine = LDE_ENGINE_LINUX, .policy = LDE_POLICY_COOP,
	.workload = LDE_WL_SLEEP, .sleep_ns = SLEEP_NS,
	.end = LDE_END_DURATION, .reason = LDE_SW_SLEEP,
};

FIXTURE_SETUP(policy)
{
	struct lde_sched_config c;

	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	c = lde_sched_config(self->cpu, variant->engine, variant->policy,
			     variant->run_ns ?: RUN_NS);
	lde_sched_add(&c, variant->workload, GUESTS, variant->iters,
		      variant->sleep_ns);
	ASSERT_EQ(0, lde_sched_run(self->fd, &c, &self->f));
	ASSERT_EQ(GUESTS, self->f.res.summary.nr_guests);
	ASSERT_EQ(GUESTS, self->f.res.nr_guests_out);
}

FIXTURE_TEARDOWN(policy)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

/* The experiment is over, and it ended for the variant's reason. */
TEST_F(policy, ends_for_expected_reason)
{
	EXPECT_EQ(1U, self->f.res.summary.state);
	ASSERT_EQ(variant->end, self->f.res.summary.end);
}

/* Every guest got the CPU, used it, and did work. */
TEST_F(policy, every_guest_ran)
{
	unsigned int i;

	for (i = 0; i < GUESTS; i++) {
		const struct lde_sched_guest *g = &self->f.guests[i];

		EXPECT_EQ(variant->workload, g->workload) TH_LOG("guest %u", i);
		EXPECT_LT(0ULL, g->runs) TH_LOG("guest %u", i);
		EXPECT_LT(0ULL, g->cpu_ns) TH_LOG("guest %u", i);
		EXPECT_LT(0ULL, g->iters) TH_LOG("guest %u", i);
	}
}

/* The CPU changed hands between guests for the expected reason only. */
TEST_F(policy, switches_only_for_expected_reason)
{
	const __u64 *sw = self->f.res.summary.switches;
	unsigned int r;

	ASSERT_LT(0ULL, sw[variant->reason]);
	for (r = 0; r < LDE_SW_HOST; r++) {
		if (r != variant->reason)
			EXPECT_EQ(0ULL, sw[r]) TH_LOG("reason %u", r);
	}
}

/* The quantum timer ticks under rr, never under coop. */
TEST_F(policy, ticks_only_under_rr)
{
	const struct lde_sched_summary *s = &self->f.res.summary;

	if (variant->policy == LDE_POLICY_COOP) {
		ASSERT_EQ(0ULL, s->ticks);
	} else {
		ASSERT_LT(0ULL, s->ticks);
		ASSERT_LE(s->switches[LDE_SW_TIMER], s->ticks);
	}
}

/*
 * Under rr, every timer switch to a guest has both its timer to guest and
 * its handler to guest, and the second is the first less the interrupt's
 * lateness: never more, so each order statistic of it is at most the
 * other's (the cumulative counts dominate, bucket by bucket).  Under coop
 * neither has any.
 */
TEST_F(policy, handler_to_guest_within_timer_to_guest)
{
	const struct lde_sched_summary *s = &self->f.res.summary;
	const struct lde_sched_dist *h = &s->handler_to_guest;
	const struct lde_sched_dist *t = &s->timer_to_guest;
	__u64 ch = 0, ct = 0;
	unsigned int b;

	ASSERT_EQ(t->count, h->count);
	if (variant->policy == LDE_POLICY_COOP) {
		ASSERT_EQ(0ULL, h->count);
		return;
	}
	ASSERT_LT(0ULL, h->count);
	ASSERT_GE(s->switches[LDE_SW_TIMER], h->count);
	EXPECT_LE(h->min_ns, t->min_ns);
	EXPECT_LE(h->max_ns, t->max_ns);
	EXPECT_LE(h->sum_ns, t->sum_ns);
	for (b = 0; b < LDE_SCHED_HIST_BUCKETS; b++) {
		ch += h->hist[b];
		ct += t->hist[b];
		EXPECT_GE(ch, ct) TH_LOG("bucket %u", b);
	}
	EXPECT_EQ(h->count, ch);
}

/* The guests' CPU time and switches never exceed the elapsed time. */
TEST_F(policy, cpu_time_within_elapsed)
{
	__u64 elapsed = self->f.res.summary.elapsed_ns;

	ASSERT_LT(0ULL, elapsed);
	ASSERT_GE(elapsed * CPU_FILL_MAX_PCT / 100, accounted_ns(&self->f))
		TH_LOG("elapsed %llu ns, guests' CPU %llu ns",
		       (unsigned long long)elapsed,
		       (unsigned long long)lde_guests_cpu_ns(&self->f));
}

/* CPU-bound guests fill the elapsed time, but for the switches between them. */
TEST_F(policy, cpu_time_fills_elapsed)
{
	__u64 elapsed = self->f.res.summary.elapsed_ns;

	if (!variant->busy)
		SKIP(return, "sleep guests leave the lab CPU idle");
	ASSERT_LE(elapsed * CPU_FILL_MIN_PCT / 100, accounted_ns(&self->f))
		TH_LOG("elapsed %llu ns, guests' CPU %llu ns",
		       (unsigned long long)elapsed,
		       (unsigned long long)lde_guests_cpu_ns(&self->f));
}

/* ---- The hog under coop, and the watchdog -------------------------------- */

#define WATCHDOG_NS		(100 * LDE_MSEC)
#define HOG_RUN_NS		(5 * LDE_SEC)	/* far past the watchdog */
#define HEARTBEAT_NS		LDE_MSEC	/* the heartbeat's period */
#define MAX_STALL_NS		(50 * LDE_MSEC)	/* the bound */

/* A thread on another CPU that wakes every HEARTBEAT_NS: its worst gap. */
struct heartbeat {
	pthread_t thread;
	atomic_bool stop;
	__u64 max_gap_ns;
	__u64 beats;
};

static void *heartbeat_fn(void *arg)
{
	const struct timespec period = { .tv_nsec = HEARTBEAT_NS };
	struct heartbeat *hb = arg;
	__u64 last = lde_mono_ns(), now;

	while (!atomic_load(&hb->stop)) {
		nanosleep(&period, NULL);
		now = lde_mono_ns();
		if (now - last > hb->max_gap_ns)
			hb->max_gap_ns = now - last;
		hb->beats++;
		last = now;
	}
	return NULL;
}

/* Start hb's thread pinned to cpu: 0 or an errno. */
static int heartbeat_start(struct heartbeat *hb, unsigned int cpu)
{
	pthread_attr_t attr;
	cpu_set_t set;
	int err;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	pthread_attr_init(&attr);
	err = pthread_attr_setaffinity_np(&attr, sizeof(set), &set);
	if (!err)
		err = pthread_create(&hb->thread, &attr, heartbeat_fn, hb);
	pthread_attr_destroy(&attr);
	return err;
}

static void heartbeat_stop(struct heartbeat *hb)
{
	atomic_store(&hb->stop, true);
	pthread_join(hb->thread, NULL);
}

FIXTURE(hog) {
	int fd;
	unsigned int cpu;
	unsigned int spin_guest;	/* the index of the spin guest */
	struct heartbeat hb;
	struct lde_sched_figures f;
};

FIXTURE_VARIANT(hog) {
	__u32 engine;
};

FIXTURE_VARIANT_ADD(hog, lde) { .engine = LDE_ENGINE_LDE };
FIXTURE_VARIANT_ADD(hog, linux) { .engine = LDE_ENGINE_LINUX };

/*
 * A yield guest, then a spin guest that never gives the CPU back, under
 * coop with a 100 ms watchdog, while a heartbeat beats on CPU 0.
 */
FIXTURE_SETUP(hog)
{
	struct lde_sched_config c;
	long ret;

	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	if (self->cpu == 0)
		LDE_SETUP_SKIP("needs a second online CPU for the heartbeat");
	c = lde_sched_config(self->cpu, variant->engine, LDE_POLICY_COOP,
			     HOG_RUN_NS);
	c.watchdog_ns = WATCHDOG_NS;
	lde_sched_add(&c, LDE_WL_YIELD, 1, 0, 0);
	lde_sched_add(&c, LDE_WL_SPIN, 1, 0, 0);
	self->spin_guest = 1;

	ASSERT_EQ(0, heartbeat_start(&self->hb, 0));
	ret = lde_sched_run(self->fd, &c, &self->f);
	heartbeat_stop(&self->hb);
	ASSERT_EQ(0, ret);
	ASSERT_EQ(2U, self->f.res.nr_guests_out);
	ASSERT_EQ((__u32)LDE_WL_SPIN, self->f.guests[self->spin_guest].workload);
}

FIXTURE_TEARDOWN(hog)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

/* The watchdog, not the duration, ended the experiment. */
TEST_F(hog, ends_by_watchdog)
{
	ASSERT_EQ(LDE_END_WATCHDOG, lde_end(&self->f));
	ASSERT_GT(HOG_RUN_NS, self->f.res.summary.elapsed_ns);
}

/* The guest reported as the hog is the spin guest. */
TEST_F(hog, hog_is_the_spin_guest)
{
	ASSERT_EQ(self->spin_guest, self->f.res.summary.hog_guest);
}

/* The hog had run at least the watchdog's time without trapping. */
TEST_F(hog, hog_ran_at_least_watchdog)
{
	ASSERT_LE(WATCHDOG_NS, self->f.res.summary.hog_ns);
}

/* The watchdog caught the hog within twice its period, not later. */
TEST_F(hog, hog_caught_promptly)
{
	ASSERT_GT(2 * WATCHDOG_NS, self->f.res.summary.hog_ns);
}

/* The CPU was taken from the hog once, by the watchdog. */
TEST_F(hog, one_watchdog_switch)
{
	ASSERT_EQ(1ULL, self->f.res.summary.switches[LDE_SW_WATCHDOG]);
}

/* The heartbeat on CPU 0 beat throughout and never stalled over 50 ms. */
TEST_F(hog, machine_stays_responsive)
{
	TH_LOG("%llu beats, longest gap %llu us",
	       (unsigned long long)self->hb.beats,
	       (unsigned long long)self->hb.max_gap_ns / LDE_USEC);
	ASSERT_LT(0ULL, self->hb.beats);
	ASSERT_GE(MAX_STALL_NS, self->hb.max_gap_ns);
}

/* ---- rr fairness with a hog ---------------------------------------------- */

#define FAIR_RUN_NS		LDE_SEC
#define FAIR_OTHERS		3U		/* spin guests besides the hog */
#define FAIR_GUESTS		(1 + FAIR_OTHERS)
/*
 * Jain's index is forgiving: shares of 1.2, 1, 1 and 0.8 still give 0.98,
 * while one guest held to half its share gives 0.92.  Over a second of
 * 1 ms quanta each guest gets about 250 of them, so 0.95 leaves room for
 * timer jitter and catches any guest kept from its share.
 */
#define JAIN_MIN_PPM		950000ULL
#define SHARE_MIN_PCT		50		/* of the fair share, per guest */

/* Jain's index of the guests' CPU times, in ppm: (sum x)^2 / (n sum x^2). */
static __u64 jain_ppm(const struct lde_sched_figures *f)
{
	double sum = 0, sq = 0, x;
	__u32 i, n = f->res.nr_guests_out;

	for (i = 0; i < n; i++) {
		x = f->guests[i].cpu_ns;
		sum += x;
		sq += x * x;
	}
	return sq ? (__u64)(1e6 * sum * sum / (n * sq)) : 0;
}

FIXTURE(fair) {
	int fd;
	unsigned int cpu;
	struct lde_sched_figures f;
};

FIXTURE_VARIANT(fair) {
	__u32 engine;
};

FIXTURE_VARIANT_ADD(fair, lde) { .engine = LDE_ENGINE_LDE };
FIXTURE_VARIANT_ADD(fair, linux) { .engine = LDE_ENGINE_LINUX };

/*
 * rr, 1 ms quantum: the hog (a spin guest that runs first, and would keep
 * the CPU forever under coop) and three more spin guests.
 */
FIXTURE_SETUP(fair)
{
	struct lde_sched_config c;

	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	c = lde_sched_config(self->cpu, variant->engine, LDE_POLICY_RR,
			     FAIR_RUN_NS);
	lde_sched_add(&c, LDE_WL_SPIN, 1, 0, 0);
	lde_sched_add(&c, LDE_WL_SPIN, FAIR_OTHERS, 0, 0);
	ASSERT_EQ(0, lde_sched_run(self->fd, &c, &self->f));
	ASSERT_EQ(LDE_END_DURATION, lde_end(&self->f));
	ASSERT_EQ(FAIR_GUESTS, self->f.res.nr_guests_out);
}

FIXTURE_TEARDOWN(fair)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

/* Jain's index of the guests' CPU time is at least 0.95. */
TEST_F(fair, jain_index_high)
{
	ASSERT_LE(JAIN_MIN_PPM, self->f.res.summary.jain_ppm);
}

/* The module's Jain index is the one the per-guest CPU times give. */
TEST_F(fair, jain_index_matches_guest_times)
{
	__u64 mine = jain_ppm(&self->f), theirs = self->f.res.summary.jain_ppm;

	/* 0.1%: rounding, and the guests' times read a moment apart. */
	ASSERT_GE(1000ULL, mine > theirs ? mine - theirs : theirs - mine)
		TH_LOG("computed %llu ppm, reported %llu ppm",
		       (unsigned long long)mine, (unsigned long long)theirs);
}

/* Every guest, the hog included, got at least half its fair share. */
TEST_F(fair, every_guest_got_a_share)
{
	__u64 fair = lde_guests_cpu_ns(&self->f) / FAIR_GUESTS;
	unsigned int i;

	for (i = 0; i < FAIR_GUESTS; i++) {
		EXPECT_LE(fair * SHARE_MIN_PCT / 100, self->f.guests[i].cpu_ns)
			TH_LOG("guest %u, fair share %llu ns", i,
			       (unsigned long long)fair);
	}
}

/* The hog was preempted by the timer, like every other guest. */
TEST_F(fair, hog_preempted)
{
	ASSERT_LT(0ULL, self->f.guests[0].preempted);
}

/* ---- No register corruption over 100k preemptions ------------------------ */

#define REGS_GUESTS		3
#define REGS_QUANTUM_NS		(20 * LDE_USEC)
#define REGS_RUN_NS		(5 * LDE_SEC)
#define REGS_PREEMPTIONS	100000ULL
/*
 * How many preemptions a run gets depends on how fast the CPU is: under
 * TCG with the host's other core busy, 8 runs of 5 s gave the lde engine
 * 82,620 and the linux engine 23,365 (a few hundred a second).  So runs
 * go on until the count is reached; the bound only stops a lab that
 * makes no progress at all.
 */
#define REGS_BOUND_NS		(600 * LDE_SEC)
#define REGS_TIMEOUT_S		(REGS_BOUND_NS / LDE_SEC + 120)

FIXTURE(regs) {
	int fd;
	unsigned int cpu;
};

FIXTURE_VARIANT(regs) {
	__u32 engine;
};

FIXTURE_VARIANT_ADD(regs, lde) { .engine = LDE_ENGINE_LDE };
FIXTURE_VARIANT_ADD(regs, linux) { .engine = LDE_ENGINE_LINUX };

FIXTURE_SETUP(regs)
{
	lde_sched_setup(_metadata, &self->fd, &self->cpu);
}

FIXTURE_TEARDOWN(regs)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

/*
 * regs guests under rr with a 20 us quantum, run after run until the
 * timer has preempted them 100k times: no guest ever saw a register change.
 */
TEST_F_TIMEOUT(regs, no_corruption_over_100k_preemptions, REGS_TIMEOUT_S)
{
	__u64 preemptions = 0, corruptions = 0;
	__u64 deadline = lde_mono_ns() + REGS_BOUND_NS;
	struct lde_sched_config c;
	struct lde_sched_figures f;
	unsigned int run, i;

	c = lde_sched_config(self->cpu, variant->engine, LDE_POLICY_RR,
			     REGS_RUN_NS);
	c.quantum_ns = REGS_QUANTUM_NS;
	lde_sched_add(&c, LDE_WL_REGS, REGS_GUESTS, 0, 0);
	for (run = 0; preemptions < REGS_PREEMPTIONS &&
	     lde_mono_ns() < deadline; run++) {
		ASSERT_EQ(0, lde_sched_run(self->fd, &c, &f));
		ASSERT_EQ(LDE_END_DURATION, lde_end(&f));
		preemptions += f.res.summary.switches[LDE_SW_TIMER];
		corruptions += f.res.summary.corruptions;
		for (i = 0; i < REGS_GUESTS; i++) {
			EXPECT_EQ(0ULL, f.guests[i].corruptions)
				TH_LOG("run %u, guest %u", run, i);
		}
	}
	TH_LOG("%llu preemptions in %u runs", (unsigned long long)preemptions,
	       run);
	ASSERT_LE(REGS_PREEMPTIONS, preemptions);
	ASSERT_EQ(0ULL, corruptions);
}

/* ---- Stop, and start/stop and start/result cycles ------------------------ */

#define LONG_RUN_NS		(10 * LDE_SEC)	/* the longest allowed */
#define CYCLES			20
#define CYCLE_RUN_NS		(20 * LDE_MSEC)
#define STOP_AFTER_NS		(20 * LDE_MSEC)

FIXTURE(life) {
	int fd;
	unsigned int cpu;
	struct lde_sched_config c;	/* rr, 2 spin guests, 10 s */
};

FIXTURE_VARIANT(life) {
	__u32 engine;
};

FIXTURE_VARIANT_ADD(life, lde) { .engine = LDE_ENGINE_LDE };
FIXTURE_VARIANT_ADD(life, linux) { .engine = LDE_ENGINE_LINUX };

FIXTURE_SETUP(life)
{
	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	self->c = lde_sched_config(self->cpu, variant->engine, LDE_POLICY_RR,
				   LONG_RUN_NS);
	lde_sched_add(&self->c, LDE_WL_SPIN, 2, 0, 0);
}

FIXTURE_TEARDOWN(life)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

static void sleep_ns(__u64 ns)
{
	struct timespec ts = { .tv_sec = ns / LDE_SEC, .tv_nsec = ns % LDE_SEC };

	nanosleep(&ts, NULL);
}

/* sched_stop ends a running experiment early, with end STOPPED. */
TEST_F(life, stop_ends_with_stopped)
{
	struct lde_sched_figures f;

	ASSERT_EQ(0, lde_sched_start(self->fd, &self->c));
	sleep_ns(STOP_AFTER_NS);
	ASSERT_EQ(0, lde_sched_stop(self->fd, self->cpu));
	ASSERT_EQ(0, lde_sched_result(self->fd, self->cpu, LDE_SCHED_WAIT, &f));
	EXPECT_EQ(1U, f.res.summary.state);
	EXPECT_EQ(LDE_END_STOPPED, lde_end(&f));
	ASSERT_GT(LONG_RUN_NS, f.res.summary.elapsed_ns);
}

/* 20 cycles of start, early stop and result: each says STOPPED. */
TEST_F_TIMEOUT(life, start_stop_cycles, 120)
{
	struct lde_sched_figures f;
	int i;

	for (i = 0; i < CYCLES; i++) {
		ASSERT_EQ(0, lde_sched_start(self->fd, &self->c))
			TH_LOG("cycle %d", i);
		ASSERT_EQ(0, lde_sched_stop(self->fd, self->cpu))
			TH_LOG("cycle %d", i);
		ASSERT_EQ(0, lde_sched_result(self->fd, self->cpu,
					      LDE_SCHED_WAIT, &f))
			TH_LOG("cycle %d", i);
		ASSERT_EQ(LDE_END_STOPPED, lde_end(&f))
			TH_LOG("cycle %d", i);
	}
}

/* 20 cycles of start and waiting result: each runs to its duration. */
TEST_F_TIMEOUT(life, start_result_cycles, 120)
{
	struct lde_sched_figures f;
	int i;

	self->c.duration_ns = CYCLE_RUN_NS;
	for (i = 0; i < CYCLES; i++) {
		ASSERT_EQ(0, lde_sched_run(self->fd, &self->c, &f))
			TH_LOG("cycle %d", i);
		ASSERT_EQ(LDE_END_DURATION, lde_end(&f))
			TH_LOG("cycle %d", i);
		ASSERT_EQ(2U, f.res.nr_guests_out) TH_LOG("cycle %d", i);
	}
}

TEST_HARNESS_MAIN

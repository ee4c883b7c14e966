// SPDX-License-Identifier: GPL-2.0
/*
 * dev_test.c - the user side of lde.h that needs no module: the names of
 * the enums, the guest specs of -g, the figures of an experiment's
 * result, the trap names.
 */
#include <math.h>

#include "dev/device.h"
#include "dev/figures.h"
#include "dev/floor.h"
#include "dev/guestspec.h"
#include "dev/names.h"
#include "lib/common.h"
#include "tests/test.h"

/* ---- names.c -------------------------------------------------------- */

/* Every name of a list: there, distinct, and found again by lookup. */
static void check_names(struct test_ctx *t, const char *const *names,
			size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (!CHECK(names[i] && *names[i]))
			continue;
		for (j = 0; j < i; j++)
			CHECK(!names[j] || strcmp(names[i], names[j]));
		CHECK_INT(name_lookup(names, n, names[i]), i);
	}
	CHECK_INT(name_lookup(names, n, "no such name"), -1);
	CHECK_STR(name_of(names, n, (unsigned int)n), "?");
}

TEST(names_every_enum_has_its_words)
{
	check_names(t, sched_engines, ARRAY_SIZE(sched_engines));
	check_names(t, sched_policies, ARRAY_SIZE(sched_policies));
	check_names(t, sched_workloads, ARRAY_SIZE(sched_workloads));
	check_names(t, sched_reasons, ARRAY_SIZE(sched_reasons));
	check_names(t, sched_ends, ARRAY_SIZE(sched_ends));
	check_names(t, sched_modes, ARRAY_SIZE(sched_modes));
}

TEST(names_are_the_uapi_words)
{
	CHECK_STR(NAME_OF(sched_engines, LDE_ENGINE_LINUX), "linux");
	CHECK_STR(NAME_OF(sched_policies, LDE_POLICY_RR), "rr");
	CHECK_STR(NAME_OF(sched_workloads, LDE_WL_REGS), "regs");
	CHECK_STR(NAME_OF(sched_reasons, LDE_SW_WATCHDOG), "watchdog");
	CHECK_STR(NAME_OF(sched_ends, LDE_END_OFFLINE), "offline");
	CHECK_STR(NAME_OF(sched_modes, LDE_MODE_KERNEL), "kernel");
	CHECK_INT(NAME_LOOKUP(sched_workloads, "exit"), LDE_WL_EXIT);
}

TEST(names_or_lists_the_words)
{
	char b[80];

	CHECK_STR(names_or(b, sizeof(b), sched_engines,
			   ARRAY_SIZE(sched_engines)), "lde or linux");
	CHECK_STR(names_or(b, sizeof(b), sched_workloads,
			   ARRAY_SIZE(sched_workloads)),
		  "spin, yield, sleep, regs or exit");
	CHECK_STR(names_or(b, 8, sched_workloads,
			   ARRAY_SIZE(sched_workloads)), "spin, y");
}

TEST(names_every_end_has_a_sentence)
{
	unsigned int e;

	for (e = 0; e < LDE_NR_ENDS; e++)
		CHECK(strcmp(sched_end_why(e),
			     sched_end_why(LDE_NR_ENDS)) != 0);
	CHECK_STR(sched_end_why(LDE_END_DURATION), "its duration passed");
	CHECK_STR(sched_end_why(1000), "of a reason this tool does not know");
}

/* ---- device.c ------------------------------------------------------- */

TEST(device_trap_names_both_ways)
{
	unsigned int nr;

	CHECK_STR(lde_trap_name(LDE_TRAP_NULL), "null");
	CHECK_STR(lde_trap_name(LDE_TRAP_SCHED_RESULT), "sched_result");
	CHECK_STR(lde_trap_name(LDE_TRAP_FLOOR), "floor");
	CHECK(!lde_trap_name(LDE_TRAP_FLOOR + 1));
	for (nr = 0; lde_trap_name(nr); nr++) {
		CHECK(strlen(lde_trap_name(nr)) < LDE_TRAP_NAME_LEN);
		CHECK_INT(lde_trap_nr(lde_trap_name(nr)), nr);
	}
	CHECK_INT(nr, LDE_TRAP_FLOOR + 1);
	CHECK_INT(lde_trap_nr("reboot"), -1);
}

/* ---- floor.c -------------------------------------------------------- */

/* A sample's swaps: the batch less its clock read, over its swaps. */
TEST(floor_stats_take_the_clock_out)
{
	static const struct lde_floor_sample s[] = {
		{ .batch_ns = 660, .clock_ns = 20 },	/* 640 / 64 = 10 */
		{ .batch_ns = 340, .clock_ns = 20 },	/* 5 */
		{ .batch_ns = 1300, .clock_ns = 20 },	/* 20 */
		{ .batch_ns = 20, .clock_ns = 40 },	/* 0, never below */
		{ .batch_ns = 84, .clock_ns = 52 },	/* 0.5 */
	};
	struct stats sw, ck;

	if (!CHECK(!floor_stats(s, ARRAY_SIZE(s), 64, &sw, &ck)))
		return;
	CHECK_INT(sw.n, 5);
	CHECK(sw.min == 0 && sw.max == 20);
	CHECK(sw.p50 == 5);			/* 0, 0.5, 5, 10, 20 */
	CHECK(fabs(sw.mean - 7.1) < 0.001);	/* 35.5 / 5 */
	CHECK_INT(sw.hist[0], 2);		/* [0, 1) ns: 0 and 0.5 */
	CHECK_INT(ck.n, 5);
	CHECK(ck.p50 == 20 && ck.max == 52);
}

/* No samples: no figures, and no error. */
TEST(floor_stats_of_nothing)
{
	struct stats sw, ck;

	CHECK(!floor_stats(NULL, 0, 64, &sw, &ck));
	CHECK_INT(sw.n, 0);
	CHECK_INT(ck.n, 0);
}

/* ---- guestspec.c ---------------------------------------------------- */

TEST(guestspec_parses_groups)
{
	struct lde_sched_config cfg = { .nr_groups = 0 };
	char err[160] = "";

	CHECK(!guestspec_parse("spin:3,yield:1:500,sleep:2::1ms,regs,"
			       "exit:8:1000000", &cfg, err, sizeof(err)));
	CHECK_STR(err, "");
	CHECK_INT(cfg.nr_groups, 5);
	CHECK(cfg.groups[0].workload == LDE_WL_SPIN &&
	      cfg.groups[0].count == 3 && !cfg.groups[0].iters);
	CHECK(cfg.groups[1].workload == LDE_WL_YIELD &&
	      cfg.groups[1].iters == 500);
	CHECK(cfg.groups[2].count == 2 && cfg.groups[2].iters == 0 &&
	      cfg.groups[2].sleep_ns == 1000000);
	CHECK(cfg.groups[3].workload == LDE_WL_REGS &&
	      cfg.groups[3].count == 1);
	CHECK_INT(cfg.groups[4].iters, 1000000);
	CHECK_INT(guestspec_count(&cfg), 15);
	CHECK_INT(guestspec_group_of(&cfg, 0), 0);
	CHECK_INT(guestspec_group_of(&cfg, 3), 1);
	CHECK_INT(guestspec_group_of(&cfg, 6), 3);
	CHECK_INT(guestspec_group_of(&cfg, 14), 4);
	CHECK_INT(guestspec_group_of(&cfg, 15), -1);
	CHECK(!guestspec_parse("sleep", &cfg, err, sizeof(err)));
	CHECK_INT(cfg.groups[0].sleep_ns, GUESTSPEC_DEFAULT_SLEEP_NS);
}

TEST(guestspec_says_what_is_wrong)
{
	static const struct {
		const char *spec, *err;
	} bad[] = {
		{ "", "group 1 is empty" },
		{ "spin,", "group 2 is empty" },
		{ "foo", "group 1 ('foo'): unknown workload 'foo' (spin,"
		  " yield, sleep, regs or exit)" },
		{ "spin:0", "group 1 ('spin:0'): COUNT wants a number from 1"
		  " to 1024, not '0'" },
		{ "spin:1:5", "group 1 ('spin:1:5'): spin never traps, so it"
		  " takes no ITERS" },
		{ "yield:1:x", "group 1 ('yield:1:x'): ITERS wants a number"
		  " from 1, not 'x'" },
		{ "yield:1::1ms", "group 1 ('yield:1::1ms'): only sleep guests"
		  " take a SLEEP time" },
		{ "sleep:1::1", "group 1 ('sleep:1::1'): SLEEP wants a duration"
		  " from 1us to 1000ms, with its unit, not '1'" },
		{ "yield:1:1:1:1", "group 1 ('yield:1:1:1:1'): more than 4"
		  " fields" },
		{ "a,b,c,d,e,f,g,h,i", "group 1 ('a'): unknown workload 'a'"
		  " (spin, yield, sleep, regs or exit)" },
		{ "spin,spin,spin,spin,spin,spin,spin,spin,spin",
		  "more than 8 groups" },
		{ "spin:1000,yield:25", "more than 1024 guests in all" },
	};
	struct lde_sched_config cfg = { .nr_groups = 0 };
	char err[200];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		err[0] = '\0';
		CHECK_INT(guestspec_parse(bad[i].spec, &cfg, err, sizeof(err)),
			  -1);
		CHECK_STR(err, bad[i].err);
	}
	CHECK_INT(cfg.nr_groups, 0);	/* untouched by a bad spec */
}

/* ---- figures.c ------------------------------------------------------ */

/* One switch event: prev to next, its cost, and timer latency. */
static struct lde_sched_event sw(__u32 prev, __u32 next, __u16 reason,
				 __u32 cost, __u32 latency)
{
	return (struct lde_sched_event){
		.type = LDE_EV_SWITCH, .reason = reason, .prev = prev,
		.next = next, .value_ns = cost, .latency_ns = latency,
	};
}

TEST(figures_from_a_result)
{
	struct lde_sched_event ev[] = {
		sw(LDE_SCHED_HOST, 0, LDE_SW_HOST, 1000, 0),	/* not a cost */
		sw(0, 1, LDE_SW_YIELD, 100, 0),
		sw(1, 0, LDE_SW_TIMER, 300, 5000),
		{ .type = LDE_EV_TICK, .reason = LDE_MODE_GUEST,
		  .value_ns = 700 },
		sw(0, LDE_SCHED_HOST, LDE_SW_TIMER, 900, 9000), /* to the host */
	};
	struct lde_sched_guest guests[2] = {
		{ .cpu_ns = 600 }, { .cpu_ns = 200 },
	};
	struct sched_exp e = {
		.cfg = { .policy = LDE_POLICY_RR, .quantum_ns = 1000 },
		.guests = guests, .nr_guests = 2,
		.events = ev, .nr_events = ARRAY_SIZE(ev),
	};
	struct lde_sched_summary *s = &e.res.summary;
	struct sched_figures fg;

	s->nr_guests = 2;
	s->elapsed_ns = 1000;
	s->switches[LDE_SW_YIELD] = 1;
	s->switches[LDE_SW_TIMER] = 2;
	s->switches[LDE_SW_HOST] = 1;
	s->slices = 2;
	s->slice_ns = 2100;
	s->slice_err_ns = 100;
	s->jain_ppm = 800000;
	s->guest_iters = 3000;
	s->guest_ns = 1000;
	s->host_iters = 4000;
	s->host_ns = 1000;
	s->direct_ppm = 750000;
	s->switch_cost.count = 2;
	s->switch_cost.sum_ns = 400;
	s->switch_cost.hist[9] = 2;
	if (!CHECK(!sched_figures_compute(&e, &fg)))
		return;
	/* Guest to guest only; ticks; timer switches to a guest only. */
	CHECK_INT(fg.dist[SCHED_SWITCH_COST].ring.n, 2);
	CHECK(fg.dist[SCHED_SWITCH_COST].ring.p50 == 100);
	CHECK(fg.dist[SCHED_SWITCH_COST].ring.max == 300);
	CHECK_INT(fg.dist[SCHED_TIMER_LATE].ring.n, 1);
	CHECK(fg.dist[SCHED_TIMER_LATE].ring.p99 == 700);
	CHECK_INT(fg.dist[SCHED_TIMER_TO_GUEST].ring.n, 1);
	CHECK(fg.dist[SCHED_TIMER_TO_GUEST].ring.p50 == 5000);
	/* Before any tick: no handler to measure from. */
	CHECK_INT(fg.dist[SCHED_HANDLER_TO_GUEST].ring.n, 0);
	CHECK(fg.dist[SCHED_SWITCH_COST].mod_mean_ns == 200);
	CHECK_INT(fg.dist[SCHED_SWITCH_COST].mod_hist[9], 2);
	CHECK(isnan(fg.dist[SCHED_TIMER_LATE].mod_mean_ns));
	CHECK_INT(fg.switches, 4);
	CHECK_INT(fg.guest_cpu_ns, 800);
	CHECK_INT(fg.watchdog_ns, LDE_SCHED_DEFAULT_WATCHDOG_NS);
	CHECK(fg.mean_slice_ns == 1050 && fg.mean_err_ns == 50);
	CHECK(fg.jain == 0.8);
	CHECK(fg.guest_rate == 3000 && fg.host_rate == 4000);
	CHECK(fg.direct == 0.75);
}

/* Handler to guest: a timer switch's latency less its tick's lateness. */
TEST(figures_handler_to_guest_from_the_last_tick)
{
	struct lde_sched_event ev[] = {
		{ .type = LDE_EV_TICK, .reason = LDE_MODE_GUEST,
		  .value_ns = 700 },
		sw(0, 1, LDE_SW_TIMER, 300, 5000),
		{ .type = LDE_EV_TICK, .reason = LDE_MODE_GUEST,
		  .value_ns = 2000 },
		sw(1, 0, LDE_SW_TIMER, 300, 2500),
		sw(0, 1, LDE_SW_YIELD, 100, 0),		/* not a timer's */
	};
	struct sched_exp e = {
		.events = ev, .nr_events = ARRAY_SIZE(ev),
	};
	struct sched_figures fg;
	size_t i;

	if (!CHECK(!sched_figures_compute(&e, &fg)))
		return;
	CHECK_INT(fg.dist[SCHED_HANDLER_TO_GUEST].ring.n, 2);
	CHECK(fg.dist[SCHED_HANDLER_TO_GUEST].ring.min == 500);
	CHECK(fg.dist[SCHED_HANDLER_TO_GUEST].ring.max == 4300);
	/* Named once, in lde.h's LDE_SCHED_DISTS. */
	CHECK_STR(fg.dist[SCHED_HANDLER_TO_GUEST].key, "handler_to_guest");
	CHECK_STR(fg.dist[SCHED_TIMER_TO_GUEST].title, "timer to guest");
	for (i = 0; i < SCHED_NR_DISTS; i++)
		CHECK(fg.dist[i].mod);
	CHECK(fg.dist[SCHED_HANDLER_TO_GUEST].mod ==
	      &e.res.summary.handler_to_guest);
}

TEST(figures_of_an_empty_result)
{
	struct sched_exp e = { .nr_guests = 0 };
	struct sched_figures fg;

	if (!CHECK(!sched_figures_compute(&e, &fg)))
		return;
	CHECK_INT(fg.dist[SCHED_SWITCH_COST].ring.n, 0);
	CHECK(isnan(fg.mean_slice_ns) && isnan(fg.jain));
	CHECK(isnan(fg.guest_rate) && isnan(fg.direct));
}

// SPDX-License-Identifier: GPL-2.0
/*
 * lde_sched_errors_test - every error path of the mini scheduler's traps
 * (uapi/lde.h, "The mini scheduler" and struct lde_sched_config), one per
 * subtest:
 *   - sched_start: EINVAL for each invalid configuration, which changes
 *     nothing (the last result stays, the lab CPU stays free), while the
 *     limits themselves are accepted; EINVAL for an offline CPU; EPERM
 *     without CAP_SYS_ADMIN; EBUSY while the lab CPU runs an experiment;
 *   - sched_result: ENOENT with no experiment, EAGAIN while one runs
 *     without LDE_SCHED_WAIT, EINVAL for unknown flags, and how much it
 *     copies;
 *   - sched_stop: ENOENT with no experiment.
 *
 * Needs lde.ko loaded and root; SKIPs without them.  The ENOENT tests use
 * CPU 0 and SKIP if an experiment ran there since lde was loaded; the
 * offline-CPU test takes the lab CPU offline for a moment (CPU hotplug).
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_sched_errors_test			(this one, from selftests/)
 */
#define _GNU_SOURCE
#include "lde_sched.h"

#define SHORT_RUN_NS		(10 * LDE_MSEC)
#define LONG_RUN_NS		(10 * LDE_SEC)
#define NO_EXPERIMENT_CPU	0	/* never a lab CPU in these tests */

/* A valid experiment that every bad configuration below differs from once. */
static struct lde_sched_config base_config(unsigned int cpu)
{
	struct lde_sched_config c;

	c = lde_sched_config(cpu, LDE_ENGINE_LDE, LDE_POLICY_RR, SHORT_RUN_NS);
	lde_sched_add(&c, LDE_WL_YIELD, 1, 0, 0);
	return c;
}

/* Run base_config() to its end, so that cpu has a last result: *f. */
static void run_base(struct __test_metadata *_metadata, int fd,
		     unsigned int cpu, struct lde_sched_figures *f)
{
	struct lde_sched_config c = base_config(cpu);

	ASSERT_EQ(0, lde_sched_run(fd, &c, f));
	ASSERT_EQ(LDE_END_DURATION, lde_end(f));
}

/* cpu's last result, read without waiting, is still *before. */
static void assert_result_kept(struct __test_metadata *_metadata, int fd,
			       unsigned int cpu,
			       const struct lde_sched_figures *before)
{
	struct lde_sched_figures now;

	ASSERT_EQ(0, lde_sched_result(fd, cpu, 0, &now));
	ASSERT_EQ(before->res.nr_guests_out, now.res.nr_guests_out);
	ASSERT_EQ(0, memcmp(&before->res.summary, &now.res.summary,
			    sizeof(now.res.summary)));
	ASSERT_EQ(0, memcmp(before->guests, now.guests, sizeof(now.guests)));
}

/* ---- Every invalid configuration: EINVAL, and nothing changes ------------ */

FIXTURE(bad_config) {
	int fd;
	unsigned int cpu;
	struct lde_sched_figures before;	/* the lab CPU's last result */
	struct lde_sched_config bad;
};

FIXTURE_VARIANT(bad_config) {
	void (*mutate)(struct lde_sched_config *c);
};

/* A variant name, and the statements that turn a valid config c bad. */
#define BAD_CONFIG(name, ...)						\
	static void bad_##name(struct lde_sched_config *c)		\
	{								\
		__VA_ARGS__;						\
	}								\
	FIXTURE_VARIANT_ADD(bad_config, name) { .mutate = bad_##name }

/* Guests: 1..LDE_SCHED_MAX_GUESTS in 1..LDE_SCHED_MAX_GROUPS groups. */
BAD_CONFIG(no_groups, c->nr_groups = 0);
BAD_CONFIG(group_of_zero_guests, c->groups[0].count = 0);
BAD_CONFIG(too_many_guests, c->groups[0].count = LDE_SCHED_MAX_GUESTS + 1);
BAD_CONFIG(too_many_guests_in_two_groups,
	   c->groups[0].count = LDE_SCHED_MAX_GUESTS / 2 + 1;
	   lde_sched_add(c, LDE_WL_YIELD, LDE_SCHED_MAX_GUESTS / 2, 0, 0));
BAD_CONFIG(too_many_groups, c->nr_groups = LDE_SCHED_MAX_GROUPS + 1);
BAD_CONFIG(unused_group_with_guests,
	   c->groups[LDE_SCHED_MAX_GROUPS - 1].workload = LDE_WL_YIELD;
	   c->groups[LDE_SCHED_MAX_GROUPS - 1].count = 1);
BAD_CONFIG(unused_group_with_iters,
	   c->groups[LDE_SCHED_MAX_GROUPS - 1].iters = 1);
/* Workloads, and the iters and sleep_ns each one takes. */
BAD_CONFIG(unknown_workload, c->groups[0].workload = LDE_NR_WORKLOADS);
BAD_CONFIG(spin_with_iters,
	   c->groups[0].workload = LDE_WL_SPIN; c->groups[0].iters = 1);
BAD_CONFIG(regs_with_iters,
	   c->groups[0].workload = LDE_WL_REGS; c->groups[0].iters = 1);
BAD_CONFIG(spin_with_sleep_ns,
	   c->groups[0].workload = LDE_WL_SPIN; c->groups[0].sleep_ns = LDE_USEC);
BAD_CONFIG(yield_with_sleep_ns, c->groups[0].sleep_ns = LDE_USEC);
BAD_CONFIG(exit_with_sleep_ns,
	   c->groups[0].workload = LDE_WL_EXIT; c->groups[0].sleep_ns = LDE_USEC);
BAD_CONFIG(sleep_without_sleep_ns, c->groups[0].workload = LDE_WL_SLEEP);
BAD_CONFIG(sleep_ns_below_1us,
	   c->groups[0].workload = LDE_WL_SLEEP;
	   c->groups[0].sleep_ns = LDE_USEC - 1);
BAD_CONFIG(sleep_ns_too_long,
	   c->groups[0].workload = LDE_WL_SLEEP;
	   c->groups[0].sleep_ns = LDE_SCHED_MAX_SLEEP_NS + 1);
/* The lab CPU: one that no machine has. */
BAD_CONFIG(cpu_not_possible,
	   c->cpu = lde_last_cpu_in(LDE_CPUS_POSSIBLE) + 1);
BAD_CONFIG(cpu_all_ones, c->cpu = 0xffffffffU);
/* Engine and policy. */
BAD_CONFIG(unknown_engine, c->engine = LDE_NR_ENGINES);
BAD_CONFIG(unknown_policy, c->policy = LDE_NR_POLICIES);
/* The quantum: [MIN, MAX] for rr and below the watchdog, 0 for coop. */
BAD_CONFIG(rr_without_quantum, c->quantum_ns = 0);
BAD_CONFIG(quantum_too_small,
	   c->quantum_ns = LDE_SCHED_MIN_QUANTUM_NS - 1);
BAD_CONFIG(quantum_too_large,
	   c->watchdog_ns = LDE_SCHED_MAX_WATCHDOG_NS;
	   c->quantum_ns = LDE_SCHED_MAX_QUANTUM_NS + 1);
BAD_CONFIG(quantum_equals_watchdog,
	   c->watchdog_ns = LDE_SCHED_MIN_WATCHDOG_NS;
	   c->quantum_ns = LDE_SCHED_MIN_WATCHDOG_NS);
BAD_CONFIG(quantum_above_default_watchdog,
	   c->quantum_ns = LDE_SCHED_DEFAULT_WATCHDOG_NS);
BAD_CONFIG(coop_with_quantum, c->policy = LDE_POLICY_COOP);
/* The watchdog: 0 (default) or [MIN, MAX]. */
BAD_CONFIG(watchdog_too_small,
	   c->watchdog_ns = LDE_SCHED_MIN_WATCHDOG_NS - 1);
BAD_CONFIG(watchdog_too_large,
	   c->watchdog_ns = LDE_SCHED_MAX_WATCHDOG_NS + 1);
/* The duration: [MIN, MAX]. */
BAD_CONFIG(no_duration, c->duration_ns = 0);
BAD_CONFIG(duration_too_short,
	   c->duration_ns = LDE_SCHED_MIN_DURATION_NS - 1);
BAD_CONFIG(duration_too_long,
	   c->duration_ns = LDE_SCHED_MAX_DURATION_NS + 1);
/* The ring: 0 (default) up to LDE_SCHED_MAX_RING events. */
BAD_CONFIG(ring_too_large, c->ring_events = LDE_SCHED_MAX_RING + 1);
/* Flags: none are defined. */
BAD_CONFIG(flags_low_bit, c->flags = 1);
BAD_CONFIG(flags_high_bit, c->flags = 1U << 31);

FIXTURE_SETUP(bad_config)
{
	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	run_base(_metadata, self->fd, self->cpu, &self->before);
	self->bad = base_config(self->cpu);
	variant->mutate(&self->bad);
}

FIXTURE_TEARDOWN(bad_config)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

/* sched_start refuses the configuration with EINVAL. */
TEST_F(bad_config, einval)
{
	ASSERT_EQ(-EINVAL, lde_sched_start(self->fd, &self->bad));
}

/* The refusal leaves the lab CPU's last result as it was. */
TEST_F(bad_config, last_result_kept)
{
	EXPECT_EQ(-EINVAL, lde_sched_start(self->fd, &self->bad));
	assert_result_kept(_metadata, self->fd, self->cpu, &self->before);
}

/* The refusal leaves the lab CPU free: a valid experiment runs next. */
TEST_F(bad_config, lab_cpu_stays_free)
{
	struct lde_sched_config good = base_config(self->cpu);
	struct lde_sched_figures f;

	EXPECT_EQ(-EINVAL, lde_sched_start(self->fd, &self->bad));
	ASSERT_EQ(0, lde_sched_run(self->fd, &good, &f));
	ASSERT_EQ(LDE_END_DURATION, lde_end(&f));
}

/* ---- The limits themselves are valid ------------------------------------- */

FIXTURE(limit) {
	int fd;
	unsigned int cpu;
	struct lde_sched_config c;
};

FIXTURE_VARIANT(limit) {
	void (*mutate)(struct lde_sched_config *c);
};

/* Fill c up to LDE_SCHED_MAX_GROUPS groups with one yield guest each. */
static void add_groups_up_to_max(struct lde_sched_config *c)
{
	while (c->nr_groups < LDE_SCHED_MAX_GROUPS)
		lde_sched_add(c, LDE_WL_YIELD, 1, 0, 0);
}

/* A variant name, and the statements that take a valid c to a limit. */
#define AT_LIMIT(name, ...)						\
	static void limit_##name(struct lde_sched_config *c)		\
	{								\
		__VA_ARGS__;						\
	}								\
	FIXTURE_VARIANT_ADD(limit, name) { .mutate = limit_##name }

AT_LIMIT(max_guests, c->groups[0].count = LDE_SCHED_MAX_GUESTS);
AT_LIMIT(max_groups, add_groups_up_to_max(c));
AT_LIMIT(min_quantum, c->quantum_ns = LDE_SCHED_MIN_QUANTUM_NS);
AT_LIMIT(max_quantum,
	 c->watchdog_ns = LDE_SCHED_MAX_WATCHDOG_NS;
	 c->quantum_ns = LDE_SCHED_MAX_QUANTUM_NS);
AT_LIMIT(quantum_just_below_watchdog,
	 c->watchdog_ns = LDE_SCHED_MIN_WATCHDOG_NS;
	 c->quantum_ns = LDE_SCHED_MIN_WATCHDOG_NS - 1);
AT_LIMIT(max_watchdog, c->watchdog_ns = LDE_SCHED_MAX_WATCHDOG_NS);
AT_LIMIT(min_duration, c->duration_ns = LDE_SCHED_MIN_DURATION_NS);
AT_LIMIT(max_duration, c->duration_ns = LDE_SCHED_MAX_DURATION_NS);
AT_LIMIT(max_ring, c->ring_events = LDE_SCHED_MAX_RING);
AT_LIMIT(min_sleep_ns,
	 c->groups[0].workload = LDE_WL_SLEEP; c->groups[0].sleep_ns = LDE_USEC);
AT_LIMIT(max_sleep_ns,
	 c->groups[0].workload = LDE_WL_SLEEP;
	 c->groups[0].sleep_ns = LDE_SCHED_MAX_SLEEP_NS);
AT_LIMIT(coop_default_watchdog,
	 c->policy = LDE_POLICY_COOP; c->quantum_ns = 0);
AT_LIMIT(linux_engine, c->engine = LDE_ENGINE_LINUX);

FIXTURE_SETUP(limit)
{
	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	self->c = base_config(self->cpu);
	variant->mutate(&self->c);
}

FIXTURE_TEARDOWN(limit)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

/* sched_start accepts the configuration at the limit; it runs and stops. */
TEST_F(limit, accepted)
{
	struct lde_sched_figures f;

	ASSERT_EQ(0, lde_sched_start(self->fd, &self->c));
	ASSERT_EQ(0, lde_sched_stop(self->fd, self->cpu));
	ASSERT_EQ(0, lde_sched_result(self->fd, self->cpu, LDE_SCHED_WAIT, &f));
	ASSERT_EQ(1U, f.res.summary.state);
}

/* ---- An offline CPU ------------------------------------------------------ */

FIXTURE(offline) {
	int fd;
	unsigned int cpu;		/* the lab CPU, taken offline */
	char online[64];		/* its sysfs online file */
	bool offlined;
};

/* Write "0" or "1" to a CPU's online file: 0 or an errno. */
static int set_online(const char *path, bool on)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), err = 0;

	if (fd < 0)
		return errno;
	if (write(fd, on ? "1" : "0", 1) != 1)
		err = errno;
	close(fd);
	return err;
}

FIXTURE_SETUP(offline)
{
	int err;

	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	if (self->cpu == 0)
		LDE_SETUP_SKIP("needs a second online CPU to take offline");
	snprintf(self->online, sizeof(self->online),
		 "/sys/devices/system/cpu/cpu%u/online", self->cpu);
	err = set_online(self->online, false);
	if (err)
		LDE_SETUP_SKIP("cannot take CPU %u offline: %s", self->cpu,
			       strerror(err));
	self->offlined = true;
}

FIXTURE_TEARDOWN(offline)
{
	if (self->offlined) {
		EXPECT_EQ(0, set_online(self->online, true));
	}
	close(self->fd);
}

/* sched_start on an offline CPU is EINVAL. */
TEST_F(offline, offline_cpu_einval)
{
	struct lde_sched_config c = base_config(self->cpu);

	ASSERT_EQ(-EINVAL, lde_sched_start(self->fd, &c));
}

/* ---- EPERM without CAP_SYS_ADMIN ---------------------------------------- */

/* Exit codes of start_without_cap_sys_admin() if it could not try. */
#define CAP_NOT_DROPPED		250
#define NO_DEVICE		251

/*
 * lde_in_child() body: still uid 0, so it may open the 0600 node, but
 * without CAP_SYS_ADMIN, start the experiment config points to.  Returns
 * the errno of the start (0 if it started), or an exit code above.
 */
static int start_without_cap_sys_admin(void *config)
{
	int fd;

	if (lde_drop_cap_sys_admin())
		return CAP_NOT_DROPPED;
	fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return NO_DEVICE;
	return -lde_sched_start(fd, config);
}

FIXTURE(no_admin) {
	int fd;
	unsigned int cpu;
	struct lde_sched_figures before;
	struct lde_sched_config c;	/* valid, but for CAP_SYS_ADMIN */
};

FIXTURE_SETUP(no_admin)
{
	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	run_base(_metadata, self->fd, self->cpu, &self->before);
	self->c = base_config(self->cpu);
}

FIXTURE_TEARDOWN(no_admin)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

/* Root without CAP_SYS_ADMIN may open /dev/lde but not start: EPERM. */
TEST_F(no_admin, start_eperm)
{
	ASSERT_EQ(EPERM, lde_in_child(start_without_cap_sys_admin, &self->c));
}

/* The refused start leaves the lab CPU's last result as it was. */
TEST_F(no_admin, last_result_kept)
{
	EXPECT_EQ(EPERM, lde_in_child(start_without_cap_sys_admin, &self->c));
	assert_result_kept(_metadata, self->fd, self->cpu, &self->before);
}

/* ---- EBUSY and EAGAIN while an experiment runs --------------------------- */

#define BUSY_GUESTS		2U

FIXTURE(busy) {
	int fd;
	unsigned int cpu;
	struct lde_sched_config other;	/* a valid config, 3 guests */
};

/* An rr experiment of 2 spin guests, 10 s long, runs on the lab CPU. */
FIXTURE_SETUP(busy)
{
	struct lde_sched_config c;

	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	c = lde_sched_config(self->cpu, LDE_ENGINE_LDE, LDE_POLICY_RR,
			     LONG_RUN_NS);
	lde_sched_add(&c, LDE_WL_SPIN, BUSY_GUESTS, 0, 0);
	ASSERT_EQ(0, lde_sched_start(self->fd, &c));

	self->other = lde_sched_config(self->cpu, LDE_ENGINE_LINUX,
				       LDE_POLICY_COOP, SHORT_RUN_NS);
	lde_sched_add(&self->other, LDE_WL_YIELD, BUSY_GUESTS + 1, 0, 0);
}

FIXTURE_TEARDOWN(busy)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

/* A second experiment on the same lab CPU is EBUSY. */
TEST_F(busy, second_start_ebusy)
{
	ASSERT_EQ(-EBUSY, lde_sched_start(self->fd, &self->other));
}

/* The refused second start leaves the first running, and it is the first that ends. */
TEST_F(busy, first_experiment_survives_ebusy)
{
	struct lde_sched_figures f;

	EXPECT_EQ(-EBUSY, lde_sched_start(self->fd, &self->other));
	ASSERT_EQ(-EAGAIN, lde_sched_result(self->fd, self->cpu, 0, &f));
	ASSERT_EQ(0, lde_sched_stop(self->fd, self->cpu));
	ASSERT_EQ(0, lde_sched_result(self->fd, self->cpu, LDE_SCHED_WAIT, &f));
	EXPECT_EQ(LDE_END_STOPPED, lde_end(&f));
	ASSERT_EQ(BUSY_GUESTS, f.res.summary.nr_guests);
}

/* sched_result without LDE_SCHED_WAIT while it runs is EAGAIN. */
TEST_F(busy, result_without_wait_eagain)
{
	struct lde_sched_figures f;

	ASSERT_EQ(-EAGAIN, lde_sched_result(self->fd, self->cpu, 0, &f));
}

/* ---- sched_result of a finished experiment ------------------------------- */

#define DONE_GUESTS		3U

FIXTURE(done) {
	int fd;
	unsigned int cpu;
	struct lde_sched_figures f;
};

/* An rr experiment of 3 spin guests ran to its end on the lab CPU. */
FIXTURE_SETUP(done)
{
	struct lde_sched_config c;

	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	c = lde_sched_config(self->cpu, LDE_ENGINE_LDE, LDE_POLICY_RR,
			     SHORT_RUN_NS);
	lde_sched_add(&c, LDE_WL_SPIN, DONE_GUESTS, 0, 0);
	ASSERT_EQ(0, lde_sched_run(self->fd, &c, &self->f));
	ASSERT_EQ(LDE_END_DURATION, lde_end(&self->f));
}

FIXTURE_TEARDOWN(done)
{
	lde_sched_teardown(_metadata, self->fd, self->cpu);
}

/* A flag besides LDE_SCHED_WAIT is EINVAL. */
TEST_F(done, result_unknown_flag_einval)
{
	struct lde_sched_figures f;

	ASSERT_EQ(-EINVAL, lde_sched_result(self->fd, self->cpu,
					    LDE_SCHED_WAIT << 1, &f));
}

/* The last result stays readable without waiting, as often as asked. */
TEST_F(done, result_without_wait_after_end)
{
	struct lde_sched_figures f;

	ASSERT_EQ(0, lde_sched_result(self->fd, self->cpu, 0, &f));
	ASSERT_EQ(1U, f.res.summary.state);
	ASSERT_EQ(0, memcmp(&self->f.res.summary, &f.res.summary,
			    sizeof(f.res.summary)));
}

/* guests_size for one guest copies exactly one, and not a byte more. */
TEST_F(done, result_copies_at_most_guests_size)
{
	struct lde_sched_guest g[2];
	struct lde_sched_result r = {
		.cpu = self->cpu,
		.guests = (uintptr_t)g,
		.guests_size = sizeof(g[0]),
	};

	memset(g, 0xa5, sizeof(g));
	ASSERT_EQ(0, lde_trap_p(self->fd, LDE_IOC_SCHED_RESULT, &r));
	ASSERT_EQ(1U, r.nr_guests_out);
	ASSERT_EQ(0, memcmp(&self->f.guests[0], &g[0], sizeof(g[0])));
	ASSERT_EQ(0xa5, ((unsigned char *)&g[1])[0]);
}

/* With no guests or events pointer, nothing is copied but the summary. */
TEST_F(done, result_without_arrays)
{
	struct lde_sched_result r = { .cpu = self->cpu };

	ASSERT_EQ(0, lde_trap_p(self->fd, LDE_IOC_SCHED_RESULT, &r));
	ASSERT_EQ(0U, r.nr_guests_out);
	ASSERT_EQ(0U, r.nr_events_out);
	ASSERT_EQ(DONE_GUESTS, r.summary.nr_guests);
}

/* The event ring comes back in time order, naming real guests or the host. */
TEST_F(done, events_in_time_order)
{
	static struct lde_sched_event ev[4096];
	struct lde_sched_result r = {
		.cpu = self->cpu,
		.events = (uintptr_t)ev,
		.events_size = sizeof(ev),
	};
	__u32 i;

	ASSERT_EQ(0, lde_trap_p(self->fd, LDE_IOC_SCHED_RESULT, &r));
	ASSERT_LT(0U, r.nr_events_out);
	ASSERT_GE(r.summary.events, r.nr_events_out);
	for (i = 0; i < r.nr_events_out; i++) {
		if (i)
			ASSERT_LE(ev[i - 1].time_ns, ev[i].time_ns)
				TH_LOG("event %u", i);
		if (ev[i].type != LDE_EV_SWITCH)
			continue;
		ASSERT_GT(LDE_NR_SWITCH_REASONS, ev[i].reason);
		ASSERT_TRUE(ev[i].prev < DONE_GUESTS ||
			    ev[i].prev == LDE_SCHED_HOST) TH_LOG("event %u", i);
		ASSERT_TRUE(ev[i].next < DONE_GUESTS ||
			    ev[i].next == LDE_SCHED_HOST) TH_LOG("event %u", i);
	}
}

/* ---- ENOENT: a CPU that has had no experiment ---------------------------- */

FIXTURE(absent) {
	int fd;
};

FIXTURE_SETUP(absent)
{
	struct lde_sched_figures f;
	int lab = lde_lab_cpu();

	if (lab <= NO_EXPERIMENT_CPU)
		LDE_SETUP_SKIP("needs a CPU besides the lab CPU");
	LDE_OPEN_OR_SKIP(self->fd);
	/* Another tool may have used it: then there is nothing to test. */
	if (!lde_sched_result(self->fd, NO_EXPERIMENT_CPU, 0, &f) &&
	    f.res.summary.nr_guests)
		LDE_SETUP_SKIP("an experiment ran on CPU %u since lde loaded",
			       NO_EXPERIMENT_CPU);
}

FIXTURE_TEARDOWN(absent)
{
	close(self->fd);
}

/* sched_result on a CPU without an experiment is ENOENT. */
TEST_F(absent, result_enoent)
{
	struct lde_sched_figures f;

	ASSERT_EQ(-ENOENT, lde_sched_result(self->fd, NO_EXPERIMENT_CPU, 0, &f));
}

/* Even with LDE_SCHED_WAIT: ENOENT at once, nothing to wait for. */
TEST_F(absent, result_wait_enoent)
{
	struct lde_sched_figures f;

	ASSERT_EQ(-ENOENT, lde_sched_result(self->fd, NO_EXPERIMENT_CPU,
					    LDE_SCHED_WAIT, &f));
}

/* sched_stop on a CPU without an experiment is ENOENT. */
TEST_F(absent, stop_enoent)
{
	ASSERT_EQ(-ENOENT, lde_sched_stop(self->fd, NO_EXPERIMENT_CPU));
}

TEST_HARNESS_MAIN

// SPDX-License-Identifier: GPL-2.0
/*
 * lde_floor_test - the floor trap (uapi/lde.h, LDE_TRAP_FLOOR): two
 * contexts swapped by lde_swtch() alone, timed in batches on the lab CPU.
 *   - every invalid input is EINVAL, one per subtest, and runs nothing;
 *     a bad pointer is EFAULT; no CAP_SYS_ADMIN is EPERM;
 *   - a valid run does every swap, returns one sample per batch, and its
 *     distributions are those samples': the swap's is the batch less its
 *     clock read, over its swaps;
 *   - it copies no more samples than there is room for;
 *   - the floor lies below lde's full switch: a coop experiment with two
 *     yield guests, run right after it on the same CPU, costs more per
 *     switch.
 *
 * Needs lde.ko loaded and root; SKIPs without them.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_floor_test			(this one, from selftests/)
 */
#define _GNU_SOURCE
#include <sys/mman.h>

#include "lde_sched.h"

#define RUN_BATCHES	256U
#define RUN_BATCH	64U
#define COOP_RUN_NS	(200 * LDE_MSEC)
/* Not a floor any CPU, emulated or not, comes near: 100 us a swap. */
#define IMPLAUSIBLE_NS	100000ULL

/* A valid request on cpu, with room for every sample in s (may be NULL). */
static struct lde_floor floor_request(unsigned int cpu,
				      struct lde_floor_sample *s,
				      __u32 batches, __u32 batch)
{
	struct lde_floor f = {
		.cpu = cpu,
		.batches = batches,
		.batch = batch,
		.samples = (uintptr_t)s,
		.samples_size = s ? batches * sizeof(*s) : 0,
	};

	return f;
}

static long lde_floor(int fd, struct lde_floor *f)
{
	return lde_trap_p(fd, LDE_IOC_FLOOR, f);
}

/* The swap distribution's value of one sample, as lde.ko computes it. */
static __u64 swap_ns(const struct lde_floor_sample *s, __u32 batch)
{
	__u32 c = s->clock_ns < s->batch_ns ? s->clock_ns : s->batch_ns;

	return ((__u64)s->batch_ns - c + batch / 2) / batch;
}

/* ---- Every invalid input: EINVAL ---------------------------------------- */

FIXTURE(bad_floor) {
	int fd;
	unsigned int cpu;
	struct lde_floor f;
};

FIXTURE_VARIANT(bad_floor) {
	void (*mutate)(struct lde_floor *f);
};

#define BAD_FLOOR(name, ...)						\
	static void mutate_##name(struct lde_floor *f)			\
	{								\
		__VA_ARGS__;						\
	}								\
	FIXTURE_VARIANT_ADD(bad_floor, name) {				\
		.mutate = mutate_##name,				\
	}

BAD_FLOOR(flags_set, f->flags = 1);
BAD_FLOOR(cpu_beyond_all, f->cpu = 0xffffffffU);
BAD_FLOOR(no_batches, f->batches = 0);
BAD_FLOOR(too_many_batches, f->batches = LDE_FLOOR_MAX_BATCHES + 1;
	  f->batch = 2);
BAD_FLOOR(batch_zero, f->batch = 0);
BAD_FLOOR(batch_odd, f->batch = 3);
BAD_FLOOR(batch_too_big, f->batch = LDE_FLOOR_MAX_BATCH + 2);
BAD_FLOOR(too_many_swaps, f->batches = LDE_FLOOR_MAX_BATCHES;
	  f->batch = LDE_FLOOR_MAX_BATCH);
BAD_FLOOR(size_without_pointer, f->samples = 0;
	  f->samples_size = sizeof(struct lde_floor_sample));

FIXTURE_SETUP(bad_floor)
{
	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	self->f = floor_request(self->cpu, NULL, 16, 2);
	variant->mutate(&self->f);
}

FIXTURE_TEARDOWN(bad_floor)
{
	close(self->fd);
}

/* EINVAL, and nothing ran: the out fields are as they came in. */
TEST_F(bad_floor, einval)
{
	self->f.swaps = 12345;
	ASSERT_EQ(-EINVAL, lde_floor(self->fd, &self->f));
	EXPECT_EQ(12345ULL, self->f.swaps);
	EXPECT_EQ(0ULL, self->f.swap.count);
}

/* ---- The limits, a bad CPU, bad pointers, no CAP_SYS_ADMIN -------------- */

FIXTURE(floor) {
	int fd;
	unsigned int cpu;
	struct lde_floor_sample *s;	/* RUN_BATCHES, and a guard page */
	size_t s_map;
};

FIXTURE_SETUP(floor)
{
	size_t page = sysconf(_SC_PAGESIZE);
	char *p;

	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	/* The samples end where an unmapped page begins. */
	self->s_map = (RUN_BATCHES * sizeof(*self->s) + page - 1) / page *
		      page + page;
	p = mmap(NULL, self->s_map, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, p);
	ASSERT_EQ(0, munmap(p + self->s_map - page, page));
	self->s = (void *)(p + self->s_map - page -
			   RUN_BATCHES * sizeof(*self->s));
}

FIXTURE_TEARDOWN(floor)
{
	size_t page = sysconf(_SC_PAGESIZE);

	munmap((char *)self->s + RUN_BATCHES * sizeof(*self->s) + page -
	       self->s_map, self->s_map - page);
	EXPECT_EQ(0, lde_sched_quiesce(self->fd, self->cpu));
	close(self->fd);
}

/* The largest batch and the most swaps are accepted. */
TEST_F(floor, limits_accepted)
{
	struct lde_floor f = floor_request(self->cpu, NULL, 2,
					   LDE_FLOOR_MAX_BATCH);

	ASSERT_EQ(0, lde_floor(self->fd, &f));
	EXPECT_EQ(2ULL * LDE_FLOOR_MAX_BATCH, f.swaps);
	f = floor_request(self->cpu, NULL,
			  LDE_FLOOR_MAX_SWAPS / LDE_FLOOR_MAX_BATCH,
			  LDE_FLOOR_MAX_BATCH);
	ASSERT_EQ(0, lde_floor(self->fd, &f));
	EXPECT_EQ((__u64)LDE_FLOOR_MAX_SWAPS, f.swaps);
}

/* A CPU that does not exist: EINVAL. */
TEST_F(floor, cpu_past_possible_einval)
{
	int last = lde_last_cpu_in(LDE_CPUS_POSSIBLE);
	struct lde_floor f;

	ASSERT_LE(0, last);
	f = floor_request(last + 1, NULL, 16, 2);
	ASSERT_EQ(-EINVAL, lde_floor(self->fd, &f));
}

/* No struct: EFAULT. */
TEST_F(floor, null_struct_efault)
{
	ASSERT_EQ(-EFAULT, lde_trap(self->fd, LDE_IOC_FLOOR, 0));
}

/* Samples that run into an unmapped page: EFAULT, after the run. */
TEST_F(floor, samples_past_the_end_efault)
{
	struct lde_floor f = floor_request(self->cpu, self->s, RUN_BATCHES,
					   RUN_BATCH);

	f.samples_size += sizeof(*self->s);
	f.batches++;
	ASSERT_EQ(-EFAULT, lde_floor(self->fd, &f));
}

/* Samples at a kernel address: EFAULT, never a write there. */
TEST_F(floor, kernel_samples_efault)
{
	struct lde_floor f = floor_request(self->cpu, self->s, 16, 2);

	f.samples = (__u64)-4096;
	ASSERT_EQ(-EFAULT, lde_floor(self->fd, &f));
}

/* lde_in_child() body: root without CAP_SYS_ADMIN; the floor's errno. */
static int floor_without_cap_sys_admin(void *arg)
{
	const struct lde_floor *want = arg;
	struct lde_floor f = *want;
	int fd;

	if (lde_drop_cap_sys_admin())
		return 250;
	fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return 251;
	return -lde_floor(fd, &f);
}

/* Root without CAP_SYS_ADMIN may open /dev/lde but not run it: EPERM. */
TEST_F(floor, no_admin_eperm)
{
	struct lde_floor f = floor_request(self->cpu, NULL, 16, 2);

	ASSERT_EQ(EPERM, lde_in_child(floor_without_cap_sys_admin, &f));
}

/* ---- A valid run --------------------------------------------------------- */

/* Every swap done, a sample per batch, plausible and non-zero. */
TEST_F(floor, run_gives_every_sample)
{
	struct lde_floor f = floor_request(self->cpu, self->s, RUN_BATCHES,
					   RUN_BATCH);
	unsigned int i;

	/* Out fields that came in dirty are not added to. */
	f.swap.count = 99;
	f.clock.sum_ns = 99;
	f.nr_samples_out = 99;
	ASSERT_EQ(0, lde_floor(self->fd, &f));
	EXPECT_EQ((__u64)RUN_BATCHES * RUN_BATCH, f.swaps);
	ASSERT_EQ(RUN_BATCHES, f.nr_samples_out);
	EXPECT_EQ((__u64)RUN_BATCHES, f.swap.count);
	EXPECT_EQ((__u64)RUN_BATCHES, f.clock.count);
	for (i = 0; i < RUN_BATCHES; i++) {
		/* 64 swaps take time; the clock's own reads may read 0. */
		EXPECT_LT(0U, self->s[i].batch_ns) TH_LOG("sample %u", i);
		EXPECT_GT(IMPLAUSIBLE_NS * RUN_BATCH, self->s[i].batch_ns)
			TH_LOG("sample %u", i);
	}
	EXPECT_LT(0ULL, f.swap.sum_ns);
	EXPECT_GE(f.swap.max_ns, f.swap.min_ns);
	EXPECT_GT(IMPLAUSIBLE_NS, f.swap.min_ns);
}

/* lde.ko's distributions are exactly those of the samples it returned. */
TEST_F(floor, distributions_are_the_samples)
{
	struct lde_floor f = floor_request(self->cpu, self->s, RUN_BATCHES,
					   RUN_BATCH);
	__u64 swap_sum = 0, clock_sum = 0, swap_max = 0, clock_max = 0, v;
	unsigned int i;

	ASSERT_EQ(0, lde_floor(self->fd, &f));
	ASSERT_EQ(RUN_BATCHES, f.nr_samples_out);
	for (i = 0; i < RUN_BATCHES; i++) {
		v = swap_ns(&self->s[i], RUN_BATCH);
		swap_sum += v;
		swap_max = v > swap_max ? v : swap_max;
		clock_sum += self->s[i].clock_ns;
		if (self->s[i].clock_ns > clock_max)
			clock_max = self->s[i].clock_ns;
	}
	EXPECT_EQ(swap_sum, f.swap.sum_ns);
	EXPECT_EQ(swap_max, f.swap.max_ns);
	EXPECT_EQ(clock_sum, f.clock.sum_ns);
	EXPECT_EQ(clock_max, f.clock.max_ns);
}

/* Room for fewer samples than batches: that many, and not a byte more. */
TEST_F(floor, copies_only_what_fits)
{
	struct lde_floor f = floor_request(self->cpu, self->s, RUN_BATCHES,
					   RUN_BATCH);
	const unsigned int room = 10;
	unsigned int i;

	memset(self->s, 0xa5, RUN_BATCHES * sizeof(*self->s));
	f.samples_size = room * sizeof(*self->s) + 3;
	ASSERT_EQ(0, lde_floor(self->fd, &f));
	EXPECT_EQ(room, f.nr_samples_out);
	EXPECT_EQ((__u64)RUN_BATCHES, f.swap.count);
	for (i = 0; i < room; i++)
		EXPECT_NE(0xa5a5a5a5U, self->s[i].batch_ns);
	for (i = room; i < RUN_BATCHES; i++) {
		EXPECT_EQ(0xa5a5a5a5U, self->s[i].batch_ns) TH_LOG("%u", i);
		EXPECT_EQ(0xa5a5a5a5U, self->s[i].clock_ns) TH_LOG("%u", i);
	}
}

/*
 * The floor is below lde's full switch: the same swap, without the
 * policy, the books, the ring and the tracepoint, and without the clock
 * read every switch cost contains.  Means: a batch's own is already a
 * mean over its swaps.
 */
TEST_F(floor, below_the_full_switch)
{
	struct lde_floor f = floor_request(self->cpu, NULL, RUN_BATCHES,
					   RUN_BATCH);
	struct lde_sched_config c;
	struct lde_sched_figures r;
	const struct lde_sched_dist *cost = &r.res.summary.switch_cost;
	double floor_mean, full_mean;

	ASSERT_EQ(0, lde_floor(self->fd, &f));
	c = lde_sched_config(self->cpu, LDE_ENGINE_LDE, LDE_POLICY_COOP,
			     COOP_RUN_NS);
	lde_sched_add(&c, LDE_WL_YIELD, 2, 0, 0);
	ASSERT_EQ(0, lde_sched_run(self->fd, &c, &r));
	ASSERT_LT(0ULL, cost->count);
	floor_mean = (double)f.swap.sum_ns / f.swap.count;
	full_mean = (double)cost->sum_ns / cost->count;
	TH_LOG("floor %.1f ns a swap, full switch %.1f ns (means, %llu and"
	       " %llu samples)", floor_mean, full_mean,
	       (unsigned long long)f.swap.count,
	       (unsigned long long)cost->count);
	EXPECT_LT(floor_mean, full_mean);
}

TEST_HARNESS_MAIN

// SPDX-License-Identifier: GPL-2.0
/*
 * lde_stress_test - many threads trapping into /dev/lde at once: every
 * call still succeeds with the right result, and the per-CPU counters in
 * /sys/class/lde/lde/traps/ add up to exactly the number of calls.
 *
 * Needs lde.ko loaded and access to /dev/lde (SKIPs otherwise), and no
 * other process trapping meanwhile.  Takes seconds natively, a minute or
 * more in a TCG VM.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_stress_test			(this one, from selftests/)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "lde_test.h"

#define NR_THREADS	8
#define NULL_CALLS	100000		/* null traps per thread */
#define MIXED_ROUNDS	10000		/* rounds of 5 traps per thread */

/* Traps the mixed test issues, in the order each thread cycles them. */
static const unsigned int mixed_traps[] = {
	LDE_TRAP_NULL, LDE_TRAP_GETPID, LDE_TRAP_CLOCK, LDE_TRAP_ECHO,
	LDE_TRAP_CPL,
};

struct worker {
	pthread_t thread;
	pthread_barrier_t *start;
	int fd;
	unsigned long long failed;	/* calls with a wrong result */
	long first_bad;			/* the first wrong result */
};

static void note_bad(struct worker *w, long ret)
{
	if (!w->failed++)
		w->first_bad = ret;
}

/* NULL_CALLS null traps, each of which must return 0. */
static void *null_worker(void *arg)
{
	struct worker *w = arg;
	unsigned long i;
	long ret;

	pthread_barrier_wait(w->start);
	for (i = 0; i < NULL_CALLS; i++) {
		ret = lde_trap(w->fd, LDE_IOC_NULL, 0);
		if (ret != 0)
			note_bad(w, ret);
	}
	return NULL;
}

/*
 * MIXED_ROUNDS rounds of null, getpid, clock, echo and cpl, each checked:
 * 0, our tgid, a clock that never goes back in this thread, our bytes
 * echoed back, ring 0.
 */
static void *mixed_worker(void *arg)
{
	unsigned char src[64], dst[64];
	struct lde_echo e = {
		.src = (uintptr_t)src, .dst = (uintptr_t)dst, .len = sizeof(src),
	};
	__u64 now, last = 0;
	pid_t pid = getpid();
	struct worker *w = arg;
	struct lde_cpl c;
	unsigned long i;
	long ret;

	pthread_barrier_wait(w->start);
	for (i = 0; i < MIXED_ROUNDS; i++) {
		ret = lde_trap(w->fd, LDE_IOC_NULL, 0);
		if (ret != 0)
			note_bad(w, ret);

		ret = lde_trap(w->fd, LDE_IOC_GETPID, 0);
		if (ret != pid)
			note_bad(w, ret);

		ret = lde_trap_p(w->fd, LDE_IOC_CLOCK, &now);
		if (ret != 0 || now < last)
			note_bad(w, ret);
		last = now;

		memset(src, (unsigned char)(i + w->fd), sizeof(src));
		memset(dst, ~(unsigned char)(i + w->fd), sizeof(dst));
		ret = lde_trap_p(w->fd, LDE_IOC_ECHO, &e);
		if (ret != (long)sizeof(src) || memcmp(src, dst, sizeof(src)))
			note_bad(w, ret);

		c.level = ~0U;
		ret = lde_trap_p(w->fd, LDE_IOC_CPL, &c);
		if (ret != 0 || !lde_kernel_level(c.level))
			note_bad(w, ret);
	}
	return NULL;
}

FIXTURE(stress) {
	int fd;				/* the shared fd */
	int fds[NR_THREADS];		/* what each worker traps on */
	struct worker workers[NR_THREADS];
	pthread_barrier_t start;
};

/* The workers share one fd, or each opens /dev/lde for itself. */
FIXTURE_VARIANT(stress) {
	bool fd_per_thread;
};

FIXTURE_VARIANT_ADD(stress, shared_fd) { .fd_per_thread = false };
FIXTURE_VARIANT_ADD(stress, fd_per_thread) { .fd_per_thread = true };

FIXTURE_SETUP(stress)
{
	unsigned int i;

	for (i = 0; i < NR_THREADS; i++)
		self->fds[i] = -1;
	LDE_OPEN_OR_SKIP(self->fd);
	for (i = 0; i < NR_THREADS; i++) {
		if (variant->fd_per_thread) {
			self->fds[i] = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
			ASSERT_LE(0, self->fds[i]);
		}
		self->workers[i].fd = variant->fd_per_thread ?
				      self->fds[i] : self->fd;
		self->workers[i].start = &self->start;
	}
	ASSERT_EQ(0, pthread_barrier_init(&self->start, NULL, NR_THREADS));
}

FIXTURE_TEARDOWN(stress)
{
	unsigned int i;

	for (i = 0; i < NR_THREADS; i++)
		if (self->fds[i] >= 0)
			close(self->fds[i]);
	close(self->fd);
}

/* Start NR_THREADS workers together, wait for all; count their failures. */
static int run_workers(struct worker *workers, void *(*fn)(void *),
		       unsigned long long *failed, long *first_bad)
{
	unsigned int i;
	int err;

	*failed = 0;
	for (i = 0; i < NR_THREADS; i++) {
		err = pthread_create(&workers[i].thread, NULL, fn, &workers[i]);
		if (err)
			/* The barrier would never open: nothing to join. */
			return err;
	}
	for (i = 0; i < NR_THREADS; i++) {
		pthread_join(workers[i].thread, NULL);
		if (workers[i].failed && !*failed)
			*first_bad = workers[i].first_bad;
		*failed += workers[i].failed;
	}
	return 0;
}

/* 8 threads x 100k null traps: all return 0, "null" rises by 800000. */
TEST_F_TIMEOUT(stress, null_8x100k, 300)
{
	unsigned long long before, after, failed;
	long first_bad = 0;

	ASSERT_EQ(0, lde_counter("null", &before));
	ASSERT_EQ(0, run_workers(self->workers, null_worker, &failed,
				 &first_bad));
	ASSERT_EQ(0, lde_counter("null", &after));
	EXPECT_EQ(0ULL, failed) TH_LOG("first bad result %ld", first_bad);
	EXPECT_EQ((unsigned long long)NR_THREADS * NULL_CALLS, after - before);
}

/* 8 threads cycling five traps: all results right, every counter exact. */
TEST_F_TIMEOUT(stress, mixed_8x10k_rounds, 300)
{
	unsigned long long before[ARRAY_SIZE(mixed_traps)];
	unsigned long long after[ARRAY_SIZE(mixed_traps)];
	unsigned long long failed;
	long first_bad = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mixed_traps); i++) {
		ASSERT_EQ(0, lde_counter(lde_trap_names[mixed_traps[i]],
					 &before[i]));
	}
	ASSERT_EQ(0, run_workers(self->workers, mixed_worker, &failed,
				 &first_bad));
	for (i = 0; i < ARRAY_SIZE(mixed_traps); i++) {
		ASSERT_EQ(0, lde_counter(lde_trap_names[mixed_traps[i]],
					 &after[i]));
	}
	EXPECT_EQ(0ULL, failed) TH_LOG("first bad result %ld", first_bad);
	for (i = 0; i < ARRAY_SIZE(mixed_traps); i++) {
		EXPECT_EQ((unsigned long long)NR_THREADS * MIXED_ROUNDS,
			  after[i] - before[i])
			TH_LOG("counter %s", lde_trap_names[mixed_traps[i]]);
	}
}

TEST_HARNESS_MAIN

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lde_sched.h - helpers shared by the selftests of lde's mini scheduler
 * (the sched_start, sched_stop and sched_result traps of uapi/lde.h).
 *
 * Not a test itself: it picks the lab CPU the way the CLI does (the last
 * online CPU), builds valid configurations, runs an experiment to its end
 * and reads its figures back, and puts the lab CPU back in a known state
 * (no experiment running) between tests.
 */
#ifndef _LDE_SCHED_H
#define _LDE_SCHED_H

#include <ctype.h>
#include <stdint.h>

#include "lde_test.h"

#define LDE_CPUS_ONLINE		"/sys/devices/system/cpu/online"
#define LDE_CPUS_POSSIBLE	"/sys/devices/system/cpu/possible"

#define LDE_USEC		1000ULL			/* ns */
#define LDE_MSEC		(1000 * LDE_USEC)
#define LDE_SEC			(1000 * LDE_MSEC)

/* The rr quantum of lde_sched_config(): the CLI's default too. */
#define LDE_TEST_QUANTUM_NS	LDE_MSEC

/* Guests whose figures struct lde_sched_figures has room for. */
#define LDE_TEST_MAX_GUESTS	16

/*
 * The last CPU of a sysfs CPU list such as "0-1" or "0,2-3" (the file
 * path): the highest CPU number in it, or -errno.
 */
static inline int lde_last_cpu_in(const char *path)
{
	char buf[1024], *p, *end;
	ssize_t len = lde_read_text(path, buf, sizeof(buf));

	if (len < 0)
		return len;
	end = buf + len;
	while (end > buf && !isdigit((unsigned char)end[-1]))
		end--;
	p = end;
	while (p > buf && isdigit((unsigned char)p[-1]))
		p--;
	return p == end ? -EINVAL : atoi(p);
}

/* The lab CPU the lde selftests use: the last online one, or -errno. */
static inline int lde_lab_cpu(void)
{
	return lde_last_cpu_in(LDE_CPUS_ONLINE);
}

/*
 * A valid experiment with no guests yet: cpu, engine and policy as given,
 * the default quantum for rr (0 for coop), the default watchdog and ring.
 * Add guests with lde_sched_add().
 */
static inline struct lde_sched_config
lde_sched_config(unsigned int cpu, __u32 engine, __u32 policy,
		 __u64 duration_ns)
{
	struct lde_sched_config c = {
		.cpu = cpu,
		.engine = engine,
		.policy = policy,
		.quantum_ns = policy == LDE_POLICY_RR ? LDE_TEST_QUANTUM_NS : 0,
		.duration_ns = duration_ns,
	};

	return c;
}

/* Append a group of count guests running workload to c. */
static inline void lde_sched_add(struct lde_sched_config *c, __u32 workload,
				 __u32 count, __u64 iters, __u64 sleep_ns)
{
	struct lde_sched_group *g = &c->groups[c->nr_groups++];

	g->workload = workload;
	g->count = count;
	g->iters = iters;
	g->sleep_ns = sleep_ns;
}

/* What sched_result returns: the summary and the first guests' figures. */
struct lde_sched_figures {
	struct lde_sched_result res;
	struct lde_sched_guest guests[LDE_TEST_MAX_GUESTS];
};

/* sched_result on cpu with flags into *f, guests included; 0 or -errno. */
static inline long lde_sched_result(int fd, unsigned int cpu, __u32 flags,
				    struct lde_sched_figures *f)
{
	memset(f, 0, sizeof(*f));
	f->res.cpu = cpu;
	f->res.flags = flags;
	f->res.guests = (uintptr_t)f->guests;
	f->res.guests_size = sizeof(f->guests);
	return lde_trap_p(fd, LDE_IOC_SCHED_RESULT, &f->res);
}

/* sched_start: the new experiment's id (> 0), or -errno. */
static inline long lde_sched_start_id(int fd, const struct lde_sched_config *c)
{
	return lde_trap_p(fd, LDE_IOC_SCHED_START, c);
}

/* sched_start: 0 once it has started, or -errno. */
static inline long lde_sched_start(int fd, const struct lde_sched_config *c)
{
	long id = lde_sched_start_id(fd, c);

	return id < 0 ? id : 0;
}

static inline long lde_sched_stop(int fd, unsigned int cpu)
{
	return lde_trap(fd, LDE_IOC_SCHED_STOP, cpu);
}

/* Start c and wait for its end into *f: 0, or the failed trap's -errno. */
static inline long lde_sched_run(int fd, const struct lde_sched_config *c,
				 struct lde_sched_figures *f)
{
	long ret = lde_sched_start(fd, c);

	return ret ? ret : lde_sched_result(fd, c->cpu, LDE_SCHED_WAIT, f);
}

/*
 * Leave cpu with no experiment running: stop the one a failed or timed-out
 * test may have left behind and wait for its end.  0 or -errno.
 */
static inline long lde_sched_quiesce(int fd, unsigned int cpu)
{
	struct lde_sched_figures f;
	long ret;

	lde_sched_stop(fd, cpu);	/* ENOENT or done: nothing to stop */
	ret = lde_sched_result(fd, cpu, LDE_SCHED_WAIT, &f);
	return ret == -ENOENT ? 0 : ret;
}

/* How the experiment of *f ended: an enum lde_sched_end, as an int. */
static inline int lde_end(const struct lde_sched_figures *f)
{
	return f->res.summary.end;
}

/* The guests' CPU time, summed over those whose figures were copied. */
static inline __u64 lde_guests_cpu_ns(const struct lde_sched_figures *f)
{
	__u64 sum = 0;
	__u32 i;

	for (i = 0; i < f->res.nr_guests_out; i++)
		sum += f->guests[i].cpu_ns;
	return sum;
}

/*
 * From a FIXTURE_SETUP(): open /dev/lde into *fd and find the lab CPU into
 * *cpu, with nothing running there, or SKIP.
 */
static inline void lde_sched_setup(struct __test_metadata *_metadata,
				   int *fd, unsigned int *cpu)
{
	int lab = lde_lab_cpu();

	ASSERT_LE(0, lab) TH_LOG("%s: %s", LDE_CPUS_ONLINE, strerror(-lab));
	*cpu = lab;
	if (geteuid())
		LDE_SETUP_SKIP("needs root (CAP_SYS_ADMIN) to start experiments");
	LDE_OPEN_OR_SKIP(*fd);
	ASSERT_EQ(0, lde_sched_quiesce(*fd, *cpu));
}

/* FIXTURE_TEARDOWN() of the above: stop what the test left, close fd. */
static inline void lde_sched_teardown(struct __test_metadata *_metadata,
				      int fd, unsigned int cpu)
{
	EXPECT_EQ(0, lde_sched_quiesce(fd, cpu));
	close(fd);
}

#endif /* _LDE_SCHED_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * lde_fuzz_test - 8 threads issue random ioctls on /dev/lde for 20 s:
 * random command numbers, within lde's magic and outside it; random
 * arguments, bad pointers among them (NULL, kernel addresses, unmapped,
 * read-only, non-canonical, running off the end of a mapping); random
 * experiment configurations, valid and invalid, on every CPU, with either
 * engine and policy; sched_stop, and sched_result with and without
 * LDE_SCHED_WAIT, so that experiments keep starting and stopping under
 * the traps.  The threads share four descriptors of /dev/lde, which one
 * of them now and then replaces with a fresh one while others trap on it.
 * It passes if the kernel log stays clean and lde still works afterwards:
 * a null trap, a short experiment with a regs guest, its references back.
 *
 * What the kernel writes out (figures, echo's copy, the info names) lands
 * only in a scratch mapping with a guard page after it, never on the
 * test's own data.  Commands of the VFS's own (FIOCLEX, FIONBIO,
 * FS_IOC_SETFLAGS, FIFREEZE...: types 0, 'T', 'X', 'f' and 0x94) are left
 * out: Linux handles them before lde sees them, and some would change
 * /dev/lde itself (its flags) instead of testing lde.
 *
 * Each run is seeded, and the seed is printed first: LDE_FUZZ_SEED=<seed>
 * gives every thread the same sequence again (the interleaving of the
 * threads is the scheduler's).  LDE_FUZZ_SECONDS sets the duration.
 *
 * Needs lde.ko loaded and root; SKIPs without them.  About 30 s.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_fuzz_test				(this one, from selftests/)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <sys/mman.h>

#include "lde_sched.h"

#define NR_THREADS	8
#define NR_FDS		4
#define FUZZ_SECONDS	20
#define SCRATCH_SIZE	(64UL << 20)	/* > the largest ring copy: 32 MiB */
#define PAGE		4096UL
#define CHECK_RUN_NS	(100 * LDE_MSEC)

/* The traps of lde, by number, and a weight: how often each is drawn. */
static const struct {
	unsigned long cmd;
	unsigned int weight;
} known[] = {
	{ LDE_IOC_NULL, 1 }, { LDE_IOC_GETPID, 1 }, { LDE_IOC_CLOCK, 1 },
	{ LDE_IOC_ECHO, 2 }, { LDE_IOC_CPL, 1 }, { LDE_IOC_INFO, 2 },
	{ LDE_IOC_SCHED_START, 6 }, { LDE_IOC_SCHED_STOP, 3 },
	{ LDE_IOC_SCHED_RESULT, 6 },
};

/* ioctl types the VFS handles itself (see the top): never drawn. */
static const unsigned int vfs_types[] = { 0x00, 'T', 'X', 'f', 0x94 };

/* What the threads share. */
struct fuzz {
	int fds[NR_FDS];		/* /dev/lde, replaced now and then */
	unsigned char *scratch;		/* SCRATCH_SIZE, then a guard page */
	unsigned char *ro;		/* a read-only page */
	unsigned long unmapped;		/* a page with nothing mapped */
	unsigned int nr_cpus;		/* CPUs 0..nr_cpus-1 are online */
	__u64 seed;
	__u64 deadline;
	atomic_ulong calls;
	atomic_ulong ok[LDE_TRAP_SCHED_RESULT + 1];	/* by trap number */
	atomic_ulong errors[5];		/* EINVAL, EFAULT, ENOTTY, ENOSYS, other */
	atomic_ulong waits;		/* sched_result with LDE_SCHED_WAIT */
	atomic_ulong reopens;
};

struct worker {
	pthread_t thread;
	struct fuzz *fz;
	__u64 rng;
};

/* splitmix64: spreads a seed, and steps each thread's generator. */
static __u64 rnd(__u64 *s)
{
	__u64 z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static __u64 below(__u64 *s, __u64 n)
{
	return n ? rnd(s) % n : 0;
}

/* true one time in n. */
static bool one_in(__u64 *s, __u64 n)
{
	return below(s, n) == 0;
}

static void random_bytes(__u64 *s, void *buf, size_t len)
{
	unsigned char *p = buf;
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = rnd(s);
}

/* A place in the scratch mapping with len bytes after it (if len fits). */
static unsigned long scratch_at(struct fuzz *fz, __u64 *s, size_t len)
{
	size_t room = len < SCRATCH_SIZE ? SCRATCH_SIZE - len : 0;

	return (unsigned long)fz->scratch + below(s, room + 1);
}

/*
 * A pointer for the kernel to read or write len bytes at: mostly good
 * (in the scratch mapping), else one of the bad kinds.
 */
static __u64 random_ptr(struct fuzz *fz, __u64 *s, size_t len)
{
	switch (below(s, 12)) {
	case 0:
		return 0;
	case 1:
		return LDE_KERNEL_ADDR + below(s, 1 << 20);
	case 2:
		return fz->unmapped + below(s, PAGE);
	case 3:
		return (unsigned long)fz->ro + below(s, PAGE);
	case 4:		/* runs into the guard page */
		return (unsigned long)fz->scratch + SCRATCH_SIZE -
		       below(s, len + 1);
	case 5:		/* non-canonical */
		return 0x8000000000000000ULL + below(s, 1 << 20);
	case 6:
		return rnd(s);
	default:
		return scratch_at(fz, s, len);
	}
}

/* A size: mostly small, sometimes at or past a limit, sometimes wild. */
static __u32 random_size(__u64 *s, __u32 limit)
{
	switch (below(s, 6)) {
	case 0:
		return 0;
	case 1:
		return limit + below(s, 2) - 1 + below(s, 2);
	case 2:
		return rnd(s);
	default:
		return below(s, limit + 1);
	}
}

/* A CPU: mostly one that is online, sometimes not, sometimes wild. */
static __u32 random_cpu(struct fuzz *fz, __u64 *s)
{
	if (one_in(s, 10))
		return one_in(s, 2) ? fz->nr_cpus + below(s, 4) : rnd(s);
	return below(s, fz->nr_cpus);
}

/*
 * A valid experiment: short (most under 50 ms, a few up to 1 s), up to
 * three groups of a few guests (sometimes 64), any engine and policy.
 */
static void valid_config(struct fuzz *fz, __u64 *s,
			 struct lde_sched_config *c)
{
	__u64 watchdog;
	__u32 i;

	memset(c, 0, sizeof(*c));
	c->cpu = below(s, fz->nr_cpus);
	c->engine = below(s, LDE_NR_ENGINES);
	c->policy = below(s, LDE_NR_POLICIES);
	if (one_in(s, 2))
		c->watchdog_ns = LDE_SCHED_MIN_WATCHDOG_NS +
				 below(s, 100 * LDE_MSEC);
	watchdog = c->watchdog_ns ?: LDE_SCHED_DEFAULT_WATCHDOG_NS;
	if (c->policy == LDE_POLICY_RR)
		c->quantum_ns = LDE_SCHED_MIN_QUANTUM_NS +
				below(s, watchdog - LDE_SCHED_MIN_QUANTUM_NS);
	c->duration_ns = LDE_SCHED_MIN_DURATION_NS +
			 below(s, one_in(s, 50) ? LDE_SEC : 50 * LDE_MSEC);
	if (one_in(s, 2))
		c->ring_events = below(s, 4096);
	c->nr_groups = 1 + below(s, one_in(s, 10) ? LDE_SCHED_MAX_GROUPS : 3);
	for (i = 0; i < c->nr_groups; i++) {
		struct lde_sched_group *g = &c->groups[i];

		g->workload = below(s, LDE_NR_WORKLOADS);
		g->count = 1 + below(s, one_in(s, 20) ? 64 : 4);
		if (g->workload != LDE_WL_SPIN && g->workload != LDE_WL_REGS &&
		    one_in(s, 2))
			g->iters = 1 + below(s, 100000);
		if (g->workload == LDE_WL_SLEEP)
			g->sleep_ns = LDE_USEC + below(s, LDE_MSEC);
	}
}

/* A valid configuration with one field made wrong (or many, at random). */
static void invalid_config(struct fuzz *fz, __u64 *s,
			   struct lde_sched_config *c)
{
	struct lde_sched_group *g = &c->groups[0];

	valid_config(fz, s, c);
	switch (below(s, 16)) {
	case 0:
		c->flags = 1 + below(s, 0xffffffff);
		break;
	case 1:
		c->cpu = random_cpu(fz, s) | (one_in(s, 2) ? 0x80000000 : 0);
		break;
	case 2:
		c->engine = LDE_NR_ENGINES + below(s, 1000);
		break;
	case 3:
		c->policy = LDE_NR_POLICIES + below(s, 1000);
		break;
	case 4:
		c->nr_groups = one_in(s, 2) ? 0 : LDE_SCHED_MAX_GROUPS + 1;
		break;
	case 5:
		c->quantum_ns = c->policy == LDE_POLICY_COOP ?
				1 + below(s, LDE_SEC) : rnd(s);
		break;
	case 6:
		c->watchdog_ns = one_in(s, 2) ? LDE_SCHED_MIN_WATCHDOG_NS - 1 :
				 LDE_SCHED_MAX_WATCHDOG_NS + below(s, LDE_SEC);
		break;
	case 7:
		c->duration_ns = one_in(s, 2) ? below(s, LDE_MSEC) :
				 LDE_SCHED_MAX_DURATION_NS + 1 + rnd(s) % LDE_SEC;
		break;
	case 8:
		c->ring_events = LDE_SCHED_MAX_RING + 1 + below(s, 1 << 20);
		break;
	case 9:
		g->workload = LDE_NR_WORKLOADS + below(s, 1000);
		break;
	case 10:
		g->count = one_in(s, 2) ? 0 : LDE_SCHED_MAX_GUESTS + 1;
		break;
	case 11:	/* a group past nr_groups that is not all zero */
		c->nr_groups = 1;
		c->groups[1].count = 1 + below(s, 4);
		break;
	case 12:
		g->workload = LDE_WL_SPIN;
		g->iters = 1 + below(s, 1000);
		break;
	case 13:
		g->workload = LDE_WL_SLEEP;
		g->sleep_ns = one_in(s, 2) ? 0 : LDE_SCHED_MAX_SLEEP_NS + 1;
		break;
	case 14:
		g->workload = LDE_WL_YIELD;
		g->sleep_ns = 1 + below(s, LDE_MSEC);
		break;
	default:
		random_bytes(s, c, sizeof(*c));
		break;
	}
}

/* sched_start's argument: a valid or invalid configuration, or junk. */
static unsigned long start_arg(struct fuzz *fz, __u64 *s,
			       struct lde_sched_config *c)
{
	unsigned int how = below(s, 10);

	if (how < 6)
		valid_config(fz, s, c);
	else if (how < 9)
		invalid_config(fz, s, c);
	else
		return random_ptr(fz, s, sizeof(*c));
	return (unsigned long)c;
}

/* sched_result's argument; *wait says whether it may block. */
static unsigned long result_arg(struct fuzz *fz, __u64 *s,
				struct lde_sched_result *r, bool *wait)
{
	memset(r, 0, sizeof(*r));
	r->cpu = random_cpu(fz, s);
	r->flags = one_in(s, 2) ? LDE_SCHED_WAIT : 0;
	if (one_in(s, 10))
		r->flags = rnd(s);
	if (one_in(s, 2)) {
		r->guests_size = random_size(s, LDE_SCHED_MAX_GUESTS *
					     sizeof(struct lde_sched_guest));
		r->guests = random_ptr(fz, s, r->guests_size);
	}
	if (one_in(s, 3)) {
		r->events_size = random_size(s, 1 << 20);
		r->events = random_ptr(fz, s, r->events_size);
	}
	if (one_in(s, 4))
		r->id = one_in(s, 2) ? below(s, 1000) : rnd(s);
	if (one_in(s, 20))
		r->pad = rnd(s);
	*wait = r->flags & LDE_SCHED_WAIT;
	if (one_in(s, 20)) {
		*wait = true;	/* whatever it is */
		return random_ptr(fz, s, sizeof(*r));
	}
	return (unsigned long)r;
}

/* echo's argument: pointers and length at random, sometimes flags. */
static unsigned long echo_arg(struct fuzz *fz, __u64 *s, struct lde_echo *e)
{
	e->len = random_size(s, LDE_ECHO_MAX);
	e->src = random_ptr(fz, s, e->len);
	e->dst = random_ptr(fz, s, e->len);
	e->flags = one_in(s, 10) ? rnd(s) : 0;
	return one_in(s, 10) ? random_ptr(fz, s, sizeof(*e)) :
			       (unsigned long)e;
}

static unsigned long info_arg(struct fuzz *fz, __u64 *s, struct lde_info *i)
{
	random_bytes(s, i, sizeof(*i));
	i->names_size = random_size(s, 64 * LDE_TRAP_NAME_LEN);
	i->names = one_in(s, 4) ? 0 : random_ptr(fz, s, i->names_size);
	if (!one_in(s, 10))
		i->flags = 0;
	return one_in(s, 10) ? random_ptr(fz, s, sizeof(*i)) :
			       (unsigned long)i;
}

/* A command number: lde's own, lde's magic with any number, or other. */
static unsigned long random_cmd(__u64 *s)
{
	unsigned int total = 0, i, pick, type;

	for (i = 0; i < ARRAY_SIZE(known); i++)
		total += known[i].weight;
	switch (below(s, 10)) {
	case 0:		/* lde's magic, any number, direction and size */
		return _IOC(below(s, 4), LDE_IOC_MAGIC, below(s, 256),
			    below(s, 1 << 14));
	case 1:		/* a trap of lde's, with the wrong size or direction */
		i = below(s, ARRAY_SIZE(known));
		return known[i].cmd ^ (one_in(s, 2) ? _IOC(below(s, 4), 0, 0, 0) :
					_IOC(0, 0, 0, below(s, 1 << 14)));
	case 2:		/* any other type but the VFS's */
		do {
			type = below(s, 256);
			for (i = 0; i < ARRAY_SIZE(vfs_types); i++)
				if (type == vfs_types[i])
					break;
		} while (i < ARRAY_SIZE(vfs_types) || type == LDE_IOC_MAGIC);
		return _IOC(below(s, 4), type, below(s, 256),
			    below(s, 1 << 14));
	default:
		pick = below(s, total);
		for (i = 0; pick >= known[i].weight; i++)
			pick -= known[i].weight;
		return known[i].cmd;
	}
}

/* Count one outcome: a success by trap number, a failure by errno. */
static void count(struct fuzz *fz, unsigned long cmd, long ret)
{
	unsigned int nr = _IOC_NR(cmd);
	int err = ret < 0 ? errno : 0;

	atomic_fetch_add(&fz->calls, 1);
	if (!err && _IOC_TYPE(cmd) == LDE_IOC_MAGIC &&
	    nr <= LDE_TRAP_SCHED_RESULT)
		atomic_fetch_add(&fz->ok[nr], 1);
	if (err)
		atomic_fetch_add(&fz->errors[err == EINVAL ? 0 :
					     err == EFAULT ? 1 :
					     err == ENOTTY ? 2 :
					     err == ENOSYS ? 3 : 4], 1);
}

/* Now and then, replace one shared descriptor with a new one. */
static void maybe_reopen(struct fuzz *fz, __u64 *s)
{
	int fd;

	if (!one_in(s, 2000))
		return;
	fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return;
	/* dup3() swaps the file under the number while others use it. */
	if (dup3(fd, fz->fds[below(s, NR_FDS)], O_CLOEXEC) >= 0)
		atomic_fetch_add(&fz->reopens, 1);
	close(fd);
}

static void *fuzz_thread(void *arg)
{
	struct worker *w = arg;
	struct fuzz *fz = w->fz;
	struct lde_sched_config c;
	struct lde_sched_result r;
	struct lde_echo e;
	struct lde_info i;
	__u64 *s = &w->rng;
	unsigned long cmd, a;
	bool wait;
	long ret;

	while (lde_mono_ns() < fz->deadline) {
		maybe_reopen(fz, s);
		cmd = random_cmd(s);
		wait = false;
		if (cmd == LDE_IOC_SCHED_START)
			a = start_arg(fz, s, &c);
		else if (cmd == LDE_IOC_SCHED_RESULT)
			a = result_arg(fz, s, &r, &wait);
		else if (cmd == LDE_IOC_ECHO)
			a = echo_arg(fz, s, &e);
		else if (cmd == LDE_IOC_INFO)
			a = info_arg(fz, s, &i);
		else if (cmd == LDE_IOC_SCHED_STOP)
			a = one_in(s, 10) ? rnd(s) : below(s, fz->nr_cpus);
		else if (cmd == LDE_IOC_NULL || cmd == LDE_IOC_GETPID)
			a = one_in(s, 4) ? rnd(s) : 0;
		else if (one_in(s, 3))
			a = rnd(s);
		else
			a = random_ptr(fz, s, 1 + below(s, 4096));
		ret = ioctl(fz->fds[below(s, NR_FDS)], cmd, a);
		count(fz, cmd, ret);
		if (wait)
			atomic_fetch_add(&fz->waits, 1);
	}
	return NULL;
}

/* The seed: $LDE_FUZZ_SEED, or one of the moment's. */
static __u64 fuzz_seed(void)
{
	const char *env = getenv("LDE_FUZZ_SEED");

	if (env && *env)
		return strtoull(env, NULL, 0);
	return lde_mono_ns() ^ ((__u64)getpid() << 32);
}

static unsigned int fuzz_seconds(void)
{
	const char *env = getenv("LDE_FUZZ_SECONDS");

	return env && atoi(env) > 0 ? atoi(env) : FUZZ_SECONDS;
}

FIXTURE(fuzz) {
	int fd;			/* the test's own /dev/lde */
	unsigned int cpu;	/* the lab CPU */
	int kmsg;
	long refcnt;		/* lde's references with only fd open */
	struct fuzz fz;
	void *map;		/* scratch and guard, the read-only page */
};

FIXTURE_SETUP(fuzz)
{
	struct fuzz *fz = &self->fz;
	char buf[32];
	unsigned int i;

	self->kmsg = -1;
	self->map = MAP_FAILED;
	for (i = 0; i < NR_FDS; i++)
		fz->fds[i] = -1;
	lde_sched_setup(_metadata, &self->fd, &self->cpu);
	fz->nr_cpus = self->cpu + 1;
	self->kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, self->kmsg);
	ASSERT_LE(0, lseek(self->kmsg, 0, SEEK_END));
	ASSERT_LT(0, lde_read_text("/sys/module/lde/refcnt", buf, sizeof(buf)));
	self->refcnt = atol(buf);

	/* scratch, guard page, read-only page, and one we unmap */
	self->map = mmap(NULL, SCRATCH_SIZE + 3 * PAGE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	ASSERT_NE(MAP_FAILED, self->map);
	fz->scratch = self->map;
	fz->ro = fz->scratch + SCRATCH_SIZE + PAGE;
	fz->unmapped = (unsigned long)fz->ro + PAGE;
	ASSERT_EQ(0, mprotect(fz->scratch + SCRATCH_SIZE, PAGE, PROT_NONE));
	ASSERT_EQ(0, mprotect(fz->ro, PAGE, PROT_READ));
	ASSERT_EQ(0, munmap((void *)fz->unmapped, PAGE));

	for (i = 0; i < NR_FDS; i++) {
		fz->fds[i] = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
		ASSERT_LE(0, fz->fds[i]);
	}
}

FIXTURE_TEARDOWN(fuzz)
{
	struct fuzz *fz = &self->fz;
	unsigned int i;

	for (i = 0; i < NR_FDS; i++)
		if (fz->fds[i] >= 0)
			close(fz->fds[i]);
	if (self->map != MAP_FAILED)
		munmap(self->map, SCRATCH_SIZE + 2 * PAGE);
	for (i = 0; i < fz->nr_cpus; i++)
		EXPECT_EQ(0, lde_sched_quiesce(self->fd, i));
	close(self->fd);
	if (self->kmsg >= 0)
		close(self->kmsg);
}

/* What the fuzzing came to, into the log. */
static void report(struct __test_metadata *_metadata, struct fuzz *fz,
		   unsigned int seconds)
{
	char line[512];
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fz->ok); i++)
		len += snprintf(line + len, sizeof(line) - len, " %s %lu",
				lde_trap_names[i], atomic_load(&fz->ok[i]));
	TH_LOG("%lu ioctls in %u s by %u threads; succeeded:%s",
	       atomic_load(&fz->calls), seconds, NR_THREADS, line);
	TH_LOG("failed: EINVAL %lu, EFAULT %lu, ENOTTY %lu, ENOSYS %lu, "
	       "other %lu; %lu waiting results; %lu descriptors replaced",
	       atomic_load(&fz->errors[0]), atomic_load(&fz->errors[1]),
	       atomic_load(&fz->errors[2]), atomic_load(&fz->errors[3]),
	       atomic_load(&fz->errors[4]), atomic_load(&fz->waits),
	       atomic_load(&fz->reopens));
}

/*
 * 8 threads of random ioctls for 20 s, experiments starting and stopping
 * among them; afterwards the kernel log is clean, a null trap works, a
 * short experiment with a regs guest runs to its end without corruption,
 * and lde's references are back to the test's own descriptor.
 */
TEST_F_TIMEOUT(fuzz, random_ioctls_leave_lde_working, 300)
{
	unsigned int seconds = fuzz_seconds(), i;
	struct worker w[NR_THREADS];
	struct fuzz *fz = &self->fz;
	struct lde_sched_config c;
	struct lde_sched_figures f;
	char buf[32];

	fz->seed = fuzz_seed();
	TH_LOG("seed %llu: LDE_FUZZ_SEED=%llu replays each thread's ioctls",
	       (unsigned long long)fz->seed, (unsigned long long)fz->seed);
	fflush(stderr);
	fz->deadline = lde_mono_ns() + seconds * LDE_SEC;
	for (i = 0; i < NR_THREADS; i++) {
		w[i].fz = fz;
		w[i].rng = fz->seed + i;
		rnd(&w[i].rng);
		ASSERT_EQ(0, pthread_create(&w[i].thread, NULL, fuzz_thread,
					    &w[i]));
	}
	for (i = 0; i < NR_THREADS; i++)
		pthread_join(w[i].thread, NULL);
	report(_metadata, fz, seconds);
	EXPECT_LT(0UL, atomic_load(&fz->ok[LDE_TRAP_SCHED_START]));
	EXPECT_LT(0UL, atomic_load(&fz->ok[LDE_TRAP_SCHED_STOP]));
	EXPECT_LT(0UL, atomic_load(&fz->ok[LDE_TRAP_SCHED_RESULT]));

	/* Every experiment ended, on every CPU; every fuzz fd closed. */
	for (i = 0; i < fz->nr_cpus; i++)
		ASSERT_EQ(0, lde_sched_quiesce(self->fd, i)) TH_LOG("CPU %u", i);
	for (i = 0; i < NR_FDS; i++) {
		close(fz->fds[i]);
		fz->fds[i] = -1;
	}

	EXPECT_EQ(0, lde_kmsg_bad_lines(self->kmsg, _metadata));
	ASSERT_EQ(0, lde_trap(self->fd, LDE_IOC_NULL, 0));
	c = lde_sched_config(self->cpu, LDE_ENGINE_LDE, LDE_POLICY_RR,
			     CHECK_RUN_NS);
	lde_sched_add(&c, LDE_WL_SPIN, 1, 0, 0);
	lde_sched_add(&c, LDE_WL_REGS, 1, 0, 0);
	ASSERT_LE(0, lde_sched_start(self->fd, &c));
	ASSERT_EQ(0, lde_sched_result(self->fd, self->cpu, LDE_SCHED_WAIT, &f));
	EXPECT_EQ(LDE_END_DURATION, lde_end(&f));
	EXPECT_EQ(2U, f.res.nr_guests_out);
	EXPECT_LT(0ULL, f.guests[1].preempted);
	EXPECT_EQ(0ULL, f.res.summary.corruptions);
	ASSERT_LT(0, lde_read_text("/sys/module/lde/refcnt", buf, sizeof(buf)));
	EXPECT_EQ(self->refcnt, atol(buf));
	EXPECT_EQ(0, lde_kmsg_bad_lines(self->kmsg, _metadata));
}

TEST_HARNESS_MAIN

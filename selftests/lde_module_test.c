// SPDX-License-Identifier: GPL-2.0
/*
 * lde_module_test - the life cycle of lde.ko: repeated load/unload with
 * traps in between, no unload while /dev/lde is open (the file operations
 * hold a module reference), the group=GID parameter (node 0660 root:GID,
 * usable by that group, but not to start experiments), loads refused for
 * a bad group=, and rmmod during a mini-scheduler experiment (it stops the
 * experiment; a reload starts afresh).
 *
 * Loads and unloads lde.ko itself with finit_module(2)/delete_module(2),
 * so it needs root, a kernel with module unloading, and the .ko: $LDE_KO,
 * or ../module/lde.ko next to this program's directory.  SKIPs without
 * them.  Each test leaves lde as it found it: loaded with default
 * parameters if it was loaded before, unloaded otherwise.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	sudo LDE_KO=path/to/lde.ko ./lde_module_test
 */
#define _GNU_SOURCE
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "lde_sched.h"

#define CYCLES			20
#define TRAP_THREADS		4
#define TEST_GID		4242	/* a group nobody else uses */
#define UNLOAD_MAX_NS		(5 * LDE_SEC)	/* to stop, not outwait, 10 s */
#define SHORT_RUN_NS		(10 * LDE_MSEC)

static bool lde_loaded(void)
{
	return access(LDE_INITSTATE, F_OK) == 0;
}

/* errno of stat(path), 0 if it exists. */
static int stat_errno(const char *path)
{
	struct stat st;

	return stat(path, &st) ? errno : 0;
}

/* lde_run_as() child: 0 if it opens /dev/lde and traps, else a code. */
static int open_and_trap(void)
{
	int fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return errno;			/* < 200 */
	if (lde_trap(fd, LDE_IOC_NULL, 0) != 0)
		return 200;
	if (lde_trap(fd, LDE_IOC_GETPID, 0) != getpid())
		return 201;
	return 0;
}

/* lde_run_as() child: errno of opening /dev/lde, 0 if it opened. */
static int open_errno(void)
{
	int fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);

	return fd < 0 ? errno : 0;
}

/* An rr experiment of 2 spin guests on the lab CPU, duration as given. */
static struct lde_sched_config spin_config(__u32 engine, __u64 duration_ns)
{
	struct lde_sched_config c;

	c = lde_sched_config(lde_lab_cpu(), engine, LDE_POLICY_RR, duration_ns);
	lde_sched_add(&c, LDE_WL_SPIN, 2, 0, 0);
	return c;
}

/* lde_run_as() child: errno of starting an experiment, 0 if it started. */
static int start_errno(void)
{
	struct lde_sched_config c = spin_config(LDE_ENGINE_LDE, SHORT_RUN_NS);
	int fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return 200;
	return -lde_sched_start(fd, &c);
}

/* Threads that trap null on one shared fd, and what they counted. */
struct trap_threads {
	int fd;				/* the fd they trap on */
	pthread_t threads[TRAP_THREADS];
	unsigned int nr_threads;	/* started and not yet joined */
	atomic_bool stop;
	atomic_ulong calls[TRAP_THREADS];
	atomic_ulong failed;
};

FIXTURE(mod) {
	int ko;				/* lde.ko, for finit_module() */
	bool was_loaded;		/* restore lde in the teardown */
	int fd;				/* /dev/lde or -1 */
	struct trap_threads tt;
};

struct trapper {
	struct trap_threads *tt;
	unsigned int id;
};

static struct trapper trappers[TRAP_THREADS];

/* Trap null on the shared fd until told to stop; count calls, failures. */
static void *trapper_fn(void *arg)
{
	struct trapper *t = arg;

	while (!atomic_load(&t->tt->stop)) {
		if (lde_trap(t->tt->fd, LDE_IOC_NULL, 0) != 0)
			atomic_fetch_add(&t->tt->failed, 1);
		atomic_fetch_add(&t->tt->calls[t->id], 1);
	}
	return NULL;
}

static void stop_trappers(struct trap_threads *tt)
{
	atomic_store(&tt->stop, true);
	while (tt->nr_threads)
		pthread_join(tt->threads[--tt->nr_threads], NULL);
}

/* Fewest calls any trapper has made so far. */
static unsigned long min_calls(struct trap_threads *tt)
{
	unsigned long min = ULONG_MAX, n;
	unsigned int i;

	for (i = 0; i < tt->nr_threads; i++) {
		n = atomic_load(&tt->calls[i]);
		if (n < min)
			min = n;
	}
	return min;
}

/* Poll until every trapper has made at least target calls. */
static void wait_min_calls(struct trap_threads *tt, unsigned long target)
{
	const struct timespec tick = { .tv_nsec = 1000 * 1000 };

	while (min_calls(tt) < target)
		nanosleep(&tick, NULL);
}

FIXTURE_SETUP(mod)
{
	char path[PATH_MAX];
	int err;

	self->fd = -1;
	if (geteuid())
		LDE_SETUP_SKIP("needs root");
	if (access("/proc/modules", F_OK))
		LDE_SETUP_SKIP("kernel without loadable modules");
	lde_ko_path(path, sizeof(path));
	self->ko = open(path, O_RDONLY | O_CLOEXEC);
	if (self->ko < 0 && errno == ENOENT)
		LDE_SETUP_SKIP("%.900s not found (build module/ or set LDE_KO)",
			       path);
	ASSERT_LE(0, self->ko) TH_LOG("%s: %s", path, strerror(errno));

	/* Start from an unloaded module; the teardown restores it. */
	self->was_loaded = lde_loaded();
	if (self->was_loaded) {
		err = lde_module_unload();
		if (err == -EWOULDBLOCK)
			LDE_SETUP_SKIP("lde is loaded and in use");
		ASSERT_EQ(0, err) TH_LOG("unloading lde: %s", strerror(-err));
	}
}

FIXTURE_TEARDOWN(mod)
{
	stop_trappers(&self->tt);
	if (self->fd >= 0)
		close(self->fd);
	if (lde_loaded()) {
		EXPECT_EQ(0, lde_module_unload());
	}
	if (self->was_loaded) {
		EXPECT_EQ(0, lde_module_load(self->ko, ""));
	}
	close(self->ko);
}

/*
 * 20 cycles: load; open, null and getpid traps work; close; unload; the
 * node and the sysfs counters are gone.
 */
TEST_F_TIMEOUT(mod, load_unload_cycles_with_traps, 300)
{
	int i;

	for (i = 0; i < CYCLES; i++) {
		ASSERT_EQ(0, lde_module_load(self->ko, "")) TH_LOG("cycle %d", i);
		self->fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
		ASSERT_LE(0, self->fd) TH_LOG("cycle %d: open: %s", i,
					      strerror(errno));
		ASSERT_EQ(0, lde_trap(self->fd, LDE_IOC_NULL, 0));
		ASSERT_EQ(getpid(), lde_trap(self->fd, LDE_IOC_GETPID, 0));
		close(self->fd);
		self->fd = -1;
		ASSERT_EQ(0, lde_module_unload()) TH_LOG("cycle %d", i);
		ASSERT_EQ(ENOENT, stat_errno(LDE_DEVICE_PATH))
			TH_LOG("cycle %d", i);
		ASSERT_EQ(ENOENT, stat_errno(LDE_SYSFS_TRAPS))
			TH_LOG("cycle %d", i);
	}
}

/* An open fd, even an idle one, keeps lde from being unloaded. */
TEST_F_TIMEOUT(mod, unload_refused_with_idle_fd, 120)
{
	ASSERT_EQ(0, lde_module_load(self->ko, ""));
	self->fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(-EWOULDBLOCK, lde_module_unload());
	ASSERT_TRUE(lde_loaded());
	ASSERT_EQ(0, lde_trap(self->fd, LDE_IOC_NULL, 0));
	close(self->fd);
	self->fd = -1;
	ASSERT_EQ(0, lde_module_unload());
}

/*
 * While threads trap on an open fd, unload is refused (EWOULDBLOCK) and
 * the traps go on succeeding; once they stop and the fd is closed, the
 * unload succeeds.
 */
TEST_F_TIMEOUT(mod, unload_refused_while_trapping, 120)
{
	unsigned long after_refusals;
	unsigned int i;

	ASSERT_EQ(0, lde_module_load(self->ko, ""));
	self->fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	self->tt.fd = self->fd;
	for (i = 0; i < TRAP_THREADS; i++) {
		trappers[i] = (struct trapper){ .tt = &self->tt, .id = i };
		ASSERT_EQ(0, pthread_create(&self->tt.threads[i], NULL,
					    trapper_fn, &trappers[i]));
		self->tt.nr_threads++;
	}
	wait_min_calls(&self->tt, 100);	/* every thread is trapping */

	for (i = 0; i < 20; i++) {
		ASSERT_EQ(-EWOULDBLOCK, lde_module_unload()) TH_LOG("attempt %u", i);
	}
	after_refusals = min_calls(&self->tt);
	wait_min_calls(&self->tt, after_refusals + 100);	/* traps go on */

	stop_trappers(&self->tt);
	ASSERT_EQ(0UL, atomic_load(&self->tt.failed));
	ASSERT_TRUE(lde_loaded());
	close(self->fd);
	self->fd = -1;
	ASSERT_EQ(0, lde_module_unload());
}

/* group=GID makes the node 0660 root:GID. */
TEST_F_TIMEOUT(mod, group_param_sets_mode_and_group, 120)
{
	char params[32];
	struct stat st;

	snprintf(params, sizeof(params), "group=%d", TEST_GID);
	ASSERT_EQ(0, lde_module_load(self->ko, params));
	ASSERT_EQ(0, stat(LDE_DEVICE_PATH, &st));
	EXPECT_EQ(0660U, st.st_mode & 07777)
		TH_LOG("mode %04o", st.st_mode & 07777);
	EXPECT_EQ(0U, st.st_uid);
	EXPECT_EQ((gid_t)TEST_GID, st.st_gid);
}

/* With group=GID, a non-root user whose only group is GID opens and traps. */
TEST_F_TIMEOUT(mod, group_member_can_open_and_trap, 120)
{
	char params[32];

	snprintf(params, sizeof(params), "group=%d", TEST_GID);
	ASSERT_EQ(0, lde_module_load(self->ko, params));
	ASSERT_EQ(0, lde_run_as(LDE_NOBODY, TEST_GID, open_and_trap));
}

/* With group=GID, a non-root user outside GID is still refused (EACCES). */
TEST_F_TIMEOUT(mod, group_non_member_refused, 120)
{
	char params[32];

	snprintf(params, sizeof(params), "group=%d", TEST_GID);
	ASSERT_EQ(0, lde_module_load(self->ko, params));
	ASSERT_EQ(EACCES, lde_run_as(LDE_NOBODY, LDE_NOBODY, open_errno));
}

/* With group=GID, a member may open /dev/lde but not start: EPERM. */
TEST_F_TIMEOUT(mod, group_member_start_eperm, 120)
{
	char params[32];

	snprintf(params, sizeof(params), "group=%d", TEST_GID);
	ASSERT_EQ(0, lde_module_load(self->ko, params));
	ASSERT_EQ(EPERM, lde_run_as(LDE_NOBODY, TEST_GID, start_errno));
}

/* group=-2 is not a gid (-1 means none): the load fails with EINVAL. */
TEST_F_TIMEOUT(mod, negative_group_rejected, 120)
{
	ASSERT_EQ(-EINVAL, lde_module_load(self->ko, "group=-2"));
	ASSERT_FALSE(lde_loaded());
	ASSERT_EQ(ENOENT, stat_errno(LDE_DEVICE_PATH));
}

/* A group= that is not a number fails the load with EINVAL. */
TEST_F_TIMEOUT(mod, non_numeric_group_rejected, 120)
{
	ASSERT_EQ(-EINVAL, lde_module_load(self->ko, "group=wheel"));
	ASSERT_FALSE(lde_loaded());
	ASSERT_EQ(ENOENT, stat_errno(LDE_DEVICE_PATH));
}

/* A refused load leaves nothing behind: the next load and a trap work. */
TEST_F_TIMEOUT(mod, load_after_refused_load_works, 120)
{
	ASSERT_EQ(-EINVAL, lde_module_load(self->ko, "group=-2"));
	ASSERT_EQ(0, lde_module_load(self->ko, ""));
	self->fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, lde_trap(self->fd, LDE_IOC_NULL, 0));
}

/*
 * Load lde, start a 10 s experiment with engine from /dev/lde and close
 * the file: the experiment runs on, owned by the module.  Then unload.
 */
static void unload_during_experiment(struct __test_metadata *_metadata,
				     int ko, int *fd, __u32 engine)
{
	struct lde_sched_config c = spin_config(engine,
						LDE_SCHED_MAX_DURATION_NS);
	__u64 start;

	ASSERT_LE(0, lde_lab_cpu());
	ASSERT_EQ(0, lde_module_load(ko, ""));
	*fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, *fd);
	ASSERT_EQ(0, lde_sched_start(*fd, &c));
	close(*fd);
	*fd = -1;

	start = lde_mono_ns();
	ASSERT_EQ(0, lde_module_unload());
	ASSERT_GT(UNLOAD_MAX_NS, lde_mono_ns() - start);
}

/* rmmod during an lde-engine experiment stops it at once; the node goes. */
TEST_F_TIMEOUT(mod, unload_during_lde_experiment, 120)
{
	unload_during_experiment(_metadata, self->ko, &self->fd, LDE_ENGINE_LDE);
	ASSERT_FALSE(lde_loaded());
	ASSERT_EQ(ENOENT, stat_errno(LDE_DEVICE_PATH));
}

/* rmmod during a linux-engine experiment stops it at once; the node goes. */
TEST_F_TIMEOUT(mod, unload_during_linux_experiment, 120)
{
	unload_during_experiment(_metadata, self->ko, &self->fd, LDE_ENGINE_LINUX);
	ASSERT_FALSE(lde_loaded());
	ASSERT_EQ(ENOENT, stat_errno(LDE_DEVICE_PATH));
}

/* Reloaded after rmmod during an experiment, lde has no result of it. */
TEST_F_TIMEOUT(mod, reload_forgets_unloaded_experiment, 120)
{
	struct lde_sched_figures f;

	unload_during_experiment(_metadata, self->ko, &self->fd, LDE_ENGINE_LDE);
	ASSERT_EQ(0, lde_module_load(self->ko, ""));
	self->fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(-ENOENT, lde_sched_result(self->fd, lde_lab_cpu(), 0, &f));
}

/* Reloaded after rmmod during an experiment, lde runs a new one to its end. */
TEST_F_TIMEOUT(mod, reload_runs_new_experiment, 120)
{
	struct lde_sched_config c = spin_config(LDE_ENGINE_LDE, SHORT_RUN_NS);
	struct lde_sched_figures f;

	unload_during_experiment(_metadata, self->ko, &self->fd, LDE_ENGINE_LDE);
	ASSERT_EQ(0, lde_module_load(self->ko, ""));
	self->fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, lde_sched_run(self->fd, &c, &f));
	ASSERT_EQ(LDE_END_DURATION, lde_end(&f));
}

TEST_HARNESS_MAIN

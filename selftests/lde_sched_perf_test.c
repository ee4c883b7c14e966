// SPDX-License-Identifier: GPL-2.0
/*
 * lde_sched_perf_test - perf may watch the mini scheduler: sampling with
 * call graphs (perf record -a -g) while the timer preempts guests leaves
 * the kernel log clean and the guests' registers intact.
 *
 * Why it could go wrong: perf's sampling interrupt unwinds whatever stack
 * it interrupts, including a guest's own stack (lde engine) or a guest
 * inside lde_preempt_trampoline; a bad unwind hint shows up as a WARNING
 * in the kernel log (Documentation/sched.md, "Stack traces").
 *
 * Needs lde.ko loaded, root, and perf (linux-perf); SKIPs otherwise.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_sched_perf_test			(this one, from selftests/)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <spawn.h>

#include "lde_sched.h"

#define PERF		"/usr/bin/perf"
#define PERF_DATA	"/tmp/lde_sched_perf_test.data"

FIXTURE(perf) {
	int fd;
	int kmsg;		/* /dev/kmsg, positioned at its end */
	int cpu;
};

FIXTURE_VARIANT(perf) {
	__u32 engine;
};

FIXTURE_VARIANT_ADD(perf, lde) { .engine = LDE_ENGINE_LDE };
FIXTURE_VARIANT_ADD(perf, linux) { .engine = LDE_ENGINE_LINUX };

FIXTURE_SETUP(perf)
{
	self->kmsg = -1;
	if (geteuid())
		LDE_SETUP_SKIP("needs root");
	if (access(PERF, X_OK))
		LDE_SETUP_SKIP("no %s (apt-get install linux-perf)", PERF);
	LDE_OPEN_OR_SKIP(self->fd);
	self->cpu = lde_lab_cpu();
	ASSERT_LE(0, self->cpu);
	self->kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, self->kmsg);
	ASSERT_LE(0, lseek(self->kmsg, 0, SEEK_END));
}

FIXTURE_TEARDOWN(perf)
{
	if (self->kmsg >= 0)
		close(self->kmsg);
	close(self->fd);
	unlink(PERF_DATA);
}

/* perf record -a -g over an rr experiment: perf succeeds, the log is clean. */
TEST_F_TIMEOUT(perf, record_a_g_during_rr, 300)
{
	static char *const argv[] = {
		PERF, "record", "-q", "-a", "-g", "-o", PERF_DATA,
		"--", "sleep", "3", NULL,
	};
	struct lde_sched_config c = lde_sched_config(self->cpu, variant->engine,
						     LDE_POLICY_RR, LDE_SEC);
	const struct timespec settle = { .tv_nsec = 500 * 1000 * 1000 };
	struct lde_sched_figures f;
	int status;
	pid_t pid;

	c.quantum_ns = 100 * LDE_USEC;
	lde_sched_add(&c, LDE_WL_REGS, 2, 0, 0);
	lde_sched_add(&c, LDE_WL_SPIN, 1, 0, 0);
	ASSERT_EQ(0, posix_spawn(&pid, PERF, NULL, NULL, argv, environ));
	nanosleep(&settle, NULL);	/* let perf start sampling */
	ASSERT_EQ(0, lde_sched_run(self->fd, &c, &f));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));

	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
		TH_LOG("perf record: status %#x", status);
	EXPECT_EQ((__u32)LDE_END_DURATION, f.res.summary.end);
	EXPECT_LT(0ULL, f.res.summary.switches[LDE_SW_TIMER]);
	EXPECT_EQ(0ULL, f.res.summary.corruptions);
	EXPECT_EQ(0, lde_kmsg_bad_lines(self->kmsg, _metadata));
}

TEST_HARNESS_MAIN

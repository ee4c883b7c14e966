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
#include "lde_sched.h"
#include "lde_window.h"

#define PERF		"/usr/bin/perf"

FIXTURE(perf) {
	int fd;
	int kmsg;		/* /dev/kmsg, positioned at its end */
	int cpu;
	struct lde_window w;	/* perf record's window and its data */
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
	ASSERT_EQ(0, lde_window_init(&self->w));
}

FIXTURE_TEARDOWN(perf)
{
	lde_window_cleanup(&self->w);
	if (self->kmsg >= 0)
		close(self->kmsg);
	close(self->fd);
}

/*
 * perf record -a -g over an rr experiment: perf succeeds, the log is clean.
 * The experiment runs inside perf's window (lde_window.h), so perf samples
 * all of it however long perf takes to start.
 */
TEST_F_TIMEOUT(perf, record_a_g_during_rr,
	       LDE_TOOL_START_S + LDE_TOOL_TIMEOUT_S + 60)
{
	char data[128], win[128];
	char *const argv[] = {
		PERF, "record", "-q", "-a", "-g", "-o",
		lde_window_path(&self->w, "perf.data", data, sizeof(data)),
		"--", lde_window_path(&self->w, "window", win, sizeof(win)),
		NULL,
	};
	struct lde_sched_config c = lde_sched_config(self->cpu, variant->engine,
						     LDE_POLICY_RR, LDE_SEC);
	struct lde_sched_figures f;
	int ret, status;

	c.quantum_ns = 100 * LDE_USEC;
	lde_sched_add(&c, LDE_WL_REGS, 2, 0, 0);
	lde_sched_add(&c, LDE_WL_SPIN, 1, 0, 0);
	ret = lde_window_open(&self->w, argv, "perf.out");
	if (ret)
		lde_window_dump(&self->w, "perf.out", _metadata);
	ASSERT_EQ(0, ret) TH_LOG("perf did not open the window: %s",
				 strerror(-ret));
	ASSERT_EQ(0, lde_sched_run(self->fd, &c, &f));
	status = lde_window_close(&self->w);
	if (!lde_exited_ok(status))
		lde_window_dump(&self->w, "perf.out", _metadata);

	EXPECT_TRUE(lde_exited_ok(status))
		TH_LOG("perf record: status %#x", status);
	EXPECT_EQ((__u32)LDE_END_DURATION, f.res.summary.end);
	EXPECT_LT(0ULL, f.res.summary.switches[LDE_SW_TIMER]);
	EXPECT_EQ(0ULL, f.res.summary.corruptions);
	EXPECT_EQ(0, lde_kmsg_bad_lines(self->kmsg, _metadata));
}

TEST_HARNESS_MAIN

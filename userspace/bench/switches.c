// SPDX-License-Identifier: GPL-2.0
/*
 * switches.c - count context switches, a thread's and a CPU's.
 *
 * A thread's own count comes from getrusage(RUSAGE_THREAD): voluntary
 * switches (it blocked) plus involuntary ones (it was preempted, or
 * yielded while still runnable).  The kernel counts a switch only when
 * another task really takes the CPU, so a sched_yield() that finds no one
 * else counts nothing.
 *
 * The CPU's count is perf's software event for context switches, opened
 * for the whole CPU rather than for one task: it counts every switch
 * there, ours and everyone else's.
 *
 * Use: see switches.h.
 */
#include <linux/perf_event.h>
#include <sched.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench/switches.h"

long switches_thread(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_THREAD, &ru))
		return 0;
	return ru.ru_nvcsw + ru.ru_nivcsw;
}

int switches_cpu_open(void)
{
	struct perf_event_attr a = {
		.type = PERF_TYPE_SOFTWARE,
		.size = sizeof(a),
		.config = PERF_COUNT_SW_CONTEXT_SWITCHES,
	};
	int cpu = sched_getcpu();

	if (cpu < 0)
		return -1;
	/* pid -1 and a CPU: every task on that CPU, not just us. */
	return (int)syscall(SYS_perf_event_open, &a, -1, cpu, -1,
			    PERF_FLAG_FD_CLOEXEC);
}

static long cpu_switches(int fd)
{
	uint64_t v;

	if (fd < 0 || read(fd, &v, sizeof(v)) != sizeof(v))
		return 0;
	return (long)v;
}

void tally_start(struct tally *t)
{
	t->mark = switches_thread();
	t->cpu_mark = cpu_switches(t->cpu_fd);
}

void tally_stop(struct tally *t)
{
	t->cpu_sum += cpu_switches(t->cpu_fd) - t->cpu_mark;
	t->sum += switches_thread() - t->mark;
}

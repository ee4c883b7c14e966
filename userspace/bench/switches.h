/* SPDX-License-Identifier: GPL-2.0 */
/*
 * switches.h - count context switches: the calling thread's own, and all
 * of one CPU's, whoever's.
 *
 * Who else ran on our CPU while we timed?  Every run of a task ends with
 * one switch away from it, so over an interval the CPU's count minus the
 * counts of our own tasks is how often someone else ran.
 *
 * Use:
 *	struct tally t = { .cpu_fd = switches_cpu_open() };	// or -1
 *
 *	tally_start(&t);
 *	... the work, any number of times between start and stop ...
 *	tally_stop(&t);
 *	// t.sum: this thread's switches; t.cpu_sum: the CPU's (cpu_fd >= 0)
 *	if (t.cpu_fd >= 0)
 *		close(t.cpu_fd);
 */
#ifndef LDE_SWITCHES_H
#define LDE_SWITCHES_H

/* How often the calling thread has left the CPU (blocked or yielded). */
long switches_thread(void);

/*
 * A counter of every context switch on the CPU the caller runs on (pin it
 * first), or -1 with errno set: it needs perf_event_paranoid <= 0, or
 * CAP_PERFMON, which root has.
 */
int switches_cpu_open(void);

/* Switches summed over stretches of work. */
struct tally {
	int cpu_fd;		/* from switches_cpu_open(), or -1 */
	long mark, sum;		/* the calling thread's */
	long cpu_mark, cpu_sum;	/* the CPU's, every task's */
};

void tally_start(struct tally *t);
void tally_stop(struct tally *t);

#endif /* LDE_SWITCHES_H */

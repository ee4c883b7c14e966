// SPDX-License-Identifier: GPL-2.0
/*
 * gtrap.c - the guests' trap table: the mini-kernel's system calls.
 *
 * A guest runs in guest mode, lde's own "user mode": it may compute on its
 * own memory and nothing else.  lde_gtrap() is its only way into the
 * mini-kernel, the way syscall is a process's: it switches lde's mode bit
 * to kernel mode, runs the handler the trap number selects, and switches
 * back.  While the mode bit says kernel, the timer does not preempt
 * (timer.c); it leaves a note instead, and the switch happens here, on
 * the way out of the trap, as Linux does on its way out of a system call.
 *
 * All of it is switch-live (sched.h): a guest that yields stays inside
 * lde_gtrap() while the others run, so none of it is traced or probed.
 */
#include <linux/irqflags.h>
#include <linux/kprobes.h>
#include <linux/ktime.h>
#include <linux/nospec.h>
#include <linux/sched/clock.h>

#include "lde_trace.h"
#include "sched.h"

typedef long (*lde_gtrap_fn)(struct lde_guest *g, u64 arg);

static notrace void schedule_irqs_off(struct lde_lab *lab,
				      enum lde_switch_reason why)
{
	local_irq_disable();
	lde_schedule(lab, why);
	local_irq_enable();
}

NOKPROBE_SYMBOL(schedule_irqs_off);

static notrace long gtrap_yield(struct lde_guest *g, u64 arg)
{
	schedule_irqs_off(g->lab, LDE_SW_YIELD);
	return 0;
}

NOKPROBE_SYMBOL(gtrap_yield);

/* Like a blocking read: off the run queue until arg ns have passed. */
static notrace long gtrap_sleep(struct lde_guest *g, u64 arg)
{
	g->wake_at = ktime_get_ns() + arg;
	schedule_irqs_off(g->lab, LDE_SW_SLEEP);
	return 0;
}

NOKPROBE_SYMBOL(gtrap_sleep);

static notrace long gtrap_exit(struct lde_guest *g, u64 arg)
{
	schedule_irqs_off(g->lab, LDE_SW_EXIT);
	return 0;	/* not reached: nothing picks an exited guest */
}

NOKPROBE_SYMBOL(gtrap_exit);

static const lde_gtrap_fn gtrap_table[LDE_NR_GTRAPS] = {
	[LDE_GTRAP_YIELD]	= gtrap_yield,
	[LDE_GTRAP_SLEEP]	= gtrap_sleep,
	[LDE_GTRAP_EXIT]	= gtrap_exit,
};

notrace long lde_gtrap(struct lde_guest *g, unsigned int nr, u64 arg)
{
	struct lde_lab *lab = g->lab;
	long ret = -ENOSYS;
	u32 why;

	WRITE_ONCE(lab->mode, LDE_MODE_KERNEL);
	g->trap_at = local_clock();	/* not a hog: it trapped */
	trace_trap_enter(nr, LDE_CALLER_GUEST);
	if (nr < LDE_NR_GTRAPS) {
		nr = array_index_nospec(nr, LDE_NR_GTRAPS);
		ret = gtrap_table[nr](g, arg);
	}
	trace_trap_exit(nr, ret, LDE_CALLER_GUEST);

	/* Return from trap: a switch the timer asked for happens now. */
	local_irq_disable();
	why = lab->resched;
	if (why) {
		lab->resched = 0;
		lde_schedule(lab, why - 1);
	}
	WRITE_ONCE(lab->mode, LDE_MODE_GUEST);
	local_irq_enable();
	return ret;
}

NOKPROBE_SYMBOL(lde_gtrap);

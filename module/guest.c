// SPDX-License-Identifier: GPL-2.0
/*
 * guest.c - the guest programs: what runs in guest mode.
 *
 * Each is a loop over its own memory that enters the mini-kernel only
 * through lde_gtrap(), like a user program that only makes system calls:
 *
 *   spin   compute forever, never trap: under coop, a hog
 *   yield  compute iters iterations, trap to yield, again
 *   sleep  compute iters iterations, trap to sleep sleep_ns, again
 *   regs   every register and the flags hold a pattern that is checked
 *          in a loop; it never traps either
 *   exit   compute iters iterations, then trap to exit
 *
 * The unit of work is one iteration of lde_work(), which adds 1 to a
 * counter in memory.  The host thread runs the same loop, outside any
 * experiment, to measure what direct execution should deliver.  The
 * loops themselves are in guest_text.S: the timer preempts a guest only
 * there.
 *
 * Nothing here may be traced or probed (sched.h, "switch-live code"):
 * the functions below stay on a guest's stack while other guests run.
 */
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/kprobes.h>

#include "lde_trace.h"
#include "sched.h"

/* A pattern no two guests share, and no register starts out with. */
void lde_guest_setup(struct lde_guest *g)
{
	unsigned int i;

	for (i = 0; i < LDE_NR_PATTERNS; i++)
		g->work.pattern[i] = 0x5a5a000000000000ULL ^
				     ((u64)g->id << 32) ^ (i * 0x01010101ULL);
}

static notrace void __noreturn run(struct lde_guest *g)
{
	switch (g->workload) {
	case LDE_WL_REGS:
		lde_guest_regs(&g->work);
		unreachable();	/* for the compiler and objtool, every kernel */
	case LDE_WL_YIELD:
		for (;;) {
			lde_work(&g->work.iters, g->iters);
			lde_gtrap(g, LDE_GTRAP_YIELD, 0);
		}
	case LDE_WL_SLEEP:
		for (;;) {
			lde_work(&g->work.iters, g->iters);
			lde_gtrap(g, LDE_GTRAP_SLEEP, g->sleep_ns);
		}
	case LDE_WL_EXIT:
		lde_work(&g->work.iters, g->iters);
		lde_gtrap(g, LDE_GTRAP_EXIT, 0);
		break;
	}
	lde_guest_spin(&g->work.iters);		/* LDE_WL_SPIN */
	unreachable();	/* for the compiler and objtool, every kernel */
}

NOKPROBE_SYMBOL(run);

/*
 * A guest's first instructions, entered from a switch (lde_guest_entry in
 * switch.S, or the linux engine's kthread) with interrupts off.
 */
notrace void lde_guest_start(struct lde_guest *g)
{
	lde_finish_switch(g->lab);
	trace_guest_start(g->id, g->workload);
	WRITE_ONCE(g->lab->mode, LDE_MODE_GUEST);
	local_irq_enable();
	run(g);
}

NOKPROBE_SYMBOL(lde_guest_start);

/* guest_text.S: a probe there would run outside it, see timer.c. */
NOKPROBE_SYMBOL(lde_work);
NOKPROBE_SYMBOL(lde_guest_spin);
NOKPROBE_SYMBOL(lde_guest_regs);

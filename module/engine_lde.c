// SPDX-License-Identifier: GPL-2.0
/*
 * engine_lde.c - the lde engine: guests as xv6 would switch them.
 *
 * Every guest is a stack and a struct lde_context; they all run inside
 * one Linux thread, the lab's host thread, bound to the lab CPU.  A switch
 * is one call to lde_swtch() (switch.S): save prev's callee-saved
 * registers and stack pointer, load next's, return on next's stack.  No
 * Linux scheduler, no run-queue lock, no FPU or TLB work: this is the
 * floor of what a context switch costs.
 *
 * The host thread runs guests with preemption disabled (Linux must not
 * switch it away while it stands on a guest's stack), so the CPU goes
 * back to the host thread whenever Linux asks for it (struct lde_lab);
 * experiment.c then lets Linux run.
 *
 * This is where switch-live code (sched.h) comes from: one Linux task,
 * many stacks, switched in any order.  lde_switch_to() and the assembly
 * it calls are neither traced nor probed.
 *
 * Usage: lde sched -e lde ...
 */
#include <linux/kprobes.h>
#include <linux/vmalloc.h>

#include "sched.h"

/*
 * A new guest's stack: the top word is a zero, so that a stack trace
 * would end, and below it the address lde_swtch() returns to the first
 * time.  %rbx carries the guest to lde_guest_entry.
 */
static void init_context(struct lde_guest *g)
{
	unsigned long *top = g->stack + LDE_GUEST_STACK_SIZE;

	top[-1] = 0;
	top[-2] = (unsigned long)lde_guest_entry;
	g->ctx = (struct lde_context){
		.rsp = (unsigned long)&top[-2],
		.rbx = (unsigned long)g,
	};
}

/*
 * How deep a guest went: its stack started as zeroes (vzalloc), so the
 * lowest word that is not zero is as far as it grew.
 */
static u64 stack_used(const unsigned long *stack)
{
	size_t i, n = LDE_GUEST_STACK_SIZE / sizeof(*stack);

	for (i = 0; i < n && !stack[i]; i++)
		;
	return (n - i) * sizeof(*stack);
}

static void lde_teardown(struct lde_lab *lab)
{
	u32 i;

	for (i = 0; i < lab->nr_guests; i++) {
		if (!lab->guests[i].stack)
			continue;
		lab->sum.stack_max = max(lab->sum.stack_max,
					 stack_used(lab->guests[i].stack));
		vfree(lab->guests[i].stack);
		lab->guests[i].stack = NULL;
	}
}

/* vmalloc: each stack gets guard pages, so an overflow faults at once. */
static int lde_prepare(struct lde_lab *lab)
{
	u32 i;

	for (i = 0; i < lab->nr_guests; i++) {
		struct lde_guest *g = &lab->guests[i];

		g->stack = vzalloc(LDE_GUEST_STACK_SIZE);
		if (!g->stack) {
			lde_teardown(lab);
			return -ENOMEM;
		}
		init_context(g);
	}
	return 0;
}

static notrace void lde_switch_to(struct lde_lab *lab,
				  struct lde_guest *prev,
				  struct lde_guest *next)
{
	lde_swtch(prev ? &prev->ctx : &lab->host_ctx,
		  next ? &next->ctx : &lab->host_ctx);
}

NOKPROBE_SYMBOL(lde_switch_to);
NOKPROBE_SYMBOL(lde_swtch);
NOKPROBE_SYMBOL(lde_guest_entry);

const struct lde_engine_ops lde_engine_lde = {
	.name			= "lde",
	.prepare		= lde_prepare,
	.switch_to		= lde_switch_to,
	.teardown		= lde_teardown,
	.guest_preempt_count	= 1,
};

// SPDX-License-Identifier: GPL-2.0
/*
 * engine_lde.c - the lde engine: guests as xv6 would switch them.
 *
 * Every guest is a stack and a struct lde_context; they all run inside
 * one Linux thread, the lab's host thread, bound to the lab CPU.  A switch
 * is one call to lde_swtch() (arch/<arch>/switch.S): save prev's
 * callee-saved registers and stack pointer, load next's, return on next's
 * stack.  No Linux scheduler, no run-queue lock, no FPU or TLB work: this
 * is the floor of what a context switch costs.
 *
 * The host thread runs guests with preemption disabled (Linux must not
 * switch it away while it stands on a guest's stack; a kernel without
 * CONFIG_PREEMPT_COUNT never preempts kernel code at all), so the CPU goes
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
 * A new guest's context: its first lde_swtch() returns into
 * lde_guest_entry (switch.S) on the top of its own stack, with the guest
 * in a callee-saved register (arch.h).
 */
static void init_context(struct lde_guest *g)
{
	lde_arch_init_context(&g->ctx, g->stack + LDE_GUEST_STACK_SIZE,
			      lde_guest_entry, g);
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
		lde_stack_free(lab->guests[i].stack_area);
		lab->guests[i].stack_area = NULL;
		lab->guests[i].stack = NULL;
	}
}

/*
 * vmalloc: each stack gets guard pages, so an overflow faults at once.
 * An architecture may want more alignment than vmalloc's pages
 * (LDE_ARCH_STACK_ALIGN, arch.h): then the area is that much larger and
 * the stack is its aligned part.
 */
#define STACK_AREA_SIZE	\
	(LDE_GUEST_STACK_SIZE + LDE_ARCH_STACK_ALIGN - PAGE_SIZE)

void *lde_stack_alloc(void **area)
{
	*area = vzalloc(STACK_AREA_SIZE);
	return *area ? PTR_ALIGN(*area, LDE_ARCH_STACK_ALIGN) : NULL;
}

void lde_stack_free(void *area)
{
	vfree(area);
}

static int lde_prepare(struct lde_lab *lab)
{
	u32 i;

	for (i = 0; i < lab->nr_guests; i++) {
		struct lde_guest *g = &lab->guests[i];

		g->stack = lde_stack_alloc(&g->stack_area);
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

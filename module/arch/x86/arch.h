/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch.h (x86-64) - what lde's shared C asks of the architecture.
 *
 * Every folder under module/arch/ supplies the same few names, and no
 * other C file of lde looks at a register:
 *
 *   lde_arch_kernel_irqs_on(regs)   did the interrupt come from kernel
 *                                   mode, with interrupts on?
 *   struct lde_arch_return          the interrupted context's return,
 *                                   kept while a preemption is in flight
 *   lde_arch_redirect()             make the interrupt return into the
 *                                   trampoline (preempt.S)
 *   lde_arch_fill_frame()           give the trampoline's frame the real
 *                                   return
 *   lde_arch_before_resume()        what the trampoline needs before it
 *                                   resumes the guest
 *   lde_arch_init_context()         a new context's first lde_swtch()
 *                                   returns into its entry (switch.S)
 *   lde_arch_read_cpl()             the cpl trap's privileged reads
 *   LDE_ARCH_STACK_ALIGN            how a guest's stack must be aligned
 */
#ifndef _LDE_ARCH_H
#define _LDE_ARCH_H

#include <linux/compiler.h>
#include <linux/mm.h>
#include <linux/types.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/special_insns.h>

#include "contract.h"
#include "lde.h"

static __always_inline bool lde_arch_kernel_irqs_on(struct pt_regs *regs)
{
	return !user_mode(regs) && (regs->flags & X86_EFLAGS_IF);
}

struct lde_arch_return {
	unsigned long ip;
	unsigned long flags;
};

/*
 * Only %rip changes: the interrupt still returns to a context with
 * interrupts on, as it found it (timer.c, preempt(), says why).
 */
static __always_inline void lde_arch_redirect(struct pt_regs *regs,
					      struct lde_arch_return *ret,
					      void (*to)(void))
{
	ret->ip = regs->ip;
	ret->flags = regs->flags;
	regs->ip = (unsigned long)to;
}

static __always_inline void
lde_arch_fill_frame(struct lde_irq_frame *f, const struct lde_arch_return *ret)
{
	f->ip = ret->ip;
	f->flags = ret->flags;
}

/* Nothing: the trampoline's popfq and ret resume the guest. */
static __always_inline void lde_arch_before_resume(struct lde_irq_frame *f)
{
}

/*
 * A new context's stack: the top word is a zero, so that a stack trace
 * would end, and below it the address lde_swtch()'s ret goes to the first
 * time, entry: lde_guest_entry or lde_floor_entry (switch.S).  %rbx
 * carries arg to it.
 */
static inline void lde_arch_init_context(struct lde_context *ctx,
					 unsigned long *top,
					 void (*entry)(void), void *arg)
{
	top[-1] = 0;
	top[-2] = (unsigned long)entry;
	*ctx = (struct lde_context){
		.rsp = (unsigned long)&top[-2],
		.rbx = (unsigned long)arg,
	};
}

/* vmalloc's own alignment is enough. */
#define LDE_ARCH_STACK_ALIGN	PAGE_SIZE

/*
 * The cpl trap: our own privilege level from %cs, and two registers only
 * ring 0 may read.  From user mode the very same "mov %cr0" raises #GP
 * (see lde demo privileged).  These are the raw instructions on purpose,
 * not the paravirt read_cr0().
 */
static inline void lde_arch_read_cpl(struct lde_cpl *c)
{
	u16 cs;

	asm volatile("mov %%cs, %0" : "=r" (cs));
	c->arch = LDE_ARCH_X86_64;
	c->level = cs & 3;
	c->ctl[0] = native_read_cr0();
	c->ctl[1] = native_read_cr4();
}

#endif /* _LDE_ARCH_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch.h (arm64) - what lde's shared C asks of the architecture.
 *
 * Every folder under module/arch/ supplies the same few names (see
 * arch/x86/arch.h for the list), and no other C file of lde looks at a
 * register.
 */
#ifndef _LDE_ARCH_H
#define _LDE_ARCH_H

#include <linux/compiler.h>
#include <linux/mm.h>
#include <linux/thread_info.h>
#include <linux/types.h>
#include <asm/arch_gicv3.h>
#include <asm/barrier.h>
#include <asm/cpufeature.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>

#include "contract.h"
#include "lde.h"

/*
 * "Interrupts on" has two parts on arm64: PSTATE.I clear, and, on a
 * kernel that uses GIC priority masking for pseudo-NMIs, the priority
 * mask saved at entry (pt_regs' pmr) at its "all interrupts" value.
 * local_irq_disable() there raises the mask and leaves PSTATE.I alone.
 * The kernel's interrupts_enabled() checks both.
 */
static __always_inline bool lde_arch_kernel_irqs_on(struct pt_regs *regs)
{
	return !user_mode(regs) && interrupts_enabled(regs);
}

struct lde_arch_return {
	unsigned long pc;
	unsigned long pstate;
	unsigned long pmr;
};

/*
 * The return goes to the trampoline: pc changes, and PSTATE's branch type
 * is cleared, so that the exception return does not expect a landing pad
 * there (the interrupt may have come right after a br or blr, on the
 * "bti" it was going to execute).  The interrupt mask is left as found
 * (timer.c, preempt(), says why).  The trampoline's eret puts back all of
 * PSTATE, branch type included.
 */
static __always_inline void lde_arch_redirect(struct pt_regs *regs,
					      struct lde_arch_return *ret,
					      void (*to)(void))
{
	ret->pc = regs->pc;
	ret->pstate = regs->pstate;
	ret->pmr = lde_regs_pmr(regs);
	regs->pc = (unsigned long)to;
	regs->pstate &= ~PSR_BTYPE_MASK;
}

static __always_inline void
lde_arch_fill_frame(struct lde_irq_frame *f, const struct lde_arch_return *ret)
{
	f->pc = ret->pc;
	f->pstate = ret->pstate;
	f->pmr = ret->pmr;
}

/*
 * The trampoline is about to write ELR_EL1 and SPSR_EL1 and eret: from
 * here on no exception may come, or its entry would overwrite them.  Mask
 * them all (D, A, I, F), as the kernel's own exception return does.
 * PSTATE.I masks pseudo-NMIs too, so the priority mask can then go back
 * to the value the guest was interrupted with; a dsb makes the
 * redistributor see it before the eret unmasks (the kernel's exit does
 * the same, when the GIC asks for it).
 */
static __always_inline void lde_arch_before_resume(struct lde_irq_frame *f)
{
	asm volatile("msr daifset, #0xf" : : : "memory");
	if (system_uses_irq_prio_masking()) {
		gic_write_pmr(f->pmr);
		dsb(sy);
	}
}

/*
 * A new context: lde_swtch() loads it and returns through the link
 * register into entry, lde_guest_entry or lde_floor_entry (switch.S),
 * with sp at the top of its stack (16-byte aligned), arg in x19 and a
 * zero frame pointer, where stack traces end.
 */
static inline void lde_arch_init_context(struct lde_context *ctx,
					 unsigned long *top,
					 void (*entry)(void), void *arg)
{
	*ctx = (struct lde_context){
		.x19 = (unsigned long)arg,
		.lr = (unsigned long)entry,
		.sp = (unsigned long)top,
	};
}

/*
 * An interrupt that comes while a guest runs on its vmalloc'd stack is
 * taken on that stack (the kernel switches to its IRQ stack only from a
 * task's own stack), and the entry code checks for a stack overflow by
 * one bit of sp: bit THREAD_SHIFT is 0 in every task and IRQ stack, since
 * those are THREAD_SIZE long and aligned to twice that (THREAD_ALIGN).
 * A guest's stack must be laid out the same way, or the first interrupt
 * would be taken for an overflow and panic.
 */
#define LDE_ARCH_STACK_ALIGN	THREAD_ALIGN
static_assert(LDE_GUEST_STACK_BYTES <= THREAD_SIZE);

/*
 * The cpl trap: our exception level, from CurrentEL (1 for a kernel at
 * EL1; 2 for one that runs at EL2 with VHE, where the _EL1 names below
 * reach the _EL2 registers), and two registers that EL0 may not read: an
 * "mrs x0, sctlr_el1" in user mode is an undefined instruction, which
 * Linux delivers as SIGILL (lde demo privileged).
 */
static inline void lde_arch_read_cpl(struct lde_cpl *c)
{
	u64 el;

	/* The register's own name: the kernel's read_sysreg() takes it too. */
	asm volatile("mrs %0, CurrentEL" : "=r" (el));
	c->arch = LDE_ARCH_ARM64;
	c->level = (el >> 2) & 3;
	c->ctl[0] = read_sysreg(sctlr_el1);
	c->ctl[1] = read_sysreg(tcr_el1);
}

#endif /* _LDE_ARCH_H */

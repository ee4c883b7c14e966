/* SPDX-License-Identifier: GPL-2.0 */
/*
 * preempt.S (arm64) - how a timer interrupt takes the CPU from a guest
 * that never traps.
 *
 * The quantum timer (timer.c) runs in hard-IRQ context and may not switch
 * stacks there.  Instead it edits the interrupted context that the
 * kernel's exception return will restore (get_irq_regs(), arch.h's
 * lde_arch_redirect()): pc becomes lde_preempt_trampoline, and PSTATE's
 * branch type (BTYPE) is cleared, since the trampoline is not the target
 * of a branch.  The interrupt mask is left as it was found (timer.c,
 * preempt(), says why).  The real pc and PSTATE are kept in the lab.  The
 * kernel's eret then "returns" here, at EL1, on the guest's own stack,
 * with every register as the guest had it and interrupts on.  The
 * kernel's pt_regs lived below the guest's sp until that eret; we only
 * store below sp after it.  An interrupt that comes before
 * lde_preempted() turns interrupts off saves its registers below our
 * frame and finds a preemption in flight (lab->irq_pending): it leaves
 * the guest alone.
 *
 * The trampoline stores x0-x30 in struct lde_irq_frame (context.h) and
 * calls lde_preempted(), which fills in pc, PSTATE and the GIC priority
 * mask of the interrupted context, and calls the scheduler.  When the
 * guest is chosen again, lde_preempted() returns with every exception
 * masked (lde_arch_before_resume()).
 *
 * The way back.  arm64 has no memory-indirect branch: to jump to the
 * interrupted pc with all 31 registers the guest's, no register is left
 * to hold the target, and a br would also need a landing pad there.  So
 * the trampoline returns the way the kernel does: it writes the
 * interrupted pc and PSTATE to ELR_EL1 and SPSR_EL1, reloads every
 * register and sp, and executes eret, from EL1 to EL1.  That restores
 * NZCV, the interrupt mask, PAN, BTYPE and the rest of PSTATE at once:
 * the guest resumes at the very instruction that was interrupted and
 * cannot tell (guest_text.S checks exactly that).  With every exception
 * masked, nothing can overwrite ELR_EL1 and SPSR_EL1 between the msr and
 * the eret; the ldp's read the guest's own stack, which is mapped.
 *
 * The safety argument is in Documentation/sched.md.
 */
#include <linux/linkage.h>
#include <asm/assembler.h>
#include "contract.h"

	.text
/*
 * Entered by the kernel's eret, never by a branch: no landing pad.
 * NOKPROBE_SYMBOL() in timer.c: a probe here would be hit with the
 * guest's registers live and interrupts on.
 */
SYM_CODE_START(lde_preempt_trampoline)
	sub	sp, sp, #LDE_IRQ_FRAME_SIZE
	stp	x0, x1, [sp, #LDE_IRQ_FRAME_X(0)]
	stp	x2, x3, [sp, #LDE_IRQ_FRAME_X(2)]
	stp	x4, x5, [sp, #LDE_IRQ_FRAME_X(4)]
	stp	x6, x7, [sp, #LDE_IRQ_FRAME_X(6)]
	stp	x8, x9, [sp, #LDE_IRQ_FRAME_X(8)]
	stp	x10, x11, [sp, #LDE_IRQ_FRAME_X(10)]
	stp	x12, x13, [sp, #LDE_IRQ_FRAME_X(12)]
	stp	x14, x15, [sp, #LDE_IRQ_FRAME_X(14)]
	stp	x16, x17, [sp, #LDE_IRQ_FRAME_X(16)]
	stp	x18, x19, [sp, #LDE_IRQ_FRAME_X(18)]
	stp	x20, x21, [sp, #LDE_IRQ_FRAME_X(20)]
	stp	x22, x23, [sp, #LDE_IRQ_FRAME_X(22)]
	stp	x24, x25, [sp, #LDE_IRQ_FRAME_X(24)]
	stp	x26, x27, [sp, #LDE_IRQ_FRAME_X(26)]
	stp	x28, x29, [sp, #LDE_IRQ_FRAME_X(28)]
	str	x30, [sp, #LDE_IRQ_FRAME_X(30)]
	/*
	 * No caller: a frame record with a zero frame pointer ends stack
	 * traces here.  Its lr must not be zero too: since Linux 6.13 a
	 * record of two zeroes is a metadata record to arm64's unwinder,
	 * which reads a type after it and warns when unwinding current
	 * finds one that is not its task's last (perf record -g on the
	 * linux engine, whose guests are preempted on their task stacks).
	 */
	adr	x1, lde_preempt_trampoline
	stp	xzr, x1, [sp, #LDE_IRQ_FRAME_RECORD]
	add	x29, sp, #LDE_IRQ_FRAME_RECORD
	mov	x0, sp
	bl	lde_preempted

	/* Every exception is masked now: see above. */
	ldr	x0, [sp, #LDE_IRQ_FRAME_PC]
	ldr	x1, [sp, #LDE_IRQ_FRAME_PSTATE]
	msr	elr_el1, x0
	msr	spsr_el1, x1
	ldp	x0, x1, [sp, #LDE_IRQ_FRAME_X(0)]
	ldp	x2, x3, [sp, #LDE_IRQ_FRAME_X(2)]
	ldp	x4, x5, [sp, #LDE_IRQ_FRAME_X(4)]
	ldp	x6, x7, [sp, #LDE_IRQ_FRAME_X(6)]
	ldp	x8, x9, [sp, #LDE_IRQ_FRAME_X(8)]
	ldp	x10, x11, [sp, #LDE_IRQ_FRAME_X(10)]
	ldp	x12, x13, [sp, #LDE_IRQ_FRAME_X(12)]
	ldp	x14, x15, [sp, #LDE_IRQ_FRAME_X(14)]
	ldp	x16, x17, [sp, #LDE_IRQ_FRAME_X(16)]
	ldp	x18, x19, [sp, #LDE_IRQ_FRAME_X(18)]
	ldp	x20, x21, [sp, #LDE_IRQ_FRAME_X(20)]
	ldp	x22, x23, [sp, #LDE_IRQ_FRAME_X(22)]
	ldp	x24, x25, [sp, #LDE_IRQ_FRAME_X(24)]
	ldp	x26, x27, [sp, #LDE_IRQ_FRAME_X(26)]
	ldp	x28, x29, [sp, #LDE_IRQ_FRAME_X(28)]
	ldr	x30, [sp, #LDE_IRQ_FRAME_X(30)]
	add	sp, sp, #LDE_IRQ_FRAME_SIZE
	eret				/* to the interrupted instruction */
	sb				/* no speculation past the eret */
SYM_CODE_END(lde_preempt_trampoline)

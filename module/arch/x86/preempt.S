/* SPDX-License-Identifier: GPL-2.0 */
/*
 * preempt.S - how a timer interrupt takes the CPU from a guest that never
 * traps.
 *
 * The quantum timer (timer.c) runs in hard-IRQ context, on the IRQ stack,
 * and may not switch stacks there.  Instead it edits the interrupted
 * context that the entry code will restore (get_irq_regs()): %rip becomes
 * lde_preempt_trampoline.  The real %rip and %rflags are kept in the lab.
 * When the interrupt returns, IRET "returns" here, on the guest's own
 * stack, with every register and flag as the guest had it, interrupts on
 * included (see preempt() in timer.c for why they stay on).  Nothing has
 * been written below the guest's %rsp while the IRET frame still lived
 * there: we only push once IRET is done.  An interrupt that comes before
 * lde_preempted() turns them off pushes its frame below ours and finds a
 * preemption in flight (lab->irq_pending): it leaves the guest alone.
 *
 * The trampoline saves every general-purpose register and makes room for
 * %rflags and %rip (struct lde_irq_frame, context.h), then calls
 * lde_preempted(), which fills those two slots and calls the scheduler.
 * When the guest is chosen again, lde_preempted() returns, and popfq and
 * ret resume the guest at the very instruction that was interrupted, with
 * all of its registers and flags: the guest cannot tell (guest_text.S
 * checks exactly that).
 *
 * The safety argument is in Documentation/sched.md.
 */
#include <linux/linkage.h>
#include <linux/objtool.h>
#include <asm/unwind_hints.h>
#include "contract.h"

	.text
SYM_CODE_START(lde_preempt_trampoline)
	/*
	 * No caller, and the return address is not on the stack yet:
	 * stack traces end here.  Entered by IRET, never by an indirect
	 * call or jump: no ENDBR.
	 */
	UNWIND_HINT_END_OF_STACK
	ANNOTATE_NOENDBR
	pushq	$0			/* ip, filled by lde_preempted() */
	pushq	$0			/* flags, likewise */
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	cld				/* C expects it; popfq restores DF */
	movq	%rsp, %rdi
	call	lde_preempted
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
	popfq				/* the guest's flags, IF on again */
	RET				/* to the interrupted instruction */
SYM_CODE_END(lde_preempt_trampoline)

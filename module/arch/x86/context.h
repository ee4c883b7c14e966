/* SPDX-License-Identifier: GPL-2.0 */
/*
 * context.h (x86-64) - what the assembly saves, and where: the contract
 * between switch.S, preempt.S, guest_text.S and the C that fills or reads
 * the same memory.  The part every architecture shares is in
 * module/contract.h.
 *
 * Assembly cannot use offsetof(), so every offset it uses is a number
 * here, checked against the struct at build time (static_assert).
 */
#ifndef _LDE_ARCH_CONTEXT_H
#define _LDE_ARCH_CONTEXT_H

/*
 * struct lde_context: a guest's saved registers while it is not running
 * (lde engine).  lde_swtch() stores the callee-saved registers and %rsp of
 * the guest it leaves here and loads those of the guest it enters.  The
 * caller-saved registers need no slot: the C compiler already assumes that
 * a call to lde_swtch() clobbers them.  %rip needs none either: it is the
 * return address on top of the saved stack.  This is xv6's struct context.
 */
#define LDE_CTX_RSP	0
#define LDE_CTX_RBX	8
#define LDE_CTX_RBP	16
#define LDE_CTX_R12	24
#define LDE_CTX_R13	32
#define LDE_CTX_R14	40
#define LDE_CTX_R15	48

/*
 * struct lde_irq_frame: what lde_preempt_trampoline (preempt.S) pushes
 * onto the preempted guest's stack before it calls lde_preempted(), lowest
 * address first.  The GPRs are the guest's, exactly as the timer
 * interrupt found them; flags and ip are slots the trampoline pushes as 0
 * and lde_preempted() fills with the interrupted %rflags and %rip, so that
 * the trampoline's popfq and ret resume the guest where it was.
 */
#define LDE_IRQ_FRAME_FLAGS	120
#define LDE_IRQ_FRAME_IP	128
#define LDE_IRQ_FRAME_SIZE	136

/* The regs guest holds a pattern in every GPR but %rsp. */
#define LDE_NR_PATTERNS		15

/*
 * The flags a regs guest runs with: CF, PF, ZF and OF set; AF, SF, DF
 * clear; IF set (interrupts must reach it); bit 1 is always 1.
 */
#define LDE_REGS_FLAGS		0xa47

#ifndef __ASSEMBLY__
#include <linux/build_bug.h>
#include <linux/stddef.h>

struct lde_context {
	unsigned long rsp;
	unsigned long rbx;
	unsigned long rbp;
	unsigned long r12;
	unsigned long r13;
	unsigned long r14;
	unsigned long r15;
};

struct lde_irq_frame {
	unsigned long r15, r14, r13, r12, rbp, rbx;
	unsigned long r11, r10, r9, r8, rdi, rsi, rdx, rcx, rax;
	unsigned long flags;
	unsigned long ip;
};

/* The contract, checked: the offsets above are the structs' own. */
static_assert(offsetof(struct lde_context, rsp) == LDE_CTX_RSP);
static_assert(offsetof(struct lde_context, rbx) == LDE_CTX_RBX);
static_assert(offsetof(struct lde_context, rbp) == LDE_CTX_RBP);
static_assert(offsetof(struct lde_context, r12) == LDE_CTX_R12);
static_assert(offsetof(struct lde_context, r13) == LDE_CTX_R13);
static_assert(offsetof(struct lde_context, r14) == LDE_CTX_R14);
static_assert(offsetof(struct lde_context, r15) == LDE_CTX_R15);
static_assert(offsetof(struct lde_irq_frame, flags) == LDE_IRQ_FRAME_FLAGS);
static_assert(offsetof(struct lde_irq_frame, ip) == LDE_IRQ_FRAME_IP);
static_assert(sizeof(struct lde_irq_frame) == LDE_IRQ_FRAME_SIZE);

#endif /* __ASSEMBLY__ */
#endif /* _LDE_ARCH_CONTEXT_H */

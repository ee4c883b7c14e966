/* SPDX-License-Identifier: GPL-2.0 */
/*
 * context.h - what the assembly saves, and where: the contract between
 * switch.S, preempt.S, guest_text.S and the C that fills or reads the same
 * memory.
 *
 * Assembly cannot use offsetof(), so every offset it uses is a number
 * here, and context.c checks each one against the struct at build time
 * (static_assert): a field moved in one place and not the other is a
 * compile error, not a corrupted register.
 */
#ifndef _LDE_CONTEXT_H
#define _LDE_CONTEXT_H

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

/* lde_guest_spin() adds this much work between two looks at its loop. */
#define LDE_SPIN_CHUNK		4096

/*
 * struct lde_work: a guest's counters, and the register patterns of a
 * regs guest (guest_text.S).  pattern[i] is the value register i holds;
 * the order is that of LDE_REGS_ORDER below.
 */
#define LDE_WORK_ITERS		0
#define LDE_WORK_CORRUPT	8
#define LDE_WORK_PATTERN	16
#define LDE_NR_PATTERNS		15	/* every GPR but %rsp */

/*
 * The flags a regs guest runs with: CF, PF, ZF and OF set; AF, SF, DF
 * clear; IF set (interrupts must reach it); bit 1 is always 1.
 */
#define LDE_REGS_FLAGS		0xa47

#ifndef __ASSEMBLY__
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

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

struct lde_work {
	u64 iters;
	u64 corruptions;
	u64 pattern[LDE_NR_PATTERNS];
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
static_assert(offsetof(struct lde_work, iters) == LDE_WORK_ITERS);
static_assert(offsetof(struct lde_work, corruptions) == LDE_WORK_CORRUPT);
static_assert(offsetof(struct lde_work, pattern) == LDE_WORK_PATTERN);

/* switch.S */
void lde_swtch(struct lde_context *from, struct lde_context *to);
void lde_guest_entry(void);

/* preempt.S: entered by IRET, never called. */
void lde_preempt_trampoline(void);

/*
 * guest_text.S: the guest programs' own code, lde_guest_text_size bytes
 * from lde_work: the only instructions the timer may preempt.
 */
void lde_work(u64 *counter, u64 n);
void lde_guest_spin(u64 *counter);	/* never returns */
void lde_guest_regs(struct lde_work *w);	/* never returns */
extern const unsigned long lde_guest_text_size;

#endif /* __ASSEMBLY__ */
#endif /* _LDE_CONTEXT_H */

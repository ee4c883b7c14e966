/* SPDX-License-Identifier: GPL-2.0 */
/*
 * context.h (arm64) - what the assembly saves, and where: the contract
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
 * (lde engine).  lde_swtch() stores the callee-saved registers x19-x28,
 * the frame pointer x29, the link register x30 and sp of the guest it
 * leaves here, and loads those of the guest it enters: the AAPCS64's
 * callee-saved set, as xv6-riscv's struct context holds RISC-V's (ra, sp,
 * s0-s11).  x0-x18 need no slot: the C compiler already assumes that a
 * call to lde_swtch() clobbers them.  The pc needs none either: lde_swtch()
 * returns through the link register it loaded.
 */
#define LDE_CTX_X19	0
#define LDE_CTX_X21	16
#define LDE_CTX_X23	32
#define LDE_CTX_X25	48
#define LDE_CTX_X27	64
#define LDE_CTX_FP	80	/* x29, then lr (x30) */
#define LDE_CTX_LR	88
#define LDE_CTX_SP	96

/*
 * struct lde_irq_frame: what lde_preempt_trampoline (preempt.S) stores on
 * the preempted guest's stack before it calls lde_preempted().  x0-x30
 * are the guest's, exactly as the timer interrupt found them; pc, pstate
 * and pmr are slots lde_preempted() fills with the interrupted context's
 * return, so that the trampoline's eret resumes the guest where it was.
 * The last 16 bytes are a frame record with a zero frame pointer (and
 * the trampoline as its lr, preempt.S says why): stack traces end there.
 */
#define LDE_IRQ_FRAME_X(n)	(8 * (n))
#define LDE_IRQ_FRAME_PC	248
#define LDE_IRQ_FRAME_PSTATE	256
#define LDE_IRQ_FRAME_PMR	264
#define LDE_IRQ_FRAME_RECORD	272
#define LDE_IRQ_FRAME_SIZE	288	/* a multiple of 16: sp stays aligned */

/*
 * The regs guest holds a pattern in every general-purpose register,
 * x0-x30: x18 too, since lde refuses a kernel that keeps its shadow call
 * stack there (compat/Kbuild.include), and the frame pointer and the link
 * register, which nothing reads while the guest loops.
 */
#define LDE_NR_PATTERNS		31

/*
 * The flags a regs guest runs with, PSTATE.NZCV as "mrs xN, nzcv" reads
 * them: N, C and V set, Z clear.
 */
#define LDE_REGS_NZCV		0xb0000000
#define LDE_REGS_NZCV_SHIFT	28

#ifndef __ASSEMBLY__
#include <linux/build_bug.h>
#include <linux/stddef.h>

struct lde_context {
	unsigned long x19, x20, x21, x22, x23, x24, x25, x26, x27, x28;
	unsigned long fp;
	unsigned long lr;
	unsigned long sp;
};

struct lde_irq_frame {
	unsigned long x[31];
	unsigned long pc;
	unsigned long pstate;
	unsigned long pmr;
	unsigned long record[2];
};

/* The contract, checked: the offsets above are the structs' own. */
static_assert(offsetof(struct lde_context, x19) == LDE_CTX_X19);
static_assert(offsetof(struct lde_context, x21) == LDE_CTX_X21);
static_assert(offsetof(struct lde_context, x23) == LDE_CTX_X23);
static_assert(offsetof(struct lde_context, x25) == LDE_CTX_X25);
static_assert(offsetof(struct lde_context, x27) == LDE_CTX_X27);
static_assert(offsetof(struct lde_context, fp) == LDE_CTX_FP);
static_assert(offsetof(struct lde_context, lr) == LDE_CTX_LR);
static_assert(offsetof(struct lde_context, sp) == LDE_CTX_SP);
static_assert(offsetof(struct lde_irq_frame, x[30]) == LDE_IRQ_FRAME_X(30));
static_assert(offsetof(struct lde_irq_frame, pc) == LDE_IRQ_FRAME_PC);
static_assert(offsetof(struct lde_irq_frame, pstate) == LDE_IRQ_FRAME_PSTATE);
static_assert(offsetof(struct lde_irq_frame, pmr) == LDE_IRQ_FRAME_PMR);
static_assert(offsetof(struct lde_irq_frame, record) == LDE_IRQ_FRAME_RECORD);
static_assert(sizeof(struct lde_irq_frame) == LDE_IRQ_FRAME_SIZE);
static_assert(LDE_IRQ_FRAME_SIZE % 16 == 0);

#endif /* __ASSEMBLY__ */
#endif /* _LDE_ARCH_CONTEXT_H */

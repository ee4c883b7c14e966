/* SPDX-License-Identifier: GPL-2.0 */
/*
 * guest_text.S (arm64) - the guest programs' own machine code: the only
 * code a timer interrupt may take the CPU from.
 *
 *	void lde_work(u64 *counter, u64 n);	(*counter += 1, n times)
 *	void lde_guest_spin(u64 *counter);	(lde_work forever)
 *	void lde_guest_regs(struct lde_work *w);	(never returns)
 *
 * The three functions sit between two labels, and lde_guest_text_size is
 * the distance.  The quantum timer preempts a guest only when the
 * interrupted instruction lies in that range (timer.c): then it is a
 * guest's own instruction, not lde's mini-kernel, not Linux, and not a
 * kprobe's out-of-line slot or an ftrace or BPF trampoline that would be
 * left half run.  So none of this may be traced or probed: assembly has
 * no ftrace call site, and guest.c lists every function here with
 * NOKPROBE_SYMBOL().
 *
 * lde_work() is also the host thread's baseline loop (experiment.c): the
 * guests and the plain kthread run the very same instructions.  It leaves
 * x0 as it found it, which lde_guest_spin() relies on, and clobbers only
 * x1 and x2.
 *
 * The "regs" program: does a context switch really save everything?
 * lde_guest_regs() loads a pattern of its own (w->pattern[], different
 * for every guest) into all 31 general-purpose registers, x0 to x30, and
 * sets the flags (NZCV) to LDE_REGS_NZCV, then loops: a stretch of nops,
 * during which the timer may preempt it at any instruction, then a check
 * of the flags and of every register against the pattern.  A mismatch
 * means a switch lost or mixed up a register: it counts one corruption in
 * w->corruptions and reloads the pattern.  Each clean pass adds one to
 * w->iters.
 *
 * arm64 compares registers only with registers, and every register holds
 * a pattern: the check borrows x0, parked in a stack slot of its own, to
 * load each pattern into, and checks x0 itself last, borrowing x1, whose
 * value it knows by then.  Setting NZCV goes through a register too.
 *
 * spin and regs never trap, so they only ever leave the CPU by
 * preemption: under the cooperative policy they are hogs.
 *
 * regs' stack frame while it runs: [sp] = w, [sp, #8] = x0 while it is
 * borrowed, [sp, #16] .. = the pattern (a copy, so that the checks need
 * no pointer in a register); sp stays 16-byte aligned throughout.
 */
#include <linux/linkage.h>
#include "contract.h"

#define SLOT_W		0
#define SLOT_X0		8
#define PAT(i)		(16 + 8 * (i))
#define FRAME		(PAT(LDE_NR_PATTERNS) + 8)	/* 16-byte multiple */

/* Compare register \reg with its pattern, x0 borrowed. */
	.macro	check reg, i
	ldr	x0, [sp, #PAT(\i)]
	cmp	\reg, x0
	b.ne	.Lbad
	.endm

	.text
/* The first guest instruction: lde_work is where the range begins. */
/*
 * One load, then a store per iteration, so that the count in memory is
 * always current (a preempted or stopped guest's work is all there): the
 * loop x86's guest_text.S has, the one gcc makes of
 * "for (i = 0; i < n; i++) WRITE_ONCE(*counter, *counter + 1)".
 */
SYM_FUNC_START(lde_work)
	cbz	x1, 2f
	ldr	x2, [x0]
	add	x1, x2, x1		/* the count when we are done */
1:	add	x2, x2, #1
	str	x2, [x0]
	cmp	x2, x1
	b.ne	1b
2:	ret
SYM_FUNC_END(lde_work)

SYM_FUNC_START(lde_guest_spin)
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
1:	mov	x1, #LDE_SPIN_CHUNK
	bl	lde_work
	b	1b
SYM_FUNC_END(lde_guest_spin)

SYM_FUNC_START(lde_guest_regs)
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	sub	sp, sp, #FRAME
	str	x0, [sp, #SLOT_W]
	add	x1, x0, #LDE_WORK_PATTERN
	add	x2, sp, #PAT(0)
	mov	x3, #LDE_NR_PATTERNS
1:	ldr	x4, [x1], #8
	str	x4, [x2], #8
	subs	x3, x3, #1
	b.ne	1b
.Lload:
	ldp	x0, x1, [sp, #PAT(0)]
	ldp	x2, x3, [sp, #PAT(2)]
	ldp	x4, x5, [sp, #PAT(4)]
	ldp	x6, x7, [sp, #PAT(6)]
	ldp	x8, x9, [sp, #PAT(8)]
	ldp	x10, x11, [sp, #PAT(10)]
	ldp	x12, x13, [sp, #PAT(12)]
	ldp	x14, x15, [sp, #PAT(14)]
	ldp	x16, x17, [sp, #PAT(16)]
	ldp	x18, x19, [sp, #PAT(18)]
	ldp	x20, x21, [sp, #PAT(20)]
	ldp	x22, x23, [sp, #PAT(22)]
	ldp	x24, x25, [sp, #PAT(24)]
	ldp	x26, x27, [sp, #PAT(26)]
	ldp	x28, x29, [sp, #PAT(28)]
	ldr	x30, [sp, #PAT(30)]
.Lloop:
	/* The flags, through x0 and back (ldr leaves NZCV alone). */
	mov	x0, #LDE_REGS_NZCV
	msr	nzcv, x0
	ldr	x0, [sp, #PAT(0)]
	/* Most timer interrupts land here, with everything live. */
	.rept	64
	nop
	.endr
	str	x0, [sp, #SLOT_X0]
	mrs	x0, nzcv
	lsr	x0, x0, #LDE_REGS_NZCV_SHIFT
	cmp	x0, #(LDE_REGS_NZCV >> LDE_REGS_NZCV_SHIFT)
	b.ne	.Lbad
	check	x1, 1
	check	x2, 2
	check	x3, 3
	check	x4, 4
	check	x5, 5
	check	x6, 6
	check	x7, 7
	check	x8, 8
	check	x9, 9
	check	x10, 10
	check	x11, 11
	check	x12, 12
	check	x13, 13
	check	x14, 14
	check	x15, 15
	check	x16, 16
	check	x17, 17
	check	x18, 18
	check	x19, 19
	check	x20, 20
	check	x21, 21
	check	x22, 22
	check	x23, 23
	check	x24, 24
	check	x25, 25
	check	x26, 26
	check	x27, 27
	check	x28, 28
	check	x29, 29
	check	x30, 30
	/* Now x0 itself, borrowing x1, which holds pattern 1. */
	ldr	x0, [sp, #SLOT_X0]
	ldr	x1, [sp, #PAT(0)]
	cmp	x0, x1
	b.ne	.Lbad
	/* A clean pass: count it, borrowing x0 and x1. */
	ldr	x0, [sp, #SLOT_W]
	ldr	x1, [x0, #LDE_WORK_ITERS]
	add	x1, x1, #1
	str	x1, [x0, #LDE_WORK_ITERS]
	ldp	x0, x1, [sp, #PAT(0)]
	b	.Lloop
.Lbad:
	ldr	x0, [sp, #SLOT_W]
	ldr	x1, [x0, #LDE_WORK_CORRUPT]
	add	x1, x1, #1
	str	x1, [x0, #LDE_WORK_CORRUPT]
	b	.Lload
SYM_FUNC_END(lde_guest_regs)
.Lguest_text_end:

/* No relocation: the assembler knows the distance. */
	.pushsection .rodata
SYM_DATA(lde_guest_text_size, .quad .Lguest_text_end - lde_work)
	.popsection

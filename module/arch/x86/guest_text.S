/* SPDX-License-Identifier: GPL-2.0 */
/*
 * guest_text.S - the guest programs' own machine code: the only code a
 * timer interrupt may take the CPU from.
 *
 *	void lde_work(u64 *counter, u64 n);	(*counter += 1, n times)
 *	void lde_guest_spin(u64 *counter);	(lde_work forever)
 *	void lde_guest_regs(struct lde_work *w);	(never returns)
 *
 * The three functions sit between two labels, and lde_guest_text_size is
 * the distance.  The quantum timer preempts a guest only when the
 * interrupted instruction lies in that range (timer.c): then it is a
 * guest's own instruction, not lde's mini-kernel, not Linux, and not a
 * kprobe's detour buffer, a BPF trampoline or an ftrace trampoline that
 * would be left half run.  So none of this may be traced or probed:
 * assembly has no ftrace call site, and guest.c lists every function here
 * with NOKPROBE_SYMBOL().
 *
 * lde_work() is also the host thread's baseline loop (experiment.c): the
 * guests and the plain kthread run the very same instructions.  It leaves
 * %rdi as it found it, which lde_guest_spin() relies on, and clobbers
 * only %rax, %rcx and %rdx.
 *
 * The "regs" program: does a context switch really save everything?
 * lde_guest_regs() loads a pattern of its own (w->pattern[], different
 * for every guest) into all fifteen general-purpose registers besides
 * %rsp and sets the flags to LDE_REGS_FLAGS, then loops: a stretch of
 * nops, during which the timer may preempt it at any instruction, then a
 * check of the flags and of every register against the pattern.  A
 * mismatch means a switch lost or mixed up a register: it counts one
 * corruption in w->corruptions and reloads the pattern.  Each clean pass
 * adds one to w->iters.
 *
 * spin and regs never trap, so they only ever leave the CPU by
 * preemption: under the cooperative policy they are hogs.
 *
 * regs' stack frame while it runs: 0(%rsp) = w, 8(%rsp) .. 120(%rsp) =
 * the pattern (a copy, so that the checks need no free register).
 */
#include <linux/linkage.h>
#include <linux/objtool.h>
#include "contract.h"

#define FRAME		(8 * (1 + LDE_NR_PATTERNS))
#define PAT(i)		(8 + 8 * (i))(%rsp)

	.text
/* The first guest instruction: lde_work is where the range begins. */
/*
 * One load, then a store per iteration, so that the count in memory is
 * always current (a preempted or stopped guest's work is all there).
 * The loop is the one gcc makes of the C loop it replaced,
 * "for (i = 0; i < n; i++) WRITE_ONCE(*counter, *counter + 1)", so that
 * the figures keep their meaning; under emulation, a loop with a load in
 * every iteration ran at a third of its speed.
 */
SYM_FUNC_START(lde_work)
	/*
	 * timer.c takes this address to bound the range, and nothing calls
	 * it indirectly: objtool needs no ENDBR here (7.x's SYM_FUNC_START
	 * has none).
	 */
	ANNOTATE_NOENDBR
	testq	%rsi, %rsi
	je	2f
	movq	(%rdi), %rcx
	leaq	1(%rcx), %rax
	addq	%rsi, %rcx
1:	movq	%rax, %rdx
	movq	%rax, (%rdi)
	addq	$1, %rax
	cmpq	%rcx, %rdx
	jne	1b
2:	RET
SYM_FUNC_END(lde_work)

SYM_FUNC_START(lde_guest_spin)
1:	movl	$LDE_SPIN_CHUNK, %esi
	call	lde_work
	jmp	1b
SYM_FUNC_END(lde_guest_spin)

SYM_FUNC_START(lde_guest_regs)
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$FRAME, %rsp
	movq	%rdi, 0(%rsp)
	.irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14
	movq	LDE_WORK_PATTERN + 8 * \i(%rdi), %rax
	movq	%rax, PAT(\i)
	.endr
.Lload:
	movq	PAT(0), %rax
	movq	PAT(1), %rbx
	movq	PAT(2), %rcx
	movq	PAT(3), %rdx
	movq	PAT(4), %rsi
	movq	PAT(5), %rdi
	movq	PAT(6), %rbp
	movq	PAT(7), %r8
	movq	PAT(8), %r9
	movq	PAT(9), %r10
	movq	PAT(10), %r11
	movq	PAT(11), %r12
	movq	PAT(12), %r13
	movq	PAT(13), %r14
	movq	PAT(14), %r15
.Lloop:
	pushq	$LDE_REGS_FLAGS
	popfq
	/* Most timer interrupts land here, with everything live. */
	.rept	64
	nop
	.endr
	pushfq
	cmpq	$LDE_REGS_FLAGS, (%rsp)
	leaq	8(%rsp), %rsp		/* lea: leaves the flags alone */
	jne	.Lbad
	cmpq	PAT(0), %rax
	jne	.Lbad
	cmpq	PAT(1), %rbx
	jne	.Lbad
	cmpq	PAT(2), %rcx
	jne	.Lbad
	cmpq	PAT(3), %rdx
	jne	.Lbad
	cmpq	PAT(4), %rsi
	jne	.Lbad
	cmpq	PAT(5), %rdi
	jne	.Lbad
	cmpq	PAT(6), %rbp
	jne	.Lbad
	cmpq	PAT(7), %r8
	jne	.Lbad
	cmpq	PAT(8), %r9
	jne	.Lbad
	cmpq	PAT(9), %r10
	jne	.Lbad
	cmpq	PAT(10), %r11
	jne	.Lbad
	cmpq	PAT(11), %r12
	jne	.Lbad
	cmpq	PAT(12), %r13
	jne	.Lbad
	cmpq	PAT(13), %r14
	jne	.Lbad
	cmpq	PAT(14), %r15
	jne	.Lbad
	/* A clean pass: count it, borrowing %rax for the pointer. */
	pushq	%rax
	movq	8(%rsp), %rax
	incq	LDE_WORK_ITERS(%rax)
	popq	%rax
	jmp	.Lloop
.Lbad:
	movq	0(%rsp), %rax
	incq	LDE_WORK_CORRUPT(%rax)
	jmp	.Lload
SYM_FUNC_END(lde_guest_regs)
.Lguest_text_end:

/* No relocation: the assembler knows the distance. */
	.pushsection .rodata
SYM_DATA(lde_guest_text_size, .quad .Lguest_text_end - lde_work)
	.popsection

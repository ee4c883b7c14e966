/* SPDX-License-Identifier: GPL-2.0 */
/*
 * switch.S - the lde engine's context switch, xv6's swtch for x86-64.
 *
 *	void lde_swtch(struct lde_context *from, struct lde_context *to);
 *
 * Save the current callee-saved registers and stack pointer in *from, load
 * those of *to, and return: on to's stack, so into whatever called
 * lde_swtch() when to was saved.  Both sides run on the lab CPU with
 * interrupts off (sched.c); the layout of struct lde_context is in
 * context.h.
 *
 * A new guest has never called lde_swtch(): engine_lde.c gives it a stack
 * whose top holds the address of lde_guest_entry, so the first ret lands
 * there, with the guest in %rbx.
 */
#include <linux/linkage.h>
#include <linux/objtool.h>
#include <asm/unwind_hints.h>
#include "contract.h"

	.text
SYM_FUNC_START(lde_swtch)
	movq	%rsp, LDE_CTX_RSP(%rdi)
	movq	%rbx, LDE_CTX_RBX(%rdi)
	movq	%rbp, LDE_CTX_RBP(%rdi)
	movq	%r12, LDE_CTX_R12(%rdi)
	movq	%r13, LDE_CTX_R13(%rdi)
	movq	%r14, LDE_CTX_R14(%rdi)
	movq	%r15, LDE_CTX_R15(%rdi)

	/* From memory, not from a register: objtool follows this form. */
	movq	LDE_CTX_RSP(%rsi), %rsp
	movq	LDE_CTX_RBX(%rsi), %rbx
	movq	LDE_CTX_RBP(%rsi), %rbp
	movq	LDE_CTX_R12(%rsi), %r12
	movq	LDE_CTX_R13(%rsi), %r13
	movq	LDE_CTX_R14(%rsi), %r14
	movq	LDE_CTX_R15(%rsi), %r15
	RET
SYM_FUNC_END(lde_swtch)

/*
 * A new guest's first instruction.  Nothing called it, so there is no
 * frame to unwind into: the hint ends every stack trace here.  It is
 * reached by lde_swtch()'s ret, never by an indirect call or jump, so it
 * needs no ENDBR (as ret_from_fork_asm in the kernel's entry_64.S).
 */
SYM_CODE_START(lde_guest_entry)
	UNWIND_HINT_END_OF_STACK
	ANNOTATE_NOENDBR
	movq	%rbx, %rdi
	jmp	lde_guest_start		/* does not return */
SYM_CODE_END(lde_guest_entry)

/*
 * The floor's other context (floor.c), entered the same way: %rbx holds
 * its pair of contexts.
 */
SYM_CODE_START(lde_floor_entry)
	UNWIND_HINT_END_OF_STACK
	ANNOTATE_NOENDBR
	movq	%rbx, %rdi
	jmp	lde_floor_peer		/* does not return */
SYM_CODE_END(lde_floor_entry)

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * switch.S (arm64) - the lde engine's context switch, xv6's swtch for
 * arm64.
 *
 *	void lde_swtch(struct lde_context *from, struct lde_context *to);
 *
 * Save the current callee-saved registers (x19-x28), frame pointer (x29),
 * link register (x30) and sp in *from, load those of *to, and return:
 * through to's link register, on to's stack, so into whatever called
 * lde_swtch() when to was saved.  Both sides run on the lab CPU with
 * interrupts off (sched.c); the layout of struct lde_context is in
 * context.h.
 *
 * Pointer authentication.  A kernel built with it signs each C function's
 * return address in its prologue (paciasp: key A, the stack pointer as the
 * modifier) and checks it before returning (autiasp).  lde_swtch() is a
 * leaf and signs nothing: x30 is the plain address its caller's bl left,
 * and its ret needs no check.  Its caller, lde_switch_to() (engine_lde.c),
 * signed its own return address against sp on prev's stack; that is the
 * stack it is resumed on when prev runs again, with the same sp, so the
 * check in its epilogue holds.  All the lde engine's guests live in one
 * task, whose keys never change between them.
 *
 * Branch target identification.  An indirect branch (br, blr) must land
 * on a "bti" of the right kind.  lde_swtch() is called directly, but
 * SYM_FUNC_START gives it "bti c" anyway; ret is not checked by BTI.
 *
 * A new guest has never called lde_swtch(): arch.h gives it a context
 * whose link register is lde_guest_entry and whose x19 is the guest, so
 * the first ret lands there, on the top of the guest's stack.
 */
#include <linux/linkage.h>
#include "contract.h"

	.text
SYM_FUNC_START(lde_swtch)
	stp	x19, x20, [x0, #LDE_CTX_X19]
	stp	x21, x22, [x0, #LDE_CTX_X21]
	stp	x23, x24, [x0, #LDE_CTX_X23]
	stp	x25, x26, [x0, #LDE_CTX_X25]
	stp	x27, x28, [x0, #LDE_CTX_X27]
	stp	x29, x30, [x0, #LDE_CTX_FP]
	mov	x9, sp
	str	x9, [x0, #LDE_CTX_SP]

	ldp	x19, x20, [x1, #LDE_CTX_X19]
	ldp	x21, x22, [x1, #LDE_CTX_X21]
	ldp	x23, x24, [x1, #LDE_CTX_X23]
	ldp	x25, x26, [x1, #LDE_CTX_X25]
	ldp	x27, x28, [x1, #LDE_CTX_X27]
	ldp	x29, x30, [x1, #LDE_CTX_FP]
	ldr	x9, [x1, #LDE_CTX_SP]
	mov	sp, x9
	ret
SYM_FUNC_END(lde_swtch)

/*
 * A new guest's first instruction, reached by lde_swtch()'s ret, never by
 * br or blr: no landing pad (SYM_CODE_START has none).  Nothing called
 * it, so there is no frame to unwind into: a zero frame pointer ends
 * every stack trace here.
 */
SYM_CODE_START(lde_guest_entry)
	mov	x29, xzr
	mov	x30, xzr
	mov	x0, x19
	bl	lde_guest_start		/* does not return */
	udf	#0
SYM_CODE_END(lde_guest_entry)

/*
 * The floor's other context (floor.c), entered the same way: x19 holds
 * its pair of contexts.
 */
SYM_CODE_START(lde_floor_entry)
	mov	x29, xzr
	mov	x30, xzr
	mov	x0, x19
	bl	lde_floor_peer		/* does not return */
	udf	#0
SYM_CODE_END(lde_floor_entry)

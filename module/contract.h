/* SPDX-License-Identifier: GPL-2.0 */
/*
 * contract.h - what lde's assembly and its C agree on, on every
 * architecture.
 *
 * The assembly lives apart, one folder per architecture, as in the
 * kernel's own arch/: module/arch/<arch>/ holds switch.S (lde_swtch),
 * preempt.S (the trampoline a preempting interrupt returns into),
 * guest_text.S (the guest programs' own code), context.h (what those save
 * where, checked at build time) and arch.h (the few static inlines the
 * shared C asks of the architecture).  Kbuild puts the folder of the
 * architecture being built, $(SRCARCH), on the include path: "context.h"
 * and "arch.h" are that architecture's.
 *
 * This file is the part that does not depend on the architecture: the
 * guests' counters and register patterns, and the functions the assembly
 * provides.  Assembly cannot use offsetof(), so every offset it uses is a
 * number here, checked against the struct (static_assert): a field moved
 * in one place and not the other is a compile error, not a corrupted
 * register.
 */
#ifndef _LDE_CONTRACT_H
#define _LDE_CONTRACT_H

#include "context.h"

/* lde_guest_spin() adds this much work between two looks at its loop. */
#define LDE_SPIN_CHUNK		4096

/*
 * struct lde_work: a guest's counters, and the register patterns of a
 * regs guest (guest_text.S).  pattern[i] is the value register i holds;
 * context.h says which registers, and how many (LDE_NR_PATTERNS).
 */
#define LDE_WORK_ITERS		0
#define LDE_WORK_CORRUPT	8
#define LDE_WORK_PATTERN	16

#ifndef __ASSEMBLY__
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

struct lde_work {
	u64 iters;
	u64 corruptions;
	u64 pattern[LDE_NR_PATTERNS];
};

static_assert(offsetof(struct lde_work, iters) == LDE_WORK_ITERS);
static_assert(offsetof(struct lde_work, corruptions) == LDE_WORK_CORRUPT);
static_assert(offsetof(struct lde_work, pattern) == LDE_WORK_PATTERN);

/* switch.S: xv6's swtch (struct lde_context is in context.h). */
void lde_swtch(struct lde_context *from, struct lde_context *to);
/* A new guest's first instruction: lde_swtch() returns into it. */
void lde_guest_entry(void);
/* The same for the floor's other context: it runs lde_floor_peer(). */
void lde_floor_entry(void);
struct lde_floor_pair;
void lde_floor_peer(struct lde_floor_pair *p);	/* never returns */

/* preempt.S: entered by the interrupt's return, never called. */
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
#endif /* _LDE_CONTRACT_H */

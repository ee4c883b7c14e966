/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lde_arch_test.h (x86) - what the selftests check differently on x86-64.
 *
 * Every folder under selftests/arch/ defines the same names; the Makefile
 * puts arch/$(ARCH) on the include path, and lde_test.h includes this.
 * The architecture as the cpl trap names it (uapi/lde.h, LDE_TRAP_CPL),
 * what its answer must show, an address that is never a user address,
 * and the privileged read that user mode may not do.
 */
#ifndef _LDE_ARCH_TEST_H
#define _LDE_ARCH_TEST_H

#include <signal.h>

#define LDE_ARCH_HERE		LDE_ARCH_X86_64
/* Start of the kernel text mapping on x86-64. */
#define LDE_KERNEL_ADDR		0xffffffff81000000UL

/* CPL 0. */
static inline int lde_kernel_level(__u32 level)
{
	return level == 0;
}

/* CR0: PE and PG set, bits 63:32 reserved (Intel SDM vol. 3, 2.5). */
static inline int lde_ctl0_ok(__u64 cr0)
{
	return (cr0 & 0x80000001ULL) == 0x80000001ULL && !(cr0 >> 32);
}

/* CR4: PAE, which long mode cannot run without. */
static inline int lde_ctl1_ok(__u64 cr4)
{
	return (cr4 >> 5) & 1;
}

/*
 * The mov from %cr0 that the cpl trap does in ring 0 raises #GP in ring
 * 3, which Linux delivers as SIGSEGV (lde_trap_test).
 */
#define LDE_USER_PRIV_TEST	user_mov_cr0_raises_gp
#define LDE_USER_PRIV_SIGNAL	SIGSEGV
#define LDE_USER_PRIV_REG	"cr0"

static inline unsigned long lde_user_priv_read(void)
{
	unsigned long cr0;

	asm volatile("mov %%cr0, %0" : "=r" (cr0));
	return cr0;
}

#endif /* _LDE_ARCH_TEST_H */

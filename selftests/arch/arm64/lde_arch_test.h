/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lde_arch_test.h (arm64) - what the selftests check differently on arm64.
 *
 * The same names as arch/x86/lde_arch_test.h, which says what they are.
 */
#ifndef _LDE_ARCH_TEST_H
#define _LDE_ARCH_TEST_H

#include <signal.h>

#define LDE_ARCH_HERE		LDE_ARCH_ARM64
/* The kernel half of an arm64 address space (TTBR1). */
#define LDE_KERNEL_ADDR		0xffff800008000000UL

/* EL1; EL2 for a kernel that runs there with VHE. */
static inline int lde_kernel_level(__u32 level)
{
	return level == 1 || level == 2;
}

/* SCTLR_EL1: M, the MMU is on (Arm ARM D19.2). */
static inline int lde_ctl0_ok(__u64 sctlr)
{
	return sctlr & 1;
}

/* TCR_EL1: T1SZ gives the kernel half 25 to 52 bits of address. */
static inline int lde_ctl1_ok(__u64 tcr)
{
	unsigned int t1sz = (tcr >> 16) & 0x3f;

	return t1sz >= 12 && t1sz <= 39;
}

/*
 * The mrs of SCTLR_EL1 that the cpl trap does at EL1 is an undefined
 * instruction at EL0, which Linux delivers as SIGILL (lde_trap_test).
 */
#define LDE_USER_PRIV_TEST	user_mrs_sctlr_raises_sigill
#define LDE_USER_PRIV_SIGNAL	SIGILL
#define LDE_USER_PRIV_REG	"sctlr_el1"

static inline unsigned long lde_user_priv_read(void)
{
	unsigned long sctlr;

	asm volatile("mrs %0, sctlr_el1" : "=r" (sctlr));
	return sctlr;
}

#endif /* _LDE_ARCH_TEST_H */

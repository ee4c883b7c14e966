// SPDX-License-Identifier: GPL-2.0
/*
 * privileged.c (arm64) - the privilege levels as arm64 has them.
 *
 * arm64 calls them exception levels: EL0 runs user programs, EL1 the
 * kernel (EL2 a hypervisor, or the kernel itself on a host with VHE;
 * EL3 the firmware).  A program cannot read its own level: CurrentEL,
 * like every register whose name ends in _EL1, is UNDEFINED at EL0.
 * Reading SCTLR_EL1 there is an undefined instruction: the CPU takes an
 * exception to EL1 with exception class 0 ("unknown reason") in ESR_EL1,
 * and Linux delivers SIGILL.  That is arm64's counterpart of x86's #GP,
 * which Linux delivers as SIGSEGV.  The level the process ran at is in
 * the PSTATE the exception saved, which the kernel passes to the signal
 * handler.
 *
 * Used by lde demo privileged (cmd/demo.c) and the cpl trap's check
 * (bench/subjects.c); arch/cpu_arch.h says what each field is for.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <ucontext.h>

#include "arch/cpu_arch.h"

/* Records in the signal frame (arch/arm64/include/uapi/asm/sigcontext.h). */
#define ESR_MAGIC	0x45535201
#define EC_UNKNOWN	0x00	/* an undefined instruction, among others */
#define EC_SYS64	0x18	/* a trapped MSR, MRS or system instruction */

static const struct cpu_bit sctlr_bits[] = {
	{ 0,  "M",    "MMU: every address goes through page tables" },
	{ 2,  "C",    "data caches on" },
	{ 3,  "SA",   "sp alignment is checked at EL1" },
	{ 9,  "UMA",  "user mode may mask interrupts (off: never in Linux)" },
	{ 12, "I",    "instruction caches on" },
	{ 15, "UCT",  "user mode may read the cache type, CTR_EL0" },
	{ 19, "WXN",  "writable memory is never executable" },
	{ 23, "SPAN", "off: every exception into EL1 sets PAN, so the kernel"
		      " cannot touch\n                user pages by accident" },
	{ 31, "EnIA", "pointer authentication, key IA: return addresses are"
		      " signed" },
	{ 0, NULL, NULL },
};

static const struct cpu_bit tcr_bits[] = {
	{ 22, "A1",    "the address space id comes from TTBR1 (off: from"
		       " TTBR0, the process's)" },
	{ 37, "TBI0",  "the top byte of a user address is ignored (tags)" },
	{ 38, "TBI1",  "the top byte of a kernel address is ignored" },
	{ 39, "HA",    "the hardware sets the Access flag in page tables" },
	{ 40, "HD",    "the hardware marks pages dirty" },
	{ 56, "E0PD1", "user access to kernel addresses faults at once,"
		       " without a walk" },
	{ 0, NULL, NULL },
};

/* The kernel runs at EL1, or at EL2 on a host with VHE. */
static bool in_kernel(unsigned int level)
{
	return level == 1 || level == 2;
}

static void read_sctlr(void)
{
	/* x0: the register step 1 names. */
	asm volatile("mrs x0, sctlr_el1" : : : "x0");
}

/* The ESR record the kernel puts in the signal frame; 0 if there is none. */
static unsigned long long frame_esr(const ucontext_t *uc)
{
	const unsigned char *p = uc->uc_mcontext.__reserved;
	size_t off = 0, end = sizeof(uc->uc_mcontext.__reserved);

	while (off + 16 <= end) {
		const uint32_t *head = (const uint32_t *)(p + off);

		if (!head[0] || head[1] < 8)
			break;
		if (head[0] == ESR_MAGIC)
			return *(const uint64_t *)(p + off + 8);
		off += head[1];
	}
	return 0;
}

static void save_fault(struct cpu_fault *f, const siginfo_t *si,
		       const ucontext_t *uc)
{
	f->si_code = si->si_code;
	f->code = frame_esr(uc);
	f->pc = uc->uc_mcontext.pc;
	f->state = uc->uc_mcontext.pstate;
}

static const char *ec_name(unsigned long long ec)
{
	switch (ec) {
	case EC_UNKNOWN:
		return "unknown reason: an instruction UNDEFINED here";
	case EC_SYS64:
		return "a trapped MSR, MRS or system instruction";
	}
	return "an unexpected exception class";
}

static void explain_fault(const struct cpu_fault *f, bool have_fault)
{
	unsigned long long ec = f->code >> 26 & 0x3f;

	if (have_fault && f->code)
		printf("   Its handler saw ESR_EL1 = 0x%llx: exception class"
		       " 0x%02llx,\n   %s; at pc 0x%llx, si_code %s.\n",
		       f->code, ec, ec_name(ec), f->pc,
		       f->si_code == ILL_ILLOPC ? "ILL_ILLOPC (an illegal"
		       " opcode)" : "other");
	printf("\n   What happened: SCTLR_EL1 belongs to EL1, and at EL0"
	       " (user mode) the\n   instruction that reads it is undefined."
	       "  Instead of running it, the CPU\n   took a synchronous"
	       " exception to EL1, through the vector table VBAR_EL1\n"
	       "   points to, and wrote the reason into ESR_EL1.  The kernel"
	       " saw that it\n   came from EL0 and sent the process SIGILL;"
	       " by default that kills it.\n   This is arm64's #GP: x86-64"
	       " checks the privilege level of an instruction\n   that exists"
	       " in ring 3 and raises #GP (SIGSEGV); at EL0 the read does not"
	       "\n   exist at all (SIGILL).\n");
	if (have_fault && f->code && ec != EC_UNKNOWN)
		printf("   (Exception class 0x%02llx is not 0: unusual, but"
		       " the instruction was\n   still refused.)\n", ec);
}

/*
 * Step 2: PSTATE.M[3:0] is the level and stack pointer the exception came
 * from: 0b0000 is EL0t, user mode.
 */
static void own_level(const struct cpu_fault *f, bool have_fault)
{
	unsigned int m = f->state & 0xf;

	printf("\n2. Which level does a process run at?  It cannot ask:"
	       " CurrentEL, too, is\n   undefined at EL0.  But the exception"
	       " saved the child's PSTATE, and the\n   kernel handed it to"
	       " the signal handler:\n");
	if (!have_fault) {
		printf("   (the handler's report did not arrive)\n");
		return;
	}
	printf("   PSTATE 0x%llx: M[3:0] = 0x%x, %s.\n", f->state, m,
	       m == 0 ? "EL0t, exception level 0 (user mode)" :
	       "not EL0?!");
}

const struct cpu_arch cpu_arch = {
	.name			= "arm64",
	.lde_arch		= LDE_ARCH_ARM64,
	.level_name		= "EL",
	.in_kernel		= in_kernel,
	.kernel_level_is	= "kernel mode",
	.ctl_name		= { "SCTLR_EL1", "TCR_EL1" },
	.ctl_bits		= { sctlr_bits, tcr_bits },
	.insn			= "mrs x0, sctlr_el1",
	.fault_signal		= SIGILL,
	.fault_name		= "an undefined instruction",
	.privileged_read	= read_sctlr,
	.save_fault		= save_fault,
	.explain_fault		= explain_fault,
	.own_level		= own_level,
};

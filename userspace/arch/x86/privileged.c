// SPDX-License-Identifier: GPL-2.0
/*
 * privileged.c (x86-64) - the privilege levels as x86-64 has them.
 *
 * Four rings, of which Linux uses two: ring 0, the kernel, and ring 3,
 * user mode.  The current privilege level (CPL) is the low two bits of
 * the %cs selector, which any program may read.  Reading a control
 * register (CR0, CR4) needs CPL 0: from ring 3 the CPU raises a general
 * protection fault (#GP, vector 13), which Linux delivers as SIGSEGV.
 *
 * Used by lde demo privileged (cmd/demo.c) and the cpl trap's check
 * (bench/subjects.c); arch/cpu_arch.h says what each field is for.
 */
#include <signal.h>
#include <stdio.h>
#include <ucontext.h>

#include "arch/cpu_arch.h"

#define X86_TRAP_GP	13	/* the vector the kernel reports for #GP */

static const struct cpu_bit cr0_bits[] = {
	{ 0,  "PE", "protected mode: privilege levels exist at all" },
	{ 16, "WP", "write protect: even the kernel obeys read-only pages" },
	{ 31, "PG", "paging: every address goes through page tables" },
	{ 0, NULL, NULL },
};

static const struct cpu_bit cr4_bits[] = {
	{ 2,  "TSD",  "rdtsc is privileged (off: lde trap may time with it)" },
	{ 5,  "PAE",  "page table entries are 64 bits wide" },
	{ 7,  "PGE",  "global pages: kernel TLB entries survive a CR3 switch" },
	{ 11, "UMIP", "user mode may not even read sgdt/sidt/smsw/..." },
	{ 12, "LA57", "5-level page tables" },
	{ 20, "SMEP", "the kernel refuses to execute user pages" },
	{ 21, "SMAP", "the kernel touches user pages only when it says so" },
	{ 0, NULL, NULL },
};

/* The kernel runs in ring 0. */
static bool in_kernel(unsigned int level)
{
	return level == 0;
}

static void read_cr0(void)
{
	unsigned long cr0;

	/* "=a": the register is %rax, as step 1 says. */
	asm volatile("mov %%cr0, %0" : "=a"(cr0));
	(void)cr0;
}

static void save_fault(struct cpu_fault *f, const siginfo_t *si,
		       const ucontext_t *uc)
{
	f->si_code = si->si_code;
	f->code = uc->uc_mcontext.gregs[REG_TRAPNO];
	f->detail = uc->uc_mcontext.gregs[REG_ERR];
	f->pc = uc->uc_mcontext.gregs[REG_RIP];
	f->state = uc->uc_mcontext.gregs[REG_CSGSFS] & 0xffff;
}

static const char *vector_name(unsigned long long v)
{
	switch (v) {
	case 6:
		return "#UD, invalid opcode";
	case 13:
		return "#GP, general protection";
	case 14:
		return "#PF, page fault";
	}
	return "an unexpected exception";
}

static void explain_fault(const struct cpu_fault *f, bool have_fault)
{
	if (have_fault)
		printf("   Its handler saw vector %llu (%s), error code"
		       " %llu,\n   at rip 0x%llx, si_code %s.\n", f->code,
		       vector_name(f->code), f->detail, f->pc,
		       f->si_code == SI_KERNEL ? "SI_KERNEL (a CPU exception,"
		       "\n   not a bad address)" : "other");
	printf("\n   What happened: before running the instruction, the CPU"
	       " compared the\n   current privilege level, CPL 3 (user mode),"
	       " with what reading CR0\n   requires, CPL 0.  The check failed,"
	       " so instead of running it the CPU\n   raised a general"
	       " protection fault (#GP) and entered the kernel through\n"
	       "   the #GP gate of its interrupt descriptor table.  The kernel"
	       " saw that the\n   fault came from user mode and sent the process"
	       " SIGSEGV; by default\n   that kills it.\n");
	if (have_fault && f->code != X86_TRAP_GP)
		printf("   (Vector %llu is not #GP: unusual, but the"
		       " instruction was still refused.)\n", f->code);
}

/* Step 2: the low two bits of the %cs selector are the CPL. */
static void own_level(const struct cpu_fault *f, bool have_fault)
{
	unsigned int cs;

	(void)f;
	(void)have_fault;
	asm volatile("mov %%cs, %0" : "=r"(cs));
	cs &= 0xffff;
	printf("\n2. This process reads its own %%cs: selector 0x%x,\n"
	       "   CPL = 0x%x & 3 = %u (%s).\n", cs, cs, cs & 3,
	       (cs & 3) == 3 ? "user mode" : "not user mode?!");
}

const struct cpu_arch cpu_arch = {
	.name			= "x86-64",
	.lde_arch		= LDE_ARCH_X86_64,
	.level_name		= "CPL",
	.in_kernel		= in_kernel,
	.kernel_level_is	= "kernel mode, ring 0",
	.ctl_name		= { "CR0", "CR4" },
	.ctl_bits		= { cr0_bits, cr4_bits },
	.insn			= "mov %cr0, %rax",
	.fault_signal		= SIGSEGV,
	.fault_name		= "#GP",
	.privileged_read	= read_cr0,
	.save_fault		= save_fault,
	.explain_fault		= explain_fault,
	.own_level		= own_level,
};

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpu_arch.h - what the lde CLI asks of the CPU architecture it runs on.
 *
 * Everything that differs between x86-64 and arm64 lives apart, one
 * folder per architecture (userspace/arch/<arch>/, chosen by the
 * Makefile), as the module's does:
 *
 *   counter.h, counter.c   the clock that times one trap (tsc.h is its
 *                          interface): the TSC, or the generic timer
 *   privileged.c           what "lde demo privileged" runs and explains,
 *                          and how to read the cpl trap's answer
 *
 * Each folder fills in the same struct cpu_arch; no other file of the CLI
 * tests __x86_64__ or __aarch64__.
 */
#ifndef LDE_CPU_ARCH_H
#define LDE_CPU_ARCH_H

#include <signal.h>
#include <stdbool.h>
#include <ucontext.h>

#include "lde.h"

/* A named bit of a control register, as lde demo privileged prints it. */
struct cpu_bit {
	unsigned int nr;
	const char *name;
	const char *what;
};

/* What the child's signal handler saw, sent to the parent over a pipe. */
struct cpu_fault {
	int si_code;
	unsigned long long code;	/* x86: the vector; arm64: ESR_EL1 */
	unsigned long long detail;	/* x86: the error code */
	unsigned long long pc;		/* where it faulted */
	unsigned long long state;	/* x86: %cs; arm64: PSTATE */
};

struct cpu_arch {
	const char *name;		/* "x86-64", "arm64" */
	__u32 lde_arch;			/* what the cpl trap reports: LDE_ARCH_* */

	/* The cpl trap's answer (struct lde_cpl). */
	const char *level_name;		/* "CPL", "EL" */
	bool (*in_kernel)(unsigned int level);	/* the kernel's level? */
	const char *kernel_level_is;	/* "kernel mode, ring 0", ... */
	const char *ctl_name[2];	/* ctl[0], ctl[1] */
	const struct cpu_bit *ctl_bits[2];	/* ends with a NULL name */

	/* lde demo privileged, step 1: a privileged read in user mode. */
	const char *insn;		/* as the demo prints it */
	int fault_signal;		/* what Linux makes of the refusal */
	const char *fault_name;		/* "#GP", "an undefined instruction" */
	void (*privileged_read)(void);	/* returns only if the CPU let it */
	/* In the child's signal handler: only async-signal-safe work. */
	void (*save_fault)(struct cpu_fault *f, const siginfo_t *si,
			   const ucontext_t *uc);
	void (*explain_fault)(const struct cpu_fault *f, bool have_fault);
	/* Step 2: the level user mode runs at, as this CPU shows it. */
	void (*own_level)(const struct cpu_fault *f, bool have_fault);
};

extern const struct cpu_arch cpu_arch;	/* arch/<arch>/privileged.c */

#endif /* LDE_CPU_ARCH_H */

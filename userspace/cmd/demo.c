// SPDX-License-Identifier: GPL-2.0
/*
 * demo.c - "lde demo privileged": the limit in limited direct execution.
 * (The other demo, "lde demo coop", is in demo_coop.c.)
 *
 * A process runs directly on the CPU, yet cannot take the machine over:
 * the CPU itself refuses privileged instructions in user mode.  This demo
 *
 *  1. forks a child that reads a control register in user mode.  The CPU
 *     refuses: on x86-64 "mov %cr0, %rax" raises a general protection
 *     fault (#GP), which Linux turns into SIGSEGV; on arm64 "mrs x0,
 *     sctlr_el1" is an undefined instruction at EL0, which Linux turns
 *     into SIGILL.  The child dies of it.  A one-shot signal handler in
 *     the child reports what the kernel saw before it dies;
 *  2. shows the privilege level user mode runs at (x86-64: CPL 3, from
 *     %cs; arm64: EL0, from the PSTATE the kernel saved);
 *  3. asks lde's cpl trap to do the same read in the kernel (CPL 0, EL1),
 *     where it is allowed, and decodes the two registers it reads.
 *
 * What differs between the architectures is in arch/<arch>/privileged.c
 * (cpu_arch.h); the steps are here.
 *
 *	$ sudo insmod module/lde.ko
 *	$ lde demo privileged
 *
 * Exit status 0 only if the child died of the expected signal and the
 * trap ran at the kernel's level.  Without /dev/lde, steps 1 and 2 still
 * run, then it exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "arch/cpu_arch.h"
#include "cmd/cmd.h"
#include "dev/device.h"

#define CHILD_NO_SETUP	10	/* exit codes of a child that did not die */
#define CHILD_SURVIVED	11

/*
 * A signal handler gets no argument of ours, so the pipe it writes to has
 * to be global.  Only the forked child sets and uses it.
 */
static int fault_fd = -1;

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
	struct cpu_fault f = { 0 };
	ssize_t n;

	(void)sig;		/* cpu_arch.fault_signal: the only one */
	cpu_arch.save_fault(&f, si, ucv);
	/* write() is async-signal-safe; if it fails, the parent sees less. */
	n = write(fault_fd, &f, sizeof(f));
	(void)n;
	/*
	 * SA_RESETHAND has put back the default action.  Returning re-runs
	 * the instruction, which faults again and now kills us: the parent
	 * sees a real death by the signal, not an exit we made up.
	 */
}

static void __attribute__((noreturn)) child(int wfd)
{
	struct sigaction sa;
	struct rlimit no_core = { 0, 0 };

	/* The death is the point of the demo: leave no core file behind. */
	if (setrlimit(RLIMIT_CORE, &no_core) || prctl(PR_SET_DUMPABLE, 0))
		_exit(CHILD_NO_SETUP);
	fault_fd = wfd;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	if (sigaction(cpu_arch.fault_signal, &sa, NULL))
		_exit(CHILD_NO_SETUP);

	cpu_arch.privileged_read();

	/* Only reached if the CPU let user mode read the register. */
	_exit(CHILD_SURVIVED);
}

/* Fork the child, wait for it, collect its fault report.  0 or -1. */
static int run_child(int *status, struct cpu_fault *f, bool *have_fault)
{
	int pfd[2];
	ssize_t n;
	pid_t pid;

	if (pipe2(pfd, O_CLOEXEC)) {
		perror("lde demo: pipe");
		return -1;
	}
	fflush(stdout);		/* or the child would inherit unflushed output */
	pid = fork();
	if (pid < 0) {
		perror("lde demo: fork");
		close(pfd[0]);
		close(pfd[1]);
		return -1;
	}
	if (pid == 0) {
		close(pfd[0]);
		child(pfd[1]);
	}
	close(pfd[1]);
	while (waitpid(pid, status, 0) < 0) {
		if (errno != EINTR) {
			perror("lde demo: waitpid");
			close(pfd[0]);
			return -1;
		}
	}
	do {
		n = read(pfd[0], f, sizeof(*f));
	} while (n < 0 && errno == EINTR);
	*have_fault = n == (ssize_t)sizeof(*f);
	close(pfd[0]);
	return 0;
}

/*
 * Step 1.  Returns true if the child died of the expected signal; *f is
 * what its handler saw, if *have_fault.
 */
static bool step_fault(struct cpu_fault *f, bool *have_fault)
{
	const char *sig = strsignal(cpu_arch.fault_signal);
	int status;

	printf("1. A child process runs \"%s\" in user mode.\n",
	       cpu_arch.insn);
	if (run_child(&status, f, have_fault))
		return false;
	if (!WIFSIGNALED(status) || WTERMSIG(status) != cpu_arch.fault_signal) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_SURVIVED)
			printf("   It ran without a fault: this CPU let user"
			       " mode read %s.  That should never happen.\n",
			       cpu_arch.ctl_name[0]);
		else if (WIFEXITED(status))
			printf("   It exited with status %d before trying"
			       " (could not set up its signal handler).\n",
			       WEXITSTATUS(status));
		else
			printf("   It died of signal %d (%s), not %s.\n",
			       WTERMSIG(status), strsignal(WTERMSIG(status)),
			       sig);
		return false;
	}
	printf("   The child was killed by signal %d (%s).\n",
	       cpu_arch.fault_signal, sig);
	cpu_arch.explain_fault(f, *have_fault);
	return true;
}

static void print_bits(const char *reg, unsigned long long v,
		       const struct cpu_bit *bits)
{
	printf("   %s = 0x%016llx\n", reg, v);
	for (; bits->name; bits++)
		printf("     %-5s %-3s  %s\n", bits->name,
		       v >> bits->nr & 1 ? "on" : "off", bits->what);
}

/* Step 3.  Returns true if the trap ran at the kernel's level. */
static bool step_trap(void)
{
	const char *lvl = cpu_arch.level_name;
	struct lde_cpl c;
	int fd;

	printf("\n3. The cpl trap (LDE_IOC_CPL) runs the same read in the"
	       " kernel for us.\n");
	fd = lde_open();
	if (fd < 0) {
		int err = errno;

		printf("   It cannot: /dev/lde did not open (see below).\n");
		fflush(stdout);
		lde_perror(err);
		return false;
	}
	memset(&c, 0, sizeof(c));
	if (ioctl(fd, LDE_IOC_CPL, &c)) {
		printf("   It failed: %s.\n", strerror(errno));
		close(fd);
		return false;
	}
	close(fd);
	if (c.arch != cpu_arch.lde_arch) {
		printf("   lde.ko answered for another architecture (%u): it"
		       " is not this CPU's module.\n", c.arch);
		return false;
	}
	if (!cpu_arch.in_kernel(c.level)) {
		printf("   The handler ran at %s %u, not the kernel's level:"
		       " lde.ko is broken.\n", lvl, c.level);
		return false;
	}
	printf("   The handler ran at %s %u (%s), where reading %s is"
	       " allowed:\n", lvl, c.level, cpu_arch.kernel_level_is,
	       cpu_arch.ctl_name[0]);
	print_bits(cpu_arch.ctl_name[0], c.ctl[0], cpu_arch.ctl_bits[0]);
	print_bits(cpu_arch.ctl_name[1], c.ctl[1], cpu_arch.ctl_bits[1]);
	printf("\n   Same instruction, different privilege level.  The trap"
	       " is the controlled\n   way in: the kernel, not the caller,"
	       " decides what runs in kernel mode.\n");
	return true;
}

static void usage(FILE *f)
{
	fputs("usage: lde demo privileged\n"
	      "       lde demo coop [options]\n"
	      "\n"
	      "privileged  run a privileged instruction in user mode (the CPU"
	      " refuses),\n"
	      "            then through lde's cpl trap (the kernel may)\n"
	      "coop        a guest that never traps keeps the CPU under"
	      " cooperative\n"
	      "            scheduling until the watchdog fires; a timer takes"
	      " it back\n"
	      "            (lde demo coop --help)\n", f);
}

static int demo_privileged(void)
{
	struct cpu_fault f = { 0 };
	bool faulted, trapped, have_fault = false;

	faulted = step_fault(&f, &have_fault);
	cpu_arch.own_level(&f, have_fault);	/* step 2 */
	trapped = step_trap();
	if (faulted && trapped)
		return 0;
	fflush(stdout);
	if (!faulted)
		fprintf(stderr, "lde demo: step 1 did not end in %s, see"
			" above\n", strsignal(cpu_arch.fault_signal));
	else
		fprintf(stderr, "lde demo: step 3 could not run the cpl trap"
			" in kernel mode\n");
	return EXIT_FAIL;
}

int cmd_demo(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "coop"))
		return demo_coop(argc - 1, argv + 1);
	if (argc == 2 && !strcmp(argv[1], "privileged"))
		return demo_privileged();
	if (argc == 2 && (!strcmp(argv[1], "--help") ||
			  !strcmp(argv[1], "-?"))) {
		usage(stdout);
		return 0;
	}
	usage(stderr);
	return EXIT_USAGE;
}

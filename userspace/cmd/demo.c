// SPDX-License-Identifier: GPL-2.0
/*
 * demo.c - "lde demo privileged": the limit in limited direct execution.
 * (The other demo, "lde demo coop", is in demo_coop.c.)
 *
 * A process runs directly on the CPU, yet cannot take the machine over:
 * the CPU itself refuses privileged instructions in user mode.  This demo
 *
 *  1. forks a child that runs "mov %cr0, %rax" in user mode.  The CPU
 *     raises a general protection fault (#GP, vector 13), the kernel turns
 *     it into SIGSEGV, and the child dies.  A one-shot signal handler in
 *     the child reports the vector the kernel saw before it dies;
 *  2. reads this process's own privilege level from %cs (CPL 3);
 *  3. asks lde's cpl trap to do the same read in the kernel, at CPL 0,
 *     where it is allowed, and decodes CR0 and CR4.
 *
 *	$ sudo insmod module/lde.ko
 *	$ lde demo privileged
 *
 * Exit status 0 only if the child died of SIGSEGV and the trap ran at
 * CPL 0.  Without /dev/lde, steps 1 and 2 still run, then it exits 1.
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

#include "cmd/cmd.h"
#include "dev/device.h"

#define X86_TRAP_GP	13	/* the vector the kernel reports for #GP */
#define CHILD_NO_SETUP	10	/* exit codes of a child that did not die */
#define CHILD_SURVIVED	11

/* What the child's SIGSEGV handler saw, sent to the parent over a pipe. */
struct fault {
	int si_code;
	long long trapno;	/* exception vector, from the kernel */
	long long err;		/* the exception's error code */
	unsigned long long rip;
};

struct bit {
	unsigned int nr;
	const char *name;
	const char *what;
};

static const struct bit cr0_bits[] = {
	{ 0,  "PE", "protected mode: privilege levels exist at all" },
	{ 16, "WP", "write protect: even the kernel obeys read-only pages" },
	{ 31, "PG", "paging: every address goes through page tables" },
	{ 0, NULL, NULL },
};

static const struct bit cr4_bits[] = {
	{ 2,  "TSD",  "rdtsc is privileged (off: lde trap may time with it)" },
	{ 5,  "PAE",  "page table entries are 64 bits wide" },
	{ 7,  "PGE",  "global pages: kernel TLB entries survive a CR3 switch" },
	{ 11, "UMIP", "user mode may not even read sgdt/sidt/smsw/..." },
	{ 12, "LA57", "5-level page tables" },
	{ 20, "SMEP", "the kernel refuses to execute user pages" },
	{ 21, "SMAP", "the kernel touches user pages only when it says so" },
	{ 0, NULL, NULL },
};

/*
 * A signal handler gets no argument of ours, so the pipe it writes to has
 * to be global.  Only the forked child sets and uses it.
 */
static int fault_fd = -1;

static void on_segv(int sig, siginfo_t *si, void *ucv)
{
	const ucontext_t *uc = ucv;
	struct fault f = {
		.si_code = si->si_code,
		.trapno = uc->uc_mcontext.gregs[REG_TRAPNO],
		.err = uc->uc_mcontext.gregs[REG_ERR],
		.rip = (unsigned long long)uc->uc_mcontext.gregs[REG_RIP],
	};
	ssize_t n;

	(void)sig;		/* SIGSEGV: the only signal we handle */
	/* write() is async-signal-safe; if it fails, the parent sees less. */
	n = write(fault_fd, &f, sizeof(f));
	(void)n;
	/*
	 * SA_RESETHAND has put back the default action.  Returning re-runs
	 * the instruction, which faults again and now kills us: the parent
	 * sees a real death by SIGSEGV, not an exit we made up.
	 */
}

static void __attribute__((noreturn)) child(int wfd)
{
	struct sigaction sa;
	struct rlimit no_core = { 0, 0 };
	unsigned long cr0;

	/* The death is the point of the demo: leave no core file behind. */
	if (setrlimit(RLIMIT_CORE, &no_core) || prctl(PR_SET_DUMPABLE, 0))
		_exit(CHILD_NO_SETUP);
	fault_fd = wfd;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, NULL))
		_exit(CHILD_NO_SETUP);

	/* "=a": the register is %rax, as step 1 says. */
	asm volatile("mov %%cr0, %0" : "=a"(cr0));

	/* Only reached if the CPU let a CPL 3 program read CR0. */
	(void)cr0;
	_exit(CHILD_SURVIVED);
}

/* Fork the child, wait for it, collect its fault report.  0 or -1. */
static int run_child(int *status, struct fault *f, bool *have_fault)
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

static const char *vector_name(long long v)
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

/* Step 1.  Returns true if the child died of SIGSEGV. */
static bool step_fault(void)
{
	struct fault f;
	bool have_fault;
	int status;

	printf("1. A child process runs \"mov %%cr0, %%rax\" in user mode.\n");
	if (run_child(&status, &f, &have_fault))
		return false;
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGSEGV) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_SURVIVED)
			printf("   It ran without a fault: this CPU let CPL 3"
			       " read CR0.  That should never happen.\n");
		else if (WIFEXITED(status))
			printf("   It exited with status %d before trying"
			       " (could not set up its signal handler).\n",
			       WEXITSTATUS(status));
		else
			printf("   It died of signal %d (%s), not SIGSEGV.\n",
			       WTERMSIG(status), strsignal(WTERMSIG(status)));
		return false;
	}
	printf("   The child was killed by SIGSEGV.\n");
	if (have_fault)
		printf("   Its handler saw vector %lld (%s), error code"
		       " %lld,\n   at rip 0x%llx, si_code %s.\n", f.trapno,
		       vector_name(f.trapno), f.err, f.rip,
		       f.si_code == SI_KERNEL ? "SI_KERNEL (a CPU exception,"
		       "\n   not a bad address)" : "other");
	printf("\n   What happened: before running the instruction, the CPU"
	       " compared the\n   current privilege level, CPL 3 (user mode),"
	       " with what reading CR0\n   requires, CPL 0.  The check failed,"
	       " so instead of running it the CPU\n   raised a general"
	       " protection fault (#GP) and entered the kernel through\n"
	       "   the #GP gate of its interrupt descriptor table.  The kernel"
	       " saw that the\n   fault came from user mode and sent the process"
	       " SIGSEGV; by default\n   that kills it.\n");
	if (have_fault && f.trapno != X86_TRAP_GP)
		printf("   (Vector %lld is not #GP: unusual, but the"
		       " instruction was still refused.)\n", f.trapno);
	return true;
}

/* Step 2: the low two bits of the %cs selector are the CPL. */
static void step_cs(void)
{
	unsigned int cs;

	asm volatile("mov %%cs, %0" : "=r"(cs));
	cs &= 0xffff;
	printf("\n2. This process reads its own %%cs: selector 0x%x,\n"
	       "   CPL = 0x%x & 3 = %u (%s).\n", cs, cs, cs & 3,
	       (cs & 3) == 3 ? "user mode" : "not user mode?!");
}

static void print_bits(const char *reg, unsigned long long v,
		       const struct bit *bits)
{
	printf("   %s = 0x%016llx\n", reg, v);
	for (; bits->name; bits++)
		printf("     %-5s %-3s  %s\n", bits->name,
		       v >> bits->nr & 1 ? "on" : "off", bits->what);
}

/* Step 3.  Returns true if the trap ran at CPL 0. */
static bool step_trap(void)
{
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
	printf("   The handler ran at cpl = %u%s\n", c.cpl,
	       c.cpl == 0 ? " (kernel mode), where reading CR0 is allowed:" :
	       ", not 0: lde.ko is broken.");
	if (c.cpl)
		return false;
	print_bits("CR0", c.cr0, cr0_bits);
	print_bits("CR4", c.cr4, cr4_bits);
	printf("\n   Same instruction, different privilege level.  The trap"
	       " is the controlled\n   way in: the kernel, not the caller,"
	       " decides what runs at CPL 0.\n");
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
	bool faulted, trapped;

	faulted = step_fault();
	step_cs();
	trapped = step_trap();
	if (faulted && trapped)
		return 0;
	fflush(stdout);
	fprintf(stderr, "lde demo: %s\n", !faulted ?
		"step 1 did not end in SIGSEGV, see above" :
		"step 3 could not run the cpl trap at CPL 0");
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

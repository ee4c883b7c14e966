/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * lde.h - the one contract between lde.ko and user space.
 *
 * lde ("limited direct execution") exposes a syscall-like trap interface on
 * the character device /dev/lde.  A trap is an ioctl() whose command word
 * carries the trap number, the way %rax carries a syscall number:
 *
 *	ret = ioctl(fd, LDE_IOC_<TRAP>, arg);
 *
 *   - _IOC_NR(cmd) is the trap number.  It indexes the module's trap table,
 *     which is filled in once when the module loads and is read-only after
 *     that, like an interrupt descriptor table after boot.
 *   - The one argument travels in a register (the ioctl argument).  Traps
 *     that need more than one word take a pointer to a struct below; every
 *     struct has explicit sizes, only __u32/__u64 members, and pointers
 *     carried as __u64.
 *   - The return value is the trap's result; errors come back as -1/errno.
 *
 * Errors, the same for every trap:
 *   ENOSYS   _IOC_TYPE(cmd) is LDE_IOC_MAGIC but no trap has that number.
 *   ENOTTY   any other command, including a known trap number whose
 *            direction or size bits do not match the command below.
 *   EFAULT   a pointer that user space cannot access (kernel addresses too).
 *   EINVAL   a size above its limit, or non-zero flags, padding or unused
 *            argument.
 *   EACCES   from open(): the node is root-only (mode 0600) unless the
 *            module was loaded with group=GID, which makes it 0660 root:GID.
 *
 * Discovery: LDE_IOC_INFO returns LDE_ABI_VERSION, the number of trap slots
 * and each trap's name, so tools need not hard-code what a module offers.
 *
 * Names: every enum below that has names (traps, workloads, engines,
 * policies, switch reasons, end reasons, modes) writes them once, in a list
 * next to the enum, the way the headers of include/trace/events/ do:
 *
 *	#define LDE_ENGINES(EM, EMe)			\
 *		EM(LDE_ENGINE_LDE,	"lde")		\
 *		EMe(LDE_ENGINE_LINUX,	"linux")
 *
 * A user of a list defines what one entry becomes and expands it: an
 * array of names indexed by the enum (the module's sysfs files, the CLI,
 * the selftests), with LDE_NAME below,
 *
 *	static const char *const engines[] = { LDE_ENGINES(LDE_NAME, LDE_NAME) };
 *
 * or the tracepoints' __print_symbolic() (EMe is the last entry, without
 * a trailing comma).
 *
 * Counters: every dispatched trap is counted per CPU; the sums are in
 * /sys/class/lde/lde/traps/<name>, one decimal number per file.
 *
 * The mini scheduler (traps sched_start, sched_stop, sched_result): an
 * experiment runs guests, kernel threads of lde's own, on one lab CPU
 * under a policy (cooperative or round robin) and a switch engine (lde's
 * assembly switch or Linux's).  It belongs to the module, not to the file
 * that started it: sched_start returns at once, sched_result waits for the
 * end and copies the figures out, sched_stop ends it early, and rmmod ends
 * it too, and so does taking the lab CPU offline (CPU hotplug, suspend).
 * One experiment per lab CPU; starting one needs CAP_SYS_ADMIN.
 * sched_start returns the experiment's id (> 0), which sched_result can
 * ask for by name, so that a result is never a newer experiment's.
 * Errors besides the ones above:
 *   EPERM    sched_start without CAP_SYS_ADMIN.
 *   EBUSY    sched_start on a CPU whose experiment is still running.
 *   EINVAL   a bad configuration: see struct lde_sched_config.  Nothing
 *            is changed, and a finished experiment's results stay.
 *   ENOENT   sched_result or sched_stop on a CPU that has no experiment,
 *            or sched_result for an id whose experiment a newer one on
 *            that CPU has replaced.
 *   EAGAIN   sched_result without LDE_SCHED_WAIT while it still runs.
 *   EINTR    a signal arrived while sched_result waited (a handler
 *            installed with SA_RESTART restarts the wait instead).
 */
#ifndef _UAPI_LDE_H
#define _UAPI_LDE_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define LDE_ABI_VERSION		3	/* 3: floor; 2: ids, end "offline" */
#define LDE_DEVICE_PATH		"/dev/lde"
#define LDE_SYSFS_TRAPS		"/sys/class/lde/lde/traps"

/* One entry of a list below as an element of an array indexed by the enum. */
#define LDE_NAME(sym, name) \
	[sym] = name,

/* Free in Documentation/userspace-api/ioctl/ioctl-number.rst (Linux 6.1). */
#define LDE_IOC_MAGIC		0xB8

/* Trap numbers: _IOC_NR() of the commands below.  Never renumbered. */
enum lde_trap_nr {
	LDE_TRAP_NULL	= 0,	/* arg must be 0; returns 0: the floor */
	LDE_TRAP_GETPID	= 1,	/* arg must be 0; returns the caller's tgid */
	LDE_TRAP_CLOCK	= 2,	/* arg: __u64 *; stores CLOCK_MONOTONIC ns */
	LDE_TRAP_ECHO	= 3,	/* arg: struct lde_echo *; returns len */
	LDE_TRAP_CPL	= 4,	/* arg: struct lde_cpl *; returns 0 */
	LDE_TRAP_INFO	= 5,	/* arg: struct lde_info *; returns 0 */
	/* arg: struct lde_sched_config *; returns the experiment's id */
	LDE_TRAP_SCHED_START	= 6,
	LDE_TRAP_SCHED_STOP	= 7,	/* arg: the lab CPU; returns 0 */
	LDE_TRAP_SCHED_RESULT	= 8,	/* arg: struct lde_sched_result * */
	LDE_TRAP_FLOOR		= 9,	/* arg: struct lde_floor *; returns 0 */
};

/* The traps' names: LDE_IOC_INFO's and the sysfs counters' (null, ...). */
#define LDE_TRAPS(EM, EMe)						\
	EM(LDE_TRAP_NULL,		"null")				\
	EM(LDE_TRAP_GETPID,		"getpid")			\
	EM(LDE_TRAP_CLOCK,		"clock")			\
	EM(LDE_TRAP_ECHO,		"echo")				\
	EM(LDE_TRAP_CPL,		"cpl")				\
	EM(LDE_TRAP_INFO,		"info")				\
	EM(LDE_TRAP_SCHED_START,	"sched_start")			\
	EM(LDE_TRAP_SCHED_STOP,		"sched_stop")			\
	EM(LDE_TRAP_SCHED_RESULT,	"sched_result")			\
	EMe(LDE_TRAP_FLOOR,		"floor")

/*
 * LDE_TRAP_ECHO copies len bytes from src into the kernel and back out to
 * dst, to show what crossing the boundary costs by size.  len may be 0 and
 * at most LDE_ECHO_MAX; flags must be 0.
 */
#define LDE_ECHO_MAX		(64 * 1024)

struct lde_echo {
	__u64 src;		/* user pointer, len bytes readable */
	__u64 dst;		/* user pointer, len bytes writable */
	__u32 len;
	__u32 flags;		/* must be 0 */
};

/*
 * LDE_TRAP_CPL reports the privilege level its handler ran at and two
 * control registers that only that level can read.  The same read from
 * user mode is refused by the CPU: #GP on x86-64, an undefined
 * instruction on arm64 (lde demo privileged).  What the fields hold
 * depends on the architecture, which arch names:
 *
 *            x86-64 (LDE_ARCH_X86_64)        arm64 (LDE_ARCH_ARM64)
 *   level    CPL, the low two bits of %cs:   the exception level, from
 *            0 in the kernel, 3 in user      CurrentEL: 1 in the kernel,
 *            mode                            0 in user mode
 *   ctl[0]   CR0                             SCTLR_EL1 (system control)
 *   ctl[1]   CR4                             TCR_EL1 (translation control)
 *
 * arch took the place of ABI 1's pad, which was written as 0, and x86-64
 * is 0: on x86-64 the struct reads as it always did (cpl, cr0, cr4).
 */
#define LDE_ARCH_X86_64		0
#define LDE_ARCH_ARM64		1

struct lde_cpl {
	__u32 level;
	__u32 arch;		/* LDE_ARCH_*: how to read the rest */
	__u64 ctl[2];
};

/*
 * LDE_TRAP_INFO.  nr_traps is the number of trap slots (highest trap number
 * + 1).  If names is non-zero it points to names_size bytes; the kernel
 * fills min(nr_traps, names_size / LDE_TRAP_NAME_LEN) slots of
 * LDE_TRAP_NAME_LEN bytes, slot i holding trap i's NUL-padded name (empty
 * for an unused number).  flags must be 0.
 */
#define LDE_TRAP_NAME_LEN	16

struct lde_info {
	__u32 abi_version;	/* out */
	__u32 nr_traps;		/* out */
	__u64 names;		/* in: user pointer or 0 */
	__u32 names_size;	/* in: bytes at names */
	__u32 flags;		/* in: must be 0 */
};

/* ---- The mini scheduler ------------------------------------------------ */

/* What a guest runs: its "user program" (module/guest.c). */
enum lde_workload {
	LDE_WL_SPIN	= 0,	/* compute forever, never trap */
	LDE_WL_YIELD	= 1,	/* compute iters, trap to yield, repeat */
	LDE_WL_SLEEP	= 2,	/* compute iters, sleep sleep_ns (like I/O) */
	LDE_WL_REGS	= 3,	/* fill every GPR and the flags, check forever */
	LDE_WL_EXIT	= 4,	/* compute iters, then exit */
	LDE_NR_WORKLOADS
};

#define LDE_WORKLOADS(EM, EMe)						\
	EM(LDE_WL_SPIN,		"spin")					\
	EM(LDE_WL_YIELD,	"yield")				\
	EM(LDE_WL_SLEEP,	"sleep")				\
	EM(LDE_WL_REGS,		"regs")					\
	EMe(LDE_WL_EXIT,	"exit")

/* Who does the context switch: the policy code is the same for both. */
enum lde_engine {
	LDE_ENGINE_LDE	 = 0,	/* lde's swtch (module/switch.S), one kthread */
	LDE_ENGINE_LINUX = 1,	/* a kthread per guest; Linux's switch_to */
	LDE_NR_ENGINES
};

#define LDE_ENGINES(EM, EMe)						\
	EM(LDE_ENGINE_LDE,	"lde")					\
	EMe(LDE_ENGINE_LINUX,	"linux")

/* When the CPU changes hands. */
enum lde_policy {
	LDE_POLICY_COOP	= 0,	/* only when a guest traps */
	LDE_POLICY_RR	= 1,	/* also every quantum, by timer interrupt */
	LDE_NR_POLICIES
};

#define LDE_POLICIES(EM, EMe)						\
	EM(LDE_POLICY_COOP,	"coop")					\
	EMe(LDE_POLICY_RR,	"rr")

#define LDE_SCHED_MAX_GUESTS	1024
#define LDE_SCHED_MAX_GROUPS	8
#define LDE_SCHED_MIN_QUANTUM_NS	10000ULL	/* 10 us */
#define LDE_SCHED_MAX_QUANTUM_NS	1000000000ULL	/* 1 s */
#define LDE_SCHED_MIN_WATCHDOG_NS	10000000ULL	/* 10 ms */
#define LDE_SCHED_MAX_WATCHDOG_NS	10000000000ULL	/* 10 s */
#define LDE_SCHED_DEFAULT_WATCHDOG_NS	2000000000ULL	/* 2 s */
#define LDE_SCHED_MIN_DURATION_NS	1000000ULL	/* 1 ms */
#define LDE_SCHED_MAX_DURATION_NS	10000000000ULL	/* 10 s */
#define LDE_SCHED_DEFAULT_RING		65536		/* events */
#define LDE_SCHED_MAX_RING		1048576
#define LDE_SCHED_DEFAULT_ITERS		10000
#define LDE_SCHED_MAX_SLEEP_NS		1000000000ULL	/* 1 s */
/*
 * lde engine: each guest's stack, the size of a kernel thread's on
 * x86-64.  Guard pages below it catch an overflow, as a double fault:
 * the guest programs use a small part (stack_max), and what runs on a
 * guest's stack besides (interrupt entry, a kprobe's handler, a BPF
 * program) is what Linux allows on any kernel thread's.
 */
#define LDE_GUEST_STACK_BYTES		16384

/*
 * count guests run workload.  iters: the work between two traps (yield,
 * sleep) or before exiting (exit); 0 means LDE_SCHED_DEFAULT_ITERS; spin
 * and regs must have 0.  sleep_ns: sleep only, 1 us .. LDE_SCHED_MAX_SLEEP_NS;
 * 0 for the others.
 */
struct lde_sched_group {
	__u32 workload;		/* enum lde_workload */
	__u32 count;		/* >= 1 */
	__u64 iters;
	__u64 sleep_ns;
};

/*
 * LDE_TRAP_SCHED_START.  Every field is checked, and a bad one is EINVAL:
 * cpu online; engine, policy, workloads known; 1..LDE_SCHED_MAX_GUESTS
 * guests in 1..LDE_SCHED_MAX_GROUPS groups (unused groups all zero);
 * quantum in [MIN, MAX] for rr and smaller than the watchdog, 0 for coop;
 * watchdog 0 (default) or in [MIN, MAX]; duration in [MIN, MAX]; ring 0
 * (default) or up to LDE_SCHED_MAX_RING; flags and pad 0.
 */
struct lde_sched_config {
	__u32 cpu;		/* the lab CPU */
	__u32 engine;		/* enum lde_engine */
	__u32 policy;		/* enum lde_policy */
	__u32 nr_groups;
	__u64 quantum_ns;	/* rr: the timer's period */
	__u64 watchdog_ns;	/* a guest running longer is a hog */
	__u64 duration_ns;	/* the experiment ends after this */
	__u32 ring_events;	/* events kept for exact percentiles */
	__u32 flags;		/* must be 0 */
	struct lde_sched_group groups[LDE_SCHED_MAX_GROUPS];
};

/* Why the CPU changed hands: index of lde_sched_summary.switches[]. */
enum lde_switch_reason {
	LDE_SW_YIELD	= 0,	/* the guest trapped to yield */
	LDE_SW_TIMER	= 1,	/* the quantum timer took the CPU back */
	LDE_SW_SLEEP	= 2,	/* the guest trapped to sleep */
	LDE_SW_EXIT	= 3,	/* the guest trapped to exit */
	LDE_SW_WATCHDOG	= 4,	/* the watchdog took the CPU from a hog */
	LDE_SW_HOST	= 5,	/* to the host: the end, or Linux's turn */
	LDE_NR_SWITCH_REASONS
};

/* As lde:guest_switch prints them, and lde sched's table. */
#define LDE_SWITCH_REASONS(EM, EMe)					\
	EM(LDE_SW_YIELD,	"yield")				\
	EM(LDE_SW_TIMER,	"timer")				\
	EM(LDE_SW_SLEEP,	"sleep")				\
	EM(LDE_SW_EXIT,		"exit")					\
	EM(LDE_SW_WATCHDOG,	"watchdog")				\
	EMe(LDE_SW_HOST,	"host")

/* How an experiment ended. */
enum lde_sched_end {
	LDE_END_NONE	 = 0,	/* still running */
	LDE_END_DURATION = 1,	/* duration_ns passed */
	LDE_END_EXITED	 = 2,	/* every guest exited */
	LDE_END_WATCHDOG = 3,	/* a guest hogged the CPU: see hog_* */
	LDE_END_STOPPED	 = 4,	/* sched_stop */
	LDE_END_UNLOAD	 = 5,	/* rmmod */
	LDE_END_OFFLINE	 = 6,	/* the lab CPU went offline: hotplug, suspend */
	LDE_NR_ENDS
};

#define LDE_ENDS(EM, EMe)						\
	EM(LDE_END_NONE,	"running")				\
	EM(LDE_END_DURATION,	"duration")				\
	EM(LDE_END_EXITED,	"exited")				\
	EM(LDE_END_WATCHDOG,	"watchdog")				\
	EM(LDE_END_STOPPED,	"stopped")				\
	EM(LDE_END_UNLOAD,	"unload")				\
	EMe(LDE_END_OFFLINE,	"offline")

/* Where a timer interrupt found the lab CPU. */
enum lde_mode {
	LDE_MODE_HOST	= 0,	/* the host thread: idle, start or end */
	LDE_MODE_KERNEL	= 1,	/* lde's mini-kernel: a trap or a switch */
	LDE_MODE_GUEST	= 2,	/* a guest's own code */
	LDE_NR_MODES		/* the size of lde_sched_summary.ticks_in[] */
};

/* As lde:timer_tick prints them ("found="). */
#define LDE_MODES(EM, EMe)						\
	EM(LDE_MODE_HOST,	"host")					\
	EM(LDE_MODE_KERNEL,	"kernel")				\
	EMe(LDE_MODE_GUEST,	"guest")

#define LDE_SCHED_HOST		0xffffffffU	/* prev/next: the host */
#define LDE_SCHED_NO_GUEST	0xffffffffU	/* hog_guest: none */
#define LDE_SCHED_HIST_BUCKETS	40

/*
 * A distribution of ns figures.  hist[0] counts [0, 1) ns, hist[b] counts
 * [2^(b-1), 2^b) ns; the last bucket also holds everything above.
 */
struct lde_sched_dist {
	__u64 count;
	__u64 sum_ns;
	__u64 min_ns;
	__u64 max_ns;
	__u64 hist[LDE_SCHED_HIST_BUCKETS];
};

/*
 * The figures of one experiment.  ppm figures are parts per million
 * (1000000 = 1.0).
 */
struct lde_sched_summary {
	__u32 state;		/* 0 running, 1 done */
	__u32 end;		/* enum lde_sched_end */
	__u32 nr_guests;
	__u32 hog_guest;	/* the guest the watchdog caught, or NO_GUEST */
	__u64 hog_ns;		/* how long it had run without trapping */
	__u64 elapsed_ns;	/* the host thread's start to the end */
	__u64 switches[LDE_NR_SWITCH_REASONS];
	__u64 ticks;		/* quantum timer interrupts */
	__u64 ticks_in[LDE_NR_MODES];	/* ... by the lde_mode they found */
	__u64 ticks_deferred;	/* found a trap: switched on its return */
	__u64 corruptions;	/* register corruptions seen by regs guests */
	__u64 slices;		/* guest runs begun and ended by the timer */
	__u64 slice_ns;		/* their total length */
	__u64 slice_err_ns;	/* sum of |length - quantum| */
	__u64 jain_ppm;		/* Jain's fairness index of guest CPU time */
	__u64 guest_iters;	/* work done by spin guests ... */
	__u64 guest_ns;		/* ... in this much of their CPU time */
	__u64 host_iters;	/* the same loop in the plain host kthread */
	__u64 host_ns;
	__u64 direct_ppm;	/* (guest_iters/guest_ns)/(host_iters/host_ns) */
	__u64 events;		/* events recorded in the ring */
	__u64 events_lost;	/* events that did not fit */
	__u64 stack_max;	/* lde engine: the most stack a guest used */
	struct lde_sched_dist switch_cost;	/* leaving A to running B */
	struct lde_sched_dist timer_late;	/* timer expiry to handler */
	struct lde_sched_dist timer_to_guest;	/* expiry to the next guest */
	struct lde_sched_dist handler_to_guest;	/* handler to the next guest */
};

/*
 * The distributions of struct lde_sched_summary, by member, with the names
 * user space shows them under.  For a timer switch, timer_to_guest is
 * timer_late (the interrupt's lateness, the hardware's and Linux's part)
 * plus handler_to_guest (lde's own path: the handler, the trampoline, the
 * switch, up to the next guest's first instruction), both read from one
 * clock, so that no handler_to_guest is above its timer_to_guest.
 */
#define LDE_SCHED_DISTS(EM, EMe)					\
	EM(switch_cost,		"switch cost")				\
	EM(timer_late,		"timer lateness")			\
	EM(timer_to_guest,	"timer to guest")			\
	EMe(handler_to_guest,	"handler to guest")

/* One guest's figures. */
struct lde_sched_guest {
	__u32 workload;
	__u32 exited;		/* 1 if it trapped to exit */
	__u64 cpu_ns;		/* time on the CPU, in guest and mini-kernel */
	__u64 runs;		/* times it was switched in */
	__u64 iters;		/* work done: loop iterations */
	__u64 preempted;	/* times the timer took the CPU from it */
	__u64 corruptions;	/* regs guests: registers found changed */
};

enum lde_event_type {
	LDE_EV_SWITCH	= 0,	/* value: switch cost; latency: see below */
	LDE_EV_TICK	= 1,	/* value: lateness; reason: enum lde_mode */
};

/*
 * One event of the ring, in time order.  A switch's latency_ns is, for a
 * timer switch, the time from the timer's expiry to the first instruction
 * of the next guest, and 0 otherwise.
 */
struct lde_sched_event {
	__u64 time_ns;		/* since the experiment began */
	__u16 type;		/* enum lde_event_type */
	__u16 reason;		/* switch: enum lde_switch_reason */
	__u32 prev;		/* switch: guest index or LDE_SCHED_HOST */
	__u32 next;
	__u32 value_ns;
	__u32 latency_ns;
	__u32 pad;
};

#define LDE_SCHED_WAIT		1U	/* sched_result: wait for the end */

/*
 * LDE_TRAP_SCHED_RESULT: the figures of the experiment on cpu, the last
 * one if it has ended; with a non-zero id, that experiment's or ENOENT.
 * guests (if non-zero) receives up to
 * guests_size / sizeof(struct lde_sched_guest) entries, events (if
 * non-zero) up to events_size / sizeof(struct lde_sched_event); the
 * counts copied come back in nr_guests_out and nr_events_out.
 */
struct lde_sched_result {
	__u32 cpu;		/* in */
	__u32 flags;		/* in: 0 or LDE_SCHED_WAIT */
	__u64 guests;		/* in: user pointer or 0 */
	__u64 events;		/* in: user pointer or 0 */
	__u32 guests_size;	/* in: bytes at guests */
	__u32 events_size;	/* in: bytes at events */
	__u32 nr_guests_out;	/* out */
	__u32 nr_events_out;	/* out */
	__u32 id;		/* in: 0 (the last) or sched_start's id; out */
	__u32 pad;		/* must be 0 */
	struct lde_sched_summary summary;	/* out */
};

/*
 * LDE_TRAP_FLOOR: the floor of a switch.  On the lab CPU, two contexts
 * (the caller's and one on a stack of its own, as a guest's) swap with
 * lde_swtch() and nothing else: no policy, no accounting, no ring, no
 * tracepoint.  lde's full switch (lde_sched_summary.switch_cost) is that
 * swap plus all of those, so their ratio says what the rest costs.
 *
 * Timing one swap alone would add a clock read as costly as the swap, so
 * the swaps are timed in batches: batches times, batch swaps (there and
 * back, batch / 2 times) between two clock reads, interrupts off.  Right
 * before each batch two back-to-back reads of the same clock (the one
 * switch_cost is read with) time the clock itself.  One batch is one
 * sample: batch_ns, all of it, and clock_ns.  Its swap time is
 * (batch_ns - clock_ns) / batch, the batch without the clock read it
 * contains; the distribution swap holds that, in ns per swap, one value
 * per batch, and clock one clock_ns per batch.
 *
 * cpu must be online and below the number of CPUs; batches in
 * 1..LDE_FLOOR_MAX_BATCHES; batch even, in 2..LDE_FLOOR_MAX_BATCH;
 * batches * batch at most LDE_FLOOR_MAX_SWAPS; samples 0 with
 * samples_size 0, or a user pointer that receives up to
 * samples_size / sizeof(struct lde_floor_sample) samples, in order
 * (nr_samples_out says how many); flags 0.  Anything else is
 * EINVAL, before anything runs.  Needs CAP_SYS_ADMIN (EPERM): it keeps
 * the lab CPU's interrupts off for a batch at a time, for up to about a
 * second under emulation.
 */
#define LDE_FLOOR_MAX_BATCHES	65536
#define LDE_FLOOR_MAX_BATCH	1024
#define LDE_FLOOR_MAX_SWAPS	16777216
#define LDE_FLOOR_DEFAULT_BATCHES	4096
#define LDE_FLOOR_DEFAULT_BATCH		64

struct lde_floor_sample {
	__u32 batch_ns;		/* batch swaps and one clock read */
	__u32 clock_ns;		/* two back-to-back clock reads */
};

struct lde_floor {
	__u32 cpu;		/* in: the lab CPU */
	__u32 batches;		/* in: samples to take */
	__u32 batch;		/* in: swaps per sample, even */
	__u32 flags;		/* in: must be 0 */
	__u64 samples;		/* in: user pointer or 0 */
	__u32 samples_size;	/* in: bytes at samples */
	__u32 nr_samples_out;	/* out */
	__u64 swaps;		/* out: batches * batch, all done */
	struct lde_sched_dist swap;	/* out: ns per swap, per batch */
	struct lde_sched_dist clock;	/* out: the clock's own, per batch */
};

#define LDE_IOC_NULL	_IO(LDE_IOC_MAGIC, LDE_TRAP_NULL)
#define LDE_IOC_GETPID	_IO(LDE_IOC_MAGIC, LDE_TRAP_GETPID)
#define LDE_IOC_CLOCK	_IOR(LDE_IOC_MAGIC, LDE_TRAP_CLOCK, __u64)
#define LDE_IOC_ECHO	_IOW(LDE_IOC_MAGIC, LDE_TRAP_ECHO, struct lde_echo)
#define LDE_IOC_CPL	_IOR(LDE_IOC_MAGIC, LDE_TRAP_CPL, struct lde_cpl)
#define LDE_IOC_INFO	_IOWR(LDE_IOC_MAGIC, LDE_TRAP_INFO, struct lde_info)
#define LDE_IOC_SCHED_START \
	_IOW(LDE_IOC_MAGIC, LDE_TRAP_SCHED_START, struct lde_sched_config)
#define LDE_IOC_SCHED_STOP	_IO(LDE_IOC_MAGIC, LDE_TRAP_SCHED_STOP)
#define LDE_IOC_SCHED_RESULT \
	_IOWR(LDE_IOC_MAGIC, LDE_TRAP_SCHED_RESULT, struct lde_sched_result)
#define LDE_IOC_FLOOR	_IOWR(LDE_IOC_MAGIC, LDE_TRAP_FLOOR, struct lde_floor)

#endif /* _UAPI_LDE_H */

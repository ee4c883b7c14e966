/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sched.h - the mini scheduler's lab: one experiment on one lab CPU.
 *
 * Who touches what.  Everything in struct lde_lab below "lab CPU only" is
 * read and written only on the lab CPU, by the host thread, the guests
 * and the two hrtimers, always with interrupts off (the timers run in
 * hard-IRQ context and so cannot interrupt each other or the scheduler).
 * That is the whole locking story: one CPU, interrupts off.  Other CPUs
 * read the figures only once the experiment is done (experiment.c).
 *
 * Switch-live code.  ftrace's function_graph tracer and kretprobes keep,
 * per Linux task, a stack of the return addresses they replaced, and
 * expect the task's calls to return in LIFO order.  The lde engine runs
 * every guest inside one task and switches between them in whatever
 * order the policy likes: a function still on guest A's stack when B
 * runs would return through B's entry.  So every function that stays on
 * a stack across a switch is marked notrace (no ftrace call site, so no
 * function(_graph) tracer, no fexit/fentry trampoline) and listed with
 * NOKPROBE_SYMBOL() (no kprobe, no kretprobe): the guests' loops, the
 * guests' traps, lde_schedule(), lde_switch(), the engine's switch_to,
 * lde_preempted() and the floor's two sides (floor.c).  Everything
 * else, the ioctls, the timers' handlers, the bookkeeping a switch calls
 * and returns from, stays traceable.  The linux engine needs no such care
 * (each guest is a task of its own), but it shares the policy code.
 *
 * Files:
 *   sched.c        the policy: run queue, pick, lde_schedule(), accounting
 *   gtrap.c        the guests' trap table: yield, sleep, exit
 *   timer.c        the quantum timer, the watchdog, and preemption
 *   engine_lde.c   switching with lde_swtch() (switch.S)
 *   engine_linux.c switching by waking and blocking Linux kthreads
 *   guest.c        the guest programs; guest_text.S, their own code
 *   experiment.c   starting, stopping and reporting experiments
 *   floor.c        the floor of a switch: lde_swtch() alone, timed
 * and, one folder per architecture, arch/<arch>/: switch.S, preempt.S,
 * guest_text.S, context.h and arch.h (contract.h says what they share).
 */
#ifndef _LDE_SCHED_H
#define _LDE_SCHED_H

#include <linux/completion.h>
#include <linux/hrtimer.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/sched.h>
#include "arch.h"
#include "contract.h"
#include "lde.h"

/* Guests' traps into the mini-kernel (gtrap.c). */
enum lde_gtrap_nr {
	LDE_GTRAP_YIELD,
	LDE_GTRAP_SLEEP,	/* arg: ns */
	LDE_GTRAP_EXIT,
	LDE_NR_GTRAPS
};

/*
 * linux engine: a preempt notifier on each of the lab's threads, the
 * guests' and the host's, sees Linux switch it in and out from inside
 * the scheduler (engine_linux.c).  The thread lde switches to finishes
 * that switch there, before anything can preempt it.  And when Linux
 * gives the lab CPU to another task while a guest is the one lde runs (a
 * kworker, under preempt=full), neither the guest's CPU time nor the
 * watchdog's count includes that time.
 */
struct lde_watch {
#ifdef CONFIG_PREEMPT_NOTIFIERS
	struct preempt_notifier pn;
#endif
};

/* lde engine: each guest's own stack (uapi/lde.h). */
#define LDE_GUEST_STACK_SIZE	LDE_GUEST_STACK_BYTES

/*
 * preempt_count() of a running guest, as the timer interrupt sees it
 * (hard IRQ included).  Without CONFIG_PREEMPT_COUNT, preempt_disable()
 * counts nothing (Debian's arm64 kernels, PREEMPT_VOLUNTARY): the count
 * is the hard IRQ's alone.  Such a kernel never preempts kernel code at
 * all, so the lde engine's host thread needs no count to stay where it
 * is.
 */
#define LDE_GUEST_IRQ_COUNT(engine)					\
	(HARDIRQ_OFFSET +						\
	 (IS_ENABLED(CONFIG_PREEMPT_COUNT) ? (engine)->guest_preempt_count : 0))

struct lde_lab;

/* A guest: xv6's struct proc, for a kernel-mode "user program". */
struct lde_guest {
	struct lde_context ctx;		/* lde engine: saved registers */
	struct lde_work work;		/* counters, regs patterns */
	struct list_head node;		/* on lab->runq or lab->sleepq */
	struct lde_lab *lab;
	u32 id;
	u32 workload;			/* enum lde_workload */
	u64 iters;			/* work between two traps */
	u64 sleep_ns;
	void *stack;			/* lde engine: LDE_GUEST_STACK_SIZE */
	void *stack_area;		/* what vmalloc gave, stack in it */
	struct task_struct *task;	/* linux engine */
	u64 wake_at;			/* sleeping: ktime ns */
	bool exited;
	bool timer_slice;		/* this run began with a timer switch */
	bool lent;			/* off the CPU only while Linux ran */
	u64 trap_at;			/* local_clock() of its last trap */
	u64 on_since;			/* local_clock() when switched in */
	u64 off_at;			/* linux engine: Linux ran another task */
	struct lde_watch watch;		/* linux engine: how it knows */
	/* Figures. */
	u64 cpu_ns;
	u64 runs;
	u64 preempted;
};

/*
 * The mechanism of a switch.  Both engines get the same calls from the
 * same policy code: prepare the guests, switch from prev to next (NULL is
 * the host thread) with interrupts off, and take the guests down.
 */
struct lde_engine_ops {
	const char *name;
	int (*prepare)(struct lde_lab *lab);
	void (*switch_to)(struct lde_lab *lab, struct lde_guest *prev,
			  struct lde_guest *next);
	void (*teardown)(struct lde_lab *lab);
	/* Optional: the host thread's own start and end, in that thread. */
	void (*host_enter)(struct lde_lab *lab);
	void (*host_leave)(struct lde_lab *lab);
	/* preempt_count() of a running guest: how timer.c recognises one. */
	unsigned int guest_preempt_count;
};

extern const struct lde_engine_ops lde_engine_lde;
extern const struct lde_engine_ops lde_engine_linux;
/*
 * engine_lde.c: a stack for lde_swtch() to run on, LDE_GUEST_STACK_SIZE
 * bytes aligned as the architecture asks, zeroed, with guard pages below.
 * Returns its lowest address, or NULL; *area is what to free.
 */
void *lde_stack_alloc(void **area);
void lde_stack_free(void *area);
/* engine_linux.c: before a linux-engine sched_start; at rmmod. */
void lde_watch_init(void);
void lde_watch_exit(void);

/* The lab whose experiment runs on this CPU, for lde_preempted(). */
DECLARE_PER_CPU(struct lde_lab *, lde_lab_here);

/*
 * Both engines give the lab CPU back to Linux when Linux asks for it
 * (need_resched(): a task woken there, RCU, a CPU going offline): the
 * guest goes to the host thread, which lets Linux run and then resumes
 * the same guest.  The lde engine must, since its guests run with
 * preemption off; the linux engine must under preempt=none or voluntary,
 * where a guest that never traps would otherwise keep Linux's per-CPU
 * work off the CPU until the watchdog.
 */
struct lde_lab {
	struct kref ref;		/* labs[cpu], and each result copy */
	u32 id;				/* sched_start's answer */
	struct lde_sched_config cfg;
	const struct lde_engine_ops *engine;
	unsigned int cpu;
	struct task_struct *host;	/* the host thread, bound to cpu */
	struct lde_guest *guests;
	u32 nr_guests;
	struct lde_sched_event *ring;
	u32 ring_size;
	bool done;			/* the host thread has finished */
	bool killing;			/* linux engine: guests, exit now */
	struct completion watching;	/* linux engine: a guest's notifier */
	struct lde_watch host_watch;	/* linux engine: the host thread's */
	u32 end_request;		/* from other CPUs: STOPPED, UNLOAD */

	/* ---- lab CPU only, interrupts off ---- */
	struct lde_guest *cur;		/* NULL: the host thread */
	u32 mode;			/* enum lde_mode: lde's privilege */
	struct list_head runq;		/* FIFO: O(1) pick */
	struct list_head sleepq;
	u32 nr_live;			/* guests that have not exited */
	u32 end;			/* enum lde_sched_end, once it ends */
	struct lde_context host_ctx;	/* lde engine: the host's registers */
	struct hrtimer tick;		/* rr: every quantum */
	struct hrtimer watchdog;	/* hogs, duration, stop requests */
	u64 watchdog_period_ns;
	u64 t0;				/* local_clock() at the start */
	u64 end_at;			/* ktime ns */
	/* A preemption in flight, from the timer to lde_preempted(). */
	bool irq_pending;
	u32 irq_reason;
	struct lde_arch_return irq_ret;	/* where the guest was */
	u32 resched;			/* reason + 1 of a deferred switch */
	u64 tick_expires;		/* ktime ns of the last timer switch */
	u64 tick_handled;		/* ... and of its handler's start */
	/* The switch in flight, from lde_schedule() to lde_finish_switch(). */
	bool sw_open;			/* lde_finish_switch() has yet to run */
	struct lde_guest *sw_prev;
	u32 sw_reason;
	u64 sw_leave;			/* local_clock() leaving prev */
	struct lde_sched_summary sum;
};

/* sched.c: the policy. */
void lde_lab_init_policy(struct lde_lab *lab);
void lde_schedule(struct lde_lab *lab, enum lde_switch_reason why);
struct lde_guest *lde_pick(struct lde_lab *lab);
void lde_switch(struct lde_lab *lab, struct lde_guest *prev,
		struct lde_guest *next, enum lde_switch_reason why);
void lde_finish_switch(struct lde_lab *lab);
void lde_record_tick(struct lde_lab *lab, u64 late_ns, u32 mode);
void lde_dist_add(struct lde_sched_dist *d, u64 ns);

/* gtrap.c: a guest's only way into the mini-kernel. */
long lde_gtrap(struct lde_guest *g, unsigned int nr, u64 arg);

/* timer.c */
void lde_timers_init(struct lde_lab *lab);
void lde_timers_start(struct lde_lab *lab);
void lde_timers_cancel(struct lde_lab *lab);
void lde_preempted(struct lde_irq_frame *f);

/* guest.c */
void lde_guest_setup(struct lde_guest *g);
/*
 * Never returns.  Not declared __noreturn: up to 6.x, objtool checks each
 * object on its own and cannot see the attribute of a function in another
 * one.  Its callers say unreachable() after the call instead, which both
 * that objtool and the newer one (on the linked lde.o) understand; so do
 * guest.c's callers of lde_guest_spin() and lde_guest_regs().
 */
void lde_guest_start(struct lde_guest *g);

/* floor.c: LDE_TRAP_FLOOR, lde_swtch() and nothing else, timed. */
long lde_sys_floor(unsigned long arg);

/* experiment.c */
long lde_sys_sched_start(unsigned long arg);
long lde_sys_sched_stop(unsigned long arg);
long lde_sys_sched_result(unsigned long arg);
int lde_sched_init(void);
void lde_sched_exit(void);

#endif /* _LDE_SCHED_H */

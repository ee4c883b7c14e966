// SPDX-License-Identifier: GPL-2.0
/*
 * timer.c - the timer interrupt: how the OS takes the CPU back.
 *
 * Two hrtimers per lab, both in hard-IRQ mode and pinned to the lab CPU:
 *
 *   tick      rr only: fires every quantum.  If it interrupted a guest,
 *             the guest is preempted on the spot; if it interrupted the
 *             mini-kernel (a trap), it leaves lab->resched and the switch
 *             happens on the way out of the trap (gtrap.c).
 *   watchdog  both policies: fires every watchdog_period_ns.  It ends the
 *             experiment when its time is up or someone asked (sched_stop,
 *             rmmod), and catches a hog: a guest that has run longer than
 *             the watchdog without giving the CPU back.  Under coop that is
 *             the only way the OS ever gets the CPU back from a spinning
 *             guest: it is the seed's "reboot".  It also lends the CPU to
 *             Linux when Linux asks (lde engine, see below).
 *
 * Preempting from a timer interrupt: a hard-IRQ handler may not switch
 * stacks, so preempt() edits the registers the interrupt will return to
 * (get_irq_regs()) and the return lands in lde_preempt_trampoline
 * (preempt.S), in the guest's own context, which calls lde_preempted().
 * Only a context that is certainly a guest's is edited: see
 * guest_interrupted() and Documentation/sched.md.
 *
 * Usage: lde sched -P rr -q 1ms ...; perf record -e 'irq_vectors:*'
 * shows the local timer interrupts on the lab CPU.
 */
#include <linux/cpumask.h>
#include <linux/hrtimer.h>
#include <linux/irqflags.h>
#include <linux/kprobes.h>
#include <linux/ktime.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched/clock.h>
#include <linux/sched/task_stack.h>
#include <asm/irq_regs.h>
#include <asm/ptrace.h>

#include "arch.h"
#include "lde_trace.h"
#include "sched.h"

DEFINE_PER_CPU(struct lde_lab *, lde_lab_here);

static bool on_stack(unsigned long sp, void *base, size_t size)
{
	unsigned long lo = (unsigned long)base;

	return sp > lo && sp <= lo + size;
}

/* The guest programs' own instructions (guest_text.S). */
static bool in_guest_text(unsigned long ip)
{
	return ip - (unsigned long)lde_work < lde_guest_text_size;
}

/*
 * Did this interrupt come from a guest's own code?  All of these must
 * hold, or the interrupted code may hold a lock, run an interrupt or be
 * half-way through a switch, and must not be switched away from:
 *  - lde's mode bit says guest mode, and no preemption is in flight;
 *  - the interrupted instruction is in the guest programs' text.  This
 *    is the positive check: everything else that can run in guest mode
 *    (the first and last instructions of a trap, a kprobe's detour
 *    buffer, an ftrace or BPF trampoline, the middle of an optimized
 *    probe's jump) is Linux's or lde's, and a task switched away from
 *    there could be left inside code that is freed in the meantime:
 *    RCU-Tasks, which guards trampolines, takes a task that is off its
 *    run queue for one that has left them;
 *  - the interrupt came from kernel mode, with interrupts on;
 *  - it is the only hard IRQ, not nested in a softirq, and the
 *    interrupted preempt_count() is exactly a running guest's
 *    (LDE_GUEST_IRQ_COUNT, sched.h);
 *  - it interrupted the thread and the stack the current guest runs on.
 * The registers are read through arch.h and the kernel's own accessors:
 * the checks are the same on every architecture.
 */
static bool guest_interrupted(struct lde_lab *lab, struct pt_regs *regs)
{
	struct lde_guest *g = lab->cur;
	unsigned long sp;

	if (!g || lab->mode != LDE_MODE_GUEST || lab->irq_pending || !regs)
		return false;
	if (!in_guest_text(instruction_pointer(regs)))
		return false;
	if (!lde_arch_kernel_irqs_on(regs))
		return false;
	if (preempt_count() != LDE_GUEST_IRQ_COUNT(lab->engine))
		return false;
	sp = kernel_stack_pointer(regs);
	if (g->task)
		return current == g->task &&
		       on_stack(sp, task_stack_page(current), THREAD_SIZE);
	return current == lab->host &&
	       on_stack(sp, g->stack, LDE_GUEST_STACK_SIZE);
}

/*
 * Make the interrupt return into lde_preempt_trampoline (preempt.S).
 * Only the return address changes (lde_arch_redirect(), arch.h): the
 * interrupt still returns to a context with interrupts on, as it found
 * it, and the kernel's interrupt exit does all it does for one.  On 7.x
 * (not 6.12) that includes reprogramming the timer hardware
 * (CONFIG_HRTIMER_REARM_DEFERRED): an exit to a context with interrupts
 * masked leaves that to a later exit, so masking them here stopped every
 * timer of the lab CPU.  A second interrupt before lde_preempted()
 * disables them finds irq_pending and leaves the guest alone.
 */
static bool preempt(struct lde_lab *lab, enum lde_switch_reason why)
{
	struct pt_regs *regs = get_irq_regs();

	if (!guest_interrupted(lab, regs))
		return false;
	lab->irq_pending = true;
	lab->irq_reason = why;
	lde_arch_redirect(regs, &lab->irq_ret, lde_preempt_trampoline);
	return true;
}

/*
 * The tick and the watchdog can expire in the same interrupt.  A hog or
 * the end is then the reason recorded, whichever timer ran first; a lend
 * to Linux is not, since the tick's switch reaches Linux as well
 * (lde_pick()).
 */
static bool overrides_tick(struct lde_lab *lab, enum lde_switch_reason why)
{
	return why == LDE_SW_WATCHDOG || (why == LDE_SW_HOST && lab->end);
}

/* Take the CPU from the current guest now, or on its way out of a trap. */
static void take_cpu(struct lde_lab *lab, enum lde_switch_reason why)
{
	if (lab->irq_pending) {
		if (overrides_tick(lab, why))
			lab->irq_reason = why;
		return;
	}
	if (preempt(lab, why))
		return;
	if (lab->mode != LDE_MODE_KERNEL)
		return;
	if (!lab->resched) {
		lab->resched = why + 1;
		if (why == LDE_SW_TIMER)
			lab->sum.ticks_deferred++;
	} else if (overrides_tick(lab, why)) {
		lab->resched = why + 1;
	}
}

static enum hrtimer_restart tick_fn(struct hrtimer *t)
{
	struct lde_lab *lab = container_of(t, struct lde_lab, tick);
	ktime_t now = ktime_get();
	u64 late = ktime_to_ns(ktime_sub(now, hrtimer_get_expires(t)));

	lab->sum.ticks++;
	lab->sum.ticks_in[lab->mode]++;
	lde_record_tick(lab, late, lab->mode);
	trace_timer_tick(lab->cpu, late, lab->mode);
	lab->tick_expires = ktime_to_ns(hrtimer_get_expires(t));
	lab->tick_handled = ktime_to_ns(now);
	if (lab->mode != LDE_MODE_HOST)
		take_cpu(lab, LDE_SW_TIMER);
	hrtimer_forward(t, now, ns_to_ktime(lab->cfg.quantum_ns));
	return HRTIMER_RESTART;
}

static enum hrtimer_restart watchdog_fn(struct hrtimer *t)
{
	struct lde_lab *lab = container_of(t, struct lde_lab, watchdog);
	struct lde_guest *g = lab->cur;
	u32 req = READ_ONCE(lab->end_request);
	u64 ran;

	if (!lab->end && req)
		lab->end = req;
	/* Going offline: Linux has begun to take the lab CPU away. */
	if (!lab->end && !cpu_active(lab->cpu))
		lab->end = LDE_END_OFFLINE;
	if (!lab->end && ktime_get_ns() >= lab->end_at)
		lab->end = LDE_END_DURATION;
	/*
	 * Only guest mode can hog: a trap or a switch is lde's own work, and
	 * a guest that Linux took the CPU from (off_at) is not running.
	 */
	if (g && !lab->end && lab->mode == LDE_MODE_GUEST && !g->off_at) {
		ran = local_clock() - g->trap_at;
		if (ran >= lab->cfg.watchdog_ns) {
			lab->end = LDE_END_WATCHDOG;
			lab->sum.hog_guest = g->id;
			lab->sum.hog_ns = ran;
			trace_watchdog(g->id, ran);
			take_cpu(lab, LDE_SW_WATCHDOG);
		}
	} else if (g && lab->end) {
		/*
		 * The end: back to the host.  A hog caught where it could not
		 * be preempted (outside guest code) leaves here on a later
		 * tick, and that switch is still the watchdog's.
		 */
		take_cpu(lab, lab->end == LDE_END_WATCHDOG ? LDE_SW_WATCHDOG :
							     LDE_SW_HOST);
	}
	/*
	 * A guest keeps Linux off the lab CPU while it runs.  If Linux wants
	 * it (a task woken there, RCU), lend it (struct lde_lab): the guest
	 * goes to the host thread and then resumes, under either policy.
	 * A hog stays a hog: the watchdog counts from its last trap.
	 */
	if (g && !lab->end && need_resched())
		take_cpu(lab, LDE_SW_HOST);
	hrtimer_forward_now(t, ns_to_ktime(lab->watchdog_period_ns));
	return HRTIMER_RESTART;
}

/*
 * Called by lde_preempt_trampoline, on the preempted guest's stack, with
 * interrupts on: it turns them off first.  Returning resumes the guest
 * where it was interrupted, with the instruction that turns interrupts
 * back on (x86-64's popfq, arm64's eret): lockdep and the irqsoff tracer
 * hear of it here, as
 * local_irq_enable() would tell them.
 * Switch-live (sched.h): neither traced nor probed.
 */
notrace void lde_preempted(struct lde_irq_frame *f)
{
	struct lde_lab *lab;

	local_irq_disable();
	lab = this_cpu_read(lde_lab_here);
	lde_arch_fill_frame(f, &lab->irq_ret);
	lab->irq_pending = false;
	lab->mode = LDE_MODE_KERNEL;
	lde_schedule(lab, lab->irq_reason);
	lab->mode = LDE_MODE_GUEST;
	trace_hardirqs_on();
	lde_arch_before_resume(f);
}

NOKPROBE_SYMBOL(lde_preempted);
NOKPROBE_SYMBOL(lde_preempt_trampoline);

void lde_timers_init(struct lde_lab *lab)
{
	hrtimer_setup(&lab->tick, tick_fn, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL_PINNED_HARD);
	hrtimer_setup(&lab->watchdog, watchdog_fn, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL_PINNED_HARD);
	/* A tenth of the watchdog, 1..10 ms: also how fast a stop lands. */
	lab->watchdog_period_ns = clamp_t(u64, lab->cfg.watchdog_ns / 10,
					  NSEC_PER_MSEC, 10 * NSEC_PER_MSEC);
}

/* On the lab CPU: pinned timers fire where they were started. */
void lde_timers_start(struct lde_lab *lab)
{
	hrtimer_start(&lab->watchdog, ns_to_ktime(lab->watchdog_period_ns),
		      HRTIMER_MODE_REL_PINNED_HARD);
	if (lab->cfg.policy == LDE_POLICY_RR)
		hrtimer_start(&lab->tick, ns_to_ktime(lab->cfg.quantum_ns),
			      HRTIMER_MODE_REL_PINNED_HARD);
}

void lde_timers_cancel(struct lde_lab *lab)
{
	hrtimer_cancel(&lab->tick);
	hrtimer_cancel(&lab->watchdog);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * engine_linux.c - the linux engine: every guest is a Linux kthread.
 *
 * The guests' kthreads are bound to the lab CPU and spend their lives
 * blocked, except the one the mini scheduler has chosen (lab->cur).  A
 * switch wakes next and blocks prev: Linux's own schedule() and
 * switch_to() do the work, with everything they involve (run-queue lock,
 * CFS accounting, FPU and TLB bookkeeping).  The policy is the same code
 * as for the lde engine; only this mechanism differs.
 *
 * A guest that is preempted by the timer sleeps here too, from the
 * trampoline's context: that is an ordinary task context, so schedule()
 * is allowed, whatever the preemption model.
 *
 * When the experiment ends, the guests are still blocked deep in their
 * programs.  Each is woken with lab->killing set and exits from where it
 * is, through module_put_and_kthread_exit(), the exported way for a
 * module's kthread to leave; it takes the module reference it puts.
 *
 * One lde switch is one Linux switch, under every preemption model:
 * prev cannot be preempted between waking next and blocking
 * (linux_switch_to()), and next finishes lde's switch, lde:guest_switch
 * included, from inside the scheduler as Linux switches it in, before
 * anything can preempt it (finish_if_mine()).  It does so in a preempt
 * notifier, the hook KVM uses to see its vCPU threads scheduled out and
 * in (struct lde_watch, sched.h); the host thread has one too.
 *
 * Linux may also give the lab CPU to a task of its own while a guest is
 * lde's current one (preempt=full: a kworker woken there).  That time is
 * neither the guest's CPU time nor part of a hog's run: the same
 * notifier measures it.
 *
 * Each guest stays on the lab CPU with migrate_disable(), as well as
 * being bound there: when the CPU goes offline, Linux pushes every other
 * task off it at once, before lde's hotplug callback has ended the
 * experiment (experiment.c).  The host thread does the same.
 *
 * Usage: lde sched -e linux ...
 */
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/sched/clock.h>
#include <linux/sched/task.h>

#include "sched.h"

#ifdef CONFIG_PREEMPT_NOTIFIERS
/*
 * Linux has just switched me (NULL: the host thread) in.  If lde's
 * switch to me is still open, this is the Linux switch that carries it:
 * finish it now, before anything can preempt me.
 *
 * Why here and not on my way out of schedule(): the notifier runs in
 * finish_task_switch(), with preemption still disabled from __schedule().
 * From there until my code after schedule() turns interrupts off, they
 * are on and, under full preemption (preempt=full, PREEMPT_RT), I may be
 * preempted: an interrupt wakes a kworker or, on RT, an interrupt or
 * timer thread.  Linux would then switch me out and back in before
 * lde:guest_switch: one lde switch would show as several Linux switches,
 * and its cost would include Linux's detour.  Here the event directly
 * follows the sched_switch that brought me in, and whatever preempts me
 * later takes its time from a guest already running, which guest_out()
 * and guest_in() take out of the guest's figures.
 */
static void finish_if_mine(struct lde_lab *lab, struct lde_guest *me)
{
	if (lab->sw_open && lab->cur == me)
		lde_finish_switch(lab);
}

static void guest_out(struct preempt_notifier *pn, struct task_struct *next)
{
	struct lde_guest *g = container_of(pn, struct lde_guest, watch.pn);

	if (READ_ONCE(g->lab->cur) == g)
		g->off_at = local_clock();
}

/* Back on the CPU: the time away was Linux's, not the guest's. */
static void guest_in(struct preempt_notifier *pn, int cpu)
{
	struct lde_guest *g = container_of(pn, struct lde_guest, watch.pn);
	unsigned long flags;
	u64 away;

	local_irq_save(flags);
	if (g->off_at) {
		away = local_clock() - g->off_at;
		g->on_since += away;
		g->trap_at += away;
		g->off_at = 0;
	}
	finish_if_mine(g->lab, g);
	local_irq_restore(flags);
}

static struct preempt_ops guest_ops = {
	.sched_in	= guest_in,
	.sched_out	= guest_out,
};

/* The host thread's time is not measured: only its switches matter. */
static void host_out(struct preempt_notifier *pn, struct task_struct *next)
{
}

static void host_in(struct preempt_notifier *pn, int cpu)
{
	struct lde_lab *lab = container_of(pn, struct lde_lab, host_watch.pn);
	unsigned long flags;

	local_irq_save(flags);
	finish_if_mine(lab, NULL);
	local_irq_restore(flags);
}

static struct preempt_ops host_ops = {
	.sched_in	= host_in,
	.sched_out	= host_out,
};

/* Called by the thread itself: notifiers belong to current. */
static void watch(struct lde_watch *w, struct preempt_ops *ops)
{
	preempt_notifier_init(&w->pn, ops);
	preempt_notifier_register(&w->pn);
}

static void unwatch(struct lde_watch *w)
{
	preempt_notifier_unregister(&w->pn);
}

static void linux_host_enter(struct lde_lab *lab)
{
	watch(&lab->host_watch, &host_ops);
}

static void linux_host_leave(struct lde_lab *lab)
{
	unwatch(&lab->host_watch);
}

static void guest_watch(struct lde_guest *g)
{
	watch(&g->watch, &guest_ops);
}

static void guest_unwatch(struct lde_guest *g)
{
	unwatch(&g->watch);
}

/*
 * The notifiers' static key, turned on by the first linux-engine
 * experiment and off at rmmod: once, not per experiment, since turning
 * it rewrites kernel text (a jump label) and takes the CPU-hotplug lock,
 * which a guest's exit must not wait for.  Not at load either: loading
 * lde should not patch the kernel for an engine nobody uses.
 */
static DEFINE_MUTEX(watch_lock);
static bool watch_on;

void lde_watch_init(void)
{
	mutex_lock(&watch_lock);
	if (!watch_on)
		preempt_notifier_inc();
	watch_on = true;
	mutex_unlock(&watch_lock);
}

void lde_watch_exit(void)
{
	if (watch_on)
		preempt_notifier_dec();
	watch_on = false;
}
#else
/*
 * Without notifiers, a guest's figures include what Linux took, and the
 * thread lde switches to finishes the switch once schedule() has
 * returned to it: under full preemption, Linux may switch it out and in
 * again before lde:guest_switch.
 */
static void guest_watch(struct lde_guest *g) { }
static void guest_unwatch(struct lde_guest *g) { }
static void linux_host_enter(struct lde_lab *lab) { }
static void linux_host_leave(struct lde_lab *lab) { }
void lde_watch_init(void) { }
void lde_watch_exit(void) { }
#endif

static void __noreturn guest_exit(struct lde_guest *g)
{
	guest_unwatch(g);
	migrate_enable();
	__module_get(THIS_MODULE);
	module_put_and_kthread_exit(0);
}

/* Block until the scheduler picks me (NULL: the host), or the end. */
static void wait_turn(struct lde_lab *lab, struct lde_guest *me)
{
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(lab->cur) == me || READ_ONCE(lab->killing))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	if (me && READ_ONCE(lab->killing))
		guest_exit(me);
}

/*
 * Called with interrupts off, and they stay off from the wakeup into
 * schedule().  Waking next may ask to reschedule prev (next would
 * preempt it); under full preemption, the first interrupt once they were
 * back on would then preempt prev while it is still runnable, and prev
 * would come back later only to block: one lde switch, three Linux
 * switches.  A module cannot hold preemption off into schedule()
 * (schedule_preempt_disabled() is not exported), but with interrupts off
 * no interrupt can preempt prev and the wakeup's preempt_enable() does
 * not reschedule.  schedule() turns them off itself before it takes the
 * run-queue lock and back on once it has switched prev out; before
 * that, it does nothing for a kthread that is no workqueue worker and
 * holds no block plug.  wait_turn() then sees to a wakeup that was not
 * lde's (kthread_stop() at the end).
 */
static void linux_switch_to(struct lde_lab *lab, struct lde_guest *prev,
			    struct lde_guest *next)
{
	set_current_state(TASK_UNINTERRUPTIBLE);
	wake_up_process(next ? next->task : lab->host);
	schedule();
	wait_turn(lab, prev);
	local_irq_disable();
}

static int guest_thread(void *arg)
{
	struct lde_guest *g = arg;

	migrate_disable();
	guest_watch(g);
	complete(&g->lab->watching);
	wait_turn(g->lab, g);
	local_irq_disable();
	lde_guest_start(g);
	/*
	 * Not reached: a guest leaves through guest_exit().  Nothing may
	 * follow the call: objtool on the linked module (6.12 on) sees that
	 * lde_guest_start() never returns; 6.1's, one object at a time,
	 * needs unreachable()'s annotation to know.
	 */
	unreachable();
}

static void linux_teardown(struct lde_lab *lab)
{
	u32 i;

	WRITE_ONCE(lab->killing, true);
	for (i = 0; i < lab->nr_guests; i++) {
		struct task_struct *t = lab->guests[i].task;

		if (!t)
			continue;
		/* Wakes it, and waits for it to be gone. */
		kthread_stop(t);
		put_task_struct(t);
		lab->guests[i].task = NULL;
	}
}

/*
 * Each guest's thread starts now and waits for its turn, watched: its
 * first switch-in, too, must finish lde's switch from inside the
 * scheduler (finish_if_mine()), and only the thread itself can register
 * its notifier.
 */
static int linux_prepare(struct lde_lab *lab)
{
	struct task_struct *t;
	int err;
	u32 i;

	init_completion(&lab->watching);
	for (i = 0; i < lab->nr_guests; i++) {
		struct lde_guest *g = &lab->guests[i];

		t = kthread_create(guest_thread, g, "lde/%u:g%u", lab->cpu,
				   g->id);
		if (IS_ERR(t)) {
			err = PTR_ERR(t);
			goto err_teardown;
		}
		kthread_bind(t, lab->cpu);
		g->task = get_task_struct(t);
		wake_up_process(t);
		err = wait_for_completion_killable(&lab->watching);
		if (err)
			goto err_teardown;
	}
	return 0;

err_teardown:
	linux_teardown(lab);
	return err;
}

const struct lde_engine_ops lde_engine_linux = {
	.name			= "linux",
	.prepare		= linux_prepare,
	.switch_to		= linux_switch_to,
	.teardown		= linux_teardown,
	.host_enter		= linux_host_enter,
	.host_leave		= linux_host_leave,
	.guest_preempt_count	= 0,
};

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
 * Linux may also give the lab CPU to a task of its own while a guest is
 * lde's current one (preempt=full: a kworker woken there).  That time is
 * neither the guest's CPU time nor part of a hog's run: a preempt
 * notifier, the hook KVM uses to see its vCPU threads scheduled out and
 * in, measures it (struct lde_steal, sched.h).
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
static void steal_out(struct preempt_notifier *pn, struct task_struct *next)
{
	struct lde_guest *g = container_of(pn, struct lde_guest, steal.pn);

	if (READ_ONCE(g->lab->cur) == g)
		g->off_at = local_clock();
}

/* Back on the CPU: the time away was Linux's, not the guest's. */
static void steal_in(struct preempt_notifier *pn, int cpu)
{
	struct lde_guest *g = container_of(pn, struct lde_guest, steal.pn);
	u64 away;

	if (!g->off_at)
		return;
	away = local_clock() - g->off_at;
	g->on_since += away;
	g->trap_at += away;
	g->off_at = 0;
}

static struct preempt_ops steal_ops = {
	.sched_in	= steal_in,
	.sched_out	= steal_out,
};

/* Called by the guest's own thread: notifiers belong to current. */
static void steal_watch(struct lde_guest *g)
{
	preempt_notifier_init(&g->steal.pn, &steal_ops);
	preempt_notifier_register(&g->steal.pn);
}

static void steal_unwatch(struct lde_guest *g)
{
	preempt_notifier_unregister(&g->steal.pn);
}

/*
 * The notifiers' static key, turned on by the first linux-engine
 * experiment and off at rmmod: once, not per experiment, since turning
 * it rewrites kernel text (a jump label) and takes the CPU-hotplug lock,
 * which a guest's exit must not wait for.  Not at load either: loading
 * lde should not patch the kernel for an engine nobody uses.
 */
static DEFINE_MUTEX(steal_lock);
static bool steal_on;

void lde_steal_init(void)
{
	mutex_lock(&steal_lock);
	if (!steal_on)
		preempt_notifier_inc();
	steal_on = true;
	mutex_unlock(&steal_lock);
}

void lde_steal_exit(void)
{
	if (steal_on)
		preempt_notifier_dec();
	steal_on = false;
}
#else
/* Without notifiers, a guest's figures include what Linux took. */
static void steal_watch(struct lde_guest *g) { }
static void steal_unwatch(struct lde_guest *g) { }
void lde_steal_init(void) { }
void lde_steal_exit(void) { }
#endif

static void __noreturn guest_exit(struct lde_guest *g)
{
	steal_unwatch(g);
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

static void linux_switch_to(struct lde_lab *lab, struct lde_guest *prev,
			    struct lde_guest *next)
{
	wake_up_process(next ? next->task : lab->host);
	local_irq_enable();
	wait_turn(lab, prev);
	local_irq_disable();
}

static int guest_thread(void *arg)
{
	struct lde_guest *g = arg;

	migrate_disable();
	steal_watch(g);
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

static int linux_prepare(struct lde_lab *lab)
{
	struct task_struct *t;
	u32 i;

	for (i = 0; i < lab->nr_guests; i++) {
		struct lde_guest *g = &lab->guests[i];

		t = kthread_create(guest_thread, g, "lde/%u:g%u", lab->cpu,
				   g->id);
		if (IS_ERR(t)) {
			linux_teardown(lab);
			return PTR_ERR(t);
		}
		kthread_bind(t, lab->cpu);
		g->task = get_task_struct(t);
	}
	return 0;
}

const struct lde_engine_ops lde_engine_linux = {
	.name			= "linux",
	.prepare		= linux_prepare,
	.switch_to		= linux_switch_to,
	.teardown		= linux_teardown,
	.guest_preempt_count	= 0,
};

// SPDX-License-Identifier: GPL-2.0
/*
 * floor.c - the floor of a switch: two contexts swapped by lde_swtch()
 * and nothing else, timed (LDE_TRAP_FLOOR, uapi/lde.h).
 *
 * lde's full switch (sched.c) is lde_swtch() with the rest around it:
 * the policy (the run queue, lde_pick()), the books (CPU time, the
 * counters, the switch cost's own distribution), the event ring, the
 * tracepoint, and the engine's indirect call.  Here only the swap is
 * left: the caller's context and one on a stack of its own, as a guest's,
 * swap back and forth, batch swaps between two clock reads.  The ratio of
 * the two says what the rest costs.
 *
 * Why batches.  A switch's cost is read with two local_clock() calls
 * (sched.c), and one read costs about what the swap does: timed one by
 * one, the floor would be half clock.  So a sample is a batch of swaps
 * between two reads, and right before it two back-to-back reads time the
 * clock itself; the batch's time less that, over its swaps, is what one
 * swap costs, and the clock's part is reported, not hidden.  The full
 * switch's cost contains one clock read in the same way (its window
 * opens and closes with one): subtract clock_p50 from it to compare
 * like with like.
 *
 * Why it cannot be preempted onto the other stack.  A batch runs with
 * interrupts off, from its first clock read to its last, and it calls
 * nothing that sleeps.  A task can be switched away from only by an
 * interrupt's return (a tick, a reschedule IPI) or by calling into the
 * scheduler; neither can happen there, under any preemption model,
 * PREEMPT_RT included (local_irq_save() is the CPU's flag there too).
 * No interrupt is taken on the other stack either, which matters on
 * arm64, where an interrupt from a stack that is not the task's is
 * handled on that stack (sched.md).  Each batch ends on the caller's own
 * stack, and interrupts come back on only then.  An NMI may still come:
 * it returns where it came from, never schedules, and finds a stack laid
 * out as a guest's (lde_stack_alloc(), lde_floor_entry's end of stack).
 * Between two batches the work item is an ordinary kworker, bound to the
 * lab CPU by its workqueue (the hotplug lock holds the CPU online), and
 * may be preempted and rescheduled there as any.
 *
 * The other context never returns: it stays in lde_floor_peer(), on its
 * own stack, and is freed with the stack.  Like the lde engine's guests
 * (sched.h, "switch-live code"), both sides of the swap are neither
 * traced nor probed: a tracer's return stack, kept per task, must not see
 * one task's calls return out of order.
 *
 * Usage: the experiment "floor" of lde report and lde goals.
 */
#include <linux/capability.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/kprobes.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/nospec.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include "sched.h"

/* The two contexts that swap: the caller's, and the one of its own. */
struct lde_floor_pair {
	struct lde_context caller;
	struct lde_context peer;
};

/* One run of the floor: what came in, the figures, the samples. */
struct floor_run {
	struct lde_floor f;
	struct lde_floor_pair pair;
	struct lde_floor_sample *samples;	/* f.batches of them */
};

/* The other context, entered from lde_floor_entry (switch.S). */
notrace void lde_floor_peer(struct lde_floor_pair *p)
{
	for (;;)
		lde_swtch(&p->peer, &p->caller);
}

NOKPROBE_SYMBOL(lde_floor_peer);
NOKPROBE_SYMBOL(lde_floor_entry);

/* rounds times there and back: 2 * rounds swaps.  Interrupts off. */
static noinline notrace void swap_rounds(struct lde_floor_pair *p,
					 u32 rounds)
{
	while (rounds--)
		lde_swtch(&p->caller, &p->peer);
}

NOKPROBE_SYMBOL(swap_rounds);

/* One sample into the figures: the clock's, and ns per swap. */
static void floor_account(struct lde_floor *f,
			  const struct lde_floor_sample *s)
{
	u64 swaps_ns = s->batch_ns - min(s->clock_ns, s->batch_ns);

	lde_dist_add(&f->clock, s->clock_ns);
	lde_dist_add(&f->swap, div_u64(swaps_ns + f->batch / 2, f->batch));
}

/* On the lab CPU, in a kworker (work_on_cpu()). */
static long floor_work(void *arg)
{
	struct floor_run *r = arg;
	struct lde_floor *f = &r->f;
	u32 i;

	for (i = 0; i < f->batches; i++) {
		struct lde_floor_sample *s = &r->samples[i];
		unsigned long flags;
		u64 t0, t1, t2;

		local_irq_save(flags);
		t0 = local_clock();
		t1 = local_clock();
		swap_rounds(&r->pair, f->batch / 2);
		t2 = local_clock();
		local_irq_restore(flags);

		s->clock_ns = min_t(u64, t1 - t0, U32_MAX);
		s->batch_ns = min_t(u64, t2 - t1, U32_MAX);
		floor_account(f, s);
		f->swaps += f->batch;
		cond_resched();
	}
	return 0;
}

/* uapi/lde.h: every field, before anything runs. */
static int floor_check(const struct lde_floor *f)
{
	if (f->flags || f->cpu >= nr_cpu_ids)
		return -EINVAL;
	if (!f->batches || f->batches > LDE_FLOOR_MAX_BATCHES)
		return -EINVAL;
	if (f->batch < 2 || f->batch > LDE_FLOOR_MAX_BATCH || f->batch % 2)
		return -EINVAL;
	if ((u64)f->batches * f->batch > LDE_FLOOR_MAX_SWAPS)
		return -EINVAL;
	if (!f->samples && f->samples_size)
		return -EINVAL;
	return 0;
}

/* The figures and the samples the caller has room for. */
static long floor_copy_out(struct floor_run *r, struct lde_floor __user *uf)
{
	struct lde_floor *f = &r->f;
	u32 n = min_t(u32, f->batches,
		      f->samples_size / sizeof(struct lde_floor_sample));

	if (n && copy_to_user(u64_to_user_ptr(f->samples), r->samples,
			      n * sizeof(struct lde_floor_sample)))
		return -EFAULT;
	f->nr_samples_out = n;
	return copy_to_user(uf, f, sizeof(*f)) ? -EFAULT : 0;
}

/* The swaps, on the lab CPU, with the other context on a stack of its own. */
static long floor_run_on(struct floor_run *r)
{
	unsigned int cpu = array_index_nospec(r->f.cpu, nr_cpu_ids);
	void *stack, *area;
	long ret;

	stack = lde_stack_alloc(&area);
	if (!stack)
		return -ENOMEM;
	lde_arch_init_context(&r->pair.peer, stack + LDE_GUEST_STACK_SIZE,
			      lde_floor_entry, &r->pair);
	/*
	 * The hotplug lock keeps cpu online from the check to the end, so
	 * that the work item runs there and nowhere else.  An offline CPU is
	 * a bad configuration, as for sched_start.
	 */
	cpus_read_lock();
	ret = cpu_online(cpu) ? work_on_cpu(cpu, floor_work, r) : -EINVAL;
	cpus_read_unlock();
	lde_stack_free(area);
	return ret;
}

long lde_sys_floor(unsigned long arg)
{
	struct lde_floor __user *uf = (void __user *)arg;
	struct floor_run *r;
	long ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	if (copy_from_user(&r->f, uf, sizeof(r->f))) {
		ret = -EFAULT;
		goto out_free_run;
	}
	ret = floor_check(&r->f);
	if (ret)
		goto out_free_run;
	/* The out fields: whatever came in there is not added to. */
	r->f.nr_samples_out = 0;
	r->f.swaps = 0;
	memset(&r->f.swap, 0, sizeof(r->f.swap));
	memset(&r->f.clock, 0, sizeof(r->f.clock));

	r->samples = kvcalloc(r->f.batches, sizeof(*r->samples), GFP_KERNEL);
	if (!r->samples) {
		ret = -ENOMEM;
		goto out_free_run;
	}
	ret = floor_run_on(r);
	if (!ret)
		ret = floor_copy_out(r, uf);
	kvfree(r->samples);
out_free_run:
	kfree(r);
	return ret;
}

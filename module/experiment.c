// SPDX-License-Identifier: GPL-2.0
/*
 * experiment.c - an experiment's life: check, start, run, stop, report.
 *
 * sched_start checks the whole configuration, builds a lab (guests, their
 * stacks or kthreads, the event ring, the timers) and a host thread bound
 * to the lab CPU, and returns.  The host thread is the mini-kernel's
 * "boot" and "idle": it measures the plain loop for the direct-execution
 * baseline, starts the timers, and switches to the first guest.  It gets
 * the CPU back when nobody can run, when Linux needs the CPU (lde engine),
 * and at the end; then it takes the guests down and computes the summary.
 *
 * The lab belongs to the module, not to a file: closing /dev/lde does not
 * stop it, sched_stop and rmmod do.  A finished lab's figures stay until
 * the next sched_start on that CPU, or rmmod.  Each lab has an id, which
 * sched_start returns, so that a result is never a newer experiment's.
 *
 * CPU hotplug: taking the lab CPU offline (by hand, or for suspend) ends
 * its experiment, with the end "offline", and then lets the CPU go.  It
 * is never refused: a refused offline would make a laptop's suspend
 * fail.  The watchdog sees the CPU leave the active set at the start of
 * the offline and ends the experiment; lde's hotplug callback, which
 * runs a little later, waits for that end.  Until then the host thread
 * and the guests stay on the CPU with migrate_disable().  sched_start
 * holds the hotplug lock from its online check until the host thread is
 * bound and running, so an offline cannot slip in between.
 *
 * Usage: lde sched -a 1 -e lde -P rr -q 1ms -g spin:3 -D 2s
 */
#include <linux/bitmap.h>
#include <linux/capability.h>
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/nospec.h>
#include <linux/sched/clock.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>

#include "lde_trace.h"
#include "sched.h"

/* How long the host thread times the plain loop, at most. */
#define DIRECT_BASELINE_NS	(20 * NSEC_PER_MSEC)
#define WORK_CHUNK		4096

static const struct lde_engine_ops *const engines[LDE_NR_ENGINES] = {
	[LDE_ENGINE_LDE]	= &lde_engine_lde,
	[LDE_ENGINE_LINUX]	= &lde_engine_linux,
};

/* labs[cpu], the running bits and next_id change under labs_lock. */
static DEFINE_MUTEX(labs_lock);
static struct lde_lab **labs;
static unsigned long *running;
static u32 next_id;
static DECLARE_WAIT_QUEUE_HEAD(labs_wq);
static enum cpuhp_state lab_cpuhp_state;

static bool within(u64 v, u64 lo, u64 hi)
{
	return v >= lo && v <= hi;
}

static int check_group(const struct lde_sched_group *g)
{
	if (g->workload >= LDE_NR_WORKLOADS || !g->count ||
	    g->count > LDE_SCHED_MAX_GUESTS)
		return -EINVAL;
	switch (g->workload) {
	case LDE_WL_SPIN:
	case LDE_WL_REGS:
		return g->iters || g->sleep_ns ? -EINVAL : 0;
	case LDE_WL_SLEEP:
		return within(g->sleep_ns, NSEC_PER_USEC,
			      LDE_SCHED_MAX_SLEEP_NS) ? 0 : -EINVAL;
	default:
		return g->sleep_ns ? -EINVAL : 0;
	}
}

/* Every rule of struct lde_sched_config (uapi/lde.h); fills in defaults. */
static int check_config(struct lde_sched_config *c, u32 *nr_guests)
{
	u32 i, total = 0;

	if (c->flags || c->cpu >= nr_cpu_ids ||
	    c->engine >= LDE_NR_ENGINES || c->policy >= LDE_NR_POLICIES ||
	    !c->nr_groups || c->nr_groups > LDE_SCHED_MAX_GROUPS ||
	    c->ring_events > LDE_SCHED_MAX_RING ||
	    !within(c->duration_ns, LDE_SCHED_MIN_DURATION_NS,
		    LDE_SCHED_MAX_DURATION_NS))
		return -EINVAL;
	if (!c->watchdog_ns)
		c->watchdog_ns = LDE_SCHED_DEFAULT_WATCHDOG_NS;
	if (!within(c->watchdog_ns, LDE_SCHED_MIN_WATCHDOG_NS,
		    LDE_SCHED_MAX_WATCHDOG_NS))
		return -EINVAL;
	if (c->policy == LDE_POLICY_COOP && c->quantum_ns)
		return -EINVAL;
	if (c->policy == LDE_POLICY_RR &&
	    (!within(c->quantum_ns, LDE_SCHED_MIN_QUANTUM_NS,
		     LDE_SCHED_MAX_QUANTUM_NS) ||
	     c->quantum_ns >= c->watchdog_ns))
		return -EINVAL;
	if (!c->ring_events)
		c->ring_events = LDE_SCHED_DEFAULT_RING;

	for (i = 0; i < LDE_SCHED_MAX_GROUPS; i++) {
		const struct lde_sched_group *g = &c->groups[i];

		if (i >= c->nr_groups) {
			if (memchr_inv(g, 0, sizeof(*g)))
				return -EINVAL;
			continue;
		}
		if (check_group(g))
			return -EINVAL;
		total += g->count;
		if (total > LDE_SCHED_MAX_GUESTS)
			return -EINVAL;
	}
	*nr_guests = total;
	return 0;
}

/*
 * What direct execution should deliver: the guests' loop, run plainly by
 * this kthread.  Timed before and after the experiment and added up, so
 * that a machine (or an emulator) that speeds up or slows down over the
 * run does not favour either side.
 */
static void measure_direct(struct lde_lab *lab)
{
	u64 budget = min_t(u64, lab->cfg.duration_ns / 8, DIRECT_BASELINE_NS);
	u64 iters = 0, t0 = local_clock(), now;

	do {
		lde_work(&iters, WORK_CHUNK);
		now = local_clock();
	} while (now - t0 < budget);
	lab->sum.host_iters += iters;
	lab->sum.host_ns += now - t0;
}

/* Jain's index (sum x)^2 / (n * sum x^2) of guest CPU time, in ppm. */
static u64 jain_ppm(struct lde_lab *lab)
{
	u64 sum = 0, sq = 0, us;
	u32 i;

	/* In us: a sum of squares of 1024 guests' 10 s fits in 64 bits. */
	for (i = 0; i < lab->nr_guests; i++) {
		us = div_u64(lab->guests[i].cpu_ns, NSEC_PER_USEC);
		sum += us;
		sq += us * us;
	}
	if (!sq)
		return 0;
	return mul_u64_u64_div_u64(sum * sum, 1000000, lab->nr_guests * sq);
}

static void summarize(struct lde_lab *lab)
{
	struct lde_sched_summary *s = &lab->sum;
	u32 i;

	for (i = 0; i < lab->nr_guests; i++) {
		struct lde_guest *g = &lab->guests[i];

		/* Those that did not exit leave now, with the experiment. */
		if (!g->exited && g->runs)
			trace_guest_exit(g->id, g->cpu_ns, lab->end);
		s->corruptions += g->work.corruptions;
		if (g->workload != LDE_WL_SPIN)
			continue;
		s->guest_iters += g->work.iters;
		s->guest_ns += g->cpu_ns;
	}
	s->jain_ppm = jain_ppm(lab);
	if (s->guest_ns && s->host_iters) {
		/* Guest work in the host's time, then against the host's. */
		u64 scaled = mul_u64_u64_div_u64(s->guest_iters, s->host_ns,
						 s->guest_ns);

		s->direct_ppm = mul_u64_u64_div_u64(scaled, 1000000,
						    s->host_iters);
	}
	s->nr_guests = lab->nr_guests;
	s->end = lab->end;
	s->state = 1;
}

/* Let Linux have the lab CPU for a moment: idle, or it asked. */
static void let_linux_run(struct lde_lab *lab)
{
	local_irq_enable();
	if (lab->engine->guest_preempt_count)
		preempt_enable();
	cond_resched();
	cpu_relax();
	if (lab->engine->guest_preempt_count)
		preempt_disable();
	local_irq_disable();
}

static int host_thread(void *arg)
{
	struct lde_lab *lab = arg;
	struct lde_guest *next;

	/* Through an offline too, until the experiment has ended. */
	migrate_disable();
	this_cpu_write(lde_lab_here, lab);
	if (lab->engine->host_enter)
		lab->engine->host_enter(lab);
	measure_direct(lab);
	/* The lde engine's guests stand on foreign stacks: no preemption. */
	if (lab->engine->guest_preempt_count)
		preempt_disable();
	local_irq_disable();
	lab->t0 = local_clock();
	lab->end_at = ktime_get_ns() + lab->cfg.duration_ns;
	lde_timers_start(lab);
	while (!lab->end) {
		next = lde_pick(lab);
		if (next)
			lde_switch(lab, NULL, next, LDE_SW_HOST);
		else if (!lab->end)
			let_linux_run(lab);
	}
	local_irq_enable();
	lde_timers_cancel(lab);
	if (lab->engine->guest_preempt_count)
		preempt_enable();
	if (lab->engine->host_leave)
		lab->engine->host_leave(lab);
	this_cpu_write(lde_lab_here, NULL);
	migrate_enable();

	lab->sum.elapsed_ns = local_clock() - lab->t0;
	lab->engine->teardown(lab);
	measure_direct(lab);
	summarize(lab);
	mutex_lock(&labs_lock);
	lab->done = true;
	clear_bit(lab->cpu, running);
	mutex_unlock(&labs_lock);
	wake_up_all(&labs_wq);
	return 0;
}

static void lab_free(struct kref *ref)
{
	struct lde_lab *lab = container_of(ref, struct lde_lab, ref);

	if (lab->host) {
		/* Waits for the host thread, which ends the experiment. */
		kthread_stop(lab->host);
		put_task_struct(lab->host);
	}
	lab->engine->teardown(lab);
	vfree(lab->ring);
	kvfree(lab->guests);
	kfree(lab);
}

/* The last reference: labs[cpu]'s, or a result copy that outlived it. */
static void lab_put(struct lde_lab *lab)
{
	kref_put(&lab->ref, lab_free);
}

static void init_guests(struct lde_lab *lab)
{
	const struct lde_sched_group *grp = lab->cfg.groups;
	u32 i, left = grp->count;

	for (i = 0; i < lab->nr_guests; i++, left--) {
		struct lde_guest *g = &lab->guests[i];

		if (!left)
			left = (++grp)->count;
		g->lab = lab;
		g->id = i;
		g->workload = grp->workload;
		g->iters = grp->iters ?: LDE_SCHED_DEFAULT_ITERS;
		g->sleep_ns = grp->sleep_ns;
		lde_guest_setup(g);
	}
}

static struct lde_lab *lab_create(const struct lde_sched_config *cfg,
				  u32 nr_guests)
{
	struct task_struct *host;
	struct lde_lab *lab;
	int err = -ENOMEM;

	lab = kzalloc(sizeof(*lab), GFP_KERNEL);
	if (!lab)
		return ERR_PTR(-ENOMEM);
	kref_init(&lab->ref);
	lab->cfg = *cfg;
	lab->cpu = cfg->cpu;
	lab->engine = engines[cfg->engine];
	lab->nr_guests = nr_guests;
	lab->ring_size = cfg->ring_events;
	lab->guests = kvcalloc(nr_guests, sizeof(*lab->guests), GFP_KERNEL);
	if (!lab->guests)
		goto err_free_lab;
	lab->ring = vmalloc(array_size(lab->ring_size, sizeof(*lab->ring)));
	if (!lab->ring)
		goto err_free_guests;
	init_guests(lab);
	lde_lab_init_policy(lab);
	lde_timers_init(lab);

	err = lab->engine->prepare(lab);
	if (err)
		goto err_free_ring;
	host = kthread_create(host_thread, lab, "lde/%u", lab->cpu);
	if (IS_ERR(host)) {
		err = PTR_ERR(host);
		goto err_teardown;
	}
	kthread_bind(host, lab->cpu);
	lab->host = get_task_struct(host);
	return lab;

err_teardown:
	lab->engine->teardown(lab);
err_free_ring:
	vfree(lab->ring);
err_free_guests:
	kvfree(lab->guests);
err_free_lab:
	kfree(lab);
	return ERR_PTR(err);
}

/* Ids run 1, 2, ... and stay positive as an ioctl's return value. */
static u32 new_id(void)
{
	next_id = next_id >= INT_MAX ? 1 : next_id + 1;
	return next_id;
}

/*
 * Under the hotplug lock: the CPU stays online from the check until the
 * host thread is bound and woken, and the hotplug callback sees the lab.
 */
static long start_locked(const struct lde_sched_config *cfg, u32 nr_guests)
{
	unsigned int cpu = array_index_nospec(cfg->cpu, nr_cpu_ids);
	struct lde_lab *lab, *old;
	long id;

	if (!cpu_online(cpu))
		return -EINVAL;
	mutex_lock(&labs_lock);
	old = labs[cpu];
	if (old && !old->done) {
		mutex_unlock(&labs_lock);
		return -EBUSY;
	}
	lab = lab_create(cfg, nr_guests);
	if (IS_ERR(lab)) {
		mutex_unlock(&labs_lock);
		return PTR_ERR(lab);
	}
	lab->id = new_id();
	id = lab->id;
	labs[cpu] = lab;
	set_bit(cpu, running);
	wake_up_process(lab->host);
	mutex_unlock(&labs_lock);

	if (old)
		lab_put(old);
	return id;
}

long lde_sys_sched_start(unsigned long arg)
{
	struct lde_sched_config cfg;
	u32 nr_guests;
	long ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (copy_from_user(&cfg, (void __user *)arg, sizeof(cfg)))
		return -EFAULT;
	ret = check_config(&cfg, &nr_guests);
	if (ret)
		return ret;
	/* Outside the hotplug lock, which turning a static key takes. */
	if (cfg.engine == LDE_ENGINE_LINUX)
		lde_watch_init();
	cpus_read_lock();
	ret = start_locked(&cfg, nr_guests);
	cpus_read_unlock();
	return ret;
}

long lde_sys_sched_stop(unsigned long cpu)
{
	long ret = 0;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (cpu >= nr_cpu_ids)
		return -EINVAL;
	cpu = array_index_nospec(cpu, nr_cpu_ids);
	mutex_lock(&labs_lock);
	if (!labs[cpu])
		ret = -ENOENT;
	else if (!labs[cpu]->done)
		WRITE_ONCE(labs[cpu]->end_request, LDE_END_STOPPED);
	mutex_unlock(&labs_lock);
	return ret;
}

static int copy_guests(struct lde_lab *lab, struct lde_sched_result *r)
{
	struct lde_sched_guest __user *to = u64_to_user_ptr(r->guests);
	u32 i, n = 0;

	if (r->guests)
		n = min_t(u32, lab->nr_guests,
			  r->guests_size / sizeof(struct lde_sched_guest));
	for (i = 0; i < n; i++) {
		const struct lde_guest *g = &lab->guests[i];
		struct lde_sched_guest out = {
			.workload = g->workload,
			.exited = g->exited,
			.cpu_ns = g->cpu_ns,
			.runs = g->runs,
			.iters = g->work.iters,
			.preempted = g->preempted,
			.corruptions = g->work.corruptions,
		};

		if (copy_to_user(&to[i], &out, sizeof(out)))
			return -EFAULT;
	}
	r->nr_guests_out = n;
	return 0;
}

static int copy_events(struct lde_lab *lab, struct lde_sched_result *r)
{
	u64 n = 0;

	if (r->events)
		n = min_t(u64, lab->sum.events,
			  r->events_size / sizeof(struct lde_sched_event));
	if (copy_to_user(u64_to_user_ptr(r->events), lab->ring,
			 n * sizeof(struct lde_sched_event)))
		return -EFAULT;
	r->nr_events_out = n;
	return 0;
}

/*
 * The finished lab that r asks for, with a reference of its own, or an
 * error.  With LDE_SCHED_WAIT, waits (interruptibly) for its end.
 */
static struct lde_lab *get_finished(const struct lde_sched_result *r)
{
	unsigned int cpu = array_index_nospec(r->cpu, nr_cpu_ids);
	bool wait = r->flags & LDE_SCHED_WAIT;
	struct lde_lab *lab;
	int err;

	for (;;) {
		if (wait && wait_event_interruptible(labs_wq,
						     !test_bit(cpu, running)))
			return ERR_PTR(-ERESTARTSYS);
		mutex_lock(&labs_lock);
		lab = labs[cpu];
		if (!lab || (r->id && lab->id != r->id))
			err = -ENOENT;
		else if (!lab->done)
			err = -EAGAIN;
		else
			err = 0;
		if (!err)
			kref_get(&lab->ref);
		mutex_unlock(&labs_lock);
		/* Another start came between the wake-up and the lock. */
		if (err != -EAGAIN || !wait)
			return err ? ERR_PTR(err) : lab;
	}
}

/*
 * The copies to user memory run without labs_lock: a slow or faulting
 * buffer (FUSE-backed, say) stalls this caller alone, never another
 * experiment.  The reference keeps the lab alive while it is read.
 */
long lde_sys_sched_result(unsigned long arg)
{
	struct lde_sched_result __user *ur = (void __user *)arg;
	struct lde_sched_result *r;
	struct lde_lab *lab;
	long ret;

	/* Too big for the stack. */
	r = kmalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(r, ur, sizeof(*r)))
		goto out;
	ret = -EINVAL;
	if (r->flags & ~LDE_SCHED_WAIT || r->cpu >= nr_cpu_ids || r->pad)
		goto out;
	lab = get_finished(r);
	ret = PTR_ERR_OR_ZERO(lab);
	if (ret)
		goto out;
	r->summary = lab->sum;
	r->id = lab->id;
	ret = copy_guests(lab, r) ?: copy_events(lab, r);
	lab_put(lab);
	if (!ret && copy_to_user(ur, r, sizeof(*r)))
		ret = -EFAULT;
out:
	kfree(r);
	return ret;
}

/*
 * CPU hotplug, on the CPU going down, before it leaves: end its
 * experiment and wait for the host thread to be done with the CPU.
 */
static int lab_cpu_offline(unsigned int cpu)
{
	mutex_lock(&labs_lock);
	if (labs[cpu] && !labs[cpu]->done)
		WRITE_ONCE(labs[cpu]->end_request, LDE_END_OFFLINE);
	mutex_unlock(&labs_lock);
	wait_event(labs_wq, !test_bit(cpu, running));
	return 0;
}

int __init lde_sched_init(void)
{
	int ret = -ENOMEM;

	labs = kcalloc(nr_cpu_ids, sizeof(*labs), GFP_KERNEL);
	if (!labs)
		return ret;
	running = bitmap_zalloc(nr_cpu_ids, GFP_KERNEL);
	if (!running)
		goto err_free_labs;
	ret = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "lde:lab", NULL,
					lab_cpu_offline);
	if (ret < 0)
		goto err_free_running;
	lab_cpuhp_state = ret;
	return 0;

err_free_running:
	bitmap_free(running);
err_free_labs:
	kfree(labs);
	return ret;
}

/*
 * rmmod: end every running experiment, free every lab, then stop hearing
 * of hotplug.  The hotplug lock keeps an offline from racing the end.
 */
void lde_sched_exit(void)
{
	unsigned int cpu;

	cpus_read_lock();
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!labs[cpu])
			continue;
		WRITE_ONCE(labs[cpu]->end_request, LDE_END_UNLOAD);
		lab_put(labs[cpu]);
		labs[cpu] = NULL;
	}
	cpus_read_unlock();
	lde_watch_exit();
	cpuhp_remove_state_nocalls(lab_cpuhp_state);
	bitmap_free(running);
	kfree(labs);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * sched.c - the mini scheduler's policy: who runs next, and the books.
 *
 * This is the part both engines share.  A switch always goes the same
 * way, Linux's way: the guest that gives up the CPU (prev) runs
 * lde_schedule() in its own context, which charges prev its CPU time,
 * puts it back on the run queue (or the sleep queue, or nowhere if it
 * exited), picks next, and asks the engine to switch.  Whoever runs next
 * calls lde_finish_switch() first thing, which closes the books on the
 * switch: how long it took, and, after a timer interrupt, how long since
 * the timer expired and since its handler began (lde's own path).
 *
 * The run queue is a FIFO list: pick takes its head, prev goes to its
 * tail.  That is round robin, and it is O(1) however many guests there
 * are.  The policy (coop or rr) is not here at all: it is only whether
 * the quantum timer runs (timer.c).
 *
 * All of it runs on the lab CPU with interrupts off (sched.h).
 * lde_schedule() and lde_switch() are switch-live (sched.h): they stay on
 * prev's stack until prev runs again, so they are neither traced nor
 * probed.  The rest returns before any switch and may be.
 */
#include <linux/kprobes.h>
#include <linux/ktime.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/sched/clock.h>

#include "lde_trace.h"
#include "sched.h"

void lde_lab_init_policy(struct lde_lab *lab)
{
	u32 i;

	INIT_LIST_HEAD(&lab->runq);
	INIT_LIST_HEAD(&lab->sleepq);
	for (i = 0; i < lab->nr_guests; i++)
		list_add_tail(&lab->guests[i].node, &lab->runq);
	lab->nr_live = lab->nr_guests;
	lab->mode = LDE_MODE_HOST;
	lab->sum.hog_guest = LDE_SCHED_NO_GUEST;
}

void lde_dist_add(struct lde_sched_dist *d, u64 ns)
{
	unsigned int b = ns ? min_t(unsigned int, ilog2(ns) + 1,
				    LDE_SCHED_HIST_BUCKETS - 1) : 0;

	if (!d->count || ns < d->min_ns)
		d->min_ns = ns;
	d->max_ns = max(d->max_ns, ns);
	d->count++;
	d->sum_ns += ns;
	d->hist[b]++;
}

/*
 * The ring keeps the first ring_size events; the rest are only counted.
 * Times are local_clock(), the cheapest ns clock, from lab->t0.
 */
static struct lde_sched_event *ring_slot(struct lde_lab *lab, u64 now)
{
	struct lde_sched_event *e;

	if (lab->sum.events >= lab->ring_size) {
		lab->sum.events_lost++;
		return NULL;
	}
	e = &lab->ring[lab->sum.events++];
	e->time_ns = now > lab->t0 ? now - lab->t0 : 0;
	return e;
}

static u32 guest_id(struct lde_guest *g)
{
	return g ? g->id : LDE_SCHED_HOST;
}

void lde_record_tick(struct lde_lab *lab, u64 late_ns, u32 mode)
{
	struct lde_sched_event *e = ring_slot(lab, local_clock());

	lde_dist_add(&lab->sum.timer_late, late_ns);
	if (!e)
		return;
	*e = (struct lde_sched_event){
		.time_ns = e->time_ns,
		.type = LDE_EV_TICK,
		.reason = mode,
		.prev = guest_id(lab->cur),
		.next = guest_id(lab->cur),
		.value_ns = min_t(u64, late_ns, U32_MAX),
	};
}

/* Move the sleepers whose time has come to the run queue. */
static void wake_sleepers(struct lde_lab *lab)
{
	struct lde_guest *g, *tmp;
	u64 now;

	if (list_empty(&lab->sleepq))
		return;
	now = ktime_get_ns();
	list_for_each_entry_safe(g, tmp, &lab->sleepq, node)
		if (g->wake_at <= now)
			list_move_tail(&g->node, &lab->runq);
}

/*
 * The next guest to run, or NULL for the host thread: when the experiment
 * is over, when nobody can run (all asleep), or when Linux wants this CPU
 * (see struct lde_lab).
 */
struct lde_guest *lde_pick(struct lde_lab *lab)
{
	struct lde_guest *g;

	if (!lab->nr_live && !lab->end)
		lab->end = LDE_END_EXITED;
	if (lab->end)
		return NULL;
	wake_sleepers(lab);
	if (need_resched())
		return NULL;
	g = list_first_entry_or_null(&lab->runq, struct lde_guest, node);
	if (g)
		list_del_init(&g->node);
	return g;
}

/*
 * Hand the CPU from prev to next (either may be NULL, the host), for
 * reason why.  Returns when prev runs again.  Interrupts off.
 */
notrace void lde_switch(struct lde_lab *lab, struct lde_guest *prev,
			struct lde_guest *next, enum lde_switch_reason why)
{
	lab->sw_prev = prev;
	lab->sw_reason = why;
	lab->sw_leave = local_clock();
	if (prev)
		prev->cpu_ns += lab->sw_leave - prev->on_since;
	/* After the charge above, so that the event has its whole CPU time. */
	if (why == LDE_SW_EXIT)
		trace_guest_exit(prev->id, prev->cpu_ns, LDE_END_EXITED);
	/*
	 * The watchdog counts from here: being given the CPU counts as a
	 * trap, a resume after a lend to Linux does not.  Not later, in
	 * next's context: the linux engine wakes next, and the watchdog
	 * must not judge next on an old time while it wakes.
	 */
	if (next && !next->lent)
		next->trap_at = lab->sw_leave;
	lab->cur = next;
	lab->mode = next ? LDE_MODE_KERNEL : LDE_MODE_HOST;
	/*
	 * next finishes the switch first thing, here or, under the linux
	 * engine, from inside Linux's scheduler as it switches next in
	 * (engine_linux.c); whichever comes first does it, once.
	 */
	lab->sw_open = true;
	lab->engine->switch_to(lab, prev, next);
	lde_finish_switch(lab);
}

NOKPROBE_SYMBOL(lde_switch);

/* Timer-begun runs that the timer also ended: quantum accuracy. */
static void account_slice(struct lde_lab *lab, struct lde_guest *prev,
			  u64 now)
{
	u64 len = now - prev->on_since;
	u64 q = lab->cfg.quantum_ns;

	lab->sum.slices++;
	lab->sum.slice_ns += len;
	lab->sum.slice_err_ns += len > q ? len - q : q - len;
}

/*
 * The current guest gives up the CPU, for reason why.  It runs in prev's
 * own context, with interrupts off, and returns when prev is picked again
 * (never, after LDE_SW_EXIT).
 */
notrace void lde_schedule(struct lde_lab *lab, enum lde_switch_reason why)
{
	struct lde_guest *prev = lab->cur, *next;

	switch (why) {
	case LDE_SW_SLEEP:
		list_add_tail(&prev->node, &lab->sleepq);
		break;
	case LDE_SW_EXIT:
		prev->exited = true;
		lab->nr_live--;
		break;
	case LDE_SW_HOST:
		/* Only lent to Linux: first in line again, as if not gone. */
		prev->lent = true;
		list_add(&prev->node, &lab->runq);
		break;
	case LDE_SW_TIMER:
		prev->preempted++;
		if (prev->timer_slice)
			account_slice(lab, prev, local_clock());
		fallthrough;
	default:
		list_add_tail(&prev->node, &lab->runq);
	}

	next = lde_pick(lab);
	if (next == prev) {
		/* Alone on the run queue: keep the CPU, as sched_yield(). */
		list_del_init(&prev->node);
		prev->timer_slice = false;
		return;
	}
	lde_switch(lab, prev, next, why);
}

NOKPROBE_SYMBOL(lde_schedule);

/*
 * First thing in whatever context runs after a switch: the guest or host
 * that lde_switch() chose.  Once per switch: a second call does nothing.
 * Interrupts off.
 */
void lde_finish_switch(struct lde_lab *lab)
{
	struct lde_guest *prev = lab->sw_prev, *next = lab->cur;
	struct lde_sched_event *e;
	u64 now, cost, late = 0;

	if (!lab->sw_open)
		return;
	lab->sw_open = false;
	now = local_clock();
	cost = now - lab->sw_leave;
	if (next) {
		next->lent = false;
		next->on_since = now;
		next->runs++;
		next->timer_slice = lab->sw_reason == LDE_SW_TIMER;
		if (next->timer_slice) {
			u64 k = ktime_get_ns();

			late = k - lab->tick_expires;
			lde_dist_add(&lab->sum.timer_to_guest, late);
			lde_dist_add(&lab->sum.handler_to_guest,
				     k - lab->tick_handled);
		}
	}
	if (prev) {
		lab->sum.switches[lab->sw_reason]++;
		if (next)
			lde_dist_add(&lab->sum.switch_cost, cost);
	}
	trace_guest_switch(prev ? (int)prev->id : -1, next ? (int)next->id : -1,
			   lab->sw_reason, cost);
	/* A tick that came during the switch belonged to prev's run. */
	lab->resched = 0;
	e = ring_slot(lab, now);
	if (!e)
		return;
	*e = (struct lde_sched_event){
		.time_ns = e->time_ns,
		.type = LDE_EV_SWITCH,
		.reason = lab->sw_reason,
		.prev = guest_id(prev),
		.next = guest_id(next),
		.value_ns = min_t(u64, cost, U32_MAX),
		.latency_ns = min_t(u64, late, U32_MAX),
	};
}

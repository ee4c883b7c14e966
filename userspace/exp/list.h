/* SPDX-License-Identifier: GPL-2.0 */
/*
 * list.h - the registry: every experiment of "lde report", one line each,
 * in the order they run.  Each is one file of exp/, named after it.
 *
 * Not a header of its own: exp.h expands it into declarations and
 * registry.c into the table, each with its own EXP(name), the way the
 * kernel builds its system call table from one list.
 */
EXP(machine)		/* the kernel, its preemption, mitigations, clock */
EXP(trap)		/* lde's traps against a call, getppid, vDSO, ioctl */
EXP(coop_lde_2yield)	/* lde's own switch: coop, 2 yield guests */
EXP(floor)		/* lde_swtch alone: the floor under that switch */
EXP(coop_linux_2yield)	/* Linux's switch between kthreads: the same */
EXP(coop_lde_1024yield)	/* lde's switch among 1024 guests */
EXP(rr_lde_2spin)	/* rr at 1 ms: timer to guest, direct execution */
EXP(rr100us_lde_2spin)	/* rr at 100 us: what a forced switch costs */
EXP(switch_rounds)	/* coop, floor, rr 100 us, rr 1 ms in rounds */
EXP(scaling)		/* switch cost at 2..1024 guests, both engines */
EXP(footprint)		/* where a cold guest's cost goes: pages or lines */
EXP(ctx)		/* pipe and sched_yield ping-pong between tasks */
EXP(cyclictest)		/* cyclictest, the peer for timer latency */
EXP(timer_rounds)	/* lde rr, rtla timerlat, cyclictest in rounds */
EXP(hogs)		/* coop against rr with a hog, 8 ways */
EXP(demo)		/* lde demo privileged */
EXP(trace)		/* a short run, traced with perf */
EXP(timeline)		/* the trace as OSTEP's figure */

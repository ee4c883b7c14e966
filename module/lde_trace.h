/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lde_trace.h - lde's tracepoints: every trap, timer interrupt and switch,
 * for the tools kernel engineers already use.
 *
 * One header, the way samples/trace_events does it; trace.c is the one
 * file that defines CREATE_TRACE_POINTS.  System "lde":
 *
 *   lde:trap_enter    a trap into lde: nr, and who trapped (a user
 *                     process through /dev/lde, or a guest)
 *   lde:trap_exit     its return: nr, ret, who
 *   lde:timer_tick    the quantum timer's interrupt: its lateness, and
 *                     the mode it found the lab CPU in (guest, kernel, host)
 *   lde:guest_switch  the CPU changes hands: prev, next (-1 is the host
 *                     thread), reason, and what it cost
 *   lde:guest_start   a guest's first instruction: its workload
 *   lde:guest_exit    a guest left: its CPU time, and why (exit, or the
 *                     end of the experiment)
 *   lde:watchdog      the watchdog caught a hog: which, for how long
 *
 * Usage (in the VM, with lde.ko loaded):
 *	perf list 'lde:*'
 *	perf record -e 'lde:*' -a -- lde sched -P rr -D 100ms; perf script
 *	perf stat -e 'lde:*' -a -- lde trap -l 1000
 *	bpftrace -e 'tracepoint:lde:* { @[probe] = count(); }'
 *	trace-cmd record -e lde -- lde sched ...
 *	cat /sys/kernel/tracing/events/lde/guest_switch/format
 *
 * Disabled, a tracepoint is a static branch that is not taken: a nop in
 * the trap path.  Built with LDE_TRACE=0 (make LDE_TRACE=0), the calls
 * are compiled out altogether, to measure exactly that.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM lde

#if !defined(_LDE_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _LDE_TRACE_H

#include <linux/tracepoint.h>
#include "lde.h"

/* Who trapped: the caller's mode, for trap_enter and trap_exit. */
#define LDE_CALLER_USER		0	/* a process, through /dev/lde */
#define LDE_CALLER_GUEST	1	/* a guest, through lde_gtrap() */
#define LDE_CALLERS(EM, EMe)						\
	EM(LDE_CALLER_USER,	"user")					\
	EMe(LDE_CALLER_GUEST,	"guest")

/*
 * The enums by name, from the lists of lde.h (and LDE_CALLERS above), the
 * way include/trace/events/ do it: TRACE_DEFINE_ENUM() lets user space
 * (perf, trace-cmd) read the values, and __print_symbolic() prints them.
 */
#define LDE_TRACE_ENUM(sym, name)	TRACE_DEFINE_ENUM(sym);
LDE_SWITCH_REASONS(LDE_TRACE_ENUM, LDE_TRACE_ENUM)
LDE_MODES(LDE_TRACE_ENUM, LDE_TRACE_ENUM)

#define LDE_SYMBOL(sym, name)	{ sym, name },
#define LDE_SYMBOL_LAST(sym, name)	{ sym, name }

#define lde_show_caller(c)						\
	__print_symbolic(c, LDE_CALLERS(LDE_SYMBOL, LDE_SYMBOL_LAST))

#define lde_show_reason(r)						\
	__print_symbolic(r, LDE_SWITCH_REASONS(LDE_SYMBOL, LDE_SYMBOL_LAST))

#define lde_show_mode(m)						\
	__print_symbolic(m, LDE_MODES(LDE_SYMBOL, LDE_SYMBOL_LAST))

TRACE_EVENT(trap_enter,
	TP_PROTO(unsigned int nr, unsigned int caller),
	TP_ARGS(nr, caller),
	TP_STRUCT__entry(
		__field(unsigned int, nr)
		__field(unsigned int, caller)
	),
	TP_fast_assign(
		__entry->nr = nr;
		__entry->caller = caller;
	),
	TP_printk("nr=%u caller=%s", __entry->nr,
		  lde_show_caller(__entry->caller))
);

TRACE_EVENT(trap_exit,
	TP_PROTO(unsigned int nr, long ret, unsigned int caller),
	TP_ARGS(nr, ret, caller),
	TP_STRUCT__entry(
		__field(unsigned int, nr)
		__field(unsigned int, caller)
		__field(long, ret)
	),
	TP_fast_assign(
		__entry->nr = nr;
		__entry->caller = caller;
		__entry->ret = ret;
	),
	TP_printk("nr=%u ret=%ld caller=%s", __entry->nr, __entry->ret,
		  lde_show_caller(__entry->caller))
);

TRACE_EVENT(timer_tick,
	TP_PROTO(unsigned int cpu, u64 late_ns, unsigned int mode),
	TP_ARGS(cpu, late_ns, mode),
	TP_STRUCT__entry(
		__field(u64, late_ns)
		__field(unsigned int, cpu)
		__field(unsigned int, mode)
	),
	TP_fast_assign(
		__entry->late_ns = late_ns;
		__entry->cpu = cpu;
		__entry->mode = mode;
	),
	TP_printk("cpu=%u late_ns=%llu found=%s", __entry->cpu,
		  __entry->late_ns, lde_show_mode(__entry->mode))
);

TRACE_EVENT(guest_switch,
	TP_PROTO(int prev, int next, unsigned int reason, u64 cost_ns),
	TP_ARGS(prev, next, reason, cost_ns),
	TP_STRUCT__entry(
		__field(u64, cost_ns)
		__field(int, prev)
		__field(int, next)
		__field(unsigned int, reason)
	),
	TP_fast_assign(
		__entry->cost_ns = cost_ns;
		__entry->prev = prev;
		__entry->next = next;
		__entry->reason = reason;
	),
	TP_printk("prev=%d next=%d reason=%s cost_ns=%llu", __entry->prev,
		  __entry->next, lde_show_reason(__entry->reason),
		  __entry->cost_ns)
);

TRACE_EVENT(guest_start,
	TP_PROTO(int guest, unsigned int workload),
	TP_ARGS(guest, workload),
	TP_STRUCT__entry(
		__field(int, guest)
		__field(unsigned int, workload)
	),
	TP_fast_assign(
		__entry->guest = guest;
		__entry->workload = workload;
	),
	TP_printk("guest=%d workload=%u", __entry->guest, __entry->workload)
);

TRACE_EVENT(guest_exit,
	TP_PROTO(int guest, u64 cpu_ns, unsigned int end),
	TP_ARGS(guest, cpu_ns, end),
	TP_STRUCT__entry(
		__field(u64, cpu_ns)
		__field(int, guest)
		__field(unsigned int, end)
	),
	TP_fast_assign(
		__entry->cpu_ns = cpu_ns;
		__entry->guest = guest;
		__entry->end = end;
	),
	TP_printk("guest=%d cpu_ns=%llu end=%u", __entry->guest,
		  __entry->cpu_ns, __entry->end)
);

TRACE_EVENT(watchdog,
	TP_PROTO(int guest, u64 ran_ns),
	TP_ARGS(guest, ran_ns),
	TP_STRUCT__entry(
		__field(u64, ran_ns)
		__field(int, guest)
	),
	TP_fast_assign(
		__entry->ran_ns = ran_ns;
		__entry->guest = guest;
	),
	TP_printk("guest=%d ran_ns=%llu", __entry->guest, __entry->ran_ns)
);

#endif /* _LDE_TRACE_H */

/* This part must be outside the include guard. */
#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#define TRACE_INCLUDE_FILE lde_trace
#include <trace/define_trace.h>

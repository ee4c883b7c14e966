/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpus.h - which CPUs there are: the kernel's list of online CPUs, the
 * ones this process may run on, and pinning to one of them.
 *
 * Use:
 *	int cpu = cpus_last_usable();	// online and ours; -1 and errno
 *
 *	if (cpus_is_online(3) == 0)
 *		... CPU 3 is offline or does not exist ...
 *	if (cpus_pin(cpu) < 0)
 *		... errno EINVAL: not a CPU this process may run on ...
 *
 *	cpus_parse("0-3,6", fn, arg);	// fn(0, 3, arg), fn(6, 6, arg)
 */
#ifndef LDE_CPUS_H
#define LDE_CPUS_H

#define CPUS_ONLINE	"/sys/devices/system/cpu/online"

/*
 * Call fn(lo, hi, arg) for each range of a kernel CPU list ("0-3,6,8-9",
 * a newline may end it); a lone CPU is a range with lo == hi.  0, or -1
 * with errno EPROTO and no call at all for a list that is not one.
 */
int cpus_parse(const char *list, void (*fn)(unsigned long lo,
					    unsigned long hi, void *arg),
	       void *arg);

/* The highest CPU of a list, or -1 with errno EPROTO. */
int cpus_last(const char *list);

/* 1 if cpu is in the list, 0 if not, -1 with errno EPROTO. */
int cpus_has(const char *list, unsigned int cpu);

/* The highest-numbered online CPU, or -1 with errno set. */
int cpus_last_online(void);

/* 1 if cpu is online, 0 if not, -1 with errno if the list is unreadable. */
int cpus_is_online(unsigned int cpu);

/*
 * The highest-numbered CPU that is online and that this process may run
 * on (its affinity: a cpuset, taskset): -1 with errno if there is none.
 * CPU 0 usually handles most interrupts and housekeeping, so the last
 * one is the quietest.
 */
int cpus_last_usable(void);

/*
 * Pin the calling thread to cpu, or with cpu < 0 to cpus_last_usable().
 * Returns the CPU, or -1 with errno set: EINVAL if cpu is offline or
 * outside the CPUs this process may run on.
 */
int cpus_pin(int cpu);

#endif /* LDE_CPUS_H */

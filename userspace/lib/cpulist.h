/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpulist.h - which CPUs are online, from the kernel's own list.
 *
 * Use:
 *	int cpu = cpulist_last_online();	// -1 and errno if unknown
 *
 *	if (cpulist_is_online(3) == 0)
 *		... CPU 3 is offline or does not exist ...
 */
#ifndef LDE_CPULIST_H
#define LDE_CPULIST_H

#define CPULIST_ONLINE	"/sys/devices/system/cpu/online"

/* The highest-numbered online CPU, or -1 with errno set. */
int cpulist_last_online(void);

/* 1 if cpu is online, 0 if not, -1 with errno if the list is unreadable. */
int cpulist_is_online(unsigned int cpu);

#endif /* LDE_CPULIST_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trap.h - the trap table, shared by its machinery (trap.c), its handlers
 * (trap_handlers.c) and the device that dispatches into it (device.c).
 */
#ifndef _LDE_TRAP_H
#define _LDE_TRAP_H

#include <linux/types.h>
#include "lde.h"

/* Trap slots: highest trap number + 1.  Reported by LDE_IOC_INFO. */
#define LDE_NR_TRAPS	(LDE_TRAP_FLOOR + 1)

/* A handler gets the trap's one argument, as a syscall gets %rdi. */
typedef long (*lde_trap_fn)(unsigned long arg);

long lde_trap(unsigned int cmd, unsigned long arg);
const char *lde_trap_name(unsigned int nr);
extern const struct attribute_group *lde_trap_groups[];
void lde_trap_init(void);

long lde_sys_null(unsigned long arg);
long lde_sys_getpid(unsigned long arg);
long lde_sys_clock(unsigned long arg);
long lde_sys_echo(unsigned long arg);
long lde_sys_cpl(unsigned long arg);
long lde_sys_info(unsigned long arg);

#endif /* _LDE_TRAP_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - lde.ko: limited direct execution, as a loadable lab.
 *
 * Loading the module is lde's "boot": it fills the trap table, readies
 * the mini scheduler's labs, then opens the door to both (/dev/lde).
 * Exit undoes the same steps in reverse.
 *
 * Usage:
 *	insmod lde.ko [group=GID]
 *	lde info		# the traps and their counters
 *	lde trap		# what a trap costs, against the kernel's own
 *	lde sched -P rr		# guests sharing a CPU by timer interrupt
 *	rmmod lde
 */
#include <linux/module.h>

#include "device.h"
#include "sched.h"
#include "trap.h"

static int __init lde_init(void)
{
	int err;

	lde_trap_init();

	err = lde_sched_init();
	if (err)
		return err;

	err = lde_device_init();
	if (err)
		goto err_sched_exit;

	pr_info("trap table ready: %u traps behind /dev/lde (ABI %u)\n",
		LDE_NR_TRAPS, LDE_ABI_VERSION);
	return 0;

err_sched_exit:
	lde_sched_exit();
	return err;
}

/* The reverse of lde_init(): no more traps, then no more experiments. */
static void __exit lde_exit(void)
{
	lde_device_exit();
	lde_sched_exit();
}

module_init(lde_init);
module_exit(lde_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lde developers");
MODULE_DESCRIPTION("Limited direct execution: a trap table and a mini scheduler to study");

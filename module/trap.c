// SPDX-License-Identifier: GPL-2.0
/*
 * trap.c - the trap table: how a trap number becomes a handler.
 *
 * This is lde's IDT/syscall table.  lde_trap_init() fills it once while the
 * module loads, the way trap_init() fills the IDT at boot; after init the
 * table lives in __ro_after_init memory, so nothing (no bug, no exploit) can
 * point a trap somewhere else.  lde_trap() is the whole dispatch path:
 * bounds check, speculation barrier, exact command check, count, call.
 *
 * Usage: every ioctl on /dev/lde lands in lde_trap().  The per-trap counts
 * are in /sys/class/lde/lde/traps/<name>:
 *
 *	cat /sys/class/lde/lde/traps/null
 */
#include <linux/device.h>
#include <linux/ioctl.h>
#include <linux/nospec.h>
#include <linux/percpu.h>
#include <linux/sysfs.h>

#include "lde_trace.h"
#include "sched.h"
#include "trap.h"

struct lde_trap_entry {
	unsigned int cmd;	/* the full ioctl command: dir, size, type, nr */
	const char *name;
	lde_trap_fn fn;
};

static struct lde_trap_entry trap_table[LDE_NR_TRAPS] __ro_after_init;

/* Each trap's name, from the uapi's list: LDE_IOC_INFO's and sysfs's. */
static const char *const trap_names[] = {
	LDE_TRAPS(LDE_NAME, LDE_NAME)
};

static_assert(ARRAY_SIZE(trap_names) == LDE_NR_TRAPS,
	      "trap.h's LDE_NR_TRAPS covers lde.h's LDE_TRAPS()");

/*
 * Counted per CPU so that eight threads trapping at once do not bounce one
 * cache line between them; sysfs adds the CPUs up when it is read.
 */
struct lde_trap_stats {
	u64 count[LDE_NR_TRAPS];
};

static DEFINE_PER_CPU(struct lde_trap_stats, trap_stats);

long lde_trap(unsigned int cmd, unsigned long arg)
{
	unsigned int nr = _IOC_NR(cmd);
	long ret;

	if (_IOC_TYPE(cmd) != LDE_IOC_MAGIC)
		return -ENOTTY;
	if (nr >= LDE_NR_TRAPS)
		return -ENOSYS;
	/* The bounds check above must hold under speculation too. */
	nr = array_index_nospec(nr, LDE_NR_TRAPS);
	if (!trap_table[nr].fn)
		return -ENOSYS;
	/* Right number, wrong direction or size: not a command we know. */
	if (cmd != trap_table[nr].cmd)
		return -ENOTTY;

	this_cpu_inc(trap_stats.count[nr]);
	trace_trap_enter(nr, LDE_CALLER_USER);
	ret = trap_table[nr].fn(arg);
	trace_trap_exit(nr, ret, LDE_CALLER_USER);
	return ret;
}

const char *lde_trap_name(unsigned int nr)
{
	return nr < LDE_NR_TRAPS ? trap_table[nr].name : NULL;
}

static u64 trap_count(unsigned int nr)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu_ptr(&trap_stats, cpu)->count[nr];
	return sum;
}

static ssize_t trap_count_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	struct dev_ext_attribute *ea =
		container_of(attr, struct dev_ext_attribute, attr);

	return sysfs_emit(buf, "%llu\n", trap_count((uintptr_t)ea->var));
}

/* One read-only file per installed trap, named after it. */
static struct dev_ext_attribute trap_attrs[LDE_NR_TRAPS] __ro_after_init;
static struct attribute *trap_attr_list[LDE_NR_TRAPS + 1] __ro_after_init;

static const struct attribute_group trap_group = {
	.name = "traps",
	.attrs = trap_attr_list,
};

const struct attribute_group *lde_trap_groups[] = {
	&trap_group,
	NULL,
};

/*
 * Install one trap, the way set_intr_gate() installs one IDT vector.  The
 * slot is the trap number inside the command word, so the uapi header is
 * the only place a number, or a name, is written down.
 */
static void __init set_trap(unsigned int cmd, lde_trap_fn fn)
{
	static unsigned int nr_attrs __initdata;
	unsigned int nr = _IOC_NR(cmd);
	struct dev_ext_attribute *ea;

	if (WARN_ON(nr >= LDE_NR_TRAPS || !trap_names[nr] || trap_table[nr].fn))
		return;
	trap_table[nr] = (struct lde_trap_entry){ cmd, trap_names[nr], fn };

	ea = &trap_attrs[nr];
	ea->attr.attr.name = trap_names[nr];
	ea->attr.attr.mode = 0444;
	ea->attr.show = trap_count_show;
	ea->var = (void *)(uintptr_t)nr;
	trap_attr_list[nr_attrs++] = &ea->attr.attr;
}

void __init lde_trap_init(void)
{
	set_trap(LDE_IOC_NULL,		lde_sys_null);
	set_trap(LDE_IOC_GETPID,	lde_sys_getpid);
	set_trap(LDE_IOC_CLOCK,		lde_sys_clock);
	set_trap(LDE_IOC_ECHO,		lde_sys_echo);
	set_trap(LDE_IOC_CPL,		lde_sys_cpl);
	set_trap(LDE_IOC_INFO,		lde_sys_info);
	set_trap(LDE_IOC_SCHED_START,	lde_sys_sched_start);
	set_trap(LDE_IOC_SCHED_STOP,	lde_sys_sched_stop);
	set_trap(LDE_IOC_SCHED_RESULT,	lde_sys_sched_result);
	set_trap(LDE_IOC_FLOOR,		lde_sys_floor);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat.h - lde on every kernel from 6.1 on.
 *
 * lde's sources are written against the newest kernel's interfaces.  For
 * an older kernel, this header supplies each interface it lacks, built
 * from what that kernel has.  Kbuild.include decides which, by looking
 * for each interface in the kernel's own headers (LDE_COMPAT_*), and
 * passes this header to every C and assembly file with -include, so it
 * comes before anything else.  No other file of lde tests a kernel version
 * or an LDE_COMPAT_* macro.
 *
 * Adding one: a probe in Kbuild.include that finds the new interface, and
 * here the same interface for the kernels where the probe fails.
 */
#ifndef _LDE_COMPAT_H
#define _LDE_COMPAT_H

#ifdef __ASSEMBLY__

/* 6.4 renamed it: "no caller, stack traces end here" (x86's objtool). */
#ifdef LDE_COMPAT_UNWIND_HINT_EMPTY
#include <asm/unwind_hints.h>
#define UNWIND_HINT_END_OF_STACK UNWIND_HINT_EMPTY
#endif

#else /* !__ASSEMBLY__ */

#include <linux/device.h>
#include <linux/hrtimer.h>
#include <linux/module.h>

/* 6.13: the callback is set with the rest (hrtimer_init() went in 6.15). */
#ifdef LDE_COMPAT_HRTIMER_INIT
static inline void hrtimer_setup(struct hrtimer *timer,
				 enum hrtimer_restart (*function)(struct hrtimer *),
				 clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}
#endif

/* 6.4: no owner argument; the class belongs to the caller's module. */
#ifdef LDE_COMPAT_CLASS_CREATE_OWNER
#undef class_create
#define class_create(name)						\
({									\
	static struct lock_class_key __key;				\
									\
	__class_create(THIS_MODULE, name, &__key);			\
})
#endif

/*
 * 6.2: device_type.devnode() takes a const struct device.  A devnode
 * callback declares its device parameter as "devnode_const struct device *".
 */
#ifdef LDE_COMPAT_DEVNODE_NOT_CONST
#define devnode_const
#else
#define devnode_const const
#endif

/*
 * arm64: the GIC priority mask an exception saved, pt_regs' pmr; 6.x
 * called it pmr_save.  (An accessor, not a field of the same name.)
 */
#ifdef LDE_COMPAT_PMR_SAVE
#define lde_regs_pmr(regs) ((regs)->pmr_save)
#else
#define lde_regs_pmr(regs) ((regs)->pmr)
#endif

#endif /* __ASSEMBLY__ */
#endif /* _LDE_COMPAT_H */

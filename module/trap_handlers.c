// SPDX-License-Identifier: GPL-2.0
/*
 * trap_handlers.c - what each lde trap does, once trap.c has picked it.
 *
 * Each handler is a tiny "system call" of the mini-kernel.  They run in
 * kernel mode (ring 0, EL1) on the caller's kernel stack, with the
 * caller's user memory still mapped, which is why every user pointer goes
 * through copy_{from,to}_user or put_user: those check that the address
 * is a user address (a kernel address gets -EFAULT, never a read of
 * kernel memory) and survive a page fault.  The ABI, errors included, is
 * documented in uapi/lde.h.
 */
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include "arch.h"
#include "trap.h"

/* The floor: as little as a trap can do and still be a trap. */
long lde_sys_null(unsigned long arg)
{
	/* An unused argument must be 0, so it can be given a meaning later. */
	return arg ? -EINVAL : 0;
}

long lde_sys_getpid(unsigned long arg)
{
	if (arg)
		return -EINVAL;
	/* What getpid(2) returns: the thread group id, in the caller's pidns. */
	return task_tgid_vnr(current);
}

long lde_sys_clock(unsigned long arg)
{
	/* 64 bits do not fit the int that ioctl(2) returns: store them. */
	return put_user(ktime_get_ns(), (u64 __user *)arg);
}

/*
 * Bounce through a small stack buffer rather than an allocation, so the
 * cost by size is the cost of crossing and copying, not of kmalloc().
 */
#define ECHO_CHUNK	512

long lde_sys_echo(unsigned long arg)
{
	u8 chunk[ECHO_CHUNK];
	struct lde_echo e;
	const u8 __user *src;
	u8 __user *dst;
	u32 done, n;

	if (copy_from_user(&e, (void __user *)arg, sizeof(e)))
		return -EFAULT;
	if (e.flags || e.len > LDE_ECHO_MAX)
		return -EINVAL;

	src = u64_to_user_ptr(e.src);
	dst = u64_to_user_ptr(e.dst);
	for (done = 0; done < e.len; done += n) {
		n = min_t(u32, e.len - done, sizeof(chunk));
		if (copy_from_user(chunk, src + done, n))
			return -EFAULT;
		if (copy_to_user(dst + done, chunk, n))
			return -EFAULT;
	}
	return e.len;
}

/*
 * The proof of the mode switch: read our own privilege level and two
 * registers that only the kernel's level may read (arch.h says which).
 * From user mode the very same read is refused (see lde demo privileged).
 */
long lde_sys_cpl(unsigned long arg)
{
	struct lde_cpl c = {};

	lde_arch_read_cpl(&c);
	return copy_to_user((void __user *)arg, &c, sizeof(c)) ? -EFAULT : 0;
}

long lde_sys_info(unsigned long arg)
{
	struct lde_info __user *uinfo = (void __user *)arg;
	struct lde_info info;
	char __user *names;
	unsigned int i, slots;

	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	if (info.flags)
		return -EINVAL;

	names = u64_to_user_ptr(info.names);
	slots = info.names ? min_t(u32, LDE_NR_TRAPS,
				   info.names_size / LDE_TRAP_NAME_LEN) : 0;
	for (i = 0; i < slots; i++) {
		char name[LDE_TRAP_NAME_LEN];

		strscpy_pad(name, lde_trap_name(i) ?: "", sizeof(name));
		if (copy_to_user(names + i * LDE_TRAP_NAME_LEN, name,
				 sizeof(name)))
			return -EFAULT;
	}

	info.abi_version = LDE_ABI_VERSION;
	info.nr_traps = LDE_NR_TRAPS;
	return copy_to_user(uinfo, &info, sizeof(info)) ? -EFAULT : 0;
}

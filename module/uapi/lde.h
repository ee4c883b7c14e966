/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * lde.h - the one contract between lde.ko and user space.
 *
 * lde ("limited direct execution") exposes a syscall-like trap interface on
 * the character device /dev/lde.  A trap is an ioctl() whose command word
 * carries the trap number, the way %rax carries a syscall number:
 *
 *	ret = ioctl(fd, LDE_IOC_<TRAP>, arg);
 *
 *   - _IOC_NR(cmd) is the trap number.  It indexes the module's trap table,
 *     which is filled in once when the module loads and is read-only after
 *     that, like an interrupt descriptor table after boot.
 *   - The one argument travels in a register (the ioctl argument).  Traps
 *     that need more than one word take a pointer to a struct below; every
 *     struct has explicit sizes, only __u32/__u64 members, and pointers
 *     carried as __u64.
 *   - The return value is the trap's result; errors come back as -1/errno.
 *
 * Errors, the same for every trap:
 *   ENOSYS   _IOC_TYPE(cmd) is LDE_IOC_MAGIC but no trap has that number.
 *   ENOTTY   any other command, including a known trap number whose
 *            direction or size bits do not match the command below.
 *   EFAULT   a pointer that user space cannot access (kernel addresses too).
 *   EINVAL   a size above its limit, or non-zero flags, padding or unused
 *            argument.
 *   EACCES   from open(): the node is root-only (mode 0600) unless the
 *            module was loaded with group=GID, which makes it 0660 root:GID.
 *
 * Discovery: LDE_IOC_INFO returns LDE_ABI_VERSION, the number of trap slots
 * and each trap's name, so tools need not hard-code what a module offers.
 *
 * Counters: every dispatched trap is counted per CPU; the sums are in
 * /sys/class/lde/lde/traps/<name>, one decimal number per file.
 */
#ifndef _UAPI_LDE_H
#define _UAPI_LDE_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define LDE_ABI_VERSION		1
#define LDE_DEVICE_PATH		"/dev/lde"
#define LDE_SYSFS_TRAPS		"/sys/class/lde/lde/traps"

/* Free in Documentation/userspace-api/ioctl/ioctl-number.rst (Linux 6.1). */
#define LDE_IOC_MAGIC		0xB8

/* Trap numbers: _IOC_NR() of the commands below.  Never renumbered. */
enum lde_trap_nr {
	LDE_TRAP_NULL	= 0,	/* arg must be 0; returns 0: the floor */
	LDE_TRAP_GETPID	= 1,	/* arg must be 0; returns the caller's tgid */
	LDE_TRAP_CLOCK	= 2,	/* arg: __u64 *; stores CLOCK_MONOTONIC ns */
	LDE_TRAP_ECHO	= 3,	/* arg: struct lde_echo *; returns len */
	LDE_TRAP_CPL	= 4,	/* arg: struct lde_cpl *; returns 0 */
	LDE_TRAP_INFO	= 5,	/* arg: struct lde_info *; returns 0 */
};

/*
 * LDE_TRAP_ECHO copies len bytes from src into the kernel and back out to
 * dst, to show what crossing the boundary costs by size.  len may be 0 and
 * at most LDE_ECHO_MAX; flags must be 0.
 */
#define LDE_ECHO_MAX		(64 * 1024)

struct lde_echo {
	__u64 src;		/* user pointer, len bytes readable */
	__u64 dst;		/* user pointer, len bytes writable */
	__u32 len;
	__u32 flags;		/* must be 0 */
};

/*
 * LDE_TRAP_CPL reports the privilege level its handler ran at (the low two
 * bits of %cs: 0 in the kernel, 3 in user mode) and two control registers
 * that only ring 0 can read.  The same "mov %cr0" from user mode raises #GP.
 */
struct lde_cpl {
	__u32 cpl;
	__u32 pad;		/* written as 0 */
	__u64 cr0;
	__u64 cr4;
};

/*
 * LDE_TRAP_INFO.  nr_traps is the number of trap slots (highest trap number
 * + 1).  If names is non-zero it points to names_size bytes; the kernel
 * fills min(nr_traps, names_size / LDE_TRAP_NAME_LEN) slots of
 * LDE_TRAP_NAME_LEN bytes, slot i holding trap i's NUL-padded name (empty
 * for an unused number).  flags must be 0.
 */
#define LDE_TRAP_NAME_LEN	16

struct lde_info {
	__u32 abi_version;	/* out */
	__u32 nr_traps;		/* out */
	__u64 names;		/* in: user pointer or 0 */
	__u32 names_size;	/* in: bytes at names */
	__u32 flags;		/* in: must be 0 */
};

#define LDE_IOC_NULL	_IO(LDE_IOC_MAGIC, LDE_TRAP_NULL)
#define LDE_IOC_GETPID	_IO(LDE_IOC_MAGIC, LDE_TRAP_GETPID)
#define LDE_IOC_CLOCK	_IOR(LDE_IOC_MAGIC, LDE_TRAP_CLOCK, __u64)
#define LDE_IOC_ECHO	_IOW(LDE_IOC_MAGIC, LDE_TRAP_ECHO, struct lde_echo)
#define LDE_IOC_CPL	_IOR(LDE_IOC_MAGIC, LDE_TRAP_CPL, struct lde_cpl)
#define LDE_IOC_INFO	_IOWR(LDE_IOC_MAGIC, LDE_TRAP_INFO, struct lde_info)

#endif /* _UAPI_LDE_H */

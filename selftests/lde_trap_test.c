// SPDX-License-Identifier: GPL-2.0
/*
 * lde_trap_test - every trap of /dev/lde, its result and each error path
 * that uapi/lde.h documents: null, getpid, clock, echo, cpl, info, the
 * dispatch errors (ENOSYS, ENOTTY) and the per-trap sysfs counters.
 *
 * Needs lde.ko loaded (default parameters) and access to /dev/lde; every
 * test that needs the device SKIPs without it.  Nothing else may trap
 * while it runs, or the exact counter checks fail.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_trap_test [-h]			(this one; see -h for filters)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>

#include "lde_test.h"

/*
 * Return p such that [p, p + valid) is readable and writable and p + valid
 * is the first byte of an inaccessible (PROT_NONE) page: the kernel cannot
 * touch even one byte past what it was given without EFAULT.  guarded(0)
 * is an address no access succeeds at.  NULL if mmap() fails.
 */
static void *guarded(size_t valid)
{
	size_t ps = sysconf(_SC_PAGESIZE);
	size_t len = (valid + ps - 1) / ps * ps;
	char *base;

	base = mmap(NULL, len + ps, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	if (mprotect(base + len, ps, PROT_NONE))
		return NULL;
	return base + len - valid;
}

/* A page of zeroes that user space (and so the kernel for it) can only read. */
static void *read_only_page(void)
{
	void *p = mmap(NULL, sysconf(_SC_PAGESIZE), PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Byte i of the echo pattern: differs between any two of the 64 KiB. */
static unsigned char pattern(size_t i)
{
	return i * 31 + (i >> 8) + 7;
}

static struct lde_echo echo_args(const void *src, void *dst, __u32 len)
{
	struct lde_echo e = {
		.src = (uintptr_t)src,
		.dst = (uintptr_t)dst,
		.len = len,
	};

	return e;
}

/* cpl trap into *c, every byte first set to poison (so unwritten shows). */
static long get_cpl(int fd, struct lde_cpl *c, int poison)
{
	memset(c, poison, sizeof(*c));
	return lde_trap_p(fd, LDE_IOC_CPL, c);
}

/* info trap into *info (outputs zeroed first), names/size as given. */
static long get_info(int fd, struct lde_info *info, void *names, __u32 size)
{
	memset(info, 0, sizeof(*info));
	info->names = (uintptr_t)names;
	info->names_size = size;
	return lde_trap_p(fd, LDE_IOC_INFO, info);
}

/* True if the len bytes at p all equal c. */
static bool all_bytes(const void *p, size_t len, unsigned char c)
{
	const unsigned char *b = p;

	while (len--)
		if (*b++ != c)
			return false;
	return true;
}

/* The LDE_TRAP_NAME_LEN bytes a slot must hold for name: NUL-padded. */
static void padded_name(char slot[LDE_TRAP_NAME_LEN], const char *name)
{
	memset(slot, 0, LDE_TRAP_NAME_LEN);
	memcpy(slot, name, strlen(name));
}

/* One successful call of trap nr, with valid arguments. */
static long valid_trap(int fd, unsigned int nr)
{
	unsigned char buf[64] = { 0 };
	struct lde_echo e = echo_args(buf, buf + 32, 16);
	struct lde_info info = { 0 };
	struct lde_cpl c;
	__u64 t;

	switch (nr) {
	case LDE_TRAP_NULL:
	case LDE_TRAP_GETPID:
		return lde_trap(fd, lde_trap_cmds[nr], 0);
	case LDE_TRAP_CLOCK:
		return lde_trap_p(fd, LDE_IOC_CLOCK, &t);
	case LDE_TRAP_ECHO:
		return lde_trap_p(fd, LDE_IOC_ECHO, &e);
	case LDE_TRAP_CPL:
		return lde_trap_p(fd, LDE_IOC_CPL, &c);
	case LDE_TRAP_INFO:
		return lde_trap_p(fd, LDE_IOC_INFO, &info);
	}
	return -EINVAL;
}

/* Read every known trap's counter into counts[]; 0 or -errno. */
static int read_counters(unsigned long long counts[LDE_NR_KNOWN_TRAPS])
{
	unsigned int i;
	int err;

	for (i = 0; i < LDE_NR_KNOWN_TRAPS; i++) {
		err = lde_counter(lde_trap_names[i], &counts[i]);
		if (err)
			return err;
	}
	return 0;
}

/* cmd with its size field replaced. */
static unsigned long with_size(unsigned long cmd, unsigned int size)
{
	return _IOC(_IOC_DIR(cmd), _IOC_TYPE(cmd), _IOC_NR(cmd), size);
}

/* cmd with its direction field replaced. */
static unsigned long with_dir(unsigned long cmd, unsigned int dir)
{
	return _IOC(dir, _IOC_TYPE(cmd), _IOC_NR(cmd), _IOC_SIZE(cmd));
}

/* cmd with its type (magic) field replaced. */
static unsigned long with_type(unsigned long cmd, unsigned int type)
{
	return _IOC(_IOC_DIR(cmd), type, _IOC_NR(cmd), _IOC_SIZE(cmd));
}

FIXTURE(trap) {
	int fd;
};

FIXTURE_SETUP(trap)
{
	LDE_OPEN_OR_SKIP(self->fd);
}

FIXTURE_TEARDOWN(trap)
{
	close(self->fd);
}

/* null: the floor trap returns 0. */
TEST_F(trap, null_returns_zero)
{
	ASSERT_EQ(0, lde_trap(self->fd, LDE_IOC_NULL, 0));
}

/* null: a non-zero argument, also one with only high bits, is EINVAL. */
TEST_F(trap, null_nonzero_arg_einval)
{
	EXPECT_EQ(-EINVAL, lde_trap(self->fd, LDE_IOC_NULL, 1));
	EXPECT_EQ(-EINVAL, lde_trap(self->fd, LDE_IOC_NULL, 1UL << 32));
}

/* getpid: returns what getpid(2) returns. */
TEST_F(trap, getpid_is_getpid)
{
	ASSERT_EQ(getpid(), lde_trap(self->fd, LDE_IOC_GETPID, 0));
}

struct getpid_call {
	int fd;
	pid_t tid;
	long ret;
};

static void *getpid_thread(void *arg)
{
	struct getpid_call *call = arg;

	call->tid = gettid();
	call->ret = lde_trap(call->fd, LDE_IOC_GETPID, 0);
	return NULL;
}

/* getpid: from a second thread it is still the tgid, not the thread's id. */
TEST_F(trap, getpid_from_thread_is_tgid)
{
	struct getpid_call call = { .fd = self->fd };
	pthread_t thread;

	ASSERT_EQ(0, pthread_create(&thread, NULL, getpid_thread, &call));
	ASSERT_EQ(0, pthread_join(thread, NULL));
	/* Else this test could not tell the tgid from the thread's pid. */
	ASSERT_NE(getpid(), call.tid);
	ASSERT_EQ(getpid(), call.ret);
}

/* getpid: a child trapping on the inherited fd gets its own pid. */
TEST_F(trap, getpid_in_child_is_child_pid)
{
	long *ret;
	int status;
	pid_t pid;

	ret = mmap(NULL, sizeof(*ret), PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, ret);
	*ret = 0;
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		*ret = lde_trap(self->fd, LDE_IOC_GETPID, 0);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(pid, *ret);
}

/* getpid: a non-zero argument is EINVAL. */
TEST_F(trap, getpid_nonzero_arg_einval)
{
	EXPECT_EQ(-EINVAL, lde_trap(self->fd, LDE_IOC_GETPID, 1));
	EXPECT_EQ(-EINVAL, lde_trap(self->fd, LDE_IOC_GETPID, 1UL << 32));
}

/* clock: stores CLOCK_MONOTONIC, between two user-space reads around it. */
TEST_F(trap, clock_between_two_reads)
{
	__u64 before, after, t = 0;

	before = lde_mono_ns();
	ASSERT_EQ(0, lde_trap_p(self->fd, LDE_IOC_CLOCK, &t));
	after = lde_mono_ns();
	EXPECT_LE(before, t);
	EXPECT_GE(after, t);
}

/* clock: a NULL pointer is EFAULT. */
TEST_F(trap, clock_null_efault)
{
	ASSERT_EQ(-EFAULT, lde_trap(self->fd, LDE_IOC_CLOCK, 0));
}

/* clock: a kernel address is EFAULT, never a write into the kernel. */
TEST_F(trap, clock_kernel_addr_efault)
{
	ASSERT_EQ(-EFAULT, lde_trap(self->fd, LDE_IOC_CLOCK, LDE_KERNEL_ADDR));
}

/* clock: a page user space may only read is EFAULT. */
TEST_F(trap, clock_readonly_efault)
{
	void *ro = read_only_page();

	ASSERT_NE(NULL, ro);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_CLOCK, ro));
}

/* clock: all 8 bytes are stored, so half a __u64 before a hole is EFAULT. */
TEST_F(trap, clock_straddling_hole_efault)
{
	void *p = guarded(4);

	ASSERT_NE(NULL, p);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_CLOCK, p));
}

FIXTURE(echo) {
	int fd;
};

FIXTURE_VARIANT(echo) {
	__u32 len;
};

FIXTURE_VARIANT_ADD(echo, len_0) { .len = 0 };
FIXTURE_VARIANT_ADD(echo, len_1) { .len = 1 };
FIXTURE_VARIANT_ADD(echo, len_4096) { .len = 4096 };
FIXTURE_VARIANT_ADD(echo, len_4097) { .len = 4097 };
FIXTURE_VARIANT_ADD(echo, len_max) { .len = LDE_ECHO_MAX };

FIXTURE_SETUP(echo)
{
	LDE_OPEN_OR_SKIP(self->fd);
}

FIXTURE_TEARDOWN(echo)
{
	close(self->fd);
}

/*
 * echo: copies exactly len bytes src -> dst and returns len.  Both buffers
 * end at a hole, so touching one byte more would fail with EFAULT.
 */
TEST_F(echo, copies_src_to_dst)
{
	__u32 len = variant->len, i;
	unsigned char *src = guarded(len), *dst = guarded(len);
	struct lde_echo e = echo_args(src, dst, len);

	ASSERT_NE(NULL, src);
	ASSERT_NE(NULL, dst);
	for (i = 0; i < len; i++) {
		src[i] = pattern(i);
		dst[i] = ~pattern(i);
	}
	ASSERT_EQ(len, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
	for (i = 0; i < len && dst[i] == pattern(i); i++)
		;
	ASSERT_EQ(len, i) TH_LOG("dst differs from src at byte %u", i);
	for (i = 0; i < len && src[i] == pattern(i); i++)
		;
	ASSERT_EQ(len, i) TH_LOG("src changed at byte %u", i);
}

/* echo: a len above LDE_ECHO_MAX is EINVAL, even with big enough buffers. */
TEST_F(trap, echo_len_over_max_einval)
{
	void *src = guarded(2 * LDE_ECHO_MAX), *dst = guarded(2 * LDE_ECHO_MAX);
	struct lde_echo e = echo_args(src, dst, LDE_ECHO_MAX + 1);

	ASSERT_NE(NULL, src);
	ASSERT_NE(NULL, dst);
	EXPECT_EQ(-EINVAL, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
	e.len = 2 * LDE_ECHO_MAX;
	EXPECT_EQ(-EINVAL, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
}

/* echo: non-zero flags, low or high bit, are EINVAL. */
TEST_F(trap, echo_flags_einval)
{
	char src[8] = "abcdefg", dst[8];
	struct lde_echo e = echo_args(src, dst, sizeof(src));

	e.flags = 1;
	EXPECT_EQ(-EINVAL, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
	e.flags = 1U << 31;
	EXPECT_EQ(-EINVAL, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
}

/* echo: an inaccessible src is EFAULT. */
TEST_F(trap, echo_bad_src_efault)
{
	char dst[16];
	struct lde_echo e = echo_args(guarded(0), dst, sizeof(dst));

	ASSERT_NE(0ULL, e.src);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
}

/* echo: a kernel src is EFAULT, never a read of kernel memory. */
TEST_F(trap, echo_kernel_src_efault)
{
	char dst[16];
	struct lde_echo e = echo_args((void *)LDE_KERNEL_ADDR, dst, sizeof(dst));

	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
}

/* echo: a src one byte shorter than len (then a hole) is EFAULT. */
TEST_F(trap, echo_short_src_efault)
{
	void *src = guarded(4096 - 1), *dst = guarded(4096);
	struct lde_echo e = echo_args(src, dst, 4096);

	ASSERT_NE(NULL, src);
	ASSERT_NE(NULL, dst);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
}

/* echo: an inaccessible dst is EFAULT. */
TEST_F(trap, echo_bad_dst_efault)
{
	char src[16] = "0123456789abcde";
	struct lde_echo e = echo_args(src, guarded(0), sizeof(src));

	ASSERT_NE(0ULL, e.dst);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
}

/* echo: a kernel dst is EFAULT, never a write into the kernel. */
TEST_F(trap, echo_kernel_dst_efault)
{
	char src[16] = "0123456789abcde";
	struct lde_echo e = echo_args(src, (void *)LDE_KERNEL_ADDR, sizeof(src));

	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
}

/* echo: a dst that user space may only read is EFAULT. */
TEST_F(trap, echo_readonly_dst_efault)
{
	char src[16] = "0123456789abcde";
	struct lde_echo e = echo_args(src, read_only_page(), sizeof(src));

	ASSERT_NE(0ULL, e.dst);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
}

/* echo: a dst one byte shorter than len (then a hole) is EFAULT. */
TEST_F(trap, echo_short_dst_efault)
{
	void *src = guarded(4096), *dst = guarded(4096 - 1);
	struct lde_echo e = echo_args(src, dst, 4096);

	ASSERT_NE(NULL, src);
	ASSERT_NE(NULL, dst);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_ECHO, &e));
}

/* echo: a NULL struct pointer is EFAULT. */
TEST_F(trap, echo_null_struct_efault)
{
	ASSERT_EQ(-EFAULT, lde_trap(self->fd, LDE_IOC_ECHO, 0));
}

/* echo: the whole struct is read, so one whose flags lie in a hole is EFAULT. */
TEST_F(trap, echo_struct_straddling_hole_efault)
{
	char src[16] = "0123456789abcde", dst[16];
	struct lde_echo e = echo_args(src, dst, sizeof(src));
	size_t valid = offsetof(struct lde_echo, flags);
	void *p = guarded(valid);

	ASSERT_NE(NULL, p);
	memcpy(p, &e, valid);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_ECHO, p));
}

/* cpl: returns 0 and reports the kernel's level (CPL 0; EL1). */
TEST_F(trap, cpl_is_kernel_level)
{
	struct lde_cpl c;

	ASSERT_EQ(0, get_cpl(self->fd, &c, 0xff));
	ASSERT_TRUE(lde_kernel_level(c.level))
		TH_LOG("level = %u", c.level);
}

/* cpl: arch names this CPU's architecture (x86-64: 0, ABI 1's pad). */
TEST_F(trap, cpl_arch_is_this_cpus)
{
	struct lde_cpl c;

	ASSERT_EQ(0, get_cpl(self->fd, &c, 0xff));
	ASSERT_EQ((__u32)LDE_ARCH_HERE, c.arch);
}

/* cpl: ctl[0] is a real CR0 (PE, PG) or SCTLR_EL1 (M): paging is on. */
TEST_F(trap, cpl_ctl0_paging_on)
{
	struct lde_cpl c;

	ASSERT_EQ(0, get_cpl(self->fd, &c, 0));
	EXPECT_TRUE(lde_ctl0_ok(c.ctl[0]))
		TH_LOG("ctl[0] = %#llx", (unsigned long long)c.ctl[0]);
}

/* cpl: ctl[1] is a real CR4 (PAE) or TCR_EL1 (T1SZ in range). */
TEST_F(trap, cpl_ctl1_as_expected)
{
	struct lde_cpl c;

	ASSERT_EQ(0, get_cpl(self->fd, &c, 0));
	ASSERT_TRUE(lde_ctl1_ok(c.ctl[1]))
		TH_LOG("ctl[1] = %#llx", (unsigned long long)c.ctl[1]);
}

/* cpl: a NULL pointer is EFAULT. */
TEST_F(trap, cpl_null_efault)
{
	ASSERT_EQ(-EFAULT, lde_trap(self->fd, LDE_IOC_CPL, 0));
}

/* cpl: the whole struct is stored, so one ending in a hole is EFAULT. */
TEST_F(trap, cpl_straddling_hole_efault)
{
	void *p = guarded(sizeof(struct lde_cpl) - 4);

	ASSERT_NE(NULL, p);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_CPL, p));
}

/*
 * The contrast lde.h draws: the register the cpl trap reads in kernel mode
 * cannot be read in user mode.  The CPU refuses the instruction, and Linux
 * delivers a signal: SIGSEGV for x86's #GP, SIGILL for arm64's undefined
 * instruction (lde_arch_test.h).  Needs no module.
 */
TEST_SIGNAL(LDE_USER_PRIV_TEST, LDE_USER_PRIV_SIGNAL)
{
	struct rlimit no_core = { 0, 0 };

	setrlimit(RLIMIT_CORE, &no_core);	/* no core file in the tree */
	TH_LOG("user mode read " LDE_USER_PRIV_REG " = %#lx",
	       lde_user_priv_read());
}

/* info: with names == 0 it only reports: returns 0 and LDE_ABI_VERSION. */
TEST_F(trap, info_abi_version)
{
	struct lde_info info;

	ASSERT_EQ(0, get_info(self->fd, &info, NULL, 0));
	ASSERT_EQ((__u32)LDE_ABI_VERSION, info.abi_version);
}

/* info: nr_traps covers at least the six ABI 1 traps (names == 0). */
TEST_F(trap, info_nr_traps_at_least_6)
{
	struct lde_info info;

	ASSERT_EQ(0, get_info(self->fd, &info, NULL, 0));
	ASSERT_LE(LDE_NR_KNOWN_TRAPS, info.nr_traps);
}

/* info: slots 0..5 hold null, getpid, clock, echo, cpl, info, NUL-padded. */
TEST_F(trap, info_names_of_abi_1_traps)
{
	size_t size = LDE_NR_KNOWN_TRAPS * LDE_TRAP_NAME_LEN;
	char *names = guarded(size), slot[LDE_TRAP_NAME_LEN];
	struct lde_info info;
	unsigned int i;

	ASSERT_NE(NULL, names);
	memset(names, 0xa5, size);
	ASSERT_EQ(0, get_info(self->fd, &info, names, size));
	for (i = 0; i < LDE_NR_KNOWN_TRAPS; i++) {
		padded_name(slot, lde_trap_names[i]);
		EXPECT_EQ(0, memcmp(slot, names + i * LDE_TRAP_NAME_LEN,
				    LDE_TRAP_NAME_LEN))
			TH_LOG("slot %u is \"%.16s\", not \"%s\"", i,
			       names + i * LDE_TRAP_NAME_LEN, lde_trap_names[i]);
	}
}

/* info: names_size of two slots fills exactly two; the bytes after stay. */
TEST_F(trap, info_two_slots_fill_two)
{
	char names[4 * LDE_TRAP_NAME_LEN], slot[LDE_TRAP_NAME_LEN];
	struct lde_info info;

	memset(names, 0xa5, sizeof(names));
	ASSERT_EQ(0, get_info(self->fd, &info, names, 2 * LDE_TRAP_NAME_LEN));
	padded_name(slot, "null");
	EXPECT_EQ(0, memcmp(slot, names, LDE_TRAP_NAME_LEN));
	padded_name(slot, "getpid");
	EXPECT_EQ(0, memcmp(slot, names + LDE_TRAP_NAME_LEN, LDE_TRAP_NAME_LEN));
	EXPECT_TRUE(all_bytes(names + 2 * LDE_TRAP_NAME_LEN,
			      2 * LDE_TRAP_NAME_LEN, 0xa5));
}

/* info: a names_size that ends inside a slot leaves that slot untouched. */
TEST_F(trap, info_partial_slot_untouched)
{
	char names[3 * LDE_TRAP_NAME_LEN], slot[LDE_TRAP_NAME_LEN];
	struct lde_info info;

	memset(names, 0xa5, sizeof(names));
	ASSERT_EQ(0, get_info(self->fd, &info, names,
			      2 * LDE_TRAP_NAME_LEN - 1));
	padded_name(slot, "null");
	EXPECT_EQ(0, memcmp(slot, names, LDE_TRAP_NAME_LEN));
	EXPECT_TRUE(all_bytes(names + LDE_TRAP_NAME_LEN,
			      2 * LDE_TRAP_NAME_LEN, 0xa5));
}

/* info: a buffer larger than nr_traps slots is filled up to nr_traps only. */
TEST_F(trap, info_big_buffer_fills_nr_traps_slots)
{
	struct lde_info info;
	size_t size;
	char *names;

	ASSERT_EQ(0, get_info(self->fd, &info, NULL, 0));
	size = (info.nr_traps + 2) * LDE_TRAP_NAME_LEN;
	names = malloc(size);
	ASSERT_NE(NULL, names);
	memset(names, 0xa5, size);
	ASSERT_EQ(0, get_info(self->fd, &info, names, size));
	EXPECT_FALSE(all_bytes(names, LDE_TRAP_NAME_LEN, 0xa5));
	EXPECT_TRUE(all_bytes(names + info.nr_traps * LDE_TRAP_NAME_LEN,
			      2 * LDE_TRAP_NAME_LEN, 0xa5));
	free(names);
}

/* info: non-zero flags are EINVAL. */
TEST_F(trap, info_flags_einval)
{
	struct lde_info info = { .flags = 1 };

	ASSERT_EQ(-EINVAL, lde_trap_p(self->fd, LDE_IOC_INFO, &info));
}

/* info: an inaccessible names buffer is EFAULT. */
TEST_F(trap, info_bad_names_efault)
{
	struct lde_info info;
	void *names = guarded(0);

	ASSERT_NE(NULL, names);
	ASSERT_EQ(-EFAULT, get_info(self->fd, &info, names,
				    LDE_NR_KNOWN_TRAPS * LDE_TRAP_NAME_LEN));
}

/* info: a kernel names pointer is EFAULT, never a write into the kernel. */
TEST_F(trap, info_kernel_names_efault)
{
	struct lde_info info;

	ASSERT_EQ(-EFAULT, get_info(self->fd, &info, (void *)LDE_KERNEL_ADDR,
				    LDE_NR_KNOWN_TRAPS * LDE_TRAP_NAME_LEN));
}

/* info: a NULL struct pointer is EFAULT. */
TEST_F(trap, info_null_struct_efault)
{
	ASSERT_EQ(-EFAULT, lde_trap(self->fd, LDE_IOC_INFO, 0));
}

/* info: the whole struct is read, so one whose flags lie in a hole is EFAULT. */
TEST_F(trap, info_struct_straddling_hole_efault)
{
	void *p = guarded(offsetof(struct lde_info, flags));

	ASSERT_NE(NULL, p);
	ASSERT_EQ(-EFAULT, lde_trap_p(self->fd, LDE_IOC_INFO, p));
}

/* info: a slot is empty (all NUL) exactly when its number is ENOSYS. */
TEST_F(trap, info_empty_slot_iff_enosys)
{
	struct lde_info info;
	unsigned int i;
	char *names;
	long ret;

	ASSERT_EQ(0, get_info(self->fd, &info, NULL, 0));
	names = calloc(info.nr_traps, LDE_TRAP_NAME_LEN);
	ASSERT_NE(NULL, names);
	ASSERT_EQ(0, get_info(self->fd, &info, names,
			      info.nr_traps * LDE_TRAP_NAME_LEN));
	for (i = 0; i < info.nr_traps && i <= _IOC_NRMASK; i++) {
		char *slot = names + i * LDE_TRAP_NAME_LEN;

		ret = lde_trap(self->fd, _IO(LDE_IOC_MAGIC, i), 0);
		if (slot[0]) {
			EXPECT_NE(-ENOSYS, ret) TH_LOG("trap %u (%.16s)", i, slot);
		} else {
			EXPECT_EQ(-ENOSYS, ret) TH_LOG("unnamed trap %u", i);
			EXPECT_TRUE(all_bytes(slot, LDE_TRAP_NAME_LEN, 0));
		}
	}
	free(names);
}

/* info: every named trap has its counter file in sysfs. */
TEST_F(trap, info_named_traps_have_counters)
{
	unsigned long long count;
	struct lde_info info;
	unsigned int i;
	char *names;

	ASSERT_EQ(0, get_info(self->fd, &info, NULL, 0));
	names = calloc(info.nr_traps, LDE_TRAP_NAME_LEN);
	ASSERT_NE(NULL, names);
	ASSERT_EQ(0, get_info(self->fd, &info, names,
			      info.nr_traps * LDE_TRAP_NAME_LEN));
	for (i = 0; i < info.nr_traps; i++) {
		char name[LDE_TRAP_NAME_LEN + 1] = { 0 };

		memcpy(name, names + i * LDE_TRAP_NAME_LEN, LDE_TRAP_NAME_LEN);
		if (name[0]) {
			EXPECT_EQ(0, lde_counter(name, &count))
				TH_LOG("%s/%s", LDE_SYSFS_TRAPS, name);
		}
	}
	free(names);
}

/* dispatch: a trap number no trap has is ENOSYS. */
TEST_F(trap, unknown_trap_enosys)
{
	EXPECT_EQ(-ENOSYS, lde_trap(self->fd, _IO(LDE_IOC_MAGIC, 200), 0));
	EXPECT_EQ(-ENOSYS, lde_trap(self->fd, _IO(LDE_IOC_MAGIC, 255), 0));
}

/* dispatch: trap number nr_traps, just past the table, is ENOSYS. */
TEST_F(trap, first_number_past_table_enosys)
{
	struct lde_info info;

	ASSERT_EQ(0, get_info(self->fd, &info, NULL, 0));
	if (info.nr_traps > _IOC_NRMASK)
		SKIP(return, "all %u trap numbers are slots", info.nr_traps);
	ASSERT_EQ(-ENOSYS,
		  lde_trap(self->fd, _IO(LDE_IOC_MAGIC, info.nr_traps), 0));
}

/* dispatch: a known trap number with the wrong size bits is ENOTTY. */
TEST_F(trap, wrong_size_enotty)
{
	unsigned char buf[64] = { 0 };
	unsigned long cmd;
	unsigned int nr;

	for (nr = 0; nr < LDE_NR_KNOWN_TRAPS; nr++) {
		cmd = with_size(lde_trap_cmds[nr],
				_IOC_SIZE(lde_trap_cmds[nr]) + 1);
		EXPECT_EQ(-ENOTTY, lde_trap_p(self->fd, cmd, buf))
			TH_LOG("cmd %#lx (%s, size + 1)", cmd, lde_trap_names[nr]);
	}
	cmd = _IOR(LDE_IOC_MAGIC, LDE_TRAP_CLOCK, __u32);
	EXPECT_EQ(-ENOTTY, lde_trap_p(self->fd, cmd, buf))
		TH_LOG("cmd %#lx (clock, __u32)", cmd);
}

/* dispatch: a known trap number with the wrong direction bits is ENOTTY. */
TEST_F(trap, wrong_direction_enotty)
{
	unsigned char buf[64] = { 0 };
	unsigned int nr, dir;
	unsigned long cmd;

	for (nr = 0; nr < LDE_NR_KNOWN_TRAPS; nr++) {
		for (dir = 0; dir <= (_IOC_READ | _IOC_WRITE); dir++) {
			if (dir == _IOC_DIR(lde_trap_cmds[nr]))
				continue;
			cmd = with_dir(lde_trap_cmds[nr], dir);
			EXPECT_EQ(-ENOTTY, lde_trap_p(self->fd, cmd, buf))
				TH_LOG("cmd %#lx (%s, dir %u)", cmd,
				       lde_trap_names[nr], dir);
		}
	}
}

/* dispatch: another driver's magic, even with a trap's nr/dir/size, is ENOTTY. */
TEST_F(trap, foreign_magic_enotty)
{
	unsigned char buf[64] = { 0 };
	unsigned long cmd;
	unsigned int nr;

	for (nr = 0; nr < LDE_NR_KNOWN_TRAPS; nr++) {
		cmd = with_type(lde_trap_cmds[nr], LDE_IOC_MAGIC + 1);
		EXPECT_EQ(-ENOTTY, lde_trap_p(self->fd, cmd, buf))
			TH_LOG("cmd %#lx (%s)", cmd, lde_trap_names[nr]);
		cmd = with_type(lde_trap_cmds[nr], LDE_IOC_MAGIC ^ 0x80);
		EXPECT_EQ(-ENOTTY, lde_trap_p(self->fd, cmd, buf))
			TH_LOG("cmd %#lx (%s)", cmd, lde_trap_names[nr]);
	}
}

/* counters: each file holds one decimal number and a newline. */
TEST_F(trap, counter_format)
{
	unsigned long long count;
	unsigned int i;

	for (i = 0; i < LDE_NR_KNOWN_TRAPS; i++) {
		EXPECT_EQ(0, lde_counter(lde_trap_names[i], &count))
			TH_LOG("%s/%s", LDE_SYSFS_TRAPS, lde_trap_names[i]);
	}
}

/* counters: N null traps from one thread raise "null" by exactly N. */
TEST_F(trap, null_counter_rises_by_n)
{
	const unsigned long long n = 1000;
	unsigned long long before, after, i, failed = 0;

	ASSERT_EQ(0, lde_counter("null", &before));
	for (i = 0; i < n; i++)
		failed += lde_trap(self->fd, LDE_IOC_NULL, 0) != 0;
	ASSERT_EQ(0, lde_counter("null", &after));
	EXPECT_EQ(0ULL, failed);
	EXPECT_EQ(n, after - before);
}

/* counters: each trap is counted under its own name, and only there. */
TEST_F(trap, each_trap_counted_under_its_name)
{
	unsigned long long before[LDE_NR_KNOWN_TRAPS], after[LDE_NR_KNOWN_TRAPS];
	const unsigned long long n = 10;
	unsigned int nr, i, k;

	for (nr = 0; nr < LDE_NR_KNOWN_TRAPS; nr++) {
		ASSERT_EQ(0, read_counters(before));
		for (k = 0; k < n; k++) {
			ASSERT_LE(0, valid_trap(self->fd, nr))
				TH_LOG("%s trap failed", lde_trap_names[nr]);
		}
		ASSERT_EQ(0, read_counters(after));
		for (i = 0; i < LDE_NR_KNOWN_TRAPS; i++) {
			EXPECT_EQ(i == nr ? n : 0, after[i] - before[i])
				TH_LOG("counter %s after %llu %s traps",
				       lde_trap_names[i], n, lde_trap_names[nr]);
		}
	}
}

/* counters: calls rejected before dispatch (ENOSYS, ENOTTY) count nowhere. */
TEST_F(trap, rejected_before_dispatch_not_counted)
{
	unsigned long long before[LDE_NR_KNOWN_TRAPS], after[LDE_NR_KNOWN_TRAPS];
	unsigned char buf[64] = { 0 };
	unsigned long cmd;
	unsigned int nr, i;

	ASSERT_EQ(0, read_counters(before));
	for (i = 0; i < 10; i++) {
		EXPECT_EQ(-ENOSYS, lde_trap(self->fd, _IO(LDE_IOC_MAGIC, 200), 0));
		for (nr = 0; nr < LDE_NR_KNOWN_TRAPS; nr++) {
			cmd = with_size(lde_trap_cmds[nr],
					_IOC_SIZE(lde_trap_cmds[nr]) + 1);
			EXPECT_EQ(-ENOTTY, lde_trap_p(self->fd, cmd, buf));
			cmd = with_type(lde_trap_cmds[nr], LDE_IOC_MAGIC + 1);
			EXPECT_EQ(-ENOTTY, lde_trap_p(self->fd, cmd, buf));
		}
	}
	ASSERT_EQ(0, read_counters(after));
	for (i = 0; i < LDE_NR_KNOWN_TRAPS; i++) {
		EXPECT_EQ(0ULL, after[i] - before[i])
			TH_LOG("counter %s", lde_trap_names[i]);
	}
}

/* counters: calls a handler rejects (EINVAL, EFAULT) were dispatched: counted. */
TEST_F(trap, handler_rejections_counted)
{
	unsigned long long null0, null1, clock0, clock1;
	const unsigned long long n = 10;
	unsigned long long i;

	ASSERT_EQ(0, lde_counter("null", &null0));
	ASSERT_EQ(0, lde_counter("clock", &clock0));
	for (i = 0; i < n; i++) {
		EXPECT_EQ(-EINVAL, lde_trap(self->fd, LDE_IOC_NULL, 1));
		EXPECT_EQ(-EFAULT, lde_trap(self->fd, LDE_IOC_CLOCK, 0));
	}
	ASSERT_EQ(0, lde_counter("null", &null1));
	ASSERT_EQ(0, lde_counter("clock", &clock1));
	EXPECT_EQ(n, null1 - null0);
	EXPECT_EQ(n, clock1 - clock0);
}

TEST_HARNESS_MAIN

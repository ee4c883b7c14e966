/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lde_test.h - helpers shared by the lde selftests (lde_*_test.c).
 *
 * Not a test itself: it wraps the kernel's kselftest_harness.h (extracted
 * from linux-source-6.1 by the Makefile) with what every lde test needs:
 * a trap call that returns -errno, the sysfs counters, a fixture skip that
 * really skips, and a way to run code as an unprivileged user.
 *
 * Build and run: make -C selftests run_tests (see selftests/Makefile).
 */
#ifndef _LDE_TEST_H
#define _LDE_TEST_H

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/capability.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "lde.h"

/*
 * The architecture these tests were built for: LDE_ARCH_HERE, what the
 * cpl trap must show there, an address that is never a user address, and
 * the privileged read user mode may not do (selftests/arch/<arch>/).
 */
#include "lde_arch_test.h"

/* The module's name, for delete_module(2), and a file only it has. */
#define LDE_MODULE_NAME		"lde"
#define LDE_INITSTATE		"/sys/module/lde/initstate"

/* The uid/gid of "nobody": an ordinary, unprivileged user. */
#define LDE_NOBODY		65534

/* Every trap's name, indexed by trap number (lde.h's list). */
static const char *const lde_trap_names[] __attribute__((unused)) = {
	LDE_TRAPS(LDE_NAME, LDE_NAME)
};

/* The traps every ABI 1 module has: numbers 0 to LDE_TRAP_INFO. */
#define LDE_NR_KNOWN_TRAPS	((size_t)LDE_TRAP_INFO + 1)

/* The command word of each trap above, indexed by trap number. */
static const unsigned long lde_trap_cmds[] __attribute__((unused)) = {
	[LDE_TRAP_NULL]		= LDE_IOC_NULL,
	[LDE_TRAP_GETPID]	= LDE_IOC_GETPID,
	[LDE_TRAP_CLOCK]	= LDE_IOC_CLOCK,
	[LDE_TRAP_ECHO]		= LDE_IOC_ECHO,
	[LDE_TRAP_CPL]		= LDE_IOC_CPL,
	[LDE_TRAP_INFO]		= LDE_IOC_INFO,
};

/* CLOCK_MONOTONIC in ns: the clock lde's clock trap and figures use. */
static inline __u64 lde_mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* Issue one trap: its result if it succeeded, -errno if it failed. */
static inline long lde_trap(int fd, unsigned long cmd, unsigned long arg)
{
	long ret = ioctl(fd, cmd, arg);

	return ret < 0 ? -errno : ret;
}

/* Same, with a pointer argument. */
static inline long lde_trap_p(int fd, unsigned long cmd, const void *arg)
{
	return lde_trap(fd, cmd, (unsigned long)arg);
}

/*
 * Read up to size - 1 bytes of the file at path (one read(), as sysfs
 * wants) into buf and NUL-terminate them: the length read, or -errno.
 */
static inline ssize_t lde_read_text(const char *path, char *buf, size_t size)
{
	ssize_t len;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	len = read(fd, buf, size - 1);
	if (len < 0)
		len = -errno;
	close(fd);
	buf[len < 0 ? 0 : len] = '\0';
	return len;
}

/*
 * Read /sys/class/lde/lde/traps/<name> into *val.  The file must hold one
 * decimal number and a newline, nothing else.  Returns 0 or -errno
 * (-EINVAL for any other content).
 */
static inline int lde_counter(const char *name, unsigned long long *val)
{
	char path[256], buf[32], *end;
	ssize_t len;

	snprintf(path, sizeof(path), "%s/%s", LDE_SYSFS_TRAPS, name);
	len = lde_read_text(path, buf, sizeof(buf));
	if (len < 0)
		return len;
	if (len < 2 || buf[0] < '0' || buf[0] > '9' || buf[len - 1] != '\n')
		return -EINVAL;
	errno = 0;
	*val = strtoull(buf, &end, 10);
	if (errno || end != buf + len - 1)
		return -EINVAL;
	return 0;
}

/*
 * SKIP() from FIXTURE_SETUP().  In 6.1's harness a plain SKIP(return, ...)
 * in a fixture setup still runs the TEST_F() body afterwards; jumping back
 * to the wrapper's setjmp() skips the body and the teardown, and the test
 * is reported as "ok N # SKIP <reason>".  Use it only before the setup has
 * acquired anything the teardown would have to release.
 */
#define LDE_SETUP_SKIP(fmt, ...) \
	SKIP(longjmp(_metadata->env, 1), fmt, ##__VA_ARGS__)

/*
 * Open /dev/lde into fd from a FIXTURE_SETUP(), or skip the test when the
 * module is not loaded (e.g. on the build host) or the node is not ours to
 * open.  Any other failure fails the test.
 */
#define LDE_OPEN_OR_SKIP(fd) do {					\
	int __fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);		\
	int __err = __fd < 0 ? errno : 0;				\
									\
	(fd) = __fd;							\
	if (__err == ENOENT)						\
		LDE_SETUP_SKIP("module not loaded (%s missing)",	\
			       LDE_DEVICE_PATH);			\
	if (__err == EACCES)						\
		LDE_SETUP_SKIP("needs root (cannot open %s)",		\
			       LDE_DEVICE_PATH);			\
	ASSERT_EQ(0, __err)						\
		TH_LOG("open %s: %s", LDE_DEVICE_PATH, strerror(__err)); \
} while (0)

/*
 * Run fn(arg) in a child process and return its exit status (0..255), or
 * -1 if it could not be forked or did not exit normally.
 */
static inline int lde_in_child(int (*fn)(void *arg), void *arg)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		_exit(fn(arg));
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/*
 * Drop CAP_SYS_ADMIN from this process for good: from the bounding set,
 * then from the effective, permitted and inheritable sets.  0 or -1.
 * For an lde_in_child() body that checks EPERM as root.
 */
static inline int lde_drop_cap_sys_admin(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
	const unsigned int i = CAP_TO_INDEX(CAP_SYS_ADMIN);
	const __u32 bit = CAP_TO_MASK(CAP_SYS_ADMIN);

	if (prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN, 0, 0, 0) ||
	    syscall(SYS_capget, &hdr, data))
		return -1;
	data[i].effective &= ~bit;
	data[i].permitted &= ~bit;
	data[i].inheritable &= ~bit;
	if (syscall(SYS_capset, &hdr, data) || syscall(SYS_capget, &hdr, data))
		return -1;
	return data[i].effective & bit ? -1 : 0;
}

/* Exit codes of lde_run_as()'s child when it could not become uid/gid. */
#define LDE_RUN_AS_NOT_DROPPED	250
#define LDE_RUN_AS_STILL_ROOT	251

struct lde_run_as {
	uid_t uid;
	gid_t gid;
	int (*fn)(void);
};

/* lde_in_child() body of lde_run_as(). */
static inline int lde_run_as_child(void *arg)
{
	const struct lde_run_as *as = arg;

	if (setgroups(0, NULL) || setgid(as->gid) || setuid(as->uid))
		return LDE_RUN_AS_NOT_DROPPED;
	/* A uid change from 0 must also have dropped the capabilities. */
	if (setuid(0) == 0)
		return LDE_RUN_AS_STILL_ROOT;
	return as->fn();
}

/*
 * Run fn() in a child process that has dropped root for uid and gid, with
 * gid as its only group; return fn()'s return value (0..249 by
 * convention), LDE_RUN_AS_* if the child could not drop root, or -1 if it
 * did not exit normally.  The caller must be root.
 */
static inline int lde_run_as(uid_t uid, gid_t gid, int (*fn)(void))
{
	struct lde_run_as as = { .uid = uid, .gid = gid, .fn = fn };

	return lde_in_child(lde_run_as_child, &as);
}

/* Load lde.ko from the open file ko with params: 0 or -errno. */
static inline int lde_module_load(int ko, const char *params)
{
	return syscall(SYS_finit_module, ko, params, 0) ? -errno : 0;
}

/* Unload lde: 0 or -errno (-EWOULDBLOCK while it is in use). */
static inline int lde_module_unload(void)
{
	/* O_NONBLOCK: what rmmod does; fail at once if lde is in use. */
	return syscall(SYS_delete_module, LDE_MODULE_NAME, O_NONBLOCK) ?
	       -errno : 0;
}

/* Where lde.ko is: $LDE_KO, or ../module/lde.ko from this program's dir. */
static inline void lde_ko_path(char *path, size_t size)
{
	char exe[PATH_MAX];
	const char *env = getenv("LDE_KO");
	ssize_t len;

	if (env && *env) {
		snprintf(path, size, "%s", env);
		return;
	}
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[len < 0 ? 0 : len] = '\0';
	snprintf(path, size, "%s/../module/lde.ko", len > 0 ? dirname(exe) : ".");
}

/*
 * Kernel log lines that fail any lde VM run (scripts/vm-verdict): x86
 * prints "Call Trace:", arm64 "Call trace:".  The last two are the debug
 * kernel's UBSAN and debugobjects reports, whose first line has neither
 * BUG: nor WARNING: (scripts/debug-kernel).
 */
static const char *const lde_bad_words[] __attribute__((unused)) = {
	"BUG:", "WARNING:", "Oops", "stall", "lockup", "Call Trace:",
	"Call trace:", "UBSAN:", "ODEBUG:",
};

/*
 * The kernel log records after kmsg's position (open /dev/kmsg O_NONBLOCK
 * and lseek() it to SEEK_END first) that hold a bad word: logged with
 * TH_LOG() and counted.  A test expects 0.
 */
static inline int lde_kmsg_bad_lines(int kmsg,
				     struct __test_metadata *_metadata)
{
	char rec[2048];
	unsigned int i;
	int bad = 0;
	ssize_t n;

	for (;;) {
		n = read(kmsg, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)	/* overwritten: read on */
			continue;
		if (n <= 0)
			break;
		rec[n] = '\0';
		for (i = 0; i < ARRAY_SIZE(lde_bad_words); i++) {
			if (strstr(rec, lde_bad_words[i])) {
				TH_LOG("kernel: %s", rec);
				bad++;
				break;
			}
		}
	}
	return bad;
}

#endif /* _LDE_TEST_H */

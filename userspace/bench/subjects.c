// SPDX-License-Identifier: GPL-2.0
/*
 * subjects.c - what "lde trap" times, each adding one cost to the last:
 *
 *   function call       an indirect call and return; never leaves user mode
 *   getppid             about the cheapest real system call: syscall
 *                       enters the kernel at CPL 0, sysret comes back
 *   vDSO clock_gettime  a kernel service without entering the kernel: the
 *                       kernel maps code and clock data into every process
 *   ioctl(/dev/null)    syscall + file descriptor lookup + the VFS ioctl
 *                       path; /dev/null has no ioctl handler, so the call
 *                       ends there with ENOTTY
 *   lde <trap>          the same path as ioctl(/dev/null), into lde's trap
 *                       table: "null" does nothing, the others a little
 *
 * A subject's function makes its call once and returns 0 if the result is
 * what we expect.  Its check runs once, before any timing, and looks
 * closer (getpid really is our pid, echo really copies the bytes back...):
 * timing a call that does not do its job would tell nothing.
 *
 * Use: see subjects.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "arch/cpu_arch.h"
#include "bench/subjects.h"
#include "dev/device.h"
#include "lib/common.h"
#include "lib/machine.h"

/*
 * The command word of the lde "null" trap, sent to /dev/null: the two
 * ioctl() calls differ only in the file behind the descriptor, so their
 * difference is lde's own dispatch.
 */
#define DEVNULL_CMD	LDE_IOC_NULL

typedef int (*check_fn)(void *ctx, char *why, size_t len);

/* The context of every lde trap subject. */
struct trap_ctx {
	int fd;
	pid_t pid;
	union {
		__u64 ns;
		struct lde_echo echo;
		struct lde_cpl cpl;
		struct lde_info info;
	} u;
	unsigned char buf[];	/* echo: len bytes of src, then of dst */
};

void subjects_init(struct subjects *ss)
{
	memset(ss, 0, sizeof(*ss));
	ss->call = -1;
	ss->getppid = -1;
	ss->ioctl = -1;
	ss->null = -1;
	ss->devnull_fd = -1;
}

void subjects_free(struct subjects *ss)
{
	size_t i;

	for (i = 0; i < ss->n; i++)
		free(ss->s[i].ctx);
	ss->n = 0;
	if (ss->devnull_fd >= 0)
		close(ss->devnull_fd);
	ss->devnull_fd = -1;
}

/*
 * Add a subject and check it.  ctx is calloc()ed by the caller and owned
 * by ss from here on, even on failure.  Returns the index or -1.
 */
static int add(struct subjects *ss, const char *name, int (*fn)(void *),
	       check_fn check, void *ctx, char *err, size_t len)
{
	char why[200] = "";
	struct subject *s;

	if (!ctx) {
		snprintf(err, len, "%s: %s", name, strerror(ENOMEM));
		return -1;
	}
	if (ss->n == SUBJECTS_MAX) {
		free(ctx);
		snprintf(err, len, "%s: more than %d subjects", name,
			 SUBJECTS_MAX);
		return -1;
	}
	s = &ss->s[ss->n++];
	snprintf(s->name, sizeof(s->name), "%s", name);
	s->fn = fn;
	s->ctx = ctx;
	if (check && check(ctx, why, sizeof(why))) {
		snprintf(err, len, "%s: %s", name, why);
		return -1;
	}
	return (int)ss->n - 1;
}

/* --- baselines --------------------------------------------------------- */

/*
 * noinline, and measure.c calls it through a pointer it cannot see
 * through, so this stays a real call.  The asm keeps the compiler from
 * treating it as pure.
 */
static __attribute__((noinline)) int call_empty(void *ctx)
{
	asm volatile("" : : "r"(ctx) : "memory");
	return 0;
}

static int call_getppid(void *ctx)
{
	(void)ctx;
	/* syscall(), so that no C library can answer from a cache. */
	return syscall(SYS_getppid) < 0 ? -1 : 0;
}

static int check_getppid(void *ctx, char *why, size_t len)
{
	if (call_getppid(ctx)) {
		snprintf(why, len, "syscall(SYS_getppid): %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int call_clock(void *ctx)
{
	return clock_gettime(CLOCK_MONOTONIC, ctx);
}

static int check_clock(void *ctx, char *why, size_t len)
{
	if (call_clock(ctx)) {
		snprintf(why, len, "clock_gettime: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int call_devnull(void *ctx)
{
	const int *fd = ctx;

	/* 0UL: the kernel reads the argument as a whole 64-bit register. */
	if (ioctl(*fd, DEVNULL_CMD, 0UL) == -1 && errno == ENOTTY)
		return 0;
	return -1;
}

static int check_devnull(void *ctx, char *why, size_t len)
{
	const int *fd = ctx;
	int r = ioctl(*fd, DEVNULL_CMD, 0UL);

	if (r != -1)
		snprintf(why, len, "returned %d, expected -1 with ENOTTY", r);
	else if (errno != ENOTTY)
		snprintf(why, len, "failed with \"%s\", expected ENOTTY",
			 strerror(errno));
	else
		return 0;
	return -1;
}

/*
 * The vDSO can only read clocks that user mode can read too (the TSC and
 * paravirtual clocks); with any other clocksource, clock_gettime() quietly
 * makes a real system call.  Emulated VMs often end up on hpet or acpi_pm.
 */
static void clock_note(struct subjects *ss)
{
	static const char *const no_vdso[] = {
		"hpet", "acpi_pm", "pit", "jiffies", "refined-jiffies",
	};
	size_t i;

	if (!getauxval(AT_SYSINFO_EHDR)) {
		snprintf(ss->clock_note, sizeof(ss->clock_note),
			 "no vDSO is mapped, so clock_gettime() is a real"
			 " system call here");
		return;
	}
	if (machine_line("", MACHINE_CLOCKSOURCE, ss->clocksource,
			 sizeof(ss->clocksource)))
		return;
	for (i = 0; i < ARRAY_SIZE(no_vdso); i++)
		if (!strcmp(ss->clocksource, no_vdso[i]))
			snprintf(ss->clock_note, sizeof(ss->clock_note),
				 "clocksource %s cannot be read from user"
				 " mode, so vDSO clock_gettime() falls back"
				 " to a real system call here",
				 ss->clocksource);
}

int subjects_add_baselines(struct subjects *ss, char *err, size_t len)
{
	int *fd;

	ss->call = add(ss, "function call", call_empty, NULL,
		       calloc(1, 1), err, len);
	if (ss->call < 0)
		return -1;
	ss->getppid = add(ss, "getppid", call_getppid, check_getppid,
			  calloc(1, 1), err, len);
	if (ss->getppid < 0)
		return -1;
	clock_note(ss);
	if (add(ss, "vDSO clock_gettime", call_clock, check_clock,
		calloc(1, sizeof(struct timespec)), err, len) < 0)
		return -1;

	ss->devnull_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (ss->devnull_fd < 0) {
		snprintf(err, len, "/dev/null: %s", strerror(errno));
		return -1;
	}
	fd = calloc(1, sizeof(*fd));
	if (fd)
		*fd = ss->devnull_fd;
	ss->ioctl = add(ss, "ioctl(/dev/null)", call_devnull, check_devnull,
			fd, err, len);
	return ss->ioctl < 0 ? -1 : 0;
}

/* --- lde traps --------------------------------------------------------- */

static int trap_null(void *ctx)
{
	struct trap_ctx *c = ctx;

	return ioctl(c->fd, LDE_IOC_NULL, 0UL) == 0 ? 0 : -1;
}

static int trap_getpid(void *ctx)
{
	struct trap_ctx *c = ctx;

	return ioctl(c->fd, LDE_IOC_GETPID, 0UL) == c->pid ? 0 : -1;
}

static int trap_clock(void *ctx)
{
	struct trap_ctx *c = ctx;

	return ioctl(c->fd, LDE_IOC_CLOCK, &c->u.ns) == 0 ? 0 : -1;
}

static int trap_echo(void *ctx)
{
	struct trap_ctx *c = ctx;

	return ioctl(c->fd, LDE_IOC_ECHO, &c->u.echo) == (int)c->u.echo.len ?
	       0 : -1;
}

static int trap_cpl(void *ctx)
{
	struct trap_ctx *c = ctx;

	return ioctl(c->fd, LDE_IOC_CPL, &c->u.cpl) == 0 ? 0 : -1;
}

static int trap_info(void *ctx)
{
	struct trap_ctx *c = ctx;

	return ioctl(c->fd, LDE_IOC_INFO, &c->u.info) == 0 ? 0 : -1;
}

/* Describe a trap's return value r if it is not want; 0 if it is. */
static int check_ret(int r, int want, char *why, size_t len)
{
	if (r == -1 && want != -1)
		snprintf(why, len, "ioctl: %s", strerror(errno));
	else if (r != want)
		snprintf(why, len, "returned %d, expected %d", r, want);
	else
		return 0;
	return -1;
}

static int check_null(void *ctx, char *why, size_t len)
{
	struct trap_ctx *c = ctx;

	return check_ret(ioctl(c->fd, LDE_IOC_NULL, 0UL), 0, why, len);
}

static int check_getpid(void *ctx, char *why, size_t len)
{
	struct trap_ctx *c = ctx;

	return check_ret(ioctl(c->fd, LDE_IOC_GETPID, 0UL), c->pid, why, len);
}

static unsigned long long mono_ns(void)
{
	struct timespec ts;

	/* Cannot fail for a valid clock id and a valid pointer. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static int check_clock_trap(void *ctx, char *why, size_t len)
{
	struct trap_ctx *c = ctx;
	unsigned long long before, after;
	int r;

	before = mono_ns();
	r = ioctl(c->fd, LDE_IOC_CLOCK, &c->u.ns);
	after = mono_ns();
	if (check_ret(r, 0, why, len))
		return -1;
	if (c->u.ns < before || c->u.ns > after) {
		snprintf(why, len, "stored %llu ns, but CLOCK_MONOTONIC read"
			 " %llu before and %llu after it",
			 (unsigned long long)c->u.ns, before, after);
		return -1;
	}
	return 0;
}

static int check_echo(void *ctx, char *why, size_t len)
{
	struct trap_ctx *c = ctx;
	unsigned char *src = c->buf, *dst = c->buf + c->u.echo.len;
	__u32 i, n = c->u.echo.len;

	/* This also writes every page before the timing starts. */
	for (i = 0; i < n; i++)
		src[i] = (unsigned char)(i * 7 + 1);
	memset(dst, 0, n);
	if (check_ret(ioctl(c->fd, LDE_IOC_ECHO, &c->u.echo), (int)n,
		      why, len))
		return -1;
	for (i = 0; i < n; i++) {
		if (dst[i] != src[i]) {
			snprintf(why, len, "byte %u came back as 0x%02x,"
				 " sent 0x%02x", i, dst[i], src[i]);
			return -1;
		}
	}
	return 0;
}

static int check_cpl(void *ctx, char *why, size_t len)
{
	struct trap_ctx *c = ctx;

	c->u.cpl.arch = 0xdead;
	if (check_ret(ioctl(c->fd, LDE_IOC_CPL, &c->u.cpl), 0, why, len))
		return -1;
	if (c->u.cpl.arch != cpu_arch.lde_arch) {
		snprintf(why, len, "arch is %u; this CPU is %s (%u)",
			 c->u.cpl.arch, cpu_arch.name, cpu_arch.lde_arch);
		return -1;
	}
	if (!cpu_arch.in_kernel(c->u.cpl.level)) {
		snprintf(why, len, "handler says it ran at %s %u, not in the"
			 " kernel", cpu_arch.level_name, c->u.cpl.level);
		return -1;
	}
	return 0;
}

static int check_info(void *ctx, char *why, size_t len)
{
	struct trap_ctx *c = ctx;

	if (check_ret(ioctl(c->fd, LDE_IOC_INFO, &c->u.info), 0, why, len))
		return -1;
	if (c->u.info.abi_version != LDE_ABI_VERSION) {
		snprintf(why, len, "ABI version %u, expected %u",
			 c->u.info.abi_version, (unsigned int)LDE_ABI_VERSION);
		return -1;
	}
	return 0;
}

static struct trap_ctx *new_ctx(int fd, size_t extra)
{
	struct trap_ctx *c = calloc(1, sizeof(*c) + extra);

	if (c) {
		c->fd = fd;
		c->pid = getpid();
	}
	return c;
}

/* Echo at a few sizes: what crossing costs as the data grows. */
static int add_echo(struct subjects *ss, int fd, char *err, size_t len)
{
	static const __u32 sizes[] = { 64, 4096, LDE_ECHO_MAX };
	char name[SUBJECT_NAME_LEN];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		__u32 n = sizes[i];
		struct trap_ctx *c;

		if (n % 1024)
			snprintf(name, sizeof(name), "lde echo %uB", n);
		else
			snprintf(name, sizeof(name), "lde echo %uKiB",
				 n / 1024);
		c = new_ctx(fd, 2 * (size_t)n);
		if (c) {
			c->u.echo.src = (__u64)(uintptr_t)c->buf;
			c->u.echo.dst = (__u64)(uintptr_t)(c->buf + n);
			c->u.echo.len = n;
		}
		if (add(ss, name, trap_echo, check_echo, c, err, len) < 0)
			return -1;
	}
	return 0;
}

/*
 * The scheduler's traps start, stop and wait for experiments that last
 * up to seconds: "lde sched" runs them, "lde trap" leaves them alone.
 */
static bool is_timed(unsigned int nr)
{
	switch (nr) {
	case LDE_TRAP_SCHED_START:
	case LDE_TRAP_SCHED_STOP:
	case LDE_TRAP_SCHED_RESULT:
		return false;
	}
	return true;
}

static int add_trap(struct subjects *ss, int fd, unsigned int nr,
		    char *err, size_t len)
{
	switch (nr) {
	case LDE_TRAP_NULL:
		ss->null = add(ss, "lde null", trap_null, check_null,
			       new_ctx(fd, 0), err, len);
		return ss->null;
	case LDE_TRAP_GETPID:
		return add(ss, "lde getpid", trap_getpid, check_getpid,
			   new_ctx(fd, 0), err, len);
	case LDE_TRAP_CLOCK:
		return add(ss, "lde clock", trap_clock, check_clock_trap,
			   new_ctx(fd, 0), err, len);
	case LDE_TRAP_ECHO:
		return add_echo(ss, fd, err, len);
	case LDE_TRAP_CPL:
		return add(ss, "lde cpl", trap_cpl, check_cpl,
			   new_ctx(fd, 0), err, len);
	case LDE_TRAP_INFO:
		/* names = 0: the struct round trip only. */
		return add(ss, "lde info", trap_info, check_info,
			   new_ctx(fd, 0), err, len);
	}
	return 0;
}

int subjects_add_lde(struct subjects *ss, int fd, char *err, size_t len)
{
	struct lde_traps t;
	unsigned int nr;
	const char *name;
	int k, ret = -1;

	if (lde_query(fd, &t)) {
		snprintf(err, len, "LDE_IOC_INFO: %s", strerror(errno));
		return -1;
	}
	if (t.abi_version != LDE_ABI_VERSION) {
		snprintf(err, len, "lde.ko speaks ABI version %u, this tool %u:"
			 " build both from the same tree", t.abi_version,
			 (unsigned int)LDE_ABI_VERSION);
		goto out;
	}
	for (nr = 0; nr < t.nr; nr++) {
		name = t.name[nr];
		if (!*name)
			continue;
		k = lde_trap_nr(name);
		if (k < 0) {
			fprintf(stderr, "lde trap: note: trap %u \"%s\" is new"
				" to this tool, not measured\n", nr, name);
			continue;
		}
		if ((unsigned int)k != nr) {
			snprintf(err, len, "/dev/lde has \"%s\" as trap %u,"
				 " but lde.h numbers it %d", name, nr, k);
			goto out;
		}
		if (add_trap(ss, fd, nr, err, len) < 0)
			goto out;
	}
	for (k = 0; (name = lde_trap_name((unsigned int)k)); k++)
		if (is_timed((unsigned int)k) &&
		    ((unsigned int)k >= t.nr || strcmp(t.name[k], name)))
			fprintf(stderr, "lde trap: note: /dev/lde has no \"%s\""
				" trap, not measured\n", name);
	ret = 0;
out:
	lde_traps_free(&t);
	return ret;
}

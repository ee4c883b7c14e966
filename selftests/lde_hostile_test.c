// SPDX-License-Identifier: GPL-2.0
/*
 * lde_hostile_test - lde survives what people do to a kernel.
 *
 * While each of these is active, every kind of experiment (engine lde and
 * linux, policy coop and rr, workload spin, yield, sleep, regs and exit)
 * ends as it should with its figures, regs guests see no register change,
 * the kernel log stays clean (no BUG, WARNING, Oops, stall or lockup), and
 * lde's module reference count comes back to what it was, so that rmmod
 * works; the unload_while_active test unloads lde with it still active:
 *   - ftrace's function and function_graph tracers, on lde's functions
 *     (:mod:lde) and on the whole kernel;
 *   - a kprobe (at the entry of every lde function that takes one, and at
 *     an instruction inside it) or a kretprobe, through kprobe_events.
 *     Functions the kernel refuses (notrace, NOKPROBE_SYMBOL, patched
 *     text) are counted, not failed; where the kernel optimizes kprobes
 *     (CONFIG_OPTPROBES: x86, not arm64), some of the inner ones must be
 *     optimized (a jump instead of an int3);
 *   - perf probe -m lde.ko on a few functions, with arguments read from
 *     lde.ko's debuginfo, while perf record records them;
 *   - bpftrace kprobe:, kretprobe: and kfunc: (fentry) programs on lde's
 *     functions (kfunc needs lde.ko's BTF, /sys/kernel/btf/lde);
 * and the machine changing under an experiment:
 *   - CPU hotplug: the lab CPU goes offline during an experiment, which
 *     ends at once with LDE_END_OFFLINE; once the CPU is back, a new
 *     experiment runs there;
 *   - suspend (/sys/power/pm_test): the system resumes, the experiment has
 *     ended, a waiter in sched_result slept through the freezer, and a new
 *     experiment runs;
 *   - signals: SIGSTOP and SIGCONT, or a handler with SA_RESTART, do not
 *     cut a waiting sched_result short; a handler without it does (EINTR).
 * Each test puts back what it changed (tracer off, probes removed, CPU
 * online, pm_test none), after a failure too; each setup also clears what
 * a killed test may have left.
 *
 * Needs lde.ko loaded, root, tracefs, and each test's tool (linux-perf,
 * bpftrace); hotplug needs a second CPU.  SKIPs, saying why, without them.
 * LDE_ONLY=text runs only the tests whose "fixture.variant.test" name
 * contains text (the others SKIP): LDE_ONLY=kretprobes ./lde_hostile_test.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_hostile_test			(this one, from selftests/)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>

#include "lde_sched.h"
#include "lde_window.h"

#define PERF		"/usr/bin/perf"
#define BPFTRACE	"/usr/bin/bpftrace"

#define TRACEFS		"/sys/kernel/tracing"
#define KPROBE_EVENTS	TRACEFS "/kprobe_events"
#define KPROBE_PROFILE	TRACEFS "/kprobe_profile"
#define KPROBES_LIST	"/sys/kernel/debug/kprobes/list"
#define KPROBES_OPT	"/proc/sys/debug/kprobes-optimization"
#define LDE_REFCNT	"/sys/module/lde/refcnt"
#define LDE_BTF		"/sys/kernel/btf/lde"
#define PM_STATE	"/sys/power/state"
#define PM_TEST		"/sys/power/pm_test"

/* Our kprobe_events groups, and the prefix of every event in them. */
#define KP_GROUP	"lde_hostile"
#define PERF_GROUP	"lde_hostile_perf"
#define EV_PREFIX	"ldeh_"

#define GUESTS		2U
#define RUN_NS		(200 * LDE_MSEC)
/* A tracer on the whole kernel slows a TCG VM down many times. */
#define KERNEL_RUN_NS	(100 * LDE_MSEC)
#define SLEEP_NS	LDE_MSEC
/* An experiment's end may take long under a tracer, never this long. */
#define END_BOUND_NS	(120 * LDE_SEC)
#define POLL_NS		(2 * LDE_MSEC)

/* Every test runs at most one tool (lde_window.h), then experiments. */
#define TEST_TIMEOUT_S	(LDE_TOOL_START_S + LDE_TOOL_TIMEOUT_S + 300)

/* lde.h's names, written once there. */
static const char *const engine_names[] = { LDE_ENGINES(LDE_NAME, LDE_NAME) };
static const char *const policy_names[] = { LDE_POLICIES(LDE_NAME, LDE_NAME) };
static const char *const workload_names[] = {
	LDE_WORKLOADS(LDE_NAME, LDE_NAME)
};

static const char *const end_names[] = { LDE_ENDS(LDE_NAME, LDE_NAME) };

static const char *end_name(__u32 end)
{
	return end < ARRAY_SIZE(end_names) ? end_names[end] : "an unknown end";
}

static void sleep_ns(__u64 ns)
{
	struct timespec ts = { .tv_sec = ns / LDE_SEC, .tv_nsec = ns % LDE_SEC };

	nanosleep(&ts, NULL);
}

/* Write text to path (opened with extra flags): 0 or -errno. */
static int write_text(const char *path, const char *text, int flags)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | flags), err = 0;
	ssize_t len = strlen(text);

	if (fd < 0)
		return -errno;
	if (write(fd, text, len) != len)
		err = -errno;
	close(fd);
	return err;
}

/* Does the file at path contain text?  false if it cannot be read. */
static bool file_has(const char *path, const char *text)
{
	char line[1024];
	bool found = false;
	FILE *f = fopen(path, "re");

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, text);
	fclose(f);
	return found;
}

/* lde's module reference count, or -errno. */
static long lde_refcnt(void)
{
	char buf[32];
	ssize_t len = lde_read_text(LDE_REFCNT, buf, sizeof(buf));

	return len < 0 ? len : strtol(buf, NULL, 10);
}

/* LDE_ONLY: SKIP the test unless "fixture.variant.test" contains it. */
static void skip_unless_chosen(struct __test_metadata *_metadata,
			       const char *fixture, const char *variant)
{
	const char *only = getenv("LDE_ONLY");
	char name[160];

	snprintf(name, sizeof(name), "%s.%s%s%s", fixture, variant,
		 *variant ? "." : "", _metadata->name);
	if (only && *only && !strstr(name, only))
		LDE_SETUP_SKIP("LDE_ONLY=%s", only);
}

/* ---- The experiments ------------------------------------------------ */

/*
 * Poll sched_result on cpu into *f until the experiment has ended, at
 * most bound_ns: 0, -ETIMEDOUT or the trap's -errno.  It polls instead of
 * waiting (LDE_SCHED_WAIT) so that an experiment that never ends fails
 * the test instead of hanging it.
 */
static long wait_end(int fd, unsigned int cpu, __u64 bound_ns,
		     struct lde_sched_figures *f)
{
	__u64 deadline = lde_mono_ns() + bound_ns;
	long ret;

	while ((ret = lde_sched_result(fd, cpu, 0, f)) == -EAGAIN) {
		if (lde_mono_ns() > deadline)
			return -ETIMEDOUT;
		sleep_ns(POLL_NS);
	}
	return ret;
}

/* One kind of experiment: GUESTS guests of one workload. */
struct kind {
	__u32 engine, policy, workload;
	__u64 run_ns;
};

static struct lde_sched_config kind_config(unsigned int cpu,
					   const struct kind *k)
{
	struct lde_sched_config c = lde_sched_config(cpu, k->engine,
						     k->policy, k->run_ns);

	lde_sched_add(&c, k->workload, GUESTS, 0,
		      k->workload == LDE_WL_SLEEP ? SLEEP_NS : 0);
	return c;
}

/* Log why *f is not what kind k ends with, and say so. */
#define CHECK(cond, fmt, ...) do {					\
	if (!(cond)) {							\
		TH_LOG("%s: " fmt, name, ##__VA_ARGS__);		\
		ok = false;						\
	}								\
} while (0)

/* What figures_ok() found. */
enum verdict { FIGURES_OK, FIGURES_SHORT, FIGURES_BAD };

/*
 * Did kind k's experiment end as it should, with its figures?  Exit
 * guests end it by exiting, the others run for its duration.  Under coop a
 * guest that never traps (spin, regs) keeps the CPU, so only the first one
 * runs; under rr the timer ticks and takes the CPU from spin and regs.
 * FIGURES_SHORT: only what takes time fell short (a guest that never ran,
 * no tick, no preemption), which a slow machine does to a short run,
 * under a tracer on every function of a debug kernel, say; FIGURES_BAD
 * for everything else (a wrong end, lost figures, a register corrupted).
 */
static enum verdict figures_ok(struct __test_metadata *_metadata,
			       const char *name, const struct kind *k,
			       const struct lde_sched_figures *f)
{
	const struct lde_sched_summary *s = &f->res.summary;
	bool hog = k->workload == LDE_WL_SPIN || k->workload == LDE_WL_REGS;
	__u32 want = k->workload == LDE_WL_EXIT ? LDE_END_EXITED :
						  LDE_END_DURATION;
	__u32 i, must_run = k->policy == LDE_POLICY_COOP && hog ? 1 : GUESTS;
	bool ok = true;

	CHECK(s->state == 1, "state %u, not done", s->state);
	CHECK(s->end == want, "end %s, not %s", end_name(s->end),
	      end_name(want));
	CHECK(s->nr_guests == GUESTS && f->res.nr_guests_out == GUESTS,
	      "figures of %u guests (%u copied), not %u", s->nr_guests,
	      f->res.nr_guests_out, GUESTS);
	CHECK(s->elapsed_ns > 0, "no elapsed time");
	for (i = 0; i < f->res.nr_guests_out; i++)
		CHECK(!f->guests[i].corruptions,
		      "guest %u saw %llu register corruptions", i,
		      (unsigned long long)f->guests[i].corruptions);
	CHECK(!s->corruptions, "%llu register corruptions",
	      (unsigned long long)s->corruptions);
	if (!ok)
		return FIGURES_BAD;

	for (i = 0; i < must_run && i < f->res.nr_guests_out; i++)
		CHECK(f->guests[i].runs > 0, "guest %u never ran", i);
	if (k->policy == LDE_POLICY_RR && k->workload != LDE_WL_EXIT)
		CHECK(s->ticks > 0, "rr, but no timer tick");
	if (k->policy == LDE_POLICY_RR && hog)
		CHECK(s->switches[LDE_SW_TIMER] > 0, "rr, but no preemption");
	return ok ? FIGURES_OK : FIGURES_SHORT;
}

/* Runs of a kind that fell short of time, each twice as long: 8x at most. */
#define SHORT_RETRIES	3

/*
 * Run kind k on cpu and check its figures.  1 if all is well, 0 if not,
 * -1 if it did not even end (then it is stopped, and the caller stops).
 * A run that only fell short of time runs again, twice as long, up to
 * SHORT_RETRIES times: the test waits for what it needs, it does not
 * judge what a fixed time achieves on a slow machine.
 */
static int run_kind(struct __test_metadata *_metadata, int fd,
		    unsigned int cpu, const struct kind *kind)
{
	struct kind k = *kind;
	struct lde_sched_config c;
	struct lde_sched_figures f;
	enum verdict v = FIGURES_BAD;
	unsigned int try;
	char name[32];
	__u64 t0;
	long ret;

	snprintf(name, sizeof(name), "%s.%s.%s", engine_names[k.engine],
		 policy_names[k.policy], workload_names[k.workload]);
	for (try = 0; try <= SHORT_RETRIES; try++, k.run_ns *= 2) {
		c = kind_config(cpu, &k);
		t0 = lde_mono_ns();
		ret = lde_sched_start(fd, &c);
		if (ret < 0) {
			TH_LOG("%s: sched_start: %s", name, strerror(-ret));
			return 0;
		}
		ret = wait_end(fd, cpu, END_BOUND_NS, &f);
		if (ret) {
			TH_LOG("%s: sched_result after %llu s: %s", name,
			       END_BOUND_NS / LDE_SEC, strerror(-ret));
			lde_sched_stop(fd, cpu);
			return -1;
		}
		v = figures_ok(_metadata, name, &k, &f);
		TH_LOG("%s: %s; end %s after %llu ms (%.1f s of wall time), "
		       "%llu switches by the timer, %llu corruptions",
		       name, v == FIGURES_OK ? "ok" : v == FIGURES_SHORT ?
		       "short of time, once more for twice as long" : "FAILED",
		       end_name(f.res.summary.end),
		       (unsigned long long)f.res.summary.elapsed_ns / LDE_MSEC,
		       (lde_mono_ns() - t0) / 1e9,
		       (unsigned long long)f.res.summary.switches[LDE_SW_TIMER],
		       (unsigned long long)f.res.summary.corruptions);
		if (v != FIGURES_SHORT)
			break;
	}
	return v == FIGURES_OK;
}

/*
 * Every policy with every workload on engine, the table of kinds: each
 * must end as it should.  A kind that fails is logged and the next one
 * runs; one that never ends stops the test.
 */
static void run_kinds(struct __test_metadata *_metadata, int fd,
		      unsigned int cpu, __u32 engine, __u64 run_ns)
{
	struct kind k = { .engine = engine, .run_ns = run_ns };
	unsigned int failed = 0;
	int ret;

	for (k.policy = 0; k.policy < LDE_NR_POLICIES; k.policy++) {
		for (k.workload = 0; k.workload < LDE_NR_WORKLOADS;
		     k.workload++) {
			ret = run_kind(_metadata, fd, cpu, &k);
			ASSERT_LE(0, ret)
				TH_LOG("an experiment did not end: stopping");
			failed += !ret;
		}
	}
	ASSERT_EQ(0U, failed) TH_LOG("%u of %u kinds of experiment failed",
				     failed, LDE_NR_POLICIES * LDE_NR_WORKLOADS);
}

/* ---- lde's functions, and probes on them ----------------------------- */

#define MAX_SYMS	1024
#define INNER_MAX	64	/* bytes into a function to look for a probe */

/* lde's text symbols from /proc/kallsyms, with the size each spans. */
struct syms {
	unsigned int n;
	struct sym {
		char name[128];
		unsigned long addr;
		unsigned long size;	/* to the next symbol; 0: unknown */
	} s[MAX_SYMS];
};

static int sym_cmp(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Read lde's text symbols (t and T, [lde]) into *s: how many, or -errno. */
static int lde_syms(struct syms *s)
{
	char line[512], name[256], mod[64], type;
	unsigned long addr;
	unsigned int i, j;
	FILE *f = fopen("/proc/kallsyms", "re");

	if (!f)
		return -errno;
	s->n = 0;
	while (s->n < MAX_SYMS && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx %c %255s [%63[^]]]", &addr, &type, name,
			   mod) != 4 || strcmp(mod, "lde") ||
		    (type != 't' && type != 'T') ||
		    strlen(name) >= sizeof(s->s[0].name))
			continue;
		for (i = 0; i < s->n && strcmp(s->s[i].name, name); i++)
			;
		if (i < s->n)
			continue;	/* a second static of that name */
		strcpy(s->s[s->n].name, name);
		s->s[s->n].addr = addr;
		s->n++;
	}
	fclose(f);
	qsort(s->s, s->n, sizeof(s->s[0]), sym_cmp);
	for (i = 0; i < s->n; i++) {
		s->s[i].size = 0;
		for (j = i + 1; j < s->n && s->s[j].addr == s->s[i].addr; j++)
			;
		if (j < s->n && s->s[i].addr)
			s->s[i].size = s->s[j].addr - s->s[i].addr;
	}
	return s->n;
}

/* Disable group's events and remove them from kprobe_events. */
static void remove_group(const char *group)
{
	char path[256], line[1024], cmd[512], *ev, *end;
	FILE *f;

	snprintf(path, sizeof(path), TRACEFS "/events/%s/enable", group);
	write_text(path, "0", 0);
	f = fopen(KPROBE_EVENTS, "re");
	if (!f)
		return;
	snprintf(path, sizeof(path), ":%s/", group);
	while (fgets(line, sizeof(line), f)) {
		ev = strstr(line, path);
		if (!ev)
			continue;
		ev++;
		end = strchr(ev, ' ');
		if (end)
			*end = '\0';
		snprintf(cmd, sizeof(cmd), "-:%s", ev);
		write_text(KPROBE_EVENTS, cmd, O_APPEND);
	}
	fclose(f);
}

/* What registering probes on lde's functions came to. */
struct probes {
	unsigned int tried;	/* functions */
	unsigned int entry;	/* functions that took one at their entry */
	unsigned int inner;	/* ... and inside, at an instruction */
	unsigned int refused[3];	/* EINVAL, EBUSY, other errors */
	char first_refused[256];
	char accepted[MAX_SYMS][128];	/* the functions of entry */
};

static void note_refused(struct probes *p, const char *name, int err)
{
	size_t len = strlen(p->first_refused);

	p->refused[err == -EINVAL ? 0 : err == -EBUSY ? 1 : 2]++;
	if (len + strlen(name) + 2 < sizeof(p->first_refused))
		snprintf(p->first_refused + len,
			 sizeof(p->first_refused) - len, "%s%s",
			 len ? " " : "", name);
}

/*
 * A probe of kind 'p' (kprobe) or 'r' (kretprobe) at the entry of every
 * lde function in *s that takes one, in group; with inner, a kprobe at
 * the first instruction after the entry that takes one too (the kernel
 * refuses an offset that is not an instruction boundary).  Counts in *p.
 */
static void add_probes(const struct syms *s, char kind, bool inner,
		       const char *group, struct probes *p)
{
	char cmd[256];
	unsigned int i, off;
	int err;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < s->n; i++) {
		const struct sym *f = &s->s[i];

		p->tried++;
		snprintf(cmd, sizeof(cmd), "%c:%s/" EV_PREFIX "%c%u lde:%s",
			 kind, group, kind, i, f->name);
		err = write_text(KPROBE_EVENTS, cmd, O_APPEND);
		if (err) {
			note_refused(p, f->name, err);
			continue;
		}
		strcpy(p->accepted[p->entry++], f->name);
		for (off = 1; inner && off < f->size && off < INNER_MAX; off++) {
			snprintf(cmd, sizeof(cmd),
				 "p:%s/" EV_PREFIX "i%u lde:%s+%u", group, i,
				 f->name, off);
			if (!write_text(KPROBE_EVENTS, cmd, O_APPEND)) {
				p->inner++;
				break;
			}
		}
	}
}

/* Hits of the kprobe events named EV_PREFIX... (kprobe_profile). */
static unsigned long long probe_hits(void)
{
	char line[512], name[256];
	unsigned long long hits, sum = 0;
	FILE *f = fopen(KPROBE_PROFILE, "re");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, " %255s %llu", name, &hits) == 2 &&
		    !strncmp(name, EV_PREFIX, strlen(EV_PREFIX)))
			sum += hits;
	fclose(f);
	return sum;
}

/* Enabled kprobes in lde that are optimized (KPROBES_LIST), or -errno. */
static int optimized_kprobes(void)
{
	char line[512];
	int n = 0;
	FILE *f = fopen(KPROBES_LIST, "re");

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f))
		n += strstr(line, " lde ") && strstr(line, "[OPTIMIZED]");
	fclose(f);
	return n;
}

/* ---- The hostile things --------------------------------------------- */

enum tool { USE_FTRACE, USE_KPROBES, USE_PERF_PROBE, USE_BPFTRACE };

/* What a hostile test works with. */
struct hostile {
	int fd;			/* /dev/lde, or -1 */
	unsigned int cpu;	/* the lab CPU */
	int kmsg;		/* /dev/kmsg, positioned at its end */
	long refcnt;		/* lde's references, before */
	struct lde_window w;	/* the tool's directory, and the tool */
	struct syms syms;
	struct probes probes;
};

#define CPUS_PRESENT	"/sys/devices/system/cpu/present"

/*
 * Put the kernel back: no tool running, the last CPU online (the hotplug
 * tests' lab CPU), pm_test off, no tracer, no filter, none of our probes.
 * Every setup calls it first too, and the test program once more when it
 * exits (a test killed by its timeout cannot clean up after itself); it
 * must work whatever is on.
 */
static void lab_reset(struct hostile *h)
{
	int cpu = lde_last_cpu_in(CPUS_PRESENT);
	char online[64];

	lde_window_cleanup(&h->w);
	snprintf(online, sizeof(online),
		 "/sys/devices/system/cpu/cpu%d/online", cpu);
	if (cpu > 0 && file_has(online, "0"))
		write_text(online, "1", 0);
	if (file_has(PM_TEST, "[") && !file_has(PM_TEST, "[none]"))
		write_text(PM_TEST, "none", 0);
	if (access(TRACEFS "/current_tracer", W_OK))
		return;
	if (!file_has(TRACEFS "/current_tracer", "nop"))
		write_text(TRACEFS "/current_tracer", "nop", 0);
	write_text(TRACEFS "/set_ftrace_filter", "", O_TRUNC);
	remove_group(KP_GROUP);
	remove_group(PERF_GROUP);
}

/* lab_reset() from the harness's process, at its exit: see above. */
static void reset_at_exit(void)
{
	struct hostile h = { .fd = -1 };

	if (!geteuid())
		lab_reset(&h);
}

static void __attribute__((constructor)) reset_at_exit_register(void)
{
	atexit(reset_at_exit);
}

/* From a FIXTURE_SETUP(): the device, the lab CPU, the log, the count. */
static void lab_setup(struct __test_metadata *_metadata, struct hostile *h,
		      const char *fixture, const char *variant)
{
	h->fd = -1;
	h->kmsg = -1;
	h->w.dir[0] = '\0';
	h->w.pid = 0;
	skip_unless_chosen(_metadata, fixture, variant);
	lde_sched_setup(_metadata, &h->fd, &h->cpu);
	lab_reset(h);
	h->kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, h->kmsg);
	ASSERT_LE(0, lseek(h->kmsg, 0, SEEK_END));
	h->refcnt = lde_refcnt();
	ASSERT_LE(0, h->refcnt);
}

/*
 * From a FIXTURE_TEARDOWN(): clean up, then the kernel log must be clean
 * and lde's references back (a BPF trampoline drops its own a moment
 * after its program is gone: wait a little for that).
 */
static void lab_teardown(struct __test_metadata *_metadata, struct hostile *h)
{
	char path[PATH_MAX];
	long refcnt;
	int i, ko;

	lab_reset(h);
	if (access(LDE_INITSTATE, F_OK)) {
		/* unload_while_active failed to load it back: try again. */
		lde_ko_path(path, sizeof(path));
		ko = open(path, O_RDONLY | O_CLOEXEC);
		EXPECT_EQ(0, lde_module_load(ko, ""));
		close(ko);
	}
	if (h->fd >= 0) {
		EXPECT_EQ(0, lde_sched_quiesce(h->fd, h->cpu));
		refcnt = lde_refcnt();
		for (i = 0; i < 100 && refcnt != h->refcnt; i++) {
			sleep_ns(100 * LDE_MSEC);
			refcnt = lde_refcnt();
		}
		EXPECT_EQ(h->refcnt, refcnt)
			TH_LOG("lde's references: %ld before, %ld after",
			       h->refcnt, refcnt);
		close(h->fd);
	}
	if (h->kmsg >= 0) {
		EXPECT_EQ(0, lde_kmsg_bad_lines(h->kmsg, _metadata));
		close(h->kmsg);
	}
}

FIXTURE(hostile) {
	struct hostile h;
};

/* What a variant of hostile uses. */
struct use {
	const char *name;
	enum tool tool;
	const char *tracer;	/* ftrace: function or function_graph */
	bool whole_kernel;	/* ftrace: no filter */
	char probe;		/* kprobes, bpftrace: 'p' or 'r' */
	const char *bpf;	/* bpftrace: its probe type */
};

FIXTURE_VARIANT(hostile) {
	struct use use;
};

/* ftrace's function tracer on lde's functions only. */
FIXTURE_VARIANT_ADD(hostile, function_lde) {
	.use = {
		.name = "function_lde", .tool = USE_FTRACE, .tracer = "function",
	},
};

/* ... on every function of the kernel. */
FIXTURE_VARIANT_ADD(hostile, function_kernel) {
	.use = {
		.name = "function_kernel", .tool = USE_FTRACE, .tracer = "function",
		.whole_kernel = true,
	},
};

/* The function_graph tracer: it also hooks every traced function's return. */
FIXTURE_VARIANT_ADD(hostile, function_graph_lde) {
	.use = {
		.name = "function_graph_lde", .tool = USE_FTRACE,
		.tracer = "function_graph",
	},
};

FIXTURE_VARIANT_ADD(hostile, function_graph_kernel) {
	.use = {
		.name = "function_graph_kernel", .tool = USE_FTRACE,
		.tracer = "function_graph", .whole_kernel = true,
	},
};

/* A kprobe at every lde function's entry, and one inside it. */
FIXTURE_VARIANT_ADD(hostile, kprobes) {
	.use = {
		.name = "kprobes", .tool = USE_KPROBES, .probe = 'p',
	},
};

/* A kretprobe on every lde function: it hooks the return address. */
FIXTURE_VARIANT_ADD(hostile, kretprobes) {
	.use = {
		.name = "kretprobes", .tool = USE_KPROBES, .probe = 'r',
	},
};

/* perf probe -m lde.ko, with arguments from its debuginfo; perf record. */
FIXTURE_VARIANT_ADD(hostile, perf_probe) {
	.use = {
		.name = "perf_probe", .tool = USE_PERF_PROBE, .probe = 'p',
	},
};

FIXTURE_VARIANT_ADD(hostile, bpftrace_kprobe) {
	.use = {
		.name = "bpftrace_kprobe", .tool = USE_BPFTRACE, .probe = 'p',
		.bpf = "kprobe",
	},
};

FIXTURE_VARIANT_ADD(hostile, bpftrace_kretprobe) {
	.use = {
		.name = "bpftrace_kretprobe", .tool = USE_BPFTRACE, .probe = 'r',
		.bpf = "kretprobe",
	},
};

/* fentry: bpftrace 0.17 calls it kfunc; a BPF trampoline, from BTF. */
FIXTURE_VARIANT_ADD(hostile, bpftrace_fentry) {
	.use = {
		.name = "bpftrace_fentry", .tool = USE_BPFTRACE, .probe = 'p',
		.bpf = "kfunc",
	},
};

FIXTURE_SETUP(hostile)
{
	const struct use *use = &variant->use;
	char tracer[64];

	lab_setup(_metadata, &self->h, "hostile", use->name);
	if (access(TRACEFS "/current_tracer", W_OK))
		LDE_SETUP_SKIP("no tracefs at %s", TRACEFS);
	switch (use->tool) {
	case USE_FTRACE:
		snprintf(tracer, sizeof(tracer), "%s ", use->tracer);
		if (!file_has(TRACEFS "/available_tracers", tracer))
			LDE_SETUP_SKIP("kernel without the %s tracer",
				       use->tracer);
		break;
	case USE_KPROBES:
		break;
	case USE_PERF_PROBE:
		if (access(PERF, X_OK))
			LDE_SETUP_SKIP("no %s (apt-get install linux-perf)",
				       PERF);
		break;
	case USE_BPFTRACE:
		if (access(BPFTRACE, X_OK))
			LDE_SETUP_SKIP("no %s (apt-get install bpftrace)",
				       BPFTRACE);
		if (!strcmp(use->bpf, "kfunc") && access(LDE_BTF, F_OK))
			LDE_SETUP_SKIP("lde.ko has no BTF (%s missing), which fentry needs: "
				       "kbuild skips BTF for a module built without the "
				       "kernel's vmlinux (Debian's linux-headers have none)",
				       LDE_BTF);
		break;
	}
	if (use->tool != USE_FTRACE && access(KPROBE_EVENTS, W_OK))
		LDE_SETUP_SKIP("no %s (CONFIG_KPROBE_EVENTS)", KPROBE_EVENTS);
}

FIXTURE_TEARDOWN(hostile)
{
	lab_teardown(_metadata, &self->h);
}

/* The tracer on, on lde's functions or on the whole kernel. */
static void ftrace_on(struct __test_metadata *_metadata, struct hostile *h,
		      const struct use *variant)
{
	const char *filter = variant->whole_kernel ? "" : ":mod:lde";

	ASSERT_EQ(0, write_text(TRACEFS "/set_ftrace_filter", filter,
				O_TRUNC));
	ASSERT_EQ(0, write_text(TRACEFS "/current_tracer", variant->tracer, 0));
	ASSERT_EQ(0, write_text(TRACEFS "/tracing_on", "1", 0));
	TH_LOG("%s tracer on %s", variant->tracer,
	       variant->whole_kernel ? "every function" : "lde's functions");
}

/* Probes on lde's functions, enabled; counts in the log. */
static void kprobes_on(struct __test_metadata *_metadata, struct hostile *h,
		       char kind, bool inner)
{
	struct probes *p = &h->probes;

	ASSERT_LT(0, lde_syms(&h->syms));
	add_probes(&h->syms, kind, inner, KP_GROUP, p);
	TH_LOG("%s: %u of %u lde functions took one, %u more inside; "
	       "refused: %u EINVAL (notrace, NOKPROBE), %u EBUSY, %u other "
	       "(first ones: %s)", kind == 'p' ? "kprobes" : "kretprobes", p->entry, p->tried,
	       p->inner, p->refused[0], p->refused[1], p->refused[2],
	       p->first_refused);
	ASSERT_LT(0U, p->entry);
	ASSERT_EQ(0, write_text(TRACEFS "/events/" KP_GROUP "/enable", "1", 0));
}

/*
 * A few lde functions, for perf probe: what each event shows comes from
 * lde.ko's debuginfo.  perf probe refuses those lde no longer has, or
 * that it cannot probe; the test needs one.
 */
static const char *const perf_probe_specs[] = {
	"null=lde_sys_null",
	"start=lde_sys_sched_start arg",
	"result=lde_sys_sched_result%return $retval",
	"pick=lde_pick lab->nr_guests",
	"tick=lde_record_tick",
	"gtrap=lde_gtrap",
};

/* perf probe -m lde.ko on perf_probe_specs, then perf record -e them. */
static void perf_probe_on(struct __test_metadata *_metadata,
			  struct hostile *h)
{
	char ko[PATH_MAX], spec[256], data[128], win[128], path[128];
	char *const probe[] = {
		PERF, "probe", "-m", ko, "-a", spec, NULL,
	};
	char *const record[] = {
		PERF, "record", "-q", "-e", PERF_GROUP ":*", "-a", "-o",
		lde_window_path(&h->w, "perf.data", data, sizeof(data)), "--",
		lde_window_path(&h->w, "window", win, sizeof(win)), NULL,
	};
	unsigned int i, added = 0;
	char why[256] = "";
	FILE *f;
	int ret;

	lde_ko_path(ko, sizeof(ko));
	for (i = 0; i < ARRAY_SIZE(perf_probe_specs); i++) {
		snprintf(spec, sizeof(spec), PERF_GROUP ":" EV_PREFIX "%s",
			 perf_probe_specs[i]);
		ret = lde_window_run(&h->w, probe, "probe.out");
		if (lde_exited_ok(ret)) {
			added++;
			continue;
		}
		TH_LOG("perf probe refused %s:", perf_probe_specs[i]);
		lde_window_dump(&h->w, "probe.out", _metadata);
		f = fopen(lde_window_path(&h->w, "probe.out", path,
					  sizeof(path)), "re");
		if (f && !why[0] && fgets(why, sizeof(why), f))
			why[strcspn(why, "\n")] = '\0';
		if (f)
			fclose(f);
	}
	TH_LOG("perf probe: %u of %zu probes added", added,
	       ARRAY_SIZE(perf_probe_specs));
	if (!added && strstr(why, "debuginfo"))
		SKIP(longjmp(_metadata->env, 1),
		     "perf probe cannot read lde.ko's debuginfo: %s", why);
	ASSERT_LT(0U, added) TH_LOG("perf probe: %s", why);
	ret = lde_window_open(&h->w, record, "record.out");
	if (ret)
		lde_window_dump(&h->w, "record.out", _metadata);
	ASSERT_EQ(0, ret) TH_LOG("perf record: %s", strerror(-ret));
}

/*
 * bpftrace counting calls of every lde function that takes a probe of
 * kind (kprobe_events says which: the same kernel code decides for
 * bpftrace's probes), attached before its window opens.
 */
/*
 * The functions bpftrace probes: the ones every experiment goes through,
 * on both engines, those that stay live across a Linux switch included
 * (guest_thread, wait_turn).  Not every lde function, as kprobe_events
 * does above: under TCG, bpftrace took 100 s per test to attach to all 51
 * and detach again, and what it adds over kprobe_events is BPF's way in,
 * which a few functions show as well as all of them.
 */
static const char *const bpftrace_funcs[] = {
	"lde_ioctl", "lde_sys_sched_start", "lde_sys_sched_result",
	"lde_prepare", "lde_teardown", "lde_pick", "lde_record_tick",
	"tick_fn", "watchdog_fn", "host_thread", "guest_thread",
	"wait_turn", "linux_switch_to",
};

static bool bpftrace_wants(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bpftrace_funcs); i++)
		if (!strcmp(name, bpftrace_funcs[i]))
			return true;
	return false;
}

/*
 * "TYPE:f1,TYPE:f2,... { @[probe] = count(); }" over the functions of
 * bpftrace_funcs that p accepted, or over all it accepted if it took none
 * of them (kfunc names the module too), malloc()ed; NULL if out of
 * memory.  *n: how many.
 */
static char *bpftrace_prog(const struct probes *p, const char *type,
			   unsigned int *n)
{
	size_t size = 64 + p->entry * (sizeof(p->accepted[0]) + 32), len = 0;
	bool kfunc = !strcmp(type, "kfunc"), all = true;
	char *prog = malloc(size);
	unsigned int i;

	if (!prog)
		return NULL;
	for (i = 0; i < p->entry; i++)
		if (bpftrace_wants(p->accepted[i]))
			all = false;
	*n = 0;
	for (i = 0; i < p->entry; i++) {
		if (!all && !bpftrace_wants(p->accepted[i]))
			continue;
		len += snprintf(prog + len, size - len, "%s%s:%s%s",
				*n ? "," : "", type, kfunc ? "lde:" : "",
				p->accepted[i]);
		(*n)++;
	}
	snprintf(prog + len, size - len, " { @[probe] = count(); }");
	return prog;
}

static void bpftrace_on(struct __test_metadata *_metadata, struct hostile *h,
			const struct use *variant)
{
	struct probes *p = &h->probes;
	char win[128], cmd[160], *prog;
	unsigned int n;
	int ret;

	ASSERT_LT(0, lde_syms(&h->syms));
	add_probes(&h->syms, variant->probe, false, KP_GROUP, p);
	remove_group(KP_GROUP);
	ASSERT_LT(0U, p->entry);
	prog = bpftrace_prog(p, variant->bpf, &n);
	ASSERT_NE(NULL, prog);
	TH_LOG("bpftrace: %s on %u of the %u lde functions that take one",
	       variant->bpf, n, p->entry);
	/* bpftrace wants a unique path for -c; the script traces nothing. */
	snprintf(cmd, sizeof(cmd), "/bin/sh %s",
		 lde_window_path(&h->w, "window", win, sizeof(win)));
	{
		char *const argv[] = { BPFTRACE, "-e", prog, "-c", cmd, NULL };

		ret = lde_window_open(&h->w, argv, "bpftrace.out");
	}
	free(prog);
	if (ret)
		lde_window_dump(&h->w, "bpftrace.out", _metadata);
	ASSERT_EQ(0, ret) TH_LOG("bpftrace: %s", strerror(-ret));
}

static void hostile_on(struct __test_metadata *_metadata, struct hostile *h,
		       const struct use *variant)
{
	if (variant->tool != USE_FTRACE)
		ASSERT_EQ(0, lde_window_init(&h->w));
	switch (variant->tool) {
	case USE_FTRACE:
		ftrace_on(_metadata, h, variant);
		break;
	case USE_KPROBES:
		kprobes_on(_metadata, h, variant->probe,
			   variant->probe == 'p');
		break;
	case USE_PERF_PROBE:
		perf_probe_on(_metadata, h);
		break;
	case USE_BPFTRACE:
		bpftrace_on(_metadata, h, variant);
		break;
	}
}

/* Calls of lde functions bpftrace counted (its map at exit), or -errno. */
static long long bpftrace_counts(const struct lde_window *w)
{
	char path[128], line[512];
	unsigned long long n, sum = 0;
	FILE *f = fopen(lde_window_path(w, "bpftrace.out", path, sizeof(path)),
			"re");

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		char *p = strstr(line, "]: ");

		if (!strncmp(line, "@[", 2) && p &&
		    sscanf(p + 3, "%llu", &n) == 1)
			sum += n;
	}
	fclose(f);
	return sum;
}

/*
 * The hostile thing really watched lde: the tracer's buffer holds lde's
 * functions, the probes were hit, bpftrace counted calls.  (The whole
 * kernel's trace is too big to search.)  Ends the tool.
 */
static void hostile_saw_lde(struct __test_metadata *_metadata,
			    struct hostile *h,
			    const struct use *variant)
{
	int status;

	switch (variant->tool) {
	case USE_FTRACE:
		if (!variant->whole_kernel) {
			EXPECT_TRUE(file_has(TRACEFS "/trace", "lde_"));
		}
		break;
	case USE_KPROBES:
		EXPECT_LT(0ULL, probe_hits());
		break;
	case USE_PERF_PROBE:
		EXPECT_LT(0ULL, probe_hits());
		status = lde_window_close(&h->w);
		if (!lde_exited_ok(status))
			lde_window_dump(&h->w, "record.out", _metadata);
		EXPECT_TRUE(lde_exited_ok(status));
		break;
	case USE_BPFTRACE:
		status = lde_window_close(&h->w);
		if (!lde_exited_ok(status))
			lde_window_dump(&h->w, "bpftrace.out", _metadata);
		EXPECT_TRUE(lde_exited_ok(status));
		EXPECT_LT(0LL, bpftrace_counts(&h->w));
		break;
	}
}

/* Every policy and workload on engine while the hostile thing is on. */
static void hostile_run(struct __test_metadata *_metadata, struct hostile *h,
			const struct use *variant, __u32 engine)
{
	hostile_on(_metadata, h, variant);
	run_kinds(_metadata, h->fd, h->cpu, engine,
		  variant->whole_kernel ? KERNEL_RUN_NS : RUN_NS);
	hostile_saw_lde(_metadata, h, variant);
}

/*
 * Each workload under coop and rr on the lde engine (every guest on one
 * task, switched by lde_swtch): all end as they should, with figures.
 */
TEST_F_TIMEOUT(hostile, lde_engine, TEST_TIMEOUT_S)
{
	hostile_run(_metadata, &self->h, &variant->use, LDE_ENGINE_LDE);
}

/* The same on the linux engine (a task per guest, Linux's switch). */
TEST_F_TIMEOUT(hostile, linux_engine, TEST_TIMEOUT_S)
{
	hostile_run(_metadata, &self->h, &variant->use, LDE_ENGINE_LINUX);
}

/*
 * rmmod works while the hostile thing is on, after regs experiments on
 * both engines, and the module loads again and works.  A BPF trampoline
 * (fentry) holds a reference to the module it is attached to, as Linux
 * wants: there rmmod is refused until bpftrace ends, and works then.
 */
TEST_F_TIMEOUT(hostile, unload_while_active, TEST_TIMEOUT_S)
{
	const struct use *use = &variant->use;
	struct hostile *h = &self->h;
	struct kind k = {
		.policy = LDE_POLICY_RR, .workload = LDE_WL_REGS,
		.run_ns = use->whole_kernel ? KERNEL_RUN_NS : RUN_NS,
	};
	char path[PATH_MAX];
	int ko, err, i;

	lde_ko_path(path, sizeof(path));
	ko = open(path, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, ko) TH_LOG("%s: %s", path, strerror(errno));
	hostile_on(_metadata, h, use);
	for (k.engine = 0; k.engine < LDE_NR_ENGINES; k.engine++)
		ASSERT_EQ(1, run_kind(_metadata, h->fd, h->cpu, &k));

	close(h->fd);
	h->fd = -1;
	err = lde_module_unload();
	if (err == -EWOULDBLOCK && use->tool == USE_BPFTRACE &&
	    !strcmp(use->bpf, "kfunc")) {
		TH_LOG("the fentry programs hold lde: unload after bpftrace");
		hostile_saw_lde(_metadata, h, use);
		lab_reset(h);
		/* The trampoline's reference goes a moment later. */
		for (i = 0; i < 100 && err == -EWOULDBLOCK; i++) {
			sleep_ns(100 * LDE_MSEC);
			err = lde_module_unload();
		}
	}
	ASSERT_EQ(0, err) TH_LOG("rmmod lde: %s", strerror(-err));
	err = lde_module_load(ko, "");
	close(ko);
	ASSERT_EQ(0, err) TH_LOG("insmod %s: %s", path, strerror(-err));
	h->fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, h->fd);
	for (k.engine = 0; k.engine < LDE_NR_ENGINES; k.engine++)
		ASSERT_EQ(1, run_kind(_metadata, h->fd, h->cpu, &k));
}

/* ---- Optimized kprobes ---------------------------------------------- */

#define OPTIMIZE_BOUND_NS	(60 * LDE_SEC)

FIXTURE(optprobes) {
	struct hostile h;
};

FIXTURE_SETUP(optprobes)
{
	char buf[16];

	lab_setup(_metadata, &self->h, "optprobes", "");
	if (access(KPROBE_EVENTS, W_OK))
		LDE_SETUP_SKIP("no %s (CONFIG_KPROBE_EVENTS)", KPROBE_EVENTS);
	if (access(KPROBES_LIST, R_OK))
		LDE_SETUP_SKIP("no %s (debugfs)", KPROBES_LIST);
	/* arm64 has no optimized kprobes: its kprobes are all brk. */
	if (lde_read_text(KPROBES_OPT, buf, sizeof(buf)) < 0)
		LDE_SETUP_SKIP("this kernel never optimizes kprobes: no %s "
			       "(CONFIG_OPTPROBES, which arm64 does not have)",
			       KPROBES_OPT);
	if (buf[0] != '1')
		LDE_SETUP_SKIP("kprobe optimization is switched off (%s: %c)",
			       KPROBES_OPT, buf[0]);
}

FIXTURE_TEARDOWN(optprobes)
{
	lab_teardown(_metadata, &self->h);
}

/*
 * Some kprobes inside lde's functions become optimized (a jump to a
 * detour buffer, not an int3), and rr experiments of both engines run
 * through them.
 */
TEST_F_TIMEOUT(optprobes, some_are_optimized, TEST_TIMEOUT_S)
{
	struct hostile *h = &self->h;
	struct kind k = {
		.policy = LDE_POLICY_RR, .workload = LDE_WL_REGS,
		.run_ns = RUN_NS,
	};
	__u64 deadline = lde_mono_ns() + OPTIMIZE_BOUND_NS;
	int opt;

	kprobes_on(_metadata, h, 'p', true);
	/* The kprobe optimizer runs a while later, from a workqueue. */
	while ((opt = optimized_kprobes()) == 0 && lde_mono_ns() < deadline)
		sleep_ns(100 * LDE_MSEC);
	TH_LOG("%d of lde's %u kprobes are optimized", opt,
	       h->probes.entry + h->probes.inner);
	ASSERT_LT(0, opt);
	for (k.engine = 0; k.engine < LDE_NR_ENGINES; k.engine++)
		ASSERT_EQ(1, run_kind(_metadata, h->fd, h->cpu, &k));
	EXPECT_LT(0ULL, probe_hits());
}

/* ---- CPU hotplug ----------------------------------------------------- */

#define HOTPLUG_RUN_NS		LDE_SCHED_MAX_DURATION_NS
/* Offlining ends the experiment first; "at once" is well within this. */
#define OFFLINE_BOUND_NS	(10 * LDE_SEC)
#define RUNNING_NS		(100 * LDE_MSEC)

FIXTURE(hotplug) {
	struct hostile h;
	char online[64];	/* the lab CPU's sysfs online file */
};

FIXTURE_VARIANT(hotplug) {
	const char *name;
	__u32 engine;
	__u32 policy;
};

FIXTURE_VARIANT_ADD(hotplug, lde_rr) {
	.name = "lde_rr", .engine = LDE_ENGINE_LDE, .policy = LDE_POLICY_RR,
};

FIXTURE_VARIANT_ADD(hotplug, linux_rr) {
	.name = "linux_rr", .engine = LDE_ENGINE_LINUX,
	.policy = LDE_POLICY_RR,
};

/* coop, with a hog: nothing but the watchdog takes the CPU from it. */
FIXTURE_VARIANT_ADD(hotplug, lde_coop) {
	.name = "lde_coop", .engine = LDE_ENGINE_LDE,
	.policy = LDE_POLICY_COOP,
};

FIXTURE_VARIANT_ADD(hotplug, linux_coop) {
	.name = "linux_coop", .engine = LDE_ENGINE_LINUX,
	.policy = LDE_POLICY_COOP,
};

FIXTURE_SETUP(hotplug)
{
	lab_setup(_metadata, &self->h, "hotplug", variant->name);
	if (self->h.cpu == 0)
		LDE_SETUP_SKIP("needs a second online CPU to take offline");
	snprintf(self->online, sizeof(self->online),
		 "/sys/devices/system/cpu/cpu%u/online", self->h.cpu);
	if (access(self->online, W_OK))
		LDE_SETUP_SKIP("CPU %u cannot go offline (no %s)", self->h.cpu,
			       self->online);
}

FIXTURE_TEARDOWN(hotplug)
{
	if (!file_has(self->online, "1")) {
		EXPECT_EQ(0, write_text(self->online, "1", 0));
	}
	lab_teardown(_metadata, &self->h);
}

/*
 * Start a long experiment of 2 spin guests and a regs guest, and take the
 * lab CPU offline once it runs: it must have ended by LDE_END_OFFLINE, at
 * once, with its figures.  Its id into *id.
 */
static void offline_during_experiment(struct __test_metadata *_metadata,
				      struct hostile *h, const char *online,
				      __u32 engine, __u32 policy, long *id)
{
	struct lde_sched_config c = lde_sched_config(h->cpu, engine, policy,
						     HOTPLUG_RUN_NS);
	struct lde_sched_figures f;
	__u64 t0, t1;
	long ret;

	lde_sched_add(&c, LDE_WL_SPIN, 2, 0, 0);
	lde_sched_add(&c, LDE_WL_REGS, 1, 0, 0);
	*id = lde_sched_start_id(h->fd, &c);
	ASSERT_LT(0, *id);
	sleep_ns(RUNNING_NS);
	ASSERT_EQ(-EAGAIN, lde_sched_result(h->fd, h->cpu, 0, &f));

	t0 = lde_mono_ns();
	ASSERT_EQ(0, write_text(online, "0", 0))
		TH_LOG("taking CPU %u offline", h->cpu);
	t1 = lde_mono_ns();
	ret = wait_end(h->fd, h->cpu, OFFLINE_BOUND_NS, &f);
	TH_LOG("CPU %u offline in %llu ms; experiment over %llu ms after that",
	       h->cpu, (unsigned long long)(t1 - t0) / LDE_MSEC,
	       (unsigned long long)(lde_mono_ns() - t1) / LDE_MSEC);
	ASSERT_EQ(0, ret) TH_LOG("sched_result: %s", strerror(-ret));
	EXPECT_EQ(1U, f.res.summary.state);
	EXPECT_EQ(LDE_END_OFFLINE, lde_end(&f))
		TH_LOG("end %s", end_name(lde_end(&f)));
	EXPECT_EQ(3U, f.res.nr_guests_out);
	EXPECT_LT(0ULL, f.guests[0].runs);
	EXPECT_EQ(0ULL, f.res.summary.corruptions);
	EXPECT_GT(HOTPLUG_RUN_NS, f.res.summary.elapsed_ns);
	ASSERT_TRUE(file_has(online, "0"));
}

/* sched_result, waiting, of the experiment id on cpu: 0 or -errno. */
static long result_of(int fd, unsigned int cpu, __u32 id)
{
	struct lde_sched_figures f;

	memset(&f, 0, sizeof(f));
	f.res.cpu = cpu;
	f.res.flags = LDE_SCHED_WAIT;
	f.res.id = id;
	return lde_trap_p(fd, LDE_IOC_SCHED_RESULT, &f.res);
}

/* Offlining the lab CPU ends its experiment at once, with LDE_END_OFFLINE. */
TEST_F_TIMEOUT(hotplug, offline_ends_experiment, 120)
{
	long id;

	offline_during_experiment(_metadata, &self->h, self->online,
				  variant->engine, variant->policy, &id);
}

/* Back online, the lab CPU runs a new experiment to its end. */
TEST_F_TIMEOUT(hotplug, online_again_runs_experiment, 120)
{
	struct hostile *h = &self->h;
	struct kind k = {
		.engine = variant->engine, .policy = variant->policy,
		.workload = LDE_WL_REGS, .run_ns = RUN_NS,
	};
	long id;

	offline_during_experiment(_metadata, &self->h, self->online,
				  variant->engine, variant->policy, &id);
	ASSERT_EQ(0, write_text(self->online, "1", 0));
	ASSERT_EQ(1, run_kind(_metadata, h->fd, h->cpu, &k));
	/* The offline experiment's figures gave way to the new one's. */
	EXPECT_EQ(-ENOENT, result_of(h->fd, h->cpu, id));
}

/* ---- Suspend --------------------------------------------------------- */

#define SUSPEND_RUN_NS		LDE_SEC

/*
 * The type of the file system path is on, from /proc/self/mountinfo (the
 * last mount on the longest mount point that holds path), into type; ""
 * if unknown.  statfs() would not do: 9p passes on the host's f_type.
 */
static void fs_type(const char *path, char *type, size_t size)
{
	char line[4096], mnt[PATH_MAX], fstype[64], *sep;
	size_t best = 0, len;
	FILE *f = fopen("/proc/self/mountinfo", "re");

	type[0] = '\0';
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		sep = strstr(line, " - ");
		if (!sep || sscanf(line, "%*s %*s %*s %*s %4095s", mnt) != 1 ||
		    sscanf(sep + 3, "%63s", fstype) != 1)
			continue;
		len = strlen(mnt);
		if (strncmp(path, mnt, len) ||
		    (len > 1 && path[len] && path[len] != '/') || len < best)
			continue;
		best = len;
		snprintf(type, size, "%s", fstype);
	}
	fclose(f);
}

/*
 * Is path on a file system that cannot survive a suspend of its device?
 * virtio-9p and virtiofs have no suspend and resume: after a resume,
 * every request to them hangs.  The lde VM's root and project are on 9p,
 * so pm_test core (tried) hangs the VM for good; make check runs the core
 * variants in a VM of scripts/vm-suspend, whose files are all in its
 * initramfs.
 */
static bool on_unsuspendable_fs(const char *path)
{
	char type[64];

	fs_type(path, type, sizeof(type));
	return !strcmp(type, "9p") || !strcmp(type, "virtiofs") ||
	       !strncmp(type, "fuse", 4);
}

/* A waiter in sched_result (LDE_SCHED_WAIT), in a thread of its own. */
struct waiter {
	pthread_t thread;
	int fd;
	unsigned int cpu;
	long ret;
	struct lde_sched_figures f;
	atomic_int tid;
	bool started;		/* its thread is to be joined */
};

static void *waiter_fn(void *arg)
{
	struct waiter *w = arg;

	atomic_store(&w->tid, syscall(SYS_gettid));
	w->ret = lde_sched_result(w->fd, w->cpu, LDE_SCHED_WAIT, &w->f);
	return NULL;
}

/* The syscall number task tid is in, or -1 (running or gone). */
static long in_syscall(pid_t pid, pid_t tid)
{
	char path[64], buf[128];

	snprintf(path, sizeof(path), "/proc/%d/task/%d/syscall", pid, tid);
	if (lde_read_text(path, buf, sizeof(buf)) <= 0 || buf[0] == 'r')
		return -1;
	return strtol(buf, NULL, 10);
}

/* How long a task may take to reach its wait, or to stop. */
#define REACH_BOUND_NS		(30 * LDE_SEC)

/* Wait until the waiter sleeps in its ioctl: false if it never did. */
static bool waiter_waits(struct waiter *w)
{
	__u64 deadline = lde_mono_ns() + REACH_BOUND_NS;

	while (lde_mono_ns() < deadline) {
		pid_t tid = atomic_load(&w->tid);

		if (tid && in_syscall(getpid(), tid) == SYS_ioctl)
			return true;
		sleep_ns(POLL_NS);
	}
	return false;
}

FIXTURE(suspend) {
	struct hostile h;
	bool pm_test_set;
};

FIXTURE_VARIANT(suspend) {
	const char *name;
	__u32 engine;
	const char *level;	/* pm_test: how far the suspend goes */
};

/* core: devices suspended, non-boot CPUs offline, 5 s, then resume. */
FIXTURE_VARIANT_ADD(suspend, lde_core) {
	.name = "lde_core", .engine = LDE_ENGINE_LDE, .level = "core",
};

FIXTURE_VARIANT_ADD(suspend, linux_core) {
	.name = "linux_core", .engine = LDE_ENGINE_LINUX, .level = "core",
};

/* freezer: tasks frozen for 5 s, then thawed; no device, no CPU. */
FIXTURE_VARIANT_ADD(suspend, lde_freezer) {
	.name = "lde_freezer", .engine = LDE_ENGINE_LDE, .level = "freezer",
};

FIXTURE_VARIANT_ADD(suspend, linux_freezer) {
	.name = "linux_freezer", .engine = LDE_ENGINE_LINUX,
	.level = "freezer",
};

FIXTURE_SETUP(suspend)
{
	char cwd[PATH_MAX], exe[PATH_MAX];
	ssize_t len;

	lab_setup(_metadata, &self->h, "suspend", variant->name);
	if (!file_has(PM_STATE, "mem"))
		LDE_SETUP_SKIP("%s does not list mem: no suspend to RAM here",
			       PM_STATE);
	if (!file_has(PM_TEST, variant->level))
		LDE_SETUP_SKIP("%s has no %s level (CONFIG_PM_DEBUG)", PM_TEST,
			       variant->level);
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[len < 0 ? 0 : len] = '\0';
	if (strcmp(variant->level, "freezer") &&
	    (on_unsuspendable_fs("/") || on_unsuspendable_fs(exe) ||
	     on_unsuspendable_fs(getcwd(cwd, sizeof(cwd)) ? cwd : "/")))
		LDE_SETUP_SKIP("pm_test %s suspends devices, and / or this program "
			       "is on virtio-9p or virtiofs, which cannot suspend: "
			       "after the resume every access to them hangs (the "
			       "freezer variants run here instead; scripts/"
			       "vm-suspend runs these from an initramfs)",
			       variant->level);
}

FIXTURE_TEARDOWN(suspend)
{
	if (self->pm_test_set) {
		EXPECT_EQ(0, write_text(PM_TEST, "none", 0));
	}
	lab_teardown(_metadata, &self->h);
}

/*
 * An rr experiment of 2 spin guests and a regs guest, and a waiter in
 * sched_result, when the system suspends (pm_test stops it short of the
 * hardware) and resumes: the write to /sys/power/state succeeds; the
 * waiter slept through the freezer (the wait restarts: no EINTR) and got
 * the figures; the experiment ended by its duration, or by the lab CPU
 * going offline; and a new experiment runs.
 */
TEST_F_TIMEOUT(suspend, resumes_and_experiment_ends, 300)
{
	struct hostile *h = &self->h;
	struct lde_sched_config c = lde_sched_config(h->cpu, variant->engine,
						     LDE_POLICY_RR,
						     SUSPEND_RUN_NS);
	struct kind k = {
		.engine = variant->engine, .policy = LDE_POLICY_RR,
		.workload = LDE_WL_REGS, .run_ns = RUN_NS,
	};
	struct waiter w = { .fd = h->fd, .cpu = h->cpu };
	const struct lde_sched_summary *s = &w.f.res.summary;
	__u64 t0;
	int err;

	lde_sched_add(&c, LDE_WL_SPIN, 2, 0, 0);
	lde_sched_add(&c, LDE_WL_REGS, 1, 0, 0);
	ASSERT_LE(0, lde_sched_start(h->fd, &c));
	ASSERT_EQ(0, pthread_create(&w.thread, NULL, waiter_fn, &w));
	if (!waiter_waits(&w)) {
		lde_sched_stop(h->fd, h->cpu);
		pthread_join(w.thread, NULL);
		ASSERT_TRUE(false) TH_LOG("the waiter never waited");
	}

	ASSERT_EQ(0, write_text(PM_TEST, variant->level, 0));
	self->pm_test_set = true;
	t0 = lde_mono_ns();
	err = write_text(PM_STATE, "mem", 0);
	TH_LOG("suspend (pm_test %s) and resume: %s, %llu ms", variant->level,
	       err ? strerror(-err) : "ok",
	       (unsigned long long)(lde_mono_ns() - t0) / LDE_MSEC);
	pthread_join(w.thread, NULL);
	ASSERT_EQ(0, err);

	EXPECT_EQ(0, w.ret) TH_LOG("the waiter: %s", strerror(-w.ret));
	if (w.ret)	/* then see what became of the experiment anyway */
		ASSERT_EQ(0, wait_end(h->fd, h->cpu, END_BOUND_NS, &w.f));
	ASSERT_EQ(1U, s->state);
	TH_LOG("the experiment's end: %s, after %llu ms", end_name(s->end),
	       (unsigned long long)s->elapsed_ns / LDE_MSEC);
	EXPECT_TRUE(s->end == LDE_END_DURATION || s->end == LDE_END_OFFLINE);
	EXPECT_EQ(0ULL, s->corruptions);
	EXPECT_EQ(3U, w.f.res.nr_guests_out);
	ASSERT_EQ(1, run_kind(_metadata, h->fd, h->cpu, &k));
}

/* ---- Signals during a waiting sched_result --------------------------- */

static atomic_int handled;

static void count_signal(int sig)
{
	atomic_fetch_add(&handled, 1);
}

FIXTURE(signals) {
	struct hostile h;
	struct waiter w;
};

FIXTURE_SETUP(signals)
{
	struct lde_sched_config c;

	lab_setup(_metadata, &self->h, "signals", "");
	c = lde_sched_config(self->h.cpu, LDE_ENGINE_LDE, LDE_POLICY_RR,
			     LDE_SCHED_MAX_DURATION_NS);
	lde_sched_add(&c, LDE_WL_SPIN, 2, 0, 0);
	ASSERT_LE(0, lde_sched_start(self->h.fd, &c));
	self->w.fd = self->h.fd;
	self->w.cpu = self->h.cpu;
}

FIXTURE_TEARDOWN(signals)
{
	lde_sched_stop(self->h.fd, self->h.cpu);
	if (self->w.started)
		pthread_join(self->w.thread, NULL);
	lab_teardown(_metadata, &self->h);
}

/* Start the waiter w and wait until it sleeps in sched_result. */
static void start_waiter(struct __test_metadata *_metadata, struct waiter *w)
{
	atomic_store(&w->tid, 0);
	ASSERT_EQ(0, pthread_create(&w->thread, NULL, waiter_fn, w));
	w->started = true;
	ASSERT_TRUE(waiter_waits(w));
}

/* A handler for SIGUSR1 (with flags), then the signal to the waiter. */
static void signal_waiter(struct __test_metadata *_metadata, struct waiter *w,
			  int flags)
{
	struct sigaction sa = { .sa_handler = count_signal, .sa_flags = flags };
	__u64 deadline = lde_mono_ns() + REACH_BOUND_NS;

	ASSERT_EQ(0, sigaction(SIGUSR1, &sa, NULL));
	start_waiter(_metadata, w);
	ASSERT_EQ(0, pthread_kill(w->thread, SIGUSR1));
	while (!atomic_load(&handled) && lde_mono_ns() < deadline)
		sleep_ns(POLL_NS);
	ASSERT_LT(0, atomic_load(&handled));
}

/* The waiter's result once its experiment ends: 0, or its -errno. */
static long waiter_result(struct waiter *w)
{
	pthread_join(w->thread, NULL);
	w->started = false;
	return w->ret;
}

/* Stop the experiment; the waiter must get its figures, ended by the stop. */
static void waiter_gets_figures(struct __test_metadata *_metadata,
				struct hostile *h, struct waiter *w)
{
	long ret;

	ASSERT_EQ(0, lde_sched_stop(h->fd, h->cpu));
	ret = waiter_result(w);
	ASSERT_EQ(0, ret) TH_LOG("the waiter: %s", strerror(-ret));
	ASSERT_EQ(LDE_END_STOPPED, lde_end(&w->f));
}

/* The state letter of /proc/pid/stat, or '?'. */
static char proc_state(pid_t pid)
{
	char path[64], buf[512], *p;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (lde_read_text(path, buf, sizeof(buf)) <= 0)
		return '?';
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : '?';
}

/* Wait until pid's state is (or, with !is, is not) state: bounded. */
static bool wait_state(pid_t pid, char state, bool is)
{
	__u64 deadline = lde_mono_ns() + REACH_BOUND_NS;

	while ((proc_state(pid) == state) != is) {
		if (lde_mono_ns() > deadline)
			return false;
		sleep_ns(POLL_NS);
	}
	return true;
}

/* Wait until process pid sleeps in an ioctl, or has exited: bounded. */
static bool wait_ioctl_or_exit(pid_t pid)
{
	__u64 deadline = lde_mono_ns() + REACH_BOUND_NS;

	while (in_syscall(pid, pid) != SYS_ioctl && proc_state(pid) != 'Z') {
		if (lde_mono_ns() > deadline)
			return false;
		sleep_ns(POLL_NS);
	}
	return true;
}

/*
 * SIGSTOP and SIGCONT (^Z, then fg) to a process waiting in sched_result:
 * once continued it waits on, and gets the figures: no EINTR.
 */
TEST_F_TIMEOUT(signals, stop_and_cont_keep_waiting, 120)
{
	struct lde_sched_figures f;
	int status;
	long ret;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		ret = lde_sched_result(self->h.fd, self->h.cpu, LDE_SCHED_WAIT,
				       &f);
		_exit(ret ? -ret : lde_end(&f) == LDE_END_STOPPED ? 0 : 255);
	}
	EXPECT_TRUE(wait_ioctl_or_exit(pid));
	kill(pid, SIGSTOP);
	EXPECT_TRUE(wait_state(pid, 'T', true));
	kill(pid, SIGCONT);
	EXPECT_TRUE(wait_state(pid, 'T', false));
	/* Back in its wait, or gone with an error. */
	EXPECT_TRUE(wait_ioctl_or_exit(pid));
	EXPECT_EQ(0, lde_sched_stop(self->h.fd, self->h.cpu));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status))
		TH_LOG("the waiter: %s", strerror(WEXITSTATUS(status)));
}

/* A signal whose handler has SA_RESTART: the wait goes on after it. */
TEST_F_TIMEOUT(signals, sa_restart_handler_keeps_waiting, 120)
{
	signal_waiter(_metadata, &self->w, SA_RESTART);
	waiter_gets_figures(_metadata, &self->h, &self->w);
}

/* A handler without SA_RESTART: EINTR, and the experiment runs on. */
TEST_F_TIMEOUT(signals, plain_handler_interrupts_wait, 120)
{
	struct lde_sched_figures f;

	signal_waiter(_metadata, &self->w, 0);
	ASSERT_EQ(-EINTR, waiter_result(&self->w));
	ASSERT_EQ(-EAGAIN, lde_sched_result(self->h.fd, self->h.cpu, 0, &f));
	start_waiter(_metadata, &self->w);
	waiter_gets_figures(_metadata, &self->h, &self->w);
}

TEST_HARNESS_MAIN

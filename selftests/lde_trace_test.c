// SPDX-License-Identifier: GPL-2.0
/*
 * lde_trace_test - lde's tracepoints (system lde, module/lde_trace.h) as
 * perf, bpftrace and trace-cmd see them, checked against lde's own figures:
 *   - perf list 'lde:*' shows the seven events;
 *   - perf stat, bpftrace and trace-cmd each count exactly the events of a
 *     window with N null traps and a short rr experiment of spin guests
 *     (which never trap): N + 2 trap_enter and trap_exit (the 2 are
 *     sched_start and sched_result), a timer_tick per tick, a guest_switch
 *     per switch in the experiment's event ring, a guest_start and a
 *     guest_exit per guest;
 *   - perf record + perf script: every field agrees with sched_result
 *     (switches by reason, the sums of switch costs and timer lateness,
 *     each guest's workload and CPU time, where each event fired);
 *   - lde:watchdog names the hog of a coop experiment, and the switch
 *     that takes the CPU from it follows;
 *   - linux engine: lde:guest_switch A->B fires in B once Linux has
 *     switched to it, so in the lab CPU's sched:sched_switch events since
 *     the previous lde switch, A's kthread ("lde/<cpu>:gA") is the last
 *     lde task switched out and B's the last task switched in; each lde
 *     switch is matched that way, in order, with Linux switches of its own.
 * Every test also checks that the kernel log stayed clean.
 *
 * lde_window.h says how a tool traces exactly the test's own work.
 *
 * Needs lde.ko loaded, root, and each test's tool (linux-perf, bpftrace,
 * trace-cmd); SKIPs without them.  A few seconds per test in a TCG VM,
 * most of it the tools starting up.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_trace_test			(this one, from selftests/)
 */
#define _GNU_SOURCE
#include <limits.h>

#include "lde_sched.h"
#include "lde_window.h"

#define PERF		"/usr/bin/perf"
#define BPFTRACE	"/usr/bin/bpftrace"
#define TRACE_CMD	"/usr/bin/trace-cmd"

/*
 * Every test runs at most a tool around a window and one more to its end,
 * each bounded by lde_window.h; the harness's bound is above their sum.
 */
#define TEST_TIMEOUT_S	(LDE_TOOL_START_S + 2 * LDE_TOOL_TIMEOUT_S + 60)

#define NULL_TRAPS	1000
#define RUN_NS		(50 * LDE_MSEC)
#define HOG_WATCHDOG_NS	(20 * LDE_MSEC)
/* Events kept by the experiments here: far more than RUN_NS makes. */
#define RING		16384

/* The guests' yield trap: LDE_GTRAP_YIELD of module/sched.h. */
#define GTRAP_YIELD	0

/* lde's events, in lde_trace.h's order, and Linux's sched_switch. */
enum ev {
	EV_TRAP_ENTER,
	EV_TRAP_EXIT,
	EV_TIMER_TICK,
	EV_GUEST_SWITCH,
	EV_GUEST_START,
	EV_GUEST_EXIT,
	EV_WATCHDOG,
	NR_LDE_EVS,
	EV_SCHED_SWITCH = NR_LDE_EVS,
	EV_OTHER,
};

static const char *const ev_names[NR_LDE_EVS] = {
	[EV_TRAP_ENTER]		= "trap_enter",
	[EV_TRAP_EXIT]		= "trap_exit",
	[EV_TIMER_TICK]		= "timer_tick",
	[EV_GUEST_SWITCH]	= "guest_switch",
	[EV_GUEST_START]	= "guest_start",
	[EV_GUEST_EXIT]		= "guest_exit",
	[EV_WATCHDOG]		= "watchdog",
};

/* How lde_trace.h prints enum lde_switch_reason and enum lde_mode. */
static const char *const reason_names[LDE_NR_SWITCH_REASONS] = {
	LDE_SWITCH_REASONS(LDE_NAME, LDE_NAME)
};

#define NR_MODES	LDE_NR_MODES
static const char *const mode_names[NR_MODES] = {
	LDE_MODES(LDE_NAME, LDE_NAME)
};

/* An experiment's figures with its whole event ring. */
struct run {
	struct lde_sched_result res;
	struct lde_sched_guest guests[LDE_TEST_MAX_GUESTS];
	struct lde_sched_event events[RING];
};

/* How many of each lde event a tool counted, or should have. */
struct counts {
	unsigned long long n[NR_LDE_EVS];
};

/* What the helpers below work with: the device, the lab CPU, a window. */
struct lab {
	int fd;
	unsigned int cpu;
	struct lde_window w;
	struct run *run;	/* the last experiment's figures */
};

FIXTURE(trace) {
	struct lab lab;
	int kmsg;		/* /dev/kmsg, positioned at its end */
};

/* ---- Reading what the tools print ----------------------------------- */

/* "lde:trap_enter" or "trap_enter" (trace-cmd): its enum ev. */
static int ev_index(const char *name)
{
	int i;

	if (!strcmp(name, "sched:sched_switch") ||
	    !strcmp(name, "sched_switch"))
		return EV_SCHED_SWITCH;
	if (!strncmp(name, "lde:", 4))
		name += 4;
	for (i = 0; i < NR_LDE_EVS; i++)
		if (!strcmp(name, ev_names[i]))
			return i;
	return EV_OTHER;
}

static int name_index(const char *const names[], int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

/* One event as perf script or trace-cmd report prints it. */
struct trace_ev {
	int ev;			/* enum ev */
	unsigned int cpu;	/* the CPU it fired on */
	const char *fields;	/* its TP_printk() text, "key=value ..." */
};

/*
 * Parse "[cpu] time: [system:]event: fields", the lines of perf script
 * -F cpu,time,event,trace and of trace-cmd report (which puts the task
 * first): true if line is an event.
 */
static bool parse_event(char *line, struct trace_ev *e)
{
	char *p = strchr(line, '['), *name, *end;

	if (!p || sscanf(p, "[%u]", &e->cpu) != 1)
		return false;
	p = strchr(p, ':');		/* the end of the time stamp */
	if (!p)
		return false;
	name = p + 1 + strspn(p + 1, " ");
	end = strchr(name, ' ');
	if (!end || end == name || end[-1] != ':')
		return false;
	end[-1] = '\0';
	end += strspn(end, " ");
	end[strcspn(end, "\n")] = '\0';
	e->fields = end;
	e->ev = ev_index(name);
	return true;
}

/* The value of key in "k1=v1 k2=v2 ...", into buf: true if it is there. */
static bool field_str(const char *fields, const char *key, char *buf,
		      size_t size)
{
	size_t len = strlen(key), tok;
	const char *p = fields;

	while (*p) {
		tok = strcspn(p, " ");
		if (tok > len && !strncmp(p, key, len) && p[len] == '=') {
			snprintf(buf, size, "%.*s", (int)(tok - len - 1),
				 p + len + 1);
			return true;
		}
		p += tok;
		p += strspn(p, " ");
	}
	return false;
}

/* A decimal field's value; LLONG_MIN if it is missing or not a number. */
static long long field_ll(const char *fields, const char *key)
{
	char buf[32], *end;
	long long v;

	if (!field_str(fields, key, buf, sizeof(buf)))
		return LLONG_MIN;
	errno = 0;
	v = strtoll(buf, &end, 10);
	return errno || end == buf || *end ? LLONG_MIN : v;
}

/* A text of events (perf script's, trace-cmd report's), read in order. */
struct trace_text {
	FILE *f;
	char line[1024];
};

/* The next event of t into *e (which points into t): false at the end. */
static bool next_event(struct trace_text *t, struct trace_ev *e)
{
	while (fgets(t->line, sizeof(t->line), t->f))
		if (parse_event(t->line, e))
			return true;
	return false;
}

/* perf stat -x, lines "count,unit,event,...": lde events read, or -errno. */
static int read_perf_stat(const char *path, struct counts *c)
{
	char line[256], *p, *end;
	unsigned long long v;
	int ev, n = 0;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		v = strtoull(line, &end, 10);
		if (end == line || *end != ',')
			continue;	/* a comment, or "<not counted>" */
		p = strchr(end + 1, ',');
		if (!p)
			continue;
		p++;
		p[strcspn(p, ",\n")] = '\0';
		ev = ev_index(p);
		if (ev < NR_LDE_EVS) {
			c->n[ev] = v;
			n++;
		}
	}
	fclose(f);
	return n;
}

/* bpftrace's map at exit, "@[tracepoint:lde:NAME]: COUNT": lines read. */
static int read_bpftrace_map(const char *path, struct counts *c)
{
	char line[256], name[64];
	unsigned long long v;
	int ev, n = 0;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "@[tracepoint:lde:%63[^]]]: %llu", name,
			   &v) != 2)
			continue;
		ev = ev_index(name);
		if (ev < NR_LDE_EVS) {
			c->n[ev] = v;
			n++;
		}
	}
	fclose(f);
	return n;
}

/* ---- The fixture, and the work inside a window ---------------------- */

FIXTURE_SETUP(trace)
{
	self->kmsg = -1;
	lde_sched_setup(_metadata, &self->lab.fd, &self->lab.cpu);
	self->kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, self->kmsg);
	ASSERT_LE(0, lseek(self->kmsg, 0, SEEK_END));
	self->lab.run = calloc(1, sizeof(*self->lab.run));
	ASSERT_NE(NULL, self->lab.run);
	ASSERT_EQ(0, lde_window_init(&self->lab.w));
}

FIXTURE_TEARDOWN(trace)
{
	lde_window_cleanup(&self->lab.w);
	lde_sched_teardown(_metadata, self->lab.fd, self->lab.cpu);
	EXPECT_EQ(0, lde_kmsg_bad_lines(self->kmsg, _metadata));
	close(self->kmsg);
	free(self->lab.run);
}

/* SKIP the rest of the test (the teardown still runs) without a tool. */
static void need_tool(struct __test_metadata *_metadata, const char *path,
		      const char *package)
{
	if (access(path, X_OK))
		SKIP(longjmp(_metadata->env, 1), "no %s (apt-get install %s)",
		     path, package);
}

/* A tool's wait status: it must have exited with 0; else show its output. */
static void tool_ok(struct __test_metadata *_metadata,
		    struct lab *lab, int status, const char *what,
		    const char *out)
{
	if (!lde_exited_ok(status))
		lde_window_dump(&lab->w, out, _metadata);
	ASSERT_TRUE(lde_exited_ok(status))
		TH_LOG("%s: wait status %d", what, status);
}

/* Start the tool argv (output into out) and wait for its window. */
static void open_window(struct __test_metadata *_metadata,
			struct lab *lab, char *const argv[],
			const char *out)
{
	int ret = lde_window_open(&lab->w, argv, out);

	if (ret)
		lde_window_dump(&lab->w, out, _metadata);
	ASSERT_EQ(0, ret)
		TH_LOG("%s did not open the window: %s", argv[0],
		       strerror(-ret));
}

static void close_window(struct __test_metadata *_metadata,
			 struct lab *lab, const char *out)
{
	tool_ok(_metadata, lab, lde_window_close(&lab->w), "tracing", out);
}

/* Open the window's file name as a text of events. */
static void open_text(struct __test_metadata *_metadata, struct lab *lab,
		      const char *name, struct trace_text *t)
{
	char path[128];

	t->f = fopen(lde_window_path(&lab->w, name, path, sizeof(path)), "r");
	ASSERT_NE(NULL, t->f) TH_LOG("%s: %s", path, strerror(errno));
}

/* Run c to its end into *r, with every event of its ring: 0 or -errno. */
static long run_experiment(int fd, struct lde_sched_config *c, struct run *r)
{
	long ret;

	c->ring_events = RING;
	ret = lde_sched_start(fd, c);
	if (ret)
		return ret;
	memset(&r->res, 0, sizeof(r->res));
	r->res.cpu = c->cpu;
	r->res.flags = LDE_SCHED_WAIT;
	r->res.guests = (uintptr_t)r->guests;
	r->res.guests_size = sizeof(r->guests);
	r->res.events = (uintptr_t)r->events;
	r->res.events_size = sizeof(r->events);
	return lde_trap_p(fd, LDE_IOC_SCHED_RESULT, &r->res);
}

/* Start and run c in the open window; nothing may be lost from its ring. */
static void window_experiment(struct __test_metadata *_metadata,
			      struct lab *lab,
			      struct lde_sched_config *c)
{
	const struct lde_sched_summary *s = &lab->run->res.summary;

	ASSERT_EQ(0, run_experiment(lab->fd, c, lab->run));
	ASSERT_EQ(0ULL, s->events_lost);
	ASSERT_EQ(s->nr_guests, lab->run->res.nr_guests_out);
}

/* Switch events in r's ring: every switch, the host's too. */
static unsigned long long ring_switches(const struct run *r)
{
	unsigned long long n = 0;
	__u32 i;

	for (i = 0; i < r->res.nr_events_out; i++)
		n += r->events[i].type == LDE_EV_SWITCH;
	return n;
}

static unsigned long long guests_that_ran(const struct run *r)
{
	unsigned long long n = 0;
	__u32 i;

	for (i = 0; i < r->res.nr_guests_out; i++)
		n += r->guests[i].runs > 0;
	return n;
}

/*
 * The work of a counting window: NULL_TRAPS null traps, then an rr
 * experiment of spin guests, which never trap, so that every trap event
 * is the test's own.  Fills *want with what a tool must have counted.
 */
static void counted_work(struct __test_metadata *_metadata,
			 struct lab *lab, struct counts *want)
{
	struct lde_sched_config c = lde_sched_config(lab->cpu, LDE_ENGINE_LDE,
						     LDE_POLICY_RR, RUN_NS);
	const struct run *r = lab->run;
	int i;

	for (i = 0; i < NULL_TRAPS; i++)
		ASSERT_EQ(0, lde_trap(lab->fd, LDE_IOC_NULL, 0));
	lde_sched_add(&c, LDE_WL_SPIN, 2, 0, 0);
	window_experiment(_metadata, lab, &c);
	ASSERT_LT(0ULL, r->res.summary.ticks);

	memset(want, 0, sizeof(*want));
	/* Each trap, sched_start and sched_result too, enters and exits. */
	want->n[EV_TRAP_ENTER] = NULL_TRAPS + 2;
	want->n[EV_TRAP_EXIT] = NULL_TRAPS + 2;
	want->n[EV_TIMER_TICK] = r->res.summary.ticks;
	want->n[EV_GUEST_SWITCH] = ring_switches(r);
	want->n[EV_GUEST_START] = guests_that_ran(r);
	want->n[EV_GUEST_EXIT] = guests_that_ran(r);
}

static void expect_counts(struct __test_metadata *_metadata, const char *tool,
			  const struct counts *want, const struct counts *got)
{
	int i;

	for (i = 0; i < NR_LDE_EVS; i++) {
		unsigned long long w = want->n[i], g = got->n[i];
		const char *name = ev_names[i];

		EXPECT_EQ(w, g)
			TH_LOG("%s counted %llu lde:%s, lde's figures say %llu",
			       tool, g, name, w);
	}
}

/* ---- perf list, perf stat, bpftrace, trace-cmd ---------------------- */

/* perf list 'lde:*' names each of the seven events once, and no other. */
TEST_F_TIMEOUT(trace, perf_list_shows_seven_events, TEST_TIMEOUT_S)
{
	struct lab *lab = &self->lab;
	char *const argv[] = { PERF, "--no-pager", "list", "lde:*", NULL };
	char path[128], line[256], word[64];
	int seen[NR_LDE_EVS] = { 0 }, others = 0, ev, i;
	FILE *f;

	need_tool(_metadata, PERF, "linux-perf");
	tool_ok(_metadata, lab, lde_window_run(&lab->w, argv, "list.out"),
		"perf list", "list.out");
	f = fopen(lde_window_path(&lab->w, "list.out", path, sizeof(path)),
		  "r");
	ASSERT_NE(NULL, f);
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, " %63s", word) != 1 || strncmp(word, "lde:", 4))
			continue;
		ev = ev_index(word);
		if (ev < NR_LDE_EVS && strstr(line, "[Tracepoint event]"))
			seen[ev]++;
		else
			others++;
	}
	fclose(f);
	for (i = 0; i < NR_LDE_EVS; i++) {
		const char *name = ev_names[i];

		EXPECT_EQ(1, seen[i]) TH_LOG("lde:%s", name);
	}
	EXPECT_EQ(0, others);
}

/* perf stat -e 'lde:*' -a counts exactly the events of our window. */
TEST_F_TIMEOUT(trace, perf_stat_counts_exactly, TEST_TIMEOUT_S)
{
	struct lab *lab = &self->lab;
	char csv[128], win[128];
	char *const argv[] = {
		PERF, "stat", "-x,", "-o",
		lde_window_path(&lab->w, "stat.csv", csv, sizeof(csv)),
		"-e", "lde:*", "-a", "--",
		lde_window_path(&lab->w, "window", win, sizeof(win)), NULL,
	};
	struct counts want, got = { 0 };

	need_tool(_metadata, PERF, "linux-perf");
	open_window(_metadata, lab, argv, "perf.out");
	counted_work(_metadata, lab, &want);
	close_window(_metadata, lab, "perf.out");
	ASSERT_EQ(NR_LDE_EVS, read_perf_stat(csv, &got))
		lde_window_dump(&lab->w, "stat.csv", _metadata);
	expect_counts(_metadata, "perf stat", &want, &got);
}

/* bpftrace's count() per tracepoint:lde:* probe is exact too. */
TEST_F_TIMEOUT(trace, bpftrace_counts_exactly, TEST_TIMEOUT_S)
{
	struct lab *lab = &self->lab;
	char out[128], win[128], cmd[160];
	char *const argv[] = {
		BPFTRACE, "-e", "tracepoint:lde:* { @[probe] = count(); }",
		"-c", cmd, NULL,
	};
	struct counts want, got = { 0 };

	need_tool(_metadata, BPFTRACE, "bpftrace");
	/* -c runs only ELF files, and splits its string at spaces. */
	snprintf(cmd, sizeof(cmd), "/bin/sh %s",
		 lde_window_path(&lab->w, "window", win, sizeof(win)));
	open_window(_metadata, lab, argv, "bpftrace.out");
	counted_work(_metadata, lab, &want);
	close_window(_metadata, lab, "bpftrace.out");
	lde_window_path(&lab->w, "bpftrace.out", out, sizeof(out));
	/* Probes that never fired (the watchdog) print no line. */
	EXPECT_EQ(6, read_bpftrace_map(out, &got))
		lde_window_dump(&lab->w, "bpftrace.out", _metadata);
	expect_counts(_metadata, "bpftrace", &want, &got);
}

/* trace-cmd record -e lde, then trace-cmd report, has every event. */
TEST_F_TIMEOUT(trace, trace_cmd_records_exactly, TEST_TIMEOUT_S)
{
	struct lab *lab = &self->lab;
	char dat[128], win[128];
	char *const record[] = {
		TRACE_CMD, "record", "-e", "lde", "-o",
		lde_window_path(&lab->w, "trace.dat", dat, sizeof(dat)),
		lde_window_path(&lab->w, "window", win, sizeof(win)), NULL,
	};
	char *const report[] = { TRACE_CMD, "report", "-i", dat, NULL };
	struct counts want, got = { 0 };
	struct trace_text t;
	struct trace_ev e;

	need_tool(_metadata, TRACE_CMD, "trace-cmd");
	open_window(_metadata, lab, record, "record.out");
	counted_work(_metadata, lab, &want);
	close_window(_metadata, lab, "record.out");
	tool_ok(_metadata, lab, lde_window_run(&lab->w, report, "report.txt"),
		"trace-cmd report", "report.txt");
	open_text(_metadata, lab, "report.txt", &t);
	while (next_event(&t, &e))
		if (e.ev < NR_LDE_EVS)
			got.n[e.ev]++;
	fclose(t.f);
	expect_counts(_metadata, "trace-cmd", &want, &got);
}

/* ---- perf record and perf script: every field ----------------------- */

/* What perf script showed of one experiment, event by event. */
struct seen {
	unsigned int cpu;		/* the lab CPU */
	unsigned int nr_guests;
	unsigned long long n[NR_LDE_EVS];
	unsigned long long bad;		/* a field missing or out of range */
	unsigned long long off_cpu;	/* guest events not on the lab CPU */
	unsigned long long user_enter[LDE_TRAP_SCHED_RESULT + 1];
	unsigned long long user_exit_ok[LDE_TRAP_SCHED_RESULT + 1];
	long long start_ret;		/* what sched_start returned */
	unsigned long long guest_enter, guest_exit;
	unsigned long long ticks_in[NR_MODES], late_sum;
	unsigned long long switches[LDE_NR_SWITCH_REASONS];	/* from a guest */
	unsigned long long g2g, cost_sum;	/* guest to guest */
	unsigned long long starts[LDE_TEST_MAX_GUESTS];
	unsigned long long exits[LDE_TEST_MAX_GUESTS];
	long long workload[LDE_TEST_MAX_GUESTS];
	long long cpu_ns[LDE_TEST_MAX_GUESTS];
	long long end[LDE_TEST_MAX_GUESTS];
	/* The watchdog event, and the first switch after it. */
	long long wd_guest, wd_ran_ns;
	long long wd_prev, wd_next, wd_reason;
	bool wd_seen, wd_switch_seen;
};

static void see_trap(struct seen *s, const struct trace_ev *e)
{
	long long nr = field_ll(e->fields, "nr");
	long long ret = field_ll(e->fields, "ret");
	bool enter = e->ev == EV_TRAP_ENTER;
	char caller[8] = "";

	field_str(e->fields, "caller", caller, sizeof(caller));
	if (nr < 0 || (!enter && ret == LLONG_MIN)) {
		s->bad++;
	} else if (!strcmp(caller, "guest")) {
		if (e->cpu != s->cpu || nr != GTRAP_YIELD || (!enter && ret))
			s->bad++;
		if (enter)
			s->guest_enter++;
		else
			s->guest_exit++;
	} else if (strcmp(caller, "user") || nr > LDE_TRAP_SCHED_RESULT) {
		s->bad++;
	} else if (enter) {
		s->user_enter[nr]++;
	} else if (nr == LDE_TRAP_SCHED_START) {
		/* ABI 2: it returns the experiment's id, > 0. */
		s->user_exit_ok[nr] += ret > 0;
		s->start_ret = ret;
	} else if (!ret) {
		s->user_exit_ok[nr]++;
	}
}

static void see_tick(struct seen *s, const struct trace_ev *e)
{
	long long late = field_ll(e->fields, "late_ns");
	char found[16] = "";
	int mode;

	field_str(e->fields, "found", found, sizeof(found));
	mode = name_index(mode_names, NR_MODES, found);
	if (field_ll(e->fields, "cpu") != s->cpu || late < 0 || mode < 0) {
		s->bad++;
		return;
	}
	s->ticks_in[mode]++;
	s->late_sum += late;
}

/* A guest id, or -1 for the host: in range for this experiment? */
static bool valid_id(const struct seen *s, long long id)
{
	return id >= -1 && id < s->nr_guests;
}

static void see_switch(struct seen *s, const struct trace_ev *e)
{
	long long prev = field_ll(e->fields, "prev");
	long long next = field_ll(e->fields, "next");
	long long cost = field_ll(e->fields, "cost_ns");
	char why[16] = "";
	int reason;

	field_str(e->fields, "reason", why, sizeof(why));
	reason = name_index(reason_names, LDE_NR_SWITCH_REASONS, why);
	if (!valid_id(s, prev) || !valid_id(s, next) || prev == next ||
	    cost < 0 || reason < 0) {
		s->bad++;
		return;
	}
	if (s->wd_seen && !s->wd_switch_seen) {
		s->wd_switch_seen = true;
		s->wd_prev = prev;
		s->wd_next = next;
		s->wd_reason = reason;
	}
	if (prev < 0)
		return;		/* the summary counts switches from guests */
	s->switches[reason]++;
	if (next >= 0) {
		s->g2g++;
		s->cost_sum += cost;
	}
}

static void see_guest(struct seen *s, const struct trace_ev *e)
{
	long long g = field_ll(e->fields, "guest");

	if (g < 0 || g >= s->nr_guests || g >= LDE_TEST_MAX_GUESTS) {
		s->bad++;
		return;
	}
	if (e->ev == EV_GUEST_START) {
		s->starts[g]++;
		s->workload[g] = field_ll(e->fields, "workload");
		return;
	}
	s->exits[g]++;
	s->cpu_ns[g] = field_ll(e->fields, "cpu_ns");
	s->end[g] = field_ll(e->fields, "end");
}

static void see_event(struct seen *s, const struct trace_ev *e)
{
	if (e->ev >= NR_LDE_EVS)
		return;
	s->n[e->ev]++;
	if (e->ev == EV_TRAP_ENTER || e->ev == EV_TRAP_EXIT) {
		see_trap(s, e);		/* a user's trap may be anywhere */
		return;
	}
	if (e->cpu != s->cpu)
		s->off_cpu++;
	switch (e->ev) {
	case EV_TIMER_TICK:
		see_tick(s, e);
		break;
	case EV_GUEST_SWITCH:
		see_switch(s, e);
		break;
	case EV_WATCHDOG:
		s->wd_seen = true;
		s->wd_guest = field_ll(e->fields, "guest");
		s->wd_ran_ns = field_ll(e->fields, "ran_ns");
		break;
	default:
		see_guest(s, e);
	}
}

/*
 * Run c in a window of perf record -e events -a; perf script's text of
 * it is then in script.txt, one event per line.
 */
static void record_experiment(struct __test_metadata *_metadata,
			      struct lab *lab, struct lde_sched_config *c,
			      const char *events)
{
	char data[128], win[128];
	char *const record[] = {
		PERF, "record", "-q", "-e", (char *)events, "-a", "-o",
		lde_window_path(&lab->w, "perf.data", data, sizeof(data)),
		"--", lde_window_path(&lab->w, "window", win, sizeof(win)),
		NULL,
	};
	char *const script[] = {
		PERF, "script", "-i", data, "-F", "trace:cpu,time,event,trace",
		NULL,
	};

	open_window(_metadata, lab, record, "record.out");
	window_experiment(_metadata, lab, c);
	close_window(_metadata, lab, "record.out");
	tool_ok(_metadata, lab, lde_window_run(&lab->w, script, "script.txt"),
		"perf script", "script.txt");
}

/* Trace c with perf record -e 'lde:*' -a into *s. */
static void record_seen(struct __test_metadata *_metadata, struct lab *lab,
			struct lde_sched_config *c, struct seen *s)
{
	struct trace_text t;
	struct trace_ev e;
	__u32 i;

	memset(s, 0, sizeof(*s));
	s->cpu = c->cpu;
	for (i = 0; i < c->nr_groups; i++)
		s->nr_guests += c->groups[i].count;
	record_experiment(_metadata, lab, c, "lde:*");
	open_text(_metadata, lab, "script.txt", &t);
	while (next_event(&t, &e))
		see_event(s, &e);
	fclose(t.f);
}

/*
 * The user traps of the window: sched_start and sched_result, once each,
 * and sched_start returned the id that sched_result reported.
 */
static void check_user_traps(struct __test_metadata *_metadata,
			     const struct seen *s, const struct run *r)
{
	unsigned int nr;

	EXPECT_EQ((long long)r->res.id, s->start_ret);
	for (nr = 0; nr <= LDE_TRAP_SCHED_RESULT; nr++) {
		bool ours = nr == LDE_TRAP_SCHED_START ||
			    nr == LDE_TRAP_SCHED_RESULT;

		EXPECT_EQ(ours, s->user_enter[nr]) TH_LOG("trap %u", nr);
		EXPECT_EQ(ours, s->user_exit_ok[nr]) TH_LOG("trap %u", nr);
	}
}

/* Ticks and switches, against the summary. */
static void check_ticks_switches(struct __test_metadata *_metadata,
				 const struct seen *s, const struct run *r)
{
	const struct lde_sched_summary *sum = &r->res.summary;
	int i;

	EXPECT_EQ(sum->ticks, s->n[EV_TIMER_TICK]);
	for (i = 0; i < NR_MODES; i++) {
		const char *mode = mode_names[i];

		EXPECT_EQ(sum->ticks_in[i], s->ticks_in[i])
			TH_LOG("ticks that found %s", mode);
	}
	EXPECT_EQ(sum->timer_late.sum_ns, s->late_sum);

	EXPECT_EQ(ring_switches(r), s->n[EV_GUEST_SWITCH]);
	for (i = 0; i < LDE_NR_SWITCH_REASONS; i++) {
		const char *why = reason_names[i];

		EXPECT_EQ(sum->switches[i], s->switches[i])
			TH_LOG("%s switches", why);
	}
	EXPECT_EQ(sum->switch_cost.count, s->g2g);
	EXPECT_EQ(sum->switch_cost.sum_ns, s->cost_sum);
}

/* Each guest that ran started and left once, with its figures. */
static void check_guests(struct __test_metadata *_metadata,
			 const struct seen *s, const struct run *r)
{
	unsigned int i;

	for (i = 0; i < r->res.nr_guests_out; i++) {
		const struct lde_sched_guest *g = &r->guests[i];
		unsigned long long ran = g->runs > 0;

		EXPECT_EQ(ran, s->starts[i]) TH_LOG("guest %u", i);
		EXPECT_EQ(ran, s->exits[i]) TH_LOG("guest %u", i);
		if (!ran)
			continue;
		EXPECT_EQ(g->workload, s->workload[i]) TH_LOG("guest %u", i);
		EXPECT_EQ((long long)g->cpu_ns, s->cpu_ns[i])
			TH_LOG("guest %u", i);
		EXPECT_EQ(g->exited ? LDE_END_EXITED : r->res.summary.end,
			  s->end[i]) TH_LOG("guest %u", i);
	}
}

/* Everything perf script showed of the experiment r, field by field. */
static void check_experiment(struct __test_metadata *_metadata,
			     const struct seen *s, const struct run *r)
{
	EXPECT_EQ(0ULL, s->bad);
	EXPECT_EQ(0ULL, s->off_cpu);
	check_user_traps(_metadata, s, r);
	check_ticks_switches(_metadata, s, r);
	check_guests(_metadata, s, r);
	EXPECT_EQ((unsigned long long)(r->res.summary.end == LDE_END_WATCHDOG),
		  s->n[EV_WATCHDOG]);
}

/* perf script shows every event with fields that match sched_result. */
TEST_F_TIMEOUT(trace, perf_script_fields_match_figures, TEST_TIMEOUT_S)
{
	struct lab *lab = &self->lab;
	struct lde_sched_config c = lde_sched_config(lab->cpu, LDE_ENGINE_LDE,
						     LDE_POLICY_RR, RUN_NS);
	struct seen s;

	need_tool(_metadata, PERF, "linux-perf");
	lde_sched_add(&c, LDE_WL_YIELD, 2, 0, 0);
	lde_sched_add(&c, LDE_WL_SPIN, 1, 0, 0);
	record_seen(_metadata, lab, &c, &s);
	check_experiment(_metadata, &s, lab->run);
	EXPECT_EQ((__u32)LDE_END_DURATION, lab->run->res.summary.end);
	/* Both kinds of switch happened, and so did the guests' traps. */
	EXPECT_LT(0ULL, s.switches[LDE_SW_YIELD]);
	EXPECT_LT(0ULL, s.switches[LDE_SW_TIMER]);
	EXPECT_LE(s.switches[LDE_SW_YIELD], s.guest_enter);
	/* Each yield guest may have been left inside its trap at the end. */
	EXPECT_LE(s.guest_exit, s.guest_enter);
	EXPECT_GE(s.guest_exit + 2, s.guest_enter);
}

/* ---- The watchdog --------------------------------------------------- */

/* A coop hog: lde:watchdog names it, then the CPU is taken from it. */
TEST_F_TIMEOUT(trace, watchdog_event_names_the_hog, TEST_TIMEOUT_S)
{
	struct lab *lab = &self->lab;
	struct lde_sched_config c = lde_sched_config(lab->cpu, LDE_ENGINE_LDE,
						     LDE_POLICY_COOP, LDE_SEC);
	const struct lde_sched_summary *sum = &lab->run->res.summary;
	struct seen s;

	need_tool(_metadata, PERF, "linux-perf");
	c.watchdog_ns = HOG_WATCHDOG_NS;
	lde_sched_add(&c, LDE_WL_YIELD, 1, 0, 0);
	lde_sched_add(&c, LDE_WL_SPIN, 1, 0, 0);	/* guest 1, the hog */
	record_seen(_metadata, lab, &c, &s);
	ASSERT_EQ((__u32)LDE_END_WATCHDOG, sum->end);
	check_experiment(_metadata, &s, lab->run);

	ASSERT_EQ(1ULL, s.n[EV_WATCHDOG]);
	EXPECT_EQ(1, s.wd_guest);
	EXPECT_EQ(sum->hog_guest, s.wd_guest);
	EXPECT_EQ((long long)sum->hog_ns, s.wd_ran_ns);
	EXPECT_LE((long long)HOG_WATCHDOG_NS, s.wd_ran_ns);
	ASSERT_TRUE(s.wd_switch_seen);
	EXPECT_EQ(s.wd_guest, s.wd_prev);
	EXPECT_EQ(-1, s.wd_next);
	EXPECT_EQ(LDE_SW_WATCHDOG, s.wd_reason);
}

/* ---- The linux engine and sched:sched_switch ------------------------ */

/* Room for a task name: TASK_COMM_LEN is 16, with the NUL. */
#define COMM_LEN	32

/* lde:guest_switch events against Linux's sched_switch on the lab CPU. */
struct match {
	unsigned int cpu;
	char last_in[COMM_LEN];		/* the last task switched in */
	char last_out[COMM_LEN];	/* the last lde task switched out */
	char last_prev[COMM_LEN];	/* the last task switched out */
	unsigned long long lde, g2g, direct, bad;
	char first_bad[256];
};

/* The kthread of guest id on cpu ("lde/1:g0"), or the host's ("lde/1"). */
static void task_name(unsigned int cpu, long long id, char *buf, size_t size)
{
	if (id < 0)
		snprintf(buf, size, "lde/%u", cpu);
	else
		snprintf(buf, size, "lde/%u:g%lld", cpu, id);
}

static bool is_lab_task(const struct match *m, const char *comm)
{
	char host[COMM_LEN];
	size_t len;

	task_name(m->cpu, -1, host, sizeof(host));
	len = strlen(host);
	return !strncmp(comm, host, len) &&
	       (!comm[len] || !strncmp(comm + len, ":g", 2));
}

static void see_sched_switch(struct match *m, const struct trace_ev *e)
{
	char prev[COMM_LEN], next[COMM_LEN];

	if (!field_str(e->fields, "prev_comm", prev, sizeof(prev)) ||
	    !field_str(e->fields, "next_comm", next, sizeof(next))) {
		m->bad++;
		return;
	}
	if (is_lab_task(m, prev))
		strcpy(m->last_out, prev);
	strcpy(m->last_prev, prev);
	strcpy(m->last_in, next);
}

/*
 * lde:guest_switch A->B fires in B, once Linux has switched to it: since
 * the last lde switch, Linux must have switched A's kthread out and, last
 * of all, B's in.
 */
static void see_lde_switch(struct match *m, const struct trace_ev *e)
{
	long long prev = field_ll(e->fields, "prev");
	long long next = field_ll(e->fields, "next");
	char a[COMM_LEN], b[COMM_LEN];

	task_name(m->cpu, prev, a, sizeof(a));
	task_name(m->cpu, next, b, sizeof(b));
	m->lde++;
	if (strcmp(m->last_out, a) || strcmp(m->last_in, b)) {
		if (!m->bad++)
			snprintf(m->first_bad, sizeof(m->first_bad),
				 "lde switch %s -> %s, but Linux last switched out %s and in %s",
				 a, b, m->last_out, m->last_in);
	} else if (prev >= 0 && next >= 0) {
		m->g2g++;
		m->direct += !strcmp(m->last_prev, a);
	}
	m->last_out[0] = '\0';
	m->last_in[0] = '\0';
}

static void see_match(struct match *m, const struct trace_ev *e)
{
	if (e->cpu != m->cpu)
		return;
	if (e->ev == EV_SCHED_SWITCH)
		see_sched_switch(m, e);
	else if (e->ev == EV_GUEST_SWITCH)
		see_lde_switch(m, e);
}

/* linux engine: every lde switch A->B is Linux's switch from gA to gB. */
TEST_F_TIMEOUT(trace, linux_engine_matches_sched_switch, TEST_TIMEOUT_S)
{
	struct lab *lab = &self->lab;
	struct lde_sched_config c = lde_sched_config(lab->cpu,
						     LDE_ENGINE_LINUX,
						     LDE_POLICY_RR, RUN_NS);
	struct match m = { .cpu = lab->cpu };
	struct trace_text t;
	struct trace_ev e;

	need_tool(_metadata, PERF, "linux-perf");
	lde_sched_add(&c, LDE_WL_YIELD, 2, 0, 0);
	lde_sched_add(&c, LDE_WL_SPIN, 1, 0, 0);
	record_experiment(_metadata, lab, &c,
			  "lde:guest_switch,sched:sched_switch");
	open_text(_metadata, lab, "script.txt", &t);
	while (next_event(&t, &e))
		see_match(&m, &e);
	fclose(t.f);

	EXPECT_EQ(0ULL, m.bad) TH_LOG("%s", m.first_bad);
	EXPECT_EQ(ring_switches(lab->run), m.lde);
	EXPECT_EQ(lab->run->res.summary.switch_cost.count, m.g2g);
	EXPECT_LT(0ULL, m.g2g);
	TH_LOG("%llu lde switches, %llu guest to guest, %llu with no other task between",
	       m.lde, m.g2g, m.direct);
}

TEST_HARNESS_MAIN

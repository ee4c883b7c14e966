// SPDX-License-Identifier: GPL-2.0
/*
 * report_trace.c - the timeline picture: a short run, traced.
 *
 * Two spin guests under rr at 1 ms for about five quanta, with every lde
 * tracepoint recorded system-wide by perf:
 *
 *	perf record -B -e 'lde:*' -a -o DIR/trace.data -- \
 *		lde sched -e lde -P rr -q 1ms -D 5ms -g spin:2 -a CPU --json
 *	perf script --ns -i DIR/trace.data > DIR/trace.txt
 *	scripts/lde-timeline DIR/trace.txt -o DIR/timeline.svg
 *
 * -B, no build-ids: tracepoints need no symbols, and collecting them maps
 * the data file back, which fails on the VM's 9p share ("failed to mmap
 * file").
 * lde-timeline also draws timeline.png next to the SVG when it can.
 * The run's own figures (lde sched --json) go to sched-traced.json; every
 * command line, and what the tools say, to trace.log.  Without
 * scripts/lde-timeline the trace is still kept, and summary.md says so.
 *
 * Use: see report.h.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"
#include "lib/spawn.h"

#define TRACE_EVENTS	"lde:*"
#define TRACE_ENGINE	"lde"
#define TRACE_QUANTUM	"1ms"
#define TRACE_DURATION	"5ms"		/* about five quanta */
#define TRACE_GUESTS	"spin:2"

struct trace {
	char data[PATH_MAX + 16];	/* DIR/trace.data */
	char text[PATH_MAX + 16];	/* DIR/trace.txt */
	char svg[PATH_MAX + 16];	/* DIR/timeline.svg */
	char tool[PATH_MAX + 16];	/* scripts/lde-timeline */
	FILE *log;			/* trace.log */
};

/* "$ perf record ...", so that a student can run it again by hand. */
static void log_cmd(FILE *log, char *const argv[])
{
	fputc('$', log);
	for (; *argv; argv++)
		fprintf(log, strchr(*argv, '*') ? " '%s'" : " %s", *argv);
	fputc('\n', log);
	fflush(log);		/* before the child writes to the same file */
}

/*
 * Run argv with stdout to file name in the results (or to the log), its
 * stderr to the log.  Returns its exit status, or -1 if it did not start.
 */
static int run_to(const struct lab *l, struct trace *t, char *const argv[],
		  const char *name)
{
	FILE *out = name ? lab_fopen(l, name) : NULL;
	struct spawn_io io = {
		.out = out ? fileno(out) : fileno(t->log),
		.err = fileno(t->log),
	};
	int status;

	if (name && !out)
		return -1;
	log_cmd(t->log, argv);
	status = spawn_run(argv, &io);
	if (status < 0)
		fprintf(t->log, "(could not start %s: %s)\n", argv[0],
			strerror(errno));
	if (out && lab_fclose(out, name))
		status = status ?: -1;
	return status;
}

static int record(struct lab *l, struct trace *t)
{
	char cpu[16];
	char *const argv[] = {
		"perf", "record", "-B", "-e", TRACE_EVENTS, "-a",
		"-o", t->data, "--",
		l->self, "sched", "-e", TRACE_ENGINE, "-P", "rr",
		"-q", TRACE_QUANTUM, "-D", TRACE_DURATION, "-g", TRACE_GUESTS,
		"-a", cpu, "--json", NULL,
	};

	snprintf(cpu, sizeof(cpu), "%u", l->cpu);
	progress_step(&l->prog, "traced run: perf record -e '%s' -a around"
		      " %s guests, rr %s for %s", TRACE_EVENTS, TRACE_GUESTS,
		      TRACE_QUANTUM, TRACE_DURATION);
	return run_to(l, t, argv, "sched-traced.json");
}

static int script(struct lab *l, struct trace *t)
{
	char *const argv[] = {
		"perf", "script", "--ns", "-i", t->data, NULL,
	};

	progress_step(&l->prog, "perf script --ns > trace.txt");
	return run_to(l, t, argv, "trace.txt");
}

static void timeline(struct lab *l, struct trace *t)
{
	char *const argv[] = { t->tool, t->text, "-o", t->svg, NULL };
	char png[PATH_MAX + 16];
	int status;

	progress_step(&l->prog, "the timeline picture: lde-timeline");
	if (access(t->tool, X_OK)) {
		lab_step_set(l, STEP_TIMELINE, STEP_SKIPPED, "%s is not there"
			     " yet (%s): no timeline picture; the trace is in"
			     " trace.txt", t->tool, strerror(errno));
		return;
	}
	status = run_to(l, t, argv, NULL);
	snprintf(png, sizeof(png), "%s/timeline.png", l->dir);
	l->timeline_png = !status && !access(png, R_OK);
	if (status)
		lab_step_set(l, STEP_TIMELINE, STEP_FAILED, "lde-timeline"
			     " %s %d; see trace.log", status < 0 ?
			     "did not start, status" : "exited", status);
	else
		lab_step_set(l, STEP_TIMELINE, STEP_OK, NULL);
}

void trace_run(struct lab *l)
{
	struct trace t;
	int status;

	snprintf(t.data, sizeof(t.data), "%s/trace.data", l->dir);
	snprintf(t.text, sizeof(t.text), "%s/trace.txt", l->dir);
	snprintf(t.svg, sizeof(t.svg), "%s/timeline.svg", l->dir);
	snprintf(t.tool, sizeof(t.tool), "%s/lde-timeline", l->scripts);
	t.log = lab_fopen(l, "trace.log");
	if (!t.log) {
		lab_step_set(l, STEP_TRACE, STEP_FAILED, "cannot write"
			     " trace.log");
		return;
	}
	status = record(l, &t);
	if (status) {
		lab_step_set(l, STEP_TRACE, STEP_FAILED, "perf record: status"
			     " %d; see trace.log", status);
		goto out;
	}
	status = script(l, &t);
	if (status) {
		lab_step_set(l, STEP_TRACE, STEP_FAILED, "perf script: status"
			     " %d; see trace.log", status);
		goto out;
	}
	lab_step_set(l, STEP_TRACE, STEP_OK, NULL);
	timeline(l, &t);
out:
	lab_fclose(t.log, "trace.log");
}

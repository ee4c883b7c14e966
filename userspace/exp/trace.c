// SPDX-License-Identifier: GPL-2.0
/*
 * trace.c - the experiment "trace": a short run, traced.
 *
 * Two spin guests under rr at 1 ms for about five quanta, with every lde
 * tracepoint recorded system-wide by perf:
 *
 *	perf record -B -e 'lde:*' -a -o DIR/trace.data -- \
 *		lde sched -e lde -P rr -q 1ms -D 5ms -g spin:2 -a CPU --json
 *	perf script --ns -i DIR/trace.data > DIR/trace.txt
 *
 * -B, no build-ids: tracepoints need no symbols, and collecting them maps
 * the data file back, which fails on the VM's 9p share ("failed to mmap
 * file").  For the same share, perf writes its data in a directory of
 * its own under $TMPDIR (or /tmp), and trace.data is copied into DIR
 * after perf script read it: on Linux 7.2, perf record into the 9p
 * results directory failed with "failed to write perf data, error: Bad
 * address".  The run's own figures (lde sched --json) go to
 * sched-traced.json; every command line, and what the tools say, to
 * trace.log.  The experiment "timeline" draws trace.txt.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exp/exp.h"
#include "lib/common.h"

#define TRACE_EVENTS	"lde:*"
#define TRACE_ENGINE	"lde"
#define TRACE_QUANTUM	"1ms"
#define TRACE_DURATION	"5ms"		/* about five quanta */
#define TRACE_GUESTS	"spin:2"

static int record(struct session *s, FILE *log, char *data)
{
	char cpu[16];
	char *const argv[] = {
		"perf", "record", "-B", "-e", TRACE_EVENTS, "-a",
		"-o", data, "--",
		(char *)s->self, "sched", "-e", TRACE_ENGINE, "-P", "rr",
		"-q", TRACE_QUANTUM, "-D", TRACE_DURATION, "-g", TRACE_GUESTS,
		"-a", cpu, "--json", NULL,
	};

	snprintf(cpu, sizeof(cpu), "%u", s->cpu);
	progress_step(&s->prog, "traced run: perf record -e '%s' -a around"
		      " %s guests, rr %s for %s", TRACE_EVENTS, TRACE_GUESTS,
		      TRACE_QUANTUM, TRACE_DURATION);
	return session_spawn(s, log, argv, "sched-traced.json");
}

static int script(struct session *s, FILE *log, char *data)
{
	char *const argv[] = {
		"perf", "script", "--ns", "-i", data, NULL,
	};

	progress_step(&s->prog, "perf script --ns > trace.txt");
	return session_spawn(s, log, argv, "trace.txt");
}

/* Copy the file from into to: 0, or -errno. */
static int copy_file(const char *from, const char *to)
{
	char buf[65536];
	int in, out, err = 0;
	ssize_t n;

	in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -errno;
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0) {
		err = -errno;
		close(in);
		return err;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n) {
			err = -EIO;
			break;
		}
	if (n < 0)
		err = -errno;
	if (close(out) && !err)
		err = -errno;
	close(in);
	return err;
}

static void record_and_script(struct session *s, struct exp_out *o,
			      FILE *log, char *data)
{
	char kept[PATH_MAX + 16];
	int status;

	status = record(s, log, data);
	if (status) {
		exp_fail(o, EXIT_FAIL, "perf record: status %d; see trace.log",
			 status);
		return;
	}
	status = script(s, log, data);
	if (status) {
		exp_fail(o, EXIT_FAIL, "perf script: status %d; see trace.log",
			 status);
		return;
	}
	snprintf(kept, sizeof(kept), "%s/trace.data", s->dir);
	status = copy_file(data, kept);
	if (status)
		exp_fail(o, EXIT_FAIL, "cannot copy %s to %s: %s", data, kept,
			 strerror(-status));
	else
		exp_ok(o);
}

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	FILE *log = session_fopen(s, "trace.log", "we");
	const char *tmp = getenv("TMPDIR");
	char dir[PATH_MAX], data[PATH_MAX + 16];

	(void)x;
	if (!log) {
		exp_fail(o, EXIT_FAIL, "cannot write trace.log");
		return;
	}
	snprintf(dir, sizeof(dir), "%s/lde-trace.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		exp_fail(o, EXIT_FAIL, "mkdtemp %s: %s", dir, strerror(errno));
	} else {
		snprintf(data, sizeof(data), "%s/trace.data", dir);
		record_and_script(s, o, log, data);
		unlink(data);
		snprintf(data, sizeof(data), "%s/trace.data.old", dir);
		unlink(data);
		rmdir(dir);
	}
	session_fclose(s, log, "trace.log");
}

const struct exp exp_trace = {
	.name = "trace", .steps = 2, .run = run,
};

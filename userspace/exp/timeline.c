// SPDX-License-Identifier: GPL-2.0
/*
 * timeline.c - the experiment "timeline": the traced run as OSTEP's
 * figure of limited direct execution.
 *
 *	scripts/lde-timeline DIR/trace.txt -o DIR/timeline.svg
 *
 * lde-timeline also draws timeline.png next to the SVG when it can.  It
 * runs only after the experiment "trace"; without scripts/lde-timeline the
 * trace is still kept, and summary.md says so.  Its command line and its
 * messages go on in trace.log.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "exp/exp.h"
#include "lib/common.h"

struct timeline {
	bool png;		/* lde-timeline drew timeline.png too */
};

static void draw(struct session *s, struct exp_out *o, FILE *log)
{
	struct timeline *t = o->st;
	char tool[PATH_MAX + 16], text[PATH_MAX + 16], svg[PATH_MAX + 16];
	char png[PATH_MAX + 16];
	char *const argv[] = { tool, text, "-o", svg, NULL };
	int status;

	snprintf(tool, sizeof(tool), "%s/lde-timeline", s->scripts);
	snprintf(text, sizeof(text), "%s/trace.txt", s->dir);
	snprintf(svg, sizeof(svg), "%s/timeline.svg", s->dir);
	if (access(tool, X_OK)) {
		exp_skip(o, "%s is not there yet (%s): no timeline picture;"
			 " the trace is in trace.txt", tool, strerror(errno));
		return;
	}
	status = session_spawn(s, log, argv, NULL);
	snprintf(png, sizeof(png), "%s/timeline.png", s->dir);
	t->png = !status && !access(png, R_OK);
	if (status)
		exp_fail(o, EXIT_FAIL, "lde-timeline %s %d; see trace.log",
			 status < 0 ? "did not start, status" : "exited",
			 status);
	else
		exp_ok(o);
}

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	FILE *log;

	(void)x;
	if (session_out(s, &exp_trace)->state != EXP_OK)
		return;		/* nothing to draw: not run */
	log = session_fopen(s, "trace.log", "ae");
	if (!log) {
		exp_fail(o, EXIT_FAIL, "cannot write trace.log");
		return;
	}
	progress_step(&s->prog, "the timeline picture: lde-timeline");
	draw(s, o, log);
	session_fclose(s, log, "trace.log");
}

static bool png(const struct exp_out *o)
{
	return o->st && ((const struct timeline *)o->st)->png;
}

static void md_picture(FILE *f, const struct session *s,
		       const struct exp_out *o)
{
	(void)s;
	if (o->state == EXP_OK)
		fprintf(f, "- [timeline.svg](timeline.svg)%s: the timeline of"
			" a traced run, OSTEP's limited direct execution"
			" protocol: 2 spin guests under rr at 1 ms for about 5"
			" quanta (trace.txt, from perf script)\n",
			png(o) ? ", [timeline.png](timeline.png)" : "");
	else
		fprintf(f, "- timeline.svg: not drawn: %s\n", o->note[0] ?
			o->note : "the traced run failed (see Problems)");
}

static void json_picture(FILE *f, const struct session *s,
			 const struct exp_out *o)
{
	(void)s;
	fprintf(f, ",\n  \"timeline\": %s,\n  \"timeline_png\": %s",
		o->state == EXP_OK ? "\"timeline.svg\"" : "null",
		png(o) ? "\"timeline.png\"" : "null");
}

const struct exp exp_timeline = {
	.name = "timeline", .steps = 1,
	.size = sizeof(struct timeline), .run = run,
	.md_picture = md_picture, .json_picture = json_picture,
};

// SPDX-License-Identifier: GPL-2.0
/*
 * session.c - run experiments of the registry one after the other, keep
 * each one's outcome and state, and answer for their figures by name.
 *
 * An experiment that fails is written down, and the next one runs: a
 * goal it would have fed is then "n/a", not the end of the run.  Only a
 * Ctrl-C ends the session early (the experiment it stopped says so).
 *
 * Use: see exp.h.
 */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "bench/tsc.h"
#include "exp/exp.h"
#include "lib/cpus.h"
#include "lib/common.h"
#include "lib/spawn.h"

const char *const exp_state_names[EXP_NR_STATES] = {
	[EXP_NOT_RUN] = "not run", [EXP_OK] = "ok",
	[EXP_FAILED] = "failed", [EXP_SKIPPED] = "skipped",
};

int session_init(struct session *s, const char *who, unsigned int cpu,
		 int fd)
{
	*s = (struct session){ .who = who, .cpu = cpu, .fd = fd };
	s->out = calloc(nr_experiments, sizeof(*s->out));
	if (!s->out) {
		fprintf(stderr, "%s: %s\n", who, strerror(ENOMEM));
		return -1;
	}
	return 0;
}

void session_free(struct session *s)
{
	size_t i;

	for (i = 0; s->out && i < nr_experiments; i++) {
		if (!s->out[i].st)
			continue;
		if (experiments[i]->free)
			experiments[i]->free(s->out[i].st);
		free(s->out[i].st);
	}
	free(s->out);
	s->out = NULL;
}

unsigned int session_run(struct session *s,
			 bool (*want)(const struct exp *x),
			 unsigned int extra)
{
	unsigned int steps = extra, failed = 0, step;
	size_t i;

	for (i = 0; i < nr_experiments; i++)
		if (!want || want(experiments[i]))
			steps += experiments[i]->steps;
	progress_init(&s->prog, s->who, steps);
	for (i = 0; i < nr_experiments && !s->interrupted; i++) {
		const struct exp *x = experiments[i];
		struct exp_out *o = &s->out[i];

		if (want && !want(x))
			continue;
		o->st = calloc(1, x->size ? x->size : 1);
		if (!o->st) {
			exp_fail(o, EXIT_FAIL, "%s", strerror(ENOMEM));
			failed++;
			continue;
		}
		step = s->prog.step;
		x->run(x, s, o);
		failed += o->state == EXP_FAILED;
		/* A bug of x's: the progress count would not add up. */
		if (s->prog.step - step > x->steps)
			fprintf(stderr, "%s: %s took %u progress steps, not"
				" %u\n", s->who, x->name, s->prog.step - step,
				x->steps);
	}
	return failed;
}

const struct exp_out *session_out(const struct session *s,
				  const struct exp *x)
{
	size_t i;

	for (i = 0; i < nr_experiments; i++)
		if (experiments[i] == x)
			return &s->out[i];
	return NULL;
}

/* x's state if it ran to the end, else NULL. */
static const void *ran(const struct session *s, const struct exp *x)
{
	const struct exp_out *o = session_out(s, x);

	/* A skipped experiment may have measured part: NAN for the rest. */
	return o && (o->state == EXP_OK || o->state == EXP_SKIPPED) ?
	       o->st : NULL;
}

/*
 * The entry called name of a table whose entries start with their name
 * (struct exp_figure, struct exp_dist) and end with a NULL one.
 */
static_assert(offsetof(struct exp_figure, name) == 0 &&
	      offsetof(struct exp_dist, name) == 0, "find() reads the name");

static const void *find(const void *tab, size_t size, const char *name)
{
	const char *p;

	for (p = tab; p && *(const char *const *)p; p += size)
		if (!strcmp(*(const char *const *)p, name))
			return p;
	return NULL;
}

static const struct exp_figure *figure(const struct exp *x, const char *name)
{
	return find(x->figures, sizeof(*x->figures), name);
}

static const struct exp_dist *dist(const struct exp *x, const char *name)
{
	return find(x->dists, sizeof(*x->dists), name);
}

bool exp_has_figure(const struct exp *x, const char *name)
{
	return figure(x, name);
}

bool exp_has_dist(const struct exp *x, const char *name)
{
	return dist(x, name);
}

double session_figure(const struct session *s, const struct exp *x,
		      const char *name)
{
	const struct exp_figure *f = figure(x, name);
	const void *st = ran(s, x);

	return f && st ? f->get(st) : NAN;
}

int session_dist(const struct session *s, const struct exp *x,
		 const char *name, const uint64_t **hist,
		 const struct stats **st)
{
	const struct exp_dist *d = dist(x, name);
	const void *state = ran(s, x);

	if (!d || !state)
		return -1;
	*hist = d->hist(state);
	*st = d->stats(state);
	return 0;
}

static void set(struct exp_out *o, enum exp_state state, int status,
		const char *fmt, va_list ap)
{
	o->state = state;
	o->status = status;
	o->note[0] = '\0';
	if (fmt)
		vsnprintf(o->note, sizeof(o->note), fmt, ap);
}

void exp_ok(struct exp_out *o)
{
	o->state = EXP_OK;
	o->status = 0;
	o->note[0] = '\0';
}

void exp_fail(struct exp_out *o, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set(o, EXP_FAILED, status, fmt, ap);
	va_end(ap);
}

void exp_skip(struct exp_out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set(o, EXP_SKIPPED, 0, fmt, ap);
	va_end(ap);
}

int session_pin(const struct session *s, struct tsc *tsc,
		struct exp_out *o)
{
	if (cpus_pin((int)s->cpu) >= 0 && !tsc_calibrate(tsc))
		return 0;
	fprintf(stderr, "%s: pinning to CPU %u and calibrating the clock: %s\n",
		s->who, s->cpu, strerror(errno));
	exp_fail(o, EXIT_FAIL, "pinning to CPU %u and calibrating the clock: %s",
		 s->cpu, strerror(errno));
	return -1;
}

FILE *session_fopen(const struct session *s, const char *name,
		    const char *mode)
{
	char path[PATH_MAX + 64];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", s->dir, name);
	f = fopen(path, mode);
	if (!f)
		fprintf(stderr, "%s: %s: %s\n", s->who, path, strerror(errno));
	return f;
}

int session_fclose(const struct session *s, FILE *f, const char *name)
{
	int bad = ferror(f);

	if (fclose(f) || bad) {
		fprintf(stderr, "%s: writing %s failed\n", s->who, name);
		return -1;
	}
	return 0;
}

int session_write(const struct session *s, const char *name,
		  void (*fn)(FILE *f, const void *arg), const void *arg)
{
	FILE *f = session_fopen(s, name, "we");

	if (!f)
		return -1;
	fn(f, arg);
	return session_fclose(s, f, name);
}

/* "$ perf record ...", with the words that hold a '*' quoted. */
static void log_cmd(FILE *log, char *const argv[])
{
	fputc('$', log);
	for (; *argv; argv++)
		fprintf(log, strchr(*argv, '*') ? " '%s'" : " %s", *argv);
	fputc('\n', log);
	fflush(log);		/* before the child writes to the same file */
}

int session_spawn(const struct session *s, FILE *log, char *const argv[],
		  const char *out)
{
	FILE *f = out ? session_fopen(s, out, "we") : NULL;
	struct spawn_io io = {
		.out = f ? fileno(f) : fileno(log),
		.err = fileno(log),
	};
	int status;

	if (out && !f)
		return -1;
	log_cmd(log, argv);
	status = spawn_run(argv, &io);
	if (status < 0)
		fprintf(log, "(could not start %s: %s)\n", argv[0],
			strerror(errno));
	if (f && session_fclose(s, f, out))
		status = status ?: -1;
	return status;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * experiment.c - the life of one experiment, seen from user space.
 *
 * lde.ko owns a running experiment, not the file descriptor that started
 * it: sched_start returns at once, and the guests run on the lab CPU
 * until the duration is up, every guest has exited, the watchdog catches
 * a hog, sched_stop is called or the module is unloaded.  So this file
 * only starts, waits and collects:
 *
 *   sched_start(cfg)			EPERM, EBUSY, EINVAL... explained
 *   sched_result(LDE_SCHED_WAIT)	sleeps in the kernel until the end
 *     <- EINTR on Ctrl-C		-> sched_stop(cpu), then wait again:
 *					   the figures up to the stop are
 *					   still worth printing
 *
 * The buffers for the guests and the event ring are sized from the
 * configuration: one entry per guest, ring_events events.
 *
 * Use: see experiment.h.
 */
#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "dev/device.h"
#include "dev/experiment.h"
#include "dev/guestspec.h"
#include "lib/common.h"

/*
 * Set by the signal handler; read between two sched_result calls.  C11
 * lets a handler write a lock-free atomic, as it does a volatile
 * sig_atomic_t.
 */
static atomic_int stop_asked;
static_assert(ATOMIC_INT_LOCK_FREE == 2, "stop_asked is lock-free");

static void on_stop_signal(int sig)
{
	(void)sig;
	stop_asked = 1;
}

struct saved_signals {
	struct sigaction intr, term;
};

/*
 * No SA_RESTART, so that the waiting ioctl returns EINTR and we can send
 * sched_stop.  SA_RESETHAND, so that a second Ctrl-C kills us at once if
 * the kernel should not answer.
 */
static void catch_signals(struct saved_signals *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	stop_asked = 0;
	sigaction(SIGINT, &sa, &old->intr);
	sigaction(SIGTERM, &sa, &old->term);
}

static void restore_signals(const struct saved_signals *old)
{
	sigaction(SIGINT, &old->intr, NULL);
	sigaction(SIGTERM, &old->term, NULL);
}

int sched_open(const char *who)
{
	static const unsigned int need[] = {
		LDE_TRAP_SCHED_START, LDE_TRAP_SCHED_STOP,
		LDE_TRAP_SCHED_RESULT,
	};
	struct lde_traps t;
	const char *name;
	size_t i;
	int fd = lde_open();

	if (fd < 0) {
		lde_perror(errno);
		return -1;
	}
	if (lde_query(fd, &t)) {
		fprintf(stderr, "%s: LDE_IOC_INFO: %s\n", who, strerror(errno));
		goto fail;
	}
	if (t.abi_version != LDE_ABI_VERSION) {
		fprintf(stderr, "%s: lde.ko speaks ABI version %u, this tool"
			" %u: build both from the same tree\n", who,
			t.abi_version, (unsigned int)LDE_ABI_VERSION);
		goto fail_free;
	}
	for (i = 0; i < ARRAY_SIZE(need); i++) {
		name = lde_trap_name(need[i]);
		if (need[i] < t.nr && !strcmp(t.name[need[i]], name))
			continue;
		fprintf(stderr, "%s: this lde.ko has no \"%s\" trap (number"
			" %u): load one built from this tree\n", who, name,
			need[i]);
		goto fail_free;
	}
	lde_traps_free(&t);
	return fd;
fail_free:
	lde_traps_free(&t);
fail:
	close(fd);
	return -1;
}

/*
 * Why sched_start failed, in words: the error on one line, what it means
 * and what to do on the next.  Returns the exit status that goes with it.
 */
static int explain_start(const char *who, const struct sched_exp *e,
			 int err)
{
	unsigned int cpu = e->cfg.cpu;

	fprintf(stderr, "%s: sched_start on CPU %u: %s\n", who, cpu,
		strerror(err));
	switch (err) {
	case EPERM:
		fputs("Starting an experiment needs root (CAP_SYS_ADMIN).\n",
		      stderr);
		return EXIT_FAIL;
	case EBUSY:
		fprintf(stderr, "CPU %u already runs an experiment.  It ends by"
			" itself when its duration\nis up, or stop it now with"
			" 'lde sched --stop -a %u'.\n", cpu, cpu);
		return EXIT_FAIL;
	case EINVAL:
		fputs("lde.ko refused the configuration.  This tool checked it"
		      " against lde.h\nalready, so the two disagree (build both"
		      " from one tree), or the CPU went\noffline.\n", stderr);
		return EXIT_USAGE;
	case ENOMEM:
		fprintf(stderr, "lde.ko could not allocate %zu guests and their"
			" event ring: try fewer\nguests or a smaller --ring.\n",
			e->nr_guests);
		return EXIT_FAIL;
	case ENOTTY:
		fputs("lde.ko's struct lde_sched_config differs from this"
		      " tool's: build both from\none tree.\n", stderr);
		return EXIT_FAIL;
	}
	return EXIT_FAIL;
}

static void explain_result(const char *who, const struct sched_exp *e,
			   int err)
{
	fprintf(stderr, "%s: sched_result on CPU %u: %s\n", who, e->cfg.cpu,
		strerror(err));
	if (err == ENOENT)
		fputs("lde.ko no longer holds this experiment: was it"
		      " reloaded, or did another\nexperiment on the same CPU"
		      " replace it?\n", stderr);
}

/* One entry per guest; one event per ring slot.  0, or -1 (ENOMEM). */
static int alloc_buffers(struct sched_exp *e)
{
	size_t ring = e->cfg.ring_events ? e->cfg.ring_events :
		      LDE_SCHED_DEFAULT_RING;

	e->nr_guests = guestspec_count(&e->cfg);
	e->guests = calloc(e->nr_guests, sizeof(*e->guests));
	e->events = calloc(ring, sizeof(*e->events));
	if (!e->guests || !e->events)
		return -1;
	e->nr_events = ring;
	return 0;
}

static void send_stop(int fd, struct sched_exp *e, const char *who)
{
	e->interrupted = true;
	fprintf(stderr, "%s: interrupted: stopping the experiment on CPU %u"
		" (again to quit at once)\n", who, e->cfg.cpu);
	/* ENOENT: it ended by itself in the meantime, which is as good. */
	if (ioctl(fd, LDE_IOC_SCHED_STOP, (unsigned long)e->cfg.cpu) &&
	    errno != ENOENT)
		fprintf(stderr, "%s: sched_stop: %s\n", who, strerror(errno));
}

/*
 * sched_result with LDE_SCHED_WAIT until it answers.  A signal that
 * lands between the check of stop_asked and the ioctl is seen only when
 * the experiment ends by itself: its duration is bounded (10 s at most),
 * and a second Ctrl-C quits at once.
 */
static int wait_result(int fd, struct sched_exp *e, __u32 id, const char *who)
{
	struct lde_sched_result *r = &e->res;

	memset(r, 0, sizeof(*r));
	r->cpu = e->cfg.cpu;
	r->id = id;
	r->flags = LDE_SCHED_WAIT;
	r->guests = (__u64)(uintptr_t)e->guests;
	r->guests_size = (__u32)(e->nr_guests * sizeof(*e->guests));
	r->events = (__u64)(uintptr_t)e->events;
	r->events_size = (__u32)(e->nr_events * sizeof(*e->events));
	for (;;) {
		if (stop_asked && !e->interrupted)
			send_stop(fd, e, who);
		if (!ioctl(fd, LDE_IOC_SCHED_RESULT, r))
			break;
		if (errno != EINTR) {
			explain_result(who, e, errno);
			return -1;
		}
	}
	if (r->nr_guests_out < e->nr_guests)
		e->nr_guests = r->nr_guests_out;
	if (r->nr_events_out < e->nr_events)
		e->nr_events = r->nr_events_out;
	return 0;
}

int sched_exp_run(int fd, struct sched_exp *e, const char *who)
{
	struct saved_signals old;
	int ret, id;

	if (alloc_buffers(e)) {
		fprintf(stderr, "%s: %s\n", who, strerror(ENOMEM));
		return EXIT_FAIL;
	}
	/* Before the start: a Ctrl-C right after it must not kill us. */
	catch_signals(&old);
	id = ioctl(fd, LDE_IOC_SCHED_START, &e->cfg);
	if (id < 0) {
		ret = explain_start(who, e, errno);
		restore_signals(&old);
		return ret;
	}
	ret = wait_result(fd, e, (__u32)id, who) ? EXIT_FAIL : 0;
	restore_signals(&old);
	return ret;
}

void sched_exp_free(struct sched_exp *e)
{
	free(e->guests);
	free(e->events);
	e->guests = NULL;
	e->events = NULL;
	e->nr_guests = 0;
	e->nr_events = 0;
}

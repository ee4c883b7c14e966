// SPDX-License-Identifier: GPL-2.0
/*
 * pingpong.c - time context switches by making two tasks take turns on
 * one CPU, and subtract what the same calls cost without a switch.
 *
 * Both partners are pinned to the same CPU (they inherit our affinity),
 * so each hand-over is a real switch on that CPU, never a wake-up on an
 * idle one, and a single TSC times the whole round trip.
 *
 * Four subjects go through measure_run(), interleaved in its rounds so
 * that a drifting host or VM affects them alike:
 *
 *	pipe round trip		write the token to B, read it back from B
 *	pipe write+read		the same two calls on one pipe, no B
 *	yield round trip	sched_yield() while the other thread yields
 *	sched_yield alone	sched_yield() with the other thread parked
 *
 * The pipe echo process B blocks in read() whenever we are not timing its
 * round trip.  The yield partner would compete for the CPU, so the
 * subject's enter() and leave() hooks wake and park it.
 *
 * Two checks say whether the figures mean what they claim:
 *
 *  - The yield pair counts turns.  A round trip waits for the partner's
 *    turn, so it always holds two switches; but when either thread
 *    yields more than once in it, it is too long.  The scheduler hands
 *    the CPU straight back to a thread it owes time (under CFS a lagging
 *    vruntime, as after the partner wakes from parking: in bursts).  We
 *    count those uneven round trips.
 *  - Other tasks on the CPU.  Their time slices land in round trips,
 *    and in the subtracted calls (sched_yield() alone then does switch).
 *    Every run of another task ends with a switch away from it, so we
 *    count the CPU's switches (a perf software counter) and ours
 *    (getrusage()) while each subject is timed: the difference is how
 *    often someone else ran (switches.c).  Without the CPU's counter we
 *    estimate it from the switches of ours beyond the two per round trip.
 *
 * Use: see pingpong.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/pingpong.h"
#include "bench/switches.h"

/*
 * Yields without the partner running before a round trip gives up.  The
 * scheduler owes a lagging thread a few ms at most, some thousand yields
 * in a TCG VM.
 */
#define YIELD_TRIES	100000

/* The subjects, in the order they are measured. */
enum {
	S_PIPE_RT,
	S_PIPE_SOLO,
	S_YIELD_RT,
	S_YIELD_SOLO,
	S_COUNT,
};

/* --- pipe ping-pong --------------------------------------------------- */

struct pipes {
	int to_echo, from_echo;	/* our ends of the two pipes to B */
	int loop_r, loop_w;	/* one pipe to ourselves, for the baseline */
	pid_t echo;		/* B, or -1 */
	long echo_switches;	/* B's, all its life: known once reaped */
	uint32_t token;		/* a new value each time: a stale reply shows */
	struct tally rt, solo;	/* ours while timing each pipe subject */
};

/* Process B: send every token back until the pipe is closed. */
static __attribute__((noreturn)) void echo(int in, int out)
{
	uint32_t v;

	for (;;) {
		ssize_t n = read(in, &v, sizeof(v));

		if (n == 0)
			_exit(0);	/* our parent is done */
		if (n != sizeof(v) || write(out, &v, sizeof(v)) != sizeof(v))
			_exit(1);
	}
}

/* Write the token, read a token back; 0 if it is the same one. */
static int pass(uint32_t *token, int out, int in)
{
	uint32_t got;
	ssize_t n;

	++*token;
	if (write(out, token, sizeof(*token)) != sizeof(*token))
		return -1;
	n = read(in, &got, sizeof(got));
	if (n != sizeof(got) || got != *token) {
		errno = n < 0 ? errno : n == 0 ? EPIPE : EPROTO;
		return -1;
	}
	return 0;
}

static int pipe_round_trip(void *ctx)
{
	struct pipes *p = ctx;

	return pass(&p->token, p->to_echo, p->from_echo);
}

static int pipe_alone(void *ctx)
{
	struct pipes *p = ctx;

	return pass(&p->token, p->loop_w, p->loop_r);
}

static int pipe_rt_enter(void *ctx)
{
	tally_start(&((struct pipes *)ctx)->rt);
	return 0;
}

static void pipe_rt_leave(void *ctx)
{
	tally_stop(&((struct pipes *)ctx)->rt);
}

static int pipe_solo_enter(void *ctx)
{
	tally_start(&((struct pipes *)ctx)->solo);
	return 0;
}

static void pipe_solo_leave(void *ctx)
{
	tally_stop(&((struct pipes *)ctx)->solo);
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Close our ends, so that B reads end-of-file, and reap it. */
static int pipes_close(struct pipes *p)
{
	struct rusage ru;
	int status;

	close_fd(&p->to_echo);
	close_fd(&p->from_echo);
	close_fd(&p->loop_r);
	close_fd(&p->loop_w);
	if (p->echo < 0)
		return 0;
	while (wait4(p->echo, &status, 0, &ru) < 0)
		if (errno != EINTR)
			return -1;
	p->echo = -1;
	p->echo_switches = ru.ru_nvcsw + ru.ru_nivcsw;
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		errno = ECHILD;	/* B failed to echo: its reads did */
		return -1;
	}
	return 0;
}

static int pipes_open(struct pipes *p)
{
	int ab[2], ba[2], loop[2];

	*p = (struct pipes){
		.to_echo = -1, .from_echo = -1, .loop_r = -1, .loop_w = -1,
		.echo = -1,
	};
	if (pipe2(loop, O_CLOEXEC))
		return -1;
	p->loop_r = loop[0];
	p->loop_w = loop[1];
	if (pipe2(ab, O_CLOEXEC))
		return -1;
	if (pipe2(ba, O_CLOEXEC)) {
		close(ab[0]);
		close(ab[1]);
		return -1;
	}
	p->to_echo = ab[1];
	p->from_echo = ba[0];
	p->echo = fork();
	if (p->echo == 0) {
		/* Without our write end, B sees end-of-file when we close. */
		close(ab[1]);
		close(ba[0]);
		close(loop[0]);
		close(loop[1]);
		echo(ab[0], ba[1]);
	}
	close(ab[0]);
	close(ba[1]);
	return p->echo < 0 ? -1 : 0;
}

/* --- sched_yield ping-pong --------------------------------------------- */

enum partner_state { PARTNER_PARK, PARTNER_RUN, PARTNER_QUIT };

/*
 * state is written under lock, and read without it by the partner's
 * yield loop.  Each turn counter has one writer, its own thread.
 */
struct yielder {
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int state;			/* enum partner_state */
	bool parked;			/* under lock */
	unsigned long ours, theirs;	/* turns taken: yields */
	unsigned long uneven;		/* round trips with more than two */
	bool stuck;			/* it once never got the CPU */
	unsigned long stretches;	/* times woken to take turns */
	long switches;			/* the partner's, when it last parked */
	struct tally rt, solo;		/* ours while timing each subject */
};

static unsigned long load(const unsigned long *v)
{
	return __atomic_load_n(v, __ATOMIC_RELAXED);
}

static void bump(unsigned long *v)
{
	__atomic_store_n(v, *v + 1, __ATOMIC_RELAXED);
}

static int state(struct yielder *y)
{
	return __atomic_load_n(&y->state, __ATOMIC_RELAXED);
}

static void set_state(struct yielder *y, int s)
{
	pthread_mutex_lock(&y->lock);
	__atomic_store_n(&y->state, s, __ATOMIC_RELAXED);
	pthread_cond_broadcast(&y->cond);
	pthread_mutex_unlock(&y->lock);
}

/*
 * Our side of a round trip: yield until the partner has had a turn (it
 * counts its turn before it yields), so that every round trip holds its
 * two switches.  If either of us yielded more than once (the scheduler
 * may hand the CPU straight back to a thread it owes time), the round
 * trip is uneven: longer than two switches.
 */
static int yield_round_trip(void *ctx)
{
	struct yielder *y = ctx;
	unsigned long seen = load(&y->theirs), n;

	for (n = 1;; n++) {
		sched_yield();
		bump(&y->ours);
		if (load(&y->theirs) != seen)
			break;
		/* Once stuck, fail at once: measure_run() calls on. */
		if (n == YIELD_TRIES || y->stuck) {
			y->stuck = true;
			errno = EAGAIN;
			return -1;
		}
	}
	if (n > 1 || load(&y->theirs) - seen > 1)
		y->uneven++;
	return 0;
}

static int yield_alone(void *ctx)
{
	(void)ctx;
	return sched_yield();
}

static int yield_alone_enter(void *ctx)
{
	tally_start(&((struct yielder *)ctx)->solo);
	return 0;
}

static void yield_alone_leave(void *ctx)
{
	tally_stop(&((struct yielder *)ctx)->solo);
}

/* The partner's turns, for as long as we time the round trip. */
static void partner_turns(struct yielder *y)
{
	while (state(y) == PARTNER_RUN) {
		bump(&y->theirs);
		sched_yield();
	}
}

static void *partner(void *arg)
{
	struct yielder *y = arg;

	pthread_mutex_lock(&y->lock);
	while (state(y) != PARTNER_QUIT) {
		if (state(y) == PARTNER_PARK) {
			y->switches = switches_thread();
			y->parked = true;
			pthread_cond_broadcast(&y->cond);
			pthread_cond_wait(&y->cond, &y->lock);
			continue;
		}
		pthread_mutex_unlock(&y->lock);
		partner_turns(y);
		pthread_mutex_lock(&y->lock);
	}
	pthread_mutex_unlock(&y->lock);
	return NULL;
}

/*
 * enter(): the partner becomes runnable; our first yield lets it in.
 * parked is cleared here, not by the partner, so that yield_park() waits
 * for it to park again even if it has not run yet.
 */
static int yield_wake(void *ctx)
{
	struct yielder *y = ctx;

	y->stretches++;
	tally_start(&y->rt);
	pthread_mutex_lock(&y->lock);
	y->parked = false;
	__atomic_store_n(&y->state, PARTNER_RUN, __ATOMIC_RELAXED);
	pthread_cond_broadcast(&y->cond);
	pthread_mutex_unlock(&y->lock);
	return 0;
}

/*
 * leave(): wait until the partner is back in pthread_cond_wait(), so it
 * stays off the CPU while the other subjects are timed.
 */
static void yield_park(void *ctx)
{
	struct yielder *y = ctx;

	pthread_mutex_lock(&y->lock);
	__atomic_store_n(&y->state, PARTNER_PARK, __ATOMIC_RELAXED);
	while (!y->parked)
		pthread_cond_wait(&y->cond, &y->lock);
	pthread_mutex_unlock(&y->lock);
	/*
	 * It said so just before it went to sleep; if our wake-up preempted
	 * it in between, it is still runnable, and the first sched_yield()
	 * alone would run it.  One yield now lets it finish.
	 */
	sched_yield();
	tally_stop(&y->rt);	/* our wait for it is one of the two */
}

static int yielder_open(struct yielder *y)
{
	int err;

	memset(y, 0, sizeof(*y));
	y->state = PARTNER_PARK;
	pthread_mutex_init(&y->lock, NULL);
	pthread_cond_init(&y->cond, NULL);
	/* It inherits our CPU affinity, and parks at once. */
	err = pthread_create(&y->thread, NULL, partner, y);
	if (err) {
		errno = err;
		return -1;
	}
	y->started = true;
	/* Parked, it has counted its switches: the count before we time. */
	pthread_mutex_lock(&y->lock);
	while (!y->parked)
		pthread_cond_wait(&y->cond, &y->lock);
	pthread_mutex_unlock(&y->lock);
	return 0;
}

static void yielder_close(struct yielder *y)
{
	if (y->started) {
		set_state(y, PARTNER_QUIT);
		pthread_join(y->thread, NULL);
	}
	pthread_cond_destroy(&y->cond);
	pthread_mutex_destroy(&y->lock);
}

/* --- per switch ---------------------------------------------------------- */

/*
 * A round trip is two switches and two of the solo call: halve it and
 * take one solo call away.  Each sample loses the solo median (a constant,
 * so the distribution keeps its shape); the Avg loses the solo Avg.
 */
static int per_switch(const struct result *rt, const struct result *solo,
		      struct pp_result *out)
{
	double *sw = malloc((rt->samples ? rt->samples : 1) * sizeof(*sw));
	double a;
	size_t i;

	if (!sw)
		return -1;
	for (i = 0; i < rt->samples; i++) {
		double v = rt->ns[i] / 2 - solo->st.p50;

		sw[i] = v > 0 ? v : 0;
	}
	stats_compute(sw, rt->samples, &out->sw);
	free(sw);
	a = rt->avg_ns / 2 - solo->avg_ns;
	out->avg_ns = a > 0 ? a : 0;
	out->raw_ns = rt->st.p50 / 2;
	out->rt_p50_ns = rt->st.p50;
	out->solo = solo->st;
	out->solo_avg_ns = solo->avg_ns;
	out->capped = rt->capped;
	return 0;
}

/* --- the run ------------------------------------------------------------- */

/* A call that failed while timing makes its figures meaningless. */
static int check_errors(const struct result *res, struct pingpong *pp)
{
	size_t i;

	for (i = 0; i < S_COUNT; i++) {
		if (!res[i].errors)
			continue;
		snprintf(pp->why, sizeof(pp->why), "%s: %lu of %lu calls"
			 " failed while timing", res[i].name, res[i].errors,
			 res[i].calls);
		errno = res[i].first_errno;
		return -1;
	}
	return 0;
}

/*
 * A share p of round trips made too long (by other tasks, or by uneven
 * turns) reaches down to the (100 - p)th percentile.  The subtracted
 * median is in every figure, so it matters only once most subtracted
 * calls are hit.  The Avg is a median of batch means, and at 1% most
 * batches of 100 hold a run.
 */
static enum pp_spoiled spoiled(const struct pp_result *t)
{
	double rt = (double)(t->rt_foreign + t->uneven) /
		    (double)(t->rt_calls ?: 1);
	double solo = (double)t->solo_foreign / (double)(t->solo_calls ?: 1);

	if (rt > 0.5 || solo > 0.5)
		return PP_ALL;
	if (rt > 0.1)
		return PP_P90;
	if (rt > 0.01 || solo > 0.01)
		return PP_TAILS;
	return PP_CLEAN;
}

/* Runs of other tasks: the switches seen beyond the ones we account for. */
static unsigned long beyond(long seen, long ours)
{
	return seen > ours ? (unsigned long)(seen - ours) : 0;
}

/*
 * Every run of another task ends with one switch away from it, so with
 * the CPU's counter, foreign runs = the CPU's switches - ours.  Without
 * it we count the switches of ours beyond the hand_overs: an estimate,
 * as a task slipping in at a hand-over (A -> X -> B) costs us no extra
 * switch, and our own parking and waking costs a few more than counted.
 * In the subtracted calls only we run, so any switch of ours is someone
 * else's run either way.
 */
static void foreign(struct pp_result *out,
		    const struct result *rt, const struct tally *trt,
		    long partner, long hand_overs,
		    const struct result *solo, const struct tally *tsolo)
{
	long ours = trt->sum + partner;

	out->rt_calls = rt->calls;
	out->solo_calls = solo->calls;
	if (trt->cpu_fd >= 0) {
		out->rt_foreign = beyond(trt->cpu_sum, ours);
		out->solo_foreign = beyond(tsolo->cpu_sum, tsolo->sum);
	} else {
		out->rt_foreign = beyond(ours, hand_overs);
		out->solo_foreign = beyond(tsolo->sum, 0);
	}
}

static void make_subjects(struct subject *s, struct pipes *p,
			  struct yielder *y)
{
	s[S_PIPE_RT] = (struct subject){ "pipe round trip", pipe_round_trip,
					 p, pipe_rt_enter, pipe_rt_leave };
	s[S_PIPE_SOLO] = (struct subject){ "pipe write+read", pipe_alone,
					   p, pipe_solo_enter,
					   pipe_solo_leave };
	s[S_YIELD_RT] = (struct subject){ "yield round trip",
					  yield_round_trip, y,
					  yield_wake, yield_park };
	s[S_YIELD_SOLO] = (struct subject){ "sched_yield alone",
					    yield_alone, y, yield_alone_enter,
					    yield_alone_leave };
}

/* Everything measure_run() gave, turned into pp's figures. */
static int results(const struct result *res, const struct pipes *p,
		   const struct yielder *y, long partner_switches,
		   struct pingpong *pp)
{
	struct pp_result *pipe = &pp->test[PP_PIPE];
	struct pp_result *yield = &pp->test[PP_YIELD];

	if (y->stuck) {
		snprintf(pp->why, sizeof(pp->why), "sched_yield: the other"
			 " thread did not run in %d yields", YIELD_TRIES);
		errno = EAGAIN;
		return -1;
	}
	if (check_errors(res, pp))
		return -1;
	if (per_switch(&res[S_PIPE_RT], &res[S_PIPE_SOLO], pipe) ||
	    per_switch(&res[S_YIELD_RT], &res[S_YIELD_SOLO], yield)) {
		snprintf(pp->why, sizeof(pp->why), "per switch");
		return -1;
	}
	/*
	 * B ran only for our round trips, the partner only for its own.
	 * Each round trip hands over twice; parking the partner takes two
	 * more switches per stretch.
	 */
	foreign(pipe, &res[S_PIPE_RT], &p->rt, p->echo_switches,
		2 * (long)res[S_PIPE_RT].calls, &res[S_PIPE_SOLO], &p->solo);
	foreign(yield, &res[S_YIELD_RT], &y->rt, partner_switches,
		2 * (long)(res[S_YIELD_RT].calls + y->stretches),
		&res[S_YIELD_SOLO], &y->solo);
	pp->foreign_exact = p->rt.cpu_fd >= 0;
	yield->turns = y->ours;
	yield->partner_turns = y->theirs;
	yield->uneven = y->uneven;
	pipe->spoiled = spoiled(pipe);
	yield->spoiled = spoiled(yield);
	return 0;
}

int pingpong_run(const struct measure_cfg *cfg, const struct tsc *t,
		 struct pingpong *pp)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	struct measure_cfg c = *cfg;
	struct result res[S_COUNT];
	struct subject s[S_COUNT];
	long partner_switches = 0;
	struct yielder y;
	struct pipes p;
	int ret = -1, err = 0, cpu_fd = -1;
	size_t i;

	memset(pp, 0, sizeof(*pp));
	memset(res, 0, sizeof(res));
	pp->test[PP_PIPE].name = "pipe";
	pp->test[PP_PIPE].solo_name = "pipe write+read";
	pp->test[PP_YIELD].name = "sched_yield";
	pp->test[PP_YIELD].solo_name = "sched_yield alone";
	sigaction(SIGPIPE, &ign, &old);

	/* B first: fork() before there is a second thread to think about. */
	if (pipes_open(&p)) {
		snprintf(pp->why, sizeof(pp->why), "starting the pipe echo"
			 " process");
		err = errno;
		pipes_close(&p);
		goto out;
	}
	if (yielder_open(&y)) {
		snprintf(pp->why, sizeof(pp->why), "starting the yield"
			 " thread");
		err = errno;
	} else {
		cpu_fd = switches_cpu_open();
		p.rt.cpu_fd = cpu_fd;
		p.solo.cpu_fd = cpu_fd;
		y.rt.cpu_fd = cpu_fd;
		y.solo.cpu_fd = cpu_fd;
		make_subjects(s, &p, &y);
		c.keep = true;
		partner_switches = -y.switches;	/* parked: the count so far */
		if (measure_run(&c, t, s, S_COUNT, res, &pp->ov)) {
			snprintf(pp->why, sizeof(pp->why), "measuring");
			err = errno;
		} else {
			ret = 0;
		}
		partner_switches += y.switches;	/* parked again since */
	}
	yielder_close(&y);
	/* B's count comes with its exit status, so it is reaped first. */
	if (pipes_close(&p) && !err) {
		snprintf(pp->why, sizeof(pp->why), "the pipe echo process");
		err = errno;
		ret = -1;
	}
	if (!ret && results(res, &p, &y, partner_switches, pp)) {
		err = errno;
		ret = -1;
	}
out:
	if (cpu_fd >= 0)
		close(cpu_fd);
	for (i = 0; i < S_COUNT; i++)
		free(res[i].ns);
	sigaction(SIGPIPE, &old, NULL);
	if (ret)
		errno = err;
	return ret;
}

bool pingpong_trusted(const struct pingpong *pp)
{
	return pp->test[PP_PIPE].spoiled != PP_ALL &&
	       pp->test[PP_YIELD].spoiled != PP_ALL;
}

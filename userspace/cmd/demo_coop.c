// SPDX-License-Identifier: GPL-2.0
/*
 * demo_coop.c - "lde demo coop": how does the OS get the CPU back from a
 * program that never gives it up?
 *
 * The same three guests run twice on the lab CPU: two that work about
 * HOG_BURST_QUANTA quanta and then trap to yield, and one that spins
 * forever.  The constants are lde report's hog experiments' (exp/hogs.h).
 *
 *  1. Cooperative (-P coop): the CPU changes hands only on a trap.  Once
 *     the spin guest runs, nothing else does, not even the mini-kernel,
 *     until lde's watchdog fires and ends the experiment: the seed's
 *     "reboot".  The hog report says who and for how long.
 *  2. Round robin (-P rr): a timer interrupt takes the CPU back every
 *     quantum, whatever the guest does.  The three share it: the table
 *     shows the shares, Jain's index sums them up.
 *
 * A short calibration run first measures how fast a guest computes here
 * (a TCG VM is some 50 times slower than hardware), so that "about
 * HOG_BURST_QUANTA quanta of work" holds on any machine.
 *
 *	$ sudo insmod module/lde.ko
 *	$ sudo lde demo coop			about a second
 *	$ sudo lde demo coop -e linux -a 1
 *
 * Exit status 0 if the watchdog caught the spin guest in step 1 and the
 * timer shared the CPU fairly (Jain >= FAIR_JAIN) in step 2.
 */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/labcpu.h"
#include "dev/names.h"
#include "exp/hogs.h"
#include "exp/sched.h"
#include "lib/duration.h"
#include "lib/opts.h"

#define WHO		"lde demo coop"
#define CALIB_NS	50000000ULL	/* 50 ms to measure the loop's speed */
#define FAIR_JAIN	0.9	/* "shared fairly", for the exit status */
#define NR_YIELD	2	/* guests 0..NR_YIELD-1 yield, the last spins */

struct demo {
	int fd;
	unsigned int cpu;
	__u32 engine;
	uint64_t iters;		/* a yield guest's work: HOG_BURST_QUANTA */
	bool interrupted;	/* Ctrl-C: no more steps */
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: lde demo coop [-e lde|linux] [-a CPU]\n"
		"\n"
		"Run a spin guest (never traps) and %d yield guests twice: cooperatively,\n"
		"where the spin guest keeps the CPU until lde's watchdog fires, then round\n"
		"robin, where a timer shares the CPU among all three.  Needs lde.ko and\n"
		"root.\n"
		"\n"
		"  -e, --engine=ENGINE  lde (default) or linux: who does the switch\n"
		"  -a, --affinity=CPU   the lab CPU (default: the last online CPU)\n"
		"  -?, --help           show this help\n", NR_YIELD);
}

/* Returns 0 to go on, 1 after --help, -1 after a bad option. */
static int parse_opts(int argc, char **argv, struct demo *d)
{
	static const struct option longopts[] = {
		{ "engine",   required_argument, NULL, 'e' },
		{ "affinity", required_argument, NULL, 'a' },
		{ "help",     no_argument,       NULL, 'H' },
		{ NULL,       0,                 NULL, 0 },
	};
	char all[80];
	int c, w, cpu = -1;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":e:a:", longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			w = NAME_LOOKUP(sched_engines, optarg);
			if (w < 0) {
				fprintf(stderr, WHO ": -e wants %s, not '%s'\n",
					names_or(all, sizeof(all),
						 sched_engines,
						 ARRAY_SIZE(sched_engines)),
					optarg);
				return -1;
			}
			d->engine = (__u32)w;
			break;
		case 'a':
			if (labcpu_arg(WHO, optarg, &cpu))
				return -1;
			break;
		case 'H':		/* --help */
			usage(stdout);
			return 1;
		default:	/* '?', ':' */
			return opts_other(WHO, argv, c, usage);
		}
	}
	if (opts_no_args(WHO, argc, argv))
		return -1;
	cpu = labcpu_pick(WHO, cpu);
	if (cpu < 0)
		return -1;
	d->cpu = (unsigned int)cpu;
	return 0;
}

/* NR_YIELD yield guests, then one spin guest. */
static void demo_guests(const struct demo *d, struct lde_sched_config *cfg)
{
	cfg->nr_groups = 2;
	cfg->groups[0] = (struct lde_sched_group){
		.workload = LDE_WL_YIELD, .count = NR_YIELD, .iters = d->iters,
	};
	cfg->groups[1] = (struct lde_sched_group){
		.workload = LDE_WL_SPIN, .count = 1,
	};
}

static int run(struct demo *d, struct sched_run *r)
{
	if (sched_run_measure(d->fd, r, WHO))
		return -1;
	if (r->e.interrupted) {
		d->interrupted = true;
		return -1;
	}
	return 0;
}

/*
 * Step 0: one spin guest alone for CALIB_NS.  Its loop's speed sets the
 * yield guests' work, so that it lasts BURST_QUANTA quanta anywhere.
 */
static int calibrate(struct demo *d)
{
	struct sched_run r = { .ran = false };
	double rate;
	int ret = -1;

	hog_config(&r.e.cfg, d->cpu, d->engine, LDE_POLICY_RR);
	r.e.cfg.duration_ns = CALIB_NS;
	r.e.cfg.nr_groups = 1;
	r.e.cfg.groups[0] = (struct lde_sched_group){
		.workload = LDE_WL_SPIN, .count = 1,
	};
	if (run(d, &r))
		goto out;
	/* Iterations per us; the plain kthread's if no guest figure. */
	rate = isnan(r.fg.guest_rate) || r.fg.guest_rate <= 0 ?
	       r.fg.host_rate : r.fg.guest_rate;
	if (isnan(rate) || rate <= 0) {
		fprintf(stderr, WHO ": lde.ko measured no loop speed in the"
			" calibration run\n");
		goto out;
	}
	d->iters = hog_burst_iters(rate);
	if (!d->iters)
		d->iters = 1;
	ret = 0;
out:
	sched_run_free(&r);
	return ret;
}

static void print_cast(const struct demo *d)
{
	printf(WHO ": how does the OS get the CPU back from a program\n"
	       "that never gives it up?\n\n");
	printf("Lab CPU %u, engine %s.  Three guests, kernel threads of"
	       " lde.ko that run like\nuser programs and enter its"
	       " mini-kernel only by trapping:\n", d->cpu,
	       NAME_OF(sched_engines, d->engine));
	printf("  guests 0, 1  yield: compute %llu iterations (about %d ms"
	       " here),\n               then trap to yield\n",
	       (unsigned long long)d->iters,
	       (int)(HOG_BURST_QUANTA * HOG_QUANTUM_NS / 1000000));
	printf("  guest %d      spin:  compute forever, never trap\n",
	       NR_YIELD);
}

/* The lde sched command line that runs cfg: to try it by hand. */
static void print_command(const struct lde_sched_config *cfg)
{
	char q[DURATION_BUF], w[DURATION_BUF], t[DURATION_BUF];

	printf("   (lde sched -e %s -a %u -P %s",
	       NAME_OF(sched_engines, cfg->engine), cfg->cpu,
	       NAME_OF(sched_policies, cfg->policy));
	if (cfg->policy == LDE_POLICY_RR)
		printf(" -q %s", duration_str(q, sizeof(q), cfg->quantum_ns));
	printf(" -w %s -D %s\n    -g yield:%u:%llu,spin)\n",
	       duration_str(w, sizeof(w), cfg->watchdog_ns),
	       duration_str(t, sizeof(t), cfg->duration_ns),
	       cfg->groups[0].count,
	       (unsigned long long)cfg->groups[0].iters);
}

static uint64_t yield_runs(const struct sched_exp *e)
{
	uint64_t runs = 0;
	size_t i;

	for (i = 0; i < NR_YIELD && i < e->nr_guests; i++)
		runs += e->guests[i].runs;
	return runs;
}

/*
 * Run the demo's guests under policy, after a title and the command line
 * that does the same; then print the guest table.  0, or -1 if it could
 * not run (it said why).
 */
static int run_step(struct demo *d, struct sched_run *r, __u32 policy,
		    const char *title)
{
	hog_config(&r->e.cfg, d->cpu, d->engine, policy);
	demo_guests(d, &r->e.cfg);
	printf("\n%s\n", title);
	print_command(&r->e.cfg);
	fflush(stdout);
	if (run(d, r))
		return -1;
	sched_print_guests(stdout, &r->e, &r->fg);
	return 0;
}

/* Step 1.  True if the watchdog caught the spin guest. */
static bool step_coop(struct demo *d)
{
	const struct lde_sched_summary *s = NULL;
	struct sched_run r = { .ran = false };
	char hog[DURATION_BUF];
	bool ok = false;

	if (run_step(d, &r, LDE_POLICY_COOP, "1. Cooperative: the CPU"
		     " changes hands only when the running guest traps."))
		goto out;
	s = &r.e.res.summary;
	putchar('\n');
	sched_print_hog(stdout, &r.e, &r.fg);
	ok = s->end == LDE_END_WATCHDOG && s->hog_guest == NR_YIELD;
	if (!ok) {
		printf("\n   The watchdog did not catch guest %d: the"
		       " experiment ended because %s.\n", NR_YIELD,
		       sched_end_why(s->end));
		goto out;
	}
	printf("\n   What happened: the yield guests ran %llu times"
	       " between them, each time\n   handing the CPU on with a"
	       " trap.  Then it reached guest %d, which never\n   traps.  From"
	       " then on no trap came, so lde's mini-kernel never ran: no\n"
	       "   scheduler decision, no switch, for %s.  The OS had lost"
	       " the CPU.\n   Only lde's watchdog, an hrtimer that interrupts"
	       " the CPU whatever runs\n   there, got it back, the way a"
	       " hardware watchdog reboots a hung machine.\n",
	       (unsigned long long)yield_runs(&r.e), NR_YIELD,
	       duration_fmt(hog, sizeof(hog), (double)s->hog_ns));
	if (s->switches[LDE_SW_HOST])
		printf("   (The same hrtimer also lent the CPU to Linux %llu"
		       " time%s, when Linux\n   needed it, and then gave it"
		       " back to guest %d: that was not a trap.)\n",
		       (unsigned long long)s->switches[LDE_SW_HOST],
		       s->switches[LDE_SW_HOST] == 1 ? "" : "s", NR_YIELD);
out:
	sched_run_free(&r);
	return ok;
}

/* Step 2.  True if the timer shared the CPU fairly and nobody hogged. */
static bool step_rr(struct demo *d)
{
	const struct lde_sched_summary *s;
	struct sched_run r = { .ran = false };
	char q[DURATION_BUF], title[120];
	bool ok = false;

	snprintf(title, sizeof(title), "2. Round robin: the same guests, and"
		 " a timer interrupt every %s.",
		 duration_fmt(q, sizeof(q), HOG_QUANTUM_NS));
	if (run_step(d, &r, LDE_POLICY_RR, title))
		goto out;
	s = &r.e.res.summary;
	printf("\nJain's fairness index: %.3f (1 = equal shares, %.2f = one"
	       " guest had it all).\n", r.fg.jain, 1.0 / (NR_YIELD + 1));
	sched_print_hog(stdout, &r.e, &r.fg);
	ok = s->hog_guest == LDE_SCHED_NO_GUEST && r.fg.jain >= FAIR_JAIN;
	printf("\n   What happened: the timer fired %llu times.  %llu times"
	       " it found a guest\n   running and took the CPU"
	       " from it at once: it saved all the guest's\n   registers and"
	       " ran the next one.  Guest %d still never traps, yet it was\n"
	       "   preempted %llu times, and the yield guests got"
	       " their turns.  %s\n", (unsigned long long)s->ticks,
	       (unsigned long long)s->ticks_in[LDE_MODE_GUEST], NR_YIELD,
	       r.e.nr_guests > NR_YIELD ?
	       (unsigned long long)r.e.guests[NR_YIELD].preempted : 0,
	       ok ? "No guest\n   needs to cooperate: the OS keeps control"
	       " because the hardware timer\n   hands it back." :
	       "But the\n   shares were not even, see the table.");
out:
	sched_run_free(&r);
	return ok;
}

int demo_coop(int argc, char **argv)
{
	struct demo d = { .engine = LDE_ENGINE_LDE };
	bool caught, shared;

	switch (parse_opts(argc, argv, &d)) {
	case 1:
		return 0;
	case -1:
		return EXIT_USAGE;
	}
	d.fd = sched_open(WHO);
	if (d.fd < 0)
		return EXIT_FAIL;
	if (calibrate(&d)) {
		close(d.fd);
		return EXIT_FAIL;
	}
	print_cast(&d);
	caught = step_coop(&d);
	shared = !d.interrupted && step_rr(&d);
	close(d.fd);
	if (caught && shared)
		return 0;
	fflush(stdout);
	fprintf(stderr, WHO ": %s\n", d.interrupted ? "interrupted" : !caught ?
		"step 1: the watchdog did not catch the spin guest" :
		"step 2: the timer did not share the CPU fairly");
	return EXIT_FAIL;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * sched.c - "lde sched": run guests under lde's mini scheduler and see how
 * the OS takes the CPU back, and what a context switch costs.
 *
 * It fills a struct lde_sched_config from the options, lets lde.ko run
 * the experiment on one lab CPU and derives the figures (exp/sched.c:
 * dev/experiment.c, dev/figures.c), and prints them (exp/sched_table.c,
 * or exp/sched.c's JSON).  The letters follow
 * cyclictest where the meaning matches (-a -D -h --json), except -q: it
 * is the quantum here, the knob this command turns most, not "quiet".
 *
 *	sudo lde sched				rr, 2 spin + yield + regs, 1 s
 *	sudo lde sched -P coop -g spin,yield:2 -w 200ms	the hog and the watchdog
 *	sudo lde sched -e linux -q 100us -h	Linux's switch, with histograms
 *	sudo lde sched --json | python3 -m json.tool
 *	sudo lde sched --stop -a 1		end CPU 1's experiment early
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/labcpu.h"
#include "dev/guestspec.h"
#include "dev/names.h"
#include "exp/sched.h"
#include "lib/duration.h"
#include "lib/opts.h"

#define WHO			"lde sched"	/* prefix of our messages */
#define DEFAULT_GUESTS		"spin:2,yield:1,regs:1"
#define DEFAULT_QUANTUM_NS	1000000ULL	/* 1 ms */
#define DEFAULT_DURATION_NS	1000000000ULL	/* 1 s */

struct sched_opts {
	struct lde_sched_config cfg;
	bool cpu_set;		/* -a given */
	bool quantum_set;	/* -q given */
	bool histogram;
	bool json;
	bool stop;		/* --stop: end the experiment, nothing else */
};

enum {
	OPT_RING = 256,
	OPT_JSON,
	OPT_STOP,
	OPT_HELP,
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: lde sched [options]\n"
		"\n"
		"Run guests (kernel threads of lde.ko) on one lab CPU under lde's mini\n"
		"scheduler; show each guest's share of the CPU, why the CPU changed hands,\n"
		"and what a switch costs.\n"
		"\n"
		"  -e, --engine=ENGINE  who switches: lde (lde's own assembly switch on one\n"
		"                       kthread) or linux (a kthread per guest, Linux's\n"
		"                       switch_to); default lde\n"
		"  -P, --policy=POLICY  when: coop (only when a guest traps) or rr (also\n"
		"                       every quantum, by timer interrupt); default rr\n"
		"  -q, --quantum=DUR    rr: the timer's period, 10us..1s (default 1ms)\n"
		"  -g, --guests=SPEC    the guests, see below (default %s)\n"
		"  -D, --duration=DUR   how long it runs, 1ms..10s (default 1s)\n"
		"  -w, --watchdog=DUR   a guest that keeps the CPU this long is a hog: the\n"
		"                       watchdog ends the experiment; 10ms..10s (default 2s)\n"
		"  -a, --affinity=CPU   the lab CPU (default: the last online CPU)\n"
		"      --ring=N         events kept for exact percentiles, 1..%d\n"
		"                       (default %d)\n"
		"  -h, --histogram      log2 histograms of the latencies, over every event\n"
		"      --json           print one JSON object with every figure\n"
		"      --stop           stop the experiment running on the lab CPU, and exit\n"
		"  -?, --help           show this help\n"
		"\n"
		"DUR is a number and its unit, one of ns, us, ms, s: 250us, 1.5ms, 2s.\n"
		"\n"
		"SPEC is GROUP[,GROUP...]: up to %d groups, %d guests in all, where\n"
		"GROUP is WORKLOAD[:COUNT[:ITERS[:SLEEP]]] and WORKLOAD one of\n"
		"  spin    compute forever, never trap\n"
		"  yield   compute ITERS iterations, trap to yield, repeat\n"
		"  sleep   compute ITERS iterations, trap to sleep SLEEP (like I/O), repeat\n"
		"  regs    fill every register and the flags, check them, forever\n"
		"  exit    compute ITERS iterations, then trap to exit\n"
		"COUNT defaults to 1.  ITERS, for yield, sleep and exit only, may be left\n"
		"empty for lde.ko's default (%d).  SLEEP is a DUR from 1us (default 100us).\n"
		"  -g spin:3,yield:1,regs:1    -g yield:2:500    -g sleep:4::200us,spin\n"
		"\n"
		"Needs lde.ko and root (CAP_SYS_ADMIN).  Ctrl-C stops the experiment early\n"
		"and still prints what it measured.\n"
		"Exit status: 0 done, 1 failed or a register corruption was seen, 2 bad\n"
		"usage.\n",
		DEFAULT_GUESTS, LDE_SCHED_MAX_RING, LDE_SCHED_DEFAULT_RING,
		LDE_SCHED_MAX_GROUPS, LDE_SCHED_MAX_GUESTS,
		LDE_SCHED_DEFAULT_ITERS);
}

/* A duration in [min, max] ns, with its unit. */
static int parse_dur(const char *opt, const char *s, uint64_t min,
		     uint64_t max, __u64 *out)
{
	char lo[DURATION_BUF], hi[DURATION_BUF];
	uint64_t ns;

	if (!duration_parse(s, &ns) && ns >= min && ns <= max) {
		*out = ns;
		return 0;
	}
	fprintf(stderr, WHO ": %s wants a duration from %s to %s, with its"
		" unit, not '%s'\n", opt, duration_str(lo, sizeof(lo), min),
		duration_str(hi, sizeof(hi), max), s);
	return -1;
}

/* ENGINE or POLICY: one of the words in names. */
static int parse_word(const char *opt, const char *s,
		      const char *const *names, size_t n, __u32 *out)
{
	int v = name_lookup(names, n, s);
	char all[80];

	if (v >= 0) {
		*out = (__u32)v;
		return 0;
	}
	fprintf(stderr, WHO ": %s wants %s, not '%s'\n", opt,
		names_or(all, sizeof(all), names, n), s);
	return -1;
}

static int parse_guests(const char *s, struct lde_sched_config *cfg)
{
	char err[200];

	if (!guestspec_parse(s, cfg, err, sizeof(err)))
		return 0;
	fprintf(stderr, WHO ": -g: %s\n", err);
	return -1;
}

static int parse_cpu(const char *s, struct sched_opts *o)
{
	int cpu;

	if (labcpu_arg(WHO, s, &cpu))
		return -1;
	o->cfg.cpu = (__u32)cpu;
	o->cpu_set = true;
	return 0;
}

/* One option c with argument arg; 0, 1 after --help, -1 if bad. */
static int parse_one(int c, const char *arg, struct sched_opts *o)
{
	struct lde_sched_config *cfg = &o->cfg;
	unsigned long v;

	switch (c) {
	case 'e':
		return parse_word("-e", arg, sched_engines,
				  ARRAY_SIZE(sched_engines), &cfg->engine);
	case 'P':
		return parse_word("-P", arg, sched_policies,
				  ARRAY_SIZE(sched_policies), &cfg->policy);
	case 'q':
		o->quantum_set = true;
		return parse_dur("-q", arg, LDE_SCHED_MIN_QUANTUM_NS,
				 LDE_SCHED_MAX_QUANTUM_NS, &cfg->quantum_ns);
	case 'g':
		return parse_guests(arg, cfg);
	case 'D':
		return parse_dur("-D", arg, LDE_SCHED_MIN_DURATION_NS,
				 LDE_SCHED_MAX_DURATION_NS, &cfg->duration_ns);
	case 'w':
		return parse_dur("-w", arg, LDE_SCHED_MIN_WATCHDOG_NS,
				 LDE_SCHED_MAX_WATCHDOG_NS, &cfg->watchdog_ns);
	case 'a':
		return parse_cpu(arg, o);
	case OPT_RING:
		if (opts_num(WHO, "--ring", arg, 1, LDE_SCHED_MAX_RING, &v))
			return -1;
		cfg->ring_events = (__u32)v;
		return 0;
	case 'h':
		o->histogram = true;
		return 0;
	case OPT_JSON:
		o->json = true;
		return 0;
	case OPT_STOP:
		o->stop = true;
		return 0;
	case OPT_HELP:
		usage(stdout);
		return 1;
	}
	return -1;
}

/* What no single option can check: how they fit together. */
static int check_opts(struct sched_opts *o)
{
	struct lde_sched_config *cfg = &o->cfg;
	uint64_t wd = cfg->watchdog_ns ? cfg->watchdog_ns :
		      LDE_SCHED_DEFAULT_WATCHDOG_NS;
	char q[DURATION_BUF], w[DURATION_BUF];
	int cpu;

	if (cfg->policy == LDE_POLICY_COOP && o->quantum_set) {
		fprintf(stderr, WHO ": -q is the rr timer's period;"
			" -P coop has no timer\n");
		return -1;
	}
	if (cfg->policy == LDE_POLICY_RR && !o->quantum_set)
		cfg->quantum_ns = DEFAULT_QUANTUM_NS;
	if (cfg->policy == LDE_POLICY_RR && cfg->quantum_ns >= wd) {
		fprintf(stderr, WHO ": the quantum (%s) must be shorter"
			" than the watchdog (%s)\n",
			duration_fmt(q, sizeof(q), (double)cfg->quantum_ns),
			duration_fmt(w, sizeof(w), (double)wd));
		return -1;
	}
	if (!cfg->nr_groups && parse_guests(DEFAULT_GUESTS, cfg))
		return -1;
	if (!o->cpu_set) {
		cpu = labcpu_pick(WHO, -1);
		if (cpu < 0)
			return -1;
		cfg->cpu = (__u32)cpu;
	}
	return 0;
}

/* Returns 0 to go on, 1 after --help, -1 after a bad option. */
static int parse_opts(int argc, char **argv, struct sched_opts *o)
{
	static const struct option longopts[] = {
		{ "engine",    required_argument, NULL, 'e' },
		{ "policy",    required_argument, NULL, 'P' },
		{ "quantum",   required_argument, NULL, 'q' },
		{ "guests",    required_argument, NULL, 'g' },
		{ "duration",  required_argument, NULL, 'D' },
		{ "watchdog",  required_argument, NULL, 'w' },
		{ "affinity",  required_argument, NULL, 'a' },
		{ "ring",      required_argument, NULL, OPT_RING },
		{ "histogram", no_argument,       NULL, 'h' },
		{ "json",      no_argument,       NULL, OPT_JSON },
		{ "stop",      no_argument,       NULL, OPT_STOP },
		{ "help",      no_argument,       NULL, OPT_HELP },
		{ NULL,        0,                 NULL, 0 },
	};
	int c, r;

	memset(o, 0, sizeof(*o));
	o->cfg.engine = LDE_ENGINE_LDE;
	o->cfg.policy = LDE_POLICY_RR;
	o->cfg.duration_ns = DEFAULT_DURATION_NS;
	opterr = 0;		/* we print our own messages */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":e:P:q:g:D:w:a:h", longopts,
				NULL)) != -1) {
		if (c == '?' || c == ':')
			return opts_other(WHO, argv, c, usage);
		r = parse_one(c, optarg, o);
		if (r)
			return r;
	}
	if (opts_no_args(WHO, argc, argv))
		return -1;
	return check_opts(o);
}

/*
 * --stop: end the experiment on the lab CPU early.  sched_stop also
 * succeeds on one that has ended (its figures stay), so ask first:
 * sched_result without LDE_SCHED_WAIT answers EAGAIN while it runs.
 */
static int stop(const struct sched_opts *o)
{
	struct lde_sched_result r = { .cpu = o->cfg.cpu };
	unsigned int cpu = o->cfg.cpu;
	int fd = sched_open(WHO);
	int ret = EXIT_FAIL;

	if (fd < 0)
		return EXIT_FAIL;
	if (!ioctl(fd, LDE_IOC_SCHED_RESULT, &r)) {
		printf(WHO ": nothing to stop on CPU %u: its last experiment"
		       " has ended,\nbecause %s.\n", cpu,
		       sched_end_why(r.summary.end));
		ret = 0;
	} else if (errno != EAGAIN) {
		fprintf(stderr, WHO ": CPU %u: %s%s\n", cpu, strerror(errno),
			errno == ENOENT ? ": no experiment has run there" : "");
	} else if (ioctl(fd, LDE_IOC_SCHED_STOP, (unsigned long)cpu)) {
		fprintf(stderr, WHO ": sched_stop on CPU %u: %s%s\n", cpu,
			strerror(errno), errno == EPERM ?
			": needs root (CAP_SYS_ADMIN)" : "");
	} else {
		printf(WHO ": stopped the experiment on CPU %u\n", cpu);
		ret = 0;
	}
	close(fd);
	return ret;
}

int cmd_sched(int argc, char **argv)
{
	struct sched_run r = { .ran = false };
	struct sched_opts o;
	int fd, ret;

	switch (parse_opts(argc, argv, &o)) {
	case 1:
		return 0;
	case -1:
		return EXIT_USAGE;
	}
	if (o.stop)
		return stop(&o);
	fd = sched_open(WHO);
	if (fd < 0)
		return EXIT_FAIL;
	r.e.cfg = o.cfg;
	ret = sched_run_measure(fd, &r, WHO);
	close(fd);
	if (ret)
		goto out;
	if (o.json)
		sched_print_json(stdout, &r.e, &r.fg);
	else
		sched_print_table(stdout, &r.e, &r.fg, o.histogram);
	if (r.e.res.summary.corruptions) {
		fflush(stdout);
		fprintf(stderr, WHO ": %llu register corruptions: a"
			" preemption did not save and restore\nevery register"
			" of a regs guest\n",
			(unsigned long long)r.e.res.summary.corruptions);
		ret = EXIT_FAIL;
	}
out:
	sched_run_free(&r);
	return ret;
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sched.h - one mini-scheduler experiment with its figures, and how it
 * prints: the report of "lde sched" (sched_table.c) or JSON (sched.c).
 *
 * It is also a kind of experiment of the registry: a file of exp/ that
 * says SCHED_EXP() is one experiment on the lab CPU, for 1 s, with one
 * group of guests (exp/coop_lde_2yield.c and its neighbours).  Its
 * figures and distributions are listed in sched.c; its file is
 * sched-goal-<name>.json.
 *
 * Use:
 *	struct sched_run r = { .e.cfg = cfg };	// cfg filled and checked
 *
 *	ret = sched_run_measure(fd, &r, "lde sched");	// 0 or exit status
 *	if (!ret)
 *		sched_print_table(stdout, &r.e, &r.fg, histogram);
 *	sched_run_free(&r);
 */
#ifndef LDE_EXP_SCHED_H
#define LDE_EXP_SCHED_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dev/experiment.h"
#include "dev/figures.h"
#include "exp/exp.h"

/* One experiment in lde.ko, its figures, and its name in lde report. */
struct sched_run {
	char name[48];		/* "goal-coop-lde-2yield": sched-<name>.json */
	bool ran;		/* e and fg hold its figures, not interrupted */
	bool hog;		/* guest 0 is a hog: the shares mean something */
	struct sched_exp e;
	struct sched_figures fg;
	double hog_share;	/* guest 0's CPU time / the time it ran */
	double others_share;	/* the other guests', summed */
};

/*
 * Start r->e.cfg on fd, wait for it, collect, and work out the figures.
 * Returns 0 (r->e.interrupted if a Ctrl-C stopped it), or an exit status
 * after saying why, prefixed by who.  Call sched_run_free() either way.
 */
int sched_run_measure(int fd, struct sched_run *r, const char *who);
void sched_run_free(struct sched_run *r);

/*
 * For a session: sched_run_measure() on its lab CPU's fd.  0 if it ran
 * to the end; else -1, with s->interrupted set after a Ctrl-C.
 */
int sched_run_session(struct session *s, struct sched_run *r);

/* lde sched --json of r, into s->dir/sched-<r->name>.json: 0 or -1. */
int sched_run_file(const struct session *s, const struct sched_run *r);

/* The policy in words: "coop", or "rr 1 ms" with the quantum. */
const char *sched_policy_words(char *buf, size_t len,
			       const struct lde_sched_config *cfg);

/* ns over the time the experiment ran, or NAN; a workload's name. */
double sched_share(uint64_t ns, const struct sched_exp *e);
const char *sched_workload(unsigned int w);

/* lde sched: the report that explains itself, or every figure as JSON. */
void sched_print_table(FILE *f, const struct sched_exp *e,
		       const struct sched_figures *fg, bool histogram);
void sched_print_json(FILE *f, const struct sched_exp *e,
		      const struct sched_figures *fg);
/* Its pieces, for lde demo coop: the guest table; the hog, if any. */
void sched_print_guests(FILE *f, const struct sched_exp *e,
			const struct sched_figures *fg);
void sched_print_hog(FILE *f, const struct sched_exp *e,
		     const struct sched_figures *fg);

/* What a sched_run gives by name (exp.h): the state is a sched_run. */
extern const struct exp_figure sched_run_figures[];
extern const struct exp_dist sched_run_dists[];

/* ---- a registry experiment that is one sched_run --------------------- */

#define SCHED_EXP_NS	1000000000ULL	/* each runs for 1 s */

struct sched_def {
	__u32 engine;		/* LDE_ENGINE_... */
	__u32 policy;		/* LDE_POLICY_... */
	__u64 quantum_ns;	/* rr only */
	__u32 workload;		/* LDE_WL_...: all its guests run it */
	__u32 count;		/* how many */
};

void sched_one_run(const struct exp *x, struct session *s,
		   struct exp_out *o);
void sched_one_free(void *st);
const struct sched_run *sched_one_sched(const void *st, size_t i);
int sched_one_files(const struct exp *x, const struct session *s,
		    const struct exp_out *o);

/*
 * The experiment name_ (its file name with '-' for '_'): count_ guests
 * running workload_ under engine_ and policy_ (with quantum_ns_ for rr).
 * It counts in lde report's step "goals".
 */
#define SCHED_EXP(name_, engine_, policy_, quantum_ns_, workload_, count_) \
	{								\
		.name = name_,						\
		.step = "goals",					\
		.steps = 1,						\
		.size = sizeof(struct sched_run),			\
		.def = &(const struct sched_def){			\
			.engine = engine_, .policy = policy_,		\
			.quantum_ns = quantum_ns_,			\
			.workload = workload_, .count = count_,		\
		},							\
		.run = sched_one_run,					\
		.free = sched_one_free,					\
		.figures = sched_run_figures,				\
		.dists = sched_run_dists,				\
		.sched = sched_one_sched,				\
		.files = sched_one_files,				\
	}

#endif /* LDE_EXP_SCHED_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * footprint.c - the experiment "footprint": where the extra cost of a
 * switch among 1024 guests goes, measured from user space.
 *
 * A switch to a guest that last ran 1023 switches ago finds its stack and
 * its struct cold.  bench/footprint.c visits n regions in turn the same
 * way, at the counts of the experiment scaling, in four layouts: the
 * stacks' (one page each, six lines at its top), one line per page, the
 * same lines packed into a few pages, and pages that all fall in one
 * slot of the TLB (each visit a TLB refill: its price).  What a visit costs more at
 * 1024 than at 2 in each layout says whether the pages (the TLB: under
 * QEMU's TCG, its software TLB) or the cache lines pay.
 *
 * Files: footprint.csv, ns per visit by count and layout; its section
 * of summary.md is the same table.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "bench/footprint.h"
#include "bench/tsc.h"
#include "exp/exp.h"
#include "exp/scaling.h"
#include "lib/common.h"
#include "lib/render.h"

struct footprint {
	double ns[FOOTPRINT_NR_LAYOUTS][SCALE_COUNTS];	/* per visit */
};

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	struct footprint *fp = o->st;
	unsigned int l, c;
	struct tsc t;

	(void)x;
	progress_step(&s->prog, "footprint: %u to %u regions visited in turn"
		      " from user space: stacks, pages, packed, conflict",
		      scale_counts[0], scale_counts[SCALE_COUNTS - 1]);
	if (session_pin(s, &t, o))
		return;
	for (c = 0; c < SCALE_COUNTS; c++)
		for (l = 0; l < FOOTPRINT_NR_LAYOUTS; l++) {
			if (!footprint_ns(&t, l, scale_counts[c],
					  &fp->ns[l][c]))
				continue;
			exp_fail(o, EXIT_FAIL, "%u regions: %s",
				 scale_counts[c], strerror(errno));
			return;
		}
	exp_ok(o);
}

/* A visit at 1024 less a visit at 2, ns. */
static double extra(const void *st, enum footprint_layout l)
{
	const struct footprint *fp = st;

	return fp->ns[l][SCALE_COUNTS - 1] - fp->ns[l][0];
}

static double stacks_extra(const void *st)
{
	return extra(st, FOOTPRINT_STACKS);
}

static double pages_extra(const void *st)
{
	return extra(st, FOOTPRINT_PAGES);
}

static double packed_extra(const void *st)
{
	return extra(st, FOOTPRINT_PACKED);
}

static double conflict_extra(const void *st)
{
	return extra(st, FOOTPRINT_CONFLICT);
}

static const struct exp_figure figures[] = {
	{ "stacks_extra_ns", stacks_extra },	/* at 1024 less at 2 */
	{ "pages_extra_ns", pages_extra },
	{ "packed_extra_ns", packed_extra },
	{ "conflict_extra_ns", conflict_extra },
	{ NULL, NULL },
};

static void print_csv(FILE *f, const void *st)
{
	const struct footprint *fp = st;
	unsigned int l, c;

	fputs("regions", f);
	for (l = 0; l < FOOTPRINT_NR_LAYOUTS; l++)
		fprintf(f, ",%s_ns", footprint_names[l]);
	fputc('\n', f);
	for (c = 0; c < SCALE_COUNTS; c++) {
		fprintf(f, "%u", scale_counts[c]);
		for (l = 0; l < FOOTPRINT_NR_LAYOUTS; l++) {
			fputc(',', f);
			csv_num(f, "%.2f", fp->ns[l][c]);
		}
		fputc('\n', f);
	}
}

static void md(FILE *f, const struct session *s, const struct exp_out *o)
{
	const struct footprint *fp = o->st;
	unsigned int l, c;

	(void)s;
	fprintf(f, "\n## Where a cold guest's cost goes\n\n"
		"From user space, ns per visit of n regions visited in turn"
		" (footprint.csv):\n*stacks*: %u KiB apart, %u cache lines at"
		" the top of each, as lde's guest stacks;\n*pages*: the same"
		" pages, one line each; *packed*: the same lines in a few"
		" pages;\n*conflict*: one line per page, the pages %lu MiB"
		" apart, all in one slot of the\nTLB: past a few, every visit"
		" is a TLB refill.\n\n", FOOTPRINT_STRIDE / 1024,
		FOOTPRINT_LINES, FOOTPRINT_CONFLICT_STRIDE >> 20);
	if (o->state != EXP_OK) {
		fputs("Did not run.\n", f);
		return;
	}
	fputs("| regions | stacks | pages | packed | conflict |\n"
	      "|--------:|-------:|------:|-------:|---------:|\n", f);
	for (c = 0; c < SCALE_COUNTS; c++) {
		fprintf(f, "| %u |", scale_counts[c]);
		for (l = 0; l < FOOTPRINT_NR_LAYOUTS; l++)
			fprintf(f, " %.1f ns |", fp->ns[l][c]);
		fputc('\n', f);
	}
	fprintf(f, "\nAt %u regions against %u, a visit costs %+.1f ns (stacks),"
		" %+.1f ns (pages),\n%+.1f ns (packed), %+.1f ns (conflict):"
		" a cost per page is a TLB refill, per\nline a cache miss.\n",
		scale_counts[SCALE_COUNTS - 1], scale_counts[0],
		stacks_extra(fp), pages_extra(fp), packed_extra(fp),
		conflict_extra(fp));
}

const struct exp exp_footprint = {
	.name = "footprint", .steps = 1,
	.size = sizeof(struct footprint), .run = run,
	.figures = figures, .md = md,
	.ops = &(const struct render_ops){ .csv = print_csv },
};

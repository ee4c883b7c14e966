/* SPDX-License-Identifier: GPL-2.0 */
/*
 * footprint.h - what it costs to visit n small working sets in turn, the
 * way a switch among n guests visits the next guest's stack: from user
 * space, with no lde in it, so that the pages and the cache lines can be
 * told apart.
 *
 * Three layouts of the same visits:
 *
 *   stacks   n regions FOOTPRINT_STRIDE apart (a 16 KiB stack and a
 *            guard page, as vmalloc places lde's guest stacks), and
 *            FOOTPRINT_LINES cache lines touched at the top of each: the
 *            frames a guest left there.  n pages, n x 6 lines.
 *   pages    the same regions, one line each: n pages, n lines.
 *   packed   the same n x 6 lines, one after the other: n x 6 lines in
 *            n x 384 bytes, a few pages.
 *   conflict n regions FOOTPRINT_CONFLICT_STRIDE apart, one line each:
 *            every page in the same slot of a TLB indexed by the low bits
 *            of the page number (QEMU's TCG's is, direct-mapped), so
 *            that past a few regions every visit is a TLB refill.
 *
 * If a visit costs more at 1024 than at 2 for stacks and pages alike but
 * not for packed, what grows is a cost per page: the TLB (under QEMU's
 * TCG, its software TLB, refilled by walking the page tables in C).  If
 * packed grows as much, it is the cache lines.  conflict prices one TLB
 * refill.
 *
 * Use:
 *	struct tsc t;		// calibrated, pinned
 *	double ns;
 *
 *	if (footprint_ns(&t, FOOTPRINT_STACKS, 1024, &ns))
 *		...;		// errno: no memory
 */
#ifndef LDE_FOOTPRINT_H
#define LDE_FOOTPRINT_H

struct tsc;

enum footprint_layout {
	FOOTPRINT_STACKS,
	FOOTPRINT_PAGES,
	FOOTPRINT_PACKED,
	FOOTPRINT_CONFLICT,
	FOOTPRINT_NR_LAYOUTS
};

#define FOOTPRINT_STRIDE	(20 * 1024)	/* 16 KiB stack + 4 KiB guard */
#define FOOTPRINT_LINES		6		/* 384 bytes: a guest's frames */
#define FOOTPRINT_LINE		64
/* 4 MiB: 1024 pages, more than a TLB of 1024 entries can tell apart. */
#define FOOTPRINT_CONFLICT_STRIDE	(4UL << 20)

/* "stacks", "pages", "packed", "conflict". */
extern const char *const footprint_names[FOOTPRINT_NR_LAYOUTS];

/* Bytes from one region to the next in layout l. */
unsigned long footprint_stride(enum footprint_layout l);

/*
 * ns per visit of n regions of layout l visited in turn, FIFO, each visit
 * a read and a write of its lines: the median of a few passes, each of
 * many visits.  0, or -1 with errno set.
 */
int footprint_ns(const struct tsc *t, enum footprint_layout l,
		 unsigned int n, double *ns);

#endif /* LDE_FOOTPRINT_H */

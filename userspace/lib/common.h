/* SPDX-License-Identifier: GPL-2.0 */
/*
 * common.h - what every file of the lde CLI may need: its exit statuses,
 * ARRAY_SIZE() and BUILD_BUG_ON_ZERO(), as the kernel spells them.
 *
 * Use:
 *	static const char *const names[] = { "a", "b" };
 *
 *	for (i = 0; i < ARRAY_SIZE(names); i++)	// not of a pointer: an error
 *		...
 *	return ok ? 0 : EXIT_FAIL;
 */
#ifndef LDE_COMMON_H
#define LDE_COMMON_H

/* Exit statuses, besides 0: every command returns one of these. */
#define EXIT_FAIL	1	/* could not do it, or it went wrong */
#define EXIT_USAGE	2	/* bad command line */

/* 0, or a compile error if the constant expression e is true. */
#define BUILD_BUG_ON_ZERO(e)	((int)sizeof(struct { int:(-!!(e)); }))

/* The elements of an array; an array, not a pointer, or it does not build. */
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]) +			\
			 BUILD_BUG_ON_ZERO(__builtin_types_compatible_p(	\
				__typeof__(a), __typeof__(&(a)[0]))))

#endif /* LDE_COMMON_H */

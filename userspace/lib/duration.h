/* SPDX-License-Identifier: GPL-2.0 */
/*
 * duration.h - durations on the command line and on screen, in ns.
 *
 * Use:
 *	uint64_t ns;
 *	char buf[DURATION_BUF];
 *
 *	if (duration_parse("1.5ms", &ns))	// 1500000
 *		... not a duration ...
 *	puts(duration_fmt(buf, sizeof(buf), ns));	// "1.50 ms"
 *	puts(duration_str(buf, sizeof(buf), ns));	// "1500us"
 *	puts(duration_words(buf, sizeof(buf), ns));	// "1500 us"
 */
#ifndef LDE_DURATION_H
#define LDE_DURATION_H

#include <stddef.h>
#include <stdint.h>

#define DURATION_BUF	24	/* enough for any duration_fmt() */

/*
 * A number with a unit and nothing else: "250us", "1ms", "1.5s", "800ns".
 * The unit is required, so "-q 1" cannot mean a second to one reader and
 * a millisecond to another.  Digits after the point that are finer than
 * 1 ns are an error, not rounded away.  Returns 0, or -1 (EINVAL/ERANGE).
 */
int duration_parse(const char *s, uint64_t *ns);

/* ns as duration_parse() reads it: the largest unit that is exact ("2s"). */
const char *duration_str(char *buf, size_t len, uint64_t ns);

/* The same, with a space before the unit: "2 s", for sentences. */
const char *duration_words(char *buf, size_t len, uint64_t ns);

/* ns in the largest unit that keeps it >= 1, with 3 significant digits. */
const char *duration_fmt(char *buf, size_t len, double ns);

#endif /* LDE_DURATION_H */

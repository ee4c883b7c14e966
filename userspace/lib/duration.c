// SPDX-License-Identifier: GPL-2.0
/*
 * duration.c - read "1ms" from the command line, print 1000000 ns as
 * "1.00 ms".
 *
 * Parsing is exact integer arithmetic, not strtod(): "0.1s" must be
 * 100000000 ns, not 99999999 after a trip through binary floating point,
 * because the module checks the limits to the nanosecond.
 *
 * Use: see duration.h.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lib/common.h"
#include "lib/duration.h"

static const struct unit {
	const char *name;
	uint64_t ns;
} units[] = {
	{ "ns", 1 },
	{ "us", 1000 },
	{ "ms", 1000000 },
	{ "s",  1000000000 },
};

static const struct unit *find_unit(const char *s)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(units); i++)
		if (!strcmp(s, units[i].name))
			return &units[i];
	return NULL;
}

/* Append digit d to *v; -1 if that overflows. */
static int push_digit(uint64_t *v, unsigned int d)
{
	if (*v > (UINT64_MAX - d) / 10)
		return -1;
	*v = *v * 10 + d;
	return 0;
}

int duration_parse(const char *s, uint64_t *ns)
{
	uint64_t whole = 0, frac = 0, scale = 1;
	const struct unit *u;

	if (!isdigit((unsigned char)*s))
		goto inval;
	for (; isdigit((unsigned char)*s); s++)
		if (push_digit(&whole, (unsigned int)(*s - '0')))
			goto range;
	if (*s == '.') {
		if (!isdigit((unsigned char)*++s))
			goto inval;
		for (; isdigit((unsigned char)*s); s++) {
			if (push_digit(&frac, (unsigned int)(*s - '0')) ||
			    push_digit(&scale, 0))
				goto range;
		}
	}
	u = find_unit(s);
	if (!u)
		goto inval;
	/* frac / scale of a unit must come out as whole nanoseconds. */
	if (frac > UINT64_MAX / u->ns)
		goto range;
	if (frac * u->ns % scale)
		goto inval;
	if (whole > (UINT64_MAX - frac * u->ns / scale) / u->ns)
		goto range;
	*ns = whole * u->ns + frac * u->ns / scale;
	return 0;
inval:
	errno = EINVAL;
	return -1;
range:
	errno = ERANGE;
	return -1;
}

/* ns in the largest unit that is exact, sep between number and unit. */
static const char *exact(char *buf, size_t len, uint64_t ns, const char *sep)
{
	size_t i = ARRAY_SIZE(units) - 1;

	while (i && ns % units[i].ns)
		i--;
	snprintf(buf, len, "%llu%s%s", (unsigned long long)(ns / units[i].ns),
		 sep, units[i].name);
	return buf;
}

const char *duration_str(char *buf, size_t len, uint64_t ns)
{
	return exact(buf, len, ns, "");
}

const char *duration_words(char *buf, size_t len, uint64_t ns)
{
	return exact(buf, len, ns, " ");
}

const char *duration_fmt(char *buf, size_t len, double ns)
{
	size_t i = 0;
	double v;

	while (i + 1 < ARRAY_SIZE(units) &&
	       ns >= (double)units[i + 1].ns)
		i++;
	v = ns / (double)units[i].ns;
	if (i == 0)
		snprintf(buf, len, "%.0f ns", v);
	else
		snprintf(buf, len, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" :
			 "%.0f %s", v, units[i].name);
	return buf;
}

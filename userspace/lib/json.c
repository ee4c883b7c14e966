// SPDX-License-Identifier: GPL-2.0
/*
 * json.c - JSON strings and numbers for every --json of lde.
 *
 * Integers are printed with plain printf("%llu"); strings (quotes,
 * backslashes, control characters) and doubles (JSON has no NaN) need
 * care.  Percentiles and histograms have one shape in every --json, so
 * that one script reads "lde trap", "lde ctx" and "lde sched" alike.
 *
 * Use: see json.h.
 */
#include <math.h>

#include "lib/json.h"

void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

void json_num(FILE *f, double v)
{
	if (isfinite(v))
		fprintf(f, "%.3f", v);
	else
		fputs("null", f);
}

void json_u64(FILE *f, const char *key, uint64_t v, const char *sep)
{
	fprintf(f, "\"%s\": %llu%s", key, (unsigned long long)v, sep);
}

void json_dbl(FILE *f, const char *key, double v, const char *sep)
{
	fprintf(f, "\"%s\": ", key);
	json_num(f, v);
	fputs(sep, f);
}

void json_kstr(FILE *f, const char *key, const char *s, const char *sep)
{
	fprintf(f, "\"%s\": ", key);
	json_str(f, s);
	fputs(sep, f);
}

void json_percentiles(FILE *f, const struct stats *st)
{
	fputs("\"min\": ", f);
	json_num(f, st->min);
	fputs(", \"p50\": ", f);
	json_num(f, st->p50);
	fputs(", \"p90\": ", f);
	json_num(f, st->p90);
	fputs(", \"p99\": ", f);
	json_num(f, st->p99);
	fputs(", \"max\": ", f);
	json_num(f, st->max);
}

void json_hist(FILE *f, const uint64_t *hist, unsigned int buckets)
{
	const char *sep = "";
	unsigned int b;

	fputc('[', f);
	for (b = 0; b < buckets; b++) {
		if (!hist[b])
			continue;
		fprintf(f, "%s{\"lo_ns\": %.0f, \"count\": %llu}", sep,
			stats_bucket_lo(b), (unsigned long long)hist[b]);
		sep = ", ";
	}
	fputc(']', f);
}

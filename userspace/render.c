// SPDX-License-Identifier: GPL-2.0
/*
 * render.c - print a distribution of times the same way everywhere.
 *
 * Figures are ns.  In the table they take up to 7 characters each, so
 * that a 100 µs outlier and a 2.3 ns call fit in the same column; JSON and
 * CSV keep more digits for programs.
 *
 * Use: see render.h.
 */
#include <math.h>

#include "render.h"

#define BAR_WIDTH	40

/* Up to 7 characters: one decimal while that fits, then whole ns. */
static const char *fmt_ns(char *buf, size_t len, double v)
{
	snprintf(buf, len, v < 10000 ? "%.1f" : "%.0f", v);
	return buf;
}

void render_columns(FILE *f)
{
	fprintf(f, " %7s %7s %7s %7s %7s %7s", "Min", "P50", "P90", "P99",
		"Max", "Avg");
}

void render_figures(FILE *f, const struct stats *st, double avg_ns)
{
	char a[6][16];

	fprintf(f, " %7s %7s %7s %7s %7s %7s",
		fmt_ns(a[0], sizeof(a[0]), st->min),
		fmt_ns(a[1], sizeof(a[1]), st->p50),
		fmt_ns(a[2], sizeof(a[2]), st->p90),
		fmt_ns(a[3], sizeof(a[3]), st->p99),
		fmt_ns(a[4], sizeof(a[4]), st->max),
		fmt_ns(a[5], sizeof(a[5]), avg_ns));
}

void render_hist(FILE *f, const char *title, const struct stats *st)
{
	static const char hashes[] = "########################################";
	unsigned int b, first = STATS_BUCKETS, last = 0;
	uint64_t max = 0;
	char range[40];

	for (b = 0; b < STATS_BUCKETS; b++) {
		if (!st->hist[b])
			continue;
		if (first == STATS_BUCKETS)
			first = b;
		last = b;
		if (st->hist[b] > max)
			max = st->hist[b];
	}
	fprintf(f, "\n%s (%zu samples)\n", title, st->n);
	for (b = first; b <= last && b < STATS_BUCKETS; b++) {
		uint64_t c = st->hist[b];
		int bar = (int)((c * BAR_WIDTH + max - 1) / max);

		snprintf(range, sizeof(range), "[%.0f, %.0f)",
			 stats_bucket_lo(b), stats_bucket_hi(b));
		fprintf(f, "  %20s %8llu %5.1f%% |%-*.*s|\n", range,
			(unsigned long long)c, 100.0 * c / st->n,
			BAR_WIDTH, bar, hashes);
	}
}

void render_json_str(FILE *f, const char *s)
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

/* JSON has no NaN or infinity. */
void render_json_num(FILE *f, double v)
{
	if (isfinite(v))
		fprintf(f, "%.3f", v);
	else
		fputs("null", f);
}

void render_json_figures(FILE *f, const struct stats *st, double avg_ns)
{
	fputs("\"min\": ", f);
	render_json_num(f, st->min);
	fputs(", \"p50\": ", f);
	render_json_num(f, st->p50);
	fputs(", \"p90\": ", f);
	render_json_num(f, st->p90);
	fputs(", \"p99\": ", f);
	render_json_num(f, st->p99);
	fputs(", \"max\": ", f);
	render_json_num(f, st->max);
	fputs(", \"avg\": ", f);
	render_json_num(f, avg_ns);
}

void render_json_hist(FILE *f, const struct stats *st)
{
	const char *sep = "";
	unsigned int b;

	fputs("\"hist\": [", f);
	for (b = 0; b < STATS_BUCKETS; b++) {
		if (!st->hist[b])
			continue;
		fprintf(f, "%s{\"lo_ns\": %.0f, \"count\": %llu}", sep,
			stats_bucket_lo(b), (unsigned long long)st->hist[b]);
		sep = ", ";
	}
	fputc(']', f);
}

void render_csv_figures(FILE *f, const struct stats *st, double avg_ns)
{
	fprintf(f, "%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", st->min, st->p50,
		st->p90, st->p99, st->max, avg_ns);
}

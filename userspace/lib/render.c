// SPDX-License-Identifier: GPL-2.0
/*
 * render.c - print a timing command's distribution of times the same way
 * everywhere.
 *
 * Figures are ns.  In the table they take up to 7 characters each, so
 * that a 100 µs outlier and a 2.3 ns call fit in the same column; JSON and
 * CSV keep more digits for programs.
 *
 * Use: see render.h.
 */
#include <math.h>

#include "lib/hist.h"
#include "lib/json.h"
#include "lib/render.h"

/* Up to 7 characters: one decimal while that fits, then whole ns. */
static const char *fmt_ns(char *buf, size_t len, double v)
{
	snprintf(buf, len, v < 10000 ? "%.1f" : "%.0f", v);
	return buf;
}

void render_print(FILE *f, const struct render_ops *ops, const void *r,
		  enum output_format fmt, bool quiet, bool histogram)
{
	switch (fmt) {
	case OUT_JSON:
		ops->json(f, r);
		break;
	case OUT_CSV:
		ops->csv(f, r);
		break;
	case OUT_TABLE:
		if (quiet)
			ops->quiet(f, r);
		else
			ops->table(f, r, histogram);
		break;
	}
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
	fprintf(f, "\n%s (%zu samples)\n", title, st->n);
	hist_print(f, st->hist, STATS_BUCKETS);
}

void render_json_figures(FILE *f, const struct stats *st, double avg_ns)
{
	json_percentiles(f, st);
	fputs(", \"avg\": ", f);
	json_num(f, avg_ns);
}

void render_csv_figures(FILE *f, const struct stats *st, double avg_ns)
{
	fprintf(f, "%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", st->min, st->p50,
		st->p90, st->p99, st->max, avg_ns);
}

void csv_num(FILE *f, const char *fmt, double v)
{
	if (isfinite(v))
		fprintf(f, fmt, v);
}

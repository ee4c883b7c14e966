/* SPDX-License-Identifier: GPL-2.0 */
/*
 * render.h - the figures of a timing command, printed the same way by
 * "lde trap" and "lde ctx": Min P50 P90 P99 Max Avg of one distribution
 * of times, as table columns, as CSV or as JSON, and its histogram under
 * a title.  The JSON values are json.c's, the histogram's lines hist.c's.
 *
 * Use:
 *	fprintf(f, "%-19s", "subject");
 *	render_columns(f);		// " Min P50 P90 P99 Max Avg"
 *	fprintf(f, "\n%-19s", name);
 *	render_figures(f, &st, avg);	// the six figures, ns
 *	fputc('\n', f);
 *	render_hist(f, name, &st);	// "name (N samples)", the buckets
 *
 *	fputs("{", f);
 *	render_json_figures(f, &st, avg);	// "min": ..., "avg": ...
 *	fputs("}", f);
 *
 *	render_csv_figures(f, &st, avg);	// min,p50,p90,p99,max,avg
 *	csv_num(f, "%.3f", ratio);		// nothing if NAN: "unknown"
 */
#ifndef LDE_RENDER_H
#define LDE_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "lib/stats.h"

enum output_format {
	OUT_TABLE,
	OUT_JSON,
	OUT_CSV,
};

/* A result's printers, one per format, for render_print() to pick. */
struct render_ops {
	void (*table)(FILE *f, const void *r, bool histogram);
	void (*quiet)(FILE *f, const void *r);	/* the table with -q */
	void (*json)(FILE *f, const void *r);
	void (*csv)(FILE *f, const void *r);
};

/* r in fmt: --json, --csv, or the table (-q: quiet, -h: histogram). */
void render_print(FILE *f, const struct render_ops *ops, const void *r,
		  enum output_format fmt, bool quiet, bool histogram);

/* The column titles and the figures, each " %7s": they line up. */
void render_columns(FILE *f);
void render_figures(FILE *f, const struct stats *st, double avg_ns);

/* A title line, then one line per bucket from the first used to the last. */
void render_hist(FILE *f, const char *title, const struct stats *st);

/* "min": ..., "avg": ... with no comma before or after. */
void render_json_figures(FILE *f, const struct stats *st, double avg_ns);

/* min,p50,p90,p99,max,avg with no comma before or after. */
void render_csv_figures(FILE *f, const struct stats *st, double avg_ns);

/* v with printf's fmt, or nothing if it is not finite: CSV's "unknown". */
void csv_num(FILE *f, const char *fmt, double v);

#endif /* LDE_RENDER_H */

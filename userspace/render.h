/* SPDX-License-Identifier: GPL-2.0 */
/*
 * render.h - the pieces every lde report is printed with, so that "lde
 * trap" and "lde ctx" look alike: the Min..Avg columns, a log2 histogram,
 * and the same figures as JSON or CSV.
 *
 * Use:
 *	fprintf(f, "%-19s", "subject");
 *	render_columns(f);		// " Min P50 P90 P99 Max Avg"
 *	fprintf(f, "\n%-19s", name);
 *	render_figures(f, &st, avg);	// the six figures, ns
 *	fputc('\n', f);
 *	render_hist(f, name, &st);
 *
 *	fputs("{\"name\": ", f);
 *	render_json_str(f, name);
 *	fputs(", ", f);
 *	render_json_figures(f, &st, avg);	// "min": ..., "avg": ...
 *	fputs(", ", f);
 *	render_json_hist(f, &st);		// "hist": [...]
 *	fputs("}", f);
 */
#ifndef LDE_RENDER_H
#define LDE_RENDER_H

#include <stdio.h>

#include "stats.h"

enum output_format {
	OUT_TABLE,
	OUT_JSON,
	OUT_CSV,
};

/* The column titles and the figures, each " %7s": they line up. */
void render_columns(FILE *f);
void render_figures(FILE *f, const struct stats *st, double avg_ns);

/* A title line, then one line per bucket from the first used to the last. */
void render_hist(FILE *f, const char *title, const struct stats *st);

void render_json_str(FILE *f, const char *s);
void render_json_num(FILE *f, double v);	/* null if not finite */
void render_json_figures(FILE *f, const struct stats *st, double avg_ns);
void render_json_hist(FILE *f, const struct stats *st);

/* min,p50,p90,p99,max,avg with no comma before or after. */
void render_csv_figures(FILE *f, const struct stats *st, double avg_ns);

#endif /* LDE_RENDER_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * json.h - the JSON values that need care: strings, doubles, and the
 * figures of stats.h that every --json of lde prints alike.
 *
 * Use:
 *	fputs("{\"name\": ", f);
 *	json_str(f, name);	// quoted and escaped
 *	fputs(", \"p50\": ", f);
 *	json_num(f, p50);	// null for NaN or infinity
 *	fputs(", ", f);
 *	json_percentiles(f, &st);	// "min": 1.0, "p50": ..., "max": 9.0
 *	fputs(", ", f);
 *	json_dbl(f, "mean", st.mean, ", ");	// "mean": 3.142, then ", "
 *	fputs("\"hist\": ", f);
 *	json_hist(f, st.hist, STATS_BUCKETS);	// [{"lo_ns": 8, "count": 3}]
 *	fputs("}\n", f);
 */
#ifndef LDE_JSON_H
#define LDE_JSON_H

#include <stdint.h>
#include <stdio.h>

#include "lib/stats.h"

void json_str(FILE *f, const char *s);
void json_num(FILE *f, double v);
/* "key": value, then sep (", " or "}\n"...): one member of an object. */
void json_u64(FILE *f, const char *key, uint64_t v, const char *sep);
void json_dbl(FILE *f, const char *key, double v, const char *sep);
void json_kstr(FILE *f, const char *key, const char *s, const char *sep);
void json_percentiles(FILE *f, const struct stats *st);
/* The non-empty buckets, each with its lower bound in ns. */
void json_hist(FILE *f, const uint64_t *hist, unsigned int buckets);

#endif /* LDE_JSON_H */

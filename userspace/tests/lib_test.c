// SPDX-License-Identifier: GPL-2.0
/*
 * lib_test.c - the helpers of lib/, which know nothing of lde: options,
 * durations, CPU lists, statistics, histograms, JSON, CSV, children.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <fcntl.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/cpus.h"
#include "lib/duration.h"
#include "lib/hist.h"
#include "lib/json.h"
#include "lib/opts.h"
#include "lib/render.h"
#include "lib/spawn.h"
#include "lib/stats.h"
#include "tests/test.h"

/* ---- common.h ------------------------------------------------------- */

TEST(array_size_counts_elements)
{
	static const char *const three[] = { "a", "b", "c" };
	static const int seven[7];

	CHECK_INT(ARRAY_SIZE(three), 3);
	CHECK_INT(ARRAY_SIZE(seven), 7);
	CHECK_INT(BUILD_BUG_ON_ZERO(0), 0);
}

/* ---- opts.c --------------------------------------------------------- */

TEST(opts_num_takes_plain_numbers_in_range)
{
	unsigned long v = 0;

	CHECK(!opts_num("t", "-l", "0", 0, 10, &v));
	CHECK_INT(v, 0);
	CHECK(!opts_num("t", "-l", "10", 0, 10, &v));
	CHECK_INT(v, 10);
	CHECK(!opts_num("t", "-l", "007", 1, 10, &v));
	CHECK_INT(v, 7);
}

TEST(opts_num_refuses_sign_space_suffix_and_range)
{
	static const char *const bad[] = {
		"", "-1", "+1", " 1", "1 ", "1x", "1O000", "0x10", "11",
		"99999999999999999999999",
	};
	unsigned long v = 42;
	size_t i;
	int err = dup(2), null = open("/dev/null", O_WRONLY);

	dup2(null, 2);		/* its messages are for people */
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		CHECK(opts_num("t", "-l", bad[i], 1, 10, &v) == -1);
	dup2(err, 2);
	close(err);
	close(null);
	CHECK_INT(v, 42);
}

/* ---- duration.c ----------------------------------------------------- */

TEST(duration_parse_units_and_fractions)
{
	static const struct {
		const char *s;
		uint64_t ns;
	} good[] = {
		{ "800ns", 800 }, { "250us", 250000 }, { "1ms", 1000000 },
		{ "1.5ms", 1500000 }, { "0.1s", 100000000 }, { "2s", 2000000000 },
		{ "1.000000001s", 1000000001 }, { "0ns", 0 },
	};
	uint64_t ns;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		ns = 1;
		CHECK(!duration_parse(good[i].s, &ns));
		CHECK_INT(ns, good[i].ns);
	}
}

TEST(duration_parse_refuses_what_is_not_one)
{
	static const char *const bad[] = {
		"", "1", "ms", "1 ms", " 1ms", "1ms ", "-1ms", "1.ms", ".5ms",
		"1.5ns", "1.0000000001s", "1min", "1MS", "1e3ns",
	};
	uint64_t ns = 7;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		errno = 0;
		CHECK(duration_parse(bad[i], &ns) == -1 && errno == EINVAL);
	}
	CHECK(duration_parse("99999999999999999999s", &ns) == -1 &&
	      errno == ERANGE);
	CHECK(duration_parse("18446744073709551616ns", &ns) == -1 &&
	      errno == ERANGE);
	CHECK_INT(ns, 7);
}

TEST(duration_str_words_and_fmt)
{
	char b[DURATION_BUF];

	CHECK_STR(duration_str(b, sizeof(b), 2000000000), "2s");
	CHECK_STR(duration_str(b, sizeof(b), 1500000), "1500us");
	CHECK_STR(duration_str(b, sizeof(b), 999), "999ns");
	CHECK_STR(duration_str(b, sizeof(b), 0), "0s");
	CHECK_STR(duration_words(b, sizeof(b), 1000000), "1 ms");
	CHECK_STR(duration_words(b, sizeof(b), 100000), "100 us");
	CHECK_STR(duration_fmt(b, sizeof(b), 96), "96 ns");
	CHECK_STR(duration_fmt(b, sizeof(b), 1000000), "1.00 ms");
	CHECK_STR(duration_fmt(b, sizeof(b), 41800), "41.8 us");
	CHECK_STR(duration_fmt(b, sizeof(b), 250000), "250 us");
	CHECK_STR(duration_fmt(b, sizeof(b), 3.25e9), "3.25 s");
}

TEST(duration_str_reads_back)
{
	static const uint64_t ns[] = { 1, 999, 1000, 1001, 1500000, 10000000000ULL };
	char b[DURATION_BUF];
	uint64_t back;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ns); i++) {
		CHECK(!duration_parse(duration_str(b, sizeof(b), ns[i]), &back));
		CHECK_INT(back, ns[i]);
	}
}

/* ---- cpus.c --------------------------------------------------------- */

TEST(cpus_parse_lists)
{
	CHECK_INT(cpus_last("0"), 0);
	CHECK_INT(cpus_last("0-3\n"), 3);
	CHECK_INT(cpus_last("0-3,6,8-9\n"), 9);
	CHECK_INT(cpus_last("6,0-3"), 6);
	CHECK_INT(cpus_has("0-3,6,8-9", 6), 1);
	CHECK_INT(cpus_has("0-3,6,8-9", 7), 0);
	CHECK_INT(cpus_has("0-3,6,8-9", 9), 1);
	CHECK_INT(cpus_has("0-3,6,8-9", 10), 0);
}

TEST(cpus_parse_refuses_what_is_not_a_list)
{
	static const char *const bad[] = {
		"", "\n", "a", "1-", "3-1", "1,", ",1", "1,,2", "1 2", "0x1",
		"1-2-3", "1\n2",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		errno = 0;
		CHECK(cpus_last(bad[i]) == -1 && errno == EPROTO);
	}
}

TEST(cpus_of_this_host)
{
	int last = cpus_last_usable();

	/* The host runs these tests: it has an online CPU we may use. */
	CHECK(last >= 0);
	CHECK_INT(cpus_is_online((unsigned int)last), 1);
	CHECK(cpus_last_online() >= last);
	CHECK_INT(cpus_is_online(1u << 19), 0);
}

/* ---- stats.c -------------------------------------------------------- */

TEST(stats_nearest_rank_percentiles)
{
	double ns[100];
	struct stats st;
	size_t i;

	for (i = 0; i < 100; i++)
		ns[i] = (double)(100 - i);	/* 100 .. 1, unsorted */
	stats_compute(ns, 100, &st);
	CHECK_INT(st.n, 100);
	CHECK(st.min == 1 && st.max == 100);
	CHECK(st.p50 == 50 && st.p90 == 90 && st.p99 == 99);
	CHECK(st.mean == 50.5);
	stats_compute(ns, 1, &st);
	CHECK(st.p50 == 1 && st.p99 == 1);
	stats_compute(ns, 0, &st);
	CHECK_INT(st.n, 0);
}

TEST(stats_median_of_rounds_skips_the_unknown)
{
	double odd[] = { 3, 1, 2 }, even[] = { 4, 1, 3, 2 };
	double gaps[] = { NAN, 5, NAN, 1, 9 }, none[] = { NAN, NAN };

	CHECK(stats_median(odd, 3) == 2);
	CHECK(odd[0] == 3 && odd[1] == 1);	/* left as it was */
	CHECK(stats_median(even, 4) == 2);	/* the lower middle one */
	CHECK(stats_median(gaps, 5) == 5);
	CHECK(stats_median(gaps, 2) == 5);
	CHECK(isnan(stats_median(none, 2)));
	CHECK(isnan(stats_median(odd, 0)));
}

TEST(stats_spread_of_rounds_is_median_lowest_highest)
{
	double gaps[] = { NAN, 5, NAN, 1, 9 }, none[] = { NAN, NAN };
	struct stats_spread sp = stats_spread(gaps, 5);

	CHECK(sp.med == 5 && sp.lo == 1 && sp.hi == 9);
	sp = stats_spread(gaps, 2);		/* one number: all three */
	CHECK(sp.med == 5 && sp.lo == 5 && sp.hi == 5);
	sp = stats_spread(none, 2);
	CHECK(isnan(sp.med) && isnan(sp.lo) && isnan(sp.hi));
}

TEST(stats_spread_of_a_member_of_each_round)
{
	struct { int id; double x, y; } r[] = {
		{ 1, 3, NAN }, { 2, NAN, 1 }, { 3, 7, 2 }, { 4, 5, 9 },
	};
	struct stats_spread sp = STATS_SPREAD_OF(r, 4, x);

	CHECK(sp.med == 5 && sp.lo == 3 && sp.hi == 7);
	sp = STATS_SPREAD_OF(r, 4, y);		/* lower middle of 1, 2, 9 */
	CHECK(sp.med == 2 && sp.lo == 1 && sp.hi == 9);
	sp = STATS_SPREAD_OF(r, 1, y);		/* round 1 has no y */
	CHECK(isnan(sp.med));
}

TEST(stats_log2_buckets)
{
	CHECK_INT(stats_bucket(0), 0);
	CHECK_INT(stats_bucket(0.99), 0);
	CHECK_INT(stats_bucket(NAN), 0);
	CHECK_INT(stats_bucket(1), 1);
	CHECK_INT(stats_bucket(255), 8);
	CHECK_INT(stats_bucket(256), 9);
	CHECK_INT(stats_bucket(1e30), STATS_BUCKETS - 1);
	CHECK(stats_bucket_lo(9) == 256 && stats_bucket_hi(9) == 512);
	CHECK(stats_bucket_lo(0) == 0 && stats_bucket_hi(0) == 1);
}

TEST(stats_histogram_counts_every_sample)
{
	double ns[] = { 0.5, 1, 3, 3, 300, 300, 300 };
	uint64_t sum = 0;
	struct stats st;
	unsigned int b;

	stats_compute(ns, ARRAY_SIZE(ns), &st);
	for (b = 0; b < STATS_BUCKETS; b++)
		sum += st.hist[b];
	CHECK_INT(sum, ARRAY_SIZE(ns));
	CHECK_INT(st.hist[stats_bucket(300)], 3);
	CHECK_INT(st.hist[0], 1);
}

/* ---- hist.c --------------------------------------------------------- */

static void print_hist(FILE *f, const void *arg)
{
	hist_print(f, arg, STATS_BUCKETS);
}

TEST(hist_prints_first_to_last_bucket)
{
	uint64_t h[STATS_BUCKETS] = { 0 };
	char buf[2048];

	h[9] = 3;		/* [256, 512) */
	h[11] = 1;		/* [1024, 2048) */
	test_print(buf, sizeof(buf), print_hist, h);
	CHECK_STR(buf,
		  "           [256, 512)        3  75.0% |########################################|\n"
		  "          [512, 1024)        0   0.0% |                                        |\n"
		  "         [1024, 2048)        1  25.0% |##############                          |\n");
	memset(h, 0, sizeof(h));
	test_print(buf, sizeof(buf), print_hist, h);
	CHECK_STR(buf, "");
}

/* ---- json.c, render.c ----------------------------------------------- */

static void print_str(FILE *f, const void *arg)
{
	json_str(f, arg);
}

static void print_nums(FILE *f, const void *arg)
{
	(void)arg;
	json_num(f, 1.5);
	fputc(' ', f);
	json_num(f, NAN);
	fputc(' ', f);
	json_num(f, INFINITY);
	fputc(' ', f);
	json_u64(f, "n", 18446744073709551615ULL, ", ");
	json_dbl(f, "d", 2, ", ");
	json_kstr(f, "s", "x", "}");
}

TEST(json_escapes_and_numbers)
{
	char buf[256];

	CHECK_STR(test_print(buf, sizeof(buf), print_str, "a\"b\\c\n\x01"),
		  "\"a\\\"b\\\\c\\u000a\\u0001\"");
	CHECK_STR(test_print(buf, sizeof(buf), print_str, "lde null"),
		  "\"lde null\"");
	CHECK_STR(test_print(buf, sizeof(buf), print_nums, NULL),
		  "1.500 null "
		  "null \"n\": 18446744073709551615, \"d\": 2.000, \"s\": \"x\"}");
}

static void print_stats_json(FILE *f, const void *arg)
{
	const struct stats *st = arg;

	json_percentiles(f, st);
	fputs(" | ", f);
	json_hist(f, st->hist, STATS_BUCKETS);
}

static void print_stats_csv(FILE *f, const void *arg)
{
	render_csv_figures(f, arg, 7.25);
	fputc('|', f);
	csv_num(f, "%.2f", NAN);
	fputc('|', f);
	csv_num(f, "%.2f", 0.5);
}

TEST(json_and_csv_of_a_distribution)
{
	double ns[] = { 1, 2, 3, 300 };
	struct stats st;
	char buf[512];

	stats_compute(ns, ARRAY_SIZE(ns), &st);
	CHECK_STR(test_print(buf, sizeof(buf), print_stats_json, &st),
		  "\"min\": 1.000, \"p50\": 2.000, \"p90\": 300.000,"
		  " \"p99\": 300.000, \"max\": 300.000 | [{\"lo_ns\": 1,"
		  " \"count\": 1}, {\"lo_ns\": 2, \"count\": 2},"
		  " {\"lo_ns\": 256, \"count\": 1}]");
	CHECK_STR(test_print(buf, sizeof(buf), print_stats_csv, &st),
		  "1.0,2.0,300.0,300.0,300.0,7.2||0.50");
}

static void print_columns(FILE *f, const void *arg)
{
	render_columns(f);
	fputc('\n', f);
	render_figures(f, arg, 123456.7);
}

TEST(render_table_columns_line_up)
{
	double ns[] = { 2.25, 9999.9, 12345.6 };
	struct stats st;
	char buf[256];

	stats_compute(ns, ARRAY_SIZE(ns), &st);
	CHECK_STR(test_print(buf, sizeof(buf), print_columns, &st),
		  "     Min     P50     P90     P99     Max     Avg\n"
		  "     2.2  9999.9   12346   12346   12346  123457");
}

/* ---- spawn.c -------------------------------------------------------- */

TEST(spawn_returns_exit_status)
{
	char *const ok[] = { "true", NULL };
	char *const fail[] = { "false", NULL };
	char *const sh[] = { "sh", "-c", "kill -TERM $$", NULL };
	char *const none[] = { "/nonexistent/lde-test", NULL };

	CHECK_INT(spawn_run(ok, NULL), 0);
	CHECK_INT(spawn_run(fail, NULL), 1);
	CHECK_INT(spawn_run(sh, NULL), 128 + 15);
	errno = 0;
	CHECK(spawn_run(none, NULL) == -1 && errno == ENOENT);
}

TEST(spawn_gives_stdout_and_directory)
{
	char *const pwd[] = { "pwd", NULL };
	struct spawn_io io = { .err = -1, .dir = "/" };
	char buf[64] = "";
	FILE *f = tmpfile();

	if (!CHECK(f))
		return;
	io.out = fileno(f);
	CHECK_INT(spawn_run(pwd, &io), 0);
	rewind(f);
	CHECK(fgets(buf, sizeof(buf), f) && !strcmp(buf, "/\n"));
	fclose(f);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * bench_test.c - what bench/ reads and times on any host: cyclictest's
 * output, and the measuring loop around a plain call.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "bench/cyclictest.h"
#include "bench/footprint.h"
#include "bench/measure.h"
#include "bench/timerlat.h"
#include "bench/tsc.h"
#include "lib/common.h"
#include "lib/cpus.h"
#include "tests/test.h"

/* cyclictest -q -h: one "us count" line per bin, then its comments. */
static const char canned[] =
	"# /dev/cpu_dma_latency set to 0us\n"
	"000000 000000\n"
	"000001 000000\n"
	"000002 000060\n"
	"000003 000030\n"
	"000005 000008\n"
	"000040 000001\n"
	"000041 000000\n"
	"# Total: 000000100\n"
	"# Min Latencies: 00002\n"
	"# Avg Latencies: 00003\n"
	"# Max Latencies: 00150\n"
	"# Histogram Overflows: 00001\n";

TEST(cyclictest_reads_its_histogram)
{
	FILE *in = fmemopen((void *)canned, sizeof(canned) - 1, "r");
	char raw[1024] = "";
	FILE *out = fmemopen(raw, sizeof(raw), "w");
	struct stats st;
	uint64_t sum = 0;
	unsigned int b;

	if (!CHECK(in && out))
		return;
	CHECK(!cyclictest_read(in, &st, out));
	fclose(in);
	fclose(out);
	CHECK_INT(st.n, 100);
	/* Nearest rank over 1 us bins, each at its lower edge, in ns. */
	CHECK(st.p50 == 2000 && st.p90 == 3000 && st.p99 == 40000);
	CHECK(st.min == 2000 && st.mean == 3000 && st.max == 150000);
	for (b = 0; b < STATS_BUCKETS; b++)
		sum += st.hist[b];
	CHECK_INT(sum, 100);
	/* Each 1 us bin at its middle: 2.5 us is in [2048, 4096). */
	CHECK_INT(st.hist[12], 90);
	/* The empty bins are left out of the copy, the rest kept. */
	CHECK(!strstr(raw, "000001 000000") && !strstr(raw, "000041"));
	CHECK(strstr(raw, "000002 000060") && strstr(raw, "# Max"));
}

TEST(cyclictest_percentile_among_overflows_is_unknown)
{
	static const char over[] =
		"000002 000001\n# Histogram Overflows: 00009\n";
	FILE *in = fmemopen((void *)over, sizeof(over) - 1, "r");
	struct stats st;

	if (!CHECK(in))
		return;
	CHECK(!cyclictest_read(in, &st, NULL));
	fclose(in);
	CHECK_INT(st.n, 10);
	CHECK(st.p50 == 2000 || isnan(st.p50));
	CHECK(isnan(st.p99));
	CHECK(isnan(st.min));	/* no comments: not printed */
}

/* rtla timerlat hist -n -b 1000 -c 1: ns bins, IRQ and thread columns. */
static const char canned_timerlat[] =
	"# RTLA timerlat histogram\n"
	"# Time unit is nanoseconds (ns)\n"
	"# Duration:   0 00:00:01\n"
	"Index   IRQ-001   Thr-001\n"
	"2000         90         0\n"
	"5000          9        10\n"
	"9000          0        80\n"
	"40000         1         9\n"
	"over:         0         1\n"
	"count:      100       100\n"
	"min:       2100      5200\n"
	"avg:       2600      9800\n"
	"max:      40100    150000\n";

TEST(timerlat_reads_its_two_histograms)
{
	FILE *in = fmemopen((void *)canned_timerlat,
			    sizeof(canned_timerlat) - 1, "r");
	struct timerlat_stats tl;

	if (!CHECK(in))
		return;
	CHECK(!timerlat_read(in, &tl, NULL));
	fclose(in);
	CHECK_INT(tl.irq.n, 100);
	CHECK_INT(tl.thread.n, 100);
	/* Nearest rank over the bins, each at its lower edge. */
	CHECK(tl.irq.p50 == 2000 && tl.irq.p99 == 5000);
	CHECK(tl.thread.p50 == 9000 && tl.thread.p90 == 9000);
	CHECK(tl.thread.p99 == 40000);
	CHECK(tl.irq.min == 2100 && tl.thread.mean == 9800);
	CHECK(tl.thread.max == 150000);
	/* A 2 us bin at its middle, 2.5 us: in [2048, 4096). */
	CHECK_INT(tl.irq.hist[12], 90);
}

TEST(timerlat_without_a_histogram_is_an_error)
{
	static const char none[] = "rtla: could not enable timerlat\n";
	FILE *in = fmemopen((void *)none, sizeof(none) - 1, "r");
	struct timerlat_stats tl;

	if (!CHECK(in))
		return;
	errno = 0;
	CHECK(timerlat_read(in, &tl, NULL) == -1 && errno == EINVAL);
	fclose(in);
}

static int nothing(void *ctx)
{
	(void)ctx;
	return 0;
}

static int fails(void *ctx)
{
	(void)ctx;
	errno = EIO;
	return -1;
}

TEST(measure_times_and_counts_calls)
{
	struct measure_cfg cfg = {
		.loops = 200, .batch = 20, .budget_ns = 1e8, .keep = true,
	};
	struct subject s[] = {
		{ .name = "nothing", .fn = nothing },
		{ .name = "fails", .fn = fails },
	};
	struct result res[ARRAY_SIZE(s)];
	struct overhead ov;
	struct tsc tsc;

	if (!CHECK(cpus_pin(-1) >= 0) || !CHECK(!tsc_calibrate(&tsc)))
		return;
	if (!CHECK(!measure_run(&cfg, &tsc, s, ARRAY_SIZE(s), res, &ov)))
		return;
	CHECK_INT(res[0].samples, 200);
	CHECK_INT(res[0].errors, 0);
	CHECK(res[0].st.min >= 0 && res[0].st.p50 <= res[0].st.max);
	CHECK(res[0].ns && res[0].ns[0] <= res[0].ns[199]);
	CHECK(res[1].errors == res[1].calls && res[1].first_errno == EIO);
	CHECK(ov.sample_ns >= 0 && !isnan(ov.batch_ns));
	free(res[0].ns);
	free(res[1].ns);
}

/* Every layout times a visit, at 2 regions as at 1024; 0 is refused. */
TEST(footprint_times_every_layout)
{
	unsigned int l;
	struct tsc tsc;
	double ns;

	if (!CHECK(!tsc_calibrate(&tsc)))
		return;
	for (l = 0; l < FOOTPRINT_NR_LAYOUTS; l++) {
		CHECK(footprint_names[l] && *footprint_names[l]);
		CHECK(!footprint_ns(&tsc, l, 2, &ns) && ns > 0 && isfinite(ns));
		CHECK(!footprint_ns(&tsc, l, 1024, &ns) && ns > 0 &&
		      isfinite(ns));
		errno = 0;
		CHECK(footprint_ns(&tsc, l, 0, &ns) == -1 && errno == EINVAL);
	}
	/* The stacks and pages regions sit a page apart at least. */
	CHECK(footprint_stride(FOOTPRINT_STACKS) >= 2 * 4096);
	CHECK_INT(footprint_stride(FOOTPRINT_PACKED),
		  FOOTPRINT_LINES * FOOTPRINT_LINE);
}

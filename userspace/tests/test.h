/* SPDX-License-Identifier: GPL-2.0 */
/*
 * test.h - unit tests of the lde CLI, run on the host: no module, no VM.
 *
 * A test is a function; TEST() registers it (in the section lde_tests,
 * the way the kernel collects its initcalls), so that a new test is only
 * the test.  tests/main.c runs them all and prints KTAP:
 *
 *	TAP version 13
 *	1..42
 *	ok 1 duration_parse_units
 *	# tests/lib_test.c:31: duration_parse("1.5ms") == 1500000
 *	not ok 2 ...
 *
 * Use:
 *	TEST(duration_parse_units)
 *	{
 *		uint64_t ns;
 *
 *		CHECK(!duration_parse("1.5ms", &ns));
 *		CHECK_INT(ns, 1500000);
 *		CHECK_STR(duration_str(buf, sizeof(buf), ns), "1500us");
 *	}
 *
 * A failed CHECK says where and what, and the test goes on, so that one
 * run shows every failure.
 */
#ifndef LDE_TEST_H
#define LDE_TEST_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct test_ctx {
	unsigned int failed;	/* CHECKs that did not hold */
};

struct test {
	const char *name;
	const char *file;
	int line;
	void (*fn)(struct test_ctx *t);
};

/* The bounds of the section lde_tests, from the linker: every TEST(). */
extern const struct test *const __start_lde_tests[];
extern const struct test *const __stop_lde_tests[];

/* The path of the lde binary under test (tests/main.c's argument). */
extern const char *test_lde;

#define TEST(name_)							\
	static void test_##name_(struct test_ctx *t);			\
	static const struct test test_##name_##_entry = {		\
		#name_, __FILE__, __LINE__, test_##name_		\
	};								\
	static const struct test *const test_##name_##_ptr		\
	__attribute__((used, section("lde_tests"))) =			\
		&test_##name_##_entry;					\
	static void test_##name_(struct test_ctx *t)

/* Record a CHECK; false if it failed. */
bool test_check(struct test_ctx *t, bool ok, const char *file, int line,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#define CHECK(cond)							\
	test_check(t, (cond), __FILE__, __LINE__, "%s", #cond)

#define CHECK_INT(a, b)							\
	test_check(t, (long long)(a) == (long long)(b), __FILE__,	\
		   __LINE__, "%s is %lld, not %lld", #a, (long long)(a),	\
		   (long long)(b))

#define CHECK_STR(a, b)							\
	test_check(t, !strcmp((a), (b)), __FILE__, __LINE__,		\
		   "%s is \"%s\", not \"%s\"", #a, (a), (b))

/*
 * Run argv ({ test_lde, "trap", "--help", NULL }): its status, and its
 * stdout and stderr into out and err (NUL-terminated, cut at len).
 * -1 if it did not start.
 */
int test_run(char *const argv[], char *out, char *err, size_t len);

/* Everything f printed into a string: fn(f, arg) into buf. */
const char *test_print(char *buf, size_t len,
		       void (*fn)(FILE *f, const void *arg), const void *arg);

#endif /* LDE_TEST_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - run every TEST() of tests/, print KTAP, and exit 1 if one
 * failed.  make -C userspace test runs it; scripts/check runs that on the
 * host, before any VM, and counts each result.
 *
 *	tests/lde-test ./lde	the unit tests, and every command of ./lde
 *				(its --help, a bad usage)
 */
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/spawn.h"
#include "tests/test.h"

const char *test_lde;

bool test_check(struct test_ctx *t, bool ok, const char *file, int line,
		const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return true;
	t->failed++;
	printf("# %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	return false;
}

/* Read all of f into buf, NUL-terminated. */
static void slurp(FILE *f, char *buf, size_t len)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
}

int test_run(char *const argv[], char *out, char *err, size_t len)
{
	FILE *o = tmpfile(), *e = tmpfile();
	struct spawn_io io;
	int status = -1;

	if (!o || !e)
		goto out;
	fflush(stdout);
	io = (struct spawn_io){ .out = fileno(o), .err = fileno(e) };
	status = spawn_run(argv, &io);
	slurp(o, out, len);
	slurp(e, err, len);
out:
	if (o)
		fclose(o);
	if (e)
		fclose(e);
	return status;
}

const char *test_print(char *buf, size_t len,
		       void (*fn)(FILE *f, const void *arg), const void *arg)
{
	FILE *f = fmemopen(buf, len, "w");

	buf[0] = '\0';
	if (!f)
		return buf;
	fn(f, arg);
	fclose(f);
	return buf;
}

/* In the order of the files, and in each file of the lines. */
static int by_place(const void *a, const void *b)
{
	const struct test *x = *(const struct test *const *)a;
	const struct test *y = *(const struct test *const *)b;
	int c = strcmp(x->file, y->file);

	return c ? c : x->line - y->line;
}

int main(int argc, char **argv)
{
	size_t n = (size_t)(__stop_lde_tests - __start_lde_tests), i;
	const struct test **tests = malloc(n * sizeof(*tests) + 1);
	unsigned int failed = 0;

	if (!tests)
		return 1;
	test_lde = argc > 1 ? argv[1] : NULL;
	for (i = 0; i < n; i++)
		tests[i] = __start_lde_tests[i];
	qsort(tests, n, sizeof(*tests), by_place);
	printf("TAP version 13\n1..%zu\n", n);
	for (i = 0; i < n; i++) {
		struct test_ctx t = { .failed = 0 };

		tests[i]->fn(&t);
		printf("%s %zu %s\n", t.failed ? "not ok" : "ok", i + 1,
		       tests[i]->name);
		fflush(stdout);
		failed += !!t.failed;
	}
	printf("# %zu passed, %u failed\n", n - failed, failed);
	free(tests);
	return failed ? 1 : 0;
}

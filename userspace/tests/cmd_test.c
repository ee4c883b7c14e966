// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_test.c - every command of the registry (cmd/list.h), run as ./lde
 * on the host: its --help, its bad usages, its -a.  None of these needs
 * the module.  And the two commands that run without it.
 */
#include <stdio.h>

#include "cmd/cmd.h"
#include "tests/test.h"

#define OUT_MAX	65536

static char out[OUT_MAX], err[OUT_MAX];

/* ./lde a b c: its exit status; out and err hold what it printed. */
static int lde(const char *a, const char *b, const char *c)
{
	char *const argv[] = {
		(char *)test_lde, (char *)a, (char *)b, (char *)c, NULL,
	};

	return test_run(argv, out, err, sizeof(out));
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* argv[1] and, for "demo coop", argv[2] of command i. */
static void words(const struct cmd *c, size_t k, const char **w1,
		  const char **w2)
{
	*w1 = c->name;
	*w2 = NULL;
	if (c->help[k].synopsis && !strncmp(c->help[k].synopsis, "demo coop",
					    9))
		*w2 = "coop";
}

/* lde <cmd> [sub] <opt>: its status; opt shifted in after the words. */
static int lde_cmd(const char *w1, const char *w2, const char *opt)
{
	return w2 ? lde(w1, w2, opt) : lde(w1, opt, NULL);
}

TEST(cmd_every_command_has_help)
{
	char prefix[64];
	const char *w1, *w2;
	size_t i, k;

	if (!CHECK(test_lde))
		return;
	for (i = 0; i < nr_commands; i++) {
		for (k = 0; k < ARRAY_SIZE(commands[i]->help); k++) {
			if (!commands[i]->help[k].synopsis)
				continue;
			words(commands[i], k, &w1, &w2);
			snprintf(prefix, sizeof(prefix), "usage: lde %s", w1);
			CHECK_INT(lde_cmd(w1, w2, "--help"), 0);
			CHECK(starts(out, prefix) && !*err);
			CHECK_INT(lde_cmd(w1, w2, "-?"), 0);
			CHECK(starts(out, prefix) && !*err);
		}
	}
}

TEST(cmd_every_command_refuses_bad_usage)
{
	static const char *const bad[] = {
		"--no-such-option", "-Z", "unexpected",
	};
	const char *w1, *w2;
	size_t i, k, b;

	if (!CHECK(test_lde))
		return;
	for (i = 0; i < nr_commands; i++) {
		for (k = 0; k < ARRAY_SIZE(commands[i]->help); k++) {
			if (!commands[i]->help[k].synopsis)
				continue;
			words(commands[i], k, &w1, &w2);
			for (b = 0; b < ARRAY_SIZE(bad); b++) {
				if (!test_check(t, lde_cmd(w1, w2, bad[b]) ==
						EXIT_USAGE, __FILE__, __LINE__,
						"lde %s%s%s %s: not %d", w1,
						w2 ? " " : "", w2 ? w2 : "",
						bad[b], EXIT_USAGE))
					continue;
				CHECK(!*out && *err);
			}
		}
	}
}

TEST(cmd_a_refuses_an_offline_cpu)
{
	static const char *const with_a[][2] = {
		{ "trap", NULL }, { "ctx", NULL }, { "sched", NULL },
		{ "goals", NULL }, { "report", NULL }, { "demo", "coop" },
	};
	size_t i;

	if (!CHECK(test_lde))
		return;
	for (i = 0; i < ARRAY_SIZE(with_a); i++) {
		const char *w1 = with_a[i][0], *w2 = with_a[i][1];

		CHECK_INT(lde_cmd(w1, w2, "-a99999"), EXIT_USAGE);
		CHECK(strstr(err, "-a 99999: that CPU is offline or does not"
			     " exist"));
		CHECK_INT(lde_cmd(w1, w2, "-ax"), EXIT_USAGE);
		CHECK(strstr(err, "-a wants a number"));
	}
}

TEST(cmd_help_lists_every_command)
{
	size_t i;

	if (!CHECK(test_lde))
		return;
	CHECK_INT(lde("help", NULL, NULL), 0);
	CHECK(starts(out, "usage: lde <command> [options]\n\n"));
	for (i = 0; i < nr_commands; i++) {
		char line[64];

		snprintf(line, sizeof(line), "\n  %s ", commands[i]->name);
		CHECK(strstr(out, line));
	}
	CHECK(strstr(out, "\n  help               show this help\n"));
	CHECK_INT(lde(NULL, NULL, NULL), EXIT_USAGE);
	CHECK(starts(err, "usage: lde <command>") && !*out);
	CHECK_INT(lde("no-such-command", NULL, NULL), EXIT_USAGE);
	CHECK(starts(err, "lde: unknown command 'no-such-command'\n"));
}

TEST(cmd_trap_baseline_only_runs_anywhere)
{
	if (!CHECK(test_lde))
		return;
	CHECK_INT(lde("trap", "--baseline-only", "-l200"), 0);
	CHECK(starts(out, "lde trap: ns per call on CPU "));
	CHECK(strstr(out, "\nfunction call ") && strstr(out, "\ngetppid "));
	CHECK(strstr(out, "\nioctl(/dev/null) / getppid median: "));
	CHECK(!strstr(out, "\nlde null  "));	/* no row: no /dev/lde */
	CHECK_INT(lde("trap", "--baseline-only", "--json"), 0);
	CHECK(starts(out, "{\n  \"unit\": \"ns per call\",\n"));
	CHECK(strstr(out, "\"goal_null_vs_ioctl\": 1.10,"));
}

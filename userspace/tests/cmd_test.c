// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_test.c - every command of the registry (cmd/list.h), run as ./lde
 * (and lde demo coop) on the host: its --help, its bad usages, its -a.  None of these needs
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

/* Every command of the registry, and the subcommand with options of its own. */
static const char *const *command(size_t i)
{
	static const char *const demo_coop[] = { "demo", "coop" };
	static const char *w[2];

	if (i == nr_commands)
		return demo_coop;
	w[0] = commands[i].name;
	w[1] = NULL;
	return w;
}

/* lde <cmd> [sub] <opt>: its status. */
static int lde_cmd(const char *const *w, const char *opt)
{
	return w[1] ? lde(w[0], w[1], opt) : lde(w[0], opt, NULL);
}

TEST(cmd_every_command_has_help)
{
	const char *const *w;
	char prefix[64];
	size_t i;

	if (!CHECK(test_lde))
		return;
	for (i = 0; i <= nr_commands; i++) {
		w = command(i);
		snprintf(prefix, sizeof(prefix), "usage: lde %s%s%s", w[0],
			 w[1] ? " " : "", w[1] ? w[1] : "");
		CHECK_INT(lde_cmd(w, "--help"), 0);
		CHECK(starts(out, prefix) && !*err);
		CHECK_INT(lde_cmd(w, "-?"), 0);
		CHECK(starts(out, prefix) && !*err);
	}
}

TEST(cmd_every_command_refuses_bad_usage)
{
	static const char *const bad[] = {
		"--no-such-option", "-Z", "unexpected",
	};
	const char *const *w;
	size_t i, b;

	if (!CHECK(test_lde))
		return;
	for (i = 0; i <= nr_commands; i++) {
		w = command(i);
		for (b = 0; b < ARRAY_SIZE(bad); b++) {
			if (!test_check(t, lde_cmd(w, bad[b]) == EXIT_USAGE,
					__FILE__, __LINE__, "lde %s%s%s %s: not %d",
					w[0], w[1] ? " " : "", w[1] ? w[1] : "",
					bad[b], EXIT_USAGE))
				continue;
			CHECK(!*out && *err);
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
		CHECK_INT(lde_cmd(with_a[i], "-a99999"), EXIT_USAGE);
		CHECK(strstr(err, "-a 99999: that CPU is offline or does not"
			     " exist"));
		CHECK_INT(lde_cmd(with_a[i], "-ax"), EXIT_USAGE);
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

		snprintf(line, sizeof(line), "\n  %s ", commands[i].name);
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

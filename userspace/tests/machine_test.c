// SPDX-License-Identifier: GPL-2.0
/*
 * machine_test.c - lib/machine.c: the preemption model from its three
 * sources, and the facts read from a tree made here in place of /; and
 * the experiment machine (exp/machine.c), how report.json and summary.md
 * hold them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exp/exp.h"
#include "lib/machine.h"
#include "tests/test.h"

#define V_DYN	"#1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1 (2025-11-09)"
#define V_RT	"#1 SMP PREEMPT_RT Debian 6.12.57-1 (2025-11-05)"
#define V_FULL	"#1 SMP PREEMPT Thu Jan  1 00:00:00 UTC 2026"
#define V_NONE	"#1 SMP Thu Jan  1 00:00:00 UTC 2026"

TEST(machine_preempt_from_each_source)
{
	const char *from;

	CHECK_STR(machine_preempt("1", V_DYN, "", &from), "PREEMPT_RT");
	CHECK_STR(from, MACHINE_REALTIME);
	CHECK_STR(machine_preempt("", V_RT, "", &from), "PREEMPT_RT");
	CHECK_STR(from, "uname -v");
	CHECK_STR(machine_preempt("0", V_DYN, "none (voluntary) full",
				  &from), "voluntary");
	CHECK_STR(from, MACHINE_DYN_PREEMPT);
	CHECK_STR(machine_preempt("", V_DYN, "(none) voluntary full", &from),
		  "none");
	CHECK_STR(machine_preempt("", V_DYN, "none voluntary (full) lazy",
				  &from), "full");
	CHECK_STR(machine_preempt("", V_DYN, "none voluntary full (lazy)",
				  &from), "lazy");
	/* Without debugfs, PREEMPT_DYNAMIC says only that it can change. */
	CHECK_STR(machine_preempt("", V_DYN, "", &from), "dynamic");
	CHECK_STR(from, "uname -v");
	CHECK_STR(machine_preempt("", V_FULL, "", &from), "full");
	CHECK_STR(machine_preempt("", V_NONE, "", &from),
		  "none or voluntary");
	/* A word the file should not have: not taken for a model. */
	CHECK_STR(machine_preempt("", V_DYN, "none (bogus) full", &from),
		  "dynamic");
}

/* path under root, with text (mkdir -p of its folder first). */
static void put(const char *root, const char *path, const char *text)
{
	char full[512], cmd[600];
	FILE *f;

	snprintf(full, sizeof(full), "%s%s", root, path);
	snprintf(cmd, sizeof(cmd), "mkdir -p \"$(dirname '%s')\"", full);
	if (system(cmd))
		return;
	f = fopen(full, "we");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

TEST(machine_read_a_tree)
{
	char root[] = "/tmp/lde-machine-XXXXXX", cmd[64];
	struct machine m;

	if (!CHECK(mkdtemp(root)))
		return;
	put(root, MACHINE_REALTIME, "0\n");
	put(root, MACHINE_DYN_PREEMPT, "none (voluntary) full\n");
	put(root, MACHINE_CLOCKSOURCE, "tsc\n");
	put(root, MACHINE_VULNS "/spectre_v2",
	    "Mitigation: Retpolines; STIBP: disabled\n");
	put(root, MACHINE_VULNS "/meltdown", "Not affected\n");
	put(root, MACHINE_VULNS "/l1tf", "Not affected\n");
	machine_read(&m, root);
	CHECK_STR(m.preempt, "voluntary");
	CHECK_STR(m.preempt_from, MACHINE_DYN_PREEMPT);
	CHECK_STR(m.clocksource, "tsc");
	CHECK(*m.release && *m.version);
	if (CHECK_INT(m.nr_vulns, 3)) {
		/* In name order, each file's line without its newline. */
		CHECK_STR(m.vulns[0].name, "l1tf");
		CHECK_STR(m.vulns[1].name, "meltdown");
		CHECK_STR(m.vulns[2].name, "spectre_v2");
		CHECK_STR(m.vulns[2].state,
			  "Mitigation: Retpolines; STIBP: disabled");
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	CHECK(!system(cmd));
}

TEST(machine_read_where_nothing_is)
{
	struct machine m;

	machine_read(&m, "/nonexistent/lde");
	CHECK_INT(m.nr_vulns, 0);
	CHECK_STR(m.clocksource, "");
	/* uname -v alone decides, whatever this host runs. */
	CHECK(m.preempt && *m.preempt);
	CHECK_STR(m.preempt_from, "uname -v");
}

static struct exp_out machine_out;

static void print_json(FILE *f, const void *arg)
{
	(void)arg;
	exp_machine.json(f, NULL, &machine_out);
}

static void print_md(FILE *f, const void *arg)
{
	(void)arg;
	exp_machine.md(f, NULL, &machine_out);
}

TEST(machine_experiment_writes_json_and_md)
{
	struct machine m = {
		.release = "6.1.0-57-amd64", .version = V_DYN,
		.preempt = "voluntary", .preempt_from = MACHINE_DYN_PREEMPT,
		.clocksource = "tsc", .nr_vulns = 2,
		.vulns = { { "meltdown", "Not affected" },
			   { "spectre_v1", "Mitigation: \"usercopy\"" } },
	};
	char buf[2048];

	machine_out = (struct exp_out){ .state = EXP_OK, .st = &m };
	test_print(buf, sizeof(buf), print_json, NULL);
	CHECK(strstr(buf, ",\n  \"machine\": {\"kernel\": \"6.1.0-57-amd64\", "));
	CHECK(strstr(buf, "\"preempt\": \"voluntary\", "));
	CHECK(strstr(buf, "\"clocksource\": \"tsc\""));
	CHECK(strstr(buf, "\"spectre_v1\": \"Mitigation: \\\"usercopy\\\"\"}}"));
	test_print(buf, sizeof(buf), print_md, NULL);
	CHECK(strstr(buf, "## The machine"));
	CHECK(strstr(buf, "- preemption: voluntary (from " MACHINE_DYN_PREEMPT
		      ")\n"));
	CHECK(strstr(buf, "  - meltdown: Not affected\n"));
	/* Not run: nothing in report.json, and summary.md says so. */
	machine_out = (struct exp_out){ .state = EXP_NOT_RUN };
	test_print(buf, sizeof(buf), print_json, NULL);
	CHECK_STR(buf, "");
	test_print(buf, sizeof(buf), print_md, NULL);
	CHECK(strstr(buf, "Not read."));
}

// SPDX-License-Identifier: GPL-2.0
/*
 * goalout.c - the goals of "lde goals" for people (a table, the figures
 * behind each ratio, and what they mean) and for programs (--json).
 *
 * Use: see goals.h.
 */
#include <math.h>

#include "exp/goals.h"
#include "lib/json.h"

void goalout_table(FILE *f, const struct goal_runs *gr)
{
	const struct goal *g;
	unsigned int i;

	fprintf(f, "lde goals: lab CPU %u; every figure measured in this"
		" run\n\n", gr->cpu);
	fprintf(f, "%-42s %8s %8s  %s\n", "goal", "ratio", "target", "met");
	for (i = 0; i < NR_GOALS; i++) {
		g = &gr->goal[i];
		fprintf(f, "%-42s %8.3f %2s %5.2f  %s\n", g->what,
			goal_ratio(g), g->at_least ? ">=" : "<=", g->target,
			isnan(goal_ratio(g)) ? "n/a" :
			goal_met(g) ? "yes" : "NO");
	}
	fprintf(f, "\nThe figures (ns; the direct row in loop iterations per"
		" us):\n");
	for (i = 0; i < NR_GOALS; i++) {
		g = &gr->goal[i];
		fprintf(f, "  %-42s %s %.1f, %s %.1f\n", g->what, g->num_name,
			g->num, g->den_name, g->den);
	}
	fprintf(f, "  of which the timer's own lateness (expiry to handler),"
		" P99: %.1f\n", gr->timer_late_p99);
	fputs("\nWhat this shows: each ratio compares two figures measured side\n"
	      "by side, so it holds where absolute times do not (an emulated\n"
	      "CPU is 10 to 100 times slower than hardware).  Switch costs are\n"
	      "from leaving one guest to running the next; timer to guest is\n"
	      "from the timer's expiry to the next guest's first instruction,\n"
	      "and cyclictest's is from its timer's expiry to its thread\n"
	      "running.  Documentation/sched.md explains each figure.\n", f);
}

void goalout_json_goal(FILE *f, const struct goal *g)
{
	fputc('{', f);
	json_kstr(f, "key", g->key, ", ");
	json_kstr(f, "what", g->what, ", ");
	json_kstr(f, "num_name", g->num_name, ", ");
	json_dbl(f, "num", g->num, ", ");
	json_kstr(f, "den_name", g->den_name, ", ");
	json_dbl(f, "den", g->den, ", ");
	json_dbl(f, "ratio", goal_ratio(g), ", ");
	fprintf(f, "\"target\": %.2f, \"at_least\": %s, \"met\": %s}",
		g->target, g->at_least ? "true" : "false",
		goal_met(g) ? "true" : "false");
}

void goalout_json(FILE *f, const struct goal_runs *gr)
{
	unsigned int i;

	fprintf(f, "{\n  \"cpu\": %u,\n  \"goals\": [\n", gr->cpu);
	for (i = 0; i < NR_GOALS; i++) {
		fputs("    ", f);
		goalout_json_goal(f, &gr->goal[i]);
		fputs(i + 1 < NR_GOALS ? ",\n" : "\n", f);
	}
	fputs("  ],\n  \"timer_late_p99_ns\": ", f);
	json_num(f, gr->timer_late_p99);
	fputs("\n}\n", f);
}

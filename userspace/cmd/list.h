/* SPDX-License-Identifier: GPL-2.0 */
/*
 * list.h - the registry of commands, in the order "lde help" lists them:
 * each is one file of cmd/, named after it, with its line of lde help
 * (CMD_MORE: one more line for the command above).
 *
 * Not a header of its own: cmd.h expands it into declarations and
 * registry.c into the tables, each with its own CMD().
 */
CMD(trap, "trap [options]", "time lde's traps next to a function call,"
	" getppid,\nvDSO clock_gettime and ioctl(/dev/null) (lde trap --help)")
CMD(ctx, "ctx [options]", "time context switches: pipe and sched_yield"
	" ping-pong\non one CPU, per switch (lde ctx --help)")
CMD(info, "info", "show lde.ko's ABI version, its traps and their counters")
CMD(sched, "sched [options]", "run guests under lde's mini scheduler"
	" (lde sched --help)")
CMD(goals, "goals [options]", "the mini scheduler's goals, measured in one"
	" run\n(lde goals --help)")
CMD(report, "report [options]", "the whole lab in one run: JSON, CSV, plots"
	" and\nsummary.md in results/ (lde report --help)")
CMD(demo, "demo privileged", "run a privileged instruction in user mode,"
	" then via a trap")
CMD_MORE("demo coop", "a hog under cooperative scheduling, then under a"
	 " timer")

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * list.h - the registry of commands: one line each, in the order "lde
 * help" lists them.  Each is one file of cmd/, named after it.
 *
 * Not a header of its own: cmd.h expands it into declarations and main.c
 * into the table, each with its own CMD(name).
 */
CMD(trap)	/* time lde's traps next to a call and real syscalls */
CMD(ctx)	/* time user-space context switches */
CMD(info)	/* the ABI, the traps and how often each ran */
CMD(sched)	/* guests under lde's mini scheduler */
CMD(goals)	/* the mini scheduler's goals, in one run */
CMD(report)	/* the whole lab in one run, into results/ */
CMD(demo)	/* demo privileged, demo coop */

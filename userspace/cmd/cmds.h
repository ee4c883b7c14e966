/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmds.h - the subcommands of lde, one file each.
 *
 * Each gets argv shifted so that argv[0] is its own name ("trap"), the
 * way getopt() expects, and returns the process exit status.
 */
#ifndef LDE_CMDS_H
#define LDE_CMDS_H

#define EXIT_FAIL	1	/* could not do it, or it went wrong */
#define EXIT_USAGE	2	/* bad command line */

int cmd_trap(int argc, char **argv);	/* trap.c */
int cmd_info(int argc, char **argv);	/* info.c */
int cmd_demo(int argc, char **argv);	/* demo.c */
int cmd_ctx(int argc, char **argv);	/* ctx.c */
int cmd_sched(int argc, char **argv);	/* sched.c */
int cmd_goals(int argc, char **argv);	/* goals.c */
int cmd_report(int argc, char **argv);	/* report.c */

/* "lde demo coop", called by cmd_demo() with argv[0] == "coop". */
int demo_coop(int argc, char **argv);	/* demo_coop.c */

#endif /* LDE_CMDS_H */

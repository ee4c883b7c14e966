/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmd.h - the commands of lde: one file of cmd/ each, and their registry,
 * cmd/list.h, which is also the text of "lde help".  main.c dispatches
 * argv[1] through the table.
 *
 * A command gets argv shifted so that argv[0] is its own name ("trap"),
 * the way getopt() expects, and returns the process exit status (0,
 * EXIT_FAIL or EXIT_USAGE of lib/common.h).  --help prints its usage to
 * stdout and returns 0; a bad command line says why on stderr and
 * returns EXIT_USAGE.
 *
 *	int cmd_trap(int argc, char **argv)	// cmd/trap.c
 *	CMD(trap, "trap [options]", "time lde's traps ...")	// cmd/list.h
 */
#ifndef LDE_CMD_H
#define LDE_CMD_H

#include <stddef.h>

#include "lib/common.h"

struct cmd {
	const char *name;		/* argv[1] */
	int (*run)(int argc, char **argv);
};

/* One line of lde help: "  trap [options]     time lde's traps...". */
struct cmd_help {
	const char *synopsis;	/* "trap [options]" */
	const char *text;	/* what it does; '\n' starts a line below */
};

/* The registry, and lde help's lines, in cmd/list.h's order. */
extern const struct cmd commands[];
extern const size_t nr_commands;
extern const struct cmd_help cmd_help[];
extern const size_t nr_cmd_help;

/* Every command of cmd/list.h: int cmd_trap(int argc, char **argv)... */
#define CMD(name, synopsis, text)	cmd_##name(int argc, char **argv),
#define CMD_MORE(synopsis, text)
int
#include "cmd/list.h"
	cmd_list_end(void);	/* not a command: ends the declaration */
#undef CMD
#undef CMD_MORE

/* "lde demo coop", called by lde demo with argv[0] == "coop". */
int demo_coop(int argc, char **argv);

#endif /* LDE_CMD_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmd.h - a command of lde, one file of cmd/ each, and their registry,
 * cmd/list.h.  main.c dispatches argv[1] to one and prints "lde help"
 * from the same table.
 *
 * A command gets argv shifted so that argv[0] is its own name ("trap"),
 * the way getopt() expects, and returns the process exit status (0,
 * EXIT_FAIL or EXIT_USAGE of lib/common.h).  --help prints its usage to
 * stdout and returns 0; a bad command line says why on stderr and
 * returns EXIT_USAGE.
 *
 *	const struct cmd cmd_trap = {
 *		.name = "trap",
 *		.run = cmd_trap_run,
 *		.help = { { "trap [options]", "time lde's traps ...\n"
 *			    "(lde trap --help)" } },
 *	};
 */
#ifndef LDE_CMD_H
#define LDE_CMD_H

#include <stddef.h>

#include "lib/common.h"

/* One line of lde help: "  trap [options]     time lde's traps...". */
struct cmd_help {
	const char *synopsis;	/* "trap [options]" */
	const char *text;	/* what it does; '\n' starts a line below */
};

struct cmd {
	const char *name;			/* argv[1] */
	int (*run)(int argc, char **argv);
	struct cmd_help help[2];		/* lde help's lines */
};

/* The registry, in lde help's order: cmd/list.h. */
extern const struct cmd *const commands[];
extern const size_t nr_commands;

/* Every command of cmd/list.h, declared: cmd_trap, cmd_ctx... */
#define CMD(name)	cmd_##name,
extern const struct cmd
#include "cmd/list.h"
	cmd_list_end;	/* not a command: ends the declaration */
#undef CMD

/* "lde demo coop", called by lde demo with argv[0] == "coop". */
int demo_coop(int argc, char **argv);

#endif /* LDE_CMD_H */

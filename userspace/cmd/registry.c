// SPDX-License-Identifier: GPL-2.0
/*
 * registry.c - the tables of commands and of lde help's lines, built
 * from cmd/list.h, like perf's table of {name, summary, fn}: main.c
 * dispatches through one and prints the other, and tests/ run every
 * command's --help and a bad usage from it.
 */
#include "cmd/cmd.h"

#define CMD(name_, synopsis, text)	{ .name = #name_, .run = cmd_##name_ },
#define CMD_MORE(synopsis, text)
const struct cmd commands[] = {
#include "cmd/list.h"
};

#undef CMD
#undef CMD_MORE

const size_t nr_commands = ARRAY_SIZE(commands);

#define CMD(name_, synopsis, text)	{ synopsis, text },
#define CMD_MORE(synopsis, text)	{ synopsis, text },
const struct cmd_help cmd_help[] = {
#include "cmd/list.h"
	{ "help", "show this help" },
};

#undef CMD
#undef CMD_MORE

const size_t nr_cmd_help = ARRAY_SIZE(cmd_help);

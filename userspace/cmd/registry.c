// SPDX-License-Identifier: GPL-2.0
/*
 * registry.c - the table of commands, built from cmd/list.h: main.c
 * dispatches through it and prints "lde help" from it, and tests/ run
 * every command's --help and a bad usage from it.
 */
#include "cmd/cmd.h"

#define CMD(name)	(&cmd_##name),
const struct cmd *const commands[] = {
#include "cmd/list.h"
};
#undef CMD

const size_t nr_commands = ARRAY_SIZE(commands);

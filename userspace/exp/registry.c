// SPDX-License-Identifier: GPL-2.0
/*
 * registry.c - the table of experiments, built from exp/list.h.
 *
 * Like perf's builtin-bench.c: a table, not a script.  "lde report" is a
 * loop over it, and so are its files, its plots and its summary; a new
 * experiment is a file of exp/ and one line of list.h.
 *
 * Use: see exp.h.
 */
#include "exp/exp.h"
#include "lib/common.h"

#define EXP(name)	(&exp_##name),
const struct exp *const experiments[] = {
#include "exp/list.h"
};

#undef EXP

const size_t nr_experiments = ARRAY_SIZE(experiments);

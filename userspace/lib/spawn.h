/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spawn.h - run another program (cyclictest, perf, gnuplot) and wait for
 * it, with its output where we want it.
 *
 * Use:
 *	char *argv[] = { "gnuplot", "trap.gp", NULL };
 *	struct spawn_io io = { .out = -1, .err = log_fd, .dir = "results/x" };
 *	int st = spawn_run(argv, &io);
 *
 *	if (st < 0)
 *		perror("gnuplot");	// could not start it: ENOENT...
 *	else if (st)
 *		... it failed: its exit status, or 128 + the signal ...
 */
#ifndef LDE_SPAWN_H
#define LDE_SPAWN_H

#include <sys/types.h>

struct spawn_io {
	int out;		/* its stdout: this fd, or ours if -1 */
	int err;		/* its stderr: this fd, or ours if -1 */
	const char *dir;	/* its working directory, or NULL for ours */
};

/*
 * Start argv[0] (looked up in PATH unless it holds a '/') with argv.
 * Returns its pid, or -1 with errno set.
 */
pid_t spawn_start(char *const argv[], const struct spawn_io *io);

/*
 * Wait for pid.  Returns its exit status, 128 + the signal that killed
 * it (as the shell says), or -1 with errno set if waitpid() failed.
 */
int spawn_wait(pid_t pid);

/* spawn_start(), then spawn_wait(). */
int spawn_run(char *const argv[], const struct spawn_io *io);

#endif /* LDE_SPAWN_H */

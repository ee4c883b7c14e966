// SPDX-License-Identifier: GPL-2.0
/*
 * spawn.c - start a program with posix_spawn() and collect its status.
 *
 * posix_spawn() rather than fork() and exec(): the child gets exactly
 * what the file actions say (its stdout, stderr and working directory)
 * and nothing of our state runs in it.  Our own descriptors should be
 * O_CLOEXEC, so that the child holds none it was not given.
 *
 * Use: see spawn.h.
 */
#include <errno.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/spawn.h"

pid_t spawn_start(char *const argv[], const struct spawn_io *io)
{
	posix_spawn_file_actions_t fa;
	int err;
	pid_t pid;

	err = posix_spawn_file_actions_init(&fa);
	if (!err && io && io->out >= 0)
		err = posix_spawn_file_actions_adddup2(&fa, io->out,
						       STDOUT_FILENO);
	if (!err && io && io->err >= 0)
		err = posix_spawn_file_actions_adddup2(&fa, io->err,
						       STDERR_FILENO);
	/* glibc 2.29 and later; the child runs there, we stay. */
	if (!err && io && io->dir)
		err = posix_spawn_file_actions_addchdir_np(&fa, io->dir);
	if (!err)
		err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err) {
		errno = err;
		return -1;
	}
	return pid;
}

int spawn_wait(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

int spawn_run(char *const argv[], const struct spawn_io *io)
{
	pid_t pid = spawn_start(argv, io);

	return pid < 0 ? -1 : spawn_wait(pid);
}

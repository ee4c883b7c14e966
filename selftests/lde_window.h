/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lde_window.h - run a tracing tool (perf, bpftrace, trace-cmd) around a
 * window of the test's own work, and know exactly where that window is.
 *
 * Not a test itself.  Each of those tools traces while a command of its
 * own runs, and enables its events before it starts that command.  The
 * command we give it is a tiny shell script, "window", that creates the
 * file "go" and then waits for the file "done".  So everything the test
 * does after "go" appears and before it creates "done" is inside the
 * trace, and nothing it does before or after is: exact counts become
 * possible (N null traps are N lde:trap_enter events).
 *
 * The script, the tools' data and their output live in a private
 * directory under /tmp, removed by lde_window_cleanup().  Every wait is
 * bounded, generously: the bounds catch a tool that hangs, they are not a
 * time budget.  A tool that has not opened its window after
 * LDE_TOOL_START_S, or not ended LDE_TOOL_TIMEOUT_S after its window
 * closed, is killed.
 *
 * Define _GNU_SOURCE before including it (posix_spawn() takes environ).
 */
#ifndef _LDE_WINDOW_H
#define _LDE_WINDOW_H

#include <ftw.h>
#include <signal.h>
#include <spawn.h>

#include "lde_test.h"

/*
 * perf, bpftrace and trace-cmd start in seconds in a TCG VM, but they
 * read every process's maps and the kernel's symbols first: on a host
 * whose other core was busy, perf record had not opened its window after
 * 60 s.  Five minutes is far beyond any start that is merely slow.
 */
#define LDE_TOOL_START_S	300
/* From the window's end (or from its start, without a window) to exit. */
#define LDE_TOOL_TIMEOUT_S	300
#define LDE_WINDOW_POLL_NS	(20 * 1000 * 1000)

/* How often the window script looks for "done", in its sh syntax. */
#define LDE_WINDOW_SCRIPT_POLL	"0.05"

struct lde_window {
	char dir[64];		/* the private directory, or "" */
	pid_t pid;		/* the tool tracing the window, or 0 */
};

/* dir/name into buf (the directory's names are short: no truncation). */
static inline char *lde_window_path(const struct lde_window *w,
				    const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", w->dir, name);
	return buf;
}

/* Make the directory and the window script: 0 or -errno. */
static inline int lde_window_init(struct lde_window *w)
{
	char path[128];
	FILE *f;

	w->pid = 0;
	strcpy(w->dir, "/tmp/lde_trace.XXXXXX");
	if (!mkdtemp(w->dir)) {
		w->dir[0] = '\0';
		return -errno;
	}
	f = fopen(lde_window_path(w, "window", path, sizeof(path)), "w");
	if (!f)
		return -errno;
	/*
	 * A tool killed mid-window leaves its window script behind.  It
	 * ends once the directory is gone: an orphan that polled forever
	 * (a sleep every 50 ms, from the 9p root) outlived its test.
	 */
	fprintf(f, "#!/bin/sh\n: >%s/go\n", w->dir);
	fprintf(f, "while [ -d %s ] && [ ! -e %s/done ]; do sleep %s; done\n",
		w->dir, w->dir, LDE_WINDOW_SCRIPT_POLL);
	if (fclose(f) || chmod(path, 0700))
		return -errno;
	return 0;
}

/* Start argv with stdout and stderr into dir/out: its pid, or -errno. */
static inline pid_t lde_window_spawn(const struct lde_window *w,
				     char *const argv[], const char *out)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	char path[128];
	pid_t pid;
	int err;

	lde_window_path(w, out, path, sizeof(path));
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, path,
					 O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	/* A process group of its own: a kill reaches its window script. */
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&attr, 0);
	fflush(stdout);
	fflush(stderr);
	err = posix_spawn(&pid, argv[0], &fa, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	return err ? -err : pid;
}

/*
 * Wait for pid to exit, at most LDE_TOOL_TIMEOUT_S; kill it after that.
 * Its wait status, or -ETIMEDOUT (then it is killed and reaped).
 */
static inline int lde_wait_tool(pid_t pid)
{
	const struct timespec poll = { .tv_nsec = LDE_WINDOW_POLL_NS };
	time_t deadline = time(NULL) + LDE_TOOL_TIMEOUT_S;
	int status;

	while (time(NULL) < deadline) {
		pid_t got = waitpid(pid, &status, WNOHANG);

		if (got == pid)
			return status;
		if (got < 0)
			return -errno;
		nanosleep(&poll, NULL);
	}
	kill(-pid, SIGKILL);	/* the tool's process group */
	waitpid(pid, &status, 0);
	return -ETIMEDOUT;
}

/* Run argv to its end, output into dir/out: its wait status or -errno. */
static inline int lde_window_run(const struct lde_window *w,
				 char *const argv[], const char *out)
{
	pid_t pid = lde_window_spawn(w, argv, out);

	return pid < 0 ? pid : lde_wait_tool(pid);
}

/*
 * Start the tool argv, which must run dir/window as its command, and
 * wait until the window is open (dir/go exists), at most
 * LDE_TOOL_START_S.  0; -ECHILD if the tool ended first (its output is in
 * dir/out); -ETIMEDOUT (the tool is left running for
 * lde_window_cleanup()); or -errno.
 */
static inline int lde_window_open(struct lde_window *w, char *const argv[],
				  const char *out)
{
	const struct timespec poll = { .tv_nsec = LDE_WINDOW_POLL_NS };
	time_t deadline = time(NULL) + LDE_TOOL_START_S;
	char go[128];
	int status;

	w->pid = lde_window_spawn(w, argv, out);
	if (w->pid < 0) {
		int err = w->pid;

		w->pid = 0;
		return err;
	}
	lde_window_path(w, "go", go, sizeof(go));
	while (access(go, F_OK)) {
		if (waitpid(w->pid, &status, WNOHANG) == w->pid) {
			w->pid = 0;
			return -ECHILD;
		}
		if (time(NULL) >= deadline)
			return -ETIMEDOUT;
		nanosleep(&poll, NULL);
	}
	return 0;
}

/* Close the window and wait for the tool: its wait status, or -errno. */
static inline int lde_window_close(struct lde_window *w)
{
	char done[128];
	int fd, status;

	fd = open(lde_window_path(w, "done", done, sizeof(done)),
		  O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	close(fd);
	status = lde_wait_tool(w->pid);
	w->pid = 0;
	return status;
}

/* True if a wait status is a plain exit with status 0. */
static inline bool lde_exited_ok(int status)
{
	return status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Print dir/name (a tool's output) into the test's log, for a failure. */
static inline void lde_window_dump(const struct lde_window *w,
				   const char *name,
				   struct __test_metadata *_metadata)
{
	char path[128], line[512];
	int lines = 0;
	FILE *f;

	f = fopen(lde_window_path(w, name, path, sizeof(path)), "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f) && lines++ < 40) {
		line[strcspn(line, "\n")] = '\0';
		TH_LOG("%s: %s", name, line);
	}
	fclose(f);
}

static inline int lde_window_rm(const char *path, const struct stat *st,
				int type, struct FTW *ftw)
{
	return remove(path);
}

/* Kill a tool still running, remove the directory. */
static inline void lde_window_cleanup(struct lde_window *w)
{
	if (w->pid > 0) {
		kill(-w->pid, SIGKILL);	/* the tool and its window script */
		waitpid(w->pid, NULL, 0);
		w->pid = 0;
	}
	if (w->dir[0])
		nftw(w->dir, lde_window_rm, 8, FTW_DEPTH | FTW_PHYS);
	w->dir[0] = '\0';
}

#endif /* _LDE_WINDOW_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * machine.h - the facts of the running kernel that change what lde
 * measures: its release and version string, its preemption model, its
 * CPU vulnerability mitigations and its clocksource.
 *
 * Where each comes from:
 *   release, version  uname(2): uname -r, uname -v
 *   preemption        /sys/kernel/realtime (1 on PREEMPT_RT), then
 *                     /sys/kernel/debug/sched/preempt (PREEMPT_DYNAMIC:
 *                     "none (voluntary) full", the model in parentheses),
 *                     then uname -v's words (PREEMPT_RT, PREEMPT)
 *   mitigations       every file of /sys/devices/system/cpu/vulnerabilities
 *   clocksource       /sys/devices/system/clocksource/clocksource0/
 *                     current_clocksource
 *
 * Use:
 *	struct machine m;
 *
 *	machine_read(&m, "");		// "" is /; a tests' tree otherwise
 *	printf("%s, %s\n", m.release, m.preempt);
 */
#ifndef LDE_MACHINE_H
#define LDE_MACHINE_H

#include <stddef.h>

#define MACHINE_REALTIME	"/sys/kernel/realtime"
#define MACHINE_DYN_PREEMPT	"/sys/kernel/debug/sched/preempt"
#define MACHINE_VULNS		"/sys/devices/system/cpu/vulnerabilities"
#define MACHINE_CLOCKSOURCE \
	"/sys/devices/system/clocksource/clocksource0/current_clocksource"
#define MACHINE_MAX_VULNS	40	/* 6.1 has 14, 7.x about 25 */

/* One file of MACHINE_VULNS: "spectre_v2", "Mitigation: Retpolines...". */
struct machine_vuln {
	char name[48];
	char state[200];
};

struct machine {
	char release[65];		/* "6.1.0-57-amd64" */
	char version[160];		/* "#1 SMP PREEMPT_DYNAMIC Debian ..." */
	const char *preempt;		/* machine_preempt()'s word */
	const char *preempt_from;	/* the file, or "uname -v" */
	char clocksource[32];		/* "tsc", "arch_sys_counter"; or "" */
	unsigned int nr_vulns;		/* in name order */
	struct machine_vuln vulns[MACHINE_MAX_VULNS];
};

/*
 * Read them all under root ("" for this machine).  What a file does not
 * say stays "" (0 vulnerabilities when the folder is missing).
 */
void machine_read(struct machine *m, const char *root);

/*
 * The preemption model from what the three sources said ("" where one
 * was missing): "PREEMPT_RT", "full", "voluntary", "none" (or another
 * word the debugfs file has, such as "lazy"), "dynamic" (PREEMPT_DYNAMIC
 * without debugfs: the model it booted with is unknown), or "none or
 * voluntary" (uname -v shows neither).  *from says which source decided.
 */
const char *machine_preempt(const char *realtime, const char *version,
			    const char *dyn, const char **from);

/* The first line of root/path, without its newline, into buf: 0 or -1. */
int machine_line(const char *root, const char *path, char *buf, size_t len);

#endif /* LDE_MACHINE_H */

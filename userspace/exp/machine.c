// SPDX-License-Identifier: GPL-2.0
/*
 * machine.c - the experiment "machine": what every figure of the run was
 * measured on.  The kernel (release and version string), its preemption
 * model, its mitigations and its clocksource (lib/machine.c reads them),
 * and the CPU architecture lde was built for (arch/cpu_arch.h).
 *
 * It measures nothing and prints no progress line: its run only reads.
 * lde report keeps it in report.json ("machine", and "kernel" and "arch"
 * at the top, as before) and in summary.md ("The machine"), so that two
 * reports from two kernels say how their kernels differed.
 */
#include "arch/cpu_arch.h"
#include "exp/exp.h"
#include "lib/json.h"
#include "lib/machine.h"

static void run(const struct exp *x, struct session *s, struct exp_out *o)
{
	(void)x;
	(void)s;
	machine_read(o->st, "");
	exp_ok(o);
}

const struct machine *session_machine(const struct session *s)
{
	const struct exp_out *o = session_out(s, &exp_machine);

	return o && o->st && o->state == EXP_OK ? o->st : NULL;
}

const char *machine_arch(void)
{
	return cpu_arch.name;
}

static void md(FILE *f, const struct session *s, const struct exp_out *o)
{
	const struct machine *m = o->state == EXP_OK ? o->st : NULL;
	unsigned int i;

	(void)s;
	fputs("\n## The machine\n\n", f);
	if (!m) {
		fputs("Not read.\n", f);
		return;
	}
	fprintf(f, "- kernel: %s, `%s`, on %s\n", m->release, m->version,
		machine_arch());
	fprintf(f, "- preemption: %s (from %s)\n", m->preempt,
		m->preempt_from);
	fprintf(f, "- clocksource: %s\n", *m->clocksource ? m->clocksource :
		"(unknown)");
	fprintf(f, "- mitigations (%s):%s\n", MACHINE_VULNS,
		m->nr_vulns ? "" : " none listed");
	for (i = 0; i < m->nr_vulns; i++)
		fprintf(f, "  - %s: %s\n", m->vulns[i].name,
			m->vulns[i].state);
}

static void json(FILE *f, const struct session *s, const struct exp_out *o)
{
	const struct machine *m = o->state == EXP_OK ? o->st : NULL;
	unsigned int i;

	(void)s;
	if (!m)
		return;
	fputs(",\n  \"machine\": {", f);
	json_kstr(f, "kernel", m->release, ", ");
	json_kstr(f, "version", m->version, ", ");
	json_kstr(f, "arch", machine_arch(), ", ");
	json_kstr(f, "preempt", m->preempt, ", ");
	json_kstr(f, "preempt_from", m->preempt_from, ", ");
	json_kstr(f, "clocksource", m->clocksource, ",\n    ");
	fputs("\"mitigations\": {", f);
	for (i = 0; i < m->nr_vulns; i++)
		json_kstr(f, m->vulns[i].name, m->vulns[i].state,
			  i + 1 < m->nr_vulns ? ",\n      " : "");
	fputs("}}", f);
}

const struct exp exp_machine = {
	.name = "machine", .steps = 0,
	.size = sizeof(struct machine), .run = run,
	.md = md, .json = json,
};

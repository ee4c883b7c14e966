/* SPDX-License-Identifier: GPL-2.0 */
/*
 * labcpu.h - the lab CPU, the one CPU an experiment runs on: one rule
 * for every command.
 *
 * -a names it, and must name an online CPU.  Without -a it is the
 * highest-numbered CPU that is online and that this process may run on
 * (its affinity, which a cpuset or taskset narrows): CPU 0 usually takes
 * most interrupts and housekeeping, and the commands that time in user
 * space (lde trap, lde ctx, lde goals' ping-pong) must run there too.
 *
 * Use:
 *	int cpu = -1;
 *
 *	case 'a':
 *		if (labcpu_arg("lde sched", optarg, &cpu))
 *			return EXIT_USAGE;	// it said why
 *	...
 *	cpu = labcpu_pick("lde sched", cpu);	// -a's, or the default
 *	if (cpu < 0)
 *		return EXIT_FAIL;		// it said why
 */
#ifndef LDE_LABCPU_H
#define LDE_LABCPU_H

/* -a's argument: an online CPU into *cpu, or -1 after saying why. */
int labcpu_arg(const char *who, const char *arg, int *cpu);

/* cpu if >= 0, else the default above; -1 after saying why. */
int labcpu_pick(const char *who, int cpu);

#endif /* LDE_LABCPU_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * device.h - opening /dev/lde and asking it which traps it has.
 *
 * Use:
 *	int fd = lde_open();
 *	struct lde_traps t;
 *
 *	if (fd < 0) {
 *		lde_perror(errno);	// says what to do about it
 *		return 1;
 *	}
 *	if (lde_query(fd, &t) == 0) {
 *		... t.name[nr] for nr < t.nr, "" for an unused number ...
 *		lde_traps_free(&t);
 *	}
 */
#ifndef LDE_DEVICE_H
#define LDE_DEVICE_H

#include "lde.h"

/* _IOC_NR() is 8 bits wide, so no module can have more trap numbers. */
#define LDE_TRAPS_MAX	256

struct lde_traps {
	unsigned int abi_version;
	unsigned int nr;			/* trap slots */
	char (*name)[LDE_TRAP_NAME_LEN + 1];	/* NUL-terminated, printable */
};

/* open(LDE_DEVICE_PATH); returns the fd, or -1 with errno set. */
int lde_open(void);

/* Explain on stderr why lde_open() failed, with a hint what to do. */
void lde_perror(int err);

/* LDE_IOC_INFO, twice: for the count, then for the names. */
int lde_query(int fd, struct lde_traps *t);
void lde_traps_free(struct lde_traps *t);

/*
 * The traps this tool knows, by number: "null", "getpid", ... or NULL.
 * lde_trap_nr() maps a name back, or returns -1.
 */
const char *lde_trap_name(unsigned int nr);
int lde_trap_nr(const char *name);

#endif /* LDE_DEVICE_H */

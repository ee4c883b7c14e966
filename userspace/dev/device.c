// SPDX-License-Identifier: GPL-2.0
/*
 * device.c - the user side of the /dev/lde contract (module/uapi/lde.h).
 *
 * lde.h gives each trap a number; LDE_IOC_INFO gives each number a name.
 * We measure and explain only traps whose name and number both match what
 * this tool was written for, so a module that renumbered a trap is caught
 * instead of being timed under the wrong name.
 *
 * Use: see device.h.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "dev/device.h"
#include "lib/common.h"

/* Indexed by enum lde_trap_nr: lde.h's list, as the module's sysfs files. */
static const char *const known[] = {
	LDE_TRAPS(LDE_NAME, LDE_NAME)
};

const char *lde_trap_name(unsigned int nr)
{
	return nr < ARRAY_SIZE(known) ? known[nr] : NULL;
}

int lde_trap_nr(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(known); i++)
		if (known[i] && !strcmp(known[i], name))
			return (int)i;
	return -1;
}

int lde_open(void)
{
	return open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
}

void lde_perror(int err)
{
	const char *hint;

	switch (err) {
	case ENOENT:
	case ENODEV:
	case ENXIO:
		hint = ": is lde.ko loaded? (sudo insmod module/lde.ko)";
		break;
	case EACCES:
	case EPERM:
		hint = ": run as root, or load lde.ko with group=GID and run"
		       " as a member of that group";
		break;
	default:
		hint = "";
	}
	fprintf(stderr, "%s: %s%s\n", LDE_DEVICE_PATH, strerror(err), hint);
}

static int info(int fd, struct lde_info *in, char *names, size_t size)
{
	memset(in, 0, sizeof(*in));	/* flags and unused fields must be 0 */
	in->names = (__u64)(uintptr_t)names;
	in->names_size = (__u32)size;
	return ioctl(fd, LDE_IOC_INFO, in);
}

int lde_query(int fd, struct lde_traps *t)
{
	struct lde_info in;
	unsigned int i, nr;
	char *raw = NULL;
	int err;

	memset(t, 0, sizeof(*t));
	if (info(fd, &in, NULL, 0))
		return -1;
	t->abi_version = in.abi_version;
	nr = in.nr_traps;
	if (nr > LDE_TRAPS_MAX) {
		errno = EPROTO;
		return -1;
	}
	if (!nr)
		return 0;
	raw = calloc(nr, LDE_TRAP_NAME_LEN);
	t->name = calloc(nr, sizeof(*t->name));
	if (!raw || !t->name) {
		err = ENOMEM;
		goto fail;
	}
	if (info(fd, &in, raw, (size_t)nr * LDE_TRAP_NAME_LEN)) {
		err = errno;
		goto fail;
	}
	/* The table is fixed at load time, so the count cannot have grown. */
	if (in.nr_traps < nr)
		nr = in.nr_traps;
	for (i = 0; i < nr; i++) {
		char *s = t->name[i];
		size_t j;

		/* A full 16-byte name has no NUL: the extra byte adds one. */
		memcpy(s, raw + (size_t)i * LDE_TRAP_NAME_LEN,
		       LDE_TRAP_NAME_LEN);
		s[LDE_TRAP_NAME_LEN] = '\0';
		for (j = 0; s[j]; j++)
			if (!isprint((unsigned char)s[j]))
				s[j] = '?';
	}
	t->nr = nr;
	free(raw);
	return 0;
fail:
	free(raw);
	lde_traps_free(t);
	errno = err;
	return -1;
}

void lde_traps_free(struct lde_traps *t)
{
	free(t->name);
	t->name = NULL;
	t->nr = 0;
}

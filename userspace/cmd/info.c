// SPDX-License-Identifier: GPL-2.0
/*
 * info.c - "lde info": which traps does lde.ko offer, and how often did
 * each one run?
 *
 * The trap list comes from the LDE_IOC_INFO trap itself, the way a
 * program would discover it; the counters from sysfs, where the module
 * sums its per-CPU counts:
 *
 *	$ lde info
 *	lde.ko ABI version 1 (this tool: 1), 6 trap slots
 *
 *	  nr  name                 count
 *	   0  null                  4711
 *	   ...
 *
 * Run "lde trap" and then "lde info" again to watch the counters move.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "dev/device.h"

static void usage(FILE *f)
{
	fputs("usage: lde info\n"
	      "\n"
	      "Show lde.ko's ABI version, its traps (number and name, from"
	      " LDE_IOC_INFO)\nand how often each has run (from "
	      LDE_SYSFS_TRAPS "/<name>).\n", f);
}

/* Read LDE_SYSFS_TRAPS/<name>: one decimal number.  0, or -1 and errno. */
static int read_counter(const char *name, unsigned long long *val)
{
	char path[sizeof(LDE_SYSFS_TRAPS) + LDE_TRAP_NAME_LEN + 2];
	char buf[32], *end;
	FILE *f;

	/* The name comes from the kernel; keep it inside the directory. */
	if (strchr(name, '/') || name[0] == '.') {
		errno = EINVAL;
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s", LDE_SYSFS_TRAPS, name);
	f = fopen(path, "re");
	if (!f)
		return -1;
	if (!fgets(buf, sizeof(buf), f)) {
		fclose(f);
		errno = EIO;
		return -1;
	}
	fclose(f);
	errno = 0;
	*val = strtoull(buf, &end, 10);
	if (errno || end == buf || (*end && *end != '\n')) {
		errno = EPROTO;
		return -1;
	}
	return 0;
}

int cmd_info(int argc, char **argv)
{
	struct lde_traps t;
	unsigned long long count;
	int fd, ret = 0;
	unsigned int nr;

	if (argc > 1) {
		bool help = !strcmp(argv[1], "--help") || !strcmp(argv[1], "-?");

		usage(help ? stdout : stderr);
		return help ? 0 : EXIT_USAGE;
	}
	fd = lde_open();
	if (fd < 0) {
		lde_perror(errno);
		return EXIT_FAIL;
	}
	if (lde_query(fd, &t)) {
		perror("lde info: LDE_IOC_INFO");
		close(fd);
		return EXIT_FAIL;
	}
	close(fd);

	printf("lde.ko ABI version %u (this tool: %u), %u trap slots\n\n",
	       t.abi_version, (unsigned int)LDE_ABI_VERSION, t.nr);
	printf("  nr  %-16s %12s\n", "name", "count");
	for (nr = 0; nr < t.nr; nr++) {
		const char *name = t.name[nr];

		if (!*name) {
			printf("  %2u  %-16s\n", nr, "(unused)");
		} else if (read_counter(name, &count)) {
			printf("  %2u  %-16s %12s\n", nr, name, "?");
			fprintf(stderr, "lde info: %s/%s: %s\n",
				LDE_SYSFS_TRAPS, name, strerror(errno));
			ret = EXIT_FAIL;
		} else {
			printf("  %2u  %-16s %12llu\n", nr, name, count);
		}
	}
	printf("\nCounts are every dispatch of each trap since lde.ko loaded,"
	       " on all CPUs;\nthey include the two info traps this command"
	       " just made.\n");
	if (t.abi_version != LDE_ABI_VERSION) {
		fprintf(stderr, "lde info: lde.ko speaks ABI version %u, this"
			" tool %u: build both from the same tree\n",
			t.abi_version, (unsigned int)LDE_ABI_VERSION);
		ret = EXIT_FAIL;
	}
	lde_traps_free(&t);
	return ret;
}

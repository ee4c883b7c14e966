// SPDX-License-Identifier: GPL-2.0
/*
 * machine.c - read the running kernel's facts (machine.h).
 *
 * Only files and uname(2): nothing here knows lde.  Every path is taken
 * under a root, so that the unit tests can give it a tree of their own.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "lib/common.h"
#include "lib/machine.h"

/* The models a PREEMPT_DYNAMIC kernel can boot with (preempt=). */
static const char *const dyn_models[] = { "none", "voluntary", "full", "lazy" };

int machine_line(const char *root, const char *path, char *buf, size_t len)
{
	char full[512];
	FILE *f;
	int ret = 0;

	buf[0] = '\0';
	snprintf(full, sizeof(full), "%s%s", root, path);
	f = fopen(full, "re");
	if (!f)
		return -1;
	if (!fgets(buf, (int)len, f)) {
		buf[0] = '\0';
		ret = -1;
	}
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return ret;
}

/* Is word in s, as a word of its own (between spaces or the ends)? */
static int has_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = strstr(s, word); p; p = strstr(p + 1, word))
		if ((p == s || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

/* The word in parentheses of "none (voluntary) full", or NULL. */
static const char *dyn_model(const char *dyn)
{
	const char *open = strchr(dyn, '('), *close;
	size_t i;

	if (!open)
		return NULL;
	close = strchr(open, ')');
	if (!close)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(dyn_models); i++)
		if ((size_t)(close - open - 1) == strlen(dyn_models[i]) &&
		    !strncmp(open + 1, dyn_models[i], close - open - 1))
			return dyn_models[i];
	return NULL;
}

const char *machine_preempt(const char *realtime, const char *version,
			    const char *dyn, const char **from)
{
	const char *model;

	*from = MACHINE_REALTIME;
	if (realtime[0] == '1')
		return "PREEMPT_RT";
	*from = "uname -v";
	if (has_word(version, "PREEMPT_RT"))
		return "PREEMPT_RT";
	*from = MACHINE_DYN_PREEMPT;
	model = dyn_model(dyn);
	if (model)
		return model;
	*from = "uname -v";
	if (has_word(version, "PREEMPT"))
		return "full";
	if (has_word(version, "PREEMPT_DYNAMIC"))
		return "dynamic";
	return "none or voluntary";
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct machine_vuln *)a)->name,
		      ((const struct machine_vuln *)b)->name);
}

static void read_vulns(struct machine *m, const char *root)
{
	char dir[512], path[600];
	struct dirent *e;
	DIR *d;

	m->nr_vulns = 0;
	snprintf(dir, sizeof(dir), "%s%s", root, MACHINE_VULNS);
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d)) && m->nr_vulns < MACHINE_MAX_VULNS) {
		struct machine_vuln *v = &m->vulns[m->nr_vulns];

		/* Names are short ("spectre_v2"); skip one that is not. */
		if (e->d_name[0] == '.' || strlen(e->d_name) >= sizeof(v->name))
			continue;
		memcpy(v->name, e->d_name, strlen(e->d_name) + 1);
		snprintf(path, sizeof(path), "%s/%s", MACHINE_VULNS, e->d_name);
		machine_line(root, path, v->state, sizeof(v->state));
		m->nr_vulns++;
	}
	closedir(d);
	qsort(m->vulns, m->nr_vulns, sizeof(m->vulns[0]), by_name);
}

void machine_read(struct machine *m, const char *root)
{
	char realtime[8], dyn[80];
	struct utsname u;

	memset(m, 0, sizeof(*m));
	if (!uname(&u)) {
		snprintf(m->release, sizeof(m->release), "%s", u.release);
		snprintf(m->version, sizeof(m->version), "%s", u.version);
	}
	machine_line(root, MACHINE_REALTIME, realtime, sizeof(realtime));
	machine_line(root, MACHINE_DYN_PREEMPT, dyn, sizeof(dyn));
	m->preempt = machine_preempt(realtime, m->version, dyn,
				     &m->preempt_from);
	machine_line(root, MACHINE_CLOCKSOURCE, m->clocksource,
		     sizeof(m->clocksource));
	read_vulns(m, root);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * lde_access_test - who may open /dev/lde when lde.ko is loaded with its
 * default parameters: the node is a char device, mode 0600 root:root, and
 * an ordinary user is refused with EACCES (uapi/lde.h, "EACCES").
 *
 * Needs lde.ko loaded without group= (SKIPs otherwise); the open tests
 * need root.  lde_module_test covers group=GID.
 *
 * Run:	make -C selftests run_tests		(all lde selftests)
 *	./lde_access_test			(this one, from selftests/)
 */
#define _GNU_SOURCE
#include <sys/sysmacros.h>

#include "lde_test.h"

/* Where lde.ko shows the group= it was loaded with (-1: none). */
#define LDE_PARAM_GROUP		"/sys/module/lde/parameters/group"

/* The group= lde.ko was loaded with, or -1 if none (or not shown). */
static long loaded_group(void)
{
	char buf[32];

	if (lde_read_text(LDE_PARAM_GROUP, buf, sizeof(buf)) <= 0)
		return -1;
	return strtol(buf, NULL, 10);
}

/* Child of lde_run_as(): the errno of opening /dev/lde, 0 if it opened. */
static int open_errno(void)
{
	static const int modes[] = { O_RDWR, O_RDONLY, O_WRONLY };
	unsigned int i;
	int fd;

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		fd = open(LDE_DEVICE_PATH, modes[i] | O_CLOEXEC);
		if (fd >= 0)
			return 0;
		if (errno != EACCES)
			return errno;
	}
	return EACCES;
}

FIXTURE(node) {
	struct stat st;
};

FIXTURE_SETUP(node)
{
	long group = loaded_group();

	if (stat(LDE_DEVICE_PATH, &self->st) && errno == ENOENT)
		LDE_SETUP_SKIP("module not loaded (%s missing)",
			       LDE_DEVICE_PATH);
	ASSERT_EQ(0, stat(LDE_DEVICE_PATH, &self->st));
	if (group >= 0)
		LDE_SETUP_SKIP("lde loaded with group=%ld, not the default",
			       group);
}

FIXTURE_TEARDOWN(node)
{
}

/* The node is a character device. */
TEST_F(node, is_char_device)
{
	ASSERT_TRUE(S_ISCHR(self->st.st_mode))
		TH_LOG("st_mode %#o", self->st.st_mode);
}

/* The node is the lde device itself: its dev_t is the one sysfs shows. */
TEST_F(node, is_the_lde_device)
{
	unsigned int major, minor;
	FILE *f;

	f = fopen("/sys/class/lde/lde/dev", "re");
	ASSERT_NE(NULL, f);
	ASSERT_EQ(2, fscanf(f, "%u:%u", &major, &minor));
	fclose(f);
	EXPECT_EQ(major, major(self->st.st_rdev));
	EXPECT_EQ(minor, minor(self->st.st_rdev));
}

/* By default the node is mode 0600: no access for group or others. */
TEST_F(node, mode_0600)
{
	ASSERT_EQ(0600U, self->st.st_mode & 07777)
		TH_LOG("mode %04o", self->st.st_mode & 07777);
}

/* By default the node belongs to root:root. */
TEST_F(node, owned_by_root)
{
	EXPECT_EQ(0U, self->st.st_uid);
	EXPECT_EQ(0U, self->st.st_gid);
}

/* Root opens the node: the refusal below is about who, not the node. */
TEST_F(node, root_can_open)
{
	int fd;

	if (geteuid())
		SKIP(return, "needs root");
	fd = open(LDE_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, fd) TH_LOG("open: %s", strerror(errno));
	close(fd);
}

/* An ordinary user (nobody, no groups) is refused with EACCES, any mode. */
TEST_F(node, user_refused_eacces)
{
	if (geteuid())
		SKIP(return, "needs root");
	ASSERT_EQ(EACCES, lde_run_as(LDE_NOBODY, LDE_NOBODY, open_errno));
}

/* A user whose only group is root's is refused too: mode 0600, not 0660. */
TEST_F(node, root_group_member_refused_eacces)
{
	if (geteuid())
		SKIP(return, "needs root");
	ASSERT_EQ(EACCES, lde_run_as(LDE_NOBODY, 0, open_errno));
}

TEST_HARNESS_MAIN

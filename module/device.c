// SPDX-License-Identifier: GPL-2.0
/*
 * device.c - /dev/lde, the only door from user space into the trap table.
 *
 * Every ioctl on the node is a trap: device.c passes the command word and
 * the argument straight to lde_trap() (trap.c) and copies nothing itself.
 *
 * It is a plain char device, not a misc device, because only a device_type
 * devnode() callback can give the node a group when devtmpfs creates it.
 *
 * Usage:
 *	insmod lde.ko			# /dev/lde is 0600 root:root
 *	insmod lde.ko group=1000	# /dev/lde is 0660 root:1000
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uidgid.h>

#include "device.h"
#include "trap.h"

static int group = -1;
module_param(group, int, 0444);
MODULE_PARM_DESC(group,
		 "gid that may open /dev/lde (mode 0660); -1: root only (0600)");

struct lde_chardev {
	struct device dev;
	struct cdev cdev;
};

static struct class *lde_class;
static struct lde_chardev *lde_chardev;

static long lde_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return lde_trap(cmd, arg);
}

/*
 * .owner makes every open file hold a reference on the module, so rmmod
 * fails with EBUSY while any thread could still be inside a trap, instead
 * of freeing code that thread is running.
 */
static const struct file_operations lde_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= lde_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static char *lde_devnode(devnode_const struct device *dev, umode_t *mode,
			 kuid_t *uid, kgid_t *gid)
{
	if (mode)
		*mode = group < 0 ? 0600 : 0660;
	if (gid && group >= 0)
		*gid = make_kgid(&init_user_ns, group);
	return NULL;	/* keep the name: /dev/lde */
}

static const struct device_type lde_device_type = {
	.name		= "lde",
	.devnode	= lde_devnode,
};

static void lde_chardev_release(struct device *dev)
{
	kfree(container_of(dev, struct lde_chardev, dev));
}

static bool group_param_valid(void)
{
	if (group == -1)
		return true;
	return group >= 0 && gid_valid(make_kgid(&init_user_ns, group));
}

int __init lde_device_init(void)
{
	struct lde_chardev *cd;
	dev_t devt;
	int err;

	if (!group_param_valid()) {
		pr_err("group=%d is not a valid gid (or -1)\n", group);
		return -EINVAL;
	}

	err = alloc_chrdev_region(&devt, 0, 1, "lde");
	if (err)
		return err;

	lde_class = class_create("lde");
	if (IS_ERR(lde_class)) {
		err = PTR_ERR(lde_class);
		goto err_unregister_region;
	}

	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd) {
		err = -ENOMEM;
		goto err_destroy_class;
	}
	device_initialize(&cd->dev);
	cd->dev.devt = devt;
	cd->dev.class = lde_class;
	cd->dev.type = &lde_device_type;
	cd->dev.groups = lde_trap_groups;
	cd->dev.release = lde_chardev_release;
	err = dev_set_name(&cd->dev, "lde");
	if (err)
		goto err_put_device;

	cdev_init(&cd->cdev, &lde_fops);
	cd->cdev.owner = THIS_MODULE;
	/* Adds the cdev and the device together: no window with half a door. */
	err = cdev_device_add(&cd->cdev, &cd->dev);
	if (err)
		goto err_put_device;

	lde_chardev = cd;
	return 0;

err_put_device:
	put_device(&cd->dev);	/* frees cd through lde_chardev_release() */
err_destroy_class:
	class_destroy(lde_class);
err_unregister_region:
	unregister_chrdev_region(devt, 1);
	return err;
}

void lde_device_exit(void)
{
	dev_t devt = lde_chardev->dev.devt;

	cdev_device_del(&lde_chardev->cdev, &lde_chardev->dev);
	put_device(&lde_chardev->dev);
	class_destroy(lde_class);
	unregister_chrdev_region(devt, 1);
}

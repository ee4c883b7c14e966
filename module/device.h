/* SPDX-License-Identifier: GPL-2.0 */
/* device.h - /dev/lde, the door into the trap table (device.c). */
#ifndef _LDE_DEVICE_H
#define _LDE_DEVICE_H

int lde_device_init(void);
void lde_device_exit(void);

#endif /* _LDE_DEVICE_H */

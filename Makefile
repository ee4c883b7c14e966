# SPDX-License-Identifier: GPL-2.0
#
# lde - limited direct execution, as a kernel lab.
#
#   make            build lde.ko, the lde CLI and the selftests
#   make run        set up, build, boot the VM, load lde.ko, run the benchmark
#   make check      set up, build, boot the VM, load lde.ko, run the selftests
#   make style      checkpatch on every C file (script from linux-source-6.1)
#   make sparse     the module through sparse
#   make install    install lde.ko for the running kernel (modules_install)
#   make dkms-install   register with DKMS (dkms.conf)
#
# KDIR is the kernel build tree: the running kernel's if it has one (a
# user's own VM), else the headers of the kernel scripts/vm boots.

KVER := $(shell scripts/kver)
KDIR ?= $(firstword $(wildcard /lib/modules/$(shell uname -r)/build) \
		    /usr/src/linux-headers-$(KVER))

all: module userspace selftests

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

userspace:
	$(MAKE) -C userspace

selftests:
	$(MAKE) -C selftests

setup:
	scripts/setup

# Each step is a sub-make so that KDIR is worked out after setup ran.
run:
	scripts/setup
	$(MAKE) all
	scripts/run

check:
	scripts/setup
	$(MAKE) all
	scripts/check

CHECKPATCH := .cache/checkpatch/scripts/checkpatch.pl
$(CHECKPATCH):
	scripts/extract-linux-source .cache/checkpatch scripts/checkpatch.pl \
		scripts/spelling.txt scripts/const_structs.checkpatch

# ENOSYS is ignored because an unknown trap number is exactly lde's
# "invalid syscall nr", the one use the check allows.
STYLE_FILES = $(filter-out %.mod.c,$(wildcard module/*.[ch] module/uapi/*.h \
		userspace/*.[ch] selftests/*.[ch]))
style: $(CHECKPATCH)
	$(CHECKPATCH) --no-tree --quiet --strict --show-types --ignore ENOSYS \
		-f $(STYLE_FILES)

sparse:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 C=2 CHECK=sparse modules

install:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install

dkms-install:
	dkms install $(CURDIR)

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C userspace clean
	$(MAKE) -C selftests clean

.PHONY: all module userspace selftests setup run check style sparse \
	install dkms-install clean

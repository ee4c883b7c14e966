# SPDX-License-Identifier: GPL-2.0
#
# lde - limited direct execution, as a kernel lab.
#
#   make            build lde.ko, the lde CLI and the selftests
#   make run        set up, build, boot the VM, load lde.ko, run the benchmark
#   make check      set up, then for every kernel of the table: build lde.ko
#                   for it, boot it in a VM, load lde.ko, run the selftests
#   make check KERNELS="6.1 6.12-rt"    the same on some of them (all: every one)
#   make run KERNELS="6.1 6.12-rt"      lde report on each, then a page
#                   across them (scripts/compare-runs): the figures and the
#                   goals per kernel, x86-64 and arm64
#   make ARCH=arm64 [run|check]         the same for arm64: cross-built,
#                   booted under qemu-system-aarch64 (arm64 kernels only)
#   make kernels    build/<abi>/lde.ko for each kernel in KERNELS
#   make style      checkpatch on every C file (script from linux-source-6.1)
#   make sparse     the module through sparse
#   make install    install lde.ko for the running kernel (modules_install)
#   make dkms-install   register with DKMS (dkms.conf)
#
# KDIR is the kernel build tree: the running kernel's if it has one (a
# user's own VM), else the headers of the kernel scripts/vm boots by
# default (Debian 12's 6.1).
#
# KERNELS are the kernels of the table (scripts/kernels) that make check and
# make kernels cover: by default 6.1, 6.12, 6.12-rt, the newest (Debian
# sid's), 6.1-arm64 and newest-arm64; KERNELS=all adds the debug kernel,
# which CI's 90 minutes leave out.  Each has its own build,
# build/<abi>/lde.ko.
#
# ARCH, in the kernel's names (x86, arm64), is the architecture built
# for; left out, this machine's.  Given on the command line, it also
# narrows KERNELS to that architecture's.  When it is not this machine's,
# everything is cross-built (CROSS_COMPILE, by default gcc-aarch64-linux-gnu
# for arm64) into build/, apart from this machine's own build: lde.ko into
# build/<abi>/ for each kernel in KERNELS, lde into build/<arch>/userspace
# and the selftests into build/<arch>/selftests, where scripts/vm --arch
# finds them.

KVER := $(shell scripts/kver)
KDIR ?= $(firstword $(wildcard /lib/modules/$(shell uname -r)/build) \
		    /usr/src/linux-headers-$(KVER))
HOST_ARCH := $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')
ifeq ($(origin ARCH),command line)
override ARCH := $(patsubst x86_64,x86,$(patsubst aarch64,arm64,$(ARCH)))
KERNELS ?= $(shell scripts/kernels list $(ARCH))
else
ARCH := $(HOST_ARCH)
KERNELS ?= $(shell scripts/kernels list)
endif
# KERNELS=all: every kernel of the table, whatever ARCH.
KERNELS_GIVEN := $(filter command line,$(origin KERNELS))
override KERNELS := $(if $(filter all,$(KERNELS)),\
		    $(shell scripts/kernels list all),$(KERNELS))
# The architectures of kernels $(1): user space is built for each.
archs_of = $(sort $(foreach k,$(1),\
	   $(word 2,$(subst |, ,$(shell scripts/kernels row $(k))))))
KERNEL_ARCHS = $(call archs_of,$(KERNELS))

all: module userspace selftests

ifeq ($(ARCH),$(HOST_ARCH))
module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

userspace:
	$(MAKE) -C userspace

selftests:
	$(MAKE) -C selftests
else
CROSS_x86 := x86_64-linux-gnu-
CROSS_arm64 := aarch64-linux-gnu-
CROSS_COMPILE ?= $(CROSS_$(ARCH))
OUT := $(CURDIR)/build/$(ARCH)

# The first kernel of the architecture (6.1-arm64), or those in KERNELS.
# '+': the kernel's make under it shares make -j's jobs (and says nothing).
module:
	+@for k in $(if $(filter command line,$(origin KERNELS)),$(KERNELS),\
		  $(firstword $(KERNELS))); do \
		scripts/build-module -q $$k || exit 1; done

userspace:
	$(MAKE) -C userspace ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) \
		OUT=$(OUT)/userspace

selftests:
	$(MAKE) -C selftests ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) \
		OUT=$(OUT)/selftests
endif

kernels:
	scripts/setup $(KERNELS)
	+@for k in $(KERNELS); do scripts/build-module -q $$k || exit 1; done

setup:
	scripts/setup $(KERNELS)

# Each step is a sub-make so that KDIR is worked out after setup ran.
# make run: the report on ARCH's first kernel; make run KERNELS="..." (or
# all): on each of them, then one page across them (scripts/compare-runs).
RUN_KERNEL := $(if $(filter x86,$(ARCH)),6.1,6.1-$(ARCH))
RUN_KERNELS = $(if $(KERNELS_GIVEN),$(KERNELS),$(RUN_KERNEL))
run:
	scripts/setup $(RUN_KERNELS)
	$(MAKE) all
	@for a in $(filter-out $(ARCH),$(call archs_of,$(RUN_KERNELS))); do \
		$(MAKE) ARCH=$$a userspace || exit 1; done
	+@for k in $(RUN_KERNELS); do scripts/build-module -q $$k || exit 1; done
	scripts/run $(addprefix --kernel ,$(RUN_KERNELS))

check:
	scripts/setup $(KERNELS)
	$(MAKE) all
	@for a in $(filter-out $(ARCH),$(KERNEL_ARCHS)); do \
		$(MAKE) ARCH=$$a userspace selftests || exit 1; done
	scripts/check $(KERNELS)

CHECKPATCH := .cache/checkpatch/scripts/checkpatch.pl
$(CHECKPATCH):
	scripts/extract-linux-source .cache/checkpatch scripts/checkpatch.pl \
		scripts/spelling.txt scripts/const_structs.checkpatch

# checkpatch --strict on all our C, in three groups.  Everywhere ENOSYS is
# ignored because an unknown trap number is exactly lde's "invalid syscall
# nr", the one use the check allows.
#
# The module (module/, module/uapi/) is kernel code: every other rule holds,
# except in lde_trace.h two layout checks that TRACE_EVENT() cannot meet
# (include/trace/events/*.h are laid out the same way):
#   PARENTHESIS_ALIGNMENT, OPEN_ENDED_LINE
#                       TP_PROTO(), TP_STRUCT__entry() and TP_fast_assign()
#                       open a block of macro arguments, one per line.
# In the uapi header, and in lde_trace.h's own list (LDE_CALLERS), three
# checks that a name list cannot meet (LDE_TRAPS(EM, EMe)..., written the
# way include/trace/events/ write theirs): a list is a run of macro calls,
# not a value to parenthesize (COMPLEX_MACRO); it calls EM once per entry
# (MACRO_ARG_REUSE); and EMe, the last entry, is the kernel's own spelling
# (CAMELCASE).  lde_trace.h also expands the lists into one
# "TRACE_DEFINE_ENUM(sym);" each, as include/trace/events/ do
# (TRAILING_SEMICOLON).
NAME_LIST_IGNORE := COMPLEX_MACRO MACRO_ARG_REUSE CAMELCASE
TRACE_IGNORE := ENOSYS PARENTHESIS_ALIGNMENT OPEN_ENDED_LINE \
	$(NAME_LIST_IGNORE) TRAILING_SEMICOLON
UAPI_IGNORE := ENOSYS $(NAME_LIST_IGNORE)
#
# userspace/ and selftests/ are user-space C.  checkpatch was written for
# the kernel, and some of its rules ask for things only the kernel has;
# those are off there:
#   SPLIT_STRING        it keeps printk() messages whole so that dmesg can
#                       be grepped for them; our messages go to a terminal,
#                       and help texts are split line by line on purpose.
#   PREFER_KERNEL_TYPES u8/u32/u64 are kernel types; user space has
#                       <stdint.h>'s uint32_t/uint64_t (and the uapi __u64).
#   PREFER_DEFINED_ATTRIBUTE_MACRO, PREFER_FALLTHROUGH
#                       __always_inline, __maybe_unused, fallthrough... are
#                       macros of the kernel's compiler_attributes.h; user
#                       space spells out __attribute__((...)), and gcc's
#                       -Wimplicit-fallthrough reads the comment.
#   BIT_MACRO           BIT()/BIT_ULL() are kernel macros (linux/bits.h is
#                       not uapi).
#   EMBEDDED_FUNCTION_NAME
#                       it wants __func__ in kernel log messages; here it
#                       trips over usage() printing "usage: lde ...".
#   USE_NEGATIVE_ERRNO  -errno is the kernel's return convention; user space
#                       passes errno values positive (exit statuses, the
#                       pthread functions).
USER_IGNORE := ENOSYS SPLIT_STRING PREFER_KERNEL_TYPES \
	PREFER_DEFINED_ATTRIBUTE_MACRO PREFER_FALLTHROUGH BIT_MACRO \
	EMBEDDED_FUNCTION_NAME USE_NEGATIVE_ERRNO
# userspace/ keeps the rest: it defines ARRAY_SIZE() once, in
# userspace/lib/common.h, and the selftests have kselftest.h's.  But
#   MACRO_ARG_REUSE     a table's macros (NAME_OF(tab, v)) name the table
#                       twice, once under ARRAY_SIZE()'s sizeof, and the
#                       unit tests' CHECK_INT(a, b) print what they compared:
#                       their arguments are names and constants.
USERSPACE_IGNORE := $(USER_IGNORE) MACRO_ARG_REUSE
# selftests/ also:
#   BRACES              kselftest_harness.h's ASSERT_*()/EXPECT_*() expand to
#                       two statements (the check, then a for loop for an
#                       optional TH_LOG()), so even a lone one in an if or a
#                       loop needs braces; checkpatch calls them unneeded.
SELFTESTS_IGNORE := $(USER_IGNORE) BRACES

comma := ,
empty :=
space := $(empty) $(empty)
ignore = --ignore $(subst $(space),$(comma),$(strip $(1)))

CHECKPATCH_FLAGS := --no-tree --quiet --strict --show-types
TRACE_H := module/lde_trace.h
UAPI_H := module/uapi/lde.h
MODULE_C = $(filter-out %.mod.c $(TRACE_H),\
	   $(wildcard module/*.[ch] module/arch/*/*.h module/compat/*.h))
style: $(CHECKPATCH)
	$(CHECKPATCH) $(CHECKPATCH_FLAGS) $(call ignore,ENOSYS) -f $(MODULE_C)
	$(CHECKPATCH) $(CHECKPATCH_FLAGS) $(call ignore,$(TRACE_IGNORE)) \
		-f $(TRACE_H)
	$(CHECKPATCH) $(CHECKPATCH_FLAGS) $(call ignore,$(UAPI_IGNORE)) \
		-f $(UAPI_H)
	$(CHECKPATCH) $(CHECKPATCH_FLAGS) $(call ignore,$(USERSPACE_IGNORE)) \
		-f $(wildcard userspace/*.[ch] userspace/*/*.[ch] \
			     userspace/arch/*/*.[ch])
	$(CHECKPATCH) $(CHECKPATCH_FLAGS) $(call ignore,$(SELFTESTS_IGNORE)) \
		-f $(wildcard selftests/*.[ch] selftests/arch/*/*.h)

sparse:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 C=2 CHECK=sparse modules

install:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install

dkms-install:
	dkms install $(CURDIR)

# M=module, not M=$(CURDIR): kbuild's clean deletes every *.ko under M,
# and .cache/kernel holds the VM kernel's own modules.
clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR)/module clean
	rm -f Module.symvers modules.order
	rm -rf build
	$(MAKE) -C userspace clean
	$(MAKE) -C selftests clean

.PHONY: all module userspace selftests kernels setup run check style sparse \
	install dkms-install clean

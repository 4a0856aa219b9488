# SPDX-License-Identifier: GPL-2.0
#
# kapi-validator. The two commands:
#
#   make demo    build what is missing, boot the test kernel under QEMU, load the validator,
#                run a small program that makes valid and invalid mlock-family calls
#   make test    all tests: host (cargo) and in the VM (selftests, TAP)
#
# Other targets:
#   make setup                 install missing packages and tools (idempotent)
#   make kernel                fetch and build the test kernel (cached under $(KAPI_CACHE))
#   make module [KDIR=...] [SPECS='a.kapi b.kapi']
#                              build kapi_validator.ko (against KDIR, or the test kernel) with
#                              SPECS built in (default specs/*.kapi; remembered for the next
#                              make module, make vm and make selftests until given again)
#   make module-variant        the same module with the wrong-on-purpose test specs built in
#   make module-lint           the module's Rust under the kernel's rustfmt and clippy (-D warnings)
#   make vm CMD='./prog' [FILES='prog data/'] [PROGS='stress-ng ./prog'] [OUT=dir] [CPUS=2]
#           [ENABLE=1] [BOOTLOG=1]
#                              boot the test kernel with the module loaded and run CMD on a
#                              fresh count (trace event on); FILES go to the guest's /work,
#                              PROGS (host programs by name or path) onto its PATH, both with
#                              their shared libraries; OUT= brings back the console log,
#                              stats, coverage, trace and the guest's /work/out
#   make kselftest-install INSTALL_PATH=DIR
#                              the guest selftests as a kselftest collection (KTAP, run by the
#                              kernel's run_kselftest.sh), with the modules, config and settings
#   make host-test             host tests only
#   make test KERNEL=debug     all tests on the debug kernel (KASAN, lockdep, KFENCE, kmemleak)
#   make stress [CYCLES=200] [FUZZ_CALLS=2000] [SEED=1] [FAIL_MAX=1000]
#                              reliability runs in the VM: load/unload cycles under load,
#                              argument fuzzing, bad input, fail-nth loads (with KERNEL=debug)
#   make fuzz [CALLS=1000000] [SEED=1]
#                              oracle fuzzing of every spec in the VM (arguments from the pools
#                              `kapi cases` derives from the specs), with a reproducer per finding
#   make bench                 cost per syscall (no module / empty probes / validator) and
#                              module size; prints the tables and writes BENCH.md
#   make clean
#
# KDIR=<built Rust-enabled kernel tree> uses your own kernel instead of building one.

SHELL := /bin/bash
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
KAPI_CACHE ?= $(HOME)/.cache/kapi-validator
export KAPI_CACHE

# Specs are built in when the spec generator (the `kapi` CLI) is part of the tree.
ifneq ($(wildcard $(ROOT)/rust/kapi_cli/Cargo.toml),)
KAPI_BIN := $(ROOT)/target/release/kapi
SPECS_DEFAULT := $(sort $(wildcard $(ROOT)/specs/*.kapi))
endif
# Where the module is built (outside the repository, keyed by kernel tree and by checkout, so
# two checkouts never build into one directory).
CHECKOUT_KEY := $(shell printf '%s' '$(ROOT)' | sha256sum | cut -c1-8)
MODULE_OUT = $(KAPI_CACHE)/module/$(notdir $(KDIR_RESOLVED))-$(CHECKOUT_KEY)
VARIANT_OUT = $(MODULE_OUT)-variant
# The test variant: the wrong-on-purpose specs of selftests/variant/, and the real specs of the
# calls kapi_threads blocks in and makes around them.
VARIANT_SPECS := $(sort $(wildcard $(ROOT)/selftests/variant/*.kapi)) \
	$(addprefix $(ROOT)/specs/,$(addsuffix .kapi,read write epoll_wait epoll_create1 epoll_ctl eventfd2 pipe2))
EMPTY_OUT = $(MODULE_OUT)-empty-probe

# KERNEL=test (default) or KERNEL=debug: which cached kernel to build and use when no KDIR is
# given. The debug kernel adds KASAN, lockdep, KFENCE, kmemleak and fault injection
# (scripts/debug-kernel.config) and is built with clang.
KERNEL ?= test
export KERNEL
# KVER=7.2 (default) or KVER=7.3: which Debian kernel source the cached kernel is built from.
KVER ?= 7.2
export KVER

# KDIR: the user's, or the cached kernel (built on first use). KMAKEFLAGS: the make variables
# modules must be built with against it (LLVM=-19 for the debug kernel; pass LLVM=... yourself
# with a KDIR built by clang).
ifeq ($(KDIR),)
# (Evaluated once, when first needed: targets without a kernel never run kernel.sh.)
KDIR_RESOLVED = $(eval KDIR_RESOLVED := $(shell KVER=$(KVER) $(ROOT)/scripts/kernel.sh build $(KERNEL)))$(KDIR_RESOLVED)
KMAKEFLAGS = $(shell cat $(KDIR_RESOLVED)/.kapi-make-flags 2>/dev/null)
else
KDIR_RESOLVED = $(abspath $(KDIR))
endif

# FILES, OUT, SPECS and the PROGS given as paths are taken relative to the directory make was
# started from (make -C changes it); a PROGS word without a / is a name on the PATH.
CALLER_DIR := $(or $(PWD),$(CURDIR))
caller_path = $(abspath $(foreach f,$(1),$(if $(filter /%,$(f)),$(f),$(CALLER_DIR)/$(f))))
prog_args = $(foreach p,$(1),$(if $(findstring /,$(p)),$(call caller_path,$(p)),$(p)))

# The specs built in: SPECS= when given (recorded next to the module, MODULE_OUT/specs.list),
# else the ones recorded for this module, else specs/*.kapi. So a module built with
# `make module SPECS=...` keeps its specs through later `make module`, `make vm` and
# `make selftests`, until SPECS is given again.
SPECS_RECORD = $(MODULE_OUT)/specs.list
ifneq ($(filter command line environment,$(origin SPECS)),)
SPECS_GIVEN := 1
SPECS_USED := $(call caller_path,$(SPECS))
else
SPECS_USED = $(or $(strip $(file < $(SPECS_RECORD))),$(SPECS_DEFAULT))
endif

CPUS ?= 2
# The guest command of `make vm` goes to the guest shell as written ($(value ...): make does not
# expand its $; single-quoted for the host shell), so it may hold ;, |, quotes and $variables.
CMD_QUOTED = '$(subst ','\'',$(value CMD))'
ENABLE ?= 1
# Bound of one VM boot, in seconds: the guest selftests take about 4 min on the test kernel and
# several times that on the debug kernel (KASAN, lockdep).
TIMEOUT ?= $(if $(filter debug,$(KERNEL)),3600,900)
# The bound on the guest suite's boot of make vm-test (all the guest tests, about 25 min under TCG).
SUITE_TIMEOUT ?= $(if $(filter debug,$(KERNEL)),7200,2700)

.PHONY: all setup kernel kapi module module-lint module-variant bench-module selftests demo test host-test vm-test vm \
	kselftest-install \
	vm-inputs bench stress fuzz clean

all: module

setup:
	@$(ROOT)/scripts/setup.sh

kernel: setup
	@$(ROOT)/scripts/kernel.sh build $(KERNEL)

kapi:
	$(if $(KAPI_BIN),cargo build --release --locked -q -p kapi_cli,@echo "kapi: no spec generator in this tree; building the module without specs")

# build_module OUT SPECS [MAKEVARS]: builds kapi_validator.ko into OUT with SPECS built in (and
# MAKEVARS passed to Kbuild). The crates it compiles (kapi_checker and its dependencies) are
# listed by scripts/crates.sh from Cargo.lock into OUT/crates.mk, which Kbuild includes.
define build_module
	@set -e; source $(ROOT)/scripts/lib.sh; kernel_env; \
	kdir="$(KDIR_RESOLVED)"; [ -n "$$kdir" ] || exit 1; \
	$(ROOT)/scripts/kdir-check.sh "$$kdir"; \
	out="$(1)"; mkdir -p "$$out"; \
	$(ROOT)/scripts/crates.sh >"$$out/crates.mk"; \
	$(MAKE) -C "$$kdir" M=$(ROOT) MO="$$out" $(KMAKEFLAGS) $(3) KAPI_BIN=$(KAPI_BIN) KAPI_SPECS="$(2)" \
		KAPI_CRATES_MK="$$out/crates.mk" modules; \
	echo "module: $$out/kapi_validator.ko"
endef

module: kapi
	$(call build_module,$(MODULE_OUT),$(SPECS_USED))
	$(if $(SPECS_GIVEN),@printf '%s\n' $(SPECS_USED) >$(SPECS_RECORD))

# The module's Rust held to the kernel's own rules: rustfmt with the kernel's .rustfmt.toml, and
# a `CLIPPY=1` build (the kernel's clippy lints) with warnings as errors, into its own directory.
module-lint: kapi
	@set -e; source $(ROOT)/scripts/lib.sh; kernel_env; \
	ksrc=$$($(ROOT)/scripts/kernel.sh source); \
	log "rustfmt (the kernel's $$ksrc/.rustfmt.toml) of rust/kapi_validator/"; \
	rustfmt --check --edition 2021 --config-path "$$ksrc/.rustfmt.toml" \
		$(ROOT)/rust/kapi_validator/kapi_validator.rs || \
		die "the module is not formatted as the kernel's rustfmt wants (run: rustfmt --edition 2021 --config-path $$ksrc/.rustfmt.toml rust/kapi_validator/kapi_validator.rs)"; \
	log "clippy (make CLIPPY=1, warnings as errors) of the module"
	$(call build_module,$(MODULE_OUT)-clippy,$(SPECS_USED),CLIPPY=1 KRUSTFLAGS=-Dwarnings)

# The test variant: the same module with the deliberately wrong specs of selftests/variant/
# built in, for the guest tests of undeclared errnos, oracle mismatches and bad success values.
module-variant: kapi
	$(call build_module,$(VARIANT_OUT),$(VARIANT_SPECS))
	@cp $(VARIANT_OUT)/kapi_validator.ko $(VARIANT_OUT)/kapi_validator-variant.ko

# The bench-only module of empty sys_enter/sys_exit probes (selftests/bench/).
bench-module:
	@set -e; source $(ROOT)/scripts/lib.sh; kernel_env; mkdir -p "$(EMPTY_OUT)"; \
	$(MAKE) -s -C "$(KDIR_RESOLVED)" M=$(ROOT)/selftests/bench MO="$(EMPTY_OUT)" $(KMAKEFLAGS) modules

# The guest selftests' make, with the kernel source and uapi headers they build against, the
# kapi tool and the specs (for `make selftests` and `make kselftest-install`).
SELFTESTS_MAKE = $(MAKE) -C $(ROOT)/selftests -s KSRC="$$($(ROOT)/scripts/kernel.sh source)" \
	KHDR="$$($(ROOT)/scripts/kernel.sh headers)" KAPI_BIN=$(KAPI_BIN) SPECS="$(SPECS_USED)"

selftests: kapi
	@$(SELFTESTS_MAKE)

# (vm-inputs first: FILES and PROGS that cannot run in the guest fail before anything is built.)
VM_INPUTS = --files "$(call caller_path,$(FILES))" --progs "$(call prog_args,$(PROGS))"
vm-inputs:
	@$(ROOT)/scripts/vm.sh --check $(VM_INPUTS) -- $(CMD_QUOTED)

vm: vm-inputs module selftests
	@$(ROOT)/scripts/vm.sh --kdir "$(KDIR_RESOLVED)" --module "$(MODULE_OUT)/kapi_validator.ko" \
		--cpus $(CPUS) --enable $(ENABLE) --timeout $(TIMEOUT) $(VM_INPUTS) \
		--session $(if $(filter 1,$(BOOTLOG)),,--quiet) $(if $(OUT),--out "$(call caller_path,$(OUT))") \
		-- $(CMD_QUOTED)

demo: setup
	@$(MAKE) -s module-variant >/dev/null
	@$(MAKE) -s vm CMD='/kapi/selftests/demo.sh' CPUS=2 FILES="$(VARIANT_OUT)/kapi_validator-variant.ko"

# (The kernel source is fetched first: a failure there stops here rather than skipping the tests
# that need it.)
host-test:
	ksrc=$$($(ROOT)/scripts/kernel.sh source) && KAPI_KSRC="$$ksrc" $(ROOT)/scripts/host-test.sh

# kselftest-install INSTALL_PATH=DIR: the guest selftests as a kselftest collection, for a farm
# to copy onto a test system running the kernel the modules were built for (KDIR, or the test
# kernel) and run with DIR/run_kselftest.sh (-c kapi_validator); see docs/testing.md.
kselftest-install: module module-variant selftests
	@test -n "$(INSTALL_PATH)" || { echo "kselftest-install: INSTALL_PATH= the directory to install into" >&2; exit 1; }
	@$(SELFTESTS_MAKE) install INSTALL_PATH="$(call caller_path,$(INSTALL_PATH))" >/dev/null
	@install -m 0644 $(MODULE_OUT)/kapi_validator.ko $(VARIANT_OUT)/kapi_validator-variant.ko \
		"$(call caller_path,$(INSTALL_PATH))/kapi_validator/"
	@echo "kselftest-install: $(call caller_path,$(INSTALL_PATH)) (run: ./run_kselftest.sh -c kapi_validator)"

# The suite (run_all.sh, KTAP checked by the kernel's parser) and the same tests as the installed
# collection through the kernel's run_kselftest.sh (scripts/suite.sh).
KSFT_DIR = $(MODULE_OUT)-kselftest/kselftest
vm-test: module module-variant selftests
	@$(ROOT)/scripts/vm-selftest.sh "$(KDIR_RESOLVED)"
	@rm -rf "$(KSFT_DIR)" && $(MAKE) -s kselftest-install INSTALL_PATH="$(KSFT_DIR)" >/dev/null
	@$(ROOT)/scripts/suite.sh --kdir "$(KDIR_RESOLVED)" --module "$(MODULE_OUT)/kapi_validator.ko" \
		--variant "$(VARIANT_OUT)/kapi_validator-variant.ko" --collection "$(KSFT_DIR)" \
		--ksrc "$$($(ROOT)/scripts/kernel.sh source)" --timeout $(SUITE_TIMEOUT)
	@CYCLES=20 FUZZ_CALLS=500 FAIL_MAX=20 $(ROOT)/scripts/stress.sh --kdir "$(KDIR_RESOLVED)" \
		--module "$(MODULE_OUT)/kapi_validator.ko" --cpus 2

stress: setup
	@$(MAKE) -s module selftests >/dev/null
	@$(ROOT)/scripts/stress.sh --kdir "$(KDIR_RESOLVED)" --module "$(MODULE_OUT)/kapi_validator.ko" \
		--cpus $(CPUS)

fuzz: setup
	@$(MAKE) -s module selftests >/dev/null
	@$(ROOT)/scripts/fuzz.sh --kdir "$(KDIR_RESOLVED)" --module "$(MODULE_OUT)/kapi_validator.ko" \
		--cpus $(CPUS)

bench: setup
	@$(MAKE) -s module selftests bench-module >/dev/null
	@$(ROOT)/scripts/bench.sh --kdir "$(KDIR_RESOLVED)" --module "$(MODULE_OUT)/kapi_validator.ko" \
		--empty "$(EMPTY_OUT)/kapi_empty_probe.ko"

test: setup
	@$(ROOT)/scripts/test-all.sh

clean:
	cargo clean
	$(MAKE) -C $(ROOT)/selftests clean
	rm -rf $(KAPI_CACHE)/module

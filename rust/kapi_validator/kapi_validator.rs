// SPDX-License-Identifier: GPL-2.0

//! kapi_validator: checks system calls at runtime against KAPI specifications.
//!
//! The module hooks the `sys_enter` and `sys_exit` tracepoints (through a small C file), judges
//! every call of a specified syscall with the `kapi_checker` crate against tables generated from
//! `specs/`, and reports each violation to dmesg (rate-limited), to its own trace event
//! (`events/kapi_validator/kapi_violation`) and to per-syscall counters in debugfs.
//!
//! Layout: [`spec_tables`] holds the generated tables, [`probes`] the probes' registration, the
//! Rust probes of each spec and the entry state kept for the few calls whose exit needs it,
//! [`report`] statistics and output, [`coverage_state`] which parts of each spec a run
//! exercised, [`control`] the debugfs interface.

use core::borrow::Borrow;
use kernel::prelude::*;

mod bindings;
mod control;
mod coverage_state;
mod probes;
mod report;
mod spec_tables;

module! {
    type: KapiValidator,
    name: "kapi_validator",
    authors: ["kapi-validator developers"],
    description: "Checks system calls at runtime against KAPI specifications",
    license: "GPL",
    params: {
        enabled: u32 {
            default: 0,
            description: "Start with the probes registered (1) or not (0)",
        },
        dmesg_kinds: u32 {
            default: crate::report::ALL_KINDS,
            description: "Report kinds printed to dmesg: bit i is the i-th kind of the report \
                format (bit 0: arg); 0x1f: all. Also debugfs kapi_validator/dmesg_kinds",
        },
    },
}

/// The value of a module parameter as `ModuleParam::value()` gives it: a reference up to 7.2, the
/// value itself from 7.3 on (`Borrow` takes either).
fn param<T: Copy>(value: impl Borrow<T>) -> T {
    *value.borrow()
}

/// The module: its debugfs directory and files, and through them the probes.
///
/// Unloading drops it: the `enabled` file goes first and takes the probes with it (unregistered,
/// running ones waited for), before any table, counter or file of this module goes away.
#[pin_data]
struct KapiValidator {
    #[pin]
    control: control::Control,
    _dir: kernel::debugfs::Dir,
}

impl kernel::InPlaceModule for KapiValidator {
    fn init(_module: &'static ThisModule) -> impl PinInit<Self, Error> {
        let enable = param(module_parameters::enabled.value());
        let dmesg_kinds = param(module_parameters::dmesg_kinds.value());
        let dir = kernel::debugfs::Dir::new(control::DIR);
        try_pin_init!(Self {
            control <- control::Control::new(&dir, enable, dmesg_kinds),
            _dir: dir,
        })
        .pin_chain(move |_| {
            pr_info!(
                "loaded {} syscall specs (enabled={})\n",
                spec_tables::ALL.len(),
                enable
            );
            Ok(())
        })
    }
}

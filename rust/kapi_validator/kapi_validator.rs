// SPDX-License-Identifier: GPL-2.0

//! kapi_validator: checks system calls at runtime against KAPI specifications.
//!
//! The module hooks the `sys_enter` and `sys_exit` tracepoints (through a small C file), judges
//! every call of a specified syscall with the `kapi_checker` crate against tables generated from
//! `specs/`, and reports each violation to dmesg (rate-limited), to its own trace event
//! (`events/kapi_validator/kapi_violation`) and to per-syscall counters in debugfs.
//!
//! Layout: [`spec_tables`] holds the generated tables, [`probes`] the probe entry points and the
//! per-call state, [`report`] statistics and output, [`coverage`] which parts of each spec a run
//! exercised, [`control`] the debugfs interface.

use kernel::prelude::*;

mod bindings;
mod control;
mod coverage;
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
    },
}

struct KapiValidator {
    control: Pin<KBox<control::Control>>,
}

impl kernel::Module for KapiValidator {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        let enable = *module_parameters::enabled.value();
        // The directory stays while any file in it exists.
        let dir = kernel::debugfs::Dir::new(control::DIR);
        let control = KBox::pin_init(control::Control::new(&dir, enable), GFP_KERNEL)?;
        pr_info!("loaded {} syscall specs (enabled={})\n", spec_tables::ALL.len(), enable);
        Ok(Self { control })
    }
}

impl Drop for KapiValidator {
    fn drop(&mut self) {
        // Unregisters the probes and waits for running ones before any of this module's memory
        // (tables, counters, debugfs data) can go away.
        self.control.shutdown();
        pr_info!("unloaded\n");
    }
}

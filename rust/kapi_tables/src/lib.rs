// SPDX-License-Identifier: GPL-2.0

//! The runtime tables generated from `specs/*.kapi` (by `build.rs`, with the kernel source
//! named by `KAPI_KSRC`): one `static` [`kapi_checker::SyscallSpec`] per spec, [`SPECS`]
//! indexed by syscall number, [`ALL`] in number order and [`NR_SPECS`].
//!
//! The kernel module includes the same generated file (`kapi gen -o FILE`); this crate lets
//! the host tests check it. Without `KAPI_KSRC` the tables are empty (build.rs warns, and the
//! tests are ignored), so that the workspace builds without the kernel source.

#![no_std]

pub use kapi_checker;

include!(concat!(env!("OUT_DIR"), "/kapi_tables.rs"));

/// The spec of syscall `nr`, if there is one.
pub fn spec(nr: usize) -> Option<&'static kapi_checker::SyscallSpec> {
    SPECS.get(nr).copied().flatten()
}

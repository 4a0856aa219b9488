// SPDX-License-Identifier: GPL-2.0

//! Allocation-free checker of system calls against KAPI specifications.
//!
//! This crate owns the runtime form of a specification ([`SyscallSpec`]) and the two pure
//! functions that judge a call against it: [`check_entry`] (raw argument words to argument
//! violations and a [`Prediction`] of the outcome) and [`check_exit`] (return value and
//! prediction to return-value and oracle violations). Both fill a [`Verdict`] the caller owns.
//!
//! It knows nothing about the kernel. The kernel module compiles this same source with the
//! kernel's target and flags (`no_std`, no `alloc`, `panic=abort`, overflow checks on) and feeds
//! it registers; the host tests exercise exactly the code the kernel runs. Nothing here
//! allocates, panics, or loops over anything but a spec's bounded, static slices.
//!
//! The host tools build on the same types. What only they use is behind the `host` feature,
//! off in the kernel build: the table generator's Rust expressions (`RustExpr`), the reader of
//! report lines (`report::parse`), each constraint kind's boundary values for the generated
//! tests (`probes`). The optional `serde` feature makes the types a resolved spec holds
//! `Serialize`.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod check;
// The pure part of coverage (which bit, which name); the kernel module keeps the atomics.
#[path = "coverage_bits.rs"]
pub mod coverage;
mod display;
#[cfg(feature = "host")]
pub mod probes;
pub mod report;
mod spec;

pub use check::{
    check_constraint, check_entry, check_exit, errno_of, is_restart_code, Entry, Exit, Prediction,
    Verdict, Violation, ViolationKind, EINTR, ERESTARTNOHAND, ERESTARTNOINTR, ERESTARTSYS,
    ERESTART_RESTARTBLOCK, MAX_CONSTRAINTS, MAX_VIOLATIONS,
};
#[cfg(feature = "host")]
pub use display::ValuesDisplay;
pub use display::{AllowedDisplay, MessageBuf, MESSAGE_CAPACITY};
#[cfg(feature = "host")]
pub use spec::RustExpr;
pub use spec::{
    ArgType, Constraint, ConstraintKind, Errnos, ErrorList, ErrorSpec, ParamSpec, ReturnCheck,
    SyscallSpec, ValueReturns, AT_FDCWD, MAX_ERRNO, MAX_PARAMS, PAIRED,
};

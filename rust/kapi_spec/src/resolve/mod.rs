// SPDX-License-Identifier: GPL-2.0

//! The [model](crate::model) against a kernel tree: what the tree says ([`ksrc`], [`ctype`]),
//! and the linter that checks a spec against it and resolves it to the numbers of the runtime
//! tables.

pub mod ctype;
pub mod ksrc;
mod lint;

pub use lint::*;

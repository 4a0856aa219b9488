// SPDX-License-Identifier: GPL-2.0

//! One module per subcommand.

pub mod gen;
pub mod import;
pub mod lint;
pub mod show;

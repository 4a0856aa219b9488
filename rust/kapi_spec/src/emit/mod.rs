// SPDX-License-Identifier: GPL-2.0

//! The model (and its resolution) out again: the runtime [`tables`] the kernel module is built
//! with, the kerneldoc form ([`writer`]) and the human-readable rendering ([`render`]).

pub mod cases;
pub mod render;
pub mod tables;
pub mod writer;

// SPDX-License-Identifier: GPL-2.0

//! Spec files to the [model](crate::model): the kerneldoc form ([`kerneldoc`], quoted in a mail
//! by [`mail`]) and the upstream `DEFINE_KERNEL_API_SPEC` form ([`macro_form`]), over the
//! line-mapping, C-expression and C-lexing helpers they share ([`source`], [`expr`], [`clex`]).

pub mod clex;
pub mod expr;
pub mod kerneldoc;
pub mod macro_form;
pub mod mail;
pub mod recipe;
pub mod source;

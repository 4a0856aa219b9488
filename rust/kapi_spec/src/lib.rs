// SPDX-License-Identifier: GPL-2.0

//! KAPI specifications on the host.
//!
//! - [`model`]: what a spec says ([`Spec`]), as written.
//! - [`parse_kerneldoc`] (the `.kapi` form of specs/README.md), [`parse_mail`] (the same form
//!   quoted in a mail) and [`import_macro`] (the upstream `DEFINE_KERNEL_API_SPEC` form, from a
//!   patch mail too); [`load`] picks one by content.
//! - [`write_kerneldoc`]: the model back to the kerneldoc form.
//! - [`check`]: lints a spec against a kernel tree ([`KernelInfo`]) and resolves it to numbers.
//! - [`gen`]: the Rust tables of `kapi_checker` types the kernel module is built with.
//! - [`render`]: the human-readable rendering (`kapi show`, the tables' `doc` field).
//!
//! No input makes a parser panic; every problem is a [`Diagnostic`] with a `file:line:col`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod check;
pub mod ctype;
pub mod diag;
pub mod expr;
pub mod gen;
pub mod kerneldoc;
pub mod ksrc;
pub mod macro_form;
pub mod mail;
pub mod model;
pub mod render;
pub mod source;
pub mod writer;

pub use check::{lint, resolve, Resolved};
pub use diag::{Diagnostic, Diagnostics, Loc, Severity};
pub use kerneldoc::{parse_kerneldoc, Parsed, ParsedSpec};
pub use ksrc::{Arch, KernelInfo, KsrcError, X86_64};
pub use macro_form::import_macro;
pub use mail::parse_mail;
pub use model::Spec;
pub use writer::write_kerneldoc;

/// The input forms [`load`] recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A `.kapi` file: one kerneldoc comment.
    Kerneldoc,
    /// A kerneldoc comment quoted in a mail.
    Mail,
    /// `DEFINE_KERNEL_API_SPEC(...)` blocks (C source or patch mail).
    Macro,
}

/// Which form a text is in.
pub fn detect_form(source: &str) -> Form {
    if source.contains("DEFINE_KERNEL_API_SPEC") {
        Form::Macro
    } else if source
        .lines()
        .any(|l| l.starts_with('>') && l.trim_start_matches(['>', ' ']).starts_with("/**"))
    {
        Form::Mail
    } else {
        Form::Kerneldoc
    }
}

/// Parses a text in whichever form it is in.
pub fn load(file: &str, source: &str) -> Parsed {
    match detect_form(source) {
        Form::Kerneldoc => parse_kerneldoc(file, source),
        Form::Mail => parse_mail(file, source),
        Form::Macro => import_macro(file, source),
    }
}

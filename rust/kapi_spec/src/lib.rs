// SPDX-License-Identifier: GPL-2.0

//! KAPI specifications on the host.
//!
//! The modules follow a spec from its file to the runtime tables:
//!
//! 1. [`parse`]: a spec file to the model. [`parse_kerneldoc`] reads the `.kapi` form of
//!    specs/README.md, [`parse_mail`] the same form quoted in a mail, [`import_macro`] the
//!    upstream `DEFINE_KERNEL_API_SPEC` form (from a patch mail too); [`load`] picks one by
//!    content.
//! 2. [`model`]: what a spec says ([`Spec`]), as written.
//! 3. [`resolve`](mod@resolve): the model against a kernel tree ([`KernelInfo`]): [`lint`] checks it and
//!    resolves it to the numbers of the runtime tables ([`Resolved`], made of `kapi_checker`'s
//!    own types).
//! 4. [`emit`]: out again: the Rust tables of `kapi_checker` types the kernel module is built
//!    with ([`emit::tables`]), the kerneldoc form ([`write_kerneldoc`]) and the human-readable
//!    rendering ([`render`]: `kapi show`, the tables' `doc` field).
//!
//! [`draft`](mod@draft) writes a spec to start from (`kapi draft`): the kernel's definition of a
//! syscall, the constants its code compares the parameters with, and its man page's errors,
//! each guess marked unchecked.
//!
//! [`reference`](mod@reference) renders what the linter requires and accepts for
//! specs/README.md (`kapi lint --keys`).
//!
//! Every phase reports through [`diag`]: no input makes a parser panic; every problem is a
//! [`Diagnostic`] with a `file:line:col`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod diag;
pub mod draft;
pub mod emit;
pub mod model;
pub mod parse;
pub mod reference;
pub mod resolve;

pub use diag::{Diagnostic, Diagnostics, Loc, Severity};
pub use emit::render::render;
pub use emit::writer::write_kerneldoc;
pub use model::Spec;
pub use parse::kerneldoc::{parse_kerneldoc, Parsed, ParsedSpec};
pub use parse::macro_form::import_macro;
pub use parse::mail::parse_mail;
pub use resolve::ksrc::{Arch, KernelInfo, KsrcError, X86_64};
pub use resolve::{lint, resolve, Resolved};

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

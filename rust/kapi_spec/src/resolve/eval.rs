// SPDX-License-Identifier: GPL-2.0

//! Evaluating a spec's texts (constant expressions, errno names) against the kernel tree, with
//! a diagnostic for each that fails.

use kapi_checker::ArgType;

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::model::Text;
use crate::resolve::ksrc::KernelInfo;

/// What resolving a spec needs at hand: the kernel's facts, and where problems go.
pub(super) struct Ctx<'a> {
    /// The kernel tree's facts.
    pub(super) k: &'a KernelInfo,
    /// Where problems go.
    pub(super) diags: &'a mut Diagnostics,
}

impl Ctx<'_> {
    /// Evaluates a constant expression.
    pub(super) fn eval(&mut self, t: &Text) -> Option<i128> {
        match self.k.eval(&t.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let loc = if t.loc.is_known() {
                    Loc::new(
                        t.loc.line,
                        t.loc.col.saturating_add(e.offset as u32),
                        e.len as u32,
                    )
                } else {
                    t.loc
                };
                self.diags.push(
                    Diagnostic::error(loc, "cannot evaluate constant expression")
                        .expected(
                            "numbers, limits (INT_MAX, LONG_MAX, PAGE_SIZE, ...) and uapi #defines",
                        )
                        .found(e.message),
                );
                None
            }
        }
    }

    /// Evaluates a value that must lie in the type's range; returns its bit pattern.
    pub(super) fn value(&mut self, t: &Text, ty: ArgType, pname: &str, ctype: &str) -> Option<u64> {
        let v = self.eval(t)?;
        let (lo, hi) = bounds(ty);
        if v < lo || v > hi {
            self.diags.push(
                Diagnostic::error(
                    t.loc,
                    format!("value does not fit `{pname}`'s type `{ctype}`"),
                )
                .expected(format!("a value from {lo} to {hi}"))
                .found(format!("`{}` = {v}", t.text)),
            );
            return None;
        }
        Some(ty.normalize(v as i64 as u64))
    }

    /// Evaluates a mask: any bit pattern of the type's width (negative values are their two's
    /// complement).
    pub(super) fn mask(&mut self, t: &Text, ty: ArgType, pname: &str, ctype: &str) -> Option<u64> {
        let v = self.eval(t)?;
        let bits = u32::from(ty.bits);
        let lo = -(1i128 << (bits - 1));
        let hi = (1i128 << bits) - 1;
        if v < lo || v > hi {
            self.diags.push(
                Diagnostic::error(
                    t.loc,
                    format!("mask does not fit `{pname}`'s type `{ctype}`"),
                )
                .expected(format!("a {bits}-bit pattern"))
                .found(format!("`{}` = {v:#x}", t.text)),
            );
            return None;
        }
        Some(ty.normalize(v as i64 as u64))
    }

    /// The value of an errno name.
    pub(super) fn errno(&mut self, t: &Text) -> Option<u16> {
        match self.k.errno(&t.text) {
            Some(n) => Some(n),
            None if t.text.starts_with("ERESTART") => {
                self.diags.push(
                    Diagnostic::error(t.loc, format!("`{}` is a restart code", t.text))
                        .expected("an errno user space sees")
                        .found(format!("`{}`", t.text))
                        .help("a call a signal interrupts returns EINTR to user space (or is restarted): declare EINTR"),
                );
                None
            }
            None => {
                self.diags.push(
                    Diagnostic::error(t.loc, format!("unknown errno `{}`", t.text))
                        .expected("an errno of the kernel's errno headers")
                        .found(format!("`{}`", t.text))
                        .did_you_mean(&t.text, self.k.errnos().keys().map(String::as_str)),
                );
                None
            }
        }
    }
}

/// The value range of a type.
fn bounds(ty: ArgType) -> (i128, i128) {
    let value = |v: u64| {
        if ty.signed {
            i128::from(v as i64)
        } else {
            i128::from(v)
        }
    };
    (value(ty.min_value()), value(ty.max_value()))
}

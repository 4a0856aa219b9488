// SPDX-License-Identifier: GPL-2.0

//! The values on both sides of each constraint kind, for the tests generated from specs (`kapi
//! cases`): what to pass to prove a rule, defined next to the rule's check so that a new kind
//! brings its boundaries with it.
//!
//! [`probes`] calls back once per value: its label, where it lies ([`ProbeValue`]) and whether
//! it breaks the constraint. Values are bit patterns of the parameter's type ([`ArgType`]), at
//! its width and signedness. Host tools only (the `host` feature): the module never calls it.

use core::fmt;

use crate::spec::{ArgType, ConstraintKind};

/// Where a probe's value lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProbeValue {
    /// This word.
    Word(u64),
    /// The parameter's valid argument moved by this many bytes (misalignment; the caller knows
    /// the valid argument, which may be an address only the test knows).
    FromValid(i64),
    /// The parameter's valid argument itself.
    Valid,
}

/// A probe's label: `min-1`, `bit7`, `-4`, ...
#[derive(Clone, Copy, Debug)]
pub enum Label {
    /// A fixed text.
    Text(&'static str),
    /// `bit<N>`.
    Bit(u32),
    /// A value, shown as the C type holds it.
    Value(ArgType, u64),
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Label::Text(t) => f.write_str(t),
            Label::Bit(b) => write!(f, "bit{b}"),
            Label::Value(ty, v) if ty.is_negative(v) => write!(f, "{}", v as i64),
            Label::Value(_, v) if v < 4096 => write!(f, "{v}"),
            Label::Value(_, v) => write!(f, "{v:#x}"),
        }
    }
}

/// Whether `v` is one of `values` (normalised by `ty`).
fn member(ty: ArgType, values: &[u64], v: u64) -> bool {
    values.iter().any(|&m| ty.normalize(m) == v)
}

/// Calls `f(label, value, breaks)` for each value to try against `kind` on a parameter of type
/// `ty`. `other` is the value of the parameter a `no_wrap` names, when it is known; when it is
/// not (an address the test makes), it must not be 0, and only the largest word is tried. A
/// kind may give no value (an alignment of 1 has no misaligned one; a narrow type cannot reach
/// the wrap point).
pub fn probes(
    kind: &ConstraintKind,
    ty: ArgType,
    other: Option<u64>,
    mut f: impl FnMut(Label, ProbeValue, bool),
) {
    let f = &mut f;
    match *kind {
        ConstraintKind::Range { min, max } => range(ty, min, max, f),
        ConstraintKind::Mask { valid } => mask(ty, valid, f),
        ConstraintKind::Enum { values } => one_of(ty, values, f),
        ConstraintKind::Exclude { values } => {
            for (i, &v) in values.iter().enumerate() {
                let v = ty.normalize(v);
                if !member(ty, values.get(..i).unwrap_or(&[]), v) {
                    f(Label::Value(ty, v), word(ty, v), true);
                }
            }
        }
        ConstraintKind::Alignment { align: a } | ConstraintKind::PageAligned { page_size: a } => {
            // An alignment of 1 (or 0) has no misaligned value (or no aligned one) to try.
            if a >= 2 {
                f(Label::Text("plus1"), ProbeValue::FromValid(1), true);
                if let Ok(half) = i64::try_from(a / 2) {
                    if half > 1 {
                        f(Label::Text("plus-half"), ProbeValue::FromValid(half), true);
                    }
                }
            }
            f(Label::Text("aligned"), ProbeValue::Valid, false);
        }
        ConstraintKind::PowerOfTwo => power_of_two(ty, f),
        ConstraintKind::NonZero => {
            f(Label::Text("zero"), word(ty, 0), true);
            f(Label::Text("valid"), ProbeValue::Valid, false);
        }
        ConstraintKind::Fd => {
            // -1 as the type holds it: an unsigned type narrower than `int` has no negative value.
            if ty.signed || ty.bits >= 32 {
                f(Label::Text("minus1"), word(ty, u64::MAX), true);
            }
            if ty.bits > 32 {
                f(Label::Text("past-int"), word(ty, 1 << 32), true);
            }
            f(
                Label::Text("atfdcwd"),
                word(ty, crate::AT_FDCWD as u64),
                false,
            );
            f(Label::Text("valid"), ProbeValue::Valid, false);
        }
        ConstraintKind::NoWrap { .. } => no_wrap(ty, other, f),
    }
}

/// A word of the type.
fn word(ty: ArgType, v: u64) -> ProbeValue {
    ProbeValue::Word(ty.normalize(v))
}

type Sink<'a> = &'a mut dyn FnMut(Label, ProbeValue, bool);

fn range(ty: ArgType, min: u64, max: u64, f: Sink<'_>) {
    let (min, max) = (ty.normalize(min), ty.normalize(max));
    if min != ty.min_value() {
        f(Label::Text("min-1"), word(ty, min.wrapping_sub(1)), true);
    }
    f(Label::Text("min"), word(ty, min), false);
    if max != min {
        f(Label::Text("max"), word(ty, max), false);
    }
    if max != ty.max_value() {
        f(Label::Text("max+1"), word(ty, max.wrapping_add(1)), true);
    }
}

/// Every single bit outside the mask, all of them, 0 and the mask.
fn mask(ty: ArgType, valid: u64, f: Sink<'_>) {
    let width = u32::from(ty.bits.clamp(1, 64));
    let outside = (0..width).filter(|b| valid >> b & 1 == 0);
    for b in outside.clone() {
        f(Label::Bit(b), word(ty, 1 << b), true);
    }
    if outside.count() > 1 {
        f(Label::Text("invalid-bits"), word(ty, !valid), true);
    }
    f(Label::Text("zero"), word(ty, 0), false);
    if ty.normalize(valid) != 0 {
        f(Label::Text("valid-bits"), word(ty, valid), false);
    }
}

/// Each member, the values next to each that are not members, and one far away.
fn one_of(ty: ArgType, values: &[u64], f: Sink<'_>) {
    let near = |set: &[u64], n: u64| {
        set.iter().any(|&e| {
            let e = ty.normalize(e);
            ty.normalize(e.wrapping_sub(1)) == n || ty.normalize(e.wrapping_add(1)) == n
        })
    };
    for (i, &m) in values.iter().enumerate() {
        let m = ty.normalize(m);
        let earlier = values.get(..i).unwrap_or(&[]);
        if member(ty, earlier, m) {
            continue;
        }
        f(Label::Value(ty, m), word(ty, m), false);
        let below = ty.normalize(m.wrapping_sub(1));
        let above = ty.normalize(m.wrapping_add(1));
        if !member(ty, values, below) && !near(earlier, below) {
            f(Label::Value(ty, below), word(ty, below), true);
        }
        if above != below && !member(ty, values, above) && !near(earlier, above) {
            f(Label::Value(ty, above), word(ty, above), true);
        }
    }
    let far = ty.max_value();
    if !member(ty, values, far) && !near(values, far) {
        f(Label::Text("far"), word(ty, far), true);
    }
}

fn power_of_two(ty: ArgType, f: Sink<'_>) {
    f(Label::Text("zero"), word(ty, 0), true);
    f(Label::Text("three"), word(ty, 3), true);
    if ty.signed {
        f(Label::Text("min"), word(ty, ty.min_value()), true);
    }
    for v in [1, 2, 4096] {
        if ty.le(v, ty.max_value()) {
            f(Label::Value(ty, v), word(ty, v), false);
        }
    }
}

/// The value at which `value + other` wraps, and the one before it; both must be words of the
/// type (a 32-bit unsigned type never gets there).
fn no_wrap(ty: ArgType, other: Option<u64>, f: Sink<'_>) {
    let (at, edge) = match other {
        Some(0) => return,
        Some(o) => {
            let at = 0u64.wrapping_sub(o);
            (at, Some(at.wrapping_sub(1)))
        }
        None => (u64::MAX, None),
    };
    if ty.normalize(at) != at {
        return;
    }
    f(Label::Text("wrap"), ProbeValue::Word(at), true);
    if let Some(e) = edge.filter(|&e| ty.normalize(e) == e) {
        f(Label::Text("edge"), ProbeValue::Word(e), false);
    }
}

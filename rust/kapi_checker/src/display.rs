// SPDX-License-Identifier: GPL-2.0

//! Allocation-free rendering of what a spec allows, for reports and for the host's rendering of
//! a spec.

use core::fmt;

use crate::spec::{ArgType, Constraint, ConstraintKind, ReturnCheck, SyscallSpec};

/// Default capacity of a [`MessageBuf`] in bytes: what a report's `allowed` text may take.
pub const MESSAGE_CAPACITY: usize = 96;

/// A fixed-capacity message buffer of `N` bytes. Writing past its capacity truncates (at a
/// character boundary) instead of failing, so a report is always produced. Truncation is final:
/// once a character did not fit, later writes are dropped too, even short ones that would fit,
/// so the text is always a prefix of what was written.
#[derive(Clone, Debug, Default)]
pub struct MessageBuf<const N: usize = MESSAGE_CAPACITY>(heapless::String<N>, bool);

impl MessageBuf {
    /// An empty buffer of the default capacity.
    pub const fn new() -> Self {
        Self::empty()
    }

    /// Formats `args` into a fresh buffer of the default capacity, truncating if needed.
    pub fn format(args: fmt::Arguments<'_>) -> Self {
        Self::format_into(args)
    }
}

impl<const N: usize> MessageBuf<N> {
    /// An empty buffer.
    pub const fn empty() -> Self {
        Self(heapless::String::new(), false)
    }

    /// Formats `args` into a fresh buffer, truncating if needed.
    pub fn format_into(args: fmt::Arguments<'_>) -> Self {
        let mut buf = Self::empty();
        // Writing to a MessageBuf never fails; it truncates.
        let _ = fmt::write(&mut buf, args);
        buf
    }

    /// Whether something written was cut off.
    pub fn truncated(&self) -> bool {
        self.1
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl<const N: usize> fmt::Write for MessageBuf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.1 {
            return Ok(());
        }
        for ch in s.chars() {
            if self.0.push(ch).is_err() {
                self.1 = true;
                break;
            }
        }
        Ok(())
    }
}

/// Displays what a constraint allows, e.g. `mask 0x1`, `range [0, 0x7fffffffffffffff]`,
/// `not {0x4}`, `start + len must not wrap`.
pub struct AllowedDisplay<'a> {
    /// The spec the constraint belongs to (names the other parameter of `NoWrap`).
    pub spec: &'a SyscallSpec,
    /// The parameter's type (signedness of bounds).
    pub ty: ArgType,
    /// The parameter's name.
    pub param: &'a str,
    /// The constraint.
    pub constraint: &'a Constraint,
}

struct Val(ArgType, u64);

impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Val(ty, v) = *self;
        let v = ty.normalize(v);
        if ty.is_negative(v) {
            write!(f, "{}", v as i64)
        } else if v < 4096 {
            write!(f, "{v}")
        } else {
            write!(f, "{v:#x}")
        }
    }
}

fn list(f: &mut fmt::Formatter<'_>, ty: ArgType, values: &[u64]) -> fmt::Result {
    f.write_str("{")?;
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{}", Val(ty, *v))?;
    }
    f.write_str("}")
}

impl fmt::Display for AllowedDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ty = self.ty;
        match self.constraint.kind {
            ConstraintKind::Range { min, max } => {
                write!(f, "range [{}, {}]", Val(ty, min), Val(ty, max))
            }
            ConstraintKind::Mask { valid } => write!(f, "mask {valid:#x}"),
            ConstraintKind::Enum { values } => {
                f.write_str("one of ")?;
                list(f, ty, values)
            }
            ConstraintKind::Exclude { values } => {
                f.write_str("not ")?;
                list(f, ty, values)
            }
            ConstraintKind::Alignment { align } => write!(f, "aligned to {align}"),
            ConstraintKind::PowerOfTwo => f.write_str("power of two"),
            ConstraintKind::PageAligned { page_size } => write!(f, "page aligned ({page_size})"),
            ConstraintKind::NonZero => f.write_str("nonzero"),
            ConstraintKind::Fd => f.write_str("fd (0..INT_MAX or AT_FDCWD)"),
            ConstraintKind::NoWrap { other } => {
                let other = self.spec.params.get(other as usize).map_or("?", |p| p.name);
                write!(f, "{} + {} must not wrap", self.param, other)
            }
        }
    }
}

/// Displays the values a constraint compares an argument with, as the parameter's type reads
/// them: `[1, 0x7fffffffffffffff]`, `0x13`, `{16, -1}`, `8`, `page size 4096`; nothing for a
/// kind without values (`nonzero`, `fd`, `power_of_two`, `no_wrap`).
#[cfg(feature = "host")]
pub struct ValuesDisplay<'a> {
    /// The parameter's type (signedness of the values).
    pub ty: ArgType,
    /// The constraint's kind.
    pub kind: &'a ConstraintKind,
}

#[cfg(feature = "host")]
impl fmt::Display for ValuesDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ty = self.ty;
        match *self.kind {
            ConstraintKind::Range { min, max } => {
                write!(f, "[{}, {}]", Val(ty, min), Val(ty, max))
            }
            ConstraintKind::Mask { valid } => write!(f, "{valid:#x}"),
            ConstraintKind::Enum { values } | ConstraintKind::Exclude { values } => {
                list(f, ty, values)
            }
            ConstraintKind::Alignment { align } => write!(f, "{align}"),
            ConstraintKind::PageAligned { page_size } => write!(f, "page size {page_size}"),
            ConstraintKind::PowerOfTwo
            | ConstraintKind::NonZero
            | ConstraintKind::Fd
            | ConstraintKind::NoWrap { .. } => Ok(()),
        }
    }
}

/// What a successful return must be, as a phrase: `success must be 0`.
impl fmt::Display for ReturnCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ReturnCheck::Any => f.write_str("any non-error value succeeds"),
            ReturnCheck::Exact(value) => write!(f, "success must be {value}"),
            ReturnCheck::Range { min, max } => write!(f, "success must be in [{min}, {max}]"),
            ReturnCheck::Fd => f.write_str("success must be a file descriptor"),
            ReturnCheck::NoReturn => f.write_str("does not return on success"),
        }
    }
}

// SPDX-License-Identifier: GPL-2.0

//! Runtime specification types.
//!
//! Generated tables are `static` values of these types, built in `const` context: no heap, no
//! initialisation code, no lookup structure beyond an array indexed by syscall number.
//!
//! What the checker would otherwise work out on every call is computed once, by the `const`
//! constructor of the type that holds the data it derives from ([`Errnos::new`],
//! [`ErrorList::new`]). Those types keep their fields private, so a value can only be built by
//! the constructor and its derived part never disagrees with its data: generated tables and
//! hand-built specs go through the same `const fn`.
//!
//! Each type that generated tables hold also knows its own text forms, so that a new variant is
//! added here and nowhere else in the table path: [`ConstraintKind::name`] (the name specs and
//! coverage output use) and [`RustExpr`] (the Rust expression the table generator writes).
//! With the `serde` feature (host tools only) they are also `Serialize`.

#[cfg(feature = "host")]
use core::fmt;

/// Number of argument registers a system call has.
pub const MAX_PARAMS: usize = 6;

/// Largest errno value: return values in `-MAX_ERRNO..=-1` are errors (`IS_ERR_VALUE`).
pub const MAX_ERRNO: i64 = 4095;

/// `AT_FDCWD`, accepted wherever a file descriptor is (see [`ConstraintKind::Fd`]).
pub const AT_FDCWD: i64 = -100;

/// Width and signedness of an argument, from its C type (`int` is 32 bits signed, `size_t` 64
/// bits unsigned on x86_64).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ArgType {
    /// Width in bits: 8, 16, 32 or 64.
    pub bits: u8,
    /// Whether the C type is signed.
    pub signed: bool,
}

impl ArgType {
    /// `int`, `s32`, `__s32`.
    pub const I32: Self = Self::new(32, true);
    /// `unsigned int`, `u32`, `__u32`.
    pub const U32: Self = Self::new(32, false);
    /// `long`, `s64`, `ssize_t`, `loff_t` (64-bit).
    pub const I64: Self = Self::new(64, true);
    /// `unsigned long`, `u64`, `size_t`, pointers (64-bit).
    pub const U64: Self = Self::new(64, false);
    /// `short`, `s16`.
    pub const I16: Self = Self::new(16, true);
    /// `unsigned short`, `u16`, `umode_t`.
    pub const U16: Self = Self::new(16, false);
    /// `s8`, `signed char`.
    pub const I8: Self = Self::new(8, true);
    /// `u8`, `unsigned char`.
    pub const U8: Self = Self::new(8, false);

    /// A type of `bits` width (clamped to 1..=64) and the given signedness.
    pub const fn new(bits: u8, signed: bool) -> Self {
        Self {
            bits: clamp_bits(bits),
            signed,
        }
    }

    /// Width in bits, clamped as by [`ArgType::new`]. The fields are public, so a hand-built
    /// value may be out of range; every shift below goes through this and cannot overflow.
    const fn width(self) -> u32 {
        clamp_bits(self.bits) as u32
    }

    /// Truncates a raw register word to this type's width and sign- or zero-extends it back to
    /// 64 bits, giving the value the kernel's C code sees as a 64-bit bit pattern.
    pub const fn normalize(self, raw: u64) -> u64 {
        // `shift` is 0..=63, so both shifts are in range (a shift of 0 leaves the word as it
        // is).
        let shift = self.shift();
        if self.signed {
            (((raw << shift) as i64) >> shift) as u64
        } else {
            (raw << shift) >> shift
        }
    }

    /// Whether `a <= b` for two normalised values of this type.
    pub const fn le(self, a: u64, b: u64) -> bool {
        if self.signed {
            (a as i64) <= (b as i64)
        } else {
            a <= b
        }
    }

    /// Largest value of this type, normalised.
    pub const fn max_value(self) -> u64 {
        let all = u64::MAX >> self.shift();
        if self.signed {
            all >> 1
        } else {
            all
        }
    }

    /// Smallest value of this type, normalised.
    pub const fn min_value(self) -> u64 {
        if self.signed {
            self.normalize(1u64 << (self.width() - 1))
        } else {
            0
        }
    }

    /// Whether a normalised value is negative (always false for unsigned types).
    pub const fn is_negative(self, v: u64) -> bool {
        self.signed && (v as i64) < 0
    }

    /// The shift that truncates a word to this type's width: `64 - width`, so `0..=63`.
    #[inline(always)]
    pub(crate) const fn shift(self) -> u32 {
        // One load per parameter on the checker's hot path instead of the clamp's arithmetic.
        SHIFTS[self.bits as usize] as u32
    }
}

/// `SHIFTS[bits]` is `64 - clamp_bits(bits)` for every `u8`: [`ArgType::shift`]. A `const`, not
/// a `static`: a crate that checks a constant spec (the module's generated probes) folds the
/// load away, which it cannot do with another crate's `static`.
const SHIFTS: [u8; 256] = {
    let mut shifts = [0u8; 256];
    let mut bits = 0;
    while bits < 256 {
        shifts[bits] = 64 - clamp_bits(bits as u8);
        bits += 1;
    }
    shifts
};

/// Errnos below this are looked up in a bitmap ([`Errnos`], [`ErrorList`]); larger ones (none
/// of the kernel's errnos is) in the list.
const ERRNO_BITMAP: u16 = 128;

/// Bit `errno` of the bitmap of a set of errnos, or 0 if `errno` is past the bitmap.
const fn errno_bit(errno: u16) -> u128 {
    if errno < ERRNO_BITMAP {
        1u128 << errno
    } else {
        0
    }
}

/// Whether `errno` is in a list whose errnos below [`ERRNO_BITMAP`] are the bits of `low`;
/// `rest` iterates the list for a larger errno.
#[inline(always)]
fn bitmap_contains(low: u128, errno: u16, mut rest: impl FnMut(u16) -> bool) -> bool {
    if errno < ERRNO_BITMAP {
        // `errno < 128`: the shift is in range.
        low & (1u128 << errno) != 0
    } else {
        rest(errno)
    }
}

/// A constraint's errnos (positive values): a static list and, computed from it by
/// [`Errnos::new`], a bitmap of the errnos below 128, so that [`Errnos::contains`] is one bit
/// test for any real errno.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Errnos {
    list: &'static [u16],
    low: u128,
}

impl Errnos {
    /// No errno: an advisory constraint.
    pub const NONE: Self = Self::new(&[]);

    /// The set of `list`.
    pub const fn new(list: &'static [u16]) -> Self {
        let mut low = 0;
        let mut rest = list;
        while let [e, tail @ ..] = rest {
            low |= errno_bit(*e);
            rest = tail;
        }
        Self { list, low }
    }

    /// The errnos, as given to [`Errnos::new`].
    pub const fn as_slice(&self) -> &'static [u16] {
        self.list
    }

    /// Whether there is no errno (the constraint is advisory).
    pub const fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether `errno` is one of them.
    #[inline]
    pub fn contains(&self, errno: u16) -> bool {
        bitmap_contains(self.low, errno, |e| self.list.contains(&e))
    }

    /// The errnos, in order.
    #[inline]
    pub fn iter(&self) -> core::slice::Iter<'static, u16> {
        self.list.iter()
    }
}

/// A spec's declared errors: a static list of [`ErrorSpec`] and, computed from it by
/// [`ErrorList::new`], a bitmap of the declared errnos below 128, so that
/// [`ErrorList::declares`] is one bit test for any real errno.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorList {
    list: &'static [ErrorSpec],
    low: u128,
}

impl ErrorList {
    /// No declared error.
    pub const NONE: Self = Self::new(&[]);

    /// The declared errors of `list`.
    pub const fn new(list: &'static [ErrorSpec]) -> Self {
        let mut low = 0;
        let mut rest = list;
        while let [e, tail @ ..] = rest {
            low |= errno_bit(e.errno);
            rest = tail;
        }
        Self { list, low }
    }

    /// The errors, as given to [`ErrorList::new`].
    pub const fn as_slice(&self) -> &'static [ErrorSpec] {
        self.list
    }

    /// How many errors are declared.
    pub const fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether no error is declared.
    pub const fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether `errno` is declared.
    #[inline]
    pub fn declares(&self, errno: u16) -> bool {
        bitmap_contains(self.low, errno, |e| self.list.iter().any(|d| d.errno == e))
    }

    /// The errors, in order.
    #[inline]
    pub fn iter(&self) -> core::slice::Iter<'static, ErrorSpec> {
        self.list.iter()
    }
}

impl IntoIterator for ErrorList {
    type Item = &'static ErrorSpec;
    type IntoIter = core::slice::Iter<'static, ErrorSpec>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl IntoIterator for &ErrorList {
    type Item = &'static ErrorSpec;
    type IntoIter = core::slice::Iter<'static, ErrorSpec>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl IntoIterator for Errnos {
    type Item = &'static u16;
    type IntoIter = core::slice::Iter<'static, u16>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

/// `bits` clamped to `1..=64`.
const fn clamp_bits(bits: u8) -> u8 {
    if bits == 0 {
        1
    } else if bits > 64 {
        64
    } else {
        bits
    }
}

/// One checkable constraint on one parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Constraint {
    /// What the value must satisfy.
    pub kind: ConstraintKind,
    /// The errnos (positive values) the kernel must fail with when this constraint is broken.
    /// Empty means advisory: a broken constraint is reported, but no outcome is predicted.
    pub errnos: Errnos,
}

impl Constraint {
    /// A constraint of `kind` that predicts `errnos` (none: advisory).
    pub const fn new(kind: ConstraintKind, errnos: &'static [u16]) -> Self {
        Self {
            kind,
            errnos: Errnos::new(errnos),
        }
    }
}

/// The value checks the runtime performs. Bounds and values are bit patterns of the parameter's
/// type, normalised as by [`ArgType::normalize`], compared with the parameter's signedness. The
/// checker normalises them again before use, so for a signed type narrower than 64 bits a
/// width-truncated pattern (`0xffffffff` for an `int` -1) means the same as the sign-extended one.
///
/// A new kind is added here (with its [`name`](Self::name) and its `RustExpr`), in the checks
/// of `check.rs` and in the displays of `display.rs`; on the host, the spec parser gives it a
/// text form and the resolver its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "kind", rename_all = "snake_case")
)]
pub enum ConstraintKind {
    /// `min <= value <= max`.
    Range {
        /// Smallest allowed value.
        min: u64,
        /// Largest allowed value.
        max: u64,
    },
    /// `value & !valid == 0`.
    Mask {
        /// The bits that may be set.
        valid: u64,
    },
    /// `value` is one of `values`.
    Enum {
        /// The allowed values.
        values: &'static [u64],
    },
    /// `value` is none of `values`.
    Exclude {
        /// The forbidden values.
        values: &'static [u64],
    },
    /// `value` is a multiple of `align` (a power of two).
    Alignment {
        /// Required alignment in bytes.
        align: u64,
    },
    /// `value` is a power of two (zero is not).
    PowerOfTwo,
    /// `value` is a multiple of the page size.
    PageAligned {
        /// The architecture's page size in bytes.
        page_size: u64,
    },
    /// `value != 0`.
    NonZero,
    /// A file descriptor: `0 <= value <= INT_MAX`, or `AT_FDCWD`.
    Fd,
    /// `value + args[other]` does not wrap around (both normalised by their parameters' types,
    /// then taken as unsigned 64-bit quantities), e.g. `start + len` of a memory range.
    NoWrap {
        /// Index of the other parameter.
        other: u8,
    },
}

impl ConstraintKind {
    /// Stable snake_case name of the kind, as in specs (`mask(...)`) and in coverage output
    /// (`flags:mask`): `range`, `mask`, `enum`, `exclude`, `alignment`, `power_of_two`,
    /// `page_aligned`, `nonzero`, `fd`, `no_wrap`.
    pub const fn name(&self) -> &'static str {
        match self {
            ConstraintKind::Range { .. } => "range",
            ConstraintKind::Mask { .. } => "mask",
            ConstraintKind::Enum { .. } => "enum",
            ConstraintKind::Exclude { .. } => "exclude",
            ConstraintKind::Alignment { .. } => "alignment",
            ConstraintKind::PowerOfTwo => "power_of_two",
            ConstraintKind::PageAligned { .. } => "page_aligned",
            ConstraintKind::NonZero => "nonzero",
            ConstraintKind::Fd => "fd",
            ConstraintKind::NoWrap { .. } => "no_wrap",
        }
    }
}

/// One parameter of a system call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamSpec {
    /// Parameter name, as in `SYSCALL_DEFINE`.
    pub name: &'static str,
    /// C type as written in the spec (`size_t`, `int`, `unsigned long`).
    pub c_type: &'static str,
    /// Width and signedness derived from the C type.
    pub ty: ArgType,
    /// Constraints checked at entry, in spec order.
    pub constraints: &'static [Constraint],
}

/// One declared error return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorSpec {
    /// Positive errno value on the target architecture.
    pub errno: u16,
    /// Symbolic name (`EINVAL`).
    pub name: &'static str,
}

/// The calls whose return is a value even in `-MAX_ERRNO..=-1`, where it would otherwise be an
/// errno: those whose parameter `param` is one of `values` (`fcntl(fd, F_GETOWN)` returns the
/// owner, a process group as a negative number). Any return of such a call is accepted as its
/// outcome; the oracle still judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ValueReturns {
    /// Index of the parameter.
    pub param: u8,
    /// Its values (bit patterns of the parameter's type) that make the return a value.
    pub values: &'static [u64],
}

/// What a successful return value must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "kind", rename_all = "snake_case")
)]
pub enum ReturnCheck {
    /// Any non-error value.
    Any,
    /// Exactly this value (`0` for most calls).
    #[cfg_attr(feature = "serde", serde(serialize_with = "exact_value"))]
    Exact(i64),
    /// Within `min..=max`.
    Range {
        /// Smallest successful value.
        min: i64,
        /// Largest successful value.
        max: i64,
    },
    /// A file descriptor: `0..=INT_MAX`.
    Fd,
    /// The call does not return on success (`execve`, `exit`); any return is an error.
    NoReturn,
}

/// [`ReturnCheck::Exact`] as `{"kind": "exact", "value": <value>}` (a tagged newtype of a number
/// has no field to put the tag next to).
#[cfg(feature = "serde")]
fn exact_value<S: serde::Serializer>(value: &i64, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;

    let mut exact = s.serialize_struct("Exact", 1)?;
    exact.serialize_field("value", value)?;
    exact.end()
}

/// The runtime form of one system call's specification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyscallSpec {
    /// Name without the `sys_` prefix (`mlock2`).
    pub name: &'static str,
    /// Number in the target architecture's syscall table.
    pub nr: u32,
    /// One-line description.
    pub summary: &'static str,
    /// Parameters, in order; at most [`MAX_PARAMS`].
    pub params: &'static [ParamSpec],
    /// What a successful return must be.
    pub ret: ReturnCheck,
    /// Declared error returns; at most 64.
    pub errors: ErrorList,
    /// The whole specification rendered as text (everything the source carries), for the
    /// module's spec listing.
    pub doc: &'static str,
    /// Whether the exit of a call is judged from the arguments its entry saw, kept from entry
    /// to exit, rather than from the registers at exit: true for the syscalls of [`PAIRED`].
    pub paired: bool,
    /// The calls whose return is a value whatever its sign (`return-value-when`).
    pub value_returns: Option<ValueReturns>,
}

/// The syscalls (x86_64 names) whose exit cannot be judged from the registers at `sys_exit`
/// alone, so that the module keeps what their entry saw until their exit:
///
/// - `execve`, `execveat`: once past the point of no return the new image's registers replace
///   the arguments (the ELF loader zeroes them) and the syscall number reads `execve` (x86's
///   `set_personality_64bit()`), also when the exec then fails;
/// - `clone`, `clone3`, `fork`, `vfork`: the child returns through `sys_exit` with the parent's
///   registers and no entry of its own, and a tracer may rewrite registers at the fork event
///   stop inside the call.
///
/// Every other syscall leaves its argument registers and number as its entry saw them (the
/// module's `probes.rs` lists what else happens between entry and exit, and why it is safe).
pub const PAIRED: &[&str] = &["execve", "execveat", "clone", "clone3", "fork", "vfork"];

impl SyscallSpec {
    /// Index of `errno` in [`Self::errors`], if it is declared.
    #[inline]
    pub fn error_index(&self, errno: u16) -> Option<usize> {
        self.errors.iter().position(|e| e.errno == errno)
    }

    /// Name of `errno` if it is declared.
    pub fn error_name(&self, errno: u16) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|e| e.errno == errno)
            .map(|e| e.name)
    }
}

/// A value written as the Rust expression that builds it, for generated tables:
/// `RustExpr(&ConstraintKind::Mask { valid: 1 })` displays as
/// `kapi_checker::ConstraintKind::Mask { valid: 0x1 }`. Paths start at the crate name, so the
/// output compiles wherever the `kapi_checker` crate is reachable.
#[cfg(feature = "host")]
#[derive(Clone, Copy, Debug)]
pub struct RustExpr<'a, T: ?Sized>(pub &'a T);

#[cfg(feature = "host")]
impl fmt::Display for RustExpr<'_, ArgType> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ArgType { bits, signed } = *self.0;
        write!(f, "kapi_checker::ArgType::new({bits}, {signed})")
    }
}

#[cfg(feature = "host")]
impl fmt::Display for RustExpr<'_, ConstraintKind> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("kapi_checker::ConstraintKind::")?;
        match *self.0 {
            ConstraintKind::Range { min, max } => {
                write!(f, "Range {{ min: {min:#x}, max: {max:#x} }}")
            }
            ConstraintKind::Mask { valid } => write!(f, "Mask {{ valid: {valid:#x} }}"),
            ConstraintKind::Enum { values } => {
                write!(f, "Enum {{ values: {} }}", RustExpr(values))
            }
            ConstraintKind::Exclude { values } => {
                write!(f, "Exclude {{ values: {} }}", RustExpr(values))
            }
            ConstraintKind::Alignment { align } => write!(f, "Alignment {{ align: {align} }}"),
            ConstraintKind::PowerOfTwo => f.write_str("PowerOfTwo"),
            ConstraintKind::PageAligned { page_size } => {
                write!(f, "PageAligned {{ page_size: {page_size} }}")
            }
            ConstraintKind::NonZero => f.write_str("NonZero"),
            ConstraintKind::Fd => f.write_str("Fd"),
            ConstraintKind::NoWrap { other } => write!(f, "NoWrap {{ other: {other} }}"),
        }
    }
}

/// A list of values: `&[0x1, 0x2]`.
#[cfg(feature = "host")]
impl fmt::Display for RustExpr<'_, [u64]> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("&[")?;
        for (i, v) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{v:#x}")?;
        }
        f.write_str("]")
    }
}

#[cfg(feature = "host")]
impl fmt::Display for RustExpr<'_, ReturnCheck> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("kapi_checker::ReturnCheck::")?;
        match *self.0 {
            ReturnCheck::Any => f.write_str("Any"),
            ReturnCheck::Exact(value) => write!(f, "Exact({value})"),
            ReturnCheck::Range { min, max } => write!(f, "Range {{ min: {min}, max: {max} }}"),
            ReturnCheck::Fd => f.write_str("Fd"),
            ReturnCheck::NoReturn => f.write_str("NoReturn"),
        }
    }
}

#[cfg(feature = "host")]
impl fmt::Display for RustExpr<'_, Option<ValueReturns>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(v) => write!(
                f,
                "Some(kapi_checker::ValueReturns {{ param: {}, values: {} }})",
                v.param,
                RustExpr(v.values)
            ),
        }
    }
}

#[cfg(all(test, feature = "host"))]
mod tests {
    extern crate std;

    use std::string::ToString;

    use super::*;

    #[test]
    fn rust_expressions() {
        let kind = |k: ConstraintKind| RustExpr(&k).to_string();
        assert_eq!(
            kind(ConstraintKind::Range { min: 0, max: 255 }),
            "kapi_checker::ConstraintKind::Range { min: 0x0, max: 0xff }"
        );
        assert_eq!(
            kind(ConstraintKind::Exclude { values: &[16, 1] }),
            "kapi_checker::ConstraintKind::Exclude { values: &[0x10, 0x1] }"
        );
        assert_eq!(
            kind(ConstraintKind::Enum { values: &[] }),
            "kapi_checker::ConstraintKind::Enum { values: &[] }"
        );
        assert_eq!(
            kind(ConstraintKind::NonZero),
            "kapi_checker::ConstraintKind::NonZero"
        );
        assert_eq!(
            RustExpr(&ReturnCheck::Exact(-1)).to_string(),
            "kapi_checker::ReturnCheck::Exact(-1)"
        );
        assert_eq!(
            RustExpr(&ArgType::I32).to_string(),
            "kapi_checker::ArgType::new(32, true)"
        );
    }
}

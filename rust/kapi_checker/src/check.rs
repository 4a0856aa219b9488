// SPDX-License-Identifier: GPL-2.0

//! The entry and exit checks.
//!
//! Both are pure functions of a spec, the argument words read at entry and (for the exit check)
//! the return value. Arithmetic is checked or wrapping and every index is bounds-checked, so no
//! input can panic.

use crate::spec::{
    ArgType, Constraint, ConstraintKind, ParamSpec, ReturnCheck, SyscallSpec, AT_FDCWD, MAX_ERRNO,
    MAX_PARAMS,
};

/// Most violations kept for one call; further ones are counted in [`Verdict::dropped`].
pub const MAX_VIOLATIONS: usize = 8;

/// What a violation is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ViolationKind {
    /// An argument is outside one of its parameter's constraints.
    Arg = 0,
    /// The call failed with an errno the spec does not declare.
    UndeclaredErrno = 1,
    /// The call succeeded with a value outside the return spec.
    BadSuccess = 2,
    /// A constraint was broken at entry, and the call failed with an errno other than the ones
    /// the spec ties to that constraint.
    OracleErrno = 3,
    /// A constraint was broken at entry, and the call succeeded anyway.
    OracleSuccess = 4,
}

impl ViolationKind {
    /// Every kind, in `repr` order.
    pub const ALL: [ViolationKind; 5] = [
        ViolationKind::Arg,
        ViolationKind::UndeclaredErrno,
        ViolationKind::BadSuccess,
        ViolationKind::OracleErrno,
        ViolationKind::OracleSuccess,
    ];

    /// Stable lower-case name, used in dmesg lines, trace events and statistics.
    pub const fn name(self) -> &'static str {
        match self {
            ViolationKind::Arg => "arg",
            ViolationKind::UndeclaredErrno => "undeclared_errno",
            ViolationKind::BadSuccess => "bad_success",
            ViolationKind::OracleErrno => "oracle_errno",
            ViolationKind::OracleSuccess => "oracle_success",
        }
    }
}

/// One violation found in one call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Violation {
    /// What kind of violation this is.
    pub kind: ViolationKind,
    /// Index of the parameter involved (`Arg` and oracle kinds), or `None`.
    pub param: Option<u8>,
    /// Index of the broken constraint within that parameter's constraints.
    pub constraint: u8,
    /// The argument's normalised value (`Arg` and oracle kinds), otherwise 0.
    pub value: u64,
    /// The call's return value (exit kinds), otherwise 0.
    pub ret: i64,
}

/// The violations found in one call (bounded; no allocation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    /// The first [`MAX_VIOLATIONS`] violations, in spec order.
    pub violations: heapless::Vec<Violation, MAX_VIOLATIONS>,
    /// How many further violations did not fit.
    pub dropped: u16,
}

impl Verdict {
    /// An empty verdict.
    pub const fn new() -> Self {
        Self {
            violations: heapless::Vec::new(),
            dropped: 0,
        }
    }

    /// Whether no violation was found.
    pub fn is_clean(&self) -> bool {
        self.violations.is_empty() && self.dropped == 0
    }

    fn push(&mut self, v: Violation) {
        if self.violations.push(v).is_err() {
            self.dropped = self.dropped.saturating_add(1);
        }
    }
}

/// The errno a return value carries, if it is an error (`-MAX_ERRNO..=-1`).
pub fn errno_of(ret: i64) -> Option<u16> {
    if (-MAX_ERRNO..=-1).contains(&ret) {
        u16::try_from(ret.unsigned_abs()).ok()
    } else {
        None
    }
}

/// A parameter type's normalisation, worked out once per parameter: the shift that truncates a
/// word to the type's width (`64 - width`, so `0..=63`) and the signedness that extends it back.
#[derive(Clone, Copy)]
struct Norm {
    shift: u32,
    signed: bool,
}

impl Norm {
    #[inline]
    fn of(ty: ArgType) -> Self {
        Self {
            shift: 64 - ty.width(),
            signed: ty.signed,
        }
    }

    /// [`ArgType::normalize`]. `shift` is below 64, so the wrapping shifts never wrap; they only
    /// spare the overflow check.
    #[inline]
    fn apply(self, raw: u64) -> u64 {
        let up = raw.wrapping_shl(self.shift);
        if self.signed {
            (up as i64).wrapping_shr(self.shift) as u64
        } else {
            up.wrapping_shr(self.shift)
        }
    }

    /// [`ArgType::le`].
    #[inline]
    fn le(self, a: u64, b: u64) -> bool {
        if self.signed {
            (a as i64) <= (b as i64)
        } else {
            a <= b
        }
    }

    /// [`ArgType::is_negative`].
    #[inline]
    fn is_negative(self, v: u64) -> bool {
        self.signed && (v as i64) < 0
    }

    /// Whether the type is at most 32 bits wide.
    #[inline]
    fn fits_32(self) -> bool {
        self.shift >= 32
    }
}

/// Argument `idx` as the C code sees it: normalised by its parameter's type. A register with no
/// parameter stays raw, and an index past the registers reads as 0.
fn param_value(params: &[ParamSpec], args: &[u64; MAX_PARAMS], idx: usize) -> u64 {
    let raw = args.get(idx).copied().unwrap_or(0);
    params.get(idx).map_or(raw, |param| param.ty.normalize(raw))
}

/// Whether a normalised `value` of a type normalised by `ty` satisfies `kind`; `spec` and `args`
/// are the call's spec and raw argument words (for constraints that involve another parameter).
#[inline(never)]
fn satisfies(
    kind: &ConstraintKind,
    ty: ArgType,
    raw: u64,
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
) -> bool {
    let ty = Norm::of(ty);
    let value = ty.apply(raw);
    match *kind {
        ConstraintKind::Range { min, max } => {
            ty.le(ty.apply(min), value) && ty.le(value, ty.apply(max))
        }
        ConstraintKind::Mask { valid } => value & !ty.apply(valid) == 0,
        ConstraintKind::Enum { values } => values.iter().any(|&v| ty.apply(v) == value),
        ConstraintKind::Exclude { values } => !values.iter().any(|&v| ty.apply(v) == value),
        ConstraintKind::Alignment { align } | ConstraintKind::PageAligned { page_size: align } => {
            // A negative value is a multiple of `align` iff its magnitude is. `checked_rem` is
            // `None` for an alignment of 0, which no value satisfies.
            let magnitude = if ty.is_negative(value) {
                (value as i64).unsigned_abs()
            } else {
                value
            };
            magnitude.checked_rem(align) == Some(0)
        }
        ConstraintKind::PowerOfTwo => {
            value != 0 && !ty.is_negative(value) && value & (value - 1) == 0
        }
        ConstraintKind::NonZero => value != 0,
        ConstraintKind::Fd => {
            let v = ArgType::I32.normalize(value);
            // The value must be an `int` (no bits beyond the type) that is >= 0 or AT_FDCWD.
            (ty.fits_32() || v == value) && ((v as i64) >= 0 || v as i64 == AT_FDCWD)
        }
        ConstraintKind::NoWrap { other } => value
            .checked_add(param_value(spec.params, args, usize::from(other)))
            .is_some(),
    }
}

/// Calls `f(param, constraint index, value, constraint)` for each broken constraint from
/// constraint `from.1` of parameter `from.0` on, in spec order, until it returns `false`. Only
/// the first [`MAX_PARAMS`] parameters and the first 255 constraints of each are looked at. With
/// `predicting_only`, advisory constraints (no errnos) are skipped without being evaluated.
///
/// This is the hot loop: a call that breaks nothing costs one pass at entry and one over the
/// predicting constraints at exit. Plain index loops: at the kernel's opt-level=s they compile to
/// less than iterator adaptors, and they let a search resume where it stopped.
#[inline(always)]
fn for_each_broken(
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
    predicting_only: bool,
    from: (usize, usize),
    mut f: impl FnMut(u8, u8, &Constraint) -> bool,
) {
    let params = spec.params;
    let (mut p, mut c) = from;
    while p < params.len().min(MAX_PARAMS) {
        let (Some(param), Some(&raw)) = (params.get(p), args.get(p)) else {
            return;
        };
        let constraints = param.constraints;
        while c < constraints.len().min(u8::MAX as usize) {
            let Some(constraint) = constraints.get(c) else {
                break;
            };
            let skip = predicting_only && constraint.errnos.is_empty();
            // `p < MAX_PARAMS` and `c < 255`: both fit a u8.
            if !skip
                && !satisfies(&constraint.kind, param.ty, raw, spec, args)
                && !f(p as u8, c as u8, constraint)
            {
                return;
            }
            c += 1;
        }
        p += 1;
        c = 0;
    }
}

/// An empty verdict. Built field by field rather than by `Verdict::new()`, whose value the
/// compiler folds into one constant including the uninitialised buffer and then copies or
/// zeroes whole; this way it writes the length and `dropped` only (at opt-level=s).
#[inline(always)]
fn empty() -> Verdict {
    Verdict {
        violations: heapless::Vec::new(),
        dropped: 0,
    }
}

/// Argument `p` normalised by its parameter's type, for a violation's `value`.
fn value_of(spec: &SyscallSpec, args: &[u64; MAX_PARAMS], p: u8) -> u64 {
    param_value(spec.params, args, usize::from(p))
}

/// Judges the arguments of a call at `sys_enter`: every broken constraint of every parameter is
/// an [`ViolationKind::Arg`] violation. `args` are the raw argument registers, in order.
pub fn check_entry(spec: &SyscallSpec, args: &[u64; MAX_PARAMS]) -> Verdict {
    // The common case, a call that breaks nothing, returns the empty verdict straight into the
    // caller's: building it in a local and moving it out costs a copy of the whole buffer.
    let mut first = None;
    for_each_broken(spec, args, false, (0, 0), |p, c, _| {
        first = Some((p, c));
        false
    });
    match first {
        None => empty(),
        Some(first) => entry_violations(spec, args, first),
    }
}

/// The entry verdict of a call whose first broken constraint is `first`.
#[inline(never)]
fn entry_violations(spec: &SyscallSpec, args: &[u64; MAX_PARAMS], first: (u8, u8)) -> Verdict {
    let mut verdict = empty();
    let mut push = |p: u8, c: u8| {
        verdict.push(Violation {
            kind: ViolationKind::Arg,
            param: Some(p),
            constraint: c,
            value: value_of(spec, args, p),
            ret: 0,
        });
    };
    push(first.0, first.1);
    // Resume after `first`: the constraints before it, and it, are not evaluated again.
    let from = (usize::from(first.0), usize::from(first.1) + 1);
    for_each_broken(spec, args, false, from, |p, c, _| {
        push(p, c);
        true
    });
    verdict
}

/// Judges the outcome of a call at `sys_exit`, given the arguments read at its entry.
///
/// - An errno not in the spec's declared list is [`ViolationKind::UndeclaredErrno`].
/// - A success outside the return spec is [`ViolationKind::BadSuccess`].
/// - The oracle: if constraints that predict an outcome were broken at entry, the call must fail
///   with one of the errnos tied to any of them ([`ViolationKind::OracleErrno`] otherwise), and a
///   success is [`ViolationKind::OracleSuccess`]. Advisory constraints (no errnos) predict nothing.
pub fn check_exit(spec: &SyscallSpec, args: &[u64; MAX_PARAMS], ret: i64) -> Verdict {
    let errno = errno_of(ret);
    let outcome_ok = match errno {
        Some(e) => spec.errors.iter().any(|d| d.errno == e),
        None => success_ok(spec.ret, ret),
    };

    // The oracle: the first predicting constraint that was broken names the violation; the
    // allowed errnos are the union over all broken predicting constraints.
    let mut first: Option<(u8, u8)> = None;
    let mut allowed = false;
    for_each_broken(spec, args, true, (0, 0), |p, c, constraint| {
        first.get_or_insert((p, c));
        if errno.is_some_and(|e| constraint.errnos.contains(&e)) {
            allowed = true;
            return false;
        }
        // After a success every broken predicting constraint is a fault: the first will do.
        errno.is_some()
    });
    let oracle = if allowed { None } else { first };

    if outcome_ok && oracle.is_none() {
        // As in `check_entry`: the common case returns the empty verdict directly.
        empty()
    } else {
        let oracle = oracle.map(|(p, c)| (p, c, value_of(spec, args, p)));
        exit_violations(ret, errno.is_some(), outcome_ok, oracle)
    }
}

/// The exit verdict of a call whose outcome is not `outcome_ok`, or that broke the predicting
/// constraint `oracle` names without failing with an errno it allows.
#[inline(never)]
fn exit_violations(
    ret: i64,
    failed: bool,
    outcome_ok: bool,
    oracle: Option<(u8, u8, u64)>,
) -> Verdict {
    let mut verdict = empty();
    if !outcome_ok {
        verdict.push(Violation {
            kind: if failed {
                ViolationKind::UndeclaredErrno
            } else {
                ViolationKind::BadSuccess
            },
            param: None,
            constraint: 0,
            value: 0,
            ret,
        });
    }
    if let Some((p, c, value)) = oracle {
        verdict.push(Violation {
            kind: if failed {
                ViolationKind::OracleErrno
            } else {
                ViolationKind::OracleSuccess
            },
            param: Some(p),
            constraint: c,
            value,
            ret,
        });
    }
    verdict
}

fn success_ok(check: ReturnCheck, ret: i64) -> bool {
    match check {
        ReturnCheck::Any => true,
        ReturnCheck::Exact(v) => ret == v,
        ReturnCheck::Range { min, max } => (min..=max).contains(&ret),
        ReturnCheck::Fd => (0..=i64::from(i32::MAX)).contains(&ret),
        ReturnCheck::NoReturn => false,
    }
}

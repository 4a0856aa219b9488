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

/// Argument `idx` as the C code sees it: normalised by its parameter's type. A register with no
/// parameter stays raw, and an index past the registers reads as 0.
fn param_value(params: &[ParamSpec], args: &[u64; MAX_PARAMS], idx: usize) -> u64 {
    let raw = args.get(idx).copied().unwrap_or(0);
    params.get(idx).map_or(raw, |param| param.ty.normalize(raw))
}

/// Whether a normalised `value` of type `ty` satisfies `kind`; `params` and `args` are the
/// spec's parameters and the raw argument words (for constraints that involve another parameter).
pub(crate) fn satisfies(
    kind: &ConstraintKind,
    ty: ArgType,
    value: u64,
    params: &[ParamSpec],
    args: &[u64; MAX_PARAMS],
) -> bool {
    match *kind {
        ConstraintKind::Range { min, max } => {
            ty.le(ty.normalize(min), value) && ty.le(value, ty.normalize(max))
        }
        ConstraintKind::Mask { valid } => value & !ty.normalize(valid) == 0,
        ConstraintKind::Enum { values } => values.iter().any(|&v| ty.normalize(v) == value),
        ConstraintKind::Exclude { values } => !values.iter().any(|&v| ty.normalize(v) == value),
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
            .checked_add(param_value(params, args, usize::from(other)))
            .is_some(),
    }
}

/// Judges the arguments of a call at `sys_enter`: every broken constraint of every parameter is
/// an [`ViolationKind::Arg`] violation. `args` are the raw argument registers, in order.
pub fn check_entry(spec: &SyscallSpec, args: &[u64; MAX_PARAMS]) -> Verdict {
    let mut verdict = Verdict::new();
    for_each_broken(spec, args, false, |p, c, value, _| {
        verdict.push(Violation {
            kind: ViolationKind::Arg,
            param: Some(p),
            constraint: c,
            value,
            ret: 0,
        });
        true
    });
    verdict
}

/// Calls `f(param, constraint index, value, constraint)` for each broken constraint, in spec
/// order, until it returns `false`. With `predicting_only`, advisory constraints (no errnos) are
/// skipped without being evaluated.
fn for_each_broken(
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
    predicting_only: bool,
    mut f: impl FnMut(u8, u8, u64, &Constraint) -> bool,
) {
    // Plain index loops: at the kernel's opt-level=s they compile to less than iterator
    // adaptors. Parameters are bounded by the registers, constraints by what a u8 indexes.
    let params = spec.params;
    for p in 0..params.len().min(MAX_PARAMS) {
        let (Some(param), Some(&raw)) = (params.get(p), args.get(p)) else {
            return;
        };
        let value = param.ty.normalize(raw);
        let constraints = param.constraints;
        for c in 0..constraints.len().min(u8::MAX as usize) {
            let Some(constraint) = constraints.get(c) else {
                break;
            };
            if predicting_only && constraint.errnos.is_empty() {
                continue;
            }
            if !satisfies(&constraint.kind, param.ty, value, params, args)
                && !f(p as u8, c as u8, value, constraint)
            {
                return;
            }
        }
    }
}

/// Judges the outcome of a call at `sys_exit`, given the arguments read at its entry.
///
/// - An errno not in the spec's declared list is [`ViolationKind::UndeclaredErrno`].
/// - A success outside the return spec is [`ViolationKind::BadSuccess`].
/// - The oracle: if constraints that predict an outcome were broken at entry, the call must fail
///   with one of the errnos tied to any of them ([`ViolationKind::OracleErrno`] otherwise), and a
///   success is [`ViolationKind::OracleSuccess`]. Advisory constraints (no errnos) predict nothing.
pub fn check_exit(spec: &SyscallSpec, args: &[u64; MAX_PARAMS], ret: i64) -> Verdict {
    let mut verdict = Verdict::new();
    let errno = errno_of(ret);

    match errno {
        Some(e) if spec.error_index(e).is_none() => verdict.push(Violation {
            kind: ViolationKind::UndeclaredErrno,
            param: None,
            constraint: 0,
            value: 0,
            ret,
        }),
        Some(_) => {}
        None if !success_ok(spec.ret, ret) => verdict.push(Violation {
            kind: ViolationKind::BadSuccess,
            param: None,
            constraint: 0,
            value: 0,
            ret,
        }),
        None => {}
    }

    // The oracle: the first predicting constraint that was broken names the violation; the
    // allowed errnos are the union over all broken predicting constraints.
    let mut first: Option<(u8, u8, u64)> = None;
    let mut allowed = false;
    for_each_broken(spec, args, true, |p, c, value, constraint| {
        first.get_or_insert((p, c, value));
        if errno.is_some_and(|e| constraint.errnos.contains(&e)) {
            allowed = true;
            return false;
        }
        true
    });
    if let (Some((p, c, value)), false) = (first, allowed) {
        verdict.push(Violation {
            kind: if errno.is_some() {
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

// SPDX-License-Identifier: GPL-2.0

//! The entry and exit checks.
//!
//! Both are pure functions of a spec, the argument words read at entry and (for the exit check)
//! the return value and what the entry check predicted ([`Prediction`]). Each returns a few
//! bytes that say whether the call is clean ([`Entry`], [`Exit`]); only a call that is not needs
//! a [`Verdict`] (about 200 bytes), which the caller owns and has filled.
//! Arithmetic is checked or wrapping and every index is bounds-checked, so no input can panic.

use crate::spec::{
    ArgType, Constraint, ConstraintKind, ParamSpec, ReturnCheck, SyscallSpec, AT_FDCWD, MAX_ERRNO,
    MAX_PARAMS,
};

/// Constraints looked at per parameter: their index in a [`Violation`] is a `u8`.
pub const MAX_CONSTRAINTS: usize = u8::MAX as usize;

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

    /// The kind of a [`ViolationKind::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
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

    /// Empties the verdict (two stores: the length and `dropped`).
    #[inline]
    pub fn clear(&mut self) {
        self.violations.clear();
        self.dropped = 0;
    }

    #[inline]
    fn push(&mut self, v: Violation) {
        if self.violations.push(v).is_err() {
            self.dropped = self.dropped.saturating_add(1);
        }
    }
}

/// What the entry check of a call found that its exit check needs: the first constraint that
/// predicts an outcome (has errnos) and that the arguments break, if any.
///
/// [`check_entry`] returns it; keep it with the arguments until the call's exit and pass it to
/// [`check_exit`]. It fits a `u16` ([`Prediction::to_bits`]) for storage between the two. A value
/// not made by [`check_entry`] for these arguments cannot make the checker panic, but the exit
/// verdict is then meaningless.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Prediction(u16);

impl Prediction {
    /// Nothing predicted: every constraint with errnos holds.
    pub const NONE: Self = Self(0);

    /// Constraint `c` of parameter `p` (`p < MAX_PARAMS`) is the first broken predicting one.
    /// High byte `p + 1` (never 0), low byte `c`.
    const fn at(p: u8, c: u8) -> Self {
        Self(u16::from_be_bytes([p.saturating_add(1), c]))
    }

    /// The first broken predicting constraint, as (parameter, constraint) indices.
    pub const fn first(self) -> Option<(u8, u8)> {
        match self.0.to_be_bytes() {
            [0, _] => None,
            [p, c] => Some((p - 1, c)),
        }
    }

    /// Whether a constraint with errnos is broken.
    pub const fn is_some(self) -> bool {
        self.0 != 0
    }

    /// The prediction as 16 bits, for storage.
    pub const fn to_bits(self) -> u16 {
        self.0
    }

    /// A prediction stored by [`Prediction::to_bits`].
    pub const fn from_bits(bits: u16) -> Self {
        Self(bits)
    }
}

/// `EINTR`: what user space sees of a call a signal interrupted.
pub const EINTR: u16 = 4;
/// `ERESTARTSYS` (kernel-internal, `include/linux/errno.h`): interrupted; restarted, or `EINTR`
/// if a handler without `SA_RESTART` runs.
pub const ERESTARTSYS: u16 = 512;
/// `ERESTARTNOINTR`: always restarted, never seen by user space.
pub const ERESTARTNOINTR: u16 = 513;
/// `ERESTARTNOHAND`: restarted if no handler runs, otherwise `EINTR`.
pub const ERESTARTNOHAND: u16 = 514;
/// `ERESTART_RESTARTBLOCK`: restarted through `restart_syscall()` if no handler runs,
/// otherwise `EINTR`.
pub const ERESTART_RESTARTBLOCK: u16 = 516;

/// Whether `errno` is one of the restart codes, which user space never sees as such (a spec
/// declares `EINTR` instead).
#[inline]
pub const fn is_restart_code(errno: u16) -> bool {
    matches!(
        errno,
        ERESTARTSYS | ERESTARTNOINTR | ERESTARTNOHAND | ERESTART_RESTARTBLOCK
    )
}

/// The errno a return value carries, if it is an error (`-MAX_ERRNO..=-1`), as the call's
/// outcome for user space.
///
/// `sys_exit` fires before signal delivery, so it sees the kernel-internal restart codes that
/// delivery then turns into `EINTR` or a restart: [`ERESTARTSYS`], [`ERESTARTNOHAND`] and
/// [`ERESTART_RESTARTBLOCK`] are [`EINTR`] here (a spec declares `EINTR` for a call a signal can
/// interrupt). [`ERESTARTNOINTR`] is returned as it is; [`check_exit`] takes it for a restart,
/// which breaks nothing.
#[inline]
pub fn errno_of(ret: i64) -> Option<u16> {
    if (-MAX_ERRNO..=-1).contains(&ret) {
        match u16::try_from(ret.unsigned_abs()) {
            Ok(ERESTARTSYS | ERESTARTNOHAND | ERESTART_RESTARTBLOCK) => Some(EINTR),
            e => e.ok(),
        }
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
    #[inline(always)]
    fn of(ty: ArgType) -> Self {
        Self {
            shift: ty.shift(),
            signed: ty.signed,
        }
    }

    /// [`ArgType::normalize`]. `shift` is below 64, so the wrapping shifts never wrap; they only
    /// spare the overflow check.
    #[inline(always)]
    fn apply(self, raw: u64) -> u64 {
        let up = raw.wrapping_shl(self.shift);
        if self.signed {
            (up as i64).wrapping_shr(self.shift) as u64
        } else {
            up.wrapping_shr(self.shift)
        }
    }

    /// [`ArgType::le`].
    #[inline(always)]
    fn le(self, a: u64, b: u64) -> bool {
        if self.signed {
            (a as i64) <= (b as i64)
        } else {
            a <= b
        }
    }

    /// [`ArgType::is_negative`].
    #[inline(always)]
    fn is_negative(self, v: u64) -> bool {
        self.signed && (v as i64) < 0
    }

    /// Whether the type is at most 32 bits wide.
    #[inline(always)]
    fn fits_32(self) -> bool {
        self.shift >= 32
    }
}

/// Argument `idx` as the C code sees it: normalised by its parameter's type. A register with no
/// parameter stays raw, and an index past the registers reads as 0.
fn param_value(params: &[ParamSpec], args: &[u64; MAX_PARAMS], idx: usize) -> u64 {
    let raw = args.get(idx).copied().unwrap_or(0);
    params
        .get(idx)
        .map_or(raw, |param| Norm::of(param.ty).apply(raw))
}

/// Whether `value`, an argument normalised by `ty`, satisfies `kind`; `spec` and `args` are the
/// call's spec and raw argument words (for constraints that involve another parameter). The
/// constraint's constants are normalised by `ty` here: two shifts each (see
/// [`ConstraintKind`]).
///
/// The common kinds are inlined into the loops; the others are one call away, which also keeps
/// the compiler from working out, for every parameter, what only they need.
#[inline(always)]
fn satisfies(
    kind: &ConstraintKind,
    ty: Norm,
    value: u64,
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
) -> bool {
    match *kind {
        ConstraintKind::Range { min, max } => {
            ty.le(ty.apply(min), value) && ty.le(value, ty.apply(max))
        }
        // The high bits of a normalised value copy its top bit: it has no bit outside the
        // normalised mask iff its low `width` bits have none outside the mask's.
        ConstraintKind::Mask { valid } => (value & !valid).wrapping_shl(ty.shift) == 0,
        ConstraintKind::NonZero => value != 0,
        ConstraintKind::NoWrap { other } => value
            .checked_add(param_value(spec.params, args, usize::from(other)))
            .is_some(),
        _ => satisfies_other(kind, ty, value),
    }
}

/// [`satisfies`] with every kind inlined, for code where the kind is a constant.
#[inline(always)]
fn satisfies_any(
    kind: &ConstraintKind,
    ty: Norm,
    value: u64,
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
) -> bool {
    match *kind {
        ConstraintKind::Range { .. }
        | ConstraintKind::Mask { .. }
        | ConstraintKind::NonZero
        | ConstraintKind::NoWrap { .. } => satisfies(kind, ty, value, spec, args),
        _ => satisfies_other_inline(kind, ty, value),
    }
}

/// [`satisfies`] for the kinds it does not inline.
#[inline(never)]
fn satisfies_other(kind: &ConstraintKind, ty: Norm, value: u64) -> bool {
    satisfies_other_inline(kind, ty, value)
}

/// [`satisfies_other`], inlined.
#[inline(always)]
fn satisfies_other_inline(kind: &ConstraintKind, ty: Norm, value: u64) -> bool {
    match *kind {
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
            value != 0 && !ty.is_negative(value) && value & value.wrapping_sub(1) == 0
        }
        ConstraintKind::Fd => {
            let v = ArgType::I32.normalize(value);
            // The value must be an `int` (no bits beyond the type) that is >= 0 or AT_FDCWD.
            (ty.fits_32() || v == value) && ((v as i64) >= 0 || v as i64 == AT_FDCWD)
        }
        // Inlined by `satisfies`, which does not call this for them.
        ConstraintKind::Range { .. }
        | ConstraintKind::Mask { .. }
        | ConstraintKind::NonZero
        | ConstraintKind::NoWrap { .. } => true,
    }
}

/// The outcome of the entry check of a call ([`check_entry`]): whether it broke anything, where
/// the first broken constraint is (its verdict resumes there), how many it broke and the
/// [`Prediction`] for the exit check. Five bytes, returned in registers; a [`Verdict`] is only
/// needed when the call broke more than one constraint ([`Entry::single`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The first broken constraint, encoded like a [`Prediction`].
    first: Prediction,
    prediction: Prediction,
    /// How many constraints are broken (at most 255 counted).
    broken: u8,
}

impl Entry {
    /// The entry of a call that breaks nothing.
    pub const CLEAN: Self = Self {
        first: Prediction::NONE,
        prediction: Prediction::NONE,
        broken: 0,
    };

    /// The violation of an entry that broke exactly one constraint (the common case of a bad
    /// call), which is then its whole verdict ([`Entry::violations`]) without building one;
    /// `None` for any other entry. `spec` and `args` are the ones given to [`check_entry`].
    #[inline]
    pub fn single(self, spec: &SyscallSpec, args: &[u64; MAX_PARAMS]) -> Option<Violation> {
        if self.broken != 1 {
            return None;
        }
        let (p, c) = self.first.first()?;
        let param = spec.params.get(usize::from(p))?;
        let &raw = args.get(usize::from(p))?;
        Some(Violation {
            kind: ViolationKind::Arg,
            param: Some(p),
            constraint: c,
            value: Norm::of(param.ty).apply(raw),
            ret: 0,
        })
    }

    /// Whether the arguments break no constraint.
    pub const fn is_clean(self) -> bool {
        !self.first.is_some()
    }

    /// What the exit check needs ([`check_exit`]).
    pub const fn prediction(self) -> Prediction {
        self.prediction
    }

    /// Fills `out` with the entry verdict: every broken constraint of every parameter, in spec
    /// order, is an [`ViolationKind::Arg`] violation. `spec` and `args` are the ones given to
    /// [`check_entry`]. Only the constraints from the first broken one on are evaluated again.
    pub fn violations(self, spec: &SyscallSpec, args: &[u64; MAX_PARAMS], out: &mut Verdict) {
        out.clear();
        let Some((p0, c0)) = self.first.first() else {
            return;
        };
        let (p0, c0) = (usize::from(p0), usize::from(c0));
        for (p, (param, &raw)) in spec.params.iter().zip(args).enumerate().skip(p0) {
            let ty = Norm::of(param.ty);
            let value = ty.apply(raw);
            let from = if p == p0 { c0 } else { 0 };
            let constraints = param.constraints.iter().take(MAX_CONSTRAINTS);
            for (c, constraint) in constraints.enumerate().skip(from) {
                if !satisfies(&constraint.kind, ty, value, spec, args) {
                    // `p < MAX_PARAMS` and `c < 255`: both fit a u8.
                    out.push(Violation {
                        kind: ViolationKind::Arg,
                        param: Some(p as u8),
                        constraint: c as u8,
                        value,
                        ret: 0,
                    });
                }
            }
        }
    }
}

/// Judges the arguments of a call at `sys_enter`. `args` are the raw argument registers, in
/// order. Only the first [`MAX_PARAMS`] parameters and the first 255 constraints of each are
/// looked at.
///
/// A call that breaks nothing costs one pass over the constraints, each argument normalised
/// once and each common constraint kind inlined; [`Entry::violations`] then gives the verdict
/// of one that breaks something.
pub fn check_entry(spec: &SyscallSpec, args: &[u64; MAX_PARAMS]) -> Entry {
    let mut entry = Entry::CLEAN;
    // Plain index loops: `p < MAX_PARAMS` and `c < MAX_CONSTRAINTS` both fit a u8, and the
    // `get`s cannot fail (the bounds are the slices' lengths), so no index can be out of range.
    let params = spec.params;
    for p in 0..params.len().min(MAX_PARAMS) {
        let (Some(param), Some(&raw)) = (params.get(p), args.get(p)) else {
            break;
        };
        let constraints = param.constraints;
        if constraints.is_empty() {
            continue;
        }
        // One loop per signedness, so that the comparisons in it are known to be signed or not.
        if param.ty.signed {
            check_param::<true>(&mut entry, spec, args, p, param.ty, raw, constraints);
        } else {
            check_param::<false>(&mut entry, spec, args, p, param.ty, raw, constraints);
        }
    }
    entry
}

/// [`check_entry`] for parameter `p` of type `ty` (whose signedness is `SIGNED`), raw argument
/// `raw` and non-empty `constraints`.
#[inline(always)]
fn check_param<const SIGNED: bool>(
    entry: &mut Entry,
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
    p: usize,
    ty: ArgType,
    raw: u64,
    constraints: &[Constraint],
) {
    let ty = Norm {
        shift: ty.shift(),
        signed: SIGNED,
    };
    let value = ty.apply(raw);
    for c in 0..constraints.len().min(MAX_CONSTRAINTS) {
        let Some(constraint) = constraints.get(c) else {
            break;
        };
        if !satisfies(&constraint.kind, ty, value, spec, args) {
            broken(entry, (p as u8, c as u8), constraint);
        }
    }
}

/// The part of [`check_entry`] that judges constraint `c` of parameter `p`: nothing if there is
/// no such constraint or `p` is not below [`MAX_PARAMS`] or `c` below [`MAX_CONSTRAINTS`].
/// Calling it for every constraint of a spec, in order (parameter by parameter, each one's
/// constraints in order), from [`Entry::CLEAN`], gives what [`check_entry`] gives.
///
/// Always inlined: with a constant spec (a `static` of generated tables) and constant `p` and
/// `c`, the compiler folds the constraint's kind, type and constants into a few instructions.
/// The generated tables' `check_entry_of` is such a sequence for each spec.
#[inline(always)]
pub fn check_constraint(
    entry: &mut Entry,
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
    p: usize,
    c: usize,
) {
    if p >= MAX_PARAMS || c >= MAX_CONSTRAINTS {
        return;
    }
    let Some(param) = spec.params.get(p) else {
        return;
    };
    let (Some(constraint), Some(&raw)) = (param.constraints.get(c), args.get(p)) else {
        return;
    };
    let ty = Norm::of(param.ty);
    let value = ty.apply(raw);
    if !satisfies_any(&constraint.kind, ty, value, spec, args) {
        // `p < MAX_PARAMS` and `c < MAX_CONSTRAINTS` both fit a u8.
        note_broken(entry, (p as u8, c as u8), constraint);
    }
}

/// Notes the broken constraint `at` in `entry`.
#[cold]
#[inline(never)]
fn broken(entry: &mut Entry, at: (u8, u8), constraint: &Constraint) {
    note_broken(entry, at, constraint);
}

/// [`broken`], inlined: with a constant constraint, two selects.
#[inline(always)]
fn note_broken(entry: &mut Entry, at: (u8, u8), constraint: &Constraint) {
    entry.broken = entry.broken.saturating_add(1);
    let at_prediction = Prediction::at(at.0, at.1);
    if !entry.first.is_some() {
        entry.first = at_prediction;
    }
    if !entry.prediction.is_some() && !constraint.errnos.is_empty() {
        entry.prediction = at_prediction;
    }
}

/// The outcome of the exit check of a call ([`check_exit`]): whether its return value breaks
/// the return or error spec, and which predicting constraint, if any, it contradicts. Three
/// bytes, returned in a register; a [`Verdict`] is only needed when it is not clean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exit {
    outcome_ok: bool,
    /// The first broken predicting constraint, if the outcome contradicts the prediction.
    oracle: Prediction,
}

impl Exit {
    /// An outcome that breaks nothing.
    pub const CLEAN: Self = Self {
        outcome_ok: true,
        oracle: Prediction::NONE,
    };

    /// Whether the outcome breaks nothing.
    pub const fn is_clean(self) -> bool {
        self.outcome_ok && !self.oracle.is_some()
    }

    /// Fills `out` with the exit verdict (see [`check_exit`]); `spec`, `args` and `ret` are the
    /// ones given to it.
    pub fn violations(
        self,
        spec: &SyscallSpec,
        args: &[u64; MAX_PARAMS],
        ret: i64,
        out: &mut Verdict,
    ) {
        out.clear();
        let failed = errno_of(ret).is_some();
        if !self.outcome_ok {
            out.push(Violation {
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
        if let Some((p, c)) = self.oracle.first() {
            out.push(Violation {
                kind: if failed {
                    ViolationKind::OracleErrno
                } else {
                    ViolationKind::OracleSuccess
                },
                param: Some(p),
                constraint: c,
                value: param_value(spec.params, args, usize::from(p)),
                ret,
            });
        }
    }
}

/// Judges the outcome of a call at `sys_exit`, given the arguments read at its entry and the
/// prediction [`check_entry`] made from them ([`Entry::prediction`]).
///
/// - The errno is the one user space sees ([`errno_of`]: a restart code of a signal is `EINTR`;
///   [`ERESTARTNOINTR`], a transparent restart, is clean).
/// - An errno not in the spec's declared list is [`ViolationKind::UndeclaredErrno`].
/// - A success outside the return spec is [`ViolationKind::BadSuccess`].
/// - The oracle: if constraints that predict an outcome were broken at entry, the call must fail
///   with one of the errnos tied to any of them ([`ViolationKind::OracleErrno`] otherwise), and a
///   success is [`ViolationKind::OracleSuccess`]; the violation names the first of them.
///   Advisory constraints (no errnos) predict nothing.
///
/// [`Exit::violations`] gives the verdict of an outcome that is not clean.
#[inline]
pub fn check_exit(
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
    prediction: Prediction,
    ret: i64,
) -> Exit {
    let errno = errno_of(ret);
    let outcome_ok = match errno {
        // Restarted: the call runs again, from its entry, and is judged then.
        Some(ERESTARTNOINTR) => return Exit::CLEAN,
        Some(e) => spec.errors.declares(e) || returns_value(spec, args),
        None => success_ok(spec.ret, ret),
    };
    let oracle = if prediction.is_some() {
        oracle(spec, args, prediction, errno)
    } else {
        Prediction::NONE
    };
    Exit { outcome_ok, oracle }
}

/// Whether the call's return is a value whatever its sign ([`SyscallSpec::value_returns`]).
#[inline(never)]
fn returns_value(spec: &SyscallSpec, args: &[u64; MAX_PARAMS]) -> bool {
    spec.value_returns.is_some_and(|v| {
        let i = usize::from(v.param);
        let value = param_value(spec.params, args, i);
        let norm = spec.params.get(i).map(|p| Norm::of(p.ty));
        v.values
            .iter()
            .any(|&w| norm.map_or(w, |n| n.apply(w)) == value)
    })
}

/// The oracle's verdict on a call that broke the predicting constraints `prediction` names
/// the first of, and then returned `errno` (`None`: succeeded): that first one, unless one of
/// the broken predicting constraints allows `errno` (then [`Prediction::NONE`]).
#[inline(never)]
fn oracle(
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
    prediction: Prediction,
    errno: Option<u16>,
) -> Prediction {
    let Some((p, c)) = prediction.first() else {
        return Prediction::NONE;
    };
    let Some(first) = spec
        .params
        .get(usize::from(p))
        .and_then(|param| param.constraints.get(usize::from(c)))
    else {
        // Not a prediction `check_entry` made: nothing to judge.
        return Prediction::NONE;
    };
    let Some(e) = errno else {
        return prediction;
    };
    if first.errnos.contains(e) || later_allows(spec, args, (usize::from(p), usize::from(c)), e) {
        Prediction::NONE
    } else {
        prediction
    }
}

/// Whether a predicting constraint after constraint `after.1` of parameter `after.0` is broken
/// and allows `errno`. Constraints that do not list `errno` are not evaluated.
fn later_allows(
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
    after: (usize, usize),
    errno: u16,
) -> bool {
    let (p, c) = after;
    spec.params
        .iter()
        .zip(args)
        .enumerate()
        .skip(p)
        .any(|(q, (param, &raw))| {
            let ty = Norm::of(param.ty);
            let value = ty.apply(raw);
            // On the first broken constraint's own parameter, the constraints after it.
            let from = if q == p { c.saturating_add(1) } else { 0 };
            param
                .constraints
                .iter()
                .take(MAX_CONSTRAINTS)
                .skip(from)
                .any(|k| k.errnos.contains(errno) && !satisfies(&k.kind, ty, value, spec, args))
        })
}

#[inline]
fn success_ok(check: ReturnCheck, ret: i64) -> bool {
    match check {
        ReturnCheck::Any => true,
        ReturnCheck::Exact(v) => ret == v,
        ReturnCheck::Range { min, max } => (min..=max).contains(&ret),
        ReturnCheck::Fd => (0..=i64::from(i32::MAX)).contains(&ret),
        ReturnCheck::NoReturn => false,
    }
}

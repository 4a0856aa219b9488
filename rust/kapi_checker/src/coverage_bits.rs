// SPDX-License-Identifier: GPL-2.0

//! Spec coverage: which parts of a spec a run has exercised.
//!
//! For each spec the module keeps three things, as bits of fixed-size words:
//!
//! - whether a call **succeeded** (any non-error return);
//! - which **declared errnos** a call returned: bit `i` is `spec.errors[i]`;
//! - which **constraints** an argument was seen breaking at entry: bit `i` is the `i`-th
//!   constraint of the spec counting through the parameters in order (`params[0]`'s constraints
//!   first), see [`constraint_bit`].
//!
//! Both bitmaps are one `u64`: at most [`MAX_COVERED`] errnos and constraints per spec are
//! tracked. The spec linter refuses more declared errors (and more runtime constraints) than
//! that, and anything beyond the cap in a hand-built spec is simply not tracked: no bit, no
//! panic.
//!
//! This module is the pure part ("which bit"): the kernel module keeps the atomics and asks here
//! which bit a verdict or a return value sets, and how to name it. Everything is bounded by the
//! spec's static slices and the cap; nothing allocates or panics.

use core::fmt;

use crate::check::{errno_of, Verdict, Violation, ViolationKind};
use crate::spec::{Constraint, ErrorSpec, ParamSpec, SyscallSpec, MAX_PARAMS};

/// Most errnos, and most constraints, tracked per spec (the width of one bitmap word).
pub const MAX_COVERED: usize = 64;

/// What a return value covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A success (the return value is not in the errno range).
    Success,
    /// A declared errno: the bit of its position in `spec.errors`.
    Errno(u64),
    /// An errno the spec does not declare, or one past [`MAX_COVERED`]: nothing to cover.
    Untracked,
}

/// What the return value `ret` of a call of `spec` covers.
#[inline]
pub fn exit_outcome(spec: &SyscallSpec, ret: i64) -> Outcome {
    match errno_of(ret) {
        None => Outcome::Success,
        Some(e) => match spec.error_index(e) {
            Some(i) if i < MAX_COVERED => Outcome::Errno(1 << i),
            _ => Outcome::Untracked,
        },
    }
}

/// The bit of constraint `constraint` of parameter `param`: constraints are numbered through the
/// parameters in order. `None` if there is no such constraint or it is past [`MAX_COVERED`].
pub fn constraint_bit(spec: &SyscallSpec, param: u8, constraint: u8) -> Option<u64> {
    let param = usize::from(param);
    let constraint = usize::from(constraint);
    if param >= MAX_PARAMS {
        return None;
    }
    let mut index = 0usize;
    for p in spec.params.iter().take(param) {
        index = index.saturating_add(p.constraints.len());
    }
    let count = spec.params.get(param)?.constraints.len();
    if constraint >= count {
        return None;
    }
    let index = index.saturating_add(constraint);
    (index < MAX_COVERED).then(|| 1 << index)
}

/// The constraints an entry verdict shows broken, as a bitmap ([`constraint_bit`]).
///
/// Only the violations kept in the verdict count: a call breaking more than
/// [`MAX_VIOLATIONS`](crate::MAX_VIOLATIONS) constraints at once covers the first ones only.
pub fn broken_constraints(spec: &SyscallSpec, verdict: &Verdict) -> u64 {
    verdict
        .violations
        .iter()
        .filter_map(|v| broken_constraint(spec, v))
        .fold(0, |bits, bit| bits | bit)
}

/// The bit of the constraint an [`ViolationKind::Arg`] violation shows broken
/// ([`constraint_bit`]); `None` for another kind.
pub fn broken_constraint(spec: &SyscallSpec, v: &Violation) -> Option<u64> {
    if v.kind != ViolationKind::Arg {
        return None;
    }
    constraint_bit(spec, v.param?, v.constraint)
}

/// The declared errors that are tracked, with their bits, in spec order.
pub fn covered_errors(spec: &SyscallSpec) -> impl Iterator<Item = (u64, &'static ErrorSpec)> {
    spec.errors
        .iter()
        .take(MAX_COVERED)
        .enumerate()
        .map(|(i, e)| (1u64 << i, e))
}

/// One tracked constraint of a spec.
#[derive(Clone, Copy, Debug)]
pub struct CoveredConstraint {
    /// Its bit in the constraint bitmap.
    pub bit: u64,
    /// The parameter it constrains.
    pub param: &'static ParamSpec,
    /// The constraint.
    pub constraint: &'static Constraint,
    /// Its name in coverage output, e.g. `flags:mask` (see [`ConstraintLabel`]).
    pub label: ConstraintLabel,
}

/// The tracked constraints of a spec, with their bits, in [`constraint_bit`] order.
pub fn covered_constraints(spec: &SyscallSpec) -> impl Iterator<Item = CoveredConstraint> {
    spec.params
        .iter()
        .take(MAX_PARAMS)
        .flat_map(|p| {
            p.constraints
                .iter()
                .enumerate()
                .map(move |(c, k)| (p, c, k))
        })
        .take(MAX_COVERED)
        .enumerate()
        .map(|(i, (param, c, constraint))| CoveredConstraint {
            bit: 1u64 << i,
            param,
            constraint,
            label: ConstraintLabel {
                param: param.name,
                kind: constraint.kind.name(),
                ordinal: same_kind_before(param.constraints, c).saturating_add(1),
            },
        })
}

/// How many constraints before index `c` of `constraints` have the same kind as `c`.
fn same_kind_before(constraints: &[Constraint], c: usize) -> usize {
    let Some(this) = constraints.get(c) else {
        return 0;
    };
    let kind = this.kind.name();
    constraints
        .iter()
        .take(c)
        .filter(|other| other.kind.name() == kind)
        .count()
}

/// The name of a constraint in coverage output: `<param>:<kind>`, and `<param>:<kind>:<n>` for
/// the `n`-th (from the second on) constraint of the same kind on the same parameter. It has no
/// spaces (parameter names are C identifiers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConstraintLabel {
    /// The parameter's name.
    pub param: &'static str,
    /// [`ConstraintKind::name`](crate::ConstraintKind::name) of the constraint.
    pub kind: &'static str,
    /// 1 for the first constraint of this kind on this parameter, 2 for the second, ...
    pub ordinal: usize,
}

impl fmt::Display for ConstraintLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.param, self.kind)?;
        if self.ordinal > 1 {
            write!(f, ":{}", self.ordinal)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::{format, string::String, vec::Vec};

    use super::*;
    use crate::check::check_entry;
    use crate::spec::{ArgType, ConstraintKind, Errnos, ErrorList, ReturnCheck};

    const EINVAL: u16 = 22;
    const EPERM: u16 = 1;
    const ENOMEM: u16 = 12;

    const fn c(kind: ConstraintKind) -> Constraint {
        Constraint::new(kind, &[])
    }

    fn entry(spec: &SyscallSpec, args: &[u64; MAX_PARAMS]) -> Verdict {
        let mut v = Verdict::new();
        check_entry(spec, args).violations(spec, args, &mut v);
        v
    }

    /// Shaped like `specs/mlock2.kapi`.
    static MLOCK2: SyscallSpec = SyscallSpec {
        name: "mlock2",
        nr: 325,
        summary: "",
        params: &[
            ParamSpec {
                name: "start",
                c_type: "unsigned long",
                ty: ArgType::U64,
                constraints: &[c(ConstraintKind::NoWrap { other: 1 })],
            },
            ParamSpec {
                name: "len",
                c_type: "size_t",
                ty: ArgType::U64,
                constraints: &[c(ConstraintKind::Range {
                    min: 0,
                    max: i64::MAX as u64,
                })],
            },
            ParamSpec {
                name: "flags",
                c_type: "int",
                ty: ArgType::I32,
                constraints: &[Constraint {
                    kind: ConstraintKind::Mask { valid: 1 },
                    errnos: Errnos::new(&[EINVAL]),
                }],
            },
        ],
        ret: ReturnCheck::Exact(0),
        errors: ErrorList::new(&[
            ErrorSpec {
                errno: EINVAL,
                name: "EINVAL",
            },
            ErrorSpec {
                errno: EPERM,
                name: "EPERM",
            },
            ErrorSpec {
                errno: ENOMEM,
                name: "ENOMEM",
            },
        ]),
        doc: "",
        paired: false,
        value_returns: None,
    };

    /// A spec with `n` declared errors (errnos 1..=n) and one parameter with `n` constraints.
    fn wide(n: usize) -> SyscallSpec {
        let errors: Vec<ErrorSpec> = (1..=n)
            .map(|e| ErrorSpec {
                errno: e as u16,
                name: "E",
            })
            .collect();
        let constraints: Vec<Constraint> = (0..n).map(|_| c(ConstraintKind::NonZero)).collect();
        let params = std::vec![ParamSpec {
            name: "x",
            c_type: "int",
            ty: ArgType::I32,
            constraints: constraints.leak(),
        }];
        SyscallSpec {
            name: "wide",
            nr: 0,
            summary: "",
            params: params.leak(),
            ret: ReturnCheck::Any,
            errors: ErrorList::new(errors.leak()),
            doc: "",
            paired: false,
            value_returns: None,
        }
    }

    #[test]
    fn outcomes() {
        assert_eq!(exit_outcome(&MLOCK2, 0), Outcome::Success);
        assert_eq!(exit_outcome(&MLOCK2, 7), Outcome::Success);
        assert_eq!(exit_outcome(&MLOCK2, -4096), Outcome::Success);
        assert_eq!(exit_outcome(&MLOCK2, -22), Outcome::Errno(1));
        assert_eq!(exit_outcome(&MLOCK2, -1), Outcome::Errno(2));
        assert_eq!(exit_outcome(&MLOCK2, -12), Outcome::Errno(4));
        assert_eq!(exit_outcome(&MLOCK2, -14), Outcome::Untracked);
    }

    #[test]
    fn constraint_bits_count_through_params() {
        assert_eq!(constraint_bit(&MLOCK2, 0, 0), Some(1));
        assert_eq!(constraint_bit(&MLOCK2, 1, 0), Some(2));
        assert_eq!(constraint_bit(&MLOCK2, 2, 0), Some(4));
        assert_eq!(constraint_bit(&MLOCK2, 2, 1), None);
        assert_eq!(constraint_bit(&MLOCK2, 3, 0), None);
        assert_eq!(constraint_bit(&MLOCK2, 200, 0), None);
        assert_eq!(constraint_bit(&MLOCK2, 0, 255), None);
    }

    #[test]
    fn broken_constraints_from_entry_verdict() {
        let page = 0x7f00_0000_0000u64;
        let v = entry(&MLOCK2, &[page, 4096, 0x80, 0, 0, 0]);
        assert_eq!(broken_constraints(&MLOCK2, &v), 4);
        let v = entry(&MLOCK2, &[u64::MAX, u64::MAX, 0x80, 0, 0, 0]);
        assert_eq!(broken_constraints(&MLOCK2, &v), 7);
        let v = entry(&MLOCK2, &[page, 4096, 1, 0, 0, 0]);
        assert_eq!(broken_constraints(&MLOCK2, &v), 0);
        // Exit kinds and out-of-range indices set nothing.
        let mut v = Verdict::new();
        for (kind, param, constraint) in [
            (ViolationKind::OracleErrno, Some(2), 0),
            (ViolationKind::UndeclaredErrno, None, 0),
            (ViolationKind::Arg, None, 0),
            (ViolationKind::Arg, Some(9), 0),
            (ViolationKind::Arg, Some(2), 5),
        ] {
            v.violations
                .push(Violation {
                    kind,
                    param,
                    constraint,
                    value: 0,
                    ret: 0,
                })
                .unwrap();
        }
        assert_eq!(broken_constraints(&MLOCK2, &v), 0);
    }

    #[test]
    fn labels() {
        let labels: Vec<String> = covered_constraints(&MLOCK2)
            .map(|c| format!("{} {:#x}", c.label, c.bit))
            .collect();
        assert_eq!(
            labels,
            ["start:no_wrap 0x1", "len:range 0x2", "flags:mask 0x4"]
        );
        let errors: Vec<(u64, &str)> = covered_errors(&MLOCK2).map(|(b, e)| (b, e.name)).collect();
        assert_eq!(errors, [(1, "EINVAL"), (2, "EPERM"), (4, "ENOMEM")]);

        static TWICE: [Constraint; 3] = [
            c(ConstraintKind::Mask { valid: 1 }),
            c(ConstraintKind::NonZero),
            c(ConstraintKind::Mask { valid: 3 }),
        ];
        static PARAMS: [ParamSpec; 1] = [ParamSpec {
            name: "flags",
            c_type: "int",
            ty: ArgType::I32,
            constraints: &TWICE,
        }];
        let spec = SyscallSpec {
            params: &PARAMS,
            ..MLOCK2
        };
        let labels: Vec<String> = covered_constraints(&spec)
            .map(|c| format!("{}", c.label))
            .collect();
        assert_eq!(labels, ["flags:mask", "flags:nonzero", "flags:mask:2"]);
    }

    #[test]
    fn kind_names_are_distinct_words() {
        let kinds = [
            ConstraintKind::Range { min: 0, max: 0 },
            ConstraintKind::Mask { valid: 0 },
            ConstraintKind::Enum { values: &[] },
            ConstraintKind::Exclude { values: &[] },
            ConstraintKind::Alignment { align: 8 },
            ConstraintKind::PowerOfTwo,
            ConstraintKind::PageAligned { page_size: 4096 },
            ConstraintKind::NonZero,
            ConstraintKind::Fd,
            ConstraintKind::NoWrap { other: 0 },
        ];
        let names: Vec<&str> = kinds.iter().map(ConstraintKind::name).collect();
        for (i, n) in names.iter().enumerate() {
            assert!(
                n.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{n}"
            );
            assert!(!names[..i].contains(n), "{n} twice");
        }
    }

    #[test]
    fn cap_is_safe() {
        let spec = wide(100);
        assert_eq!(covered_errors(&spec).count(), MAX_COVERED);
        assert_eq!(covered_constraints(&spec).count(), MAX_COVERED);
        assert_eq!(covered_constraints(&spec).last().unwrap().bit, 1 << 63);
        assert_eq!(exit_outcome(&spec, -64), Outcome::Errno(1 << 63));
        assert_eq!(exit_outcome(&spec, -65), Outcome::Untracked);
        assert_eq!(constraint_bit(&spec, 0, 63), Some(1 << 63));
        assert_eq!(constraint_bit(&spec, 0, 64), None);
        assert_eq!(constraint_bit(&spec, 0, 99), None);
        // Every call breaking constraints past the cap sets at most the tracked bits.
        let v = entry(&spec, &[0; MAX_PARAMS]);
        assert_eq!(
            broken_constraints(&spec, &v),
            (1 << crate::MAX_VIOLATIONS) - 1
        );
    }
}

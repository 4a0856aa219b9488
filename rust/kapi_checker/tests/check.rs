// SPDX-License-Identifier: GPL-2.0

//! `check_entry` and `check_exit` on static specs modelled on mlock2 and mlockall, the bound on
//! violations, `errno_of`, and random specs, arguments and return values against the model.

mod common;

use common::*;
use kapi_checker::{
    check_entry, check_exit, errno_of, ArgType, Constraint, ConstraintKind, Errnos, ErrorList,
    ErrorSpec, ParamSpec, Prediction, ReturnCheck, SyscallSpec, ValueReturns, Verdict, Violation,
    ViolationKind, MAX_ERRNO, MAX_PARAMS, MAX_VIOLATIONS,
};
use proptest::prelude::*;

const PAGE: u64 = 0x7f12_3456_7000;

fn arg_violation(param: u8, constraint: u8, value: u64) -> Violation {
    Violation {
        kind: ViolationKind::Arg,
        param: Some(param),
        constraint,
        value,
        ret: 0,
    }
}

fn exit_violation(kind: ViolationKind, ret: i64) -> Violation {
    Violation {
        kind,
        param: None,
        constraint: 0,
        value: 0,
        ret,
    }
}

fn oracle(kind: ViolationKind, param: u8, constraint: u8, value: u64, ret: i64) -> Violation {
    Violation {
        kind,
        param: Some(param),
        constraint,
        value,
        ret,
    }
}

fn list(v: &Verdict) -> Vec<Violation> {
    v.violations.iter().copied().collect()
}

fn neg(errno: u16) -> i64 {
    -i64::from(errno)
}

// ---- errno_of ----------------------------------------------------------------------------------

#[test]
fn errno_of_boundaries() {
    assert_eq!(errno_of(0), None);
    assert_eq!(errno_of(1), None);
    assert_eq!(errno_of(-1), Some(1));
    assert_eq!(errno_of(-22), Some(22));
    // The restart codes a signal turns into EINTR (or a restart) are EINTR.
    assert_eq!(errno_of(-512), Some(4));
    assert_eq!(errno_of(-514), Some(4));
    assert_eq!(errno_of(-516), Some(4));
    // ERESTARTNOINTR and ENOIOCTLCMD are not.
    assert_eq!(errno_of(-513), Some(513));
    assert_eq!(errno_of(-515), Some(515));
    assert_eq!(errno_of(-4095), Some(4095));
    assert_eq!(errno_of(-MAX_ERRNO), Some(4095));
    assert_eq!(errno_of(-4096), None);
    assert_eq!(errno_of(i64::MIN), None);
    assert_eq!(errno_of(i64::MIN + 1), None);
    assert_eq!(errno_of(i64::MAX), None);
    // An mmap-like address with the top bit set is a success, not an error.
    assert_eq!(errno_of(0xffff_8000_0000_0000u64 as i64), None);
}

proptest! {
    #[test]
    fn errno_of_matches_definition(ret in arb_ret_value()) {
        prop_assert_eq!(errno_of(ret), model_errno(ret));
    }
}

// ---- mlock2 ------------------------------------------------------------------------------------

#[test]
fn mlock2_valid_calls_are_clean() {
    for a in [
        [PAGE, 4096, 0],
        [PAGE, 4096, MLOCK_ONFAULT],
        [PAGE + 1, 0, 0],
        [0, LONG_MAX, 0],
        [PAGE, 4096, 0x1_0000_0001],         // int 1
        [PAGE, 4096, 0xffff_ffff_0000_0000], // int 0
        [u64::MAX, 0, 0],
    ] {
        let a = args(&a);
        assert!(entry(&MLOCK2, &a).is_clean(), "{a:x?}");
        for ret in [
            0,
            neg(ENOMEM),
            neg(EPERM),
            neg(EINTR),
            neg(EAGAIN),
            neg(EINVAL),
        ] {
            assert!(exit(&MLOCK2, &a, ret).is_clean(), "{a:x?} {ret}");
        }
    }
}

#[test]
fn mlock2_bad_flags() {
    for (flags, value) in [
        (2u64, 2u64),
        (0x80, 0x80),
        (u64::MAX, u64::MAX),
        (0xffff_ffff, u64::MAX), // int -1
        (0x1_0000_0003, 3),
    ] {
        let a = args(&[PAGE, 4096, flags]);
        let v = entry(&MLOCK2, &a);
        assert_eq!(list(&v), [arg_violation(2, 0, value)]);
        assert_eq!(v.dropped, 0);
        // The kernel's answer: EINVAL, and nothing else.
        assert!(exit(&MLOCK2, &a, neg(EINVAL)).is_clean());
        for ret in [neg(ENOMEM), neg(EPERM), neg(EINTR)] {
            assert_eq!(
                list(&exit(&MLOCK2, &a, ret)),
                [oracle(ViolationKind::OracleErrno, 2, 0, value, ret)]
            );
        }
        assert_eq!(
            list(&exit(&MLOCK2, &a, 0)),
            [oracle(ViolationKind::OracleSuccess, 2, 0, value, 0)]
        );
    }
}

#[test]
fn mlock2_advisory_constraints_predict_nothing() {
    // mlock2(0x1000, ULONG_MAX, 0): start + len wraps and len > LONG_MAX, both advisory. The
    // kernel returns 0 (the page rounding wraps to 0); that is no oracle violation.
    let a = args(&[0x1000, u64::MAX, 0]);
    assert_eq!(
        list(&entry(&MLOCK2, &a)),
        [arg_violation(0, 0, 0x1000), arg_violation(1, 0, u64::MAX)]
    );
    for ret in [0, neg(EINVAL), neg(ENOMEM), neg(EPERM)] {
        assert!(exit(&MLOCK2, &a, ret).is_clean(), "{ret}");
    }
}

#[test]
fn mlock2_several_broken_constraints() {
    let a = args(&[u64::MAX, u64::MAX, 2]);
    assert_eq!(
        list(&entry(&MLOCK2, &a)),
        [
            arg_violation(0, 0, u64::MAX),
            arg_violation(1, 0, u64::MAX),
            arg_violation(2, 0, 2)
        ]
    );
    // Only the flags rule predicts: the oracle names it, not the advisory ones before it.
    assert!(exit(&MLOCK2, &a, neg(EINVAL)).is_clean());
    assert_eq!(
        list(&exit(&MLOCK2, &a, 0)),
        [oracle(ViolationKind::OracleSuccess, 2, 0, 2, 0)]
    );
}

#[test]
fn mlock2_undeclared_errno_and_bad_success() {
    let ok = args(&[PAGE, 4096, 0]);
    assert_eq!(
        list(&exit(&MLOCK2, &ok, neg(EFAULT))),
        [exit_violation(ViolationKind::UndeclaredErrno, neg(EFAULT))]
    );
    assert_eq!(
        list(&exit(&MLOCK2, &ok, -4095)),
        [exit_violation(ViolationKind::UndeclaredErrno, -4095)]
    );
    for ret in [1, 4096, -4096, i64::MIN, i64::MAX] {
        assert_eq!(
            list(&exit(&MLOCK2, &ok, ret)),
            [exit_violation(ViolationKind::BadSuccess, ret)]
        );
    }
    // Both kinds at once: an undeclared errno that the oracle did not predict either.
    let bad = args(&[PAGE, 4096, 2]);
    assert_eq!(
        list(&exit(&MLOCK2, &bad, neg(EFAULT))),
        [
            exit_violation(ViolationKind::UndeclaredErrno, neg(EFAULT)),
            oracle(ViolationKind::OracleErrno, 2, 0, 2, neg(EFAULT))
        ]
    );
    // A bad success that is also an oracle success.
    assert_eq!(
        list(&exit(&MLOCK2, &bad, 7)),
        [
            exit_violation(ViolationKind::BadSuccess, 7),
            oracle(ViolationKind::OracleSuccess, 2, 0, 2, 7)
        ]
    );
}

// ---- mlockall ----------------------------------------------------------------------------------

#[test]
fn restart_codes_are_eintr_or_a_restart() {
    // mlock2 declares EINTR: the restart codes a signal turns into EINTR are fine ...
    let ok = args(&[PAGE, 4096, 0]);
    for code in [512, 514, 516] {
        assert_eq!(list(&exit(&MLOCK2, &ok, -code)), []);
    }
    // ... and satisfy an oracle that allows EINTR? mlock2's flags rule allows only EINVAL.
    let bad = args(&[PAGE, 4096, 2]);
    assert_eq!(
        list(&exit(&MLOCK2, &bad, -512)),
        [oracle(ViolationKind::OracleErrno, 2, 0, 2, -512)]
    );
    // ERESTARTNOINTR is a restart, judged when the call runs again: nothing, even when an
    // oracle predicted an errno.
    assert_eq!(list(&exit(&MLOCK2, &ok, -513)), []);
    assert_eq!(list(&exit(&MLOCK2, &bad, -513)), []);
    // ENOIOCTLCMD (515) is no restart code: undeclared.
    assert_eq!(
        list(&exit(&MLOCK2, &ok, -515)),
        [exit_violation(ViolationKind::UndeclaredErrno, -515)]
    );
}

#[test]
fn mlockall_flags() {
    let valid = [1, 2, 3, 5, 6, 7, 0x1_0000_0002];
    for f in valid {
        let a = args(&[f]);
        assert!(entry(&MLOCKALL, &a).is_clean(), "{f:#x}");
        assert!(exit(&MLOCKALL, &a, 0).is_clean());
        assert!(exit(&MLOCKALL, &a, neg(EPERM)).is_clean());
    }
    // (flags, index of the broken rule: 0 mask, 1 nonzero, 2 exclude(MCL_ONFAULT), value)
    let invalid = [
        (0u64, 1u8, 0u64),
        (0x1_0000_0000, 1, 0),
        (4, 2, 4),
        (8, 0, 8),
        (0x80, 0, 0x80),
        (u64::MAX, 0, u64::MAX),
        (0x8000_0000, 0, 0xffff_ffff_8000_0000),
    ];
    for (f, c, value) in invalid {
        let a = args(&[f]);
        assert_eq!(
            list(&entry(&MLOCKALL, &a)),
            [arg_violation(0, c, value)],
            "{f:#x}"
        );
        assert!(exit(&MLOCKALL, &a, neg(EINVAL)).is_clean());
        assert_eq!(
            list(&exit(&MLOCKALL, &a, neg(EPERM))),
            [oracle(ViolationKind::OracleErrno, 0, c, value, neg(EPERM))]
        );
        assert_eq!(
            list(&exit(&MLOCKALL, &a, 0)),
            [oracle(ViolationKind::OracleSuccess, 0, c, value, 0)]
        );
    }
    // The three rules never break together (an unknown bit makes the value neither 0 nor 4),
    // so a bad value is always exactly one violation.
    let a = args(&[MCL_ONFAULT | 8]);
    assert_eq!(list(&entry(&MLOCKALL, &a)), [arg_violation(0, 0, 12)]);
    let a = args(&[0xffff_ffff_0000_0000]); // int 0: nonzero is the only rule broken
    assert_eq!(list(&entry(&MLOCKALL, &a)), [arg_violation(0, 1, 0)]);
}

// ---- the oracle across parameters --------------------------------------------------------------

static TWO_ORACLES: SyscallSpec = SyscallSpec {
    name: "two",
    nr: 1,
    summary: "",
    params: &[
        ParamSpec {
            name: "fd",
            c_type: "int",
            ty: ArgType::I32,
            constraints: &[Constraint {
                kind: ConstraintKind::Fd,
                errnos: Errnos::new(&[EBADF]),
            }],
        },
        ParamSpec {
            name: "advice",
            c_type: "int",
            ty: ArgType::I32,
            constraints: &[
                Constraint {
                    kind: ConstraintKind::NonZero,
                    errnos: Errnos::new(&[]),
                },
                Constraint {
                    kind: ConstraintKind::Range { min: 0, max: 10 },
                    errnos: Errnos::new(&[EINVAL, ENOMEM]),
                },
            ],
        },
    ],
    ret: ReturnCheck::Range { min: 0, max: 100 },
    errors: ErrorList::new(&[
        ErrorSpec {
            errno: EBADF,
            name: "EBADF",
        },
        ErrorSpec {
            errno: EINVAL,
            name: "EINVAL",
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

#[test]
fn oracle_allows_the_union_and_names_the_first() {
    let a = args(&[u64::MAX, 0xffff_ffff]); // fd -1, advice -1
    assert_eq!(
        list(&entry(&TWO_ORACLES, &a)),
        [arg_violation(0, 0, u64::MAX), arg_violation(1, 1, u64::MAX)]
    );
    for e in [EBADF, EINVAL, ENOMEM] {
        assert!(exit(&TWO_ORACLES, &a, neg(e)).is_clean(), "{e}");
    }
    assert_eq!(
        list(&exit(&TWO_ORACLES, &a, neg(EPERM))),
        [
            exit_violation(ViolationKind::UndeclaredErrno, neg(EPERM)),
            oracle(ViolationKind::OracleErrno, 0, 0, u64::MAX, neg(EPERM))
        ]
    );
    assert_eq!(
        list(&exit(&TWO_ORACLES, &a, 5)),
        [oracle(ViolationKind::OracleSuccess, 0, 0, u64::MAX, 5)]
    );
    // Only the second parameter broken: its own errnos, not the first's.
    let a = args(&[3, 11]);
    assert!(exit(&TWO_ORACLES, &a, neg(ENOMEM)).is_clean());
    assert_eq!(
        list(&exit(&TWO_ORACLES, &a, neg(EBADF))),
        [oracle(ViolationKind::OracleErrno, 1, 1, 11, neg(EBADF))]
    );
    // Advisory rule broken alone (advice 0): reported at entry, nothing predicted at exit.
    let a = args(&[3, 0]);
    assert_eq!(list(&entry(&TWO_ORACLES, &a)), [arg_violation(1, 0, 0)]);
    assert!(exit(&TWO_ORACLES, &a, 0).is_clean());
    assert!(exit(&TWO_ORACLES, &a, neg(EBADF)).is_clean());
    // The return range.
    let ok = args(&[3, 4]);
    assert!(exit(&TWO_ORACLES, &ok, 100).is_clean());
    assert_eq!(
        list(&exit(&TWO_ORACLES, &ok, 101)),
        [exit_violation(ViolationKind::BadSuccess, 101)]
    );
}

#[test]
fn return_checks() {
    let spec = |ret| SyscallSpec {
        ret,
        ..one_param(ArgType::U64, &[], &[])
    };
    let a = args(&[]);
    let clean = |r: ReturnCheck, v: i64| exit(&spec(r), &a, v).is_clean();
    assert!(clean(ReturnCheck::Any, 0));
    assert!(clean(ReturnCheck::Any, i64::MIN));
    assert!(clean(ReturnCheck::Exact(0), 0));
    assert!(!clean(ReturnCheck::Exact(0), 1));
    assert!(clean(ReturnCheck::Fd, 0));
    assert!(clean(ReturnCheck::Fd, i64::from(i32::MAX)));
    assert!(!clean(ReturnCheck::Fd, i64::from(i32::MAX) + 1));
    assert!(!clean(ReturnCheck::Fd, -4096));
    assert!(!clean(ReturnCheck::NoReturn, 0));
    assert!(clean(ReturnCheck::Range { min: -5000, max: 5 }, -4096));
    assert!(!clean(ReturnCheck::Range { min: 5, max: 0 }, 3)); // empty range
                                                               // An errno is judged by the error list, whatever the return check says.
    assert!(!clean(ReturnCheck::NoReturn, -1)); // undeclared
    let declared = SyscallSpec {
        errors: ErrorList::new(&[ErrorSpec {
            errno: 1,
            name: "EPERM",
        }]),
        ..spec(ReturnCheck::NoReturn)
    };
    assert!(exit(&declared, &a, -1).is_clean());
}

// ---- the bound on violations -------------------------------------------------------------------

#[test]
fn violations_are_bounded_and_counted() {
    // Ten broken rules on one parameter: eight kept, two dropped, in order.
    let spec = one_param(ArgType::U64, &[ConstraintKind::NonZero; 10], &[EINVAL]);
    let a = args(&[0]);
    let v = entry(&spec, &a);
    assert_eq!(v.violations.len(), MAX_VIOLATIONS);
    assert_eq!(v.dropped, 2);
    assert!(!v.is_clean());
    for (i, x) in v.violations.iter().enumerate() {
        assert_eq!(*x, arg_violation(0, i as u8, 0));
    }
    // The exit verdict stays small: one oracle violation names the first rule.
    assert_eq!(
        list(&exit(&spec, &a, 0)),
        [oracle(ViolationKind::OracleSuccess, 0, 0, 0, 0)]
    );

    // Exactly MAX_VIOLATIONS: nothing dropped.
    let spec = one_param(
        ArgType::U64,
        &[ConstraintKind::NonZero; MAX_VIOLATIONS],
        &[],
    );
    let v = entry(&spec, &a);
    assert_eq!((v.violations.len(), v.dropped), (MAX_VIOLATIONS, 0));

    // Across the six parameters (a seventh is never read).
    let param = ParamSpec {
        name: "p",
        c_type: "",
        ty: ArgType::U64,
        constraints: leak(vec![
            Constraint {
                kind: ConstraintKind::NonZero,
                errnos: Errnos::new(&[]),
            };
            3
        ]),
    };
    let spec = SyscallSpec {
        params: leak(vec![param; MAX_PARAMS + 1]),
        ..one_param(ArgType::U64, &[], &[])
    };
    let v = entry(&spec, &args(&[]));
    assert_eq!((v.violations.len(), v.dropped), (MAX_VIOLATIONS, 3 * 6 - 8));
    assert_eq!(v.violations[7], arg_violation(2, 1, 0));

    // A parameter with more constraints than a u8 can index: only the first 255 are checked.
    let spec = one_param(ArgType::U64, &[ConstraintKind::NonZero; 300], &[]);
    let v = entry(&spec, &a);
    assert_eq!(usize::from(v.dropped) + v.violations.len(), 255);
}

// ---- random specs: no panic, and the same verdicts as the model --------------------------------

fn model_entry(spec: &SyscallSpec, raw: &[u64; MAX_PARAMS]) -> (Vec<Violation>, usize) {
    let all: Vec<Violation> = model_broken(spec, raw)
        .into_iter()
        .map(|(p, c, value)| arg_violation(p, c, value))
        .collect();
    let dropped = all.len().saturating_sub(MAX_VIOLATIONS);
    (all.into_iter().take(MAX_VIOLATIONS).collect(), dropped)
}

fn model_exit(spec: &SyscallSpec, raw: &[u64; MAX_PARAMS], ret: i64) -> Vec<Violation> {
    let mut out = Vec::new();
    if ret == -513 {
        // ERESTARTNOINTR: restarted, judged when it runs again.
        return out;
    }
    let errno = model_errno(ret);
    match errno {
        Some(e) if !spec.errors.iter().any(|x| x.errno == e) => {
            out.push(exit_violation(ViolationKind::UndeclaredErrno, ret))
        }
        Some(_) => {}
        None => {
            let ok = match spec.ret {
                ReturnCheck::Any => true,
                ReturnCheck::Exact(v) => ret == v,
                ReturnCheck::Range { min, max } => min <= ret && ret <= max,
                ReturnCheck::Fd => (0..=i64::from(i32::MAX)).contains(&ret),
                ReturnCheck::NoReturn => false,
            };
            if !ok {
                out.push(exit_violation(ViolationKind::BadSuccess, ret));
            }
        }
    }
    let predicting: Vec<(u8, u8, u64)> = model_broken(spec, raw)
        .into_iter()
        .filter(|&(p, c, _)| {
            !spec.params[usize::from(p)].constraints[usize::from(c)]
                .errnos
                .is_empty()
        })
        .collect();
    let allowed = predicting.iter().any(|&(p, c, _)| {
        let errnos = spec.params[usize::from(p)].constraints[usize::from(c)].errnos;
        errno.is_some_and(|e| errnos.as_slice().contains(&e))
    });
    if let (Some(&(p, c, value)), false) = (predicting.first(), allowed) {
        let kind = if errno.is_some() {
            ViolationKind::OracleErrno
        } else {
            ViolationKind::OracleSuccess
        };
        out.push(oracle(kind, p, c, value, ret));
    }
    out
}

/// The first broken constraint that has errnos.
fn model_prediction(spec: &SyscallSpec, raw: &[u64; MAX_PARAMS]) -> Option<(u8, u8)> {
    model_broken(spec, raw)
        .into_iter()
        .map(|(p, c, _)| (p, c))
        .find(|&(p, c)| {
            !spec.params[usize::from(p)].constraints[usize::from(c)]
                .errnos
                .is_empty()
        })
}

fn arb_args() -> impl Strategy<Value = [u64; MAX_PARAMS]> {
    prop::array::uniform6(arb_word())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn random_specs_match_the_model(spec in arb_spec(), raw in arb_args(), ret in arb_ret_value()) {
        // One verdict for both checks, as a probe may reuse one: each fill starts it afresh.
        let mut v = Verdict::new();
        let entry = check_entry(&spec, &raw);
        entry.violations(&spec, &raw, &mut v);
        let (violations, dropped) = model_entry(&spec, &raw);
        prop_assert_eq!(list(&v), violations);
        prop_assert_eq!(usize::from(v.dropped), dropped);
        prop_assert_eq!(entry.is_clean(), model_broken(&spec, &raw).is_empty());
        prop_assert_eq!(v.is_clean(), entry.is_clean());
        prop_assert_eq!(entry.prediction().first(), model_prediction(&spec, &raw));
        // The prediction survives storage between the probes.
        let prediction = Prediction::from_bits(entry.prediction().to_bits());

        let exit = check_exit(&spec, &raw, prediction, ret);
        exit.violations(&spec, &raw, ret, &mut v);
        let expected = model_exit(&spec, &raw, ret);
        prop_assert_eq!(exit.is_clean(), expected.is_empty());
        prop_assert_eq!(list(&v), expected);
        prop_assert_eq!(v.dropped, 0);
    }

    #[test]
    fn mlock2_against_the_model(a in arb_args(), ret in arb_ret_value()) {
        let (violations, dropped) = model_entry(&MLOCK2, &a);
        let entry = entry(&MLOCK2, &a);
        prop_assert_eq!(list(&entry), violations);
        prop_assert_eq!(usize::from(entry.dropped), dropped);
        prop_assert_eq!(list(&exit(&MLOCK2, &a, ret)), model_exit(&MLOCK2, &a, ret));
        // The kernel's rule for flags, as C evaluates it on the int.
        let flags = a[2] as u32 as i32;
        let kernel_einval = flags & !(MLOCK_ONFAULT as i32) != 0;
        prop_assert_eq!(entry.violations.iter().any(|v| v.param == Some(2)), kernel_einval);
    }

    #[test]
    fn mlockall_against_the_kernel_rule(flags in arb_word()) {
        // SYSCALL_DEFINE1(mlockall): !flags || flags & ~(CURRENT|FUTURE|ONFAULT) || flags == ONFAULT
        let f = flags as u32 as i32;
        let valid = (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) as i32;
        let kernel_einval = f == 0 || f & !valid != 0 || f == MCL_ONFAULT as i32;
        let a = args(&[flags]);
        prop_assert_eq!(!entry(&MLOCKALL, &a).is_clean(), kernel_einval);
        prop_assert_eq!(exit(&MLOCKALL, &a, 0).is_clean(), !kernel_einval);
        prop_assert!(exit(&MLOCKALL, &a, neg(EINVAL)).is_clean());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// `Entry::single` is the whole entry verdict when exactly one constraint is broken, and
    /// `None` otherwise.
    #[test]
    fn single_is_the_verdict_of_one_broken_constraint(spec in arb_spec(), raw in arb_args()) {
        let entry = check_entry(&spec, &raw);
        let mut v = Verdict::new();
        entry.violations(&spec, &raw, &mut v);
        match entry.single(&spec, &raw) {
            Some(one) => prop_assert_eq!(v.violations.as_slice(), &[one][..]),
            None => prop_assert!(v.violations.len() != 1 || v.dropped != 0),
        }
    }
}

/// `fcntl`-like: `cmd` 9 (`F_GETOWN`) returns values in -4095..-1 (a process group owner).
static VALUE_WHEN: SyscallSpec = SyscallSpec {
    name: "fcntl",
    nr: 72,
    summary: "",
    params: &[
        ParamSpec {
            name: "fd",
            c_type: "unsigned int",
            ty: ArgType::U32,
            constraints: &[Constraint {
                kind: ConstraintKind::Fd,
                errnos: Errnos::new(&[EBADF]),
            }],
        },
        ParamSpec {
            name: "cmd",
            c_type: "unsigned int",
            ty: ArgType::U32,
            constraints: &[],
        },
    ],
    ret: ReturnCheck::Any,
    errors: ErrorList::new(&[ErrorSpec {
        errno: EBADF,
        name: "EBADF",
    }]),
    doc: "",
    paired: false,
    value_returns: Some(ValueReturns {
        param: 1,
        values: &[9],
    }),
};

#[test]
fn value_returns_take_any_return_as_a_value_for_those_values_only() {
    // F_GETOWN of process group 5: -5 ("EIO") is the owner, not an error.
    assert!(exit(&VALUE_WHEN, &args(&[3, 9]), neg(5)).is_clean());
    // Upper bits of the register are not part of an unsigned int cmd.
    assert!(exit(&VALUE_WHEN, &args(&[3, 0xdead_0000_0009]), neg(5)).is_clean());
    // Another command returning -5 is an undeclared errno.
    assert_eq!(
        list(&exit(&VALUE_WHEN, &args(&[3, 1]), neg(5))),
        [exit_violation(ViolationKind::UndeclaredErrno, neg(5))]
    );
    // The oracle still judges a broken rule: fd -1 must fail with EBADF.
    let bad_fd = args(&[u64::from(u32::MAX), 9]);
    assert!(exit(&VALUE_WHEN, &bad_fd, neg(EBADF)).is_clean());
    assert_eq!(
        list(&exit(&VALUE_WHEN, &bad_fd, neg(5))),
        [oracle(
            ViolationKind::OracleErrno,
            0,
            0,
            u64::from(u32::MAX),
            neg(5)
        )]
    );
}

// SPDX-License-Identifier: GPL-2.0

//! Shared by the integration tests: a reference model of the checker written from the
//! mathematical definitions (integers, not bit tricks), strategies for random types, constraints
//! and specs, and two static specs modelled on mlock2 and mlockall.

#![allow(dead_code)]

use kapi_checker::{
    check_entry, check_exit, ArgType, Constraint, ConstraintKind, Errnos, ErrorList, ErrorSpec,
    ParamSpec, ReturnCheck, SyscallSpec, Verdict, AT_FDCWD, MAX_PARAMS,
};
use proptest::prelude::*;

pub const EPERM: u16 = 1;
pub const EINTR: u16 = 4;
pub const EBADF: u16 = 9;
pub const EAGAIN: u16 = 11;
pub const ENOMEM: u16 = 12;
pub const EFAULT: u16 = 14;
pub const EINVAL: u16 = 22;

pub const LONG_MAX: u64 = i64::MAX as u64;
pub const MLOCK_ONFAULT: u64 = 1;
pub const MCL_CURRENT: u64 = 1;
pub const MCL_FUTURE: u64 = 2;
pub const MCL_ONFAULT: u64 = 4;

const fn err(errno: u16, name: &'static str) -> ErrorSpec {
    ErrorSpec { errno, name }
}

/// `sys_mlock2` as `specs/mlock2.kapi` has it: `start + len` must not wrap and `len` is at most
/// `LONG_MAX` (both advisory), `flags` has the mask `MLOCK_ONFAULT` and predicts EINVAL.
pub static MLOCK2: SyscallSpec = SyscallSpec {
    name: "mlock2",
    nr: 325,
    summary: "Lock a range of the caller's address space, now or on fault",
    params: &[
        ParamSpec {
            name: "start",
            c_type: "unsigned long",
            ty: ArgType::U64,
            constraints: &[Constraint {
                kind: ConstraintKind::NoWrap { other: 1 },
                errnos: Errnos::new(&[]),
            }],
        },
        ParamSpec {
            name: "len",
            c_type: "size_t",
            ty: ArgType::U64,
            constraints: &[Constraint {
                kind: ConstraintKind::Range {
                    min: 0,
                    max: LONG_MAX,
                },
                errnos: Errnos::new(&[]),
            }],
        },
        ParamSpec {
            name: "flags",
            c_type: "int",
            ty: ArgType::I32,
            constraints: &[Constraint {
                kind: ConstraintKind::Mask {
                    valid: MLOCK_ONFAULT,
                },
                errnos: Errnos::new(&[EINVAL]),
            }],
        },
    ],
    ret: ReturnCheck::Exact(0),
    errors: ErrorList::new(&[
        err(EINVAL, "EINVAL"),
        err(EPERM, "EPERM"),
        err(EINTR, "EINTR"),
        err(ENOMEM, "ENOMEM"),
        err(EAGAIN, "EAGAIN"),
    ]),
    doc: "",
    paired: false,
    value_returns: None,
};

/// `sys_mlockall` as `specs/mlockall.kapi` has it: three rules on `flags`, all predicting EINVAL.
pub static MLOCKALL: SyscallSpec = SyscallSpec {
    name: "mlockall",
    nr: 151,
    summary: "Lock the whole address space of the caller",
    params: &[ParamSpec {
        name: "flags",
        c_type: "int",
        ty: ArgType::I32,
        constraints: &[
            Constraint {
                kind: ConstraintKind::Mask {
                    valid: MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT,
                },
                errnos: Errnos::new(&[EINVAL]),
            },
            Constraint {
                kind: ConstraintKind::NonZero,
                errnos: Errnos::new(&[EINVAL]),
            },
            Constraint {
                kind: ConstraintKind::Exclude {
                    values: &[MCL_ONFAULT],
                },
                errnos: Errnos::new(&[EINVAL]),
            },
        ],
    }],
    ret: ReturnCheck::Exact(0),
    errors: ErrorList::new(&[
        err(EINVAL, "EINVAL"),
        err(EPERM, "EPERM"),
        err(EINTR, "EINTR"),
        err(ENOMEM, "ENOMEM"),
    ]),
    doc: "",
    paired: false,
    value_returns: None,
};

/// The entry verdict of a call, as `check_entry` and `Entry::violations` give it.
pub fn entry(spec: &SyscallSpec, args: &[u64; MAX_PARAMS]) -> Verdict {
    let mut v = Verdict::new();
    check_entry(spec, args).violations(spec, args, &mut v);
    v
}

/// The exit verdict of a call returning `ret`: `check_entry` on the arguments, then
/// `check_exit` with its prediction, as the module's probes run them.
pub fn exit(spec: &SyscallSpec, args: &[u64; MAX_PARAMS], ret: i64) -> Verdict {
    let mut v = Verdict::new();
    let prediction = check_entry(spec, args).prediction();
    check_exit(spec, args, prediction, ret).violations(spec, args, ret, &mut v);
    v
}

/// Arguments padded to the six registers.
pub fn args(a: &[u64]) -> [u64; MAX_PARAMS] {
    let mut out = [0; MAX_PARAMS];
    out[..a.len()].copy_from_slice(a);
    out
}

/// A `&'static` slice for a spec built at run time (tests only; the memory is never freed).
pub fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// A one-parameter spec with the given type and constraints, advisory unless `errnos` is given.
pub fn one_param(ty: ArgType, kinds: &[ConstraintKind], errnos: &'static [u16]) -> SyscallSpec {
    let constraints = leak(
        kinds
            .iter()
            .map(|&kind| Constraint::new(kind, errnos))
            .collect(),
    );
    SyscallSpec {
        name: "test",
        nr: 0,
        summary: "",
        params: leak(vec![ParamSpec {
            name: "x",
            c_type: "",
            ty,
            constraints,
        }]),
        ret: ReturnCheck::Any,
        errors: ErrorList::new(&[]),
        doc: "",
        paired: false,
        value_returns: None,
    }
}

/// The C types of the kernel's syscall parameters.
pub const C_TYPES: [ArgType; 8] = [
    ArgType::I8,
    ArgType::U8,
    ArgType::I16,
    ArgType::U16,
    ArgType::I32,
    ArgType::U32,
    ArgType::I64,
    ArgType::U64,
];

// ---- The reference model ---------------------------------------------------------------------

/// The width a type stands for: `bits` clamped to `1..=64`.
pub fn width(ty: ArgType) -> u32 {
    u32::from(ty.bits.clamp(1, 64))
}

/// The register word as the mathematical integer the C code sees: the low `width` bits, read as
/// two's complement if the type is signed.
pub fn int_of(ty: ArgType, raw: u64) -> i128 {
    let w = width(ty);
    let low = u128::from(raw) & ((1u128 << w) - 1);
    if ty.signed && (low >> (w - 1)) & 1 == 1 {
        low as i128 - (1i128 << w)
    } else {
        low as i128
    }
}

/// An integer of a type as a 64-bit pattern (two's complement, sign-extended).
pub fn bits_of(x: i128) -> u64 {
    x as u64
}

/// The smallest and largest integers of a type.
pub fn bounds(ty: ArgType) -> (i128, i128) {
    let w = width(ty);
    if ty.signed {
        (-(1i128 << (w - 1)), (1i128 << (w - 1)) - 1)
    } else {
        (0, (1i128 << w) - 1)
    }
}

/// The argument words the way the model reads them for `NoWrap`: a parameter's register as its
/// type's 64-bit pattern, a register with no parameter as it is, none beyond the six as 0.
pub fn other_word(spec: &SyscallSpec, raw: &[u64; MAX_PARAMS], other: u8) -> u128 {
    let i = usize::from(other);
    match (spec.params.get(i), raw.get(i)) {
        (Some(p), Some(&r)) => u128::from(bits_of(int_of(p.ty, r))),
        (None, Some(&r)) => u128::from(r),
        _ => 0,
    }
}

/// Whether an argument satisfies a constraint, by the definition of each kind.
pub fn model_satisfies(
    spec: &SyscallSpec,
    ty: ArgType,
    kind: &ConstraintKind,
    raw: &[u64; MAX_PARAMS],
    index: usize,
) -> bool {
    let x = int_of(ty, raw[index]);
    let w = width(ty);
    let lowbits = |v: u64| u128::from(v) & ((1u128 << w) - 1);
    match *kind {
        ConstraintKind::Range { min, max } => int_of(ty, min) <= x && x <= int_of(ty, max),
        ConstraintKind::Mask { valid } => lowbits(raw[index]) & !lowbits(valid) == 0,
        ConstraintKind::Enum { values } => values.iter().any(|&v| int_of(ty, v) == x),
        ConstraintKind::Exclude { values } => values.iter().all(|&v| int_of(ty, v) != x),
        ConstraintKind::Alignment { align } | ConstraintKind::PageAligned { page_size: align } => {
            align != 0 && x.rem_euclid(i128::from(align)) == 0
        }
        ConstraintKind::PowerOfTwo => x > 0 && x & (x - 1) == 0,
        ConstraintKind::NonZero => x != 0,
        ConstraintKind::Fd => {
            // C: `(0 <= fd && fd <= INT_MAX) || fd == AT_FDCWD` with the usual arithmetic
            // conversions. Narrow types are promoted to int; for unsigned int and unsigned long,
            // AT_FDCWD converts to 2^w - 100. Unsigned widths 33..63 are not C types: they
            // accept only 0..=INT_MAX.
            let int_max = i128::from(i32::MAX);
            let at_fdcwd = i128::from(AT_FDCWD);
            (0..=int_max).contains(&x)
                || if ty.signed {
                    x == at_fdcwd
                } else {
                    (w == 32 || w == 64) && x == (1i128 << w) + at_fdcwd
                }
        }
        ConstraintKind::NoWrap { other } => {
            u128::from(bits_of(x)) + other_word(spec, raw, other) <= u128::from(u64::MAX)
        }
    }
}

/// Every broken constraint of a call, in spec order: `(param, constraint, normalised value)`.
/// Like the checker, it looks at the first six parameters and the first 255 constraints of each.
pub fn model_broken(spec: &SyscallSpec, raw: &[u64; MAX_PARAMS]) -> Vec<(u8, u8, u64)> {
    let mut out = Vec::new();
    for (p, param) in spec.params.iter().enumerate().take(MAX_PARAMS) {
        for (c, constraint) in param.constraints.iter().enumerate().take(255) {
            if !model_satisfies(spec, param.ty, &constraint.kind, raw, p) {
                out.push((p as u8, c as u8, bits_of(int_of(param.ty, raw[p]))));
            }
        }
    }
    out
}

/// The errno of a return value: `-4095..=-1` are errors.
pub fn model_errno(ret: i64) -> Option<u16> {
    if (-4095..=-1).contains(&ret) {
        // The restart codes of a signal, as user space sees them: EINTR.
        if [-512, -514, -516].contains(&ret) {
            return Some(4);
        }
        Some((-ret) as u16)
    } else {
        None
    }
}

// ---- Strategies --------------------------------------------------------------------------------

/// Any width 1..=64, either signedness.
pub fn arb_type() -> impl Strategy<Value = ArgType> {
    (1u8..=64, any::<bool>()).prop_map(|(bits, signed)| ArgType::new(bits, signed))
}

/// A type, including hand-built ones with a width outside 1..=64 (the fields are public).
pub fn arb_any_type() -> impl Strategy<Value = ArgType> {
    prop_oneof![
        4 => arb_type(),
        1 => (prop_oneof![Just(0u8), 65u8..=255], any::<bool>())
            .prop_map(|(bits, signed)| ArgType { bits, signed }),
    ]
}

/// A register word biased towards the interesting values of a type: 0, ±1, the type's limits,
/// values around 2^31, 2^32 and 2^63, AT_FDCWD, powers of two, and noise in the upper bits.
pub fn arb_word() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => any::<u64>(),
        1 => prop::sample::select(vec![
            0,
            1,
            2,
            u64::MAX,
            u64::MAX - 1,
            i64::MAX as u64,
            i64::MIN as u64,
            i32::MAX as u64,
            i32::MIN as u64,
            u32::MAX as u64,
            1 << 31,
            1 << 32,
            (1 << 32) | 1,
            AT_FDCWD as u64,
            AT_FDCWD as u32 as u64,
            (AT_FDCWD as u8) as u64,
            0xffff_ff9c_0000_0000,
            4096,
            4095,
            4097,
            u64::MAX - 4095,
        ]),
        2 => (0u32..64).prop_map(|s| 1u64 << s),
        1 => (0u32..64).prop_map(|s| (1u64 << s).wrapping_neg()),
        1 => (any::<u64>(), 0u32..64).prop_map(|(v, s)| v >> s),
        1 => (any::<i16>(), any::<u64>()).prop_map(|(v, hi)| (v as i64 as u64) ^ (hi << 48)),
    ]
}

/// Any constraint kind with values of any shape (normalised or not) and `NoWrap` pointing
/// anywhere, including past the parameters and past the six registers.
pub fn arb_kind() -> impl Strategy<Value = ConstraintKind> {
    prop_oneof![
        (arb_word(), arb_word()).prop_map(|(min, max)| ConstraintKind::Range { min, max }),
        arb_word().prop_map(|valid| ConstraintKind::Mask { valid }),
        prop::collection::vec(arb_word(), 0..5)
            .prop_map(|v| ConstraintKind::Enum { values: leak(v) }),
        prop::collection::vec(arb_word(), 0..5)
            .prop_map(|v| ConstraintKind::Exclude { values: leak(v) }),
        prop_oneof![arb_word(), (0u32..64).prop_map(|s| 1u64 << s), 0u64..10]
            .prop_map(|align| ConstraintKind::Alignment { align }),
        Just(ConstraintKind::PowerOfTwo),
        prop_oneof![Just(4096u64), Just(0), arb_word()]
            .prop_map(|page_size| ConstraintKind::PageAligned { page_size }),
        Just(ConstraintKind::NonZero),
        Just(ConstraintKind::Fd),
        prop_oneof![0u8..8, any::<u8>()].prop_map(|other| ConstraintKind::NoWrap { other }),
    ]
}

/// An errno list for a constraint: often empty (advisory).
pub fn arb_errnos() -> impl Strategy<Value = &'static [u16]> {
    prop_oneof![
        2 => Just(&[][..]),
        1 => prop::collection::vec(prop_oneof![1u16..200, any::<u16>()], 1..4).prop_map(leak),
    ]
}

/// Any return check.
pub fn arb_ret() -> impl Strategy<Value = ReturnCheck> {
    prop_oneof![
        Just(ReturnCheck::Any),
        any::<i64>().prop_map(ReturnCheck::Exact),
        Just(ReturnCheck::Exact(0)),
        (any::<i64>(), any::<i64>()).prop_map(|(min, max)| ReturnCheck::Range { min, max }),
        Just(ReturnCheck::Fd),
        Just(ReturnCheck::NoReturn),
    ]
}

/// Any spec: up to eight parameters (more than the six registers), each with up to six
/// constraints, and up to eight declared errors.
pub fn arb_spec() -> impl Strategy<Value = SyscallSpec> {
    let param = (
        arb_any_type(),
        prop::collection::vec((arb_kind(), arb_errnos()), 0..6),
    )
        .prop_map(|(ty, cs)| ParamSpec {
            name: "p",
            c_type: "",
            ty,
            constraints: leak(
                cs.into_iter()
                    .map(|(kind, errnos)| Constraint::new(kind, errnos))
                    .collect(),
            ),
        });
    (
        prop::collection::vec(param, 0..8),
        arb_ret(),
        prop::collection::vec(prop_oneof![1u16..200, any::<u16>()], 0..8),
    )
        .prop_map(|(params, ret, errors)| SyscallSpec {
            name: "any",
            nr: 0,
            summary: "",
            params: leak(params),
            ret,
            errors: ErrorList::new(leak(
                errors
                    .into_iter()
                    .map(|errno| ErrorSpec { errno, name: "E" })
                    .collect(),
            )),
            doc: "",
            paired: false,
            value_returns: None,
        })
}

/// A return value biased towards the error range and its edges.
pub fn arb_ret_value() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        -4200i64..=10,
        prop::sample::select(vec![i64::MIN, i64::MAX, -4096, -4095, -1, 0, 1]),
        prop::sample::select(vec![-4, -512, -513, -514, -515, -516]),
    ]
}

// SPDX-License-Identifier: GPL-2.0

//! Every constraint kind against its mathematical definition (the model in `common`), over random
//! values and every width and signedness, plus hand-picked cases for each kind.

mod common;

use common::*;
use kapi_checker::{ArgType, ConstraintKind, AT_FDCWD, MAX_PARAMS};
use proptest::prelude::*;

/// Whether the checker accepts `raw` (as the only argument) under `kind` on type `ty`.
fn accepts(ty: ArgType, kind: ConstraintKind, raw: u64) -> bool {
    let spec = one_param(ty, &[kind], &[]);
    entry(&spec, &args(&[raw])).is_clean()
}

/// Like `accepts`, with other arguments (for `NoWrap`) and a given type for parameter 1.
fn accepts_with(ty: ArgType, kind: ConstraintKind, raw: &[u64], other_ty: ArgType) -> bool {
    let spec = kapi_checker::SyscallSpec {
        params: leak(vec![
            kapi_checker::ParamSpec {
                name: "x",
                c_type: "",
                ty,
                constraints: leak(vec![kapi_checker::Constraint::new(kind, &[])]),
            },
            kapi_checker::ParamSpec {
                name: "y",
                c_type: "",
                ty: other_ty,
                constraints: &[],
            },
        ]),
        ..one_param(ty, &[], &[])
    };
    entry(&spec, &args(raw)).is_clean()
}

fn model(ty: ArgType, kind: ConstraintKind, raw: u64) -> bool {
    let spec = one_param(ty, &[kind], &[]);
    model_satisfies(&spec, ty, &kind, &args(&[raw]), 0)
}

// ---- normalize and the ArgType helpers ---------------------------------------------------------

#[test]
fn normalize_c_types() {
    let x = 0x1234_5678_9abc_def0u64;
    assert_eq!(ArgType::U64.normalize(x), x);
    assert_eq!(ArgType::I64.normalize(x), x);
    assert_eq!(ArgType::U32.normalize(x), 0x9abc_def0);
    assert_eq!(ArgType::I32.normalize(x), 0xffff_ffff_9abc_def0);
    assert_eq!(ArgType::U16.normalize(x), 0xdef0);
    assert_eq!(ArgType::I16.normalize(x), 0xffff_ffff_ffff_def0);
    assert_eq!(ArgType::U8.normalize(x), 0xf0);
    assert_eq!(ArgType::I8.normalize(x), 0xffff_ffff_ffff_fff0);
    assert_eq!(ArgType::I32.normalize(0x1_0000_0001), 1);
    assert_eq!(ArgType::I32.normalize(0x7fff_ffff), 0x7fff_ffff);
    assert_eq!(ArgType::U32.normalize(u64::MAX), 0xffff_ffff);
}

#[test]
fn limits_of_c_types() {
    assert_eq!(ArgType::I32.max_value(), i32::MAX as u64);
    assert_eq!(ArgType::I32.min_value(), i32::MIN as i64 as u64);
    assert_eq!(ArgType::U32.max_value(), u32::MAX as u64);
    assert_eq!(ArgType::U32.min_value(), 0);
    assert_eq!(ArgType::I64.max_value(), i64::MAX as u64);
    assert_eq!(ArgType::I64.min_value(), i64::MIN as u64);
    assert_eq!(ArgType::U64.max_value(), u64::MAX);
    assert_eq!(ArgType::I8.min_value(), -128i64 as u64);
    assert!(ArgType::I32.is_negative(ArgType::I32.normalize(0x8000_0000)));
    assert!(!ArgType::U32.is_negative(ArgType::U32.normalize(0x8000_0000)));
    assert!(ArgType::I64.le(u64::MAX, 0)); // -1 <= 0
    assert!(!ArgType::U64.le(u64::MAX, 0));
}

#[test]
fn new_clamps_width() {
    assert_eq!(ArgType::new(0, true).bits, 1);
    assert_eq!(ArgType::new(65, false).bits, 64);
    assert_eq!(ArgType::new(200, true), ArgType::I64);
}

#[test]
fn hand_built_widths_do_not_panic() {
    // The fields are public; widths out of range behave as the clamped width.
    for bits in [0u8, 65, 128, 255] {
        for signed in [false, true] {
            let ty = ArgType { bits, signed };
            let clamped = ArgType::new(bits, signed);
            for raw in [0, 1, u64::MAX, 1 << 63] {
                assert_eq!(ty.normalize(raw), clamped.normalize(raw));
            }
            assert_eq!(ty.max_value(), clamped.max_value());
            assert_eq!(ty.min_value(), clamped.min_value());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn normalize_is_truncation_and_extension(ty in arb_any_type(), raw in arb_word()) {
        let n = ty.normalize(raw);
        prop_assert_eq!(n, bits_of(int_of(ty, raw)));
        // Idempotent, and the low `width` bits are the register's.
        prop_assert_eq!(ty.normalize(n), n);
        let w = width(ty);
        let mask = if w == 64 { u64::MAX } else { (1u64 << w) - 1 };
        prop_assert_eq!(n & mask, raw & mask);
    }

    #[test]
    fn limits_and_order(ty in arb_any_type(), a in arb_word(), b in arb_word()) {
        let (lo, hi) = bounds(ty);
        prop_assert_eq!(ty.min_value(), bits_of(lo));
        prop_assert_eq!(ty.max_value(), bits_of(hi));
        let (na, nb) = (ty.normalize(a), ty.normalize(b));
        prop_assert_eq!(ty.le(na, nb), int_of(ty, a) <= int_of(ty, b));
        prop_assert_eq!(ty.is_negative(na), int_of(ty, a) < 0);
    }
}

// ---- each kind against the model ---------------------------------------------------------------

/// A value of the type as a register word, in one of the shapes a spec generator might write:
/// sign-extended, or truncated to the type's width.
fn encode(ty: ArgType, x: i128, truncated: bool) -> u64 {
    let w = width(ty);
    if truncated && w < 64 {
        bits_of(x) & ((1u64 << w) - 1)
    } else {
        bits_of(x)
    }
}

fn arb_in_type(ty: ArgType) -> impl Strategy<Value = i128> {
    let (lo, hi) = bounds(ty);
    prop_oneof![
        lo..=hi,
        Just(lo),
        Just(hi),
        Just(0i128.clamp(lo, hi)),
        Just((-1i128).clamp(lo, hi)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn range(
        (ty, a, b) in arb_type().prop_flat_map(|ty| (Just(ty), arb_in_type(ty), arb_in_type(ty))),
        truncated in any::<bool>(),
        raw in arb_word(),
    ) {
        let kind = ConstraintKind::Range { min: encode(ty, a, truncated), max: encode(ty, b, truncated) };
        let x = int_of(ty, raw);
        prop_assert_eq!(accepts(ty, kind, raw), a <= x && x <= b);
        prop_assert_eq!(accepts(ty, kind, raw), model(ty, kind, raw));
    }

    #[test]
    fn range_bounds_are_values_of_the_type(raw in arb_word(), min in arb_word(), max in arb_word()) {
        // The same bit patterns read as signed and as unsigned bounds.
        for ty in C_TYPES {
            let kind = ConstraintKind::Range { min, max };
            prop_assert_eq!(accepts(ty, kind, raw), model(ty, kind, raw));
        }
    }

    #[test]
    fn mask(ty in arb_any_type(), valid in arb_word(), raw in arb_word()) {
        let kind = ConstraintKind::Mask { valid };
        prop_assert_eq!(accepts(ty, kind, raw), model(ty, kind, raw));
        // A value with only allowed bits passes; any further bit of the type fails.
        let w = width(ty);
        let tymask = if w == 64 { u64::MAX } else { (1u64 << w) - 1 };
        let inside = raw & valid & tymask;
        prop_assert!(accepts(ty, kind, inside));
        let outside = !valid & tymask;
        if outside != 0 {
            let bit = outside & outside.wrapping_neg();
            prop_assert!(!accepts(ty, kind, inside | bit));
        }
    }

    #[test]
    fn enum_and_exclude(ty in arb_any_type(), values in prop::collection::vec(arb_word(), 0..6), raw in arb_word(), pick in any::<prop::sample::Index>()) {
        let values = leak(values);
        let en = ConstraintKind::Enum { values };
        let ex = ConstraintKind::Exclude { values };
        prop_assert_eq!(accepts(ty, en, raw), model(ty, en, raw));
        prop_assert_eq!(accepts(ty, ex, raw), model(ty, ex, raw));
        prop_assert_eq!(accepts(ty, en, raw), !accepts(ty, ex, raw));
        if !values.is_empty() {
            // A listed value, even with noise above the type's width, is in the set.
            let v = values[pick.index(values.len())];
            let w = width(ty);
            let noisy = if w == 64 { v } else { v ^ (raw << w) };
            prop_assert!(accepts(ty, en, noisy));
            prop_assert!(!accepts(ty, ex, noisy));
        }
    }

    #[test]
    fn alignment(ty in arb_any_type(), align in prop_oneof![(0u32..64).prop_map(|s| 1u64 << s), 0u64..20, arb_word()], raw in arb_word()) {
        for kind in [ConstraintKind::Alignment { align }, ConstraintKind::PageAligned { page_size: align }] {
            prop_assert_eq!(accepts(ty, kind, raw), model(ty, kind, raw));
        }
    }

    #[test]
    fn power_of_two(ty in arb_any_type(), raw in arb_word()) {
        let kind = ConstraintKind::PowerOfTwo;
        prop_assert_eq!(accepts(ty, kind, raw), model(ty, kind, raw));
    }

    #[test]
    fn nonzero(ty in arb_any_type(), raw in arb_word()) {
        let kind = ConstraintKind::NonZero;
        prop_assert_eq!(accepts(ty, kind, raw), model(ty, kind, raw));
        prop_assert_eq!(accepts(ty, kind, raw), int_of(ty, raw) != 0);
    }

    #[test]
    fn fd(ty_i in 0usize..8, raw in arb_word()) {
        let ty = C_TYPES[ty_i];
        prop_assert_eq!(accepts(ty, ConstraintKind::Fd, raw), model(ty, ConstraintKind::Fd, raw));
    }

    #[test]
    fn fd_any_width(ty in arb_any_type(), raw in arb_word()) {
        prop_assert_eq!(accepts(ty, ConstraintKind::Fd, raw), model(ty, ConstraintKind::Fd, raw));
    }

    #[test]
    fn no_wrap(ty in arb_any_type(), other_ty in arb_any_type(), a in arb_word(), b in arb_word(), c in arb_word()) {
        let kind = ConstraintKind::NoWrap { other: 1 };
        let raw = args(&[a, b, c]);
        let spec = one_param(ty, &[], &[]);
        let expect = u128::from(ty.normalize(a)) + u128::from(other_ty.normalize(b)) <= u128::from(u64::MAX);
        prop_assert_eq!(accepts_with(ty, kind, &[a, b, c], other_ty), expect);
        // A register with no parameter is taken as it is; past the six registers, as 0.
        let to_raw = ConstraintKind::NoWrap { other: 2 };
        prop_assert_eq!(accepts_with(ty, to_raw, &[a, b, c], other_ty),
            u128::from(ty.normalize(a)) + u128::from(c) <= u128::from(u64::MAX));
        prop_assert_eq!(model_satisfies(&spec, ty, &to_raw, &raw, 0),
            u128::from(ty.normalize(a)) + u128::from(c) <= u128::from(u64::MAX));
        let far = ConstraintKind::NoWrap { other: 200 };
        prop_assert!(accepts_with(ty, far, &[a, b, c], other_ty));
    }
}

// ---- hand-picked cases -------------------------------------------------------------------------

#[test]
fn range_examples() {
    let len = ConstraintKind::Range {
        min: 0,
        max: LONG_MAX,
    };
    assert!(accepts(ArgType::U64, len, 0));
    assert!(accepts(ArgType::U64, len, LONG_MAX));
    assert!(!accepts(ArgType::U64, len, LONG_MAX + 1));
    assert!(!accepts(ArgType::U64, len, u64::MAX));
    // Signed bounds: -1..=10 on an int, written sign-extended or truncated to 32 bits.
    for min in [u64::MAX, 0xffff_ffff] {
        let r = ConstraintKind::Range { min, max: 10 };
        assert!(accepts(ArgType::I32, r, u64::MAX));
        assert!(accepts(ArgType::I32, r, 0xffff_ffff)); // int -1
        assert!(!accepts(ArgType::I32, r, 0xffff_fffe)); // int -2
        assert!(accepts(ArgType::I32, r, 0x1_0000_000a)); // int 10 with noise above
        assert!(!accepts(ArgType::I32, r, 11));
    }
    // Unsigned: the same pattern is a huge bound, so nothing is below it.
    let r = ConstraintKind::Range {
        min: 0xffff_ffff,
        max: 10,
    };
    assert!(!accepts(ArgType::U32, r, 5));
}

#[test]
fn mask_examples() {
    let m = ConstraintKind::Mask {
        valid: MLOCK_ONFAULT,
    };
    assert!(accepts(ArgType::I32, m, 0));
    assert!(accepts(ArgType::I32, m, 1));
    assert!(!accepts(ArgType::I32, m, 2));
    assert!(!accepts(ArgType::I32, m, u64::MAX)); // int -1
    assert!(accepts(ArgType::I32, m, 0x1_0000_0001)); // int 1
    assert!(accepts(ArgType::I32, m, 0xffff_ffff_0000_0000)); // int 0
                                                              // A mask with the sign bit of an int allows negative values, whichever way it is written.
    for valid in [0x8000_0001u64, 0xffff_ffff_8000_0001] {
        let m = ConstraintKind::Mask { valid };
        assert!(accepts(ArgType::I32, m, 0x8000_0001));
        assert!(!accepts(ArgType::I32, m, 0x8000_0003));
    }
}

#[test]
fn enum_exclude_examples() {
    let e = ConstraintKind::Enum {
        values: &[1, 2, u64::MAX],
    };
    assert!(accepts(ArgType::I32, e, 0xffff_ffff)); // int -1 matches the sign-extended -1
    assert!(!accepts(ArgType::I32, e, 3));
    let x = ConstraintKind::Exclude {
        values: &[MCL_ONFAULT],
    };
    assert!(!accepts(ArgType::I32, x, 4));
    assert!(!accepts(ArgType::I32, x, 0x7_0000_0004)); // int 4
    assert!(accepts(ArgType::I32, x, 5));
    let empty = ConstraintKind::Enum { values: &[] };
    assert!(!accepts(ArgType::U64, empty, 0));
    assert!(accepts(
        ArgType::U64,
        ConstraintKind::Exclude { values: &[] },
        0
    ));
}

#[test]
fn alignment_examples() {
    let a = ConstraintKind::Alignment { align: 8 };
    assert!(accepts(ArgType::U64, a, 0));
    assert!(accepts(ArgType::U64, a, 64));
    assert!(!accepts(ArgType::U64, a, 65));
    assert!(accepts(ArgType::I32, a, (-8i64) as u64));
    assert!(!accepts(ArgType::I32, a, (-7i64) as u64));
    // Not a power of two: -3 is a multiple of 3 as an int, though 2^64 - 3 is not.
    let three = ConstraintKind::Alignment { align: 3 };
    assert!(accepts(ArgType::I64, three, (-3i64) as u64));
    assert!(!accepts(ArgType::U64, three, (-3i64) as u64));
    assert!(accepts(ArgType::I64, three, i64::MIN as u64 + 2)); // -(2^63) + 2 = -3 * 3074457345618258602
                                                                // Alignment 0 is satisfied by nothing (and does not divide by zero).
    assert!(!accepts(
        ArgType::U64,
        ConstraintKind::Alignment { align: 0 },
        0
    ));
    let page = ConstraintKind::PageAligned { page_size: 4096 };
    assert!(accepts(ArgType::U64, page, 0x7f00_0000_1000));
    assert!(!accepts(ArgType::U64, page, 0x7f00_0000_1001));
    assert!(accepts(ArgType::I64, page, i64::MIN as u64));
}

#[test]
fn power_of_two_examples() {
    let p = ConstraintKind::PowerOfTwo;
    assert!(!accepts(ArgType::U64, p, 0));
    assert!(accepts(ArgType::U64, p, 1));
    assert!(accepts(ArgType::U64, p, 1 << 63));
    assert!(!accepts(ArgType::I64, p, 1 << 63)); // i64::MIN is negative
    assert!(!accepts(ArgType::I32, p, 0x8000_0000)); // INT_MIN
    assert!(accepts(ArgType::U32, p, 0x8000_0000));
    assert!(!accepts(ArgType::U64, p, 6));
    assert!(accepts(ArgType::I8, p, 64));
    assert!(!accepts(ArgType::I8, p, 128)); // (s8)-128
}

#[test]
fn fd_examples() {
    let fd = ConstraintKind::Fd;
    for ty in [ArgType::I32, ArgType::I64] {
        assert!(accepts(ty, fd, 0));
        assert!(accepts(ty, fd, i32::MAX as u64));
        assert!(accepts(ty, fd, AT_FDCWD as u64));
        assert!(!accepts(ty, fd, (-1i64) as u64));
        assert!(!accepts(ty, fd, (-101i64) as u64));
    }
    // int: the upper half of the register is ignored.
    assert!(accepts(ArgType::I32, fd, 0x1_0000_0005));
    assert!(accepts(ArgType::I32, fd, AT_FDCWD as u32 as u64));
    // long: a value beyond int is not a file descriptor.
    assert!(!accepts(ArgType::I64, fd, 1 << 31));
    assert!(!accepts(ArgType::I64, fd, 0x1_0000_0005));
    assert!(!accepts(ArgType::I64, fd, AT_FDCWD as u32 as u64));
    // unsigned int: AT_FDCWD converts to 0xffffff9c; above INT_MAX is not an fd.
    assert!(accepts(ArgType::U32, fd, 0xffff_ff9c));
    assert!(!accepts(ArgType::U32, fd, 0x8000_0000));
    assert!(!accepts(ArgType::U32, fd, 0xffff_ffff));
    // unsigned long: AT_FDCWD converts to 2^64 - 100.
    assert!(accepts(ArgType::U64, fd, AT_FDCWD as u64));
    assert!(!accepts(ArgType::U64, fd, AT_FDCWD as u32 as u64));
    // Narrow unsigned types are promoted to int: every value is a non-negative int.
    assert!(accepts(ArgType::U16, fd, 0xff9c));
    assert!(accepts(ArgType::I16, fd, 0xff9c)); // (short)-100
    assert!(!accepts(ArgType::I16, fd, 0xfffe));
}

#[test]
fn no_wrap_examples() {
    let nw = ConstraintKind::NoWrap { other: 1 };
    let u = ArgType::U64;
    assert!(accepts_with(u, nw, &[0x7f00_0000_0000, 4096], u));
    assert!(accepts_with(u, nw, &[u64::MAX, 0], u));
    assert!(accepts_with(u, nw, &[0, u64::MAX], u));
    assert!(!accepts_with(u, nw, &[1, u64::MAX], u));
    assert!(!accepts_with(u, nw, &[0x1000, u64::MAX], u)); // mlock(0x1000, ULONG_MAX)
    assert!(!accepts_with(u, nw, &[1 << 63, 1 << 63], u));
    // The other parameter is read as its type: an unsigned int length ignores the upper half,
    // an int length of -1 is 2^64 - 1 once converted to unsigned long.
    assert!(accepts_with(
        u,
        nw,
        &[0x1000, 0xffff_ffff_0000_0010],
        ArgType::U32
    ));
    assert!(!accepts_with(
        u,
        nw,
        &[0x1000, 0x0000_0000_ffff_ffff],
        ArgType::I32
    ));
    assert!(accepts_with(
        u,
        nw,
        &[0, 0x0000_0000_ffff_ffff],
        ArgType::I32
    ));
}

#[test]
fn all_c_types_every_kind_smoke() {
    // Every kind on every C type at the type's limits: the checker agrees with the model.
    let kinds = [
        ConstraintKind::Range { min: 0, max: 100 },
        ConstraintKind::Mask { valid: 0xff },
        ConstraintKind::Enum {
            values: &[0, 1, u64::MAX],
        },
        ConstraintKind::Exclude { values: &[0] },
        ConstraintKind::Alignment { align: 4096 },
        ConstraintKind::PowerOfTwo,
        ConstraintKind::PageAligned { page_size: 4096 },
        ConstraintKind::NonZero,
        ConstraintKind::Fd,
        ConstraintKind::NoWrap { other: 0 },
    ];
    for ty in C_TYPES {
        for raw in [
            0,
            1,
            ty.max_value(),
            ty.min_value(),
            u64::MAX,
            1 << 31,
            1 << 32,
        ] {
            for kind in kinds {
                assert_eq!(
                    accepts(ty, kind, raw),
                    model(ty, kind, raw),
                    "{ty:?} {kind:?} {raw:#x}"
                );
            }
        }
    }
    assert_eq!(MAX_PARAMS, 6);
}

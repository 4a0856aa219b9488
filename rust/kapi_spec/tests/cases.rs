// SPDX-License-Identifier: GPL-2.0

//! The values `kapi cases` derives for each constraint kind, against a reference model written
//! from the definitions (integers of the C type, not bit patterns): every probe that should
//! break its constraint breaks it, every other keeps it, and the boundaries are where the
//! definitions put them.

use kapi_checker::{ArgType, ConstraintKind};
use kapi_spec::emit::cases::{probes, Probe};
use kapi_spec::parse::recipe::Recipe;
use proptest::prelude::*;

/// The integer a bit pattern of `ty` stands for.
fn int(ty: ArgType, v: u64) -> i128 {
    let v = ty.normalize(v);
    if ty.signed {
        i128::from(v as i64)
    } else {
        i128::from(v)
    }
}

fn lo(ty: ArgType) -> i128 {
    int(ty, ty.min_value())
}

fn hi(ty: ArgType) -> i128 {
    int(ty, ty.max_value())
}

/// Whether integer `x` of `ty` satisfies `kind` (reference model). `other` is the other
/// parameter's value for `no_wrap`.
fn satisfies(kind: &ConstraintKind, ty: ArgType, x: i128, other: i128) -> bool {
    let bits = |x: i128| (x as u128) & ((1u128 << ty.bits) - 1);
    match *kind {
        ConstraintKind::Range { min, max } => int(ty, min) <= x && x <= int(ty, max),
        ConstraintKind::Mask { valid } => bits(x) & !u128::from(valid) == 0,
        ConstraintKind::Enum { values } => values.iter().any(|&v| int(ty, v) == x),
        ConstraintKind::Exclude { values } => !values.iter().any(|&v| int(ty, v) == x),
        ConstraintKind::Alignment { align } | ConstraintKind::PageAligned { page_size: align } => {
            x % i128::from(align) == 0
        }
        ConstraintKind::PowerOfTwo => x > 0 && (x & (x - 1)) == 0,
        ConstraintKind::NonZero => x != 0,
        // The C code reads an `int`: a narrower type's bits as one; a wider value must be one.
        ConstraintKind::Fd => {
            let fd = if ty.bits <= 32 {
                i128::from(x as i64 as i32)
            } else {
                i128::from(x as i64)
            };
            (0..=i128::from(i32::MAX)).contains(&fd) || fd == -100
        }
        ConstraintKind::NoWrap { .. } => {
            (x as u128 & u128::from(u64::MAX)) + other as u128 <= u128::from(u64::MAX)
        }
    }
}

fn types() -> impl Strategy<Value = ArgType> {
    prop::sample::select(vec![
        ArgType::I32,
        ArgType::U32,
        ArgType::I64,
        ArgType::U64,
        ArgType::I16,
        ArgType::U8,
    ])
}

fn word() -> impl Strategy<Value = u64> {
    prop_oneof![
        any::<u64>(),
        0u64..16,
        Just(i32::MAX as u64),
        Just(u64::MAX),
        Just(0x8000_0000)
    ]
}

fn kinds() -> impl Strategy<Value = ConstraintKind> {
    let list = || prop::collection::vec(word(), 1..4).prop_map(|v| &*Vec::leak(v));
    prop_oneof![
        (word(), word()).prop_map(|(a, b)| ConstraintKind::Range {
            min: a.min(b),
            max: a.max(b)
        }),
        word().prop_map(|valid| ConstraintKind::Mask { valid }),
        list().prop_map(|values| ConstraintKind::Enum { values }),
        list().prop_map(|values| ConstraintKind::Exclude { values }),
        (0u32..13).prop_map(|s| ConstraintKind::Alignment { align: 1 << s }),
        Just(ConstraintKind::PageAligned { page_size: 4096 }),
        Just(ConstraintKind::PowerOfTwo),
        Just(ConstraintKind::NonZero),
        Just(ConstraintKind::Fd),
        Just(ConstraintKind::NoWrap { other: 1 }),
    ]
}

fn value(p: &Probe) -> Option<u64> {
    match p.recipe {
        Recipe::Int { value } => Some(value),
        Recipe::Fd { .. } => Some((-100i64) as u64),
        _ => None,
    }
}

proptest! {
    #[test]
    fn probes_break_exactly_what_they_say(
        kind in kinds(),
        ty in types(),
        base in 0u64..1 << 20,
        other in 1u64..1 << 40,
    ) {
        // Make the range a range of this type (min <= max as the type compares).
        let kind = match kind {
            ConstraintKind::Range { min, max } => {
                let (a, b) = (ty.normalize(min), ty.normalize(max));
                if ty.le(a, b) { ConstraintKind::Range { min: a, max: b } } else { ConstraintKind::Range { min: b, max: a } }
            }
            k => k,
        };
        // The valid argument: a value of the type, aligned for the alignment kinds.
        let base = base.min(ty.max_value());
        let base = match kind {
            ConstraintKind::Alignment { align } | ConstraintKind::PageAligned { page_size: align } => base / align * align,
            _ => base,
        };
        let probes = match probes(&kind, ty, &Recipe::int(base), Some(&Recipe::int(other))) {
            Ok(p) => p,
            // Only a 64-bit (or sign-extended) word reaches the wrap point.
            Err(e) if matches!(kind, ConstraintKind::NoWrap { .. }) => {
                prop_assert!(e.contains("no value"), "{}", e);
                let at = 0u64.wrapping_sub(other);
                prop_assert!(ty.normalize(at) != at);
                return Ok(());
            }
            // An alignment of 1 has no misaligned value; a narrow type may hold none next to
            // the valid one.
            Err(e) if matches!(kind, ConstraintKind::Alignment { .. } | ConstraintKind::PageAligned { .. }) => {
                prop_assert!(e.contains("no value"), "{}", e);
                let align = match kind {
                    ConstraintKind::Alignment { align } | ConstraintKind::PageAligned { page_size: align } => align,
                    _ => unreachable!(),
                };
                prop_assert!(align < 2 || ty.normalize(base + 1) != base + 1);
                return Ok(());
            }
            // A rule nothing breaks: a mask of every bit, a range of the whole type.
            Err(e) if e.contains("no value") => {
                match kind {
                    ConstraintKind::Mask { valid } => prop_assert_eq!(ty.normalize(!valid), 0),
                    ConstraintKind::Range { min, max } => prop_assert!(
                        ty.normalize(min) == ty.min_value() && ty.normalize(max) == ty.max_value()
                    ),
                    ConstraintKind::Fd => prop_assert!(!ty.signed && ty.bits < 32),
                    _ => prop_assert!(false, "{:?}: {}", kind, e),
                }
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(e)),
        };
        prop_assert!(!probes.is_empty());
        for p in &probes {
            let Some(v) = value(p) else { continue };
            let x = int(ty, v);
            let ok = satisfies(&kind, ty, x, i128::from(other));
            prop_assert_eq!(!ok, p.breaks, "{:?} {:?}: {} = {}", kind, ty, p.label, x);
        }
        // The boundaries are where the definitions put them.
        match kind {
            ConstraintKind::Range { min, max } => {
                let want: Vec<i128> = [int(ty, min) - 1, int(ty, min), int(ty, max), int(ty, max) + 1]
                    .into_iter()
                    .filter(|x| (lo(ty)..=hi(ty)).contains(x))
                    .collect();
                let mut got: Vec<i128> = probes.iter().filter_map(value).map(|v| int(ty, v)).collect();
                got.dedup();
                let mut want = want;
                want.dedup();
                prop_assert_eq!(got, want);
            }
            ConstraintKind::Mask { valid } => {
                let outside = (0..ty.bits).filter(|b| valid >> b & 1 == 0).count();
                let single = probes.iter().filter(|p| p.label.starts_with("bit")).count();
                prop_assert_eq!(single, outside);
            }
            ConstraintKind::NoWrap { .. } => {
                let wrap = probes.iter().find(|p| p.label == "wrap").and_then(value).unwrap();
                prop_assert_eq!(u128::from(wrap) + u128::from(other), 1u128 << 64);
            }
            _ => {}
        }
    }
}

#[test]
fn alignment_and_no_wrap_need_a_known_argument() {
    let map = Recipe::Map { pages: 1, off: 0 };
    let p = probes(
        &ConstraintKind::PageAligned { page_size: 4096 },
        ArgType::U64,
        &map,
        None,
    )
    .unwrap();
    assert_eq!(
        p.iter().map(|p| p.recipe.to_string()).collect::<Vec<_>>(),
        ["map:1+1", "map:1+2048", "map:1"]
    );
    // With an address as the other argument, only the largest word is sure to wrap.
    let p = probes(
        &ConstraintKind::NoWrap { other: 1 },
        ArgType::U64,
        &map,
        Some(&map),
    )
    .unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(
        (p[0].recipe.clone(), p[0].breaks),
        (Recipe::int(u64::MAX), true)
    );
    let e = probes(
        &ConstraintKind::NoWrap { other: 1 },
        ArgType::U64,
        &map,
        None,
    )
    .unwrap_err();
    assert!(e.contains("not known"), "{e}");
}

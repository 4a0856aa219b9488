// SPDX-License-Identifier: GPL-2.0

//! `MessageBuf` truncation and `AllowedDisplay` rendering.

mod common;

use core::fmt::Write;

use common::*;
use kapi_checker::{
    AllowedDisplay, ArgType, Constraint, ConstraintKind, MessageBuf, MESSAGE_CAPACITY,
};
use proptest::prelude::*;

/// The longest prefix of `s` that ends on a character boundary and fits the buffer.
fn fitting_prefix(s: &str) -> &str {
    let mut end = 0;
    for (i, ch) in s.char_indices() {
        if i + ch.len_utf8() > MESSAGE_CAPACITY {
            break;
        }
        end = i + ch.len_utf8();
    }
    &s[..end]
}

#[test]
fn short_text_is_kept() {
    let mut b = MessageBuf::new();
    write!(b, "mlock2: flags {:#x}", 2).unwrap();
    assert_eq!(b.as_str(), "mlock2: flags 0x2");
    assert!(!b.truncated());
    assert_eq!(
        MessageBuf::format(format_args!("{}-{}", 1, 2)).as_str(),
        "1-2"
    );
}

#[test]
fn exactly_full_is_not_truncated() {
    let mut b = MessageBuf::new();
    let s = "x".repeat(MESSAGE_CAPACITY);
    b.write_str(&s).unwrap();
    assert_eq!(b.as_str(), s);
    assert!(!b.truncated());
    b.write_str("y").unwrap();
    assert_eq!(b.as_str(), s);
    assert!(b.truncated());
}

#[test]
fn truncates_at_a_char_boundary() {
    // Two bytes left, then a three-byte character: it is dropped whole.
    let mut b = MessageBuf::new();
    b.write_str(&"a".repeat(MESSAGE_CAPACITY - 2)).unwrap();
    b.write_str("€").unwrap();
    assert_eq!(b.as_str().len(), MESSAGE_CAPACITY - 2);
    assert!(b.truncated());
    // Truncation is final: a later write that would fit is not appended after the gap.
    b.write_str("z").unwrap();
    assert_eq!(b.as_str(), "a".repeat(MESSAGE_CAPACITY - 2));
    // Four-byte characters near the end.
    let mut b = MessageBuf::new();
    for _ in 0..MESSAGE_CAPACITY {
        b.write_char('🦀').unwrap();
    }
    assert_eq!(b.as_str(), "🦀".repeat(MESSAGE_CAPACITY / 4));
    let formatted = MessageBuf::format(format_args!("{}{}", "é".repeat(60), "tail"));
    assert_eq!(formatted.as_str(), "é".repeat(MESSAGE_CAPACITY / 2));
    assert!(formatted.truncated());
}

#[test]
fn clone_keeps_state() {
    let mut b = MessageBuf::new();
    b.write_str(&"x".repeat(MESSAGE_CAPACITY + 1)).unwrap();
    let mut c = b.clone();
    c.write_str("y").unwrap();
    assert_eq!(c.as_str(), b.as_str());
    assert!(<MessageBuf>::default().as_str().is_empty());
}

proptest! {
    #[test]
    fn writes_keep_the_longest_fitting_prefix(parts in prop::collection::vec(".{0,40}", 0..8)) {
        let mut b = MessageBuf::new();
        for p in &parts {
            prop_assert!(b.write_str(p).is_ok());
        }
        let all: String = parts.concat();
        prop_assert_eq!(b.as_str(), fitting_prefix(&all));
        prop_assert!(b.as_str().len() <= MESSAGE_CAPACITY);
        prop_assert_eq!(b.truncated(), b.as_str().len() < all.len());
    }
}

// ---- AllowedDisplay ----------------------------------------------------------------------------

fn show(spec: &kapi_checker::SyscallSpec, param: usize, constraint: usize) -> String {
    let p = &spec.params[param];
    let c = &p.constraints[constraint];
    format!(
        "{}",
        AllowedDisplay {
            spec,
            ty: p.ty,
            param: p.name,
            constraint: c
        }
    )
}

#[test]
fn allowed_for_mlock_specs() {
    assert_eq!(show(&MLOCK2, 0, 0), "start + len must not wrap");
    assert_eq!(show(&MLOCK2, 1, 0), "range [0, 0x7fffffffffffffff]");
    assert_eq!(show(&MLOCK2, 2, 0), "mask 0x1");
    assert_eq!(show(&MLOCKALL, 0, 0), "mask 0x7");
    assert_eq!(show(&MLOCKALL, 0, 1), "nonzero");
    assert_eq!(show(&MLOCKALL, 0, 2), "not {4}");
}

#[test]
fn allowed_for_each_kind() {
    let cases: [(ArgType, ConstraintKind, &str); 11] = [
        (
            ArgType::I32,
            ConstraintKind::Range {
                min: u64::MAX,
                max: 4096,
            },
            "range [-1, 0x1000]",
        ),
        // A bound written truncated to the int's width reads as the same negative value.
        (
            ArgType::I32,
            ConstraintKind::Range {
                min: 0xffff_ff9c,
                max: 9,
            },
            "range [-100, 9]",
        ),
        (
            ArgType::U32,
            ConstraintKind::Range {
                min: 0,
                max: 0xffff_ffff,
            },
            "range [0, 0xffffffff]",
        ),
        (
            ArgType::I32,
            ConstraintKind::Enum {
                values: &[1, 2, u64::MAX],
            },
            "one of {1, 2, -1}",
        ),
        (
            ArgType::U64,
            ConstraintKind::Exclude { values: &[] },
            "not {}",
        ),
        (
            ArgType::U64,
            ConstraintKind::Alignment { align: 8 },
            "aligned to 8",
        ),
        (ArgType::U64, ConstraintKind::PowerOfTwo, "power of two"),
        (
            ArgType::U64,
            ConstraintKind::PageAligned { page_size: 4096 },
            "page aligned (4096)",
        ),
        (
            ArgType::I32,
            ConstraintKind::Fd,
            "fd (0..INT_MAX or AT_FDCWD)",
        ),
        (
            ArgType::U64,
            ConstraintKind::NoWrap { other: 9 },
            "x + ? must not wrap",
        ),
        (ArgType::U64, ConstraintKind::NonZero, "nonzero"),
    ];
    for (ty, kind, want) in cases {
        let spec = one_param(ty, &[kind], &[]);
        assert_eq!(show(&spec, 0, 0), want);
    }
}

proptest! {
    #[test]
    fn any_constraint_renders_into_a_message(ty in arb_any_type(), kind in arb_kind(), errnos in arb_errnos()) {
        let spec = one_param(ty, &[kind], errnos);
        let c = Constraint::new(kind, errnos);
        let b = MessageBuf::format(format_args!(
            "{}",
            AllowedDisplay { spec: &spec, ty, param: "x", constraint: &c }
        ));
        prop_assert!(b.as_str().len() <= MESSAGE_CAPACITY);
        let full = format!("{}", AllowedDisplay { spec: &spec, ty, param: "x", constraint: &c });
        prop_assert_eq!(b.as_str(), fitting_prefix(&full));
    }
}

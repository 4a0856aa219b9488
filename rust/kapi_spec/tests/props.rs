// SPDX-License-Identifier: GPL-2.0

//! Property tests: no input makes a parser panic, and the writer round-trips any model.

mod common;

use common::*;
use kapi_spec::model::*;
use kapi_spec::{
    import_macro, load, parse_kerneldoc, parse_mail, resolve, write_kerneldoc, Diagnostics,
};
use proptest::prelude::*;

/// Runs every parser (and the resolver on what they produce) on `s`.
fn all_parsers(s: &str) {
    let k = kernel();
    for p in [
        parse_kerneldoc("f", s),
        parse_mail("f", s),
        import_macro("f", s),
        load("f", s),
    ] {
        let _ = p.diags.render(s, false);
        let _ = p.diags.to_string();
        for ps in &p.specs {
            let mut d = Diagnostics::new("f");
            let _ = kapi_spec::lint(ps, &k, &mut d);
            let _ = d.render(s, false);
            let _ = kapi_spec::render(&ps.spec, None);
            let text = write_kerneldoc(&ps.spec);
            let _ = parse_kerneldoc("w", &text);
        }
    }
}

/// Characters that matter to the parsers.
const ALPHABET: &[char] = &[
    '*', '/', ' ', '\n', ',', ':', '-', '@', '(', ')', '"', '\\', '+', '>', '|', '{', '}', '.',
    '=', ';', 'a', 'E', '0', 'x', '_', '\t', 'é', '\'',
];

fn mutated() -> impl Strategy<Value = String> {
    let fixtures = [
        "frob.kapi",
        "twiddle.kapi",
        "zap.kapi",
        "zap_patch.txt",
        "frob_review.txt",
    ]
    .map(fixture);
    (
        0..fixtures.len(),
        prop::collection::vec(
            (
                any::<usize>(),
                0..4u8,
                prop::sample::select(ALPHABET),
                1..40usize,
            ),
            1..12,
        ),
    )
        .prop_map(move |(i, edits)| {
            let mut s: Vec<char> = fixtures[i].chars().collect();
            for (pos, op, ch, len) in edits {
                let at = if s.is_empty() { 0 } else { pos % s.len() };
                match op {
                    0 => s.insert(at, ch),
                    1 => {
                        let end = (at + len).min(s.len());
                        s.drain(at..end);
                    }
                    2 => {
                        if at < s.len() {
                            s[at] = ch;
                        }
                    }
                    _ => {
                        // Duplicate a line-sized chunk somewhere else.
                        let end = (at + len).min(s.len());
                        let chunk: Vec<char> = s[at..end].to_vec();
                        let to = (pos / 7) % (s.len() + 1);
                        s.splice(to..to, chunk);
                    }
                }
            }
            s.into_iter().collect()
        })
}

fn text() -> impl Strategy<Value = String> {
    // Free text without line structure or the characters that end a field.
    "[A-Za-z][A-Za-z0-9 .;!?'_=/+-]{0,60}[A-Za-z0-9.]"
        .prop_map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn word() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{0,10}"
}

fn expr() -> impl Strategy<Value = Text> {
    prop_oneof![
        (0u64..100000).prop_map(|v| v.to_string()),
        "[A-Z][A-Z0-9_]{0,8}",
        ("[A-Z][A-Z_]{0,6}", "[A-Z][A-Z_]{0,6}").prop_map(|(a, b)| format!("{a} | {b}")),
        (0u64..64).prop_map(|v| format!("(1 << {v})")),
    ]
    .prop_map(Text::bare)
}

fn constraint(others: Vec<String>) -> impl Strategy<Value = Constraint> {
    let other = prop::sample::select(others);
    prop_oneof![
        Just(ConstraintKind::None),
        (expr(), expr()).prop_map(|(min, max)| ConstraintKind::Range { min, max }),
        expr().prop_map(|valid| ConstraintKind::Mask { valid }),
        prop::collection::vec(expr(), 1..4).prop_map(|values| ConstraintKind::Enum { values }),
        prop::collection::vec(expr(), 1..4).prop_map(|values| ConstraintKind::Exclude { values }),
        expr().prop_map(|align| ConstraintKind::Alignment { align }),
        Just(ConstraintKind::PowerOfTwo),
        Just(ConstraintKind::PageAligned),
        Just(ConstraintKind::NonZero),
        Just(ConstraintKind::Fd),
        other.prop_map(|o| ConstraintKind::NoWrap {
            other: Text::bare(o)
        }),
        Just(ConstraintKind::UserString),
        Just(ConstraintKind::Custom),
    ]
    .prop_map(|kind| Constraint {
        kind,
        loc: Default::default(),
    })
}

fn spec() -> impl Strategy<Value = Spec> {
    prop::collection::btree_set(word(), 1..5)
        .prop_flat_map(|names| {
            let names: Vec<String> = names.into_iter().collect();
            let params = names
                .iter()
                .map(|n| {
                    (
                        Just(n.clone()),
                        text(),
                        prop::option::of(prop::sample::select(KapiType::ALL)),
                        prop::option::of(prop::sample::select(vec![
                            "int",
                            "unsigned long",
                            "size_t",
                            "const char __user *",
                        ])),
                        prop::collection::vec(prop::sample::select(ParamFlag::ALL), 0..3),
                        prop::collection::vec(constraint(names.clone()), 0..3),
                        prop::option::of(text()),
                        prop::collection::vec("E[A-Z]{2,6}", 0..3),
                    )
                        .prop_map(
                            |(
                                name,
                                description,
                                kapi_type,
                                c_type,
                                flags,
                                constraints,
                                constraint_text,
                                errnos,
                            )| Param {
                                name,
                                description,
                                // `param-type: p, <C type>` leaves the KAPI type unset.
                                kapi_type: if c_type.is_none() && kapi_type.is_none() {
                                    Some(KapiType::Uint)
                                } else {
                                    kapi_type
                                },
                                c_type: c_type.map(Text::bare),
                                flags,
                                constraints,
                                constraint_text,
                                errnos: errnos.into_iter().map(Text::bare).collect(),
                                ..Param::default()
                            },
                        )
                })
                .collect::<Vec<_>>();
            (
                word(),
                text(),
                params,
                prop::option::of(text()),
                prop::collection::vec(("E[A-Z]{2,6}", text(), text()), 0..4),
                prop::collection::vec(
                    (
                        prop::collection::vec(prop::sample::select(EffectType::ALL), 1..3),
                        text(),
                        text(),
                        prop::option::of(text()),
                        any::<bool>(),
                    ),
                    0..3,
                ),
                prop::option::of(prop::sample::select(ReturnCheckKind::ALL)),
                prop::option::of("[a-z]{1,8}\\(\\);( [a-z]{1,8}\\(\\);){0,2}"),
            )
        })
        .prop_map(
            |(name, summary, params, long_desc, errors, effects, check, examples)| {
                let mut seen = std::collections::BTreeSet::new();
                Spec {
                    name,
                    summary,
                    params,
                    long_desc,
                    errors: errors
                        .into_iter()
                        .filter(|(n, _, _)| seen.insert(n.clone()))
                        .map(|(n, condition, description)| ErrorCode {
                            name: Text::bare(n),
                            condition: condition.replace(',', ";"),
                            description,
                            loc: Default::default(),
                        })
                        .collect(),
                    side_effects: effects
                        .into_iter()
                        .map(
                            |(types, target, description, condition, reversible)| SideEffect {
                                types,
                                target,
                                description,
                                condition,
                                reversible,
                                loc: Default::default(),
                            },
                        )
                        .collect(),
                    ret: ReturnSpec {
                        check,
                        ..ReturnSpec::default()
                    },
                    examples: examples.map(|e| e.replace(' ', "\n")),
                    ..Spec::default()
                }
            },
        )
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=N for a longer run.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        all_parsers(&s);
    }

    #[test]
    fn structured_noise_never_panics(v in prop::collection::vec(prop::sample::select(ALPHABET), 0..300)) {
        let s: String = v.into_iter().collect();
        all_parsers(&s);
        all_parsers(&format!("/**\n * sys_frob - x\n{s}\n */\n"));
        all_parsers(&format!("+DEFINE_KERNEL_API_SPEC(sys_frob)\n{s}\n+KAPI_END_SPEC;\n"));
    }

    #[test]
    fn mutated_fixtures_never_panic(s in mutated()) {
        all_parsers(&s);
    }

    #[test]
    fn writer_round_trips_any_model(s in spec()) {
        let text = write_kerneldoc(&s);
        let p = parse_kerneldoc("w", &text);
        prop_assert!(!p.has_errors(), "{}\n{}", p.diags, text);
        let back = p.into_specs().remove(0);
        prop_assert_eq!(&back, &s, "{}", text);
        prop_assert_eq!(write_kerneldoc(&back), text);
    }
}

#[test]
fn resolve_survives_extreme_values() {
    let k = kernel();
    for v in [
        "0xffffffffffffffff",
        "-0x8000000000000000",
        "~0",
        "1 << 63",
        "(1 << 64)",
        "-(1 << 63) - 1",
    ] {
        let src = frob_with(&[
            "param-type: addr, unsigned long",
            "param-type: size, size_t",
            "param-type: mode, int",
            &format!("param-constraint-type: mode, mask({v})"),
            &format!("param-constraint-type: size, range({v}, {v})"),
            &format!("param-constraint-type: addr, alignment({v})"),
            "return-check-type: exact",
            &format!("return-success: {v}"),
        ]);
        let p = parse_kerneldoc("x", &src);
        let mut d = Diagnostics::new("x");
        if let Some(ps) = p.specs.first() {
            let _ = resolve(&ps.spec, &k, &mut d);
        }
    }
}

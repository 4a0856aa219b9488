// SPDX-License-Identifier: GPL-2.0

//! The kerneldoc form: parsing, diagnostics, and the writer's round trip.

mod common;

use common::*;
use kapi_spec::model::*;
use kapi_spec::{parse_kerneldoc, write_kerneldoc};

fn parse_ok(name: &str) -> Spec {
    let p = parse_kerneldoc(name, &fixture(name));
    assert!(!p.has_errors(), "{}", p.diags);
    assert_eq!(p.specs.len(), 1);
    p.into_specs().remove(0)
}

#[test]
fn frob_fixture_model() {
    let s = parse_ok("frob.kapi");
    assert_eq!(s.name, "frob");
    assert_eq!(s.summary, "Frobnicate a range of memory");
    assert_eq!(
        s.description,
        "Frobnicates every byte of the range. This text is the free description and wraps over two lines.\n\nSecond paragraph of the description."
    );
    assert_eq!(
        s.long_desc.as_deref(),
        Some("A longer account of frobnication, which also wraps over lines.")
    );
    assert_eq!(
        s.context_flags,
        [ContextFlag::Process, ContextFlag::Sleepable]
    );
    assert_eq!(s.since_version.as_deref(), Some("6.1"));

    let names: Vec<&str> = s.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["addr", "size", "mode"]);
    let addr = &s.params[0];
    assert_eq!(addr.kapi_type, None);
    assert_eq!(
        addr.c_type.as_ref().map(|t| t.as_str()),
        Some("unsigned long")
    );
    assert_eq!(addr.flags, [ParamFlag::In]);
    let kinds: Vec<&ConstraintKind> = addr.constraints.iter().map(|c| &c.kind).collect();
    assert_eq!(
        kinds,
        [
            &ConstraintKind::PageAligned,
            &ConstraintKind::NoWrap {
                other: Text::bare("size")
            }
        ]
    );
    assert_eq!(addr.errnos, [Text::bare("EINVAL")]);

    let size = &s.params[1];
    assert_eq!(size.kapi_type, Some(KapiType::Uint));
    assert_eq!(size.c_type.as_ref().map(|t| t.as_str()), Some("size_t"));
    assert_eq!(
        size.constraints[0].kind,
        ConstraintKind::Range {
            min: Text::bare("1"),
            max: Text::bare("LONG_MAX")
        }
    );
    assert_eq!(
        size.constraint_text.as_deref(),
        Some("At least one byte, and the range must not wrap around.")
    );

    let mode = &s.params[2];
    assert_eq!(mode.flags, [ParamFlag::In, ParamFlag::Optional]);
    assert_eq!(
        mode.constraints[0].kind,
        ConstraintKind::Mask {
            valid: Text::bare("FROB_ALL | FROB_HIGH")
        }
    );
    assert_eq!(
        mode.constraints[1].kind,
        ConstraintKind::Exclude {
            values: vec![Text::bare("FROB_HIGH"), Text::bare("-1")]
        }
    );
    assert_eq!(mode.errnos, [Text::bare("EINVAL"), Text::bare("EOVERFLOW")]);

    assert_eq!(s.ret.kapi_type, Some(KapiType::Int));
    assert_eq!(s.ret.c_type, Some(Text::bare("long")));
    assert_eq!(s.ret.check, Some(ReturnCheckKind::ErrorCheck));
    assert_eq!(s.ret.success, Some(Text::bare("0")));

    let errs: Vec<(&str, &str, &str)> = s
        .errors
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.condition.as_str(),
                e.description.as_str(),
            )
        })
        .collect();
    assert_eq!(
        errs,
        [
            (
                "EINVAL",
                "Bad arguments",
                "addr is not page aligned, or mode has unknown bits."
            ),
            ("ENOMEM", "Out of memory", "No memory for the frob tables."),
            (
                "EOVERFLOW",
                "Too big",
                "The range, once rounded, does not fit."
            ),
            ("EINTR", "Interrupted", "A fatal signal arrived."),
        ]
    );

    assert_eq!(s.locks.len(), 1);
    assert_eq!(
        (s.locks[0].name.as_str(), s.locks[0].lock_type.as_str()),
        ("frob_lock", "KAPI_LOCK_MUTEX")
    );
    assert_eq!(s.locks[0].desc.as_deref(), Some("Serialises frobnication."));
    assert_eq!(s.signals[0].name, "FATAL");
    assert_eq!(s.signals[0].error.as_deref(), Some("-EINTR"));
    let se = &s.side_effects[0];
    assert_eq!(se.types, [EffectType::ModifyState, EffectType::AllocMemory]);
    assert_eq!(se.target, "frob tables");
    assert_eq!(se.description, "Allocates, then fills, the tables");
    assert_eq!(se.condition.as_deref(), Some("Tables not yet present"));
    assert!(se.reversible);
    assert!(!s.side_effects[1].reversible);
    assert_eq!(
        s.state_transitions[0].condition.as_deref(),
        Some("mode is not 0")
    );
    assert_eq!(s.capabilities[0].allows.as_deref(), Some("Frob any range"));
    assert_eq!(
        s.constraints[0].expr.as_deref(),
        Some("frobbed + size <= FROB_BUDGET")
    );
    assert_eq!(
        s.examples.as_deref(),
        Some("frob(buf, 4096, FROB_FAST);\nfrob(buf, len, 0);")
    );
    assert_eq!(
        s.notes.as_deref(),
        Some("Frobnication is idempotent.\n\nSecond paragraph of the notes.")
    );
    assert_eq!(
        s.context_section.as_deref(),
        Some("Process context. May sleep.")
    );
    assert_eq!(
        s.return_section.as_deref(),
        Some("0 on success, a negative errno on failure.")
    );
}

#[test]
fn short_tokens_and_c_types() {
    let s = parse_ok("twiddle.kapi");
    assert_eq!(s.params[0].kapi_type, Some(KapiType::Fd));
    assert_eq!(s.params[0].constraints[0].kind, ConstraintKind::Fd);
    assert_eq!(
        s.params[1].constraints[0].kind,
        ConstraintKind::Enum {
            values: vec![Text::bare("TWIDDLE_UP"), Text::bare("TWIDDLE_DOWN")]
        }
    );
    let kinds: Vec<ConstraintTag> = s.params[2]
        .constraints
        .iter()
        .map(|c| c.kind.tag())
        .collect();
    assert_eq!(
        kinds,
        [
            ConstraintTag::PowerOfTwo,
            ConstraintTag::NonZero,
            ConstraintTag::Alignment
        ]
    );
    assert_eq!(s.ret.check, Some(ReturnCheckKind::Range));
    assert_eq!(
        s.ret.success_range,
        Some((Text::bare("0"), Text::bare("INT_MAX")))
    );
}

#[test]
fn round_trip_is_exact_on_the_model_and_idempotent_on_text() {
    for name in ["frob.kapi", "twiddle.kapi", "zap.kapi"] {
        let s = parse_ok(name);
        let text = write_kerneldoc(&s);
        let p = parse_kerneldoc("written", &text);
        assert!(
            !p.has_errors(),
            "{name}: written form does not parse:\n{}\n{text}",
            p.diags
        );
        let again = p.into_specs().remove(0);
        assert_eq!(
            again, s,
            "{name}: model changed through the writer:\n{text}"
        );
        assert_eq!(
            write_kerneldoc(&again),
            text,
            "{name}: writer not idempotent"
        );
        for line in text.lines() {
            assert!(
                line.len() <= 100 || !line.contains(' '),
                "{name}: long line {line:?}"
            );
        }
    }
}

#[test]
fn locations_point_into_the_file() {
    let src = fixture("frob.kapi");
    let p = parse_kerneldoc("frob.kapi", &src);
    let s = &p.specs[0].spec;
    // ` * param-range: size, 1, LONG_MAX` is line 26; `LONG_MAX` starts at column 26.
    let ConstraintKind::Range { max, .. } = &s.params[1].constraints[0].kind else {
        panic!()
    };
    assert_eq!((max.loc.line, max.loc.col, max.loc.len), (26, 26, 8));
    let line = src.lines().nth(25).unwrap();
    assert_eq!(&line[25..33], "LONG_MAX");
}

/// One bad input: the annotations, the index of the offending one, and words of the error.
fn bad(body: &[&str], at: usize, needle: &str) {
    let mut lines: Vec<&str> = FROB_OK.to_vec();
    let base = lines.len();
    lines.extend_from_slice(body);
    let src = frob_with(&lines);
    let p = parse_kerneldoc("bad.kapi", &src);
    assert_error(&p.diags, body_line(base + at), needle);
}

#[test]
fn unknown_key_with_suggestion() {
    bad(&["param-rnage: size, 0, 5"], 0, "unknown key `param-rnage`");
    bad(
        &["param-rnage: size, 0, 5"],
        0,
        "did you mean `param-range`",
    );
    bad(&["frobbing: yes"], 0, "unknown key");
}

#[test]
fn undeclared_param() {
    bad(
        &["param-flags: length, KAPI_PARAM_IN"],
        0,
        "no `@length:` line declares",
    );
}

#[test]
fn duplicates() {
    bad(
        &["param-type: size, int"],
        0,
        "duplicate `param-type` for `size`",
    );
    bad(
        &["error-code: -EINVAL, EINVAL, Again, Again."],
        0,
        "duplicate error `EINVAL`",
    );
    bad(
        &["since-version: 1", "since-version: 2"],
        1,
        "duplicate `since-version`",
    );
    let src = "/**\n * sys_frob - Frob\n * @a: A\n * @a: again\n */\n";
    assert_error(
        &parse_kerneldoc("d", src).diags,
        4,
        "duplicate parameter `a`",
    );
}

#[test]
fn errno_name_disagreement() {
    bad(&["error-code: -ENOMEM, EAGAIN, Cond, Desc"], 0, "disagree");
    bad(&["error-code: ENOMEM, ENOMEM, Cond, Desc"], 0, "`-E<NAME>`");
    bad(&["error-code: -ENOMEM"], 0, "too few values");
}

#[test]
fn value_keys_need_their_constraint_type() {
    bad(
        &["param-range: size, 0, 10"],
        0,
        "without the matching constraint type",
    );
    bad(&["param-valid-mask: mode, 3"], 0, "KAPI_CONSTRAINT_MASK");
    bad(
        &["param-constraint-type: size, KAPI_CONSTRAINT_RANGE"],
        0,
        "without values",
    );
    bad(
        &[
            "param-constraint-type: size, range(0, 1)",
            "param-range: size, 0, 10",
        ],
        1,
        "a second time",
    );
    bad(
        &["param-constraint-type: size, range(0)"],
        0,
        "wrong number of values",
    );
    bad(
        &["param-constraint-type: size, frobnicated"],
        0,
        "unknown constraint type",
    );
}

#[test]
fn bad_tokens_and_expressions() {
    bad(
        &["context-flags: KAPI_CTX_PROCESS | KAPI_CTX_NAPPING"],
        0,
        "KAPI_CTX_NAPPING",
    );
    bad(
        &["param-flags: mode, KAPI_PARAM_SIDEWAYS"],
        0,
        "unknown parameter flag",
    );
    bad(
        &["param-constraint-type: mode, mask(1 +)"],
        0,
        "bad constant expression",
    );
    bad(&["param-errno: mode, -EINVAL"], 0, "bad errno name");
    bad(
        &["side-effect: KAPI_EFFECT_EXPLODE, x, y"],
        0,
        "unknown side-effect type",
    );
    bad(&["lock-desc: orphan"], 0, "without a `lock`");
    bad(
        &["constraint-expr: Nothing, a < b"],
        0,
        "undeclared constraint",
    );
    bad(&["param-count: 2"], 0, "parameter count mismatch");
}

#[test]
fn structure_errors() {
    let p = parse_kerneldoc("s", "int x;\n/**\n * sys_frob - F\n */\n");
    assert_error(&p.diags, 1, "`/**`");
    let p = parse_kerneldoc("s", "/**\n * sys_frob - F\n * @a: A\n");
    assert_error(&p.diags, 3, "unterminated");
    let p = parse_kerneldoc("s", "/**\n * frob: F\n */\n");
    assert_error(&p.diags, 2, "sys_<name> - <summary>");
    let p = parse_kerneldoc("s", "/**\n * sys_frob - F\n this line has no star\n */\n");
    assert_error(&p.diags, 3, "` * `");
    let p = parse_kerneldoc("s", "/**\n * sys_frob - F\n */\ntrailing\n");
    assert_error(&p.diags, 4, "text after the comment");
    let p = parse_kerneldoc("s", "");
    assert!(p.has_errors());
    let p = parse_kerneldoc(
        "s",
        "/**\n * sys_frob - F\n *\n * long-desc: x\n * @late: param\n */\n",
    );
    assert_error(&p.diags, 5, "parameter line after the description");
}

#[test]
fn diagnostics_render_with_the_offending_line() {
    let mut lines: Vec<&str> = FROB_OK.to_vec();
    lines.push("param-rnage: size, 0, 5");
    let src = frob_with(&lines);
    let p = parse_kerneldoc("bad.kapi", &src);
    let out = p.diags.render(&src, false);
    assert!(out.contains("bad.kapi:15:4"), "{out}");
    assert!(out.contains(" * param-rnage: size, 0, 5"), "{out}");
    assert!(out.contains("^^^^^^^^^^^"), "{out}");
    let one = p.diags.to_string();
    assert!(
        one.starts_with("bad.kapi:15:4: error: unknown key `param-rnage`"),
        "{one}"
    );
}

/// `kapi draft`'s mark: an error at the mark, on any annotation, while the rest of the line is
/// read as usual; the same spec without the marks is clean.
#[test]
fn unchecked_marks_are_errors_until_removed() {
    let marked = frob_with(&[
        "param-type: addr, unsigned long",
        "param-type: size, size_t",
        "param-type: mode, int",
        "param-constraint-type: [unchecked: fs/frob.c:12] mode, mask(1 | 2)",
        "return-type: long",
        "return-check-type: KAPI_RETURN_ERROR_CHECK",
        "error-code: [unchecked] -EINVAL, EINVAL, Bad, Bad arguments.",
        "error-code: [unchecked: frob.2:30, frob.2:41] -ENOMEM, ENOMEM, No memory,",
        "  Out of memory, twice.",
    ]);
    let p = parse_kerneldoc("d.kapi", &marked);
    let errors: Vec<String> = p.diags.items.iter().map(|d| d.one_line("d.kapi")).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(
        errors[0].starts_with(
            "d.kapi:10:27: error: `param-constraint-type` line still marked unchecked: \
             expected the line checked against the kernel source"
        ),
        "{}",
        errors[0]
    );
    assert!(
        errors[0].ends_with("found `[unchecked: fs/frob.c:12]`"),
        "{}",
        errors[0]
    );
    assert!(errors[1].starts_with("d.kapi:13:16: error: `error-code` line"));
    assert!(errors[2].contains("found `[unchecked: frob.2:30, frob.2:41]`"));
    let spec = &p.specs[0].spec;
    assert_eq!(
        spec.params[2].constraints[0].kind,
        ConstraintKind::Mask {
            valid: Text::bare("1 | 2")
        }
    );
    let names: Vec<&str> = spec.errors.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["EINVAL", "ENOMEM"]);
    assert_eq!(spec.errors[1].description, "Out of memory, twice.");

    let checked = marked
        .replace("[unchecked: fs/frob.c:12] ", "")
        .replace("[unchecked] ", "")
        .replace("[unchecked: frob.2:30, frob.2:41] ", "");
    assert_eq!(
        kapi_spec::parse::kerneldoc::remove_unchecked_marks(&marked),
        checked
    );
    let p2 = parse_kerneldoc("d.kapi", &checked);
    assert!(!p2.has_errors(), "{}", p2.diags);
    assert_eq!(p2.into_specs(), p.into_specs());
    // Not a mark: a word that only starts like one.
    let p = parse_kerneldoc(
        "d.kapi",
        &frob_with(&["error-code: [uncheckedness] -EINVAL, EINVAL, Bad, Bad."]),
    );
    assert!(p
        .diags
        .items
        .iter()
        .all(|d| !d.message.contains("unchecked")));
}

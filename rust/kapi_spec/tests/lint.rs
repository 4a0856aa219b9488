// SPDX-License-Identifier: GPL-2.0

//! Checks against a kernel tree (the test tree in tests/fixtures/ksrc), and the optional
//! checks on the upstream seeds and the real kernel.

mod common;

use std::path::Path;

use common::*;
use kapi_checker::{ArgType, ConstraintKind, ReturnCheck};
use kapi_spec::{lint, load, parse_kerneldoc, resolve, Diagnostics, KernelInfo, X86_64};

fn lint_src(src: &str) -> (Option<kapi_spec::Resolved>, Diagnostics) {
    let p = parse_kerneldoc("t.kapi", src);
    let mut d = p.diags.clone();
    let r = p.specs.first().and_then(|ps| lint(ps, &kernel(), &mut d));
    (r, d)
}

#[test]
fn resolves_frob_to_numbers() {
    let (r, d) = lint_src(&fixture("frob.kapi"));
    assert!(!d.has_errors(), "{d}");
    let r = r.unwrap();
    assert_eq!(r.nr, 7);
    assert_eq!(r.ret, ReturnCheck::Exact(0));
    let errs: Vec<(&str, u16)> = r
        .errors
        .iter()
        .map(|e| (e.name.as_str(), e.errno))
        .collect();
    assert_eq!(
        errs,
        [
            ("EINVAL", 22),
            ("ENOMEM", 12),
            ("EOVERFLOW", 75),
            ("EINTR", 4)
        ]
    );
    let addr = &r.params[0];
    assert_eq!(addr.ty, ArgType::U64);
    assert_eq!(
        addr.constraints[0].kind,
        ConstraintKind::PageAligned { page_size: 4096 }
    );
    assert_eq!(
        addr.constraints[1].kind,
        ConstraintKind::NoWrap { other: 1 }
    );
    assert_eq!(addr.constraints[0].errnos, [22]);
    let size = &r.params[1];
    assert_eq!(
        size.constraints[0].kind,
        ConstraintKind::Range {
            min: 1,
            max: i64::MAX as u64
        }
    );
    assert!(
        size.constraints[0].errnos.is_empty(),
        "no param-errno: advisory"
    );
    let mode = &r.params[2];
    assert_eq!((mode.ty, mode.c_type.as_str()), (ArgType::I32, "int"));
    // FROB_ALL is (FROB_FAST | FROB_SLOW) over a line continuation; FROB_HIGH is 1ULL << 4.
    assert_eq!(
        mode.constraints[0].kind,
        ConstraintKind::Mask { valid: 0x13 }
    );
    // -1 as an int is the sign-extended bit pattern.
    assert_eq!(
        mode.constraints[1].kind,
        ConstraintKind::Exclude {
            values: &[16, u64::MAX]
        }
    );
    assert_eq!(mode.constraints[1].errnos, [22, 75]);
}

#[test]
fn resolves_twiddle() {
    let (r, d) = lint_src(&fixture("twiddle.kapi"));
    assert!(!d.has_errors(), "{d}");
    let r = r.unwrap();
    assert_eq!(r.nr, 9, "a `64` ABI row counts");
    assert_eq!(
        (r.params[0].ty, r.params[0].c_type.as_str()),
        (ArgType::I32, "int")
    );
    assert_eq!(r.params[0].constraints[0].kind, ConstraintKind::Fd);
    assert_eq!(
        r.params[1].constraints[0].kind,
        ConstraintKind::Enum { values: &[1, 2] }
    );
    assert_eq!(
        r.params[2].constraints[2].kind,
        ConstraintKind::Alignment { align: 8 }
    );
    assert_eq!(
        r.ret,
        ReturnCheck::Range {
            min: 0,
            max: i64::from(i32::MAX)
        }
    );
}

fn lint_bad(body: &[&str], at: usize, needle: &str) {
    let mut lines: Vec<&str> = FROB_OK.to_vec();
    let base = lines.len();
    lines.extend_from_slice(body);
    let (r, d) = lint_src(&frob_with(&lines));
    assert!(r.is_none());
    assert_error(&d, body_line(base + at), needle);
}

#[test]
fn the_base_spec_is_clean() {
    let (r, d) = lint_src(&frob_with(FROB_OK));
    assert!(d.is_empty(), "{d}");
    assert_eq!(r.unwrap().ret, ReturnCheck::Exact(0));
}

#[test]
fn unknown_errnos_and_constants() {
    lint_bad(
        &["error-code: -EFROB, EFROB, Frob, Frob."],
        0,
        "unknown errno `EFROB`",
    );
    lint_bad(
        &["error-code: -ERESTARTSYS, ERESTARTSYS, Frob, Frob."],
        0,
        "`ERESTARTSYS` is a restart code",
    );
    lint_bad(
        &["error-code: -ENOMEN, ENOMEN, Frob, Frob."],
        0,
        "did you mean `ENOMEM`?",
    );
    lint_bad(
        &["param-constraint-type: mode, mask(FROB_NOPE)"],
        0,
        "unknown constant `FROB_NOPE`",
    );
    lint_bad(
        &["param-constraint-type: mode, mask(FROB_BROKEN)"],
        0,
        "UNDEFINED_THING",
    );
    lint_bad(
        &["param-constraint-type: mode, mask(FROB_FN)"],
        0,
        "unknown constant `FROB_FN`",
    );
}

#[test]
fn unknown_constant_points_at_the_name() {
    let mut lines: Vec<&str> = FROB_OK.to_vec();
    lines.push("param-constraint-type: mode, mask(FROB_FAST | FROB_NOPE)");
    let (_, d) = lint_src(&frob_with(&lines));
    let e = d
        .items
        .iter()
        .find(|x| x.found.as_deref().is_some_and(|f| f.contains("FROB_NOPE")))
        .unwrap();
    // ` * param-constraint-type: mode, mask(FROB_FAST | FROB_NOPE)`: FROB_NOPE is at column 50.
    assert_eq!(
        (e.loc.line, e.loc.col, e.loc.len),
        (body_line(FROB_OK.len()), 50, 9),
        "{d}"
    );
}

#[test]
fn values_must_fit_the_type() {
    lint_bad(
        &["param-constraint-type: mode, range(0, TWIDDLE_BIG)"],
        0,
        "does not fit `mode`'s type `int`",
    );
    lint_bad(
        &["param-constraint-type: mode, mask(TWIDDLE_BIG)"],
        0,
        "mask does not fit",
    );
    lint_bad(
        &["param-constraint-type: size, enum(-1, 2)"],
        0,
        "does not fit `size`'s type `size_t`",
    );
    lint_bad(
        &["param-constraint-type: size, range(5, 1)"],
        0,
        "empty range",
    );
    lint_bad(
        &["param-constraint-type: size, alignment(6)"],
        0,
        "not a power of two",
    );
    lint_bad(
        &["param-constraint-type: size, no_wrap(size)"],
        0,
        "needs another parameter",
    );
}

#[test]
fn param_errno_must_be_declared() {
    lint_bad(
        &[
            "param-constraint-type: mode, nonzero",
            "param-errno: mode, ENOMEM",
        ],
        1,
        "not declared by an `error-code` line",
    );
}

#[test]
fn return_spec_must_be_sane() {
    let mut lines: Vec<&str> = FROB_OK
        .iter()
        .copied()
        .filter(|l| !l.starts_with("return-"))
        .collect();
    lines.push("return-check-type: KAPI_RETURN_EXACT");
    let (r, d) = lint_src(&frob_with(&lines));
    assert!(r.is_none());
    assert_error(&d, body_line(lines.len() - 1), "without a value");

    let mut lines: Vec<&str> = FROB_OK
        .iter()
        .copied()
        .filter(|l| !l.starts_with("return-"))
        .collect();
    lines.extend(["return-check-type: KAPI_RETURN_FD", "return-success: -5"]);
    let (_, d) = lint_src(&frob_with(&lines));
    assert_error(
        &d,
        body_line(lines.len() - 1),
        "without the matching check type",
    );
    assert_error(&d, body_line(lines.len() - 1), "outside -4095..-1");

    let lines: Vec<&str> = FROB_OK
        .iter()
        .copied()
        .filter(|l| !l.starts_with("return-"))
        .collect();
    let (_, d) = lint_src(&frob_with(&lines));
    assert!(
        d.items.iter().any(|x| x.message.contains("no return spec")),
        "{d}"
    );
}

#[test]
fn types_must_have_a_width() {
    let lines: Vec<String> = FROB_OK
        .iter()
        .map(|l| {
            if l.starts_with("param-type: mode") {
                "param-type: mode, struct frob".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (_, d) = lint_src(&frob_with(&refs));
    assert_error(&d, body_line(2), "width of C type `struct frob`");
}

#[test]
fn syscall_must_exist_and_x32_rows_do_not_count() {
    let src = frob_with(FROB_OK).replace("sys_frob", "sys_frob_x32");
    let (_, d) = lint_src(&src);
    assert_error(&d, 1, "no syscall `frob_x32` on x86_64");
}

#[test]
fn annotations_in_param_order() {
    let lines = [
        "param-type: size, size_t",
        "param-type: addr, unsigned long",
        "param-type: mode, int",
        "return-type: long",
        "return-check-type: KAPI_RETURN_ERROR_CHECK",
    ];
    let (_, d) = lint_src(&frob_with(&lines));
    assert_error(
        &d,
        body_line(1),
        "annotations of `addr` after those of `size`",
    );
}

#[test]
fn errno_aliases_are_one_errno() {
    let mut lines: Vec<&str> = FROB_OK.to_vec();
    lines.extend([
        "error-code: -EAGAIN, EAGAIN, A, A.",
        "error-code: -EWOULDBLOCK, EWOULDBLOCK, W, W.",
    ]);
    let (_, d) = lint_src(&frob_with(&lines));
    assert_error(&d, body_line(lines.len() - 1), "declared twice");
}

/// The real kernel tree, if `KAPI_KSRC` names one.
fn real_kernel() -> Option<KernelInfo> {
    let dir = std::env::var_os("KAPI_KSRC")?;
    KernelInfo::load(Path::new(&dir), &X86_64).ok()
}

#[test]
#[cfg_attr(
    not(kapi_ksrc),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn real_kernel_numbers() {
    let k = real_kernel().expect("KAPI_KSRC names a kernel tree");
    assert_eq!(k.syscall_nr("mlock2"), Some(325));
    assert_eq!(k.syscall_nr("mlock"), Some(149));
    assert_eq!(k.errno("EINVAL"), Some(22));
    assert_eq!(k.errno("EWOULDBLOCK"), Some(11));
    assert_eq!(k.eval("MLOCK_ONFAULT").unwrap(), 1);
    assert_eq!(k.eval("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT").unwrap(), 7);
    assert_eq!(k.eval("O_TMPFILE").unwrap(), (1 << 22) | (1 << 16));
}

/// The upstream seeds, if the shared folder is there. They are read, never copied.
fn seed(name: &str) -> Option<String> {
    let dir = std::env::var_os("KAPI_SEEDS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds"),
        Into::into,
    );
    std::fs::read_to_string(dir.join(name)).ok()
}

#[test]
fn seeds_parse_when_present() {
    let Some(mail) = seed("000_1fd79a1a817ac010.txt") else {
        eprintln!("skipped: no seeds");
        return;
    };
    let p = load("seed000", &mail);
    assert!(!p.has_errors(), "{}", p.diags);
    let s = &p.specs[0].spec;
    assert_eq!(s.name, "mlock");
    assert_eq!(s.params.len(), 2);
    assert_eq!(s.errors.len(), 6);
    assert!(s.constraints.iter().any(|c| c.expr.is_some()));
    if let Some(k) = real_kernel() {
        let mut d = Diagnostics::new("seed000");
        assert!(lint(&p.specs[0], &k, &mut d).is_some(), "{d}");
    }

    let patch = seed("001_aa2de7eba6b80050.txt").expect("seed 001 beside seed 000");
    let p = load("seed001", &patch);
    assert!(!p.has_errors(), "{}", p.diags);
    let s = &p.specs[0].spec;
    assert_eq!(s.name, "mlock2");
    assert_eq!(s.params.len(), 3);
    assert_eq!(s.errors.len(), 5);
    assert_eq!(s.signals.len(), 2);
    assert_eq!(s.side_effects.len(), 5);
    assert_eq!(s.state_transitions.len(), 5);
    assert_eq!(s.locks.len(), 2);
    assert_eq!(s.capabilities.len(), 1);
    // The seed's wrapped literals are joined.
    assert_eq!(
        s.params[0].description,
        "Starting address of memory range to lock"
    );
    let written = kapi_spec::write_kerneldoc(s);
    let back = parse_kerneldoc("w", &written);
    assert!(!back.has_errors(), "{}", back.diags);
    assert_eq!(&back.specs[0].spec, s);
    if let Some(k) = real_kernel() {
        let mut d = Diagnostics::new("seed001");
        let r = resolve(s, &k, &mut d).expect("seed 001 resolves");
        assert_eq!(r.nr, 325);
        assert_eq!(
            r.params[2].constraints[0].kind,
            ConstraintKind::Mask { valid: 1 }
        );
    }
}

#[test]
fn coverage_tracks_at_most_64_constraints() {
    let nonzero = "param-constraint-type: mode, KAPI_CONSTRAINT_NONZERO";
    let warned = |n: usize| {
        let mut lines: Vec<&str> = FROB_OK.to_vec();
        lines.extend(std::iter::repeat_n(nonzero, n));
        let (r, d) = lint_src(&frob_with(&lines));
        assert!(!d.has_errors(), "{d}");
        assert_eq!(r.unwrap().params[2].constraints.len(), n);
        d.items.iter().any(|x| {
            x.message
                .contains("too many checked constraints for coverage")
        })
    };
    assert!(!warned(64));
    assert!(warned(65));
}

#[test]
fn resolved_kinds_are_the_tags_runtime_kinds() {
    for f in ["frob.kapi", "twiddle.kapi"] {
        let (r, d) = lint_src(&fixture(f));
        let r = r.unwrap_or_else(|| panic!("{d}"));
        let spec = &parse_kerneldoc(f, &fixture(f)).specs[0].spec;
        for (p, rp) in spec.params.iter().zip(&r.params) {
            for rc in &rp.constraints {
                let tag = p.constraints[rc.source].kind.tag();
                assert_eq!(tag.runtime().map(|k| k.name()), Some(rc.kind.name()), "{f}");
                assert_eq!(tag.short(), rc.kind.name());
            }
        }
    }
}

/// FROB_OK with its `test-skip` replaced by `body`.
fn frob_tests(body: &[&str]) -> (Option<kapi_spec::Resolved>, Diagnostics, usize) {
    let mut lines: Vec<&str> = FROB_OK
        .iter()
        .copied()
        .filter(|l| !l.starts_with("test-skip"))
        .collect();
    lines.push("param-constraint-type: mode, mask(3)");
    lines.push("param-errno: mode, EINVAL");
    let base = lines.len();
    lines.extend_from_slice(body);
    let (r, d) = lint_src(&frob_with(&lines));
    (r, d, base)
}

#[test]
fn test_args_resolve_to_recipes() {
    let (r, d, _) = frob_tests(&[
        "test-arg: addr, map:1",
        "test-arg: size, 4096",
        "test-arg: mode, 1 | 2",
    ]);
    assert!(d.is_empty(), "{d}");
    let kapi_spec::resolve::ResolvedTest::Call(call) = r.unwrap().tests else {
        panic!("no valid call");
    };
    let (valid, nofuzz) = (call.valid, call.nofuzz);
    let shown: Vec<String> = valid.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["map:1", "0x1000", "0x3"]);
    assert_eq!(nofuzz, None);
}

#[test]
fn test_arg_errors_point_at_the_line() {
    let ok = [
        "test-arg: addr, map:1",
        "test-arg: size, 4096",
        "test-arg: mode, 0",
    ];
    for (i, bad, needle) in [
        (0, "test-arg: adr, map:1", "no parameter `adr`"),
        (0, "test-arg: addr, fd:pip", "not an argument recipe"),
        (
            2,
            "test-arg: mode, 4",
            "the valid call breaks a constraint of `mode`",
        ),
        (
            2,
            "test-arg: mode, NO_SUCH",
            "cannot evaluate constant expression",
        ),
    ] {
        let mut body = ok.to_vec();
        body[i] = bad;
        let (r, d, base) = frob_tests(&body);
        assert!(r.is_none(), "{bad}");
        assert_error(&d, body_line(base + i), needle);
    }
    let (r, d, _) = frob_tests(&ok[..2]);
    assert!(r.is_none());
    assert!(d.to_string().contains("`mode` has no `test-arg`"), "{d}");
    let (_, d, _) = frob_tests(&[]);
    assert!(
        !d.has_errors() && d.to_string().contains("no valid call"),
        "{d}"
    );
}

#[test]
fn test_classes_and_fixed_parameters_resolve() {
    let (r, d, _) = frob_tests(&[
        "test-arg: addr, map:1",
        "test-arg: size, 4096",
        "test-arg: mode, 0",
        "test-class: addr, hole:1 map:1+1, EINVAL|ENOMEM",
        "test-fixed: size, keeps the mapping",
    ]);
    assert!(d.is_empty(), "{d}");
    let kapi_spec::resolve::ResolvedTest::Call(call) = r.unwrap().tests else {
        panic!("no valid call");
    };
    let classes: Vec<(usize, String, Vec<u16>)> = call
        .classes
        .iter()
        .map(|(p, r, e)| (*p, r.to_string(), e.clone()))
        .collect();
    assert_eq!(
        classes,
        [
            (0, "hole:1".to_string(), vec![22, 12]),
            (0, "map:1+1".to_string(), vec![22, 12])
        ]
    );
    assert_eq!(call.fixed, [1]);
    let (r, d, base) = frob_tests(&[
        "test-arg: addr, map:1",
        "test-arg: size, 4096",
        "test-arg: mode, 0",
        "test-class: addr, 17, EINVAL",
    ]);
    assert!(r.is_none());
    assert_error(&d, body_line(base + 3), "not an argument kind");
}

#[test]
fn return_value_when_names_a_parameter_and_its_values() {
    let mut lines: Vec<&str> = FROB_OK.to_vec();
    lines.push("return-value-when: mode, 1, 2");
    let (r, d) = lint_src(&frob_with(&lines));
    assert!(d.is_empty(), "{d}");
    let v = r.unwrap().value_returns.unwrap();
    assert_eq!((v.param, v.values), (2, &[1u64, 2][..]));
    lint_bad(
        &["return-value-when: nope, 1"],
        0,
        "`return-value-when` names no parameter",
    );
    let mut lines: Vec<&str> = FROB_OK.to_vec();
    let base = lines.len();
    lines.push("return-value-when: mode");
    let (_, d) = lint_src(&frob_with(&lines));
    assert_error(
        &d,
        body_line(base),
        "too few values for `return-value-when`",
    );
}

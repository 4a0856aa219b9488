// SPDX-License-Identifier: GPL-2.0

//! The specs against the kernel's `SYSCALL_DEFINE`s: on the test tree (tests/fixtures/ksrc,
//! whose C files define frob, zap, twiddle, newstat and read), and on the real kernel named by
//! `KAPI_KSRC` with the fixtures of tests/fixtures/signature (ignored, with the reason, without
//! it).

mod common;

use std::path::Path;

use common::*;
use kapi_spec::{lint, parse_kerneldoc, Diagnostic, Diagnostics, KernelInfo, Severity, X86_64};

fn lint_with(k: &KernelInfo, file: &str, src: &str) -> (Option<kapi_spec::Resolved>, Diagnostics) {
    let p = parse_kerneldoc(file, src);
    assert!(!p.has_errors(), "{}", p.diags);
    let mut d = p.diags.clone();
    let r = p.specs.first().and_then(|ps| lint(ps, k, &mut d));
    (r, d)
}

/// A spec of `sys_<name>` with the given parameters (name, `param-type`), nothing else that
/// could fail.
fn spec(name: &str, params: &[(&str, &str)]) -> String {
    let mut s = format!("/**\n * sys_{name} - Test\n");
    for (p, _) in params {
        s.push_str(&format!(" * @{p}: Parameter\n"));
    }
    s.push_str(" *\n");
    for (p, t) in params {
        s.push_str(&format!(" * param-type: {p}, {t}\n"));
    }
    s.push_str(
        " * return-type: long\n * return-check-type: KAPI_RETURN_ERROR_CHECK\n \
         * test-skip: a lint fixture\n */\n",
    );
    s
}

/// The line of `spec`'s `@` line of parameter `i`, and of its `param-type` line.
fn at_line(i: usize) -> u32 {
    3 + i as u32
}
fn type_line(n: usize, i: usize) -> u32 {
    4 + (n + i) as u32
}

fn the(d: &Diagnostics, severity: Severity, needle: &str) -> Diagnostic {
    d.items
        .iter()
        .find(|x| x.severity == severity && x.one_line("").contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no {severity:?} mentioning {needle:?}; got:\n{d}"))
}

const FROB: [(&str, &str); 3] = [
    ("addr", "unsigned long"),
    ("size", "size_t"),
    ("mode", "int"),
];

#[test]
fn a_spec_like_the_definition_passes() {
    let (r, d) = lint_with(&kernel(), "t.kapi", &spec("frob", &FROB));
    assert!(d.is_empty(), "{d}");
    assert!(r.is_some());
    // KAPI types stand for C types of the same widths: size_t is 64-bit unsigned.
    let src = spec(
        "frob",
        &[
            ("addr", "KAPI_TYPE_UINT"),
            ("size", "KAPI_TYPE_UINT"),
            ("mode", "KAPI_TYPE_INT"),
        ],
    );
    let (_, d) = lint_with(&kernel(), "t.kapi", &src);
    assert!(d.is_empty(), "{d}");
    for f in ["frob.kapi", "twiddle.kapi", "zap.kapi"] {
        let (_, d) = lint_with(&kernel(), f, &fixture(f));
        assert!(!d.has_errors(), "{d}");
    }
}

#[test]
fn a_type_of_another_width_or_signedness_fails() {
    let mut params = FROB;
    params[2].1 = "unsigned int";
    let (r, d) = lint_with(&kernel(), "t.kapi", &spec("frob", &params));
    assert!(r.is_none());
    assert_error(
        &d,
        type_line(3, 2),
        "type of `mode` does not match the kernel's",
    );
    let e = the(&d, Severity::Error, "type of `mode`");
    assert_eq!(e.loc.col, 22, "at the type: {d}");
    let label = e.one_line("t.kapi");
    assert!(
        label.contains(
            "expected a 32-bit signed type like the kernel's `int mode` (kernel/frob.c:8)"
        ) && label.contains("found `unsigned int` (32-bit unsigned)"),
        "{label}"
    );
    assert_eq!(
        e.help.as_deref(),
        Some(
            "the kernel's definition (kernel/frob.c:8): SYSCALL_DEFINE3(frob, unsigned long, \
             addr, size_t, size, int, mode)"
        ),
        "one definition: no COMPAT_SYSCALL_DEFINE, no mention in a comment"
    );
    // A KAPI type is checked as the C type it stands for, and the error says which C type to add.
    params[2].1 = "KAPI_TYPE_UINT";
    let (_, d) = lint_with(&kernel(), "t.kapi", &spec("frob", &params));
    assert_error(
        &d,
        type_line(3, 2),
        "`KAPI_TYPE_UINT`, taken as `unsigned long` (64-bit unsigned): add `param-ctype: mode, int`",
    );
}

#[test]
fn missing_extra_renamed_and_reordered_parameters_fail() {
    let k = kernel();
    let (r, d) = lint_with(&k, "t.kapi", &spec("frob", &[FROB[0], FROB[2]]));
    assert!(r.is_none());
    assert_error(&d, at_line(1), "parameter `size` of sys_frob is missing");
    assert_error(&d, at_line(1), "`@size:` as parameter 2 (kernel/frob.c:8)");

    let (_, d) = lint_with(
        &k,
        "t.kapi",
        &spec("frob", &[FROB[0], FROB[1], FROB[2], ("more", "int")]),
    );
    assert_error(
        &d,
        at_line(3),
        "sys_frob has no parameter `more` in the kernel",
    );

    let (_, d) = lint_with(
        &k,
        "t.kapi",
        &spec("frob", &[FROB[0], ("len", "size_t"), FROB[2]]),
    );
    assert_error(
        &d,
        at_line(1),
        "parameter 2 of sys_frob is `size` in the kernel",
    );
    assert_eq!(d.error_count(), 1, "a rename is one error: {d}");

    let (_, d) = lint_with(&k, "t.kapi", &spec("frob", &[FROB[0], FROB[2], FROB[1]]));
    assert_error(
        &d,
        at_line(1),
        "parameter `mode` of sys_frob is out of order",
    );
    assert_error(&d, at_line(2), "the kernel's order is addr, size, mode");
    assert_eq!(d.error_count(), 2, "{d}");
}

#[test]
fn the_entry_point_names_the_definition() {
    // `stat`'s entry point is sys_newstat.
    let src = spec(
        "stat",
        &[
            ("filename", "const char __user *"),
            ("statbuf", "struct stat __user *"),
        ],
    );
    let (_, d) = lint_with(&kernel(), "t.kapi", &src);
    assert!(d.is_empty(), "{d}");
}

#[test]
fn any_variant_of_a_definition_will_do() {
    let k = kernel();
    // fs/twiddle.c defines twiddle twice, under #ifdef; the fixture matches the second.
    let wide = [("fd", "long"), ("how", "unsigned long"), ("count", "u64")];
    let (_, d) = lint_with(&k, "t.kapi", &spec("twiddle", &wide));
    assert!(d.is_empty(), "{d}");
    let neither = [("fd", "int"), ("how", "unsigned long"), ("count", "u32")];
    let (_, d) = lint_with(&k, "t.kapi", &spec("twiddle", &neither));
    assert_eq!(d.error_count(), 1, "against the closest: {d}");
    let e = the(&d, Severity::Error, "type of `how`");
    let help = e.help.unwrap_or_default();
    assert!(
        help.contains("(fs/twiddle.c:11)")
            && help.contains(
                "the closest of its 2 definitions, none of which matches (also fs/twiddle.c:6)"
            ),
        "{help}"
    );
}

#[test]
fn no_definition_is_a_warning() {
    let k = kernel();
    // nodef's only definition is in arch/x86/um, which is not x86_64's.
    let (r, d) = lint_with(&k, "t.kapi", &spec("nodef", &[("x", "long")]));
    assert!(r.is_some(), "{d}");
    let w = the(
        &d,
        Severity::Warning,
        "no `SYSCALL_DEFINE` of sys_nodef in the kernel source",
    );
    assert_eq!(w.loc.line, 1, "the spec's");
    assert!(
        w.one_line("").contains("SYSCALL_DEFINE<n>(nodef, ...)"),
        "{d}"
    );
    assert!(!d.has_errors(), "{d}");
    let (_, d) = lint_with(&k, "t.kapi", &spec("noentry", &[("x", "long")]));
    the(
        &d,
        Severity::Warning,
        "found no entry point in arch/x86/entry/syscalls/syscall_64.tbl",
    );
    // Not in the table: one error, from the syscall number, and no warning about the source.
    let (_, d) = lint_with(&k, "t.kapi", &spec("frob_x32", &[("x", "long")]));
    assert_eq!(d.items.len(), 1, "{d}");
}

#[test]
fn the_index_of_the_test_tree() {
    let k = kernel();
    let defs = k.definitions().expect("a tree");
    let mut names: Vec<&str> = ["frob", "newstat", "read", "twiddle", "zap", "nodef"]
        .into_iter()
        .filter(|n| !defs.get(n).is_empty())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["frob", "newstat", "read", "twiddle", "zap"]);
    assert_eq!(defs.get("twiddle").len(), 2);
    assert!(defs.unreadable.is_empty());
}

/// The real kernel tree named by `KAPI_KSRC`, read once.
fn real_kernel() -> &'static KernelInfo {
    static K: std::sync::OnceLock<KernelInfo> = std::sync::OnceLock::new();
    K.get_or_init(|| {
        let dir = std::env::var_os("KAPI_KSRC").expect("KAPI_KSRC is set (cfg kapi_ksrc)");
        KernelInfo::load(Path::new(&dir), &X86_64).expect("the kernel tree loads")
    })
}

fn lint_fixture(name: &str) -> (Option<kapi_spec::Resolved>, Diagnostics) {
    lint_with(real_kernel(), name, &fixture(&format!("signature/{name}")))
}

#[test]
#[cfg_attr(
    not(kapi_ksrc),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn real_kernel_a_correct_spec_passes() {
    let (r, d) = lint_fixture("mseal.kapi");
    assert!(d.is_empty(), "{d}");
    assert!(r.is_some());
}

#[test]
#[cfg_attr(
    not(kapi_ksrc),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn real_kernel_int_for_unsigned_long_fails() {
    let (r, d) = lint_fixture("mseal_flags_int.kapi");
    assert!(r.is_none());
    assert_eq!(d.error_count(), 1, "{d}");
    let e = the(
        &d,
        Severity::Error,
        "type of `flags` does not match the kernel's",
    );
    assert_eq!((e.loc.line, e.loc.col), (12, 23), "{d}");
    let text = e.one_line("mseal_flags_int.kapi");
    assert!(
        text.contains(
            "expected a 64-bit unsigned type like the kernel's `unsigned long flags` (mm/mseal.c:"
        ) && text.contains("found `int` (32-bit signed)"),
        "{text}"
    );
    assert!(
        e.help.as_deref().is_some_and(|h| h.contains(
            "SYSCALL_DEFINE3(mseal, unsigned long, start, size_t, len, unsigned long, flags)"
        )),
        "{d}"
    );
}

#[test]
#[cfg_attr(
    not(kapi_ksrc),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn real_kernel_a_missing_parameter_fails() {
    let (r, d) = lint_fixture("mseal_no_len.kapi");
    assert!(r.is_none());
    assert_error(&d, 4, "parameter `len` of sys_mseal is missing");
    assert_error(&d, 4, "`@len:` as parameter 2");
    assert_eq!(d.error_count(), 1, "{d}");
}

#[test]
#[cfg_attr(
    not(kapi_ksrc),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn real_kernel_a_renamed_parameter_fails() {
    let (r, d) = lint_fixture("mseal_renamed.kapi");
    assert!(r.is_none());
    assert_error(&d, 4, "parameter 2 of sys_mseal is `len` in the kernel");
    assert_eq!(d.error_count(), 1, "{d}");
}

#[test]
#[cfg_attr(
    not(kapi_ksrc),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn real_kernel_errors_name_the_closest_of_several_definitions() {
    let (r, d) = lint_fixture("clone_tls_third.kapi");
    assert!(r.is_none());
    assert!(d.has_errors());
    let e = the(&d, Severity::Error, "out of order");
    let help = e.help.unwrap_or_default();
    assert!(
        help.contains("the closest of its 4 definitions, none of which matches")
            && help.contains("kernel/fork.c:"),
        "{help}"
    );
}

#[test]
#[cfg_attr(
    not(kapi_ksrc),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn real_kernel_every_spec_matches_its_definition() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    let mut kapi_files = 0;
    for dir in ["specs", "selftests/variant"] {
        files.extend(kapi_spec::emit::tables::spec_files(&root.join(dir)).expect("spec dir"));
        kapi_files += std::fs::read_dir(root.join(dir))
            .expect("spec dir")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "kapi"))
            })
            .count();
    }
    assert_eq!(
        files.len(),
        kapi_files,
        "every .kapi file of specs/ and selftests/variant/"
    );
    assert!(files.len() > 100, "the specs are there: {}", files.len());
    for f in files {
        let src = std::fs::read_to_string(&f).expect("spec reads");
        let (_, d) = lint_with(real_kernel(), &f.display().to_string(), &src);
        assert!(!d.has_errors(), "{d}");
        assert!(
            !d.items.iter().any(|x| x.message.contains("SYSCALL_DEFINE")
                || x.help
                    .as_deref()
                    .is_some_and(|h| h.contains("SYSCALL_DEFINE"))),
            "{d}"
        );
    }
}

// SPDX-License-Identifier: GPL-2.0

//! The report line: what the module prints for each kind, and that [`report::parse`] reads back
//! every field of every line [`report::Report`] formats, from dmesg and from a trace buffer.

mod common;

use common::*;
use kapi_checker::report::{self, ParseError, ParsedReport, Report, Source};
use kapi_checker::{check_entry, check_exit, Verdict, Violation, ViolationKind, MAX_PARAMS};
use proptest::prelude::*;

fn kernel_names(errno: u16) -> Option<&'static str> {
    (errno == 95).then_some("EOPNOTSUPP")
}

/// The report lines of a call to `spec` with `args` that returned `ret`: entry, then exit.
fn lines(
    spec: &'static kapi_checker::SyscallSpec,
    args: [u64; MAX_PARAMS],
    ret: i64,
) -> Vec<String> {
    let entry = check_entry(spec, &args);
    let mut out = Vec::new();
    let mut v = Verdict::new();
    entry.violations(spec, &args, &mut v);
    let mut push = |v: &Verdict| {
        for violation in &v.violations {
            let r = Report {
                spec,
                violation,
                pid: 51,
                comm: "mlock calls",
                errno_names: kernel_names,
            };
            out.push(r.to_string());
        }
    };
    push(&v);
    check_exit(spec, &args, entry.prediction(), ret).violations(spec, &args, ret, &mut v);
    push(&v);
    out
}

#[test]
fn every_kind_as_the_module_prints_it() {
    assert_eq!(
        lines(&MLOCK2, [0x1000, 0x1000, 0x80, 0, 0, 0], -22),
        [
            r#"syscall=mlock2 nr=325 pid=51 comm=mlock calls kind=arg param=flags value=0x80 allowed="mask 0x1" ret=- errno=-"#
        ]
    );
    // An int -1 is shown as the C type holds it.
    assert_eq!(
        lines(&MLOCK2, [0x1000, 0x1000, u64::MAX, 0, 0, 0], -22)[0],
        r#"syscall=mlock2 nr=325 pid=51 comm=mlock calls kind=arg param=flags value=0xffffffff allowed="mask 0x1" ret=- errno=-"#
    );
    assert_eq!(
        lines(&MLOCK2, [0x1000, 0x1000, 0x80, 0, 0, 0], 0),
        [
            r#"syscall=mlock2 nr=325 pid=51 comm=mlock calls kind=arg param=flags value=0x80 allowed="mask 0x1" ret=- errno=-"#,
            r#"syscall=mlock2 nr=325 pid=51 comm=mlock calls kind=oracle_success param=flags value=0x80 allowed="EINVAL (mask 0x1)" ret=0 errno=-"#,
        ]
    );
    assert_eq!(
        lines(&MLOCK2, [0x1000, 0x1000, 0x80, 0, 0, 0], -12)[1],
        r#"syscall=mlock2 nr=325 pid=51 comm=mlock calls kind=oracle_errno param=flags value=0x80 allowed="EINVAL (mask 0x1)" ret=-12 errno=ENOMEM"#
    );
    // An undeclared errno the kernel names; one nobody names.
    assert_eq!(
        lines(&MLOCK2, [0x1000, 0x1000, 0, 0, 0, 0], -95),
        [
            r#"syscall=mlock2 nr=325 pid=51 comm=mlock calls kind=undeclared_errno param=- value=0x0 allowed="declared: EINVAL EPERM EINTR ENOMEM EAGAIN" ret=-95 errno=EOPNOTSUPP"#
        ]
    );
    assert!(lines(&MLOCK2, [0x1000, 0x1000, 0, 0, 0, 0], -96)[0].ends_with(" ret=-96 errno=E?"));
    assert_eq!(
        lines(&MLOCK2, [0x1000, 0x1000, 0, 0, 0, 0], 7),
        [
            r#"syscall=mlock2 nr=325 pid=51 comm=mlock calls kind=bad_success param=- value=0x0 allowed="0" ret=7 errno=-"#
        ]
    );
}

#[test]
fn parses_dmesg_and_trace_lines() {
    let fields = r#"syscall=mlock2 nr=325 pid=51 comm=mlock calls kind=arg param=flags value=0x80 allowed="mask 0x1" ret=- errno=-"#;
    let want = ParsedReport {
        source: Source::Dmesg,
        syscall: "mlock2",
        nr: 325,
        pid: 51,
        comm: "mlock calls",
        kind: ViolationKind::Arg,
        param: "flags",
        value: 0x80,
        allowed: "mask 0x1",
        ret: None,
        errno: "-",
    };
    let dmesg = format!("[    3.653823] {}{fields}", report::DMESG_MARKER);
    assert_eq!(report::parse(&dmesg), Ok(Some(want)));
    let trace = format!(
        "     mlock_calls-51      [000] .....     3.813569: {}{fields}",
        report::TRACE_MARKER
    );
    assert_eq!(
        report::parse(&trace),
        Ok(Some(ParsedReport {
            source: Source::Trace,
            ..want
        }))
    );
    assert_eq!(report::parse("# tracer: nop"), Ok(None));
    assert_eq!(
        report::parse("kapi_validator: loaded 42 syscall specs"),
        Ok(None)
    );
}

#[test]
fn malformed_lines_say_what_was_expected() {
    let good = r#"kapi_violation: syscall=mlock2 nr=325 pid=51 comm=x kind=arg param=flags value=0x80 allowed="mask 0x1" ret=- errno=-"#;
    for (line, needle) in [
        ("kapi_violation: nr=325", "expected `syscall=` in a trace event (fields: syscall= nr="),
        ("kapi_violation: syscall=mlock2 nr=325", "expected `pid=` after `nr=` in a trace event"),
        (&good.replace(" pid=51", ""), "expected `pid=` after `nr=` in a trace event"),
        (&good.replace("kind=arg", "kind=weird"), "expected a kind (arg, undeclared_errno, bad_success, oracle_errno, oracle_success) after `kind=`, found `weird`"),
        (&good.replace("nr=325", "nr=x"), "expected a number after `nr=`, found `x`"),
        (&good.replace("value=0x80", "value=128"), "expected a hex number (0x...) after `value=`"),
        (&good.replace("ret=-", "ret=?"), "expected a number or - after `ret=`"),
        (&good.replace(r#""mask 0x1""#, "mask"), "expected a quoted text after `allowed=`"),
        (&good.replace("syscall=mlock2", "syscall=ml/ck"), "expected a syscall name after `syscall=`"),
    ] {
        let e = report::parse(line).unwrap_err();
        assert!(e.to_string().contains(needle), "{line}: {e}");
    }
    assert!(matches!(
        report::parse(&good.replace("kapi_violation: ", report::DMESG_MARKER)),
        Ok(Some(ParsedReport {
            source: Source::Dmesg,
            ..
        }))
    ));
    assert!(matches!(
        report::parse("kapi_violation: x"),
        Err(ParseError::Missing { key: "syscall", .. })
    ));
}

fn violation_kinds() -> impl Strategy<Value = ViolationKind> {
    prop::sample::select(ViolationKind::ALL.to_vec())
}

proptest! {
    /// Every line the module can format reads back as what it says, whatever the task's name
    /// (blanks and `=` included) and the numbers.
    #[test]
    fn formatted_lines_read_back(
        kind in violation_kinds(),
        param in prop::option::of(0u8..3),
        constraint in 0u8..2,
        value in any::<u64>(),
        ret in any::<i64>(),
        pid in any::<i32>(),
        comm in "[ -~]{0,15}",
        trace in any::<bool>(),
    ) {
        // A name holding ` kind=`-like text is ambiguous; the kernel's are not written so.
        prop_assume!(!report::FIELDS.iter().any(|k| comm.contains(&format!(" {k}="))));
        let violation = Violation { kind, param, constraint, value, ret };
        let r = Report { spec: &MLOCK2, violation: &violation, pid, comm: &comm, errno_names: kernel_names };
        let marker = if trace { report::TRACE_MARKER } else { report::DMESG_MARKER };
        let line = format!("[ 1.0] {marker}{r}");
        let p = report::parse(&line).map_err(|e| TestCaseError::fail(format!("{line}: {e}")))?;
        let p = p.ok_or_else(|| TestCaseError::fail("no marker found"))?;
        prop_assert_eq!(p.source, if trace { Source::Trace } else { Source::Dmesg });
        prop_assert_eq!((p.syscall, p.nr, p.pid, p.comm), ("mlock2", 325, pid, comm.as_str()));
        prop_assert_eq!(p.kind, kind);
        prop_assert_eq!(p.param, r.param());
        prop_assert_eq!(p.value, r.value());
        let allowed = r.allowed();
        prop_assert_eq!(p.allowed, allowed.as_str());
        prop_assert_eq!(p.ret, r.ret());
        prop_assert_eq!(p.errno, r.errno());
    }
}

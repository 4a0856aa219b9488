// SPDX-License-Identifier: GPL-2.0

//! `kapi coverage` and `kapi trace` on output captured from the module in the test VM
//! (tests/fixtures: the coverage file after `mlock_calls demo`, the trace buffer and dmesg after
//! the demo, dmesg after the test variant's calls of `make demo`, which give every kind) and on
//! malformed copies of it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn kapi(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kapi"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(fixture(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kapi runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", text(&o.stderr));
    text(&o.stdout)
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(o)).expect("valid JSON")
}

#[test]
fn coverage_table() {
    let out = ok(&kapi(&["coverage", "coverage.txt"], None));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "syscall     success  errnos  returned  not returned",
            "mlock       -        1/5     ENOMEM    EPERM EINTR EINVAL EAGAIN",
            "munlock     seen     0/3     -         EINTR EINVAL ENOMEM",
            "mlockall    -        1/4     EINVAL    EPERM EINTR ENOMEM",
            "munlockall  -        0/1     -         EINTR",
            "mlock2      seen     1/5     EINVAL    EPERM EINTR ENOMEM EAGAIN",
        ]
    );
    assert!(
        out.contains("mlockall  2/3          flags:mask flags:exclude  flags:nonzero\n"),
        "{out}"
    );
    assert!(
        out.contains("mlock2    1/3          flags:mask                start:no_wrap len:range\n"),
        "{out}"
    );
    assert!(
        out.ends_with("total: 3/18 errnos, 4/10 constraints, 2/5 syscalls succeeded\n"),
        "{out}"
    );
}

#[test]
fn coverage_from_stdin_is_the_same() {
    let file = ok(&kapi(&["coverage", "coverage.txt"], None));
    let data = std::fs::read(fixture("coverage.txt")).unwrap();
    assert_eq!(ok(&kapi(&["coverage", "-"], Some(&data))), file);
    assert_eq!(ok(&kapi(&["coverage"], Some(&data))), file);
    // A copy saved on another system may have CRLF line ends.
    let crlf = text(&data).replace('\n', "\r\n");
    assert_eq!(ok(&kapi(&["coverage"], Some(crlf.as_bytes()))), file);
}

#[test]
fn coverage_json() {
    let v = json(&kapi(&["coverage", "--json", "coverage.txt"], None));
    let mlock2 = &v["syscalls"][4];
    assert_eq!(mlock2["name"], "mlock2");
    assert_eq!(mlock2["success"], true);
    assert_eq!(mlock2["errnos"][0]["name"], "EINVAL");
    assert_eq!(mlock2["errnos"][0]["seen"], true);
    assert_eq!(mlock2["errnos"][1]["seen"], false);
    assert_eq!(mlock2["constraints"][2]["name"], "flags:mask");
    assert_eq!(mlock2["errnos_seen"], 1);
    assert_eq!(mlock2["constraints_seen"], 1);
    assert_eq!(
        v["total"],
        serde_json::json!({
            "syscalls": 5, "successes_seen": 2, "errnos": 18, "errnos_seen": 3,
            "constraints": 10, "constraints_seen": 4
        })
    );
}

#[test]
fn coverage_errors() {
    let o = kapi(&["coverage", "bad_coverage.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "kapi: error: bad_coverage.txt:3: expected `seen` or `unseen` as the 4th field, found `unsure`\n"
    );
    assert!(o.stdout.is_empty());
    let o = kapi(
        &["coverage", "-"],
        Some(b"mlock2 errno EINVAL seen\nmlock2 errno\n"),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("<stdin>:2: expected 4 fields `<syscall> <success|errno|constraint> <item> <seen|unseen>`, found 2"),
        "{}",
        text(&o.stderr)
    );
    let o = kapi(&["coverage", "no-such-file"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("cannot read no-such-file"));
}

#[test]
fn trace_table() {
    let out = ok(&kapi(&["trace", "trace.txt"], None));
    assert_eq!(
        out,
        "\
syscall   arg  undeclared_errno  bad_success  oracle_errno  oracle_success  total
mlock       1                 0            0             0               0      1
mlockall    2                 0            0             0               0      2
mlock2      1                 0            0             0               0      1
total       4                 0            0             0               0      4

syscall   kind  param  errno  count
mlock     arg   len    -          1
mlockall  arg   flags  -          2
mlock2    arg   flags  -          1

4 violation(s) in 3 syscall(s): 4 trace event(s), 0 dmesg line(s)
"
    );
}

#[test]
fn trace_from_dmesg_counts_the_same() {
    let trace = json(&kapi(&["trace", "--json", "trace.txt"], None));
    let dmesg = json(&kapi(&["trace", "--json", "dmesg.txt"], None));
    assert_eq!(trace["syscalls"], dmesg["syscalls"]);
    assert_eq!(trace["details"], dmesg["details"]);
    assert_eq!(
        (
            trace["trace_events"].as_u64(),
            trace["dmesg_lines"].as_u64()
        ),
        (Some(4), Some(0))
    );
    assert_eq!(
        (
            dmesg["trace_events"].as_u64(),
            dmesg["dmesg_lines"].as_u64()
        ),
        (Some(0), Some(4))
    );
    assert_eq!(trace["syscalls"][2]["syscall"], "mlock2");
    assert_eq!(trace["syscalls"][2]["nr"], 325);
    assert_eq!(trace["syscalls"][2]["kinds"]["arg"], 1);
    assert_eq!(trace["syscalls"][2]["kinds"]["oracle_success"], 0);
    let out = ok(&kapi(&["trace", "dmesg.txt"], None));
    assert!(
        out.ends_with("4 violation(s) in 3 syscall(s): 0 trace event(s), 4 dmesg line(s) (dmesg is rate-limited; trace events are not)\n"),
        "{out}"
    );
}

/// Real dmesg lines of every kind, from the test variant of the module in the VM (`make demo`):
/// what a user gets with `dmesg | grep 'kapi_validator: violation' > d.txt; kapi trace d.txt`.
#[test]
fn trace_reads_dmesg_lines_of_every_kind() {
    let out = ok(&kapi(&["trace", "dmesg_kinds.txt"], None));
    assert_eq!(
        out,
        "\
syscall             arg  undeclared_errno  bad_success  oracle_errno  oracle_success  total
sched_getscheduler    0                 0            1             0               0      1
munlock               1                 0            0             0               1      2
mlock2                1                 1            0             1               0      3
total                 2                 1            1             1               1      6

syscall             kind              param  errno   count
sched_getscheduler  bad_success       -      -           1
munlock             arg               len    -           1
munlock             oracle_success    len    -           1
mlock2              arg               flags  -           1
mlock2              undeclared_errno  -      ENOMEM      1
mlock2              oracle_errno      flags  EINVAL      1

6 violation(s) in 3 syscall(s): 0 trace event(s), 6 dmesg line(s) (dmesg is rate-limited; trace events are not)
"
    );
}

#[test]
fn trace_from_stdin_and_empty_input() {
    let data = std::fs::read(fixture("trace.txt")).unwrap();
    assert_eq!(
        ok(&kapi(&["trace", "-"], Some(&data))),
        ok(&kapi(&["trace", "trace.txt"], None))
    );
    let out = ok(&kapi(
        &["trace"],
        Some(b"# tracer: nop\n\nsomething else\n"),
    ));
    assert_eq!(out, "no kapi_validator violations in the input\n");
}

#[test]
fn trace_errors() {
    let o = kapi(&["trace", "bad_trace.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "kapi: error: bad_trace.txt:14: expected `kind=` after `comm=` in a trace event\n"
    );
    let o = kapi(
        &["trace"],
        Some(b"[ 1.0] kapi_validator: violation syscall=mlock2 nr=325 pid=1 comm=x kind=odd param=- value=0x0 allowed=\"\" ret=0 errno=-\n"),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("<stdin>:1: expected a kind (arg, undeclared_errno, bad_success, oracle_errno, oracle_success) after `kind=`, found `odd`"),
        "{}",
        text(&o.stderr)
    );
}

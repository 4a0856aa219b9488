// SPDX-License-Identifier: GPL-2.0

//! `kapi trace`: summarises the module's violation reports, from `trace_pipe` output or a saved
//! trace buffer (`kapi_violation:` events) and from dmesg (`kapi_validator: violation` lines),
//! as counts by syscall and kind.
//!
//! The lines are read by `kapi_checker::report::parse`, the other half of the formatter the
//! module prints them with: anything before the marker (the tracer's task/CPU/timestamp columns,
//! dmesg's `[    1.23]`) is ignored, and lines without a marker are skipped.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;
use serde::Serialize;

use kapi_checker::report::{self, Source};
use kapi_checker::ViolationKind;

use super::{read_input, Table};

/// Arguments of `kapi trace`.
#[derive(Args, Debug)]
pub struct TraceArgs {
    /// Saved `trace_pipe`/`trace` output or dmesg; `-` or nothing reads standard input (e.g.
    /// `timeout 60 cat /sys/kernel/tracing/trace_pipe | kapi trace`).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// The violation kinds' names, in the module's order.
fn kinds() -> impl Iterator<Item = &'static str> {
    ViolationKind::ALL.iter().map(|k| k.name())
}

/// One parsed report line (the fields `kapi trace` counts by).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Trace event or dmesg line.
    pub source: Source,
    /// Syscall name.
    pub syscall: String,
    /// Syscall number.
    pub nr: u32,
    /// The kind.
    pub kind: ViolationKind,
    /// Parameter name or `-`.
    pub param: String,
    /// Errno name or `-`.
    pub errno: String,
}

/// Parses one line (`source` and `n` name it in an error); `Ok(None)` for a line without a
/// report marker. The format is `kapi_checker::report`'s.
pub fn parse_line(source: &str, n: usize, line: &str) -> Result<Option<Report>> {
    match report::parse(line) {
        Ok(r) => Ok(r.map(|r| Report {
            source: r.source,
            syscall: r.syscall.to_string(),
            nr: r.nr,
            kind: r.kind,
            param: r.param.to_string(),
            errno: r.errno.to_string(),
        })),
        Err(e) => bail!("{source}:{n}: {e}"),
    }
}

/// Counts of one syscall.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SyscallCounts {
    /// Syscall name.
    pub syscall: String,
    /// Syscall number.
    pub nr: u32,
    /// Violations by kind (every kind present, in the module's order).
    pub kinds: BTreeMap<String, u64>,
    /// All violations of this syscall.
    pub total: u64,
}

/// Counts of one (syscall, kind, param, errno).
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Detail {
    /// Syscall name.
    pub syscall: String,
    /// Kind.
    pub kind: String,
    /// Parameter or `-`.
    pub param: String,
    /// Errno name or `-`.
    pub errno: String,
    /// How many.
    pub count: u64,
}

/// The summary.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// By syscall, in syscall-number order.
    pub syscalls: Vec<SyscallCounts>,
    /// By syscall, kind, parameter and errno.
    pub details: Vec<Detail>,
    /// Reports from trace events.
    pub trace_events: u64,
    /// Reports from dmesg lines.
    pub dmesg_lines: u64,
    /// All reports.
    pub total: u64,
}

/// Parses a whole input and counts.
pub fn summarise(source: &str, text: &str) -> Result<Summary> {
    let mut by_syscall: BTreeMap<(u32, String), BTreeMap<String, u64>> = BTreeMap::new();
    let mut details: BTreeMap<(u32, String, u8, String, String), u64> = BTreeMap::new();
    let (mut trace_events, mut dmesg_lines) = (0, 0);
    for (i, line) in text.lines().enumerate() {
        let Some(r) = parse_line(source, i + 1, line)? else {
            continue;
        };
        match r.source {
            Source::Trace => trace_events += 1,
            Source::Dmesg => dmesg_lines += 1,
        }
        let counts = by_syscall
            .entry((r.nr, r.syscall.clone()))
            .or_insert_with(|| kinds().map(|k| (k.to_string(), 0)).collect());
        *counts.entry(r.kind.name().to_string()).or_default() += 1;
        *details
            .entry((r.nr, r.syscall, r.kind as u8, r.param, r.errno))
            .or_default() += 1;
    }
    let syscalls = by_syscall
        .into_iter()
        .map(|((nr, syscall), kinds)| SyscallCounts {
            total: kinds.values().sum(),
            syscall,
            nr,
            kinds,
        })
        .collect();
    let details = details
        .into_iter()
        .map(|((_, syscall, kind, param, errno), count)| Detail {
            syscall,
            kind: ViolationKind::ALL
                .get(usize::from(kind))
                .map_or("?", |k| k.name())
                .to_string(),
            param,
            errno,
            count,
        })
        .collect();
    Ok(Summary {
        syscalls,
        details,
        trace_events,
        dmesg_lines,
        total: trace_events + dmesg_lines,
    })
}

/// Renders the tables and the summary line.
pub fn render(s: &Summary) -> String {
    let mut out = String::new();
    if s.total == 0 {
        out.push_str("no kapi_validator violations in the input\n");
        return out;
    }
    let mut header = vec!["syscall"];
    header.extend(kinds());
    header.push("total");
    let mut t = Table::new(&header).right_from(1);
    let mut sums = [0u64; ViolationKind::ALL.len()];
    for c in &s.syscalls {
        let mut row = vec![c.syscall.clone()];
        for (k, sum) in kinds().zip(sums.iter_mut()) {
            let v = c.kinds.get(k).copied().unwrap_or(0);
            *sum += v;
            row.push(v.to_string());
        }
        row.push(c.total.to_string());
        t.row(row);
    }
    let mut row = vec!["total".to_string()];
    row.extend(sums.iter().map(u64::to_string));
    row.push(s.total.to_string());
    t.row(row);
    out.push_str(&t.render());
    out.push('\n');

    let mut t = Table::new(&["syscall", "kind", "param", "errno", "count"]).right_from(4);
    for d in &s.details {
        t.row(vec![
            d.syscall.clone(),
            d.kind.clone(),
            d.param.clone(),
            d.errno.clone(),
            d.count.to_string(),
        ]);
    }
    out.push_str(&t.render());
    out.push('\n');
    out.push_str(&format!(
        "{} violation(s) in {} syscall(s): {} trace event(s), {} dmesg line(s){}\n",
        s.total,
        s.syscalls.len(),
        s.trace_events,
        s.dmesg_lines,
        if s.dmesg_lines > 0 {
            " (dmesg is rate-limited; trace events are not)"
        } else {
            ""
        }
    ));
    out
}

/// Runs `kapi trace`.
pub fn run(a: &TraceArgs) -> Result<bool> {
    let (source, text) = read_input(a.file.as_deref())?;
    super::print_report(a.json, &summarise(&source, &text)?, render)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENT: &str = r#"     mlock_calls-52      [001] .....     1.781234: kapi_violation: syscall=mlock2 nr=325 pid=52 comm=mlock calls kind=arg param=flags value=0x80 allowed="mask 0x1" ret=- errno=-"#;
    const DMESG: &str = r#"[    1.781300] kapi_validator: violation syscall=mlockall nr=151 pid=52 comm=mlock_calls kind=oracle_success param=flags value=0x4 allowed="EINVAL (not {4})" ret=0 errno=-"#;

    #[test]
    fn parses_both_forms() {
        let r = parse_line("f", 1, EVENT).unwrap().unwrap();
        assert_eq!(
            r,
            Report {
                source: Source::Trace,
                syscall: "mlock2".into(),
                nr: 325,
                kind: ViolationKind::Arg,
                param: "flags".into(),
                errno: "-".into(),
            }
        );
        let r = parse_line("f", 2, DMESG).unwrap().unwrap();
        assert_eq!(
            (r.source, r.syscall.as_str(), r.kind),
            (Source::Dmesg, "mlockall", ViolationKind::OracleSuccess)
        );
        assert_eq!(parse_line("f", 3, "# tracer: nop").unwrap(), None);
        assert_eq!(
            parse_line("f", 3, "kapi_validator: loaded 5 syscall specs").unwrap(),
            None
        );
    }

    #[test]
    fn malformed_lines_name_the_line_and_the_field() {
        for (line, needle) in [
            (
                "x: kapi_violation: nr=325",
                "f:7: expected `syscall=` in a trace event",
            ),
            (
                "x: kapi_violation: syscall=mlock2 nr=325",
                "f:7: expected `pid=` after `nr=` in a trace event",
            ),
            (
                &EVENT.replace("kind=arg", "kind=weird"),
                "f:7: expected a kind (arg, undeclared_errno",
            ),
            (
                &EVENT.replace("nr=325", "nr=x"),
                "f:7: expected a number after `nr=`",
            ),
            (
                &DMESG.replace(" pid=52", ""),
                "f:7: expected `pid=` after `nr=` in a dmesg line",
            ),
        ] {
            let e = parse_line("f", 7, line).unwrap_err().to_string();
            assert!(e.contains(needle), "{line}: {e}");
        }
    }

    #[test]
    fn counts() {
        let text = format!("{EVENT}\n{EVENT}\nnoise\n{DMESG}\n");
        let s = summarise("f", &text).unwrap();
        assert_eq!((s.trace_events, s.dmesg_lines, s.total), (2, 1, 3));
        assert_eq!(s.syscalls[0].syscall, "mlockall", "by syscall number");
        assert_eq!(s.syscalls[1].kinds["arg"], 2);
        let r = render(&s);
        assert!(r.contains("3 violation(s) in 2 syscall(s)"), "{r}");
    }
}

// SPDX-License-Identifier: GPL-2.0

//! `kapi coverage`: renders the module's coverage file
//! (`/sys/kernel/debug/kapi_validator/coverage`, or a saved copy) as a table of syscall ×
//! declared errno, the constraints seen broken, and a summary line per syscall.
//!
//! The input has one line per item, four fields separated by blanks:
//!
//! ```text
//! <syscall> success - <seen|unseen>
//! <syscall> errno <ERRNO> <seen|unseen>
//! <syscall> constraint <param>:<kind>[:<n>] <seen|unseen>
//! ```
//!
//! Blank lines and lines starting with `#` are ignored.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;
use serde::Serialize;

use super::{read_input, Table};

/// Arguments of `kapi coverage`.
#[derive(Args, Debug)]
pub struct CoverageArgs {
    /// The coverage file (`/sys/kernel/debug/kapi_validator/coverage` or a saved copy); `-` or
    /// nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// One errno or constraint of a syscall.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Item {
    /// `EINVAL`, or `flags:mask`.
    pub name: String,
    /// Whether the run returned the errno / broke the constraint.
    pub seen: bool,
}

/// The coverage of one syscall.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SyscallCoverage {
    /// Syscall name.
    pub name: String,
    /// Whether a call succeeded (`None` if the input has no `success` line for it).
    pub success: Option<bool>,
    /// Declared errnos, in input order.
    pub errnos: Vec<Item>,
    /// Constraints, in input order.
    pub constraints: Vec<Item>,
    /// Errnos seen.
    pub errnos_seen: usize,
    /// Constraints seen broken.
    pub constraints_seen: usize,
}

/// Totals over all syscalls.
#[derive(Debug, Serialize, PartialEq, Eq, Default)]
pub struct Totals {
    /// Syscalls in the input.
    pub syscalls: usize,
    /// Syscalls with a success seen.
    pub successes_seen: usize,
    /// Declared errnos, summed over syscalls.
    pub errnos: usize,
    /// Of which seen.
    pub errnos_seen: usize,
    /// Constraints, summed over syscalls.
    pub constraints: usize,
    /// Of which seen broken.
    pub constraints_seen: usize,
}

/// The whole coverage file.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Coverage {
    /// Syscalls in input order.
    pub syscalls: Vec<SyscallCoverage>,
    /// Totals.
    pub total: Totals,
}

const EXPECTED: &str = "`<syscall> <success|errno|constraint> <item> <seen|unseen>`";

fn is_word(s: &str, extra: &[u8]) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || extra.contains(&b))
}

/// Parses a coverage file; `source` names it in error messages (`file:line: ...`).
pub fn parse(source: &str, text: &str) -> Result<Coverage> {
    let mut syscalls: Vec<SyscallCoverage> = Vec::new();
    // (syscall, class, item) -> line, to report duplicates.
    let mut seen_at: std::collections::HashMap<(String, String, String), usize> =
        std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = trimmed.split_whitespace().collect();
        let [syscall, class, item, state] = fields[..] else {
            bail!(
                "{source}:{n}: expected 4 fields {EXPECTED}, found {}: `{trimmed}`",
                fields.len()
            );
        };
        if !is_word(syscall, &[]) {
            bail!(
                "{source}:{n}: expected a syscall name (letters, digits, `_`), found `{syscall}`"
            );
        }
        let seen = match state {
            "seen" => true,
            "unseen" => false,
            _ => {
                bail!("{source}:{n}: expected `seen` or `unseen` as the 4th field, found `{state}`")
            }
        };
        match class {
            "success" if item != "-" => {
                bail!("{source}:{n}: expected `-` as the item of a `success` line, found `{item}`")
            }
            "errno" if !is_word(item, &[]) => {
                bail!("{source}:{n}: expected an errno name (`EINVAL`), found `{item}`")
            }
            "constraint" if !is_word(item, b":") || !item.contains(':') => bail!(
                "{source}:{n}: expected a constraint as `<param>:<kind>` (`flags:mask`), found `{item}`"
            ),
            "success" | "errno" | "constraint" => {}
            _ => bail!(
                "{source}:{n}: expected `success`, `errno` or `constraint` as the 2nd field, found `{class}`"
            ),
        }
        let key = (syscall.to_string(), class.to_string(), item.to_string());
        if let Some(prev) = seen_at.insert(key, n) {
            bail!("{source}:{n}: `{syscall} {class} {item}` is already on line {prev}");
        }
        let pos = match syscalls.iter().position(|s| s.name == syscall) {
            Some(p) => p,
            None => {
                syscalls.push(SyscallCoverage {
                    name: syscall.to_string(),
                    success: None,
                    errnos: Vec::new(),
                    constraints: Vec::new(),
                    errnos_seen: 0,
                    constraints_seen: 0,
                });
                syscalls.len() - 1
            }
        };
        let s = &mut syscalls[pos];
        let it = Item {
            name: item.to_string(),
            seen,
        };
        match class {
            "success" => s.success = Some(seen),
            "errno" => {
                s.errnos_seen += usize::from(seen);
                s.errnos.push(it);
            }
            _ => {
                s.constraints_seen += usize::from(seen);
                s.constraints.push(it);
            }
        }
    }
    let mut total = Totals {
        syscalls: syscalls.len(),
        ..Totals::default()
    };
    for s in &syscalls {
        total.successes_seen += usize::from(s.success == Some(true));
        total.errnos += s.errnos.len();
        total.errnos_seen += s.errnos_seen;
        total.constraints += s.constraints.len();
        total.constraints_seen += s.constraints_seen;
    }
    Ok(Coverage { syscalls, total })
}

fn mark(seen: bool) -> &'static str {
    if seen {
        "seen"
    } else {
        "-"
    }
}

/// Renders the tables and the summary.
pub fn render(c: &Coverage) -> String {
    if c.syscalls.is_empty() {
        return "no specs in the coverage file\n".to_string();
    }
    // Columns: every declared errno, in order of first appearance.
    let mut errnos: Vec<&str> = Vec::new();
    for s in &c.syscalls {
        for e in &s.errnos {
            if !errnos.contains(&e.name.as_str()) {
                errnos.push(&e.name);
            }
        }
    }
    let mut out = String::new();
    let mut header = vec!["syscall", "success"];
    header.extend(&errnos);
    let mut t = Table::new(&header);
    for s in &c.syscalls {
        let mut row = vec![s.name.clone(), s.success.map_or("?", mark).to_string()];
        for e in &errnos {
            row.push(
                s.errnos
                    .iter()
                    .find(|x| x.name == *e)
                    .map_or("", |x| mark(x.seen))
                    .to_string(),
            );
        }
        t.row(row);
    }
    out.push_str(&t.render());
    out.push_str("(seen: returned / succeeded; -: declared, not seen; blank: not declared)\n\n");

    let mut t = Table::new(&["syscall", "constraint", "broken"]);
    for s in &c.syscalls {
        for k in &s.constraints {
            t.row(vec![
                s.name.clone(),
                k.name.clone(),
                mark(k.seen).to_string(),
            ]);
        }
    }
    if !t.is_empty() {
        out.push_str(&t.render());
        out.push_str("(seen: an argument broke it; -: never broken)\n\n");
    }

    for s in &c.syscalls {
        let success = match s.success {
            Some(true) => "success seen",
            Some(false) => "no success",
            None => "success unknown",
        };
        out.push_str(&format!(
            "{}: {}/{} errnos, {}/{} constraints, {success}\n",
            s.name,
            s.errnos_seen,
            s.errnos.len(),
            s.constraints_seen,
            s.constraints.len()
        ));
    }
    let t = &c.total;
    out.push_str(&format!(
        "total: {}/{} errnos, {}/{} constraints, {}/{} syscalls succeeded\n",
        t.errnos_seen, t.errnos, t.constraints_seen, t.constraints, t.successes_seen, t.syscalls
    ));
    out
}

/// Runs `kapi coverage`.
pub fn run(a: &CoverageArgs) -> Result<bool> {
    let (source, text) = read_input(a.file.as_deref())?;
    super::print_report(a.json, &parse(&source, &text)?, render)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
mlock2 success - seen
mlock2 errno EINVAL seen
mlock2 errno EPERM unseen
mlock2 constraint flags:mask seen
mlock2 constraint len:range unseen

# a comment
munlockall success - unseen
munlockall errno EINTR unseen
";

    #[test]
    fn parses_and_counts() {
        let c = parse("f", GOOD).unwrap();
        assert_eq!(c.syscalls.len(), 2);
        let m = &c.syscalls[0];
        assert_eq!((m.name.as_str(), m.success), ("mlock2", Some(true)));
        assert_eq!((m.errnos_seen, m.errnos.len()), (1, 2));
        assert_eq!((m.constraints_seen, m.constraints.len()), (1, 2));
        assert_eq!(
            c.total,
            Totals {
                syscalls: 2,
                successes_seen: 1,
                errnos: 3,
                errnos_seen: 1,
                constraints: 2,
                constraints_seen: 1
            }
        );
        let r = render(&c);
        assert!(
            r.contains("mlock2: 1/2 errnos, 1/2 constraints, success seen"),
            "{r}"
        );
        assert!(
            r.contains("munlockall: 0/1 errnos, 0/0 constraints, no success"),
            "{r}"
        );
        assert!(
            r.contains("total: 1/3 errnos, 1/2 constraints, 1/2 syscalls succeeded"),
            "{r}"
        );
    }

    #[test]
    fn errors_name_the_line() {
        for (text, needle) in [
            ("mlock2 success - seen extra", "f:1: expected 4 fields"),
            ("mlock2 success -", "f:1: expected 4 fields"),
            (
                "mlock2 errno EINVAL maybe",
                "f:1: expected `seen` or `unseen`",
            ),
            (
                "mlock2 oops EINVAL seen",
                "f:1: expected `success`, `errno` or `constraint`",
            ),
            ("mlock2 success x seen", "f:1: expected `-`"),
            ("mlock2 constraint flags seen", "f:1: expected a constraint"),
            ("mlock2 errno E-INVAL seen", "f:1: expected an errno name"),
            ("ml/ock2 errno EINVAL seen", "f:1: expected a syscall name"),
            (
                "mlock2 errno EINVAL seen\n\nmlock2 errno EINVAL unseen",
                "f:3: `mlock2 errno EINVAL` is already on line 1",
            ),
        ] {
            let e = parse("f", text).unwrap_err().to_string();
            assert!(e.contains(needle), "{text:?}: {e}");
        }
    }

    #[test]
    fn empty_input() {
        let c = parse("f", "\n# nothing\n").unwrap();
        assert!(c.syscalls.is_empty());
        assert_eq!(render(&c), "no specs in the coverage file\n");
    }
}

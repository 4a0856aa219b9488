// SPDX-License-Identifier: GPL-2.0

//! `kapi coverage`: renders the module's coverage file
//! (`/sys/kernel/debug/kapi_validator/coverage`, or a saved copy) as a table of the declared
//! errnos each syscall returned and did not return, one of the constraints seen broken, and a
//! total.
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

/// The names of `items` that were (or were not) seen, separated by one space; `-` for none.
fn names(items: &[Item], seen: bool) -> String {
    let v: Vec<&str> = items
        .iter()
        .filter(|i| i.seen == seen)
        .map(|i| i.name.as_str())
        .collect();
    if v.is_empty() {
        "-".to_string()
    } else {
        v.join(" ")
    }
}

/// Renders the tables and the summary: one row per syscall, so the table stays as narrow with
/// forty specs as with five.
pub fn render(c: &Coverage) -> String {
    if c.syscalls.is_empty() {
        return "no specs in the coverage file\n".to_string();
    }
    let mut out = String::new();
    let mut t = Table::new(&["syscall", "success", "errnos", "returned", "not returned"]);
    for s in &c.syscalls {
        let success = match s.success {
            Some(true) => "seen",
            Some(false) => "-",
            None => "?",
        };
        t.row(vec![
            s.name.clone(),
            success.to_string(),
            format!("{}/{}", s.errnos_seen, s.errnos.len()),
            names(&s.errnos, true),
            names(&s.errnos, false),
        ]);
    }
    out.push_str(&t.render());
    out.push_str("(errnos: declared errnos the run returned / declared; success: seen or -)\n\n");

    let mut t = Table::new(&["syscall", "constraints", "broken", "never broken"]);
    for s in c.syscalls.iter().filter(|s| !s.constraints.is_empty()) {
        t.row(vec![
            s.name.clone(),
            format!("{}/{}", s.constraints_seen, s.constraints.len()),
            names(&s.constraints, true),
            names(&s.constraints, false),
        ]);
    }
    if !t.is_empty() {
        out.push_str(&t.render());
        out.push_str("(broken: an argument broke the constraint at least once)\n\n");
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
        let rows: Vec<Vec<&str>> = r.lines().map(|l| l.split_whitespace().collect()).collect();
        assert!(
            rows.contains(&vec!["mlock2", "seen", "1/2", "EINVAL", "EPERM"]),
            "{r}"
        );
        assert!(
            rows.contains(&vec!["munlockall", "-", "0/1", "-", "EINTR"]),
            "{r}"
        );
        assert!(
            rows.contains(&vec!["mlock2", "1/2", "flags:mask", "len:range"]),
            "{r}"
        );
        // A syscall without constraints has no row in the constraints table.
        assert!(
            !rows
                .iter()
                .any(|l| l.first() == Some(&"munlockall") && l.len() == 4),
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

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
//!
//! `--markdown` renders the same as one Markdown table (docs/specs.md holds the one `make test`
//! wrote), each syscall linked to its section of the decision records, where every errno the run
//! did not reach is explained.

use std::path::{Path, PathBuf};

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
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print one Markdown table (for docs/specs.md), each syscall linked to its decision record:
    /// the section headed `## <syscall>` of the `.md` files in `--decisions`.
    #[arg(long)]
    pub markdown: bool,
    /// The directory of the decision records: its `*.md` files and those of its `decisions/`
    /// (links are written relative to `--link-base`).
    #[arg(
        long,
        value_name = "DIR",
        default_value = "specs",
        requires = "markdown"
    )]
    pub decisions: PathBuf,
    /// The path the links of `--markdown` are relative to: the directory of the document the
    /// table goes into.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "docs",
        requires = "markdown"
    )]
    pub link_base: PathBuf,
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

/// GitHub's anchor of a heading: lower case, blanks to `-`, other punctuation but `-` and `_`
/// dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The decision record sections of `dir`'s `*.md` files and of `dir/decisions/*.md`: syscall
/// name -> (file, anchor). A section is one of a `## ` or `### ` heading; it is a syscall's if its heading
/// starts with the name (`## read(unsigned int fd, ...)`), or else if it names the syscall as a
/// word (`## pread64(...) and pwrite64`), the first such heading winning (files in name order).
pub fn decision_sections(dir: &Path) -> Result<Decisions> {
    let mut files = Vec::new();
    for d in [dir.to_path_buf(), dir.join("decisions")] {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut v: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("README.md"))
            .collect();
        v.sort();
        files.extend(v);
    }
    // (file, anchor, the heading's words)
    let mut headings = Vec::new();
    let mut texts = std::collections::BTreeMap::new();
    for f in files {
        let text = std::fs::read_to_string(&f)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", f.display()))?;
        texts.insert(f.clone(), text.clone());
        for h in text
            .lines()
            .filter_map(|l| l.strip_prefix("## ").or_else(|| l.strip_prefix("### ")))
        {
            let words: Vec<String> = h
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            headings.push((f.clone(), anchor(h), words));
        }
    }
    let mut map = std::collections::BTreeMap::new();
    for (f, a, words) in &headings {
        if let Some(first) = words.first() {
            map.entry(first.clone())
                .or_insert_with(|| (f.clone(), a.clone()));
        }
    }
    for (f, a, words) in &headings {
        for w in words {
            map.entry(w.clone())
                .or_insert_with(|| (f.clone(), a.clone()));
        }
    }
    Ok(Decisions {
        sections: map,
        texts,
    })
}

/// The decision records: each syscall's section, and the text of each record.
#[derive(Debug, Default)]
pub struct Decisions {
    /// Syscall name -> (file, anchor of its section).
    pub sections: std::collections::BTreeMap<String, (PathBuf, String)>,
    /// File -> text.
    pub texts: std::collections::BTreeMap<PathBuf, String>,
}

impl Decisions {
    /// Whether the decision record of `syscall` names `word` (as a whole word).
    pub fn names(&self, syscall: &str, word: &str) -> bool {
        let Some(text) = self
            .sections
            .get(syscall)
            .and_then(|(f, _)| self.texts.get(f))
        else {
            return false;
        };
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        text.match_indices(word).any(|(i, _)| {
            !text[..i].chars().next_back().is_some_and(is_word)
                && !text[i + word.len()..].chars().next().is_some_and(is_word)
        })
    }
}

/// A path to `target` from the directory `base` (both relative to the working directory).
fn relative(target: &Path, base: &Path) -> String {
    let depth = base
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .count();
    let mut s = "../".repeat(depth);
    s.push_str(&target.to_string_lossy());
    s
}

/// Renders the coverage as one Markdown table with a total line; `decisions` links each
/// syscall to its decision record (a syscall without one is shown without a link), and an
/// errno not reached that its record does not name is marked `(?)` and listed before the total.
pub fn render_markdown(c: &Coverage, decisions: &Decisions, link_base: &Path) -> String {
    let mut unexplained = Vec::new();
    let mut out = String::from(
        "| syscall | success | errnos reached | reached | not reached (why: its decision record) | constraints broken |\n\
         |---|---|---|---|---|---|\n",
    );
    for s in &c.syscalls {
        let name = match decisions.sections.get(&s.name) {
            Some((file, a)) => format!("[`{}`]({}#{a})", s.name, relative(file, link_base)),
            None => format!("`{}`", s.name),
        };
        let success = match s.success {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "?",
        };
        let constraints = if s.constraints.is_empty() {
            "-".to_string()
        } else {
            format!("{}/{}", s.constraints_seen, s.constraints.len())
        };
        let mut not_reached = Vec::new();
        for e in s.errnos.iter().filter(|e| !e.seen) {
            if decisions.names(&s.name, &e.name) {
                not_reached.push(e.name.clone());
            } else {
                not_reached.push(format!("{} (?)", e.name));
                unexplained.push(format!("{}:{}", s.name, e.name));
            }
        }
        out.push_str(&format!(
            "| {name} | {success} | {}/{} | {} | {} | {constraints} |\n",
            s.errnos_seen,
            s.errnos.len(),
            names(&s.errnos, true),
            if not_reached.is_empty() {
                "-".to_string()
            } else {
                not_reached.join(" ")
            },
        ));
    }
    if !unexplained.is_empty() {
        out.push_str(&format!(
            "\nNot reached and not named in their decision record (?): {}.\n",
            unexplained.join(" ")
        ));
    }
    let t = &c.total;
    out.push_str(&format!(
        "\n{} specs: {}/{} succeeded, {}/{} declared errnos reached, {}/{} runtime constraints broken.\n",
        t.syscalls, t.successes_seen, t.syscalls, t.errnos_seen, t.errnos, t.constraints_seen, t.constraints
    ));
    out
}

/// Runs `kapi coverage`.
pub fn run(a: &CoverageArgs) -> Result<bool> {
    let (source, text) = read_input(a.file.as_deref())?;
    let c = parse(&source, &text)?;
    if a.markdown {
        let decisions = decision_sections(&a.decisions)?;
        print!("{}", render_markdown(&c, &decisions, &a.link_base));
        return Ok(true);
    }
    super::print_report(a.json, &c, render)?;
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
    fn markdown_links_each_syscall_to_its_decision_record() {
        let dir = std::env::temp_dir().join(format!("kapi-cov-md-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("decisions")).unwrap();
        std::fs::write(
            dir.join("DECISIONS.md"),
            "# x\n## 1. Shared: munlockall\n## mlock2(unsigned long start, size_t len, int flags)\nNot reached: EPERM.\n## mlock2 again\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("decisions/fd.md"),
            "## munlockall\n## munlockallx\nEINTRA is not the word\n",
        )
        .unwrap();
        let decisions = decision_sections(&dir).unwrap();
        let md = render_markdown(&parse("f", GOOD).unwrap(), &decisions, Path::new("docs"));
        std::fs::remove_dir_all(&dir).unwrap();
        let d = dir.to_string_lossy();
        assert!(
            md.contains(&format!(
                "| [`mlock2`](../{d}/DECISIONS.md#mlock2unsigned-long-start-size_t-len-int-flags) | yes | 1/2 | EINVAL | EPERM | 1/2 |"
            )),
            "{md}"
        );
        assert!(
            md.contains(&format!("| [`munlockall`](../{d}/decisions/fd.md#munlockall) | **no** | 0/1 | - | EINTR (?) | - |")),
            "{md}"
        );
        assert!(
            md.contains(
                "Not reached and not named in their decision record (?): munlockall:EINTR."
            ),
            "{md}"
        );
        assert!(
            md.contains("2 specs: 1/2 succeeded, 1/3 declared errnos reached, 1/2 runtime constraints broken."),
            "{md}"
        );
    }

    #[test]
    fn empty_input() {
        let c = parse("f", "\n# nothing\n").unwrap();
        assert!(c.syscalls.is_empty());
        assert_eq!(render(&c), "no specs in the coverage file\n");
    }
}

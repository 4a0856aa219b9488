// SPDX-License-Identifier: GPL-2.0

//! `kapi draft`: a spec to start from for one syscall, made from the kernel tree (its number,
//! its `SYSCALL_DEFINE`'s parameters and C types, the constants its [code] compares them with)
//! and its [man] page (the summary, the ERRORS section).
//!
//! What is read from the definition is written as it is; what is guessed (the constraints,
//! the errors) carries the `[unchecked: <where from>]` mark
//! ([`unchecked_mark`]), an error wherever the spec is
//! read until someone checks the line and removes it. The `//` lines before the comment say
//! where everything came from, and what was left out.

pub mod code;
pub mod man;

use std::collections::BTreeMap;

use code::{Found, Site, Use};
use man::{ManError, ManPage};

use crate::diag::did_you_mean;
use crate::emit::writer::{sanitize, Out};
use crate::parse::kerneldoc::unchecked_mark;
use crate::resolve::ctype;
use crate::resolve::ksrc::KernelInfo;
use crate::resolve::sysdef::SyscallDef;

/// Why there is no draft.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// The name is not in the syscall table.
    #[error("no syscall `{name}` on {arch} (not a name of {table}){}", hint.as_deref().map_or(String::new(), |h| format!("; {h}")))]
    UnknownSyscall {
        /// The name asked for.
        name: String,
        /// The architecture.
        arch: &'static str,
        /// Its syscall table.
        table: &'static str,
        /// "did you mean ...?", if a name is near.
        hint: Option<String>,
    },
}

/// Longest condition taken from a man page's text.
const CONDITION_WORDS: usize = 10;

/// The draft spec of syscall `name` (`sys_` optional): the text of a `.kapi` file. `man` is
/// its man page, or why there is none (said in a comment).
pub fn draft(
    k: &KernelInfo,
    name: &str,
    man: &Result<ManPage, String>,
) -> Result<String, DraftError> {
    let name = name.strip_prefix("sys_").unwrap_or(name);
    let Some(nr) = k.syscall_nr(name) else {
        return Err(DraftError::UnknownSyscall {
            name: name.to_string(),
            arch: k.arch.name,
            table: k.arch.syscall_table,
            hint: did_you_mean(name, k.syscalls().keys().map(String::as_str)),
        });
    };
    let mut d = Draft {
        k,
        name,
        notes: Vec::new(),
        body: Out::default(),
    };
    d.notes.push(format!(
        "{name}: syscall {nr} on {} ({})",
        k.arch.name, k.arch.syscall_table
    ));
    let def = d.definition();
    let summary = man.as_ref().ok().and_then(ManPage::summary);
    d.body.line(&format!(
        "sys_{name} - {}",
        summary.as_deref().unwrap_or("(summary)")
    ));
    match &def {
        Some(def) => d.params(def),
        None => d.body.line(""),
    }
    d.body.line("return-type: long");
    d.body.line("return-check-type: KAPI_RETURN_ERROR_CHECK");
    match man {
        Ok(page) => d.errors(page),
        Err(why) => d.notes.push(format!(
            "no man page: {why}; the error-code lines are yours to write"
        )),
    }
    Ok(d.finish(man.as_ref().ok()))
}

/// A draft being written: the `//` notes before the comment, and the comment's lines.
struct Draft<'a> {
    k: &'a KernelInfo,
    name: &'a str,
    notes: Vec<String>,
    body: Out,
}

impl Draft<'_> {
    /// The kernel's definition (the first, if there are variants), noted.
    fn definition(&mut self) -> Option<SyscallDef> {
        let entry = self.k.entry_point(self.name);
        let defs = self
            .k
            .definitions()
            .map_or(&[][..], |d| d.get(entry.unwrap_or(self.name)));
        let Some(def) = defs.first() else {
            self.notes.push(format!(
                "no SYSCALL_DEFINE of sys_{} (entry point {}) under {}: write the @<param>: and \
                 param-type lines by hand",
                self.name,
                entry.unwrap_or("none"),
                self.k.arch.syscall_sources.join(", ")
            ));
            return None;
        };
        self.notes.push(format!("{}: {def}", def.origin()));
        if defs.len() > 1 {
            let others: Vec<String> = defs[1..].iter().map(SyscallDef::origin).collect();
            self.notes.push(format!(
                "also defined at {} (variants per configuration); the draft follows the first",
                others.join(", ")
            ));
        }
        Some(def.clone())
    }

    /// The `@<param>:` lines, then each parameter's type and candidate constraints.
    fn params(&mut self, def: &SyscallDef) {
        for p in &def.params {
            let width = ctype::width(&p.c_type, self.k.arch)
                .map_or_else(|| "width not known to kapi".to_string(), ctype::describe);
            self.body
                .line(&format!("@{}: {}, {width}", p.name, p.c_type));
        }
        self.body.line("");
        let uses = self.uses(def);
        for (i, p) in def.params.iter().enumerate() {
            self.body
                .line(&format!("param-type: {}, {}", p.name, p.c_type));
            if ctype::width(&p.c_type, self.k.arch).is_none() {
                self.notes.push(format!(
                    "{}: kapi does not know the width of `{}`: add a param-ctype of a type it \
                     knows (resolve/ctype.rs)",
                    p.name, p.c_type
                ));
            }
            let mine: Vec<&Found> = uses.iter().filter(|f| f.param == i).collect();
            self.constraints(&p.name, &mine);
        }
    }

    /// What the code compares `def`'s parameters with (nothing without the source tree).
    fn uses(&mut self, def: &SyscallDef) -> Vec<Found> {
        let Some(dir) = self.k.source_dir() else {
            return Vec::new();
        };
        let path = dir.join(&def.file);
        match std::fs::read(&path) {
            Ok(bytes) => code::uses(&String::from_utf8_lossy(&bytes), def),
            Err(e) => {
                self.notes.push(format!(
                    "cannot read {}: {e}; no constraints",
                    path.display()
                ));
                Vec::new()
            }
        }
    }

    /// The candidate constraints of parameter `p` from its uses: a mask per distinct `p & ~X`;
    /// without one, a mask of the named flags `p & X` tests; for a parameter that is not
    /// masked, an enum of its `switch`'s `case` values and of the values it is compared with if
    /// there are several (one alone is as likely the exception as the rule: noted). Constants
    /// the linter cannot evaluate are noted instead.
    fn constraints(&mut self, p: &str, uses: &[&Found]) {
        let mut seen: Vec<&Site> = Vec::new();
        for f in uses {
            if !seen.contains(&&f.site) {
                seen.push(&f.site);
                self.notes.push(format!(
                    "{p}: {} in {}: {}",
                    f.site.origin(),
                    f.site.func,
                    f.site.code
                ));
            }
        }
        let of = |how: Use| -> Vec<(&str, Vec<&Site>)> {
            let mut v: Vec<(&str, Vec<&Site>)> = Vec::new();
            for f in uses.iter().filter(|f| f.how == how) {
                match v.iter_mut().find(|(e, _)| *e == f.expr) {
                    Some((_, sites)) if !sites.contains(&&f.site) => sites.push(&f.site),
                    Some(_) => {}
                    None => v.push((&f.expr, vec![&f.site])),
                }
            }
            v
        };
        let refused = of(Use::Refuses);
        // `p & 0xff` takes bits; a flag has a name.
        let mut tested = of(Use::Tests);
        tested.retain(|(e, _)| names_a_constant(e));
        for (e, sites) in &refused {
            self.candidate(p, "mask", &[(e, sites.clone())]);
        }
        if refused.is_empty() && !tested.is_empty() {
            self.candidate(p, "mask", &tested);
        }
        let (mut values, compared) = (of(Use::Cases), of(Use::Compares));
        let mut odd = Vec::new();
        if compared.len() > 1 {
            for c in compared {
                if !values.iter().any(|(e, _)| *e == c.0) {
                    values.push(c);
                }
            }
        } else {
            odd = compared;
        }
        if refused.is_empty() && tested.is_empty() {
            self.candidate(p, "enum", &values);
        } else {
            odd.extend(values);
        }
        for (e, sites) in &odd {
            self.notes.push(format!(
                "{p}: compared with {e} ({}): a value to allow or to exclude?",
                origins(sites)
            ));
        }
    }

    /// One `param-constraint-type` line of kind `kind` (`mask`: the values or'ed, `enum`:
    /// listed) from the constants the linter can evaluate; the others are noted.
    fn candidate(&mut self, p: &str, kind: &str, values: &[(&str, Vec<&Site>)]) {
        let mut known: Vec<&str> = Vec::new();
        let mut sites: Vec<&Site> = Vec::new();
        for (e, at) in values {
            match self.k.eval(e) {
                Ok(_) => {
                    known.push(e);
                    for s in at {
                        if !sites.contains(s) {
                            sites.push(s);
                        }
                    }
                }
                Err(err) => self.notes.push(format!(
                    "{p}: {kind} candidate `{e}` ({}) left out: {}",
                    origins(at),
                    err.message
                )),
            }
        }
        if known.is_empty() {
            return;
        }
        let value = if kind == "mask" {
            known.join(" | ")
        } else {
            known.join(", ")
        };
        let mark = unchecked_mark(&origins(&sites));
        self.body.text(
            &format!("param-constraint-type: {mark} "),
            &format!("{p}, {kind}({value})"),
            "  ",
        );
    }

    /// One `error-code` line per errno of the page's ERRORS section (aliases under the name
    /// the kernel defines by number), its entries' texts as the description; entries about
    /// other calls of the page and errnos the kernel does not define are noted.
    fn errors(&mut self, page: &ManPage) {
        let k = self.k;
        let file = page.name();
        self.notes
            .push(format!("man page: {}", page.path.display()));
        let mut order: Vec<String> = Vec::new();
        let mut by_name: BTreeMap<String, Vec<&ManError>> = BTreeMap::new();
        let entries = page.errors();
        for e in &entries {
            if !e.calls.is_empty() && !e.calls.iter().any(|c| c == self.name) {
                self.notes.push(format!(
                    "{file}:{}: {} left out: about {}",
                    e.line,
                    e.names.join(", "),
                    e.calls
                        .iter()
                        .map(|c| format!("{c}()"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                continue;
            }
            for n in &e.names {
                let Some(canon) = k.errno(n).and_then(|v| k.errno_names().get(&v)) else {
                    self.notes.push(format!(
                        "{file}:{}: {n} left out: not an errno of the kernel's headers",
                        e.line
                    ));
                    continue;
                };
                if !order.contains(canon) {
                    order.push(canon.clone());
                }
                // `EAGAIN or EWOULDBLOCK`: one entry, once.
                let list = by_name.entry(canon.clone()).or_default();
                if !list.iter().any(|x| std::ptr::eq(*x, e)) {
                    list.push(e);
                }
            }
        }
        if entries.is_empty() {
            self.notes.push(format!(
                "{file}: no ERRORS entries found; write the error-code lines"
            ));
        }
        for n in &order {
            let es = &by_name[n];
            let at = lines_of(es.iter().map(|e| (file.as_str(), e.line)));
            let texts: Vec<&str> = es.iter().map(|e| e.text.as_str()).collect();
            self.body.text(
                &format!("error-code: {} ", unchecked_mark(&at)),
                &format!(
                    "-{n}, {n}, {},\n{}",
                    condition(texts[0]),
                    texts.join("\n\n").replace("*/", "* /")
                ),
                "  ",
            );
        }
    }

    /// The file: the notes as `//` lines, then the comment.
    fn finish(self, man: Option<&ManPage>) -> String {
        let from = man.map_or_else(String::new, |m| format!(" and {}", m.name()));
        let mut s = format!(
            "// A draft of sys_{} by `kapi draft`, from {}{from}: a start, not a spec.\n\
             // Check each line against the kernel source: a line marked [unchecked: <where from>]\n\
             // is a guess, and the spec is refused until its mark is removed. Then write the\n\
             // descriptions, param-errno and test-arg lines (specs/README.md).\n//\n",
            self.name, self.k.source_name
        );
        for n in &self.notes {
            s.push_str("// ");
            s.push_str(n);
            s.push('\n');
        }
        s.push_str("/**\n");
        s.push_str(&self.body.s);
        s.push_str(" */\n");
        s
    }
}

/// Where the sites are: `file:line, line, other-file:line`.
fn origins(sites: &[&Site]) -> String {
    lines_of(sites.iter().map(|s| (s.file.as_str(), s.line)))
}

/// `file:line, line, other-file:line`: each file named once per run of lines in it.
fn lines_of<'s>(at: impl IntoIterator<Item = (&'s str, u32)>) -> String {
    let mut out = String::new();
    let mut last: Option<&str> = None;
    for (file, line) in at {
        if !out.is_empty() {
            out.push_str(", ");
        }
        if last != Some(file) {
            out.push_str(file);
            out.push(':');
            last = Some(file);
        }
        out.push_str(&line.to_string());
    }
    out
}

/// Whether a constant expression names a constant (not numbers alone).
fn names_a_constant(e: &str) -> bool {
    e.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|w| w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
}

/// A short condition from a man page's text: its first clause, at most [`CONDITION_WORDS`]
/// words, as a field that cannot hold a comma.
fn condition(text: &str) -> String {
    let end = [". ", "; ", ", ", " ("]
        .iter()
        .filter_map(|p| text.find(p))
        .min()
        .unwrap_or(text.len());
    let clause = text[..end].trim_end_matches('.');
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut c = words[..words.len().min(CONDITION_WORDS)].join(" ");
    if words.len() > CONDITION_WORDS {
        c.push_str("...");
    }
    if c.is_empty() {
        c.push_str("(condition)");
    }
    sanitize(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_have_names() {
        assert!(names_a_constant("O_CLOEXEC | 0x1"));
        assert!(!names_a_constant("0xff"));
        assert!(!names_a_constant("(1 << 3)"));
    }

    #[test]
    fn origins_name_each_file_once_per_run() {
        let at = [("a.c", 1), ("a.c", 5), ("b.c", 2), ("a.c", 9)];
        assert_eq!(lines_of(at), "a.c:1, 5, b.c:2, a.c:9");
        assert_eq!(lines_of([]), "");
    }

    #[test]
    fn conditions_are_short_fields() {
        assert_eq!(
            condition("Operation is prohibited by locks held by other processes."),
            "Operation is prohibited by locks held by other processes"
        );
        assert_eq!(
            condition(
                "The result of the addition addr+len was less than addr (e.g., the addition)."
            ),
            "The result of the addition addr+len was less than addr"
        );
        assert_eq!(
            condition("one two three four five six seven eight nine ten eleven"),
            "one two three four five six seven eight nine ten..."
        );
        assert_eq!(condition("fd is not open, or it is."), "fd is not open");
        assert_eq!(condition(""), "(condition)");
    }
}

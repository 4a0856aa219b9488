// SPDX-License-Identifier: GPL-2.0

//! The kernel's own signatures of its syscalls: every `SYSCALL_DEFINE<n>(name, type, arg, ...)`
//! of the C files where an architecture's native syscalls are defined ([`Arch::syscall_sources`]),
//! indexed by name. `COMPAT_SYSCALL_DEFINE` and the like are not native x86_64 entry points and
//! are left out.
//!
//! The scan reads each `.c` file once (a few hundred milliseconds for the 7.2 tree's syscall
//! directories, done once per [`KernelInfo`](super::ksrc::KernelInfo) and only when a spec is
//! linted) and looks for the macro at the start of a line, where the kernel's definitions all
//! are; a mention in a comment or a macro body is indented or follows other text.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use super::ksrc::Arch;

/// The macro, without its argument count.
const MACRO: &str = "SYSCALL_DEFINE";

/// The most parameters a syscall has (`SYSCALL_DEFINE6`).
const MAX_ARGS: usize = 6;

/// Past this many bytes, an argument list is not a definition (there is no closing parenthesis
/// nearby).
const MAX_DEF_LEN: usize = 4096;

/// One parameter of a kernel definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KernelParam {
    /// Its C type, whitespace collapsed (`const char __user *`).
    pub c_type: String,
    /// Its name.
    pub name: String,
}

/// One `SYSCALL_DEFINE<n>` of the kernel source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyscallDef {
    /// The name given to the macro (the entry point without `sys_`).
    pub name: String,
    /// The parameters, in order.
    pub params: Vec<KernelParam>,
    /// The file, relative to the source root.
    pub file: String,
    /// 1-based line of the macro.
    pub line: u32,
}

impl SyscallDef {
    /// `file:line`.
    pub fn origin(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// The parameter called `name`, with its index.
    pub fn param(&self, name: &str) -> Option<(usize, &KernelParam)> {
        self.params.iter().enumerate().find(|(_, p)| p.name == name)
    }
}

impl fmt::Display for SyscallDef {
    /// The macro as the kernel writes it, on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{MACRO}{}({}", self.params.len(), self.name)?;
        for p in &self.params {
            write!(f, ", {}, {}", p.c_type, p.name)?;
        }
        f.write_str(")")
    }
}

/// The definitions found in a tree, by name; a name defined more than once (per-config
/// variants under `#ifdef`) has them all, in file order.
#[derive(Clone, Debug, Default)]
pub struct SyscallDefs {
    by_name: BTreeMap<String, Vec<SyscallDef>>,
    /// How many `.c` files were read.
    pub files: usize,
    /// Files that could not be read, with the reason.
    pub unreadable: Vec<String>,
}

impl SyscallDefs {
    /// The definitions of `name` (without `sys_`), in file order; empty when there is none.
    pub fn get(&self, name: &str) -> &[SyscallDef] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }

    /// Number of names defined.
    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    /// Whether no definition was found.
    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }

    /// Adds the definitions in `text`, the contents of the file `path`.
    pub fn scan_text(&mut self, path: &str, text: &str) {
        self.files += 1;
        for d in definitions(path, text) {
            self.by_name.entry(d.name.clone()).or_default().push(d);
        }
    }

    /// Reads every `.c` file under `arch`'s syscall sources in the tree at `dir` (files and
    /// directories, recursively, in name order; missing ones are skipped).
    pub fn scan_tree(dir: &Path, arch: &Arch) -> Self {
        let mut files = Vec::new();
        for rel in arch.syscall_sources {
            collect_c_files(dir, rel, arch.syscall_sources_skip, &mut files);
        }
        let mut defs = Self::default();
        for rel in files {
            let path = dir.join(&rel);
            match std::fs::read(&path) {
                Ok(bytes) => {
                    // Definitions are ASCII; only a file that holds the macro is converted.
                    if contains(&bytes, MACRO.as_bytes()) {
                        defs.scan_text(&rel, &String::from_utf8_lossy(&bytes));
                    } else {
                        defs.files += 1;
                    }
                }
                Err(e) => defs.unreadable.push(format!("{rel}: {e}")),
            }
        }
        defs
    }
}

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut from = 0;
    while let Some(i) = hay[from..].iter().position(|&b| b == first) {
        let at = from + i;
        if hay[at + 1..].starts_with(rest) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Appends the `.c` files at `rel` (a file or a directory, relative to `root`) to `out`, in
/// name order, leaving out those under a path of `skip`. Symbolic links are not followed.
fn collect_c_files(root: &Path, rel: &str, skip: &[&str], out: &mut Vec<String>) {
    if skip.contains(&rel) {
        return;
    }
    let path = root.join(rel);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return;
    };
    if meta.is_file() {
        if rel.ends_with(".c") {
            out.push(rel.to_string());
        }
        return;
    }
    if !meta.is_dir() {
        return;
    }
    let Ok(rd) = std::fs::read_dir(&path) else {
        return;
    };
    let mut names: Vec<String> = rd
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for n in names {
        collect_c_files(root, &format!("{rel}/{n}"), skip, out);
    }
}

/// The `SYSCALL_DEFINE<n>(...)` definitions of one C file, in order. A malformed one (wrong
/// number of arguments, no closing parenthesis) is left out.
pub fn definitions(path: &str, text: &str) -> Vec<SyscallDef> {
    let mut out = Vec::new();
    let mut line = 1u32;
    let mut counted = 0;
    let mut from = 0;
    while let Some(i) = text[from..].find(MACRO) {
        let at = from + i;
        from = at + MACRO.len();
        if at > 0 && text.as_bytes()[at - 1] != b'\n' {
            continue;
        }
        line = line.saturating_add(count_newlines(&text[counted..at]));
        counted = at;
        if let Some(d) = definition(&text[from..], path, line) {
            out.push(d);
        }
    }
    out
}

fn count_newlines(s: &str) -> u32 {
    u32::try_from(s.bytes().filter(|&b| b == b'\n').count()).unwrap_or(u32::MAX)
}

/// The definition whose macro name ends just before `rest` (`3(name, type, arg, ...)`).
fn definition(rest: &str, file: &str, line: u32) -> Option<SyscallDef> {
    let digit = rest.bytes().next().filter(u8::is_ascii_digit)?;
    let n = usize::from(digit - b'0');
    if n > MAX_ARGS {
        return None;
    }
    let rest = rest[1..].trim_start();
    let body = rest.strip_prefix('(')?;
    let args = split_args(body)?;
    if args.len() != 1 + 2 * n {
        return None;
    }
    let name = args[0].clone();
    if !is_ident(&name) {
        return None;
    }
    let params: Option<Vec<KernelParam>> = args[1..]
        .chunks(2)
        .map(|pair| match pair {
            [t, a] if !t.is_empty() && is_ident(a) => Some(KernelParam {
                c_type: t.clone(),
                name: a.clone(),
            }),
            _ => None,
        })
        .collect();
    Some(SyscallDef {
        name,
        params: params?,
        file: file.to_string(),
        line,
    })
}

/// The comma-separated arguments up to the `)` that closes the list, comments removed and
/// whitespace collapsed; `None` when it is not closed within [`MAX_DEF_LEN`] bytes.
fn split_args(body: &str) -> Option<Vec<String>> {
    let mut args = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    let mut it = body.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if i > MAX_DEF_LEN {
            return None;
        }
        match c {
            '/' if it.peek().is_some_and(|&(_, n)| n == '*') => {
                let end = body[i + 2..].find("*/")?;
                let skip_to = i + 2 + end + 2;
                while it.peek().is_some_and(|&(j, _)| j < skip_to) {
                    it.next();
                }
                cur.push(' ');
            }
            '/' if it.peek().is_some_and(|&(_, n)| n == '/') => {
                while it.peek().is_some_and(|&(_, n)| n != '\n') {
                    it.next();
                }
            }
            '(' => {
                depth += 1;
                cur.push(c);
            }
            ')' if depth == 0 => {
                args.push(collapse(&cur));
                return Some(args);
            }
            ')' => {
                depth -= 1;
                cur.push(c);
            }
            ',' if depth == 0 => args.push(collapse(&std::mem::take(&mut cur))),
            '{' | ';' => return None,
            _ => cur.push(c),
        }
    }
    None
}

/// Whitespace collapsed to single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_ident(s: &str) -> bool {
    let mut b = s.bytes();
    b.next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        && b.all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "/* SYSCALL_DEFINE1(comment, int, x) is a mention */
#include <linux/syscalls.h>

SYSCALL_DEFINE3(frob, unsigned long, addr,
\t\tsize_t, size, /* the mode */ int, mode)
{
\treturn 0;
}

COMPAT_SYSCALL_DEFINE1(frob_compat, compat_uptr_t, p)
{
}
SYSCALL_DEFINE0(getnothing)
{
}
  SYSCALL_DEFINE1(indented, int, x)
SYSCALL_DEFINE2(bad, int)
SYSCALL_DEFINE7(seven, int, a)
SYSCALL_DEFINE1(unclosed, int, x
{
SYSCALL_DEFINE2(twiddle, const char __user *, path, struct foo __user *, out)
";

    #[test]
    fn finds_the_definitions_at_line_start() {
        let defs = definitions("k/f.c", FILE);
        let names: Vec<&str> = defs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["frob", "getnothing", "twiddle"]);
        let frob = &defs[0];
        assert_eq!(frob.origin(), "k/f.c:4");
        assert_eq!(
            frob.to_string(),
            "SYSCALL_DEFINE3(frob, unsigned long, addr, size_t, size, int, mode)"
        );
        assert_eq!(frob.param("mode").map(|(i, _)| i), Some(2));
        assert_eq!(defs[1].origin(), "k/f.c:13");
        assert!(defs[1].params.is_empty());
        assert_eq!(defs[2].origin(), "k/f.c:21");
        assert_eq!(defs[2].params[0].c_type, "const char __user *");
        assert_eq!(defs[2].params[1].c_type, "struct foo __user *");
    }

    #[test]
    fn index_keeps_every_variant() {
        let mut d = SyscallDefs::default();
        d.scan_text("a.c", "SYSCALL_DEFINE1(x, int, a)\n");
        d.scan_text("b.c", "SYSCALL_DEFINE1(x, long, a)\n");
        assert_eq!(d.get("x").len(), 2);
        assert_eq!(d.get("x")[1].origin(), "b.c:1");
        assert!(d.get("y").is_empty());
        assert_eq!((d.len(), d.files), (1, 2));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in [
            "",
            "SYSCALL_DEFINE",
            "SYSCALL_DEFINE3",
            "SYSCALL_DEFINE3(",
            "SYSCALL_DEFINE1(a, int, b /* open",
            "SYSCALL_DEFINE1(a, int, b // x\n)",
            "SYSCALL_DEFINEé(",
            "\nSYSCALL_DEFINE1((((, int, x)",
        ] {
            let _ = definitions("t.c", t);
        }
        assert!(contains(b"abcSYSCALL_DEFINE", MACRO.as_bytes()));
        assert!(!contains(b"SYSCALL_DEFIN", MACRO.as_bytes()));
    }
}
